//! The core's errors (DESIGN.md "Errors").
//!
//! - [`enum@Error`]: what went wrong inside the core, with its sources (SQLite, the facts'
//!   checks, the PDF reader's message), for the core's own code and tests. The rules,
//!   the content and the vault have their own errors beside it ([`crate::rules::FactsError`],
//!   [`crate::content::bundle::Rejection`], …) that convert into it.
//! - [`ShikakuError`]: the one error a shell sees, with stable variants it branches on,
//!   a typed [`Field`] and [`Reason`] for bad input, and no personal value: the member's
//!   input is never inside it, so it can be logged. The member reads it as a sentence
//!   from [`crate::view::describe_error`], in their language, naming the field as the
//!   form does.

mod field;
mod reason;

pub use field::Field;
pub use reason::{Entity, Reason};

use thiserror::Error;

use crate::rules::FactsError;

/// What went wrong, as a shell or the CLI needs to know it (Kotlin: `ShikakuException`,
/// Swift and Python: `ShikakuError`). The variants are stable.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Error))]
pub enum ShikakuError {
    #[error("{what} not found")]
    NotFound { what: Entity },
    #[error("{field}: {reason}")]
    InvalidInput { field: Field, reason: Reason },
    #[error("not a PDF: the file does not start with %PDF-")]
    NotAPdf,
    #[error("the document is larger than {limit_bytes} bytes")]
    DocumentTooLarge { limit_bytes: u64 },
    #[error("the PDF is protected by a password")]
    DocumentEncrypted,
    #[error("the PDF is damaged")]
    DocumentDamaged,
    #[error("the PDF has no pages")]
    DocumentHasNoPages,
    #[error("the PDF has more than {limit} pages; a 資格情報 has one or two")]
    DocumentTooManyPages { limit: u32 },
    #[error("the PDF carries active content (JavaScript, a launch action or an embedded file)")]
    DocumentActiveContent,
    #[error("the PDF's text carries a マイナンバー, which is never stored (R10)")]
    DocumentCarriesMyNumber,
    #[error(
        "the PDF's text could not be read whole, so it could not be screened for a マイナンバー (R10)"
    )]
    DocumentNotScreened,
    #[error("the vault is locked: its key is not in the secret store")]
    VaultLocked,
    #[error("the key in the secret store is not this store's key; nothing was changed")]
    KeyMismatch,
    #[error("stored data failed its integrity check; nothing was changed")]
    Integrity,
    #[error("storage failed: {reason}")]
    Storage { reason: String },
    /// The platform's secret store (Keychain, Keystore, keyring) failed; a shell's own
    /// store throws this.
    #[error("the secret store failed: {reason}")]
    SecretStore { reason: String },
    /// The server could not be reached (no network, a timeout, a server error).
    #[error("the network could not be reached: {reason}")]
    Network { reason: String },
}

impl ShikakuError {
    /// Whether the cause is the caller's input (the CLI exits 2) rather than the system.
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            ShikakuError::NotFound { .. }
                | ShikakuError::InvalidInput { .. }
                | ShikakuError::NotAPdf
                | ShikakuError::DocumentTooLarge { .. }
                | ShikakuError::DocumentEncrypted
                | ShikakuError::DocumentDamaged
                | ShikakuError::DocumentHasNoPages
                | ShikakuError::DocumentTooManyPages { .. }
                | ShikakuError::DocumentActiveContent
                | ShikakuError::DocumentCarriesMyNumber
                | ShikakuError::DocumentNotScreened
        )
    }
}

/// An error a shell's own [`crate::secrets::SecretStore`] raised that was not a
/// `ShikakuError` (a Kotlin `KeyStoreException`, a Swift error): a secret store failure,
/// never a panic. The reason keeps the exception's first line (Kotlin sends its whole
/// stack trace), at most 200 characters.
#[cfg(feature = "ffi")]
impl From<uniffi::UnexpectedUniFFICallbackError> for ShikakuError {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        let first_line = error.reason.lines().next().unwrap_or_default();
        ShikakuError::SecretStore {
            reason: first_line.chars().take(200).collect(),
        }
    }
}

/// What went wrong inside the core, with its sources.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{what} not found")]
    NotFound { what: Entity },
    #[error("{field}: {reason}")]
    InvalidInput { field: Field, reason: Reason },
    #[error("not a PDF: the file does not start with %PDF-")]
    NotAPdf,
    #[error("the document is larger than {limit_bytes} bytes")]
    DocumentTooLarge { limit_bytes: u64 },
    #[error("the PDF is protected by a password")]
    DocumentEncrypted,
    #[error("the PDF is damaged: {reason}")]
    DocumentDamaged { reason: String },
    #[error("the PDF has no pages")]
    DocumentHasNoPages,
    #[error("the PDF has more than {limit} pages; a 資格情報 has one or two")]
    DocumentTooManyPages { limit: u32 },
    #[error("the PDF carries active content ({what})")]
    DocumentActiveContent { what: String },
    #[error("the PDF's text carries a マイナンバー, which is never stored (R10)")]
    DocumentCarriesMyNumber,
    #[error(
        "the PDF's text could not be read whole ({what}), so it could not be screened for a マイナンバー (R10)"
    )]
    DocumentNotScreened { what: String },
    #[error("the vault is locked: its key is not in the secret store")]
    VaultLocked,
    #[error("the key in the secret store is not this store's key; nothing was changed")]
    KeyMismatch,
    #[error("stored data failed its integrity check ({what}); nothing was changed")]
    Integrity { what: String },
    #[error("storage failed: {reason}")]
    Storage { reason: String },
    #[error("the database failed")]
    Database(#[from] rusqlite::Error),
    #[error("the secret store failed: {reason}")]
    SecretStore { reason: String },
    #[error("the network could not be reached: {reason}")]
    Network { reason: String },
    /// An error already in its public form (a shell's secret store threw it).
    #[error(transparent)]
    Reported(ShikakuError),
}

impl Error {
    pub(crate) fn invalid(field: Field, reason: Reason) -> Self {
        Error::InvalidInput { field, reason }
    }

    pub(crate) fn not_found(what: Entity) -> Self {
        Error::NotFound { what }
    }
}

impl From<FactsError> for Error {
    fn from(error: FactsError) -> Self {
        Error::InvalidInput {
            field: error.field,
            reason: error.reason,
        }
    }
}

impl From<ShikakuError> for Error {
    fn from(error: ShikakuError) -> Self {
        match error {
            ShikakuError::SecretStore { reason } => Error::SecretStore { reason },
            other => Error::Reported(other),
        }
    }
}

impl From<Error> for ShikakuError {
    fn from(error: Error) -> Self {
        match error {
            Error::NotFound { what } => ShikakuError::NotFound { what },
            Error::InvalidInput { field, reason } => ShikakuError::InvalidInput { field, reason },
            Error::NotAPdf => ShikakuError::NotAPdf,
            Error::DocumentTooLarge { limit_bytes } => {
                ShikakuError::DocumentTooLarge { limit_bytes }
            }
            Error::DocumentEncrypted => ShikakuError::DocumentEncrypted,
            Error::DocumentDamaged { .. } => ShikakuError::DocumentDamaged,
            Error::DocumentHasNoPages => ShikakuError::DocumentHasNoPages,
            Error::DocumentTooManyPages { limit } => ShikakuError::DocumentTooManyPages { limit },
            Error::DocumentActiveContent { .. } => ShikakuError::DocumentActiveContent,
            Error::DocumentCarriesMyNumber => ShikakuError::DocumentCarriesMyNumber,
            Error::DocumentNotScreened { .. } => ShikakuError::DocumentNotScreened,
            Error::VaultLocked => ShikakuError::VaultLocked,
            Error::KeyMismatch => ShikakuError::KeyMismatch,
            Error::Integrity { .. } => ShikakuError::Integrity,
            Error::Storage { reason } => ShikakuError::Storage { reason },
            Error::Database(source) => ShikakuError::Storage {
                reason: source.to_string(),
            },
            Error::SecretStore { reason } => ShikakuError::SecretStore { reason },
            Error::Network { reason } => ShikakuError::Network { reason },
            Error::Reported(error) => error,
        }
    }
}

/// The core's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_error_keeps_the_kind_and_drops_the_details() {
        let damaged = Error::DocumentDamaged {
            reason: "xref at 1234".to_owned(),
        };
        assert_eq!(ShikakuError::from(damaged), ShikakuError::DocumentDamaged);
        let integrity = Error::Integrity {
            what: "member m1".to_owned(),
        };
        assert_eq!(ShikakuError::from(integrity), ShikakuError::Integrity);
        let database = Error::from(rusqlite::Error::InvalidQuery);
        assert!(matches!(
            ShikakuError::from(database),
            ShikakuError::Storage { .. }
        ));
        let thrown = ShikakuError::SecretStore {
            reason: "Keychain read failed (-25308)".to_owned(),
        };
        assert_eq!(ShikakuError::from(Error::from(thrown.clone())), thrown);
        let other = ShikakuError::VaultLocked;
        assert_eq!(ShikakuError::from(Error::from(other.clone())), other);
    }

    #[cfg(feature = "ffi")]
    #[test]
    fn an_unexpected_foreign_error_is_a_secret_store_error() {
        let foreign = uniffi::UnexpectedUniFFICallbackError::new(
            "java.security.KeyStoreException: locked\n\tat Keystore.get(Keystore.kt:12)",
        );
        assert_eq!(
            ShikakuError::from(foreign),
            ShikakuError::SecretStore {
                reason: "java.security.KeyStoreException: locked".to_owned()
            }
        );
    }
}
