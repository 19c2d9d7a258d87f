//! The one public error of the core. Its variants are stable: a shell branches on them
//! (DESIGN.md "Errors"), and none carries personal data — a field is named, its value
//! never shown.

use thiserror::Error;

use crate::rules::FactsError;

/// What went wrong, as a shell or the CLI needs to know it (Kotlin: `ShikakuException`,
/// Swift and Python: `ShikakuError`).
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Error))]
pub enum ShikakuError {
    #[error("not found: {what}")]
    NotFound { what: String },
    #[error("{field}: {reason}")]
    InvalidInput { field: String, reason: String },
    #[error("not a PDF: the file does not start with %PDF-")]
    NotAPdf,
    #[error("the document is larger than {limit_bytes} bytes")]
    DocumentTooLarge { limit_bytes: u64 },
    #[error("the PDF is protected by a password; save it again without one")]
    DocumentEncrypted,
    #[error("the PDF is damaged: {reason}")]
    DocumentDamaged { reason: String },
    #[error("the PDF has no pages")]
    DocumentHasNoPages,
    #[error("the vault is locked: its key is not in the secret store")]
    VaultLocked,
    #[error("stored data failed its integrity check ({what}); nothing was changed")]
    Integrity { what: String },
    #[error("storage failed: {reason}")]
    Storage { reason: String },
    #[error("the secret store failed: {reason}")]
    SecretStore { reason: String },
}

/// The core's error under its short name.
pub type Error = ShikakuError;

impl Error {
    /// Whether the cause is the caller's input (the CLI exits 2) rather than the system.
    pub fn is_input_error(&self) -> bool {
        !matches!(self, Error::Storage { .. } | Error::SecretStore { .. })
    }

    pub(crate) fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }

    pub(crate) fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound { what: what.into() }
    }
}

impl From<FactsError> for Error {
    fn from(error: FactsError) -> Self {
        let field = error.field().unwrap_or("facts").to_owned();
        let text = error.to_string();
        let reason = text
            .strip_prefix(&format!("{field}: "))
            .unwrap_or(&text)
            .to_owned();
        Error::InvalidInput { field, reason }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        Error::Storage {
            reason: error.to_string(),
        }
    }
}

/// The core's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
