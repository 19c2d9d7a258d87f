//! Settings: reminder settings and state, the installed content, and plain named
//! values. Settings hold nothing personal in clear; the reminder state (its ids derive
//! from personal dates) is sealed.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Store, aad, begin_write, json_error, to_json};
use chrono::NaiveDate;

use crate::content::bundle::{ContentBundle, TrustedKey, open_envelope, version_is_plausible};
use crate::content::fetch::{InstalledMark, NewContent};
use crate::content::{ContentSource, InstalledContent};
use crate::error::Result;
use crate::reminders::{ReminderSettings, ReminderState};
use crate::vault::seal::Key;

const SETTING_REMINDERS: &str = "reminder_settings";
pub(super) const SETTING_REMINDER_STATE: &str = "reminder_state";
pub(super) const SETTING_CONTENT_ENVELOPE: &str = "content_envelope";
const SETTING_CONTENT_MARK: &str = "content_mark";

/// A setting's value.
pub(super) fn read_setting(connection: &Connection, name: &str) -> Result<Option<Vec<u8>>> {
    Ok(connection
        .prepare_cached("SELECT value FROM settings WHERE name = ?1")?
        .query_row([name], |row| row.get(0))
        .optional()?)
}

/// Sets a setting inside the caller's transaction.
pub(super) fn write_setting(transaction: &Transaction<'_>, name: &str, value: &[u8]) -> Result<()> {
    transaction.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        params![name, value],
    )?;
    Ok(())
}

/// The content in force on `today` from the installed `envelope` ([`Store::content`]).
pub(super) fn content_in_force(
    envelope: Option<Vec<u8>>,
    trusted: &[TrustedKey],
    today: NaiveDate,
) -> InstalledContent {
    let Some(envelope) = envelope else {
        return InstalledContent::embedded(None);
    };
    let set_aside = |why: String| {
        InstalledContent::embedded(Some(format!(
            "the installed content {why}; using the built-in content"
        )))
    };
    match open_envelope(&envelope, trusted) {
        Ok(bundle) if !version_is_plausible(bundle.version, today) => {
            set_aside(format!("has an implausible version ({})", bundle.version))
        }
        Ok(bundle) => {
            InstalledContent::from_bundle(bundle, ContentSource::Installed).in_force_on(today)
        }
        Err(rejection) => set_aside(format!("no longer verifies ({rejection})")),
    }
}

fn read_reminder_state(connection: &Connection, key: &Key) -> Result<ReminderState> {
    match read_setting(connection, SETTING_REMINDER_STATE)? {
        None => Ok(ReminderState::default()),
        Some(sealed) => {
            let plain = key.open_owned(aad::REMINDER_STATE, sealed, "reminder state")?;
            serde_json::from_slice(&plain).map_err(json_error)
        }
    }
}

impl Store {
    /// The reminder settings (`defaults`, from the content, until the user changes them).
    pub fn reminder_settings(&self, defaults: &ReminderSettings) -> Result<ReminderSettings> {
        match self.setting(SETTING_REMINDERS)? {
            None => Ok(defaults.clone()),
            Some(bytes) => serde_json::from_slice(&bytes).map_err(json_error),
        }
    }

    /// Replaces the reminder settings (checked first).
    pub fn set_reminder_settings(&mut self, settings: &ReminderSettings) -> Result<()> {
        settings.validate()?;
        self.set_setting(SETTING_REMINDERS, &to_json(settings)?)
    }

    /// Acknowledged and snoozed reminders (sealed: their ids derive from personal dates).
    pub fn reminder_state(&self) -> Result<ReminderState> {
        read_reminder_state(&self.connection, &self.key)
    }

    /// Records that reminder `id` was acknowledged: it never comes back.
    pub fn acknowledge_reminder(&mut self, id: &str) -> Result<()> {
        self.update_reminder_state(|state| {
            state.snoozed_until.remove(id);
            state.acknowledged.insert(id.to_owned());
        })
    }

    /// Snoozes reminder `id` until `until`.
    pub fn snooze_reminder(
        &mut self,
        id: &str,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        self.update_reminder_state(|state| {
            state.snoozed_until.insert(id.to_owned(), until);
        })
    }

    fn update_reminder_state(&mut self, change: impl FnOnce(&mut ReminderState)) -> Result<()> {
        let transaction = begin_write(&mut self.connection)?;
        let mut state = read_reminder_state(&transaction, &self.key)?;
        change(&mut state);
        let sealed = self.key.seal(aad::REMINDER_STATE, &to_json(&state)?)?;
        write_setting(&transaction, SETTING_REMINDER_STATE, &sealed)?;
        transaction.commit()?;
        Ok(())
    }

    /// What the installed content is, for a conditional request: the built-in
    /// content's version when none was installed, or when the installed version could
    /// not have been published by `today` (a bundle installed before versions were
    /// bounded must not freeze updates).
    pub fn content_mark(&self, today: NaiveDate) -> Result<InstalledMark> {
        let embedded = InstalledMark {
            version: ContentBundle::embedded().version,
            last_modified: None,
        };
        let Some(bytes) = self.setting(SETTING_CONTENT_MARK)? else {
            return Ok(embedded);
        };
        let mark: InstalledMark = serde_json::from_slice(&bytes).map_err(json_error)?;
        Ok(if version_is_plausible(mark.version, today) {
            mark
        } else {
            embedded
        })
    }

    /// Installs a bundle that passed every check, in one transaction.
    pub fn install_content(&mut self, new: &NewContent) -> Result<()> {
        let mark = to_json(&InstalledMark {
            version: new.bundle.version,
            last_modified: new.last_modified.clone(),
        })?;
        let transaction = begin_write(&mut self.connection)?;
        for (name, value) in [
            (SETTING_CONTENT_ENVELOPE, new.envelope.as_slice()),
            (SETTING_CONTENT_MARK, mark.as_slice()),
        ] {
            write_setting(&transaction, name, value)?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// The content in force on `today`: the installed bundle, checked again against
    /// `trusted` and the limits of this build, still within its `valid_until`; or the one
    /// built into the app.
    pub fn content(&self, trusted: &[TrustedKey], today: NaiveDate) -> Result<InstalledContent> {
        let envelope = self.setting(SETTING_CONTENT_ENVELOPE)?;
        Ok(content_in_force(envelope, trusted, today))
    }

    /// A setting's value.
    pub fn setting(&self, name: &str) -> Result<Option<Vec<u8>>> {
        read_setting(&self.connection, name)
    }

    /// Sets a setting.
    pub fn set_setting(&mut self, name: &str, value: &[u8]) -> Result<()> {
        let transaction = begin_write(&mut self.connection)?;
        write_setting(&transaction, name, value)?;
        transaction.commit()?;
        Ok(())
    }
}
