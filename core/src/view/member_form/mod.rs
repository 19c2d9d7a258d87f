//! The member form: every fact of RULES.md, every holding (R6, R8), the 資格確認書 (R6),
//! the name as printed (compared with an imported PDF) and the member's name and
//! relationship, each a field of a [`FormModel`] that both shells render with their generic
//! renderer and the CLI prints (`shikaku member form`).
//!
//! A field is shown when it applies: 在留期間 (R1, R12) only for a foreign resident; the
//! card's dates and condition only for a card holder; the previous certificate's expiry
//! (R2) once a certificate issue date is given; the questions of a move (R4) once a move
//! is known, "did you bring your card to the 転入届?" once it was filed (yes records the
//! 継続利用 on that day, R4) and the 継続利用 date only when it was done another day; the
//! 国外継続利用 (R5) only for Japanese nationals (R12); the 資格確認書's dates (R6) only
//! when the member holds one; whose dependent the member is (R13) only when the household
//! has another member to choose. A field not shown is not saved:
//! its fact becomes unknown and its holding what a new member holds, so nothing the
//! member cannot see changes their dates.
//!
//! Values are kept as given while the member types (an era date is never rewritten);
//! submitting parses each shown field, checks the member as a whole
//! ([`MemberDraft::validate`]) and returns the draft or every error found, per field.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::form::{
    FormChoice, FormError, FormField, FormInput, FormModel, FormSection, FormValues, NO, YES,
    with_errors, yes_no,
};
use crate::error::{Error, Field, Reason, Result};
use crate::household::{
    CardCondition, Holdings, MAX_DISPLAY_NAME_CHARS, MemberDraft, Relationship, check_name,
};
use crate::i18n::{Words, format_iso, ids};
use crate::rules::Facts;
use crate::rules::facts::parse_fact_text;
use crate::view::error_sentences::describe_reason;

mod catalogue;

use catalogue::{Kind, SPECS, Section, Spec};

/// A new member for the form: no name yet, the member themselves, born on `birth_date`
/// (the one fact the rules need), holding what most members hold.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn new_member_draft(birth_date: NaiveDate) -> MemberDraft {
    MemberDraft {
        display_name: String::new(),
        name_as_printed: None,
        relationship: Relationship::Myself,
        facts: Facts::born_on(birth_date),
        eligibility_certificate_expires_on: None,
        eligibility_certificate_issued_on: None,
        holdings: Holdings::default(),
        insurance_fields: None,
        dependent_of: None,
    }
}

/// Another member of the household, as the member form offers them as the insured
/// person a dependent is linked to (R13).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherMember {
    pub id: String,
    pub display_name: String,
}

/// The form's values by field, as text.
type Values = BTreeMap<Field, String>;

/// A value as the form shows it.
fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_iso).unwrap_or_default()
}

/// The value of every field for `draft`, or for a new member (no name, no birth date)
/// when there is none.
fn initial_values(draft: Option<&MemberDraft>) -> Values {
    let template;
    let (draft, new) = match draft {
        Some(draft) => (draft, false),
        None => {
            template = new_member_draft(NaiveDate::MIN);
            (&template, true)
        }
    };
    let facts = &draft.facts;
    let holdings = &draft.holdings;
    let mut values = Values::new();
    values.insert(Field::DisplayName, draft.display_name.clone());
    values.insert(
        Field::NameAsPrinted,
        draft.name_as_printed.clone().unwrap_or_default(),
    );
    values.insert(
        Field::Relationship,
        draft.relationship.stable_name().to_owned(),
    );
    values.insert(
        Field::BirthDate,
        if new {
            String::new()
        } else {
            date_text(Some(facts.birth_date))
        },
    );
    for (field, date) in facts.optional_dates() {
        values.insert(field, date_text(date));
    }
    for (field, flag) in facts.flags().into_iter().chain(holdings.flags()) {
        values.insert(field, yes_no(flag));
    }
    values.insert(
        Field::CardCondition,
        holdings.card_condition.stable_name().to_owned(),
    );
    values.insert(
        Field::HasEligibilityCertificate,
        yes_no(
            draft.eligibility_certificate_expires_on.is_some()
                || draft.eligibility_certificate_issued_on.is_some(),
        ),
    );
    values.insert(
        Field::EligibilityCertificateIssuedOn,
        date_text(draft.eligibility_certificate_issued_on),
    );
    values.insert(
        Field::DependentOf,
        draft.dependent_of.clone().unwrap_or_default(),
    );
    values.insert(
        Field::EligibilityCertificateExpiresOn,
        date_text(draft.eligibility_certificate_expires_on),
    );
    // The 継続利用 done with the 転入届 is the question's yes, not a date of its own.
    let at_move_in = facts.continued_use_done_on.is_some()
        && facts.continued_use_done_on == facts.move_in_filed_on;
    values.insert(Field::ContinuedUseAtMoveIn, yes_no(at_move_in));
    if at_move_in {
        values.insert(Field::ContinuedUseDoneOn, String::new());
    }
    values
}

/// `given` laid over `values`; a key that is no field of the form is refused.
fn merge(mut values: Values, given: &FormValues) -> Result<Values> {
    for (key, value) in given {
        let field = SPECS
            .iter()
            .map(|spec| spec.field)
            .find(|field| field.key() == key)
            .ok_or_else(|| {
                Error::invalid(
                    Field::Member,
                    Reason::UnknownKey {
                        key: key.chars().take(40).collect(),
                    },
                )
            })?;
        values.insert(field, value.clone());
    }
    Ok(values)
}

/// What decides which fields apply, read from the values as given (a date typed but
/// not yet readable counts as given, so fields do not come and go while typing).
struct Situation {
    foreign_national: bool,
    has_card: bool,
    has_smartphone: bool,
    has_eligibility_certificate: bool,
    cert_issued: bool,
    move_known: bool,
    within_municipality: bool,
    move_in_filed: bool,
    continued_use_at_move_in: bool,
    leaving_japan: bool,
    /// Whether the household has another member to name as the insured person.
    others: bool,
}

impl Situation {
    fn of(values: &Values, others: &[OtherMember]) -> Self {
        let given = |field: Field| values.get(&field).is_some_and(|v| !v.trim().is_empty());
        // An answer the form cannot read counts as what a new member holds.
        let answer = |field: Field| match values.get(&field).map(|v| v.trim()) {
            Some(YES) => true,
            Some(NO) => false,
            _ => neutral_flag(field),
        };
        Situation {
            foreign_national: answer(Field::ForeignNational),
            has_card: answer(Field::HasCard),
            has_smartphone: answer(Field::HasSmartphone),
            has_eligibility_certificate: answer(Field::HasEligibilityCertificate),
            cert_issued: given(Field::CertIssuedOn),
            move_known: given(Field::MovedOn) || given(Field::MovedOutPlannedOn),
            within_municipality: answer(Field::MovedWithinMunicipality),
            move_in_filed: given(Field::MoveInFiledOn),
            continued_use_at_move_in: answer(Field::ContinuedUseAtMoveIn),
            leaving_japan: given(Field::OverseasDepartureOn),
            others: !others.is_empty(),
        }
    }

    /// Whether `field` applies.
    fn shows(&self, field: Field) -> bool {
        use Field as F;
        let across_with_card = self.move_known && !self.within_municipality && self.has_card;
        match field {
            F::ResidenceLimitOn => self.foreign_national,
            F::CardCondition
            | F::CardIssuedOn
            | F::CardAppliedOn
            | F::CardExpiresOn
            | F::RegisteredForInsurance
            | F::CertIssuedOn
            | F::CertExpiresOn
            | F::CarriesNotice => self.has_card,
            F::HasMyNumber => !self.has_card,
            F::PreviousCertExpiresOn => self.has_card && self.cert_issued,
            F::SmartphoneInsuranceCard => self.has_card && self.has_smartphone,
            F::EligibilityCertificateIssuedOn | F::EligibilityCertificateExpiresOn => {
                self.has_eligibility_certificate
            }
            F::DependentOf => self.others,
            F::MovedWithinMunicipality | F::MoveInFiledOn => self.move_known,
            F::MovedOutPlannedOn => !self.within_municipality,
            F::ContinuedUseAtMoveIn => across_with_card && self.move_in_filed,
            F::ContinuedUseDoneOn => across_with_card && !self.continued_use_at_move_in,
            F::OverseasContinuedUseAppliedOn => {
                self.leaving_japan && !self.foreign_national && self.has_card
            }
            _ => true,
        }
    }
}

/// The answer a yes/no field has for a new member.
fn neutral_flag(field: Field) -> bool {
    Holdings::default()
        .flags()
        .iter()
        .find(|(f, _)| *f == field)
        .is_some_and(|(_, flag)| *flag)
}

fn required(field: Field) -> bool {
    matches!(
        field,
        Field::DisplayName | Field::BirthDate | Field::EligibilityCertificateExpiresOn
    )
}

/// A value read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Parsed {
    Date(Option<NaiveDate>),
    Flag(bool),
    Relationship(Relationship),
    CardCondition(CardCondition),
    Member(Option<String>),
    Text(Option<String>),
}

/// `text` read as `spec`'s value.
fn parse(spec: &Spec, text: &str, others: &[OtherMember]) -> std::result::Result<Parsed, Reason> {
    let trimmed = text.trim();
    if trimmed.is_empty() && required(spec.field) {
        return Err(Reason::Required);
    }
    match spec.kind {
        Kind::Date if trimmed.is_empty() => Ok(Parsed::Date(None)),
        Kind::Date => parse_fact_text(trimmed).map(|d| Parsed::Date(Some(d))),
        Kind::YesNo => match trimmed {
            YES => Ok(Parsed::Flag(true)),
            NO => Ok(Parsed::Flag(false)),
            "" => Ok(Parsed::Flag(neutral_flag(spec.field))),
            _ => Err(Reason::NotYesOrNo),
        },
        Kind::Choice if spec.field == Field::Relationship => Relationship::ALL
            .into_iter()
            .find(|r| r.stable_name() == trimmed)
            .map(Parsed::Relationship)
            .ok_or(Reason::NotAChoice),
        Kind::Choice if spec.field == Field::DependentOf => match trimmed {
            "" => Ok(Parsed::Member(None)),
            id => others
                .iter()
                .find(|other| other.id == id)
                .map(|other| Parsed::Member(Some(other.id.clone())))
                .ok_or(Reason::NotAChoice),
        },
        Kind::Choice => CardCondition::ALL
            .into_iter()
            .find(|c| c.stable_name() == trimmed)
            .or((trimmed.is_empty()).then_some(CardCondition::InHand))
            .map(Parsed::CardCondition)
            .ok_or(Reason::NotAChoice),
        Kind::Text if trimmed.is_empty() => Ok(Parsed::Text(None)),
        Kind::Text => check_name(text).map(|()| Parsed::Text(Some(trimmed.to_owned()))),
    }
}

fn choices(words: Words<'_>, field: Field, others: &[OtherMember]) -> Vec<FormChoice> {
    if field == Field::DependentOf {
        let none = FormChoice {
            value: String::new(),
            label: words.label(ids::FORM_CHOICE_NOT_A_DEPENDENT),
        };
        std::iter::once(none)
            .chain(others.iter().map(|other| FormChoice {
                value: other.id.clone(),
                label: other.display_name.clone(),
            }))
            .collect()
    } else if field == Field::Relationship {
        Relationship::ALL
            .iter()
            .map(|r| FormChoice {
                value: r.stable_name().to_owned(),
                label: words.label(r.message_id()),
            })
            .collect()
    } else {
        CardCondition::ALL
            .iter()
            .map(|c| FormChoice {
                value: c.stable_name().to_owned(),
                label: words.label(c.message_id()),
            })
            .collect()
    }
}

/// The form for `values`, with the errors in `errors` by field.
fn render(
    words: Words<'_>,
    new: bool,
    values: &Values,
    others: &[OtherMember],
    errors: &BTreeMap<Field, String>,
) -> FormModel {
    let situation = Situation::of(values, others);
    let sections = Section::ALL
        .iter()
        .map(|&section| FormSection {
            id: section.id().to_owned(),
            title: words.label(section.title()),
            fields: SPECS
                .iter()
                .filter(|spec| spec.section == section)
                .map(|spec| {
                    let value = values.get(&spec.field).cloned().unwrap_or_default();
                    let reading = match parse(spec, &value, others) {
                        Ok(Parsed::Date(Some(date))) => Some(words.date(date)),
                        _ => None,
                    };
                    let label =
                        if spec.field == Field::MoveInFiledOn && situation.within_municipality {
                            words.label(ids::FORM_LABEL_MOVE_WITHIN_FILED_ON)
                        } else {
                            words.label(spec.field.message_id())
                        };
                    FormField {
                        id: spec.field.key().to_owned(),
                        field: spec.field,
                        input: match spec.kind {
                            Kind::Date => FormInput::Date,
                            Kind::YesNo => FormInput::YesNo,
                            Kind::Choice => FormInput::Choice {
                                choices: choices(words, spec.field, others),
                            },
                            Kind::Text => FormInput::Text {
                                max_chars: MAX_DISPLAY_NAME_CHARS as u32,
                            },
                        },
                        label,
                        hint: spec.hint.map(|id| words.label(id)),
                        value,
                        reading,
                        shown: situation.shows(spec.field),
                        required: required(spec.field),
                        warning: None,
                        error: errors.get(&spec.field).cloned(),
                    }
                })
                .collect(),
        })
        .collect();
    FormModel {
        title: words.label(if new {
            ids::FORM_MEMBER_TITLE_NEW
        } else {
            ids::FORM_MEMBER_TITLE
        }),
        intro: None,
        sections,
        submit_label: words.label(ids::SHELL_SAVE),
        error: None,
    }
}

/// The member form for `draft` (a new member when none; `others`: the rest of the
/// household), with `given` laid over its values: which fields apply now, and the values
/// typed that cannot be read, each with its error (a field left empty is not an error
/// until the form is submitted).
pub fn member_form(
    words: Words<'_>,
    draft: Option<&MemberDraft>,
    others: &[OtherMember],
    given: &FormValues,
) -> Result<FormModel> {
    let values = merge(initial_values(draft), given)?;
    let situation = Situation::of(&values, others);
    let errors = SPECS
        .iter()
        .filter(|spec| situation.shows(spec.field))
        .filter_map(|spec| {
            let value = values.get(&spec.field)?;
            if value.trim().is_empty() {
                return None;
            }
            let reason = parse(spec, value, others).err()?;
            Some((spec.field, describe_reason(words, &reason)))
        })
        .collect();
    Ok(render(words, draft.is_none(), &values, others, &errors))
}

/// Reads the submitted form: the member `base` (a new member when none) with `given`
/// laid over the form's values. `Ok(Err(form, errors))` when a value cannot be saved.
pub fn submit_member_form(
    words: Words<'_>,
    base: Option<&MemberDraft>,
    others: &[OtherMember],
    given: &FormValues,
) -> Result<std::result::Result<MemberDraft, (FormModel, Vec<FormError>)>> {
    let values = merge(initial_values(base), given)?;
    let situation = Situation::of(&values, others);
    let mut parsed: BTreeMap<Field, Parsed> = BTreeMap::new();
    let mut errors: Vec<FormError> = Vec::new();
    for spec in SPECS.iter().filter(|spec| situation.shows(spec.field)) {
        let value = values
            .get(&spec.field)
            .map(String::as_str)
            .unwrap_or_default();
        match parse(spec, value, others) {
            Ok(value) => {
                parsed.insert(spec.field, value);
            }
            Err(reason) => errors.push(FormError::new(words, spec.field.key(), spec.field, reason)),
        }
    }
    let draft = match (errors.is_empty(), parsed.get(&Field::BirthDate)) {
        (true, Some(Parsed::Date(Some(born)))) => draft_of(base, *born, &parsed),
        _ => {
            let form = render(words, base.is_none(), &values, others, &BTreeMap::new());
            return Ok(Err((with_errors(words, form, &errors), errors)));
        }
    };
    match draft.validate() {
        Ok(()) => Ok(Ok(draft)),
        Err(Error::InvalidInput { field, reason }) => {
            let errors = vec![FormError::new(words, field.key(), field, reason)];
            let form = render(words, base.is_none(), &values, others, &BTreeMap::new());
            Ok(Err((with_errors(words, form, &errors), errors)))
        }
        Err(other) => Err(other),
    }
}

/// The member the parsed values describe: every field of the form from the values
/// (those not shown as a new member has them), the rest from `base`.
fn draft_of(
    base: Option<&MemberDraft>,
    born: NaiveDate,
    parsed: &BTreeMap<Field, Parsed>,
) -> MemberDraft {
    let mut draft = base.cloned().unwrap_or_else(|| new_member_draft(born));
    draft.facts = Facts::born_on(born);
    draft.holdings = Holdings::default();
    draft.name_as_printed = None;
    draft.eligibility_certificate_expires_on = None;
    draft.eligibility_certificate_issued_on = None;
    draft.dependent_of = None;
    for (field, value) in parsed {
        match (field, value) {
            (Field::DisplayName, Parsed::Text(text)) => {
                draft.display_name = text.clone().unwrap_or_default();
            }
            (Field::NameAsPrinted, Parsed::Text(text)) => draft.name_as_printed = text.clone(),
            (Field::Relationship, Parsed::Relationship(r)) => draft.relationship = *r,
            (Field::CardCondition, Parsed::CardCondition(c)) => draft.holdings.card_condition = *c,
            (Field::EligibilityCertificateExpiresOn, Parsed::Date(date)) => {
                draft.eligibility_certificate_expires_on = *date;
            }
            (Field::EligibilityCertificateIssuedOn, Parsed::Date(date)) => {
                draft.eligibility_certificate_issued_on = *date;
            }
            (Field::DependentOf, Parsed::Member(id)) => draft.dependent_of = id.clone(),
            (field, Parsed::Date(date)) => {
                if let Some(slot) = draft.facts.date_mut(*field) {
                    *slot = *date;
                }
            }
            (field, Parsed::Flag(flag)) => {
                if let Some(slot) = draft
                    .facts
                    .flag_mut(*field)
                    .or_else(|| draft.holdings.flag_mut(*field))
                {
                    *slot = *flag;
                }
            }
            _ => {}
        }
    }
    if parsed.get(&Field::ContinuedUseAtMoveIn) == Some(&Parsed::Flag(true)) {
        draft.facts.continued_use_done_on = draft.facts.move_in_filed_on;
    }
    draft
}
