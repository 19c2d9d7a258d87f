//! Acknowledged and snoozed reminders (kept sealed in the store): an acknowledged
//! reminder never comes back; a snoozed one fires at the snooze time.
//!
//! A shell acknowledges or snoozes a reminder when the member taps it, after it was
//! delivered, when it is no longer in the plan (the plan holds only what is still to
//! fire). So any id the core can give a member's deadline is accepted, whatever its
//! time and lead, and only an id that is none of the household's is refused.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::reminder_id;
use super::plan::refresh_occurrences_until;
use super::{Lead, MAX_LEAD_DAYS, PlanInput};
use crate::household::{DeadlineKind, every_dated_step, insurance_change_days};
use crate::rules::evaluate_with_calendar;

/// Acknowledged and snoozed reminders; kept sealed in the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderState {
    pub acknowledged: BTreeSet<String>,
    pub snoozed_until: BTreeMap<String, DateTime<Utc>>,
}

/// Whether `id` is the id of a reminder the core can give one of `input`'s members: any
/// kind of deadline the rules date for them (past or to come, done or not), any lead
/// time up to [`MAX_LEAD_DAYS`] or the last business day, and every stale-document
/// reminder up to the next one.
pub fn is_known_reminder(id: &str, input: &PlanInput<'_>) -> bool {
    let today = input
        .now
        .with_timezone(&crate::clock::japan_offset())
        .date_naive();
    let leads = (0..=MAX_LEAD_DAYS)
        .map(|days| Lead::DaysBefore { days })
        .chain([Lead::LastBusinessDay]);
    input.members.iter().any(|member| {
        let evaluation = evaluate_with_calendar(&member.facts, today, input.calendar);
        let insured = member.insured_in(input.members);
        let mut steps = every_dated_step(member, insured, &evaluation, today);
        if let Some(timing) = input.documents.get(&member.id) {
            let insurance_changes = insurance_change_days(member, input.members);
            steps.extend(
                refresh_occurrences_until(*timing, &insurance_changes, input.settings, input.now)
                    .into_iter()
                    .map(|day| (DeadlineKind::RefreshDocument, day)),
            );
        }
        steps.iter().any(|&(kind, date)| {
            leads
                .clone()
                .any(|lead| reminder_id(&member.id, kind, date, lead) == id)
        })
    })
}
