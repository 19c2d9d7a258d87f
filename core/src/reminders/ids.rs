//! The stable ids of reminders and calendar events: hashes of the member, the stable
//! name of the deadline's kind, its date and the lead, never of a message or its
//! wording, so a shell reconciles its notifications by them and a calendar updates its
//! events in place.

use chrono::NaiveDate;
use ring::digest::{SHA256, digest};

use super::Lead;
use crate::household::DeadlineKind;
use crate::vault::hex;

/// The stable id of a reminder.
pub fn reminder_id(member_id: &str, kind: DeadlineKind, deadline: NaiveDate, lead: Lead) -> String {
    let lead_text = match lead {
        Lead::DaysBefore { days } => format!("d{days}"),
        Lead::LastBusinessDay => "last-business-day".to_owned(),
    };
    stable_hash(&format!(
        "reminder|{member_id}|{}|{deadline}|{lead_text}",
        kind.stable_name()
    ))
}

pub(crate) fn stable_hash(text: &str) -> String {
    let digest = digest(&SHA256, text.as_bytes());
    let bytes = digest.as_ref();
    hex(bytes.get(..12).unwrap_or(bytes))
}

/// The id as a 31-bit number, for platforms that want an integer.
pub fn notification_number(id: &str) -> i32 {
    let prefix = id.get(..8).unwrap_or("0");
    i32::try_from(u32::from_str_radix(prefix, 16).unwrap_or(0) & 0x7FFF_FFFF).unwrap_or(0)
}

/// The UID of a member's deadline of `kind`, the same across exports.
pub fn event_uid(member_id: &str, kind: DeadlineKind) -> String {
    format!(
        "{}@shikaku",
        stable_hash(&format!("event|{member_id}|{}", kind.stable_name()))
    )
}
