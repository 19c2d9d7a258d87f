//! The plan itself: every dated step becomes reminders at its lead times, fired at the
//! time of day in Asia/Tokyo outside quiet hours, the earliest `limit` kept.

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, TimeZone, Utc};
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::ids::{notification_number, reminder_id};
use super::{LocalTime, QuietHours, ReminderSettings, ReminderState};
use crate::clock::japan_offset;
use crate::household::{
    DeadlineKind, Member, MemberStatus, RelatedDates, evaluate_member_in, grace_related_dates,
    insurance_change_days,
};
use crate::i18n::{Locale, MessageId, Words, ids};
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
    /// R5, R12: on the last business day on or before the deadline, for weekday-only
    /// counters.
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
    /// Whether the deadline is an estimate (for R7: the earliest the day can be).
    pub estimated: bool,
    /// The other dates the texts name (the expiry a renewal window leads to, the next
    /// or last open day, the day a dependent's status ends).
    pub related: RelatedDates,
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

pub use crate::vault::DocumentTiming;

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
    pub estimated: bool,
    pub related: RelatedDates,
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
            estimated: d.estimated,
            related: d.related,
        })
        .collect();
    let grace_end = status.evaluation.results.insurance_use_until;
    if let Some(date) = grace_end.filter(|d| *d >= today)
        && !steps.iter().any(|s| s.kind == DeadlineKind::GraceEnds)
    {
        steps.push(DatedStep {
            kind: DeadlineKind::GraceEnds,
            date,
            estimated: status.evaluation.cert_expiry_source
                == Some(crate::rules::DateSource::Computed),
            related: grace_related_dates(&status.evaluation),
        });
    }
    steps
}

/// The last day a weekday-only counter takes a step due on `step.date` (R5, R12): the
/// deadline itself when it is open.
pub(crate) fn last_counter_day(step: &DatedStep, calendar: &HolidayCalendar) -> Option<NaiveDate> {
    match step.kind {
        DeadlineKind::OverseasApplyBy | DeadlineKind::ResidencePeriodEnds => {
            calendar.last_business_day_on_or_before(step.date)
        }
        _ => None,
    }
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
/// first reminder slot after the PDF became stale (12 months after it was made, a later
/// change of facts, or a change of insurance, R13), then once a month, for at most 100
/// years.
fn refresh_occurrences<'a>(
    timing: DocumentTiming,
    insurance_changes: &[NaiveDate],
    settings: &'a ReminderSettings,
) -> impl Iterator<Item = (NaiveDate, DateTime<Utc>)> + 'a {
    let first = timing.stale_from(insurance_changes).and_then(|stale_from| {
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
    insurance_changes: &[NaiveDate],
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Option<NaiveDate> {
    refresh_occurrences(timing, insurance_changes, settings)
        .find(|(_, at)| *at > now)
        .map(|(day, _)| day)
}

/// Every stale-document reminder day up to `now`, and the next one.
pub(crate) fn refresh_occurrences_until(
    timing: DocumentTiming,
    insurance_changes: &[NaiveDate],
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    for (day, at) in refresh_occurrences(timing, insurance_changes, settings) {
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

/// The body of a reminder or calendar event about `step`, at `lead`: what to do, with
/// every date it speaks of (the step's own, the expiry a window leads to, the open days
/// of R4's decision and of weekday-only counters, the day a dependent's status ends).
pub fn body_text(words: Words<'_>, step: &DatedStep, lead: Lead) -> String {
    let related = step.related;
    let written = |day: Option<NaiveDate>| words.date(day.unwrap_or(step.date));
    if lead == Lead::LastBusinessDay {
        let id = match step.kind {
            DeadlineKind::ResidencePeriodEnds => ids::REMINDER_BODY_RESIDENCE_LAST_WEEKDAY,
            _ => ids::REMINDER_BODY_OVERSEAS_LAST_WEEKDAY,
        };
        return words.text(
            id,
            &[
                ("date", written(related.last_open_day).into()),
                ("deadline", words.date(step.date).into()),
            ],
        );
    }
    let id = match step.kind {
        DeadlineKind::InsuranceUsableFrom if step.estimated => {
            ids::REMINDER_BODY_INSURANCE_USABLE_FROM_EARLIEST
        }
        DeadlineKind::GraceEnds if related.expires_on.is_some() => {
            ids::REMINDER_BODY_GRACE_ENDS_AFTER_CARD
        }
        kind => kind.reminder_body_id(),
    };
    let body = words.text(
        id,
        &[
            ("date", words.date(step.date).into()),
            ("expires", written(related.expires_on).into()),
            (
                "status_ends",
                written(related.dependent_status_ends_on).into(),
            ),
        ],
    );
    open_day_notes(words, step.date, related)
        .into_iter()
        .fold(body, |text, note| {
            join_sentences(words.locale(), &text, &note)
        })
}

/// The sentences about a deadline on `date` that falls on a closed day: the next open day
/// that still meets it (R4's decision), or the last open day before it for a
/// weekday-only counter (R5, R12).
pub fn open_day_notes(words: Words<'_>, date: NaiveDate, related: RelatedDates) -> Vec<String> {
    let note = |id: MessageId, open_day: NaiveDate| {
        words.text(
            id,
            &[
                ("date", words.date(date).into()),
                ("open_day", words.date(open_day).into()),
            ],
        )
    };
    [
        related
            .next_open_day
            .map(|day| note(ids::REMINDER_HINT_NEXT_OPEN_DAY, day)),
        related
            .last_open_day
            .map(|day| note(ids::REMINDER_HINT_LAST_OPEN_DAY, day)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Two sentences as one text: run on in Japanese, a space between in English.
fn join_sentences(locale: Locale, first: &str, second: &str) -> String {
    match locale {
        Locale::Ja => format!("{first}{second}"),
        Locale::En => format!("{first} {second}"),
    }
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
        let status = evaluate_member_in(member, input.members, today, input.calendar);
        let mut steps = dated_steps(&status, today);
        if let Some(timing) = input.documents.get(&member.id)
            && let Some(date) = refresh_occurrence(
                *timing,
                &insurance_change_days(member, input.members),
                settings,
                input.now,
            )
        {
            steps.push(DatedStep {
                kind: DeadlineKind::RefreshDocument,
                date,
                estimated: false,
                related: RelatedDates::default(),
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
            if !leads.is_empty()
                && let Some(last) = last_counter_day(&step, input.calendar)
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
        estimated: step.estimated,
        related: step.related,
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
    let step = DatedStep {
        kind: reminder.kind,
        date: reminder.deadline,
        estimated: reminder.estimated,
        related: reminder.related,
    };
    reminder.body = body_text(words, &step, reminder.lead);
}
