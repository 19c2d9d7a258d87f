//! The document form: the fields of a member's 資格情報 (氏名, 生年月日, 保険者, 記号・番号,
//! 負担割合 …) as one [`FormModel`]. With a PDF stored they are what was read from it,
//! proposed and never applied silently: the member compares them with the PDF, corrects
//! them and confirms (`set_document_fields`); until then the clinic card marks them as
//! not confirmed. Each warning about the PDF (a value not kept: R10, R11; a 氏名 or 生年月日
//! that is not the member's) stands beside its field. Without a PDF the member may type
//! the same fields from the お知らせ.
//!
//! Values are text keyed by the fields' keys in [`DocumentFields`]' JSON; dates are typed
//! as `YYYY-MM-DD` or an era date (R9) and kept as typed.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use fluent_bundle::FluentValue;

use super::form::{
    FormError, FormField, FormInput, FormModel, FormSection, FormValues, with_errors,
};
use crate::error::{Error, Field, Reason, Result};
use crate::i18n::{Words, format_iso, ids};
use crate::rules::facts::parse_fact_text;
use crate::vault::fields::MAX_FIELD_CHARS;
use crate::vault::{DocumentFields, FieldWarning};
use crate::view::error_sentences::describe_reason;

/// Where the fields come from, which the form's introduction says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentSource {
    /// Read from the stored PDF, not confirmed yet.
    Proposed,
    /// Read from the stored PDF and confirmed (or corrected) by the member.
    Confirmed,
    /// No PDF is stored: typed from the お知らせ.
    Typed,
}

/// The form's fields: the field, its key (the form id), and whether it is a date.
const FIELDS: [(Field, &str, bool); 10] = [
    (Field::InsuredName, "name", false),
    (Field::InsuredBirthDate, "birth_date", true),
    (Field::InsurerName, "insurer_name", false),
    (Field::InsurerNumber, "insurer_number", false),
    (Field::InsuranceSymbol, "symbol", false),
    (Field::InsuranceNumber, "number", false),
    (Field::InsuranceBranch, "branch", false),
    (Field::CopayShare, "copay_share", false),
    (Field::QualifiedOn, "qualified_on", true),
    (Field::DocumentIssuedOn, "issued_on", true),
];

/// The field whose key in [`DocumentFields`]' JSON is `key`.
pub fn document_field(key: &str) -> Option<Field> {
    FIELDS
        .iter()
        .find(|(_, k, _)| *k == key)
        .map(|(field, _, _)| *field)
}

/// The key in [`DocumentFields`]' JSON of `field`.
fn key_of(field: Field) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(f, _, _)| *f == field)
        .map(|(_, key, _)| *key)
}

/// A warning about a document, as the member reads it, naming its field.
pub fn warning_text(words: Words<'_>, warning: &FieldWarning) -> String {
    let field = document_field(&warning.field).unwrap_or(Field::DocumentFields);
    words.text(
        warning.code.message_id(),
        &[("field", FluentValue::from(words.label(field.message_id())))],
    )
}

fn values_of(fields: &DocumentFields) -> BTreeMap<&'static str, String> {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let date = |value: Option<NaiveDate>| value.map(format_iso).unwrap_or_default();
    BTreeMap::from([
        ("name", text(&fields.name)),
        ("birth_date", date(fields.birth_date)),
        ("insurer_name", text(&fields.insurer_name)),
        ("insurer_number", text(&fields.insurer_number)),
        ("symbol", text(&fields.symbol)),
        ("number", text(&fields.number)),
        ("branch", text(&fields.branch)),
        ("copay_share", text(&fields.copay_share)),
        ("qualified_on", date(fields.qualified_on)),
        ("issued_on", date(fields.issued_on)),
    ])
}

fn merge(
    mut values: BTreeMap<&'static str, String>,
    given: &FormValues,
) -> Result<BTreeMap<&'static str, String>> {
    for (key, value) in given {
        let known = FIELDS
            .iter()
            .map(|(_, known, _)| *known)
            .find(|known| known == key)
            .ok_or_else(|| {
                Error::invalid(
                    Field::DocumentFields,
                    Reason::UnknownKey {
                        key: key.chars().take(40).collect(),
                    },
                )
            })?;
        values.insert(known, value.clone());
    }
    Ok(values)
}

fn parse_date(text: &str) -> std::result::Result<Option<NaiveDate>, Reason> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        parse_fact_text(text).map(Some)
    }
}

fn render(
    words: Words<'_>,
    source: DocumentSource,
    values: &BTreeMap<&'static str, String>,
    warnings: &[FieldWarning],
    errors: &BTreeMap<&'static str, String>,
) -> FormModel {
    let fields = FIELDS
        .iter()
        .map(|&(field, key, is_date)| {
            let value = values.get(key).cloned().unwrap_or_default();
            let reading = if is_date {
                parse_date(&value).ok().flatten().map(|d| words.date(d))
            } else {
                None
            };
            let warning = warnings
                .iter()
                .filter(|w| w.field == key)
                .map(|w| warning_text(words, w))
                .collect::<Vec<_>>();
            FormField {
                id: key.to_owned(),
                field,
                input: if is_date {
                    FormInput::Date
                } else {
                    FormInput::Text {
                        max_chars: MAX_FIELD_CHARS as u32,
                    }
                },
                label: words.label(field.message_id()),
                hint: None,
                value,
                reading,
                shown: true,
                required: false,
                warning: (!warning.is_empty()).then(|| warning.join(" ")),
                error: errors.get(key).cloned(),
            }
        })
        .collect();
    FormModel {
        title: words.label(ids::FORM_DOCUMENT_TITLE),
        intro: Some(words.label(match source {
            DocumentSource::Proposed => ids::FORM_DOCUMENT_INTRO_PROPOSED,
            DocumentSource::Confirmed => ids::FORM_DOCUMENT_INTRO_CONFIRMED,
            DocumentSource::Typed => ids::FORM_DOCUMENT_INTRO_TYPED,
        })),
        sections: vec![FormSection {
            id: "document".to_owned(),
            title: words.label(ids::FORM_SECTION_DOCUMENT),
            fields,
        }],
        submit_label: words.label(ids::FORM_DOCUMENT_CONFIRM),
        error: None,
    }
}

/// The document form for `fields` from `source`, with `warnings` beside their fields and
/// `given` laid over the values (a date typed that cannot be read has its error).
pub fn document_form(
    words: Words<'_>,
    fields: &DocumentFields,
    source: DocumentSource,
    warnings: &[FieldWarning],
    given: &FormValues,
) -> Result<FormModel> {
    let values = merge(values_of(fields), given)?;
    let errors = FIELDS
        .iter()
        .filter(|(_, _, is_date)| *is_date)
        .filter_map(|(_, key, _)| {
            let reason = parse_date(values.get(key)?).err()?;
            Some((*key, describe_reason(words, &reason)))
        })
        .collect();
    Ok(render(words, source, &values, warnings, &errors))
}

/// Reads the submitted document form: `fields` with `given` laid over them, checked
/// (R9–R11). `Ok(Err(form, errors))` when a value cannot be saved.
pub fn submit_document_form(
    words: Words<'_>,
    fields: &DocumentFields,
    source: DocumentSource,
    given: &FormValues,
) -> Result<std::result::Result<DocumentFields, (FormModel, Vec<FormError>)>> {
    let values = merge(values_of(fields), given)?;
    let text = |key: &str| {
        values
            .get(key)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let mut errors = Vec::new();
    let mut date = |field: Field, key: &str| {
        parse_date(values.get(key).map(String::as_str).unwrap_or_default()).unwrap_or_else(
            |reason| {
                errors.push(FormError::new(words, key, field, reason));
                None
            },
        )
    };
    let typed = DocumentFields {
        birth_date: date(Field::InsuredBirthDate, "birth_date"),
        qualified_on: date(Field::QualifiedOn, "qualified_on"),
        issued_on: date(Field::DocumentIssuedOn, "issued_on"),
        insurer_name: text("insurer_name"),
        insurer_number: text("insurer_number"),
        symbol: text("symbol"),
        number: text("number"),
        branch: text("branch"),
        name: text("name"),
        copay_share: text("copay_share"),
    };
    if errors.is_empty() {
        match typed.validate() {
            Ok(()) => return Ok(Ok(typed)),
            Err(Error::InvalidInput { field, reason }) => {
                let key = key_of(field).unwrap_or("fields");
                errors.push(FormError::new(words, key, field, reason));
            }
            Err(other) => return Err(other),
        }
    }
    let form = render(words, source, &values, &[], &BTreeMap::new());
    Ok(Err((with_errors(words, form, &errors), errors)))
}
