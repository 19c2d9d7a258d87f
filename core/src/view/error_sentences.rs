//! Errors as sentences for the member: what happened and what to do, in their language,
//! naming the field as the form names it. The error holds no input, so a sentence
//! never repeats what was typed; a screen shows it beside the field.

use fluent_bundle::FluentValue;

use crate::error::{Reason, ShikakuError};
use crate::i18n::{Locale, Words};

/// An error as a sentence without an open store (opening the store itself can fail).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn describe_error_for(locale: Locale, error: ShikakuError) -> String {
    describe_error(Words::built_in(locale), &error)
}

/// An error as a sentence for the member: what happened and what to do.
pub fn describe_error(words: Words<'_>, error: &ShikakuError) -> String {
    let id = error.message_id();
    match error {
        ShikakuError::NotFound { what } => {
            words.text(id, &[("what", words.label(what.message_id()).into())])
        }
        ShikakuError::InvalidInput { field, reason } => words.text(
            id,
            &[
                ("field", words.label(field.message_id()).into()),
                ("reason", describe_reason(words, reason).into()),
            ],
        ),
        ShikakuError::DocumentTooLarge { limit_bytes } => words.text(
            id,
            &[("megabytes", FluentValue::from(limit_bytes / (1024 * 1024)))],
        ),
        ShikakuError::DocumentTooManyPages { limit } => {
            words.text(id, &[("pages", FluentValue::from(*limit))])
        }
        _ => words.label(id),
    }
}

/// Why an input was refused, as a sentence.
pub fn describe_reason(words: Words<'_>, reason: &Reason) -> String {
    let id = reason.message_id();
    let args: Vec<(&str, FluentValue<'_>)> = match reason {
        Reason::YearOutOfRange { first, last } => {
            vec![("first", (*first).into()), ("last", (*last).into())]
        }
        Reason::EarlierThan { other } => vec![("other", words.label(other.message_id()).into())],
        Reason::Length { min, max } => vec![("min", (*min).into()), ("max", (*max).into())],
        Reason::KindTwice { kind } => vec![("kind", words.label(kind.message_id()).into())],
        Reason::LeadTooLong { kind, max_days } => vec![
            ("kind", words.label(kind.message_id()).into()),
            ("days", (*max_days).into()),
        ],
        Reason::TooManyAnswers { answered } => vec![("answered", (*answered).into())],
        Reason::Malformed { line, column } => {
            vec![("line", (*line).into()), ("column", (*column).into())]
        }
        Reason::UnknownKey { key } => vec![("key", key.as_str().into())],
        Reason::TooLarge { max_bytes } => vec![("bytes", (*max_bytes).into())],
        Reason::TooLongForQr { max_bytes } => vec![("bytes", (*max_bytes).into())],
        Reason::BundleRefused { detail } => vec![("detail", detail.as_str().into())],
        Reason::ValidForAtMostYears { years } => vec![("years", (*years).into())],
        _ => Vec::new(),
    };
    words.text(id, &args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Entity, Field};
    use crate::household::DeadlineKind;
    use crate::i18n::catalogue;

    fn every_error() -> Vec<ShikakuError> {
        vec![
            ShikakuError::NotFound {
                what: Entity::Member,
            },
            ShikakuError::InvalidInput {
                field: Field::BirthDate,
                reason: Reason::NotADate,
            },
            ShikakuError::NotAPdf,
            ShikakuError::DocumentTooLarge {
                limit_bytes: 20 * 1024 * 1024,
            },
            ShikakuError::DocumentEncrypted,
            ShikakuError::DocumentDamaged,
            ShikakuError::DocumentHasNoPages,
            ShikakuError::DocumentTooManyPages { limit: 16 },
            ShikakuError::DocumentActiveContent,
            ShikakuError::DocumentCarriesMyNumber,
            ShikakuError::DocumentNotScreened,
            ShikakuError::VaultLocked,
            ShikakuError::KeyMismatch,
            ShikakuError::Integrity,
            ShikakuError::Storage { reason: "x".into() },
            ShikakuError::SecretStore { reason: "x".into() },
            ShikakuError::Network { reason: "x".into() },
        ]
    }

    fn every_reason() -> Vec<Reason> {
        use Reason as R;
        vec![
            R::Required,
            R::NotADate,
            R::NotATimeOfDay,
            R::NotAnInstant,
            R::NotYesOrNo,
            R::NotAChoice,
            R::YearOutOfRange {
                first: 1868,
                last: 2200,
            },
            R::EarlierThan {
                other: Field::CardAppliedOn,
            },
            R::NotInFuture,
            R::Length { min: 1, max: 60 },
            R::ControlCharacters,
            R::DirectionControls,
            R::NotDigits,
            R::InsurerNumberLength,
            R::CheckDigit,
            R::BranchDigits,
            R::CopayShareForm,
            R::MyNumberRefused,
            R::InsideQuietHours,
            R::KindTwice {
                kind: DeadlineKind::MoveInDue,
            },
            R::LeadTooLong {
                kind: DeadlineKind::CardExpires,
                max_days: 366,
            },
            R::TooManyAnswers { answered: 3 },
            R::Malformed {
                line: 2,
                column: 17,
            },
            R::NotAnObject,
            R::UnknownKey { key: "k".into() },
            R::TooLarge { max_bytes: 1024 },
            R::NotText,
            R::NotAnAddress,
            R::HttpsOnly,
            R::NotATransferCode,
            R::TransferCodeDamaged,
            R::TransferCodeFromNewerApp,
            R::TransferCodeExpired,
            R::OneTimeCodeWrong,
            R::NoQrCode,
            R::TooLongForQr { max_bytes: 2048 },
            R::SecretNameForm,
            R::NotASigningKey,
            R::BundleRefused { detail: "d".into() },
            R::UnknownLanguage,
            R::FileMissing,
            R::FileNotPermitted,
            R::FileFailed,
            R::NotARegularFile,
            R::NoDataDirectory,
            R::ValidForAtMostYears { years: 5 },
            R::NotAnotherMember,
        ]
    }

    /// Every placeable of a message is given: a sentence never shows `{$x}` or a key.
    fn assert_whole(sentence: &str, what: &str) {
        assert!(
            !sentence.contains('{')
                && !sentence.contains("error-")
                && !sentence.contains("invalid-"),
            "{what}: {sentence}"
        );
    }

    #[test]
    fn every_error_reads_as_a_sentence_in_both_languages() {
        for locale in Locale::ALL {
            let words = Words::built_in(locale);
            for error in every_error() {
                assert_whole(&describe_error(words, &error), &format!("{error:?}"));
            }
            for reason in every_reason() {
                assert_whole(&describe_reason(words, &reason), &format!("{reason:?}"));
            }
        }
        let too_large = ShikakuError::DocumentTooLarge {
            limit_bytes: 20 * 1024 * 1024,
        };
        assert!(describe_error(Words::built_in(Locale::En), &too_large).contains("20"));
        let pages = ShikakuError::DocumentTooManyPages { limit: 16 };
        assert!(describe_error(Words::built_in(Locale::Ja), &pages).contains("16"));
        let my_number = describe_error(
            Words::built_in(Locale::Ja),
            &ShikakuError::DocumentCarriesMyNumber,
        );
        assert!(my_number.contains("マイナンバー"), "{my_number}");
    }

    #[test]
    fn a_field_is_named_as_the_member_knows_it() {
        let error = ShikakuError::InvalidInput {
            field: Field::BirthDate,
            reason: Reason::NotADate,
        };
        let ja = describe_error(Words::built_in(Locale::Ja), &error);
        assert!(ja.contains("生年月日"), "{ja}");
        assert!(!ja.contains("birth"), "{ja}");
        assert!(
            !ja.chars().any(|c| c.is_ascii_alphabetic()),
            "no English: {ja}"
        );
        let en = describe_error(Words::built_in(Locale::En), &error);
        assert!(en.contains("Date of birth"), "{en}");
        let earlier = ShikakuError::InvalidInput {
            field: Field::CardIssuedOn,
            reason: Reason::EarlierThan {
                other: Field::CardAppliedOn,
            },
        };
        let ja = describe_error(Words::built_in(Locale::Ja), &earlier);
        assert!(
            ja.contains("マイナンバーカードの発行日") && ja.contains("申請日"),
            "{ja}"
        );
    }

    #[test]
    fn every_field_has_its_own_label_in_both_languages() {
        for locale in Locale::ALL {
            let labels: std::collections::BTreeSet<String> = Field::ALL
                .iter()
                .map(|field| Words::built_in(locale).label(field.message_id()))
                .collect();
            assert_eq!(
                labels.len(),
                Field::ALL.len(),
                "{locale:?}: two fields share a label"
            );
        }
        let keys: std::collections::BTreeSet<&str> = Field::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), Field::ALL.len());
        assert!(catalogue(Locale::Ja).is_ok_and(|c| c.contains_key("input-birth-date")));
    }
}
