//! Every fixed word of the shells' screens ([`ShellTexts`]): titles, labels, buttons,
//! hints, in the member's language.

use serde::Serialize;

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
    member_title: SHELL_MEMBER_TITLE,
    member_display_name: SHELL_MEMBER_DISPLAY_NAME,
    member_relationship: SHELL_MEMBER_RELATIONSHIP,
    member_birth_date: SHELL_MEMBER_BIRTH_DATE,
    member_card_issued_on: SHELL_MEMBER_CARD_ISSUED_ON,
    member_card_expires_on: SHELL_MEMBER_CARD_EXPIRES_ON,
    member_cert_expires_on: SHELL_MEMBER_CERT_EXPIRES_ON,
    member_moved_on: SHELL_MEMBER_MOVED_ON,
    member_move_in_filed_on: SHELL_MEMBER_MOVE_IN_FILED_ON,
    member_overseas_departure_on: SHELL_MEMBER_OVERSEAS_DEPARTURE_ON,
    member_insurer_registered_on: SHELL_MEMBER_INSURER_REGISTERED_ON,
    member_eligibility_certificate_expires_on: SHELL_MEMBER_ELIGIBILITY_CERTIFICATE_EXPIRES_ON,
    member_has_card: SHELL_MEMBER_HAS_CARD,
    member_registered_for_insurance: SHELL_MEMBER_REGISTERED_FOR_INSURANCE,
    member_has_smartphone: SHELL_MEMBER_HAS_SMARTPHONE,
    member_carries_notice: SHELL_MEMBER_CARRIES_NOTICE,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_texts_are_worded_in_both_languages() {
        let ja = shell_texts_for(Locale::Ja);
        let en = shell_texts_for(Locale::En);
        assert_eq!(ja.show_at_counter, "窓口で見せる");
        assert_eq!(en.show_at_counter, "Show at the counter");
        assert_eq!(ja.member_birth_date, "生年月日");
    }
}
