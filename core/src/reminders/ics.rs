//! The household's deadlines as an iCalendar file (RFC 5545, `icalendar` crate): one
//! all-day VEVENT per deadline, a VALARM per lead time at the reminder time of day,
//! UIDs that stay the same for a member's kind of deadline so that importing again
//! updates the event (SEQUENCE grows with the export time), texts in the user's language.
//!
//! Privacy: no insurance number appears, and events name the member by relationship
//! (本人, 子, …) unless the user asks for names.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property};

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
    let mut ics = Calendar::new();
    ics.name(&words.label(ids::ICS_CALENDAR_NAME));
    ics.append_property(Property::new("X-WR-TIMEZONE", "Asia/Tokyo"));
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
            let mut event = Event::new();
            event
                .uid(&event_uid(&member.id, step.kind))
                .starts(step.date)
                // All-day: DTEND is the next day (RFC 5545, exclusive).
                .ends(step.date.succ_opt().unwrap_or(step.date))
                .summary(&summary)
                .description(&description)
                .sequence(sequence)
                .add_property("X-SHIKAKU-KIND", step.kind.stable_name())
                .add_property("TRANSP", "TRANSPARENT");
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
                event.alarm(Alarm::display(&summary, trigger));
            }
            ics.push(event.done());
        }
    }
    Ok(ics.done().to_string())
}
