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
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub insurer_registered_on: Option<NaiveDate>,
}

/// Why facts were refused. Every variant names the field it is about.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FactsError {
    #[error("facts: not valid JSON ({0})")]
    Malformed(String),
    #[error("facts: expected one JSON object of dates")]
    NotAnObject,
    #[error(
        "{0}: unknown field (the facts are those of RULES.md, e.g. birth_date, card_issued_on)"
    )]
    UnknownField(String),
    #[error("birth_date: required")]
    MissingBirthDate,
    #[error("{field}: expected a date as YYYY-MM-DD, got {found}")]
    NotADate { field: String, found: String },
    #[error("{field}: expected true or false, got {found}")]
    NotAFlag { field: String, found: String },
    #[error("{field}: {value} is outside the years {first}..{last}", first = FACT_YEARS.start(), last = FACT_YEARS.end())]
    OutOfRange { field: String, value: NaiveDate },
    #[error("{field}: {value} is before birth_date {birth_date}")]
    BeforeBirth {
        field: String,
        value: NaiveDate,
        birth_date: NaiveDate,
    },
    #[error("{field}: {reason}")]
    Inconsistent { field: String, reason: String },
}

impl FactsError {
    /// The field the error is about (`None` when the input as a whole is wrong).
    pub fn field(&self) -> Option<&str> {
        match self {
            FactsError::Malformed(_) | FactsError::NotAnObject => None,
            FactsError::MissingBirthDate => Some("birth_date"),
            FactsError::UnknownField(field)
            | FactsError::NotADate { field, .. }
            | FactsError::NotAFlag { field, .. }
            | FactsError::OutOfRange { field, .. }
            | FactsError::BeforeBirth { field, .. }
            | FactsError::Inconsistent { field, .. } => Some(field),
        }
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
        }
    }

    /// Every optional date with its field name, in the order of RULES.md.
    pub fn optional_dates(&self) -> [(&'static str, Option<NaiveDate>); 14] {
        [
            ("card_issued_on", self.card_issued_on),
            ("card_applied_on", self.card_applied_on),
            ("card_expires_on", self.card_expires_on),
            ("residence_limit_on", self.residence_limit_on),
            ("cert_issued_on", self.cert_issued_on),
            ("cert_expires_on", self.cert_expires_on),
            ("previous_cert_expires_on", self.previous_cert_expires_on),
            ("moved_out_planned_on", self.moved_out_planned_on),
            ("moved_on", self.moved_on),
            ("move_in_filed_on", self.move_in_filed_on),
            ("continued_use_done_on", self.continued_use_done_on),
            ("overseas_departure_on", self.overseas_departure_on),
            (
                "overseas_continued_use_applied_on",
                self.overseas_continued_use_applied_on,
            ),
            ("insurer_registered_on", self.insurer_registered_on),
        ]
    }

    /// Every yes/no fact with its field name (`false` when unknown).
    pub fn flags(&self) -> [(&'static str, bool); 2] {
        [
            ("moved_within_municipality", self.moved_within_municipality),
            ("foreign_national", self.foreign_national),
        ]
    }

    fn flag_slot(&mut self, field: &str) -> Option<&mut bool> {
        Some(match field {
            "moved_within_municipality" => &mut self.moved_within_municipality,
            "foreign_national" => &mut self.foreign_national,
            _ => return None,
        })
    }

    fn optional_slot(&mut self, field: &str) -> Option<&mut Option<NaiveDate>> {
        Some(match field {
            "card_issued_on" => &mut self.card_issued_on,
            "card_applied_on" => &mut self.card_applied_on,
            "card_expires_on" => &mut self.card_expires_on,
            "residence_limit_on" => &mut self.residence_limit_on,
            "cert_issued_on" => &mut self.cert_issued_on,
            "cert_expires_on" => &mut self.cert_expires_on,
            "previous_cert_expires_on" => &mut self.previous_cert_expires_on,
            "moved_out_planned_on" => &mut self.moved_out_planned_on,
            "moved_on" => &mut self.moved_on,
            "move_in_filed_on" => &mut self.move_in_filed_on,
            "continued_use_done_on" => &mut self.continued_use_done_on,
            "overseas_departure_on" => &mut self.overseas_departure_on,
            "overseas_continued_use_applied_on" => &mut self.overseas_continued_use_applied_on,
            "insurer_registered_on" => &mut self.insurer_registered_on,
            _ => return None,
        })
    }

    /// Parses and validates one facts object from JSON text.
    pub fn from_json(text: &str) -> Result<Self, FactsError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| FactsError::Malformed(e.to_string()))?;
        Self::from_json_value(&value)
    }

    /// Validates one facts object already parsed as JSON.
    pub fn from_json_value(value: &Value) -> Result<Self, FactsError> {
        let object = value.as_object().ok_or(FactsError::NotAnObject)?;
        let birth_date = match object.get("birth_date") {
            None | Some(Value::Null) => return Err(FactsError::MissingBirthDate),
            Some(raw) => parse_fact_date("birth_date", raw)?,
        };
        let mut facts = Facts::born_on(birth_date);
        for (field, raw) in object {
            if field == "birth_date" {
                continue;
            }
            if let Some(flag) = facts.flag_slot(field) {
                *flag = match raw {
                    Value::Null => false,
                    Value::Bool(value) => *value,
                    other => {
                        return Err(FactsError::NotAFlag {
                            field: field.clone(),
                            found: json_kind(other).to_owned(),
                        });
                    }
                };
                continue;
            }
            let parsed = match raw {
                Value::Null => None,
                raw => Some(parse_fact_date(field, raw)?),
            };
            let slot = facts
                .optional_slot(field)
                .ok_or_else(|| FactsError::UnknownField(field.clone()))?;
            *slot = parsed;
        }
        facts.validate()?;
        Ok(facts)
    }

    /// Checks that the facts can be true together.
    pub fn validate(&self) -> Result<(), FactsError> {
        for (field, value) in
            std::iter::once(("birth_date", Some(self.birth_date))).chain(self.optional_dates())
        {
            if let Some(value) = value {
                if !FACT_YEARS.contains(&value.year()) {
                    return Err(FactsError::OutOfRange {
                        field: field.to_owned(),
                        value,
                    });
                }
                if value < self.birth_date {
                    return Err(FactsError::BeforeBirth {
                        field: field.to_owned(),
                        value,
                        birth_date: self.birth_date,
                    });
                }
            }
        }
        let later_than = |field: &str, earlier: &str, reason: &str| FactsError::Inconsistent {
            field: field.to_owned(),
            reason: format!("{reason} ({field} is before {earlier})"),
        };
        if let (Some(applied), Some(issued)) = (self.card_applied_on, self.card_issued_on)
            && applied > issued
        {
            return Err(later_than(
                "card_issued_on",
                "card_applied_on",
                "a card is issued after it is applied for",
            ));
        }
        if let (Some(card), Some(cert)) = (self.card_issued_on, self.cert_issued_on)
            && cert < card
        {
            return Err(later_than(
                "cert_issued_on",
                "card_issued_on",
                "a certificate is issued with its card or later",
            ));
        }
        if let (Some(filed), Some(done)) = (self.move_in_filed_on, self.continued_use_done_on)
            && done < filed
        {
            return Err(later_than(
                "continued_use_done_on",
                "move_in_filed_on",
                "継続利用 is done at or after the 転入届",
            ));
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Facts::from_json_value(&value).map_err(serde::de::Error::custom)
    }
}

/// A fact date: `YYYY-MM-DD` exactly, or a Japanese era date (R9).
fn parse_fact_date(field: &str, raw: &Value) -> Result<NaiveDate, FactsError> {
    let not_a_date = || FactsError::NotADate {
        field: field.to_owned(),
        found: match raw {
            Value::String(text) => format!("\"{}\"", text.chars().take(40).collect::<String>()),
            other => json_kind(other).to_owned(),
        },
    };
    let text = raw.as_str().ok_or_else(not_a_date)?.trim();
    let date = parse_iso_date(text)
        .or_else(|| parse_era_date(text).ok())
        .ok_or_else(not_a_date)?;
    if !FACT_YEARS.contains(&date.year()) {
        return Err(FactsError::OutOfRange {
            field: field.to_owned(),
            value: date,
        });
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

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    fn field_of(text: &str) -> Option<String> {
        Facts::from_json(text)
            .err()
            .and_then(|e| e.field().map(str::to_owned))
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
                r#"{"birth_date":"1990-06-15","card_issud_on":"2024-03-01"}"#,
                "card_issud_on",
            ),
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
            assert_eq!(field_of(json).as_deref(), Some(field), "{json}");
        }
        assert_eq!(
            Facts::from_json("{").err().map(|e| e.field().is_none()),
            Some(true)
        );
        assert_eq!(Facts::from_json("[]"), Err(FactsError::NotAnObject));
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
            field_of(r#"{"birth_date":"1990-06-15","foreign_national":"yes"}"#).as_deref(),
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
