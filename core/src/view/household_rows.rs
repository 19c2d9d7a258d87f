//! The household as rows ready to show ([`MemberRow`]) and the deadline timeline
//! ([`TimelineEntry`]): the rules' dates and days left (R1–R7) worded in the member's
//! language, dates with the era in Japanese (R9).

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::household::{Deadline, DeadlineKind, MemberStatus};
use crate::i18n::{Words, ids};
use crate::reminders::open_day_notes;
use crate::rules::CardState;

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
    /// When the deadline falls on a closed day: the open day that still meets it, or the
    /// last open day before it (R4, R5, R12), as a sentence.
    pub open_day_note: Option<String>,
}

/// One member on the household screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct MemberRow {
    pub member_id: String,
    pub display_name: String,
    pub relationship_label: String,
    /// The state shown (a lost card is `Lost`, never valid).
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

/// A deadline worded in the member's language.
pub fn deadline_line(words: Words<'_>, deadline: &Deadline) -> DeadlineLine {
    let when_text = if deadline.days_left < 0 {
        words.text(
            ids::DAYS_OVERDUE,
            &[("days", FluentValue::from(-deadline.days_left))],
        )
    } else {
        words.text(
            ids::DAYS_RELATIVE,
            &[("days", FluentValue::from(deadline.days_left))],
        )
    };
    DeadlineLine {
        kind: deadline.kind,
        label: words.label(deadline.kind.message_id()),
        date: deadline.date,
        date_text: words.date(deadline.date),
        days_left: deadline.days_left,
        when_text,
        estimated: deadline.estimated,
        open_day_note: open_day_notes(words, deadline.date, deadline.related)
            .into_iter()
            .next(),
    }
}

/// A member's status worded in the member's language.
pub fn member_row(words: Words<'_>, status: &MemberStatus) -> MemberRow {
    let state = status.shown_state;
    let relationship_label = words.label(status.relationship.message_id());
    let state_label = words.label(state.message_id());
    let next_deadline = status.next_deadline().map(|d| deadline_line(words, d));
    let overdue: Vec<DeadlineLine> = status
        .overdue
        .iter()
        .map(|d| deadline_line(words, d))
        .collect();
    let next_text = next_deadline.as_ref().map_or_else(
        || words.label(ids::SHELL_NOTHING_DUE),
        |line| format!("{} {} {}", line.label, line.date_text, line.when_text),
    );
    let accessibility_label = words.text(
        ids::SHELL_MEMBER_ROW,
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
pub fn timeline(words: Words<'_>, statuses: &[MemberStatus]) -> Vec<TimelineEntry> {
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
                    line: deadline_line(words, deadline),
                })
        })
        .collect();
    entries.sort_by(|a, b| {
        (a.line.date, &a.display_name, a.line.kind).cmp(&(
            b.line.date,
            &b.display_name,
            b.line.kind,
        ))
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_household;
    use crate::i18n::Locale;
    use crate::rules::dates::civil;

    #[test]
    fn rows_word_the_evaluated_household() {
        let today = civil(2026, 11, 21);
        let statuses = demo_household(today).evaluate(today);
        let rows: Vec<MemberRow> = statuses
            .iter()
            .map(|s| member_row(Words::built_in(Locale::Ja), s))
            .collect();
        assert_eq!(rows.len(), statuses.len());
        for (row, status) in rows.iter().zip(&statuses) {
            assert_eq!(row.state, status.shown_state);
            assert_eq!(
                row.state_label,
                Words::built_in(Locale::Ja).label(status.shown_state.message_id())
            );
            assert!(row.accessibility_label.contains(&status.display_name));
            assert!(row.accessibility_label.contains(&row.state_label));
            match (&row.next_deadline, status.next_deadline()) {
                (Some(line), Some(deadline)) => {
                    assert_eq!(line.date, deadline.date);
                    assert_eq!(line.days_left, deadline.days_left);
                    assert_eq!(
                        line.date_text,
                        Words::built_in(Locale::Ja).date(deadline.date)
                    );
                }
                (None, None) => {}
                other => panic!("next deadline differs: {other:?}"),
            }
            assert_eq!(row.overdue.len(), status.overdue.len());
        }
        let timeline = timeline(Words::built_in(Locale::En), &statuses);
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
            related: Default::default(),
        };
        assert_eq!(
            deadline_line(Words::built_in(Locale::En), &past).when_text,
            "3 days ago"
        );
        let soon = Deadline {
            days_left: 12,
            ..past
        };
        let line = deadline_line(Words::built_in(Locale::Ja), &soon);
        assert_eq!(line.when_text, "あと12日");
        assert_eq!(line.open_day_note, None);
        // A move-in notice due on Sun 29 November is met on Mon 30 November.
        let closed = Deadline {
            date: civil(2026, 11, 29),
            related: crate::household::RelatedDates {
                next_open_day: Some(civil(2026, 11, 30)),
                ..Default::default()
            },
            ..soon
        };
        let note = deadline_line(Words::built_in(Locale::Ja), &closed).open_day_note;
        assert!(
            note.as_deref()
                .is_some_and(|n| n.contains("令和8年11月30日(月)")),
            "{note:?}"
        );
    }
}
