//! Acknowledged and snoozed reminders (kept sealed in the store): an acknowledged
//! reminder never comes back; a snoozed one fires at the snooze time.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Acknowledged and snoozed reminders; kept sealed in the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderState {
    pub acknowledged: BTreeSet<String>,
    pub snoozed_until: BTreeMap<String, DateTime<Utc>>,
}
