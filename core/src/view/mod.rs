//! What a shell screen shows besides raw data, worded in the member's language: every
//! title, label and button ([`screen_texts`]), the household as ready-to-show rows and
//! the deadline timeline ([`household_rows`]), the forms ([`form`]): the member form
//! ([`member_form`](mod@member_form)) and the fields of a 資格情報 ([`document_form`](mod@document_form)), and errors as
//! sentences ([`error_sentences`]). Shells only lay these out (DESIGN.md: no date
//! arithmetic, state logic or member-facing text in Kotlin or Swift).

pub mod document_form;
pub mod error_sentences;
pub mod form;
pub mod household_rows;
pub mod member_form;
pub mod screen_texts;

pub use document_form::{DocumentSource, document_form, submit_document_form, warning_text};
pub use error_sentences::{describe_error, describe_error_for};
pub use form::{
    FormChoice, FormError, FormField, FormInput, FormModel, FormOutcome, FormSection, FormValues,
};
pub use household_rows::{
    DeadlineLine, MemberRow, TimelineEntry, deadline_line, member_row, timeline,
};
pub use member_form::{OtherMember, member_form, new_member_draft, submit_member_form};
pub use screen_texts::{
    ShellTexts, app_lock_timeout_seconds, member_code_valid_until, shell_texts_for,
};
