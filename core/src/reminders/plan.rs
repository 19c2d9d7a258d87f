//! The plan itself: every dated step becomes reminders at its lead times, fired at the
//! time of day in Asia/Tokyo outside quiet hours, the earliest `limit` kept.

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, TimeZone, Utc};
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::ids::{notification_number, reminder_id};
use super::{LocalTime, QuietHours, ReminderSettings, ReminderState};
use crate::clock::japan_offset;
use crate::household::{DeadlineKind, Member, MemberStatus, evaluate_member};
use crate::i18n::{Words, ids};
use crate::rules::HolidayCalendar;
use crate::rules::dates::minus_days;

/// How urgent a reminder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Severity {
    Info,
    Warning,
    Urgent,
}

/// The screen a reminder opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Screen {
    Member,
    Clinic,
    Guidance,
    Documents,
}

/// When before the deadline a reminder fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Lead {
    /// This many days before the deadline.
    DaysBefore { days: u32 },
    /// R5: on the last business day on or before the deadline, for weekday-only counters.
    LastBusinessDay,
}

/// One reminder to schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Reminder {
    /// Stable: the same deadline and lead give the same id on every run.
    pub id: String,
    /// The id as a 31-bit number, for platforms that want an integer.
    pub notification_id: i32,
    pub member_id: String,
    pub kind: DeadlineKind,
    pub deadline: NaiveDate,
    pub lead: Lead,
    pub fire_at: DateTime<Utc>,
    pub title: String,
    pub body: String,
    pub severity: Severity,
    pub screen: Screen,
    pub snoozed: bool,
}

/// The reminders to schedule now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ReminderPlan {
    pub reminders: Vec<Reminder>,
    /// Reminders left out by the limit.
    pub omitted: u32,
    /// When to ask for a new plan (the last planned reminder, when some were left out).
    pub replan_at: Option<DateTime<Utc>>,
}

/// When a member's stored PDF was imported, and when their facts last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTiming {
    pub imported_at: DateTime<Utc>,
    pub facts_changed_at: Option<DateTime<Utc>>,
}

/// What a plan is made from.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub members: &'a [Member],
    pub documents: &'a HashMap<String, DocumentTiming>,
    pub settings: &'a ReminderSettings,
    pub state: &'a ReminderState,
    pub now: DateTime<Utc>,
    /// The words of the member's language, with the content's overrides.
    pub words: Words<'a>,
    pub calendar: &'a HolidayCalendar,
}

/// A dated step of one member, before lead times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedStep {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
}

/// The member's pending steps with a date today or later: the household's upcoming
/// deadlines, plus the end of the grace (R3) while the certificate is still valid, so
/// that a member who never renews is warned in time even if no new plan is made.
pub fn dated_steps(status: &MemberStatus, today: NaiveDate) -> Vec<DatedStep> {
    let mut steps: Vec<DatedStep> = status
        .upcoming
        .iter()
        .map(|d| DatedStep {
            kind: d.kind,
            date: d.date,
        })
        .collect();
    let grace_end = status.evaluation.results.insurance_use_until;
    if let Some(date) = grace_end.filter(|d| *d >= today)
        && !steps.iter().any(|s| s.kind == DeadlineKind::GraceEnds)
    {
        steps.push(DatedStep {
            kind: DeadlineKind::GraceEnds,
            date,
        });
    }
    steps
}

/// The instant of `time` on `day` in Japan, moved past quiet hours.
fn fire_instant(
    day: NaiveDate,
    time: LocalTime,
    quiet: Option<QuietHours>,
) -> Option<DateTime<Utc>> {
    let local = day.and_time(time.to_naive()?);
    let instant = japan_offset().from_local_datetime(&local).single()?;
    Some(leave_quiet_hours(instant.with_timezone(&Utc), quiet))
}

/// Moves an instant inside quiet hours to their end.
fn leave_quiet_hours(at: DateTime<Utc>, quiet: Option<QuietHours>) -> DateTime<Utc> {
    let Some(quiet) = quiet else {
        return at;
    };
    let local = at.with_timezone(&japan_offset());
    let time = LocalTime {
        hour: u8::try_from(chrono::Timelike::hour(&local)).unwrap_or(0),
        minute: u8::try_from(chrono::Timelike::minute(&local)).unwrap_or(0),
    };
    if !quiet.contains(time) {
        return at;
    }
    let mut day = local.date_naive();
    if time.minutes() >= quiet.end.minutes() {
        day = day.succ_opt().unwrap_or(day);
    }
    quiet
        .end
        .to_naive()
        .and_then(|end| {
            japan_offset()
                .from_local_datetime(&day.and_time(end))
                .single()
        })
        .map_or(at, |end| end.with_timezone(&Utc))
}

/// The days of the "download a fresh 資格情報" reminders, with their fire instants: the
/// first reminder slot after the PDF became stale (12 months after import, or a later
/// change of facts), then once a month, for at most 100 years.
fn refresh_occurrences(
    timing: DocumentTiming,
    settings: &ReminderSettings,
) -> impl Iterator<Item = (NaiveDate, DateTime<Utc>)> + '_ {
    let first = timing
        .imported_at
        .checked_add_months(Months::new(12))
        .and_then(|twelve_months| {
            let stale_from = match timing.facts_changed_at {
                Some(changed) if changed > timing.imported_at => changed.min(twelve_months),
                _ => twelve_months,
            };
            let stale_day = stale_from.with_timezone(&japan_offset()).date_naive();
            match fire_instant(stale_day, settings.time_of_day, settings.quiet_hours) {
                Some(at) if at >= stale_from => Some(stale_day),
                _ => stale_day.succ_opt(),
            }
        });
    (0..1200u32).filter_map(move |month| {
        let day = first?.checked_add_months(Months::new(month))?;
        let at = fire_instant(day, settings.time_of_day, settings.quiet_hours)?;
        Some((day, at))
    })
}

/// The day of the next stale-document reminder after `now`.
fn refresh_occurrence(
    timing: DocumentTiming,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Option<NaiveDate> {
    refresh_occurrences(timing, settings)
        .find(|(_, at)| *at > now)
        .map(|(day, _)| day)
}

/// Every stale-document reminder day up to `now`, and the next one.
pub(crate) fn refresh_occurrences_until(
    timing: DocumentTiming,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    for (day, at) in refresh_occurrences(timing, settings) {
        days.push(day);
        if at > now {
            break;
        }
    }
    days
}

fn screen_of(kind: DeadlineKind) -> Screen {
    use DeadlineKind as K;
    match kind {
        K::EligibilityCertificateExpires => Screen::Member,
        K::InsuranceUsableFrom => Screen::Clinic,
        K::RefreshDocument => Screen::Documents,
        _ => Screen::Guidance,
    }
}

fn severity_of(kind: DeadlineKind, lead: Lead) -> Severity {
    match lead {
        _ if kind.is_start() => Severity::Info,
        Lead::DaysBefore { days } if days > 3 => Severity::Warning,
        _ => Severity::Urgent,
    }
}

/// The body of a reminder or calendar event about `kind` due on `date`.
pub fn body_text(words: Words<'_>, kind: DeadlineKind, lead: Lead, date: NaiveDate) -> String {
    let id = match lead {
        Lead::LastBusinessDay => ids::REMINDER_BODY_OVERSEAS_LAST_WEEKDAY,
        Lead::DaysBefore { .. } => kind.reminder_body_id(),
    };
    words.text(id, &[("date", words.date(date).into())])
}

/// The plan at `input.now`: the earliest `limit` reminders across the household.
pub fn plan(input: &PlanInput<'_>, limit: usize) -> ReminderPlan {
    let mut all = all_reminders(input);
    all.sort_by(|a, b| a.fire_at.cmp(&b.fire_at).then_with(|| a.id.cmp(&b.id)));
    let omitted = all.len().saturating_sub(limit);
    all.truncate(limit);
    // Texts are written only for the reminders kept.
    for reminder in &mut all {
        if let Some(member) = input.members.iter().find(|m| m.id == reminder.member_id) {
            write_texts(reminder, &member.display_name, input.words);
        }
    }
    let replan_at = (omitted > 0)
        .then(|| all.last().map(|r| r.fire_at))
        .flatten();
    ReminderPlan {
        reminders: all,
        omitted: u32::try_from(omitted).unwrap_or(u32::MAX),
        replan_at,
    }
}

/// Every reminder still to fire, unsorted.
fn all_reminders(input: &PlanInput<'_>) -> Vec<Reminder> {
    let today = input.now.with_timezone(&japan_offset()).date_naive();
    let settings = input.settings;
    let mut out = Vec::new();
    for member in input.members {
        let status = evaluate_member(member, today, input.calendar);
        let mut steps = dated_steps(&status, today);
        if let Some(timing) = input.documents.get(&member.id)
            && let Some(date) = refresh_occurrence(*timing, settings, input.now)
        {
            steps.push(DatedStep {
                kind: DeadlineKind::RefreshDocument,
                date,
            });
        }
        for step in steps {
            let mut leads: Vec<(Lead, NaiveDate)> = settings
                .lead_days(step.kind)
                .into_iter()
                .filter_map(|days| {
                    let day = minus_days(step.date, u64::from(days))?;
                    Some((Lead::DaysBefore { days }, day))
                })
                .collect();
            if step.kind == DeadlineKind::OverseasApplyBy
                && !leads.is_empty()
                && let Some(last) = status.evaluation.overseas_apply_by_last_business_day
                && !leads.iter().any(|(_, day)| *day == last)
            {
                leads.push((Lead::LastBusinessDay, last));
            }
            for (lead, day) in leads {
                if let Some(reminder) = make_reminder(input, member, step, lead, day) {
                    out.push(reminder);
                }
            }
        }
    }
    out
}

/// A reminder without its texts, unless acknowledged or already past.
fn make_reminder(
    input: &PlanInput<'_>,
    member: &Member,
    step: DatedStep,
    lead: Lead,
    day: NaiveDate,
) -> Option<Reminder> {
    let settings = input.settings;
    let id = reminder_id(&member.id, step.kind, step.date, lead);
    if input.state.acknowledged.contains(&id) {
        return None;
    }
    let scheduled = fire_instant(day, settings.time_of_day, settings.quiet_hours)?;
    let snooze = input
        .state
        .snoozed_until
        .get(&id)
        .copied()
        .filter(|until| *until > scheduled);
    let fire_at = snooze.map_or(scheduled, |until| {
        leave_quiet_hours(until, settings.quiet_hours)
    });
    if fire_at <= input.now {
        return None;
    }
    Some(Reminder {
        notification_id: notification_number(&id),
        id,
        member_id: member.id.clone(),
        kind: step.kind,
        deadline: step.date,
        lead,
        fire_at,
        title: String::new(),
        body: String::new(),
        severity: severity_of(step.kind, lead),
        screen: screen_of(step.kind),
        snoozed: snooze.is_some(),
    })
}

/// The title ("who: what (when)") and body of a reminder in the member's language.
fn write_texts(reminder: &mut Reminder, display_name: &str, words: Words<'_>) {
    let fire_day = reminder.fire_at.with_timezone(&japan_offset()).date_naive();
    let days_left = crate::rules::dates::days_between(fire_day, reminder.deadline).max(0);
    let when = words.text(ids::DAYS_RELATIVE, &[("days", days_left.into())]);
    reminder.title = words.text(
        ids::REMINDER_TITLE,
        &[
            ("name", FluentValue::from(display_name)),
            ("what", words.label(reminder.kind.message_id()).into()),
            ("when", when.into()),
        ],
    );
    reminder.body = body_text(words, reminder.kind, reminder.lead, reminder.deadline);
}
