//! The household's deadlines as an iCalendar file (RFC 5545, written here: text values
//! escaped, lines folded at 75 octets, CRLF line ends): one all-day VEVENT per deadline,
//! a VALARM per lead time at the reminder time of day, UIDs that stay the same for a
//! member's kind of deadline so that importing again updates the event (SEQUENCE grows
//! with the export time), texts in the user's language.
//!
//! Privacy: no insurance number appears, and events name the member by relationship
//! (本人, 子, …) unless the user asks for names.

use chrono::{DateTime, Duration, NaiveDate, Utc};

pub use super::ids::event_uid;
use super::plan::last_counter_day;
use super::{Lead, ReminderSettings, body_text, dated_steps};
use crate::error::{Entity, Error, Result};
use crate::household::{Member, evaluate_member_in};
use crate::i18n::{Words, ids};
use crate::rules::HolidayCalendar;
use crate::rules::dates::days_between;

/// What to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct IcsOptions {
    /// Only this member's deadlines (all members when `None`).
    pub member_id: Option<String>,
    /// Name members by their display name instead of their relationship.
    pub include_names: bool,
}

/// The household's deadlines from `now` on, as the text of an .ics file.
pub fn export_ics(
    members: &[Member],
    settings: &ReminderSettings,
    now: DateTime<Utc>,
    words: Words<'_>,
    calendar: &HolidayCalendar,
    options: &IcsOptions,
) -> Result<String> {
    if let Some(id) = &options.member_id
        && !members.iter().any(|m| &m.id == id)
    {
        return Err(Error::not_found(Entity::Member));
    }
    let today = now
        .with_timezone(&crate::clock::japan_offset())
        .date_naive();
    let sequence = u32::try_from((now.timestamp() / 60).max(0) % i64::from(i32::MAX)).unwrap_or(0);
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut ics = Writer::default();
    ics.line("BEGIN", "VCALENDAR");
    ics.line("VERSION", "2.0");
    ics.line("PRODID", "-//shikaku//shikaku//EN");
    ics.line("CALSCALE", "GREGORIAN");
    let calendar_name = words.label(ids::ICS_CALENDAR_NAME);
    ics.text("NAME", &calendar_name);
    ics.text("X-WR-CALNAME", &calendar_name);
    ics.line("X-WR-TIMEZONE", "Asia/Tokyo");
    let time_of_day = Duration::minutes(
        i64::from(settings.time_of_day.hour) * 60 + i64::from(settings.time_of_day.minute),
    );
    for member in members {
        if options
            .member_id
            .as_ref()
            .is_some_and(|id| id != &member.id)
        {
            continue;
        }
        let status = evaluate_member_in(member, members, today, calendar);
        let who = if options.include_names {
            member.display_name.clone()
        } else {
            words.label(member.relationship.message_id())
        };
        for step in dated_steps(&status, today) {
            let what = words.label(step.kind.message_id());
            let summary = words.text(
                ids::ICS_SUMMARY,
                &[("what", what.into()), ("who", who.as_str().into())],
            );
            let description = body_text(words, &step, Lead::DaysBefore { days: 0 });
            ics.line("BEGIN", "VEVENT");
            ics.line("DTSTAMP", &stamp);
            ics.text("UID", &event_uid(&member.id, step.kind));
            ics.line("DTSTART;VALUE=DATE", &ics_date(step.date));
            // All-day: DTEND is the next day (RFC 5545, exclusive).
            let end = step.date.succ_opt().unwrap_or(step.date);
            ics.line("DTEND;VALUE=DATE", &ics_date(end));
            ics.text("SUMMARY", &summary);
            ics.text("DESCRIPTION", &description);
            ics.line("SEQUENCE", &sequence.to_string());
            ics.text("X-SHIKAKU-KIND", step.kind.stable_name());
            ics.line("TRANSP", "TRANSPARENT");
            let mut alarm_days: Vec<i64> = settings
                .lead_days(step.kind)
                .into_iter()
                .map(i64::from)
                .collect();
            if !alarm_days.is_empty()
                && let Some(last) = last_counter_day(&step, calendar)
            {
                alarm_days.push(days_between(last, step.date));
            }
            alarm_days.sort_unstable();
            alarm_days.dedup();
            for days in alarm_days {
                let trigger = time_of_day - Duration::days(days);
                ics.line("BEGIN", "VALARM");
                ics.line("ACTION", "DISPLAY");
                ics.line("TRIGGER", &ics_duration(trigger));
                ics.text("DESCRIPTION", &summary);
                ics.line("END", "VALARM");
            }
            ics.line("END", "VEVENT");
        }
    }
    ics.line("END", "VCALENDAR");
    Ok(ics.out)
}

/// A DATE value (§3.3.4).
fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// A DURATION value (§3.3.6) in seconds, as a trigger relative to the event's start.
fn ics_duration(duration: Duration) -> String {
    let seconds = duration.num_seconds();
    let sign = if seconds < 0 { "-" } else { "" };
    format!("{sign}PT{}S", seconds.unsigned_abs())
}

/// Content lines (§3.1): `NAME:value` ending in CRLF, folded before 75 octets are
/// exceeded (never inside a UTF-8 character) with CRLF and one space.
#[derive(Debug, Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// A line whose value is written as it is (dates, numbers, fixed words).
    fn line(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        let mut octets = 0;
        for c in line.chars() {
            if octets + c.len_utf8() > 75 {
                self.out.push_str("\r\n ");
                octets = 1;
            }
            self.out.push(c);
            octets += c.len_utf8();
        }
        self.out.push_str("\r\n");
    }

    /// A line whose value is TEXT (§3.3.11): backslash, `;`, `,` and line ends escaped.
    fn text(&mut self, name: &str, value: &str) {
        let mut escaped = String::with_capacity(value.len());
        for c in value.chars() {
            match c {
                '\\' | ';' | ',' => {
                    escaped.push('\\');
                    escaped.push(c);
                }
                '\n' => escaped.push_str("\\n"),
                '\r' => {}
                _ => escaped.push(c),
            }
        }
        self.line(name, &escaped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        let mut ics = Writer::default();
        ics.text("SUMMARY", "a,b;c\\d\ne");
        assert_eq!(ics.out, "SUMMARY:a\\,b\\;c\\\\d\\ne\r\n");
        let mut ics = Writer::default();
        let long = "資格確認書の有効期限".repeat(5);
        ics.text("DESCRIPTION", &long);
        let lines: Vec<&str> = ics.out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|line| line.len() <= 75), "{lines:?}");
        assert!(lines.iter().skip(1).all(|line| line.starts_with(' ')));
        let unfolded = ics.out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{long}\r\n"));
    }

    #[test]
    fn durations_and_dates_are_rfc_5545_values() {
        assert_eq!(
            ics_duration(Duration::hours(9) - Duration::days(7)),
            "-PT572400S"
        );
        assert_eq!(ics_duration(Duration::hours(9)), "PT32400S");
        let day = NaiveDate::from_ymd_opt(2026, 1, 16).unwrap_or_default();
        assert_eq!(ics_date(day), "20260116");
    }
}
