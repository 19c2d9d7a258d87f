//! The member form's catalogue: its sections, and every field with its section, the
//! input it takes and its hint, in the order shown (RULES.md's facts, the holdings of R6
//! and R8, the 資格確認書 of R6, the insurer of R7 and R13).

use crate::error::Field;
use crate::i18n::{MessageId, ids};

/// The form's sections, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Person,
    Card,
    Certificate,
    Counter,
    EligibilityCertificate,
    Move,
    Abroad,
    Insurer,
}

impl Section {
    pub(super) const ALL: [Section; 8] = [
        Section::Person,
        Section::Card,
        Section::Certificate,
        Section::Counter,
        Section::EligibilityCertificate,
        Section::Move,
        Section::Abroad,
        Section::Insurer,
    ];

    pub(super) fn id(self) -> &'static str {
        match self {
            Section::Person => "person",
            Section::Card => "card",
            Section::Certificate => "certificate",
            Section::Counter => "counter",
            Section::EligibilityCertificate => "eligibility_certificate",
            Section::Move => "move",
            Section::Abroad => "abroad",
            Section::Insurer => "insurer",
        }
    }

    pub(super) fn title(self) -> MessageId {
        match self {
            Section::Person => ids::FORM_SECTION_PERSON,
            Section::Card => ids::FORM_SECTION_CARD,
            Section::Certificate => ids::FORM_SECTION_CERTIFICATE,
            Section::Counter => ids::FORM_SECTION_COUNTER,
            Section::EligibilityCertificate => ids::FORM_SECTION_ELIGIBILITY_CERTIFICATE,
            Section::Move => ids::FORM_SECTION_MOVE,
            Section::Abroad => ids::FORM_SECTION_ABROAD,
            Section::Insurer => ids::FORM_SECTION_INSURER,
        }
    }
}

/// What a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Date,
    YesNo,
    Choice,
    Text,
}

/// One field of the member form.
pub(super) struct Spec {
    pub(super) field: Field,
    pub(super) section: Section,
    pub(super) kind: Kind,
    pub(super) hint: Option<MessageId>,
}

const fn spec(field: Field, section: Section, kind: Kind, hint: Option<MessageId>) -> Spec {
    Spec {
        field,
        section,
        kind,
        hint,
    }
}

/// Every field, in the order shown.
pub(super) const SPECS: &[Spec] = {
    use Field as F;
    use Kind::{Choice, Date, Text, YesNo};
    use Section as S;
    &[
        spec(
            F::DisplayName,
            S::Person,
            Text,
            Some(ids::FORM_HINT_DISPLAY_NAME),
        ),
        spec(
            F::NameAsPrinted,
            S::Person,
            Text,
            Some(ids::FORM_HINT_NAME_AS_PRINTED),
        ),
        spec(F::Relationship, S::Person, Choice, None),
        spec(
            F::BirthDate,
            S::Person,
            Date,
            Some(ids::FORM_HINT_BIRTH_DATE),
        ),
        spec(F::ForeignNational, S::Person, YesNo, None),
        spec(
            F::ResidenceLimitOn,
            S::Person,
            Date,
            Some(ids::FORM_HINT_RESIDENCE_LIMIT_ON),
        ),
        spec(F::HasCard, S::Card, YesNo, None),
        spec(F::CardCondition, S::Card, Choice, None),
        spec(
            F::CardIssuedOn,
            S::Card,
            Date,
            Some(ids::FORM_HINT_CARD_ISSUED_ON),
        ),
        spec(
            F::CardAppliedOn,
            S::Card,
            Date,
            Some(ids::FORM_HINT_CARD_APPLIED_ON),
        ),
        spec(
            F::CardExpiresOn,
            S::Card,
            Date,
            Some(ids::FORM_HINT_CARD_EXPIRES_ON),
        ),
        spec(
            F::RegisteredForInsurance,
            S::Card,
            YesNo,
            Some(ids::FORM_HINT_REGISTERED_FOR_INSURANCE),
        ),
        spec(
            F::HasMyNumber,
            S::Card,
            YesNo,
            Some(ids::FORM_HINT_HAS_MY_NUMBER),
        ),
        spec(
            F::CertIssuedOn,
            S::Certificate,
            Date,
            Some(ids::FORM_HINT_CERT_ISSUED_ON),
        ),
        spec(
            F::CertExpiresOn,
            S::Certificate,
            Date,
            Some(ids::FORM_HINT_CERT_EXPIRES_ON),
        ),
        spec(
            F::PreviousCertExpiresOn,
            S::Certificate,
            Date,
            Some(ids::FORM_HINT_PREVIOUS_CERT_EXPIRES_ON),
        ),
        spec(F::HasSmartphone, S::Counter, YesNo, None),
        spec(
            F::SmartphoneInsuranceCard,
            S::Counter,
            YesNo,
            Some(ids::FORM_HINT_SMARTPHONE_INSURANCE_CARD),
        ),
        spec(
            F::CarriesNotice,
            S::Counter,
            YesNo,
            Some(ids::FORM_HINT_CARRIES_NOTICE),
        ),
        spec(
            F::NeedsHelper,
            S::Counter,
            YesNo,
            Some(ids::FORM_HINT_NEEDS_HELPER),
        ),
        spec(
            F::HasEligibilityCertificate,
            S::EligibilityCertificate,
            YesNo,
            Some(ids::FORM_HINT_HAS_ELIGIBILITY_CERTIFICATE),
        ),
        spec(
            F::EligibilityCertificateIssuedOn,
            S::EligibilityCertificate,
            Date,
            Some(ids::FORM_HINT_ELIGIBILITY_CERTIFICATE_ISSUED_ON),
        ),
        spec(
            F::EligibilityCertificateExpiresOn,
            S::EligibilityCertificate,
            Date,
            Some(ids::FORM_HINT_ELIGIBILITY_CERTIFICATE_EXPIRES_ON),
        ),
        spec(F::MovedOn, S::Move, Date, Some(ids::FORM_HINT_MOVED_ON)),
        spec(F::MovedWithinMunicipality, S::Move, YesNo, None),
        spec(
            F::MovedOutPlannedOn,
            S::Move,
            Date,
            Some(ids::FORM_HINT_MOVED_OUT_PLANNED_ON),
        ),
        spec(
            F::MoveInFiledOn,
            S::Move,
            Date,
            Some(ids::FORM_HINT_MOVE_IN_FILED_ON),
        ),
        spec(
            F::ContinuedUseAtMoveIn,
            S::Move,
            YesNo,
            Some(ids::FORM_HINT_CONTINUED_USE_AT_MOVE_IN),
        ),
        spec(
            F::ContinuedUseDoneOn,
            S::Move,
            Date,
            Some(ids::FORM_HINT_CONTINUED_USE_DONE_ON),
        ),
        spec(
            F::OverseasDepartureOn,
            S::Abroad,
            Date,
            Some(ids::FORM_HINT_OVERSEAS_DEPARTURE_ON),
        ),
        spec(
            F::OverseasContinuedUseAppliedOn,
            S::Abroad,
            Date,
            Some(ids::FORM_HINT_OVERSEAS_CONTINUED_USE_APPLIED_ON),
        ),
        spec(
            F::InsurerRegisteredOn,
            S::Insurer,
            Date,
            Some(ids::FORM_HINT_INSURER_REGISTERED_ON),
        ),
        spec(
            F::InsurerJoinedOn,
            S::Insurer,
            Date,
            Some(ids::FORM_HINT_INSURER_JOINED_ON),
        ),
        spec(
            F::DependentOf,
            S::Insurer,
            Choice,
            Some(ids::FORM_HINT_DEPENDENT_OF),
        ),
    ]
};
