//! The reminder plan: every dated step the rules produce for the household (R1 card,
//! R2 certificate, R3 grace, R4 move, R5 departure, R6 資格確認書, R7 first usable day,
//! and a stale 資格情報 PDF) becomes reminders at its lead times, with stable ids a shell
//! reconciles its OS notifications by, texts in the user's language, and a screen to
//! open. [`ics`] writes the same deadlines as an iCalendar file.
//!
//! - A reminder's id is a hash of member, kind, deadline and lead: the same deadline
//!   gives the same id on every run; another deadline (new facts) gives new ids.
//! - Reminders fire at a local time of day in Asia/Tokyo (09:00 unless set), moved out of
//!   quiet hours. A reminder whose time has passed is not planned; a passed deadline is
//!   an overdue item of the household status instead.
//! - The plan holds the earliest `limit` reminders (iOS keeps 64 pending), sorted by fire
//!   time, so each deadline's chain is cut after its earliest reminders, never in the
//!   middle; `replan_at` says when to ask again.
//! - Acknowledged reminders never come back; snoozed ones fire at the snooze time.

pub mod ics;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::clock::japan_offset;
use crate::household::{DeadlineKind, Member, MemberStatus, evaluate_member};
use crate::i18n::{Locale, format_date, label, text};
use crate::rules::HolidayCalendar;
use crate::rules::dates::minus_days;
use crate::vault::hex;

/// A time of day in Asia/Tokyo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LocalTime {
    pub hour: u8,
    pub minute: u8,
}

impl LocalTime {
    fn to_naive(self) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(u32::from(self.hour), u32::from(self.minute), 0)
    }

    fn minutes(self) -> u32 {
        u32::from(self.hour) * 60 + u32::from(self.minute)
    }
}

/// Hours in which no reminder fires: from `start` up to `end`, across midnight when
/// `end` is earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct QuietHours {
    pub start: LocalTime,
    pub end: LocalTime,
}

/// The lead times of one kind, in days before the deadline (0: on the day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LeadTimes {
    pub kind: DeadlineKind,
    pub days: Vec<u32>,
    pub enabled: bool,
}

/// How reminders are planned; kept in the store's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ReminderSettings {
    pub time_of_day: LocalTime,
    pub quiet_hours: Option<QuietHours>,
    pub lead_times: Vec<LeadTimes>,
}

/// The default lead times of each kind.
pub fn default_lead_days(kind: DeadlineKind) -> Vec<u32> {
    use DeadlineKind as K;
    match kind {
        K::CertRenewalOpens | K::InsuranceUsableFrom | K::RefreshDocument => vec![0],
        K::CertExpires => vec![30, 7],
        K::GraceEnds | K::ContinuedUseDue => vec![30, 7, 1],
        K::CardRenewalOpens => vec![],
        K::CardExpires => vec![90, 30],
        K::MoveInDue => vec![7, 3, 1],
        K::OverseasApplyBy => vec![14, 3, 1],
        K::EligibilityCertificateExpires => vec![60, 14],
    }
}

/// The most days ahead a lead time may be.
pub const MAX_LEAD_DAYS: u32 = 366;

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            time_of_day: LocalTime { hour: 9, minute: 0 },
            quiet_hours: Some(QuietHours {
                start: LocalTime {
                    hour: 21,
                    minute: 0,
                },
                end: LocalTime { hour: 8, minute: 0 },
            }),
            lead_times: DeadlineKind::ALL
                .into_iter()
                .map(|kind| LeadTimes {
                    kind,
                    days: default_lead_days(kind),
                    enabled: true,
                })
                .collect(),
        }
    }
}

impl ReminderSettings {
    /// The lead days of `kind` (none when it is switched off); kinds the settings do not
    /// name use their defaults.
    pub fn lead_days(&self, kind: DeadlineKind) -> Vec<u32> {
        match self.lead_times.iter().find(|lead| lead.kind == kind) {
            Some(lead) if lead.enabled => lead.days.clone(),
            Some(_) => Vec::new(),
            None => default_lead_days(kind),
        }
    }

    /// Checks the settings; the first problem names its field.
    pub fn validate(&self) -> crate::error::Result<()> {
        use crate::error::Error;
        let times = [("time_of_day", Some(self.time_of_day))].into_iter().chain(
            self.quiet_hours.iter().flat_map(|q| {
                [
                    ("quiet_hours.start", Some(q.start)),
                    ("quiet_hours.end", Some(q.end)),
                ]
            }),
        );
        for (field, time) in times {
            if time.and_then(LocalTime::to_naive).is_none() {
                return Err(Error::invalid(field, "hour 0–23 and minute 0–59"));
            }
        }
        if self
            .quiet_hours
            .is_some_and(|q| q.contains(self.time_of_day) && q.start != q.end)
        {
            return Err(Error::invalid(
                "time_of_day",
                "falls inside the quiet hours; no reminder could fire",
            ));
        }
        let mut seen = BTreeSet::new();
        for lead in &self.lead_times {
            if !seen.insert(lead.kind) {
                return Err(Error::invalid(
                    "lead_times",
                    format!("{} twice", lead.kind.name()),
                ));
            }
            if lead.days.iter().any(|d| *d > MAX_LEAD_DAYS) {
                return Err(Error::invalid(
                    "lead_times",
                    format!("{}: at most {MAX_LEAD_DAYS} days", lead.kind.name()),
                ));
            }
        }
        Ok(())
    }
}

impl QuietHours {
    fn contains(self, time: LocalTime) -> bool {
        let (start, end, t) = (self.start.minutes(), self.end.minutes(), time.minutes());
        if start <= end {
            (start..end).contains(&t)
        } else {
            t >= start || t < end
        }
    }
}

/// Acknowledged and snoozed reminders; kept sealed in the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderState {
    pub acknowledged: BTreeSet<String>,
    pub snoozed_until: BTreeMap<String, DateTime<Utc>>,
}

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
    pub locale: Locale,
    pub calendar: &'a HolidayCalendar,
}

/// A dated step of one member, before lead times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedStep {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
}

/// The stable id of a reminder.
pub fn reminder_id(member_id: &str, kind: DeadlineKind, deadline: NaiveDate, lead: Lead) -> String {
    let lead_text = match lead {
        Lead::DaysBefore { days } => format!("d{days}"),
        Lead::LastBusinessDay => "last-business-day".to_owned(),
    };
    stable_hash(&format!(
        "reminder|{member_id}|{}|{deadline}|{lead_text}",
        kind.name()
    ))
}

fn stable_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    hex(digest.get(..12).unwrap_or(&digest))
}

fn notification_number(id: &str) -> i32 {
    let prefix = id.get(..8).unwrap_or("0");
    i32::try_from(u32::from_str_radix(prefix, 16).unwrap_or(0) & 0x7FFF_FFFF).unwrap_or(0)
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

/// The day of the next "download a fresh 資格情報" reminder: the first reminder slot
/// after the PDF became stale (12 months after import, or a later change of facts),
/// then once a month after that; `None` when it is not due within 100 years.
fn refresh_occurrence(
    timing: DocumentTiming,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Option<NaiveDate> {
    let twelve_months = timing.imported_at.checked_add_months(Months::new(12))?;
    let stale_from = match timing.facts_changed_at {
        Some(changed) if changed > timing.imported_at => changed.min(twelve_months),
        _ => twelve_months,
    };
    let stale_day = stale_from.with_timezone(&japan_offset()).date_naive();
    let first = match fire_instant(stale_day, settings.time_of_day, settings.quiet_hours) {
        Some(at) if at >= stale_from => stale_day,
        _ => stale_day.succ_opt()?,
    };
    (0..1200u32).find_map(|month| {
        let day = first.checked_add_months(Months::new(month))?;
        let at = fire_instant(day, settings.time_of_day, settings.quiet_hours)?;
        (at > now).then_some(day)
    })
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
pub fn body_text(locale: Locale, kind: DeadlineKind, lead: Lead, date: NaiveDate) -> String {
    let id = match lead {
        Lead::LastBusinessDay => "reminder-body-overseas_last_weekday".to_owned(),
        Lead::DaysBefore { .. } => format!("reminder-body-{}", kind.name()),
    };
    text(locale, &id, &[("date", format_date(locale, date).into())])
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
            write_texts(reminder, &member.display_name, input.locale);
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

/// The title ("who: what (when)") and body of a reminder in `locale`.
fn write_texts(reminder: &mut Reminder, display_name: &str, locale: Locale) {
    let fire_day = reminder.fire_at.with_timezone(&japan_offset()).date_naive();
    let days_left = crate::rules::dates::days_between(fire_day, reminder.deadline).max(0);
    let when = text(locale, "days-relative", &[("days", days_left.into())]);
    reminder.title = text(
        locale,
        "reminder-title",
        &[
            ("name", FluentValue::from(display_name)),
            ("what", label(locale, reminder.kind.message_id()).into()),
            ("when", when.into()),
        ],
    );
    reminder.body = body_text(locale, reminder.kind, reminder.lead, reminder.deadline);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::Relationship;
    use crate::rules::Facts;
    use crate::rules::dates::civil;

    fn at(y: i32, m: u32, d: u32, hour: u32) -> DateTime<Utc> {
        japan_offset()
            .with_ymd_and_hms(y, m, d, hour, 0, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn member(id: &str, facts: Facts) -> Member {
        Member {
            id: id.to_owned(),
            display_name: id.to_owned(),
            relationship: Relationship::Child,
            facts,
            eligibility_certificate_expires_on: None,
            holdings: Default::default(),
            insurance_fields: None,
        }
    }

    fn facts(f: impl FnOnce(&mut Facts)) -> Facts {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        f(&mut facts);
        facts
    }

    struct World {
        members: Vec<Member>,
        documents: HashMap<String, DocumentTiming>,
        settings: ReminderSettings,
        state: ReminderState,
    }

    impl World {
        fn new(members: Vec<Member>) -> Self {
            World {
                members,
                documents: HashMap::new(),
                settings: ReminderSettings::default(),
                state: ReminderState::default(),
            }
        }

        fn plan(&self, now: DateTime<Utc>, limit: usize) -> ReminderPlan {
            plan(
                &PlanInput {
                    members: &self.members,
                    documents: &self.documents,
                    settings: &self.settings,
                    state: &self.state,
                    now,
                    locale: Locale::Ja,
                    calendar: HolidayCalendar::embedded(),
                },
                limit,
            )
        }

        fn of_kind(&self, now: DateTime<Utc>, kind: DeadlineKind) -> Vec<(NaiveDate, Lead)> {
            self.plan(now, usize::MAX)
                .reminders
                .into_iter()
                .filter(|r| r.kind == kind)
                .map(|r| {
                    (
                        r.fire_at.with_timezone(&japan_offset()).date_naive(),
                        r.lead,
                    )
                })
                .collect()
        }
    }

    fn days(d: u32) -> Lead {
        Lead::DaysBefore { days: d }
    }

    #[test]
    fn every_kind_fires_at_its_lead_times_at_nine_in_tokyo() {
        let now = at(2026, 1, 5, 12);
        let mut m = member(
            "a",
            facts(|f| {
                f.cert_expires_on = Some(civil(2026, 8, 20));
                f.card_expires_on = Some(civil(2030, 6, 15));
                f.moved_on = Some(civil(2026, 1, 2));
                f.overseas_departure_on = Some(civil(2026, 5, 5));
                f.insurer_registered_on = Some(civil(2026, 1, 9));
            }),
        );
        m.eligibility_certificate_expires_on = Some(civil(2026, 9, 30));
        let mut filed = m.clone();
        filed.id = "b".into();
        filed.facts.move_in_filed_on = Some(civil(2026, 1, 5));
        let world = World::new(vec![m, filed]);
        use DeadlineKind as K;
        let a = |kind| {
            world
                .plan(now, usize::MAX)
                .reminders
                .into_iter()
                .filter(|r| r.kind == kind && r.member_id == "a")
                .map(|r| {
                    (
                        r.fire_at.with_timezone(&japan_offset()).date_naive(),
                        r.lead,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(a(K::CertRenewalOpens), [(civil(2026, 5, 21), days(0))]);
        assert_eq!(
            a(K::CertExpires),
            [
                (civil(2026, 7, 21), days(30)),
                (civil(2026, 8, 13), days(7))
            ]
        );
        assert_eq!(
            a(K::GraceEnds),
            [
                (civil(2026, 10, 31), days(30)),
                (civil(2026, 11, 23), days(7)),
                (civil(2026, 11, 29), days(1))
            ]
        );
        assert_eq!(
            a(K::CardExpires),
            [
                (civil(2030, 3, 17), days(90)),
                (civil(2030, 5, 16), days(30))
            ]
        );
        assert_eq!(a(K::CardRenewalOpens), []);
        assert_eq!(
            a(K::MoveInDue),
            [
                (civil(2026, 1, 9), days(7)),
                (civil(2026, 1, 13), days(3)),
                (civil(2026, 1, 15), days(1))
            ]
        );
        // Departure Tue 5 May: apply by Mon 4 May (a holiday); the last weekday is Fri 1 May.
        assert_eq!(
            a(K::OverseasApplyBy),
            [
                (civil(2026, 4, 20), days(14)),
                (civil(2026, 5, 1), days(3)),
                (civil(2026, 5, 3), days(1)),
            ]
        );
        // Registered Fri 9 Jan; Mon 12 Jan is 成人の日: Tue 13th, then Wed 14th (翌々営業日).
        assert_eq!(a(K::InsuranceUsableFrom), [(civil(2026, 1, 14), days(0))]);
        assert_eq!(
            a(K::EligibilityCertificateExpires),
            [
                (civil(2026, 8, 1), days(60)),
                (civil(2026, 9, 16), days(14))
            ]
        );
        // Member b filed the 転入届: 継続利用 90 days on, no move-in reminders.
        let b: Vec<_> = world
            .plan(now, usize::MAX)
            .reminders
            .into_iter()
            .filter(|r| r.member_id == "b")
            .map(|r| (r.kind, r.deadline))
            .collect();
        assert!(!b.iter().any(|(k, _)| *k == K::MoveInDue));
        assert!(b.contains(&(K::ContinuedUseDue, civil(2026, 4, 5))));
        let first = world.plan(now, 1).reminders.remove(0);
        assert_eq!(first.fire_at, at(2026, 1, 9, 9));
        assert_eq!(first.title, "aさん：転入届の期限（あと7日）");
        assert!(first.body.contains("令和8年1月16日(金)"), "{}", first.body);
        assert_eq!(first.screen, Screen::Guidance);
    }

    #[test]
    fn a_last_weekday_distinct_from_every_lead_gets_its_own_reminder() {
        // Departure Mon 2026-09-28: apply by Sun 27th; the last weekday is Fri 25th
        // (3 days before falls on Thu 24th, 1 day before on Sat 26th).
        let world = World::new(vec![member(
            "a",
            facts(|f| f.overseas_departure_on = Some(civil(2026, 9, 28))),
        )]);
        let got = world.of_kind(at(2026, 9, 1, 12), DeadlineKind::OverseasApplyBy);
        assert_eq!(
            got,
            [
                (civil(2026, 9, 13), days(14)),
                (civil(2026, 9, 24), days(3)),
                (civil(2026, 9, 25), Lead::LastBusinessDay),
                (civil(2026, 9, 26), days(1)),
            ]
        );
    }

    #[test]
    fn lead_times_on_past_dates_and_passed_deadlines_give_no_reminder() {
        let world = World::new(vec![member(
            "a",
            facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
        )]);
        // Due 2026-01-16: on the 13th at noon the 7- and 3-day reminders are past.
        assert_eq!(
            world.of_kind(at(2026, 1, 13, 12), DeadlineKind::MoveInDue),
            [(civil(2026, 1, 15), days(1))]
        );
        // At 08:00 on the 13th the 3-day one has not fired yet.
        assert_eq!(
            world
                .of_kind(at(2026, 1, 13, 8), DeadlineKind::MoveInDue)
                .len(),
            2
        );
        // After the deadline: nothing (the dashboard lists it as overdue).
        assert_eq!(
            world.of_kind(at(2026, 1, 17, 12), DeadlineKind::MoveInDue),
            []
        );
    }

    #[test]
    fn the_limit_keeps_the_earliest_and_cuts_chains_after_their_earliest_reminders() {
        let members: Vec<Member> = (0..40)
            .map(|i| {
                member(
                    &format!("m{i:02}"),
                    facts(|f| {
                        f.card_issued_on = Some(civil(2022, 1 + (i % 12), 1 + (i % 27)));
                        f.moved_on = Some(civil(2026, 1, 1 + (i % 20)));
                    }),
                )
            })
            .collect();
        let world = World::new(members);
        let now = at(2026, 1, 1, 12);
        let all = world.plan(now, usize::MAX);
        let limited = world.plan(now, 64);
        assert!(all.reminders.len() > 64);
        assert_eq!(limited.reminders.len(), 64);
        assert_eq!(limited.omitted as usize, all.reminders.len() - 64);
        assert_eq!(limited.reminders, all.reminders[..64]);
        assert_eq!(
            limited.replan_at,
            limited.reminders.last().map(|r| r.fire_at)
        );
        assert!(
            limited
                .reminders
                .windows(2)
                .all(|w| w[0].fire_at <= w[1].fire_at)
        );
        // Each deadline keeps a prefix of its chain: nothing kept fires after one cut.
        let cut = limited.reminders.last().unwrap().fire_at;
        for r in &all.reminders[64..] {
            assert!(r.fire_at >= cut);
        }
        assert_eq!(world.plan(now, usize::MAX).replan_at, None);
    }

    #[test]
    fn ids_are_stable_across_runs_and_unrelated_edits() {
        let a = member("a", facts(|f| f.card_issued_on = Some(civil(2024, 3, 1))));
        let b = member("b", facts(|f| f.moved_on = Some(civil(2026, 1, 2))));
        let mut world = World::new(vec![a.clone(), b]);
        let now = at(2026, 1, 5, 12);
        let ids_of = |plan: &ReminderPlan, id: &str| -> BTreeSet<String> {
            plan.reminders
                .iter()
                .filter(|r| r.member_id == id)
                .map(|r| r.id.clone())
                .collect()
        };
        let first = world.plan(now, usize::MAX);
        assert_eq!(first, world.plan(now, usize::MAX));
        // A day later: the same reminders keep their ids (fewer may remain).
        let later = world.plan(at(2026, 1, 10, 12), usize::MAX);
        assert!(ids_of(&later, "a").is_subset(&ids_of(&first, "a")));
        assert!(ids_of(&later, "b").is_subset(&ids_of(&first, "b")));
        // Editing b, or an unrelated fact of a, leaves a's certificate reminders alone.
        world.members[1].facts.move_in_filed_on = Some(civil(2026, 1, 6));
        world.members[0].facts.insurer_registered_on = Some(civil(2026, 1, 7));
        let edited = world.plan(now, usize::MAX);
        let cert_ids = |plan: &ReminderPlan| -> BTreeSet<String> {
            plan.reminders
                .iter()
                .filter(|r| r.member_id == "a" && r.kind != DeadlineKind::InsuranceUsableFrom)
                .map(|r| r.id.clone())
                .collect()
        };
        assert_eq!(cert_ids(&edited), cert_ids(&first));
        assert_ne!(ids_of(&edited, "b"), ids_of(&first, "b"));
        // A new certificate date is a new deadline: new ids for the certificate's chain.
        world.members[0] = a;
        world.members[0].facts.cert_issued_on = Some(civil(2025, 1, 1));
        let certificate_ids = |plan: &ReminderPlan| -> BTreeSet<String> {
            plan.reminders
                .iter()
                .filter(|r| {
                    matches!(
                        r.kind,
                        DeadlineKind::CertExpires
                            | DeadlineKind::CertRenewalOpens
                            | DeadlineKind::GraceEnds
                    )
                })
                .map(|r| r.id.clone())
                .collect()
        };
        let renewed = certificate_ids(&world.plan(now, usize::MAX));
        assert!(!renewed.is_empty());
        assert!(renewed.is_disjoint(&certificate_ids(&first)));
    }

    #[test]
    fn acknowledged_reminders_never_return_and_snoozed_ones_move() {
        let mut world = World::new(vec![member(
            "a",
            facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
        )]);
        let now = at(2026, 1, 5, 12);
        let first = world.plan(now, usize::MAX).reminders;
        world.state.acknowledged.insert(first[0].id.clone());
        let after_ack = world.plan(now, usize::MAX).reminders;
        assert_eq!(after_ack.len(), first.len() - 1);
        assert!(!after_ack.iter().any(|r| r.id == first[0].id));
        assert!(
            !world
                .plan(at(2026, 1, 8, 12), usize::MAX)
                .reminders
                .iter()
                .any(|r| r.id == first[0].id)
        );

        let until = at(2026, 1, 14, 23); // inside quiet hours: moved to 08:00 next day
        world.state.snoozed_until.insert(first[1].id.clone(), until);
        let snoozed = world
            .plan(now, usize::MAX)
            .reminders
            .into_iter()
            .find(|r| r.id == first[1].id)
            .unwrap();
        assert!(snoozed.snoozed);
        assert_eq!(snoozed.fire_at, at(2026, 1, 15, 8));
    }

    #[test]
    fn quiet_hours_move_the_fire_time() {
        let mut world = World::new(vec![member(
            "a",
            facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
        )]);
        world.settings.time_of_day = LocalTime {
            hour: 7,
            minute: 30,
        };
        world.settings.quiet_hours = Some(QuietHours {
            start: LocalTime {
                hour: 22,
                minute: 0,
            },
            end: LocalTime {
                hour: 8,
                minute: 15,
            },
        });
        let r = world.plan(at(2026, 1, 5, 12), 1).reminders.remove(0);
        assert_eq!(
            r.fire_at
                .with_timezone(&japan_offset())
                .format("%H:%M")
                .to_string(),
            "08:15"
        );
        assert!(
            world.settings.validate().is_err(),
            "07:30 is inside the quiet hours"
        );
        world.settings.time_of_day = LocalTime {
            hour: 12,
            minute: 0,
        };
        assert!(world.settings.validate().is_ok());
        world.settings.time_of_day = LocalTime {
            hour: 24,
            minute: 0,
        };
        assert!(world.settings.validate().is_err());
    }

    #[test]
    fn disabled_kinds_and_custom_leads() {
        let mut world = World::new(vec![member(
            "a",
            facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
        )]);
        let now = at(2026, 1, 5, 12);
        world
            .settings
            .lead_times
            .retain(|l| l.kind != DeadlineKind::MoveInDue);
        world.settings.lead_times.push(LeadTimes {
            kind: DeadlineKind::MoveInDue,
            days: vec![2],
            enabled: true,
        });
        assert_eq!(
            world.of_kind(now, DeadlineKind::MoveInDue),
            [(civil(2026, 1, 14), days(2))]
        );
        world.settings.lead_times.last_mut().unwrap().enabled = false;
        assert_eq!(world.of_kind(now, DeadlineKind::MoveInDue), []);
    }

    #[test]
    fn a_stale_document_is_reminded_once_a_month() {
        let mut world = World::new(vec![member("a", Facts::born_on(civil(1990, 6, 15)))]);
        world.documents.insert(
            "a".into(),
            DocumentTiming {
                imported_at: at(2025, 1, 10, 10),
                facts_changed_at: None,
            },
        );
        // Fresh until 2026-01-10 10:00; the first slot after is 2026-01-11 09:00.
        assert_eq!(
            world.of_kind(at(2025, 6, 1, 12), DeadlineKind::RefreshDocument),
            [(civil(2026, 1, 11), days(0))]
        );
        // Later: the next monthly occurrence, one at a time.
        assert_eq!(
            world.of_kind(at(2026, 1, 11, 12), DeadlineKind::RefreshDocument),
            [(civil(2026, 2, 11), days(0))]
        );
        // Facts changed after the import: stale from then.
        world.documents.get_mut("a").unwrap().facts_changed_at = Some(at(2025, 3, 3, 20));
        assert_eq!(
            world.of_kind(at(2025, 3, 3, 21), DeadlineKind::RefreshDocument),
            [(civil(2025, 3, 4), days(0))]
        );
        let r = world.plan(at(2025, 3, 3, 21), 1).reminders.remove(0);
        assert_eq!((r.screen, r.severity), (Screen::Documents, Severity::Info));
    }

    #[test]
    fn the_grace_end_is_planned_before_the_certificate_expires() {
        let world = World::new(vec![member(
            "a",
            facts(|f| f.cert_expires_on = Some(civil(2026, 3, 10))),
        )]);
        let got = world.of_kind(at(2026, 1, 5, 12), DeadlineKind::GraceEnds);
        // Expiry in March: the grace ends on 30 June; 30 days before is 31 May.
        assert_eq!(got.first(), Some(&(civil(2026, 5, 31), days(30))));
    }

    #[test]
    fn ics_has_one_event_per_deadline_with_alarms_and_no_names_unless_asked() {
        let mut m = member("a", facts(|f| f.moved_on = Some(civil(2026, 1, 2))));
        m.display_name = "秘密 花子".into();
        let members = vec![
            m,
            member("b", facts(|f| f.cert_expires_on = Some(civil(2027, 1, 20)))),
        ];
        let settings = ReminderSettings::default();
        let now = at(2026, 1, 5, 12);
        let export = |options: &ics::IcsOptions| {
            ics::export_ics(
                &members,
                &settings,
                now,
                Locale::Ja,
                HolidayCalendar::embedded(),
                options,
            )
            .unwrap()
        };
        let all = export(&ics::IcsOptions::default());
        assert!(!all.contains("秘密"), "{all}");
        assert!(all.contains("DTSTART;VALUE=DATE:20260116"), "{all}");
        assert!(all.contains("DTEND;VALUE=DATE:20260117"), "{all}");
        assert!(all.contains("X-SHIKAKU-KIND:move_in_due"));
        assert!(all.contains(&format!(
            "UID:{}",
            ics::event_uid("a", DeadlineKind::MoveInDue)
        )));
        // a: the move-in notice; b: renewal opens, expiry, end of grace.
        assert_eq!(all.matches("BEGIN:VEVENT").count(), 1 + 3, "{all}");
        // 7 days before at 09:00 = 6 days 15 hours before the day starts.
        assert!(all.contains("TRIGGER:-PT572400S"), "{all}");
        let named = export(&ics::IcsOptions {
            member_id: Some("a".into()),
            include_names: true,
        });
        assert!(named.contains("秘密 花子"));
        assert!(!named.contains("X-SHIKAKU-KIND:cert_expires"));
        let missing = ics::export_ics(
            &members,
            &settings,
            now,
            Locale::Ja,
            HolidayCalendar::embedded(),
            &ics::IcsOptions {
                member_id: Some("zz".into()),
                include_names: false,
            },
        );
        assert!(missing.is_err());
    }
}
