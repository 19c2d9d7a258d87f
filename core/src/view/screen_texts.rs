//! Every fixed word of the shells' screens ([`ShellTexts`]): titles, labels, buttons,
//! hints, in the member's language.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::clock::japan_offset;
use crate::i18n::{Locale, Words, ids};

/// Declares [`ShellTexts`], one `String` per field, each read from its message of the
/// locales' `shell.ftl`.
macro_rules! shell_texts {
    ($($(#[$doc:meta])* $field:ident: $id:ident),* $(,)?) => {
        /// Every fixed word of the shells' screens, in one language.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[cfg_attr(feature = "ffi", derive(uniffi::Record))]
        pub struct ShellTexts {
            $($(#[$doc])* pub $field: String,)*
        }

        impl ShellTexts {
            /// The texts in the words' language.
            pub fn new(words: Words<'_>) -> Self {
                ShellTexts {
                    $($field: words.label(ids::$id),)*
                }
            }
        }
    };
}

shell_texts! {
    app_name: SHELL_APP_NAME,
    tab_household: SHELL_TAB_HOUSEHOLD,
    tab_deadlines: SHELL_TAB_DEADLINES,
    tab_guidance: SHELL_TAB_GUIDANCE,
    tab_settings: SHELL_TAB_SETTINGS,
    household_empty: SHELL_HOUSEHOLD_EMPTY,
    add_member: SHELL_ADD_MEMBER,
    /// The one-tap action to the clinic screen.
    show_at_counter: SHELL_SHOW_AT_COUNTER,
    next_deadline: SHELL_NEXT_DEADLINE,
    overdue: SHELL_OVERDUE,
    nothing_due: SHELL_NOTHING_DUE,
    estimated: SHELL_ESTIMATED,
    clinic_title: SHELL_CLINIC_TITLE,
    clinic_for_staff: SHELL_CLINIC_FOR_STAFF,
    clinic_for_you: SHELL_CLINIC_FOR_YOU,
    clinic_record: SHELL_CLINIC_RECORD,
    clinic_no_record: SHELL_CLINIC_NO_RECORD,
    clinic_page: SHELL_CLINIC_PAGE,
    close: SHELL_CLOSE,
    /// Shown beside a date field that accepts 令和7年6月16日 as well as 2025-06-16.
    date_input_hint: SHELL_DATE_INPUT_HINT,
    date_not_set: SHELL_DATE_NOT_SET,
    pick_date: SHELL_PICK_DATE,
    import_pdf: SHELL_IMPORT_PDF,
    /// Asked when a PDF is shared to the app and the household has several members.
    import_choose_member: SHELL_IMPORT_CHOOSE_MEMBER,
    imported: SHELL_IMPORTED,
    save: SHELL_SAVE,
    cancel: SHELL_CANCEL,
    remove_member: SHELL_REMOVE_MEMBER,
    share_member: SHELL_SHARE_MEMBER,
    /// Asked before a member is removed.
    remove_member_question: SHELL_REMOVE_MEMBER_QUESTION,
    remove: SHELL_REMOVE,
    removed: SHELL_REMOVED,
    saved: SHELL_SAVED,
    /// Opens the document form (the fields read from the PDF, to confirm or correct).
    document_review: SHELL_DOCUMENT_REVIEW,
    document_confirmed: SHELL_DOCUMENT_CONFIRMED,
    revert_document: SHELL_REVERT_DOCUMENT,
    reverted: SHELL_REVERTED,
    share_intro: SHELL_SHARE_INTRO,
    share_include_numbers: SHELL_SHARE_INCLUDE_NUMBERS,
    copy_code: SHELL_COPY_CODE,
    /// The label of the one-time code: beside the QR code when sharing, the field it is
    /// typed into when receiving.
    one_time_code: SHELL_ONE_TIME_CODE,
    /// Under the one-time code on the sharing screen.
    share_one_time_code_hint: SHELL_SHARE_ONE_TIME_CODE_HINT,
    copied: SHELL_COPIED,
    receive_member: SHELL_RECEIVE_MEMBER,
    receive_intro: SHELL_RECEIVE_INTRO,
    /// The label of the field a member code is pasted into.
    receive_code: SHELL_RECEIVE_CODE,
    /// Asked once a code that carries insurance numbers is read.
    receive_one_time_code_intro: SHELL_RECEIVE_ONE_TIME_CODE_INTRO,
    scan_code: SHELL_SCAN_CODE,
    receive_add: SHELL_RECEIVE_ADD,
    received: SHELL_RECEIVED,
    /// Beside a clinic card field read from the PDF and not confirmed by the member.
    clinic_unconfirmed: SHELL_CLINIC_UNCONFIRMED,
    deadlines_kinds: SHELL_DEADLINES_KINDS,
    deadlines_empty: SHELL_DEADLINES_EMPTY,
    export_calendar: SHELL_EXPORT_CALENDAR,
    guidance_question: SHELL_GUIDANCE_QUESTION,
    answer_yes: SHELL_ANSWER_YES,
    answer_no: SHELL_ANSWER_NO,
    start_over: SHELL_START_OVER,
    situations: SHELL_SITUATIONS,
    language: SHELL_LANGUAGE,
    language_system: SHELL_LANGUAGE_SYSTEM,
    /// 日本語 in both languages: a language is named in itself.
    language_ja: SHELL_LANGUAGE_JA,
    /// English in both languages.
    language_en: SHELL_LANGUAGE_EN,
    app_lock: SHELL_APP_LOCK,
    app_lock_hint: SHELL_APP_LOCK_HINT,
    unlock_title: SHELL_UNLOCK_TITLE,
    unlock_subtitle: SHELL_UNLOCK_SUBTITLE,
    content_status: SHELL_CONTENT_STATUS,
    content_embedded: SHELL_CONTENT_EMBEDDED,
    content_installed: SHELL_CONTENT_INSTALLED,
    content_refresh: SHELL_CONTENT_REFRESH,
    notification_channel: SHELL_NOTIFICATION_CHANNEL,
    notification_channel_description: SHELL_NOTIFICATION_CHANNEL_DESCRIPTION,
    notification_permission_rationale: SHELL_NOTIFICATION_PERMISSION_RATIONALE,
    /// The button under the rationale that asks the system for the permission.
    notification_permission_allow: SHELL_NOTIFICATION_PERMISSION_ALLOW,
    not_now: SHELL_NOT_NOW,
    /// The button on the locked screen that shows the unlock prompt again.
    unlock: SHELL_UNLOCK,
    /// The button under an error that tries the failed step again.
    retry: SHELL_RETRY,
    shortcut_clinic: SHELL_SHORTCUT_CLINIC,
    shortcut_clinic_long: SHELL_SHORTCUT_CLINIC_LONG,
    qr_description: SHELL_QR_DESCRIPTION,
}

/// How long the app may stay in the background before the app lock asks again (when
/// the member turned the lock on): long enough to switch to a clinic's form app and
/// back, short enough that a phone left on a counter is locked.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn app_lock_timeout_seconds() -> u32 {
    180
}

/// The screens' texts without an open store (a shell shows them when opening fails).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn shell_texts_for(locale: Locale) -> ShellTexts {
    ShellTexts::new(Words::built_in(locale))
}

/// Until when a member code can be received, as the member reads it: the day and the
/// minute in Japan time (a code's `expires_at`; see `household::transfer`).
pub fn member_code_valid_until(words: Words<'_>, expires_at: DateTime<Utc>) -> String {
    let local = expires_at.with_timezone(&japan_offset());
    words.text(
        ids::SHELL_MEMBER_CODE_VALID_UNTIL,
        &[
            ("date", FluentValue::from(words.date(local.date_naive()))),
            ("time", FluentValue::from(local.format("%H:%M").to_string())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_texts_are_worded_in_both_languages() {
        let ja = shell_texts_for(Locale::Ja);
        let en = shell_texts_for(Locale::En);
        assert_eq!(ja.show_at_counter, "窓口で見せる");
        assert_eq!(en.show_at_counter, "Show at the counter");
        assert_eq!(ja.clinic_unconfirmed, "未確認");
        assert_eq!(ja.one_time_code, "確認コード");
        assert_eq!(en.one_time_code, "Confirmation code");
    }

    #[test]
    fn a_member_codes_expiry_is_read_in_japan_time() {
        // 2026-12-01 06:42 UTC is 15:42 in Japan.
        let expires_at = DateTime::parse_from_rfc3339("2026-12-01T06:42:30Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            member_code_valid_until(Words::built_in(Locale::Ja), expires_at),
            "このコードは令和8年12月1日(火) 15:42まで有効です。"
        );
        assert_eq!(
            member_code_valid_until(Words::built_in(Locale::En), expires_at),
            "This code can be received until 15:42 on Tue 1 Dec 2026 (Japan time)."
        );
        // Past midnight in Japan the day is Japan's.
        let late = DateTime::parse_from_rfc3339("2026-12-01T15:10:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            member_code_valid_until(Words::built_in(Locale::Ja), late),
            "このコードは令和8年12月2日(水) 00:10まで有効です。"
        );
    }
}
