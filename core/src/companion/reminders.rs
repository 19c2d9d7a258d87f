//! Reminders on the Companion: the plan a shell schedules, acknowledging and snoozing,
//! the settings, and the calendar export — all read from the store in one go.

use chrono::{DateTime, Utc};

use super::ShikakuCompanion;
use crate::error::{Entity, Error, Field, Reason, Result, ShikakuError};
use crate::household::Member;
use crate::reminders::DocumentTiming;
use crate::reminders::ics::{IcsOptions, export_ics};
use crate::reminders::{
    PlanInput, ReminderPlan, ReminderSettings, ReminderState, is_known_reminder, plan,
};

impl ShikakuCompanion {
    /// What a reminder plan is made from, read from the store in one go.
    pub(super) fn reminder_world(&self) -> Result<ReminderWorld> {
        let defaults = self.with_content(|c| c.installed.bundle.reminder_defaults());
        let store = self.store();
        Ok(ReminderWorld {
            members: store.members()?.members,
            documents: store.document_timings()?,
            state: store.reminder_state()?,
            settings: store.reminder_settings(&defaults)?,
        })
    }

    /// `f` with the plan's input at `now`.
    pub(super) fn with_plan_input<T>(
        &self,
        world: &ReminderWorld,
        f: impl FnOnce(&PlanInput<'_>) -> T,
    ) -> T {
        let now = self.now();
        self.with_words(|words, c| {
            f(&PlanInput {
                members: &world.members,
                documents: &world.documents,
                settings: &world.settings,
                state: &world.state,
                now,
                words,
                calendar: c.calendar(),
            })
        })
    }

    /// A reminder id the household does not know is refused; any other is accepted,
    /// whatever its time (a delivered reminder is no longer planned).
    pub(super) fn require_known_reminder(&self, reminder_id: &str) -> Result<()> {
        let world = self.reminder_world()?;
        if self.with_plan_input(&world, |input| is_known_reminder(reminder_id, input)) {
            Ok(())
        } else {
            Err(Error::not_found(Entity::Reminder))
        }
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl ShikakuCompanion {
    /// The reminders to schedule now: the earliest `limit` (iOS keeps 64). A shell asks
    /// again after every change and reconciles its notifications by `id`.
    pub fn reminder_plan(&self, limit: u32) -> Result<ReminderPlan, ShikakuError> {
        let world = self.reminder_world()?;
        Ok(self.with_plan_input(&world, |input| plan(input, limit as usize)))
    }

    /// The member acknowledged a reminder: it never comes back for that deadline. Any
    /// id the core gave one of the household's deadlines is accepted, planned or already
    /// delivered; an unknown id is `NotFound`.
    pub fn acknowledge(&self, reminder_id: String) -> Result<(), ShikakuError> {
        self.require_known_reminder(&reminder_id)?;
        Ok(self.store().acknowledge_reminder(&reminder_id)?)
    }

    /// Fires a reminder at `until` instead (any id [`Self::acknowledge`] accepts).
    pub fn snooze(&self, reminder_id: String, until: DateTime<Utc>) -> Result<(), ShikakuError> {
        if until <= self.now() {
            return Err(ShikakuError::InvalidInput {
                field: Field::SnoozeUntil,
                reason: Reason::NotInFuture,
            });
        }
        self.require_known_reminder(&reminder_id)?;
        Ok(self.store().snooze_reminder(&reminder_id, until)?)
    }

    /// The reminder settings in force.
    pub fn reminder_settings(&self) -> Result<ReminderSettings, ShikakuError> {
        let defaults = self.with_content(|c| c.installed.bundle.reminder_defaults());
        Ok(self.store().reminder_settings(&defaults)?)
    }

    /// Replaces the reminder settings (checked first).
    pub fn set_reminder_settings(&self, settings: ReminderSettings) -> Result<(), ShikakuError> {
        Ok(self.store().set_reminder_settings(&settings)?)
    }

    /// The household's deadlines as the text of an .ics file.
    pub fn export_ics(&self, options: IcsOptions) -> Result<String, ShikakuError> {
        let members = self.store().members()?.members;
        let settings = self.reminder_settings()?;
        let now = self.now();
        Ok(self.with_words(|words, c| {
            export_ics(&members, &settings, now, words, c.calendar(), &options)
        })?)
    }
}

/// The household's reminder data as stored.
pub(super) struct ReminderWorld {
    members: Vec<Member>,
    documents: std::collections::HashMap<String, DocumentTiming>,
    state: ReminderState,
    settings: ReminderSettings,
}
