//! Every fixed word of the shells' screens ([`ShellTexts`]): titles, labels, buttons,
//! hints, in the member's language.

use serde::Serialize;

use crate::i18n::{Locale, label};

/// Declares [`ShellTexts`], one `String` per field, read from the message
/// `shell-<field with dashes>` of the locales' `shell.ftl`.
macro_rules! shell_texts {
    ($($(#[$doc:meta])* $field:ident),* $(,)?) => {
        /// Every fixed word of the shells' screens, in one language.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[cfg_attr(feature = "ffi", derive(uniffi::Record))]
        pub struct ShellTexts {
            $($(#[$doc])* pub $field: String,)*
        }

        impl ShellTexts {
            /// The field names, in order; each reads the message [`message_id`] gives.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The texts in `locale`.
            pub fn new(locale: Locale) -> Self {
                ShellTexts {
                    $($field: label(locale, &message_id(stringify!($field))),)*
                }
            }
        }
    };
}

/// The message a [`ShellTexts`] field reads: `shell-` and the field with dashes.
pub fn message_id(field: &str) -> String {
    format!("shell-{}", field.replace('_', "-"))
}

shell_texts! {
    app_name,
    tab_household,
    tab_deadlines,
    tab_guidance,
    tab_settings,
    household_empty,
    add_member,
    /// The one-tap action to the clinic screen.
    show_at_counter,
    next_deadline,
    overdue,
    nothing_due,
    estimated,
    clinic_title,
    clinic_for_staff,
    clinic_for_you,
    clinic_record,
    clinic_no_record,
    clinic_page,
    close,
    member_title,
    member_display_name,
    member_relationship,
    member_birth_date,
    member_card_issued_on,
    member_card_expires_on,
    member_cert_expires_on,
    member_moved_on,
    member_move_in_filed_on,
    member_overseas_departure_on,
    member_insurer_registered_on,
    member_eligibility_certificate_expires_on,
    member_has_card,
    member_registered_for_insurance,
    member_has_smartphone,
    member_carries_notice,
    /// Shown beside a date field that accepts 令和7年6月16日 as well as 2025-06-16.
    date_input_hint,
    date_not_set,
    pick_date,
    import_pdf,
    /// Asked when a PDF is shared to the app and the household has several members.
    import_choose_member,
    imported,
    save,
    cancel,
    remove_member,
    share_member,
    deadlines_kinds,
    deadlines_empty,
    export_calendar,
    guidance_question,
    answer_yes,
    answer_no,
    start_over,
    situations,
    language,
    language_system,
    /// 日本語 in both languages: a language is named in itself.
    language_ja,
    /// English in both languages.
    language_en,
    app_lock,
    app_lock_hint,
    unlock_title,
    unlock_subtitle,
    content_status,
    content_embedded,
    content_installed,
    content_refresh,
    notification_channel,
    notification_channel_description,
    notification_permission_rationale,
    shortcut_clinic,
    shortcut_clinic_long,
    qr_description,
}

/// The screens' texts without an open store (a shell shows them when opening fails).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn shell_texts_for(locale: Locale) -> ShellTexts {
    ShellTexts::new(locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue;

    #[test]
    fn every_shell_text_has_a_message_in_both_languages() {
        for locale in Locale::ALL {
            let catalogue = catalogue(locale).unwrap();
            for field in ShellTexts::FIELDS {
                let id = message_id(field);
                assert!(catalogue.contains_key(&id), "{locale:?} lacks {id}");
            }
        }
        let ja = ShellTexts::new(Locale::Ja);
        let en = ShellTexts::new(Locale::En);
        assert_eq!(ja.show_at_counter, "窓口で見せる");
        assert_eq!(en.show_at_counter, "Show at the counter");
    }
}
