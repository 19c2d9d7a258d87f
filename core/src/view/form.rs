//! A form as the shells render it, with one generic renderer each (DESIGN.md principle
//! 1: the core owns the forms): sections of fields, each with a stable id, its kind of
//! input, a label and hint in the member's language, its current value, whether it is
//! shown now (a field appears when it applies) and its error. The member form
//! ([`member_form`](mod@super::member_form)) and the document form ([`document_form`](mod@super::document_form)) are built
//! with these.
//!
//! A form's values are text keyed by field id, the same for every shell and the CLI:
//! a date as typed (`2025-06-16` or `令和7年6月16日`, R9, kept as typed, never
//! rewritten), `yes` or `no`, a choice's value, or the text. An empty value is unknown.
//! The shell sends the values back after every change and shows the form the core
//! returns; submitting them returns the saved member or the form with its errors.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::{Field, Reason, ShikakuError};
use crate::household::Member;
use crate::i18n::Words;
use crate::view::error_sentences::{describe_error, describe_reason};

/// A form's values by field id (see the module's documentation).
pub type FormValues = HashMap<String, String>;

/// The value of a yes/no field answered yes.
pub const YES: &str = "yes";
/// The value of a yes/no field answered no.
pub const NO: &str = "no";

/// The value of a yes/no field.
pub fn yes_no(answer: bool) -> String {
    if answer { YES } else { NO }.to_owned()
}

/// What kind of input a field takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum FormInput {
    /// A date, typed (`2025-06-16`, `令和7年6月16日`) or picked from a calendar.
    Date,
    /// Yes or no (`yes`, `no`).
    YesNo,
    /// One of the choices, by value.
    Choice { choices: Vec<FormChoice> },
    /// Text of at most `max_chars` characters.
    Text { max_chars: u32 },
}

/// One choice of a choice field: its value and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FormChoice {
    pub value: String,
    pub label: String,
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FormField {
    /// The field's stable id: the key of its value.
    pub id: String,
    /// What the field is, as errors name it.
    #[serde(skip)]
    pub field: Field,
    pub input: FormInput,
    pub label: String,
    /// What to enter, or where to find it.
    pub hint: Option<String>,
    /// The value as given (see the module's documentation).
    pub value: String,
    /// The value as the member reads it: a date written out, 令和7年6月16日(月).
    pub reading: Option<String>,
    /// Whether the field applies now; a field not shown is not saved.
    pub shown: bool,
    pub required: bool,
    /// Something to look at that does not stop the form (a value read from a PDF
    /// that does not match the member).
    pub warning: Option<String>,
    /// Why the value cannot be saved.
    pub error: Option<String>,
}

/// A titled group of fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FormSection {
    /// The section's stable id.
    pub id: String,
    pub title: String,
    pub fields: Vec<FormField>,
}

/// A form, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FormModel {
    pub title: String,
    /// A sentence above the fields.
    pub intro: Option<String>,
    pub sections: Vec<FormSection>,
    pub submit_label: String,
    /// An error about the form as a whole (not about one shown field).
    pub error: Option<String>,
}

impl FormModel {
    /// Every field, section after section.
    pub fn fields(&self) -> impl Iterator<Item = &FormField> {
        self.sections
            .iter()
            .flat_map(|section| section.fields.iter())
    }

    /// The field with `id`.
    pub fn field(&self, id: &str) -> Option<&FormField> {
        self.fields().find(|field| field.id == id)
    }

    /// The form's values, as a shell sends them back.
    pub fn values(&self) -> FormValues {
        self.fields()
            .map(|field| (field.id.clone(), field.value.clone()))
            .collect()
    }
}

/// Why a field's value cannot be saved: typed, and as the member reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FormError {
    /// The field's id in the form.
    pub id: String,
    pub field: Field,
    pub reason: Reason,
    /// The reason as a sentence in the member's language.
    pub message: String,
}

impl FormError {
    /// The error of `field` (form id `id`), worded.
    pub fn new(words: Words<'_>, id: &str, field: Field, reason: Reason) -> Self {
        FormError {
            id: id.to_owned(),
            field,
            message: describe_reason(words, &reason),
            reason,
        }
    }
}

/// What submitting a form did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
// Crosses the FFI by value, where a boxed member has no form; made once per submit.
#[allow(clippy::large_enum_variant)]
pub enum FormOutcome {
    /// The values were saved: the member as they are now.
    Saved { member: Member },
    /// Nothing was saved: the form with its errors, and the errors typed.
    Invalid {
        form: FormModel,
        errors: Vec<FormError>,
    },
}

/// `form` with each error beside its field, or on the form as a whole sentence naming
/// the field when no shown field has its id.
pub fn with_errors(words: Words<'_>, mut form: FormModel, errors: &[FormError]) -> FormModel {
    for error in errors {
        let field = form
            .sections
            .iter_mut()
            .flat_map(|section| section.fields.iter_mut())
            .find(|field| field.id == error.id && field.shown);
        match field {
            Some(field) => field.error = Some(error.message.clone()),
            None => {
                form.error = Some(describe_error(
                    words,
                    &ShikakuError::InvalidInput {
                        field: error.field,
                        reason: error.reason.clone(),
                    },
                ));
            }
        }
    }
    form
}
