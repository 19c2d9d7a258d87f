//! The facts the rules read, in the vocabulary of RULES.md, and their validation.
//!
//! Facts come as JSON (`{"birth_date": "1980-10-10", "card_issued_on": …}`): every
//! field but `birth_date` is optional, `null` means unknown, dates are `YYYY-MM-DD` or a
//! Japanese era date (R9). Anything else is refused with an error naming the field.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::era::parse_era_date;
use crate::error::{Field, Reason};

/// The earliest and latest years a fact may carry (明治 … far beyond any card).
pub const FACT_YEARS: std::ops::RangeInclusive<i32> = 1868..=2200;

/// What a member's card and life events look like, as far as the rules need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Facts {
    pub birth_date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub card_issued_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub card_applied_on: Option<NaiveDate>,
    /// The expiry printed on the card (券面), which overrides the computed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub card_expires_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub residence_limit_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub cert_issued_on: Option<NaiveDate>,
    /// The certificate expiry printed on the card, which overrides the computed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub cert_expires_on: Option<NaiveDate>,
    /// R2: the expiry of the certificate that `cert_issued_on`'s certificate replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub previous_cert_expires_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub moved_out_planned_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub moved_on: Option<NaiveDate>,
    /// R4: the move stayed inside one municipality (転居届): the card stays valid.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ffi", uniffi(default = false))]
    pub moved_within_municipality: bool,
    /// R5, R12: the member is not a Japanese national (a 在留カード holder): no
    /// 国外継続利用, and the card may be capped by `residence_limit_on`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ffi", uniffi(default = false))]
    pub foreign_national: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub move_in_filed_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub continued_use_done_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub overseas_departure_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub overseas_continued_use_applied_on: Option<NaiveDate>,
    /// R7: the day the insurer registered the member (on the 資格情報のお知らせ, or seen
    /// in マイナポータル): マイナ保険証 works from the 2nd business day after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub insurer_registered_on: Option<NaiveDate>,
    /// R7: the day the member joined a new insurer (資格取得日), when the registration
    /// date is not known yet: the first usable day is then an estimate, "at the earliest".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub insurer_joined_on: Option<NaiveDate>,
}

/// Why facts were refused: the field it is about and why, never the value given.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{field}: {reason}")]
pub struct FactsError {
    pub field: Field,
    pub reason: Reason,
}

impl FactsError {
    fn new(field: Field, reason: Reason) -> Self {
        FactsError { field, reason }
    }

    fn malformed(error: &serde_json::Error) -> Self {
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        FactsError::new(
            Field::Facts,
            Reason::Malformed {
                line: number(error.line()),
                column: number(error.column()),
            },
        )
    }
}

impl Facts {
    /// Facts of someone born on `birth_date` of whom nothing else is known.
    pub fn born_on(birth_date: NaiveDate) -> Self {
        Facts {
            birth_date,
            card_issued_on: None,
            card_applied_on: None,
            card_expires_on: None,
            residence_limit_on: None,
            cert_issued_on: None,
            cert_expires_on: None,
            previous_cert_expires_on: None,
            moved_out_planned_on: None,
            moved_on: None,
            moved_within_municipality: false,
            foreign_national: false,
            move_in_filed_on: None,
            continued_use_done_on: None,
            overseas_departure_on: None,
            overseas_continued_use_applied_on: None,
            insurer_registered_on: None,
            insurer_joined_on: None,
        }
    }

    /// Every optional date with its field, in the order of RULES.md.
    pub fn optional_dates(&self) -> [(Field, Option<NaiveDate>); 15] {
        [
            (Field::CardIssuedOn, self.card_issued_on),
            (Field::CardAppliedOn, self.card_applied_on),
            (Field::CardExpiresOn, self.card_expires_on),
            (Field::ResidenceLimitOn, self.residence_limit_on),
            (Field::CertIssuedOn, self.cert_issued_on),
            (Field::CertExpiresOn, self.cert_expires_on),
            (Field::PreviousCertExpiresOn, self.previous_cert_expires_on),
            (Field::MovedOutPlannedOn, self.moved_out_planned_on),
            (Field::MovedOn, self.moved_on),
            (Field::MoveInFiledOn, self.move_in_filed_on),
            (Field::ContinuedUseDoneOn, self.continued_use_done_on),
            (Field::OverseasDepartureOn, self.overseas_departure_on),
            (
                Field::OverseasContinuedUseAppliedOn,
                self.overseas_continued_use_applied_on,
            ),
            (Field::InsurerRegisteredOn, self.insurer_registered_on),
            (Field::InsurerJoinedOn, self.insurer_joined_on),
        ]
    }

    /// Every yes/no fact with its field (`false` when unknown).
    pub fn flags(&self) -> [(Field, bool); 2] {
        [
            (
                Field::MovedWithinMunicipality,
                self.moved_within_municipality,
            ),
            (Field::ForeignNational, self.foreign_national),
        ]
    }

    /// The yes/no fact of `field`, to set it.
    pub fn flag_mut(&mut self, field: Field) -> Option<&mut bool> {
        Some(match field {
            Field::MovedWithinMunicipality => &mut self.moved_within_municipality,
            Field::ForeignNational => &mut self.foreign_national,
            _ => return None,
        })
    }

    /// The optional date of `field`, to set it.
    pub fn date_mut(&mut self, field: Field) -> Option<&mut Option<NaiveDate>> {
        Some(match field {
            Field::CardIssuedOn => &mut self.card_issued_on,
            Field::CardAppliedOn => &mut self.card_applied_on,
            Field::CardExpiresOn => &mut self.card_expires_on,
            Field::ResidenceLimitOn => &mut self.residence_limit_on,
            Field::CertIssuedOn => &mut self.cert_issued_on,
            Field::CertExpiresOn => &mut self.cert_expires_on,
            Field::PreviousCertExpiresOn => &mut self.previous_cert_expires_on,
            Field::MovedOutPlannedOn => &mut self.moved_out_planned_on,
            Field::MovedOn => &mut self.moved_on,
            Field::MoveInFiledOn => &mut self.move_in_filed_on,
            Field::ContinuedUseDoneOn => &mut self.continued_use_done_on,
            Field::OverseasDepartureOn => &mut self.overseas_departure_on,
            Field::OverseasContinuedUseAppliedOn => &mut self.overseas_continued_use_applied_on,
            Field::InsurerRegisteredOn => &mut self.insurer_registered_on,
            Field::InsurerJoinedOn => &mut self.insurer_joined_on,
            _ => return None,
        })
    }

    /// Parses and validates one facts object from JSON text.
    pub fn from_json(text: &str) -> Result<Self, FactsError> {
        let value: Value = serde_json::from_str(text).map_err(|e| FactsError::malformed(&e))?;
        Self::from_json_value(&value)
    }

    /// Validates one facts object already parsed as JSON.
    pub fn from_json_value(value: &Value) -> Result<Self, FactsError> {
        let object = value
            .as_object()
            .ok_or(FactsError::new(Field::Facts, Reason::NotAnObject))?;
        let birth_date = match object.get("birth_date") {
            None | Some(Value::Null) => {
                return Err(FactsError::new(Field::BirthDate, Reason::Required));
            }
            Some(raw) => parse_fact_date(Field::BirthDate, raw)?,
        };
        let mut facts = Facts::born_on(birth_date);
        for (key, raw) in object {
            let field = Field::fact(key).ok_or_else(|| {
                FactsError::new(
                    Field::Facts,
                    Reason::UnknownKey {
                        key: key.chars().take(40).collect(),
                    },
                )
            })?;
            if field == Field::BirthDate {
                continue;
            }
            if let Some(flag) = facts.flag_mut(field) {
                *flag = match raw {
                    Value::Null => false,
                    Value::Bool(value) => *value,
                    _ => return Err(FactsError::new(field, Reason::NotYesOrNo)),
                };
                continue;
            }
            let parsed = match raw {
                Value::Null => None,
                raw => Some(parse_fact_date(field, raw)?),
            };
            if let Some(slot) = facts.date_mut(field) {
                *slot = parsed;
            }
        }
        facts.validate()?;
        Ok(facts)
    }

    /// Checks that the facts can be true together.
    pub fn validate(&self) -> Result<(), FactsError> {
        for (field, value) in
            std::iter::once((Field::BirthDate, Some(self.birth_date))).chain(self.optional_dates())
        {
            if let Some(value) = value {
                if !FACT_YEARS.contains(&value.year()) {
                    return Err(FactsError::new(field, years_out_of_range()));
                }
                if value < self.birth_date {
                    return Err(FactsError::new(
                        field,
                        Reason::EarlierThan {
                            other: Field::BirthDate,
                        },
                    ));
                }
            }
        }
        let earlier =
            |field: Field, other: Field| Err(FactsError::new(field, Reason::EarlierThan { other }));
        // A card is issued after it is applied for.
        if let (Some(applied), Some(issued)) = (self.card_applied_on, self.card_issued_on)
            && applied > issued
        {
            return earlier(Field::CardIssuedOn, Field::CardAppliedOn);
        }
        // A certificate is issued with its card or later.
        if let (Some(card), Some(cert)) = (self.card_issued_on, self.cert_issued_on)
            && cert < card
        {
            return earlier(Field::CertIssuedOn, Field::CardIssuedOn);
        }
        // The insurer registers a member once they joined.
        if let (Some(joined), Some(registered)) =
            (self.insurer_joined_on, self.insurer_registered_on)
            && registered < joined
        {
            return earlier(Field::InsurerRegisteredOn, Field::InsurerJoinedOn);
        }
        // 継続利用 is done at or after the 転入届.
        if let (Some(filed), Some(done)) = (self.move_in_filed_on, self.continued_use_done_on)
            && done < filed
        {
            return earlier(Field::ContinuedUseDoneOn, Field::MoveInFiledOn);
        }
        Ok(())
    }
}

fn years_out_of_range() -> Reason {
    Reason::YearOutOfRange {
        first: *FACT_YEARS.start(),
        last: *FACT_YEARS.end(),
    }
}

impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Facts::from_json_value(&value).map_err(serde::de::Error::custom)
    }
}

/// A fact date: `YYYY-MM-DD` exactly, or a Japanese era date (R9).
fn parse_fact_date(field: Field, raw: &Value) -> Result<NaiveDate, FactsError> {
    let text = raw
        .as_str()
        .ok_or(FactsError::new(field, Reason::NotADate))?;
    parse_fact_text(text).map_err(|reason| FactsError::new(field, reason))
}

/// A fact date as typed: `YYYY-MM-DD` exactly, or a Japanese era date such as
/// 令和7年6月16日 (R9), in the years a fact may carry.
pub fn parse_fact_text(text: &str) -> Result<NaiveDate, Reason> {
    let text = text.trim();
    let date = parse_iso_date(text)
        .or_else(|| parse_era_date(text).ok())
        .ok_or(Reason::NotADate)?;
    if !FACT_YEARS.contains(&date.year()) {
        return Err(years_out_of_range());
    }
    Ok(date)
}

/// Strict `YYYY-MM-DD`: four, two and two digits, and a real calendar day.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    fn field_of(text: &str) -> Option<&'static str> {
        Facts::from_json(text).err().map(|e| e.field.key())
    }

    #[test]
    fn parses_every_field_and_nulls() {
        let facts = Facts::from_json(
            r#"{"birth_date":"1990-06-15","card_issued_on":"2024-03-01","moved_on":null,
                "cert_expires_on":"令和10年6月15日"}"#,
        );
        let Ok(facts) = facts else {
            panic!("{facts:?}");
        };
        assert_eq!(facts.card_issued_on, Some(civil(2024, 3, 1)));
        assert_eq!(facts.moved_on, None);
        assert_eq!(facts.cert_expires_on, Some(civil(2028, 6, 15)));
    }

    #[test]
    fn every_error_names_its_field() {
        let cases = [
            (
                r#"{"birth_date":"1990-06-15","moved_on":"2026-02-30"}"#,
                "moved_on",
            ),
            (r#"{"birth_date":"1990-6-15"}"#, "birth_date"),
            (r#"{"birth_date":19900615}"#, "birth_date"),
            (r#"{"card_issued_on":"2024-03-01"}"#, "birth_date"),
            (
                r#"{"birth_date":"1990-06-15","card_issued_on":"1989-03-01"}"#,
                "card_issued_on",
            ),
            (
                r#"{"birth_date":"1990-06-15","card_issued_on":"9999-03-01"}"#,
                "card_issued_on",
            ),
            (
                r#"{"birth_date":"1990-06-15","card_issued_on":"2024-03-01","card_applied_on":"2024-04-01"}"#,
                "card_issued_on",
            ),
            (
                r#"{"birth_date":"1990-06-15","card_issued_on":"2024-03-01","cert_issued_on":"2024-02-01"}"#,
                "cert_issued_on",
            ),
            (
                r#"{"birth_date":"1990-06-15","move_in_filed_on":"2024-03-01","continued_use_done_on":"2024-02-01"}"#,
                "continued_use_done_on",
            ),
        ];
        for (json, field) in cases {
            assert_eq!(field_of(json), Some(field), "{json}");
        }
        assert_eq!(
            Facts::from_json(r#"{"birth_date":"1990-06-15","card_issud_on":"2024-03-01"}"#),
            Err(FactsError::new(
                Field::Facts,
                Reason::UnknownKey {
                    key: "card_issud_on".to_owned()
                }
            ))
        );
        assert_eq!(
            Facts::from_json("{\n  \"birth_date\": }").map_err(|e| e.reason),
            Err(Reason::Malformed {
                line: 2,
                column: 17
            })
        );
        assert_eq!(
            Facts::from_json("[]"),
            Err(FactsError::new(Field::Facts, Reason::NotAnObject))
        );
    }

    #[test]
    fn an_error_never_repeats_the_value_given() {
        for json in [
            r#"{"birth_date":"1990-02-30"}"#,
            r#"{"birth_date":"1990-06-15","moved_on":"1990-02-30"}"#,
            r#"{"birth_date":"1990-06-15","card_issued_on":"1990-02-14"}"#,
            r#"{"birth_date":"1990-06-15","foreign_national":"1990-02-30"}"#,
        ] {
            let error = Facts::from_json(json).err().map(|e| e.to_string());
            assert!(
                error.as_deref().is_some_and(|text| !text.contains("1990")),
                "{error:?}"
            );
        }
    }

    #[test]
    fn flags_parse_as_booleans_and_default_to_false() {
        let facts = Facts::from_json(
            r#"{"birth_date":"1990-06-15","moved_within_municipality":true,"foreign_national":null}"#,
        );
        assert_eq!(
            facts.map(|f| (f.moved_within_municipality, f.foreign_national)),
            Ok((true, false))
        );
        assert_eq!(
            field_of(r#"{"birth_date":"1990-06-15","foreign_national":"yes"}"#),
            Some("foreign_national")
        );
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.foreign_national = true;
        let text = serde_json::to_string(&facts).unwrap_or_default();
        assert_eq!(
            text,
            r#"{"birth_date":"1990-06-15","foreign_national":true}"#
        );
        assert_eq!(Facts::from_json(&text), Ok(facts));
    }

    #[test]
    fn the_fields_of_the_facts_are_the_facts_keys() {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.moved_within_municipality = true;
        facts.foreign_national = true;
        for (field, _) in facts.optional_dates() {
            if let Some(slot) = facts.date_mut(field) {
                *slot = Some(civil(2000, 1, 1));
            }
        }
        let json = serde_json::to_value(&facts).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected: Vec<&str> = Field::FACTS.iter().map(|f| f.key()).collect();
        expected.sort_unstable();
        keys.sort_unstable();
        assert_eq!(keys, expected);
    }

    #[test]
    fn json_round_trip() {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.cert_issued_on = Some(civil(2024, 3, 1));
        let text = serde_json::to_string(&facts).unwrap_or_default();
        assert_eq!(
            text,
            r#"{"birth_date":"1990-06-15","cert_issued_on":"2024-03-01"}"#
        );
        assert_eq!(Facts::from_json(&text), Ok(facts));
    }
}
