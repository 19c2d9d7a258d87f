//! What a shell screen shows besides raw data, worded in the member's language: every
//! title, label and button ([`ShellTexts`]), the household as ready-to-show rows
//! ([`MemberRow`]), the deadline timeline ([`TimelineEntry`]) and errors as sentences.
//! Shells only lay these out (DESIGN.md: no date arithmetic, state logic or member-facing
//! text in Kotlin or Swift). The dates and days left are the rules' (R1–R7); dates are
//! written with the era in Japanese (R9) by [`crate::i18n::format_date`].

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::error::Error;
use crate::household::{Deadline, DeadlineKind, Holdings, MemberDraft, MemberStatus, Relationship};
use crate::i18n::{Locale, format_date, label, text};
use crate::rules::{CardState, Facts};

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

/// One deadline as a row shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DeadlineLine {
    pub kind: DeadlineKind,
    /// What happens, e.g. 電子証明書の有効期限.
    pub label: String,
    pub date: NaiveDate,
    /// The date as the member reads it, e.g. 令和8年12月1日(火).
    pub date_text: String,
    /// Days from today (negative when past).
    pub days_left: i64,
    /// "あと12日", "3 days ago".
    pub when_text: String,
    pub estimated: bool,
}

/// One member on the household screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct MemberRow {
    pub member_id: String,
    pub display_name: String,
    pub relationship_label: String,
    pub state: CardState,
    pub state_label: String,
    /// Whether the card works as マイナ保険証 today, given what the member holds.
    pub card_usable: bool,
    pub next_deadline: Option<DeadlineLine>,
    pub overdue: Vec<DeadlineLine>,
    /// The whole row as one sentence for TalkBack and VoiceOver.
    pub accessibility_label: String,
}

/// One step on the household's deadline timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TimelineEntry {
    pub member_id: String,
    pub display_name: String,
    pub line: DeadlineLine,
}

/// The screens' texts without an open store (a shell shows them when opening fails).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn shell_texts_for(locale: Locale) -> ShellTexts {
    ShellTexts::new(locale)
}

/// An error as a sentence without an open store (opening the store itself can fail).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn describe_error_for(locale: Locale, error: Error) -> String {
    describe_error(locale, &error)
}

/// A new member for the form: no name yet, the member themselves, born on `birth_date`
/// (the one fact the rules need), holding what most members hold.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn new_member_draft(birth_date: NaiveDate) -> MemberDraft {
    MemberDraft {
        display_name: String::new(),
        relationship: Relationship::Myself,
        facts: Facts::born_on(birth_date),
        eligibility_certificate_expires_on: None,
        holdings: Holdings::default(),
        insurance_fields: None,
    }
}

/// One choice of a picker: the value and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RelationshipChoice {
    pub relationship: Relationship,
    pub label: String,
}

/// The relationships a member form offers, named in `locale`.
pub fn relationship_choices(locale: Locale) -> Vec<RelationshipChoice> {
    Relationship::ALL
        .iter()
        .map(|&relationship| RelationshipChoice {
            relationship,
            label: label(locale, relationship.message_id()),
        })
        .collect()
}

/// A deadline worded in `locale`.
pub fn deadline_line(locale: Locale, deadline: &Deadline) -> DeadlineLine {
    let when_text = if deadline.days_left < 0 {
        text(
            locale,
            "days-overdue",
            &[("days", FluentValue::from(-deadline.days_left))],
        )
    } else {
        text(
            locale,
            "days-relative",
            &[("days", FluentValue::from(deadline.days_left))],
        )
    };
    DeadlineLine {
        kind: deadline.kind,
        label: label(locale, deadline.kind.message_id()),
        date: deadline.date,
        date_text: format_date(locale, deadline.date),
        days_left: deadline.days_left,
        when_text,
        estimated: deadline.estimated,
    }
}

/// A member's status worded in `locale`.
pub fn member_row(locale: Locale, status: &MemberStatus) -> MemberRow {
    let state = status.card_state();
    let relationship_label = label(locale, status.relationship.message_id());
    let state_label = label(locale, state.message_id());
    let next_deadline = status.next_deadline().map(|d| deadline_line(locale, d));
    let overdue: Vec<DeadlineLine> = status
        .overdue
        .iter()
        .map(|d| deadline_line(locale, d))
        .collect();
    let next_text = next_deadline.as_ref().map_or_else(
        || label(locale, "shell-nothing-due"),
        |line| format!("{} {} {}", line.label, line.date_text, line.when_text),
    );
    let accessibility_label = text(
        locale,
        "shell-member-row",
        &[
            ("name", FluentValue::from(status.display_name.as_str())),
            (
                "relationship",
                FluentValue::from(relationship_label.as_str()),
            ),
            ("state", FluentValue::from(state_label.as_str())),
            ("next", FluentValue::from(next_text)),
            ("overdue", FluentValue::from(overdue.len())),
        ],
    );
    MemberRow {
        member_id: status.member_id.clone(),
        display_name: status.display_name.clone(),
        relationship_label,
        state,
        state_label,
        card_usable: status.card_usable,
        next_deadline,
        overdue,
        accessibility_label,
    }
}

/// Every upcoming and overdue step of the household, soonest first.
pub fn timeline(locale: Locale, statuses: &[MemberStatus]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = statuses
        .iter()
        .flat_map(|status| {
            status
                .overdue
                .iter()
                .chain(&status.upcoming)
                .map(move |deadline| TimelineEntry {
                    member_id: status.member_id.clone(),
                    display_name: status.display_name.clone(),
                    line: deadline_line(locale, deadline),
                })
        })
        .collect();
    entries.sort_by(|a, b| {
        (a.line.date, &a.display_name, a.line.kind.message_id()).cmp(&(
            b.line.date,
            &b.display_name,
            b.line.kind.message_id(),
        ))
    });
    entries
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
    use crate::demo::demo_household;
    use crate::i18n::catalogue;
    use crate::rules::dates::civil;

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

    #[test]
    fn rows_word_the_evaluated_household() {
        let today = civil(2026, 11, 21);
        let statuses = demo_household(today).evaluate(today);
        let rows: Vec<MemberRow> = statuses.iter().map(|s| member_row(Locale::Ja, s)).collect();
        assert_eq!(rows.len(), statuses.len());
        for (row, status) in rows.iter().zip(&statuses) {
            assert_eq!(row.state, status.card_state());
            assert_eq!(
                row.state_label,
                label(Locale::Ja, status.card_state().message_id())
            );
            assert!(row.accessibility_label.contains(&status.display_name));
            assert!(row.accessibility_label.contains(&row.state_label));
            match (&row.next_deadline, status.next_deadline()) {
                (Some(line), Some(deadline)) => {
                    assert_eq!(line.date, deadline.date);
                    assert_eq!(line.days_left, deadline.days_left);
                    assert_eq!(line.date_text, format_date(Locale::Ja, deadline.date));
                }
                (None, None) => {}
                other => panic!("next deadline differs: {other:?}"),
            }
            assert_eq!(row.overdue.len(), status.overdue.len());
        }
        let timeline = timeline(Locale::En, &statuses);
        let total: usize = statuses
            .iter()
            .map(|s| s.upcoming.len() + s.overdue.len())
            .sum();
        assert_eq!(timeline.len(), total);
        assert!(
            timeline
                .windows(2)
                .all(|w| w[0].line.date <= w[1].line.date)
        );
    }

    #[test]
    fn past_and_future_days_are_worded_apart() {
        let past = Deadline {
            kind: DeadlineKind::MoveInDue,
            date: civil(2026, 11, 18),
            days_left: -3,
            estimated: false,
        };
        assert_eq!(deadline_line(Locale::En, &past).when_text, "3 days ago");
        let soon = Deadline {
            days_left: 12,
            ..past
        };
        assert_eq!(deadline_line(Locale::Ja, &soon).when_text, "あと12日");
    }

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
