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

pub mod acknowledgement;
pub mod ics;
pub mod ids;
pub mod plan;
pub mod settings;
#[cfg(test)]
mod tests;

pub use acknowledgement::{ReminderState, is_known_reminder};
pub use ids::reminder_id;
pub use plan::{
    DatedStep, DocumentTiming, Lead, PlanInput, Reminder, ReminderPlan, Screen, Severity,
    body_text, dated_steps, open_day_notes, plan,
};
pub use settings::{
    LeadTimes, LocalTime, MAX_LEAD_DAYS, QuietHours, ReminderSettings, default_lead_days,
};
