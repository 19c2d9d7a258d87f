//! Errors as sentences for the member: what happened and what to do, in their
//! language.

use fluent_bundle::FluentValue;

use crate::error::Error;
use crate::i18n::{Locale, label, text};

/// An error as a sentence without an open store (opening the store itself can fail).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn describe_error_for(locale: Locale, error: Error) -> String {
    describe_error(locale, &error)
}

/// An error as a sentence for the member: what happened and what to do.
pub fn describe_error(locale: Locale, error: &Error) -> String {
    let id = match error {
        Error::NotFound { .. } => "error-not-found",
        Error::InvalidInput { .. } => "error-invalid-input",
        Error::NotAPdf => "error-not-a-pdf",
        Error::DocumentTooLarge { .. } => "error-document-too-large",
        Error::DocumentEncrypted => "error-document-encrypted",
        Error::DocumentDamaged { .. } => "error-document-damaged",
        Error::DocumentHasNoPages => "error-document-has-no-pages",
        Error::VaultLocked => "error-vault-locked",
        Error::Integrity { .. } => "error-integrity",
        Error::Storage { .. } => "error-storage",
        Error::SecretStore { .. } => "error-secret-store",
    };
    match error {
        Error::InvalidInput { field, reason } => text(
            locale,
            id,
            &[
                ("field", FluentValue::from(field.as_str())),
                ("reason", FluentValue::from(reason.as_str())),
            ],
        ),
        Error::DocumentTooLarge { limit_bytes } => text(
            locale,
            id,
            &[("megabytes", FluentValue::from(limit_bytes / (1024 * 1024)))],
        ),
        _ => label(locale, id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_as_a_sentence_in_both_languages() {
        let errors = [
            Error::not_found("member"),
            Error::invalid("birth_date", "no such day"),
            Error::NotAPdf,
            Error::DocumentTooLarge {
                limit_bytes: 20 * 1024 * 1024,
            },
            Error::DocumentEncrypted,
            Error::DocumentDamaged { reason: "x".into() },
            Error::DocumentHasNoPages,
            Error::VaultLocked,
            Error::Integrity { what: "x".into() },
            Error::Storage { reason: "x".into() },
            Error::SecretStore { reason: "x".into() },
        ];
        for locale in Locale::ALL {
            for error in &errors {
                let sentence = describe_error(locale, error);
                assert!(!sentence.starts_with("error-"), "{locale:?} {error:?}");
            }
        }
        assert!(describe_error(Locale::En, &errors[3]).contains("20"));
        assert!(describe_error(Locale::Ja, &errors[1]).contains("birth_date"));
    }
}
