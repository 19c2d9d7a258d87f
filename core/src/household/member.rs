//! A member of the household: who they are to the household, their facts (RULES.md),
//! their 資格確認書 (R6), what they hold (R6, R8), whose dependent they are (R13), and the
//! checks a member passes.
//!
//! **Decision (R13, dependents):** a dependent (被扶養者) is linked to the insured member
//! by `dependent_of`, the id of that other member of the household. The link is followed
//! when the household is evaluated: the dependent's status gets the 国民健康保険 step
//! when the insured member turns 75. A link to no member (removed, or moved from another
//! device) is ignored; one to the member themselves is refused.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Field;
use crate::rules::{CardState, Facts};
use crate::stored_text::check_stored_text;

/// How a member is related to the person who keeps the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Relationship {
    #[serde(rename = "myself")]
    Myself,
    #[serde(rename = "spouse")]
    Spouse,
    #[serde(rename = "child")]
    Child,
    #[serde(rename = "parent")]
    Parent,
    #[serde(rename = "other")]
    Other,
}

impl Relationship {
    /// Every relationship, in the order a form offers them.
    pub const ALL: [Relationship; 5] = [
        Relationship::Myself,
        Relationship::Spouse,
        Relationship::Child,
        Relationship::Parent,
        Relationship::Other,
    ];

    /// The relationship's stable name: its key in JSON and in stored members.
    pub fn stable_name(self) -> &'static str {
        match self {
            Relationship::Myself => "myself",
            Relationship::Spouse => "spouse",
            Relationship::Child => "child",
            Relationship::Parent => "parent",
            Relationship::Other => "other",
        }
    }
}

/// What happened to a member's card, beyond its dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum CardCondition {
    /// In hand and in use.
    #[default]
    #[serde(rename = "in_hand")]
    InHand,
    /// Lost (and suspended, or to be).
    #[serde(rename = "lost")]
    Lost,
    /// Handed in for renewal or reissue.
    #[serde(rename = "being_renewed")]
    BeingRenewed,
    /// Given back to the municipality (返納).
    #[serde(rename = "returned")]
    Returned,
}

impl CardCondition {
    /// Every condition, in the order a form offers them.
    pub const ALL: [CardCondition; 4] = [
        CardCondition::InHand,
        CardCondition::Lost,
        CardCondition::BeingRenewed,
        CardCondition::Returned,
    ];

    /// The condition's stable name: its key in JSON and in stored members.
    pub fn stable_name(self) -> &'static str {
        match self {
            CardCondition::InHand => "in_hand",
            CardCondition::Lost => "lost",
            CardCondition::BeingRenewed => "being_renewed",
            CardCondition::Returned => "returned",
        }
    }
}

/// What a member holds and can use at the counter (R6, R8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(default, deny_unknown_fields)]
pub struct Holdings {
    /// Has a マイナンバーカード.
    pub has_card: bool,
    pub card_condition: CardCondition,
    /// The card is registered for use as health insurance card (保険証利用登録).
    pub registered_for_insurance: bool,
    pub has_smartphone: bool,
    /// マイナ保険証 set up on the smartphone (スマホ保険証, since 2025-09).
    pub smartphone_insurance_card: bool,
    /// Keeps the cut-out 資格情報のお知らせ with the card.
    pub carries_notice: bool,
    /// Needs a helper to use マイナ保険証 at the reader (a reason for a 資格確認書).
    pub needs_helper: bool,
    /// Has a マイナンバー at all (children born abroad may not).
    pub has_my_number: bool,
}

impl Default for Holdings {
    fn default() -> Self {
        Holdings {
            has_card: true,
            card_condition: CardCondition::InHand,
            registered_for_insurance: true,
            has_smartphone: true,
            smartphone_insurance_card: false,
            carries_notice: false,
            needs_helper: false,
            has_my_number: true,
        }
    }
}

impl Holdings {
    /// Every yes/no holding with its field, in the order of the struct.
    pub fn flags(&self) -> [(Field, bool); 7] {
        [
            (Field::HasCard, self.has_card),
            (Field::RegisteredForInsurance, self.registered_for_insurance),
            (Field::HasSmartphone, self.has_smartphone),
            (
                Field::SmartphoneInsuranceCard,
                self.smartphone_insurance_card,
            ),
            (Field::CarriesNotice, self.carries_notice),
            (Field::NeedsHelper, self.needs_helper),
            (Field::HasMyNumber, self.has_my_number),
        ]
    }

    /// The yes/no holding of `field`, to set it.
    pub fn flag_mut(&mut self, field: Field) -> Option<&mut bool> {
        Some(match field {
            Field::HasCard => &mut self.has_card,
            Field::RegisteredForInsurance => &mut self.registered_for_insurance,
            Field::HasSmartphone => &mut self.has_smartphone,
            Field::SmartphoneInsuranceCard => &mut self.smartphone_insurance_card,
            Field::CarriesNotice => &mut self.carries_notice,
            Field::NeedsHelper => &mut self.needs_helper,
            Field::HasMyNumber => &mut self.has_my_number,
            _ => return None,
        })
    }

    /// Whether the card works as マイナ保険証 in `state`: held, in hand, registered, and
    /// its certificate valid or in grace (or its dates not entered yet). The one place
    /// this is decided; guidance and the dashboard both ask here.
    pub fn card_usable(&self, state: CardState) -> bool {
        self.has_card
            && self.card_condition == CardCondition::InHand
            && self.registered_for_insurance
            && (state.usable_as_insurance_card() || state == CardState::Unknown)
    }
}

/// One person whose cards the household keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Member {
    pub id: String,
    pub display_name: String,
    /// The 氏名 as printed on the card and the 資格情報, compared with the name on an
    /// imported PDF (the display name may be a nickname).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_as_printed: Option<String>,
    pub relationship: Relationship,
    pub facts: Facts,
    /// R6: the expiry printed on the member's 資格確認書, when they hold one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_certificate_expires_on: Option<NaiveDate>,
    #[serde(default)]
    pub holdings: Holdings,
    /// Insurance numbers typed from the お知らせ or received from another device, used
    /// where no 資格情報 PDF is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_fields: Option<crate::vault::DocumentFields>,
    /// R6: the issue date printed on the member's 資格確認書 (its expiry is at most 5
    /// years later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub eligibility_certificate_issued_on: Option<NaiveDate>,
    /// R13: the id of the household member whose dependent (被扶養者) this member is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub dependent_of: Option<String>,
}

/// A member as typed in, before the store gives them an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MemberDraft {
    pub display_name: String,
    /// The 氏名 as printed on the card and the 資格情報.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub name_as_printed: Option<String>,
    pub relationship: Relationship,
    pub facts: Facts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub eligibility_certificate_expires_on: Option<NaiveDate>,
    #[serde(default)]
    pub holdings: Holdings,
    /// Insurance numbers typed from the お知らせ or received from another device, used
    /// where no 資格情報 PDF is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub insurance_fields: Option<crate::vault::DocumentFields>,
    /// R6: the issue date printed on the member's 資格確認書.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub eligibility_certificate_issued_on: Option<NaiveDate>,
    /// R13: the id of the household member whose dependent (被扶養者) this member is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub dependent_of: Option<String>,
}

/// The longest display name (and name as printed) kept.
pub const MAX_DISPLAY_NAME_CHARS: usize = 60;
/// The longest member id a link to another member may hold.
const MAX_MEMBER_ID_CHARS: usize = 64;

/// A name: 1–60 characters once trimmed that pass [`check_stored_text`] (no control or
/// bidi characters, no マイナンバー: R10).
pub fn check_name(name: &str) -> Result<(), crate::error::Reason> {
    use crate::error::Reason;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_DISPLAY_NAME_CHARS {
        return Err(Reason::Length {
            min: 1,
            max: MAX_DISPLAY_NAME_CHARS as u32,
        });
    }
    check_stored_text(name)
}

impl MemberDraft {
    /// Checks the draft: a display name (and a name as printed, when given) that passes
    /// [`check_name`], facts that can be true together, insurance fields that pass their
    /// checks, 資格確認書 dates after birth and at most 5 years apart (R6), a link to an
    /// insured member that is an id.
    pub fn validate(&self) -> crate::error::Result<()> {
        use crate::error::{Error, Reason};
        check_name(&self.display_name).map_err(|r| Error::invalid(Field::DisplayName, r))?;
        if let Some(name) = &self.name_as_printed {
            check_name(name).map_err(|r| Error::invalid(Field::NameAsPrinted, r))?;
        }
        self.facts.validate()?;
        if let Some(fields) = &self.insurance_fields {
            fields.validate()?;
        }
        for (field, day) in [
            (
                Field::EligibilityCertificateIssuedOn,
                self.eligibility_certificate_issued_on,
            ),
            (
                Field::EligibilityCertificateExpiresOn,
                self.eligibility_certificate_expires_on,
            ),
        ] {
            if day.is_some_and(|day| day < self.facts.birth_date) {
                return Err(Error::invalid(
                    field,
                    Reason::EarlierThan {
                        other: Field::BirthDate,
                    },
                ));
            }
        }
        if let (Some(issued), Some(expires)) = (
            self.eligibility_certificate_issued_on,
            self.eligibility_certificate_expires_on,
        ) {
            use crate::rules::legacy::{
                ELIGIBILITY_CERTIFICATE_MAX_YEARS, EligibilityCertificateError,
                check_eligibility_certificate,
            };
            let reason = match check_eligibility_certificate(issued, expires) {
                Ok(()) => None,
                Err(EligibilityCertificateError::ExpiresBeforeIssue) => Some(Reason::EarlierThan {
                    other: Field::EligibilityCertificateIssuedOn,
                }),
                Err(EligibilityCertificateError::TooLong) => Some(Reason::ValidForAtMostYears {
                    years: ELIGIBILITY_CERTIFICATE_MAX_YEARS,
                }),
            };
            if let Some(reason) = reason {
                return Err(Error::invalid(
                    Field::EligibilityCertificateExpiresOn,
                    reason,
                ));
            }
        }
        if let Some(insured) = &self.dependent_of {
            let well_formed = !insured.trim().is_empty()
                && insured.chars().count() <= MAX_MEMBER_ID_CHARS
                && !insured.chars().any(char::is_control);
            if !well_formed {
                return Err(Error::invalid(Field::DependentOf, Reason::NotAnotherMember));
            }
        }
        Ok(())
    }

    /// The member this draft becomes under `id`.
    pub fn into_member(self, id: String) -> Member {
        Member {
            id,
            display_name: self.display_name.trim().to_owned(),
            name_as_printed: self
                .name_as_printed
                .map(|name| name.trim().to_owned())
                .filter(|name| !name.is_empty()),
            relationship: self.relationship,
            facts: self.facts,
            eligibility_certificate_expires_on: self.eligibility_certificate_expires_on,
            eligibility_certificate_issued_on: self.eligibility_certificate_issued_on,
            holdings: self.holdings,
            insurance_fields: self.insurance_fields,
            dependent_of: self.dependent_of,
        }
    }
}

impl Member {
    /// The member without their id.
    pub fn to_draft(&self) -> MemberDraft {
        MemberDraft {
            display_name: self.display_name.clone(),
            name_as_printed: self.name_as_printed.clone(),
            relationship: self.relationship,
            facts: self.facts.clone(),
            eligibility_certificate_expires_on: self.eligibility_certificate_expires_on,
            eligibility_certificate_issued_on: self.eligibility_certificate_issued_on,
            holdings: self.holdings,
            insurance_fields: self.insurance_fields.clone(),
            dependent_of: self.dependent_of.clone(),
        }
    }

    /// Checks the member as stored in a household whose member ids `is_member` knows: the
    /// draft's checks, and a link to an insured member that names another member.
    pub fn validate_in(&self, is_member: impl Fn(&str) -> bool) -> crate::error::Result<()> {
        use crate::error::{Error, Field, Reason};
        self.to_draft().validate()?;
        if let Some(insured) = &self.dependent_of {
            let names_another = *insured != self.id && is_member(insured);
            if !names_another {
                return Err(Error::invalid(Field::DependentOf, Reason::NotAnotherMember));
            }
        }
        Ok(())
    }

    /// The insured member this member is a dependent of, among `household` (R13); a
    /// link to nobody there, or to the member themselves, is none.
    pub fn insured_in<'a>(&self, household: &'a [Member]) -> Option<&'a Member> {
        let insured = self.dependent_of.as_ref()?;
        household
            .iter()
            .find(|m| m.id == *insured && m.id != self.id)
    }
}
