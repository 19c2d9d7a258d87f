//! The household store: SQLite (bundled, the same engine on every platform) in WAL mode
//! with foreign keys on, versioned migrations ([`schema`]), and every mutation in one
//! transaction, so a crash leaves the previous state whole (DESIGN.md principle 6).
//!
//! Members and documents are sealed with the master key ([`crate::vault::seal`]), held
//! in a [`SecretStore`]; temporary tables stay in memory. A member keeps the last two
//! versions of their 資格情報 PDF.

pub mod schema;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::content::bundle::{ContentBundle, TrustedKey, open_envelope};
use crate::content::fetch::{InstalledMark, NewContent};
use crate::error::{Entity, Error, Result};
use crate::household::{Member, MemberDraft};
use crate::reminders::{DocumentTiming, ReminderSettings, ReminderState};
use crate::rules::HolidayCalendar;
use crate::secrets::SecretStore;
use crate::vault::seal::{Key, random_bytes};
use crate::vault::{
    CheckedDocument, DocumentFields, FieldWarning, Staleness, check_document, hex, staleness,
};

/// How many versions of a member's document are kept.
pub const KEPT_DOCUMENT_VERSIONS: i64 = 2;

const SETTING_STORE_ID: &str = "store_id";
const SETTING_REMINDERS: &str = "reminder_settings";
const SETTING_REMINDER_STATE: &str = "reminder_state";
const SETTING_CONTENT_ENVELOPE: &str = "content_envelope";
const SETTING_CONTENT_MARK: &str = "content_mark";
const SETTING_KEY_CHECK: &str = "key_check";
const KEY_CHECK_PLAINTEXT: &[u8] = b"shikaku key check";

/// What the store keeps about a document, sealed beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct SealedInfo {
    pages: u32,
    byte_len: u64,
    sha256: String,
    fields: DocumentFields,
    warnings: Vec<FieldWarning>,
    fields_confirmed: bool,
}

/// A member's current document, as a screen or `doc info` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DocumentInfo {
    pub document_id: String,
    pub member_id: String,
    pub version: i64,
    pub pages: u32,
    pub byte_len: u64,
    pub sha256: String,
    pub imported_at: DateTime<Utc>,
    pub fields: DocumentFields,
    pub warnings: Vec<FieldWarning>,
    /// Whether the member confirmed or typed the fields.
    pub fields_confirmed: bool,
    pub staleness: Staleness,
    /// How many versions are kept (1 or 2); with 2 the member can go back.
    pub versions_kept: u32,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ImportReport {
    pub info: DocumentInfo,
    /// Whether an earlier document was replaced (it is kept as the previous version).
    pub replaced_previous: bool,
}

/// The store of one household on one device.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    key: Key,
}

fn unix_seconds(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

fn from_unix_seconds(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn random_id(bytes: usize) -> Result<String> {
    let random: [u8; 16] = random_bytes()?;
    Ok(hex(random.get(..bytes.min(16)).unwrap_or(&random)))
}

fn member_aad(member_id: &str) -> Vec<u8> {
    format!("shikaku:member:v1:{member_id}").into_bytes()
}

fn document_aad(part: &str, member_id: &str, document_id: &str) -> Vec<u8> {
    format!("shikaku:document-{part}:v1:{member_id}:{document_id}").into_bytes()
}

fn json_error(error: serde_json::Error) -> Error {
    Error::Integrity {
        what: format!("a sealed record did not decode (line {})", error.line()),
    }
}

impl Store {
    /// Opens (creating if needed) the store at `path`, with the master key from `secrets`.
    ///
    /// A new store gets a new random master key. An existing store whose key the secret
    /// store does not have, or has wrong, is [`Error::VaultLocked`]: nothing is changed.
    pub fn open(path: &Path, secrets: &dyn SecretStore) -> Result<Store> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::Storage {
                reason: format!("cannot create {}: {e}", parent.display()),
            })?;
        }
        let connection = Connection::open(path)?;
        Self::with_connection(connection, secrets)
    }

    /// A store in memory, for tests and benchmarks.
    pub fn open_in_memory(secrets: &dyn SecretStore) -> Result<Store> {
        Self::with_connection(Connection::open_in_memory()?, secrets)
    }

    fn with_connection(mut connection: Connection, secrets: &dyn SecretStore) -> Result<Store> {
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.pragma_update(None, "temp_store", "MEMORY")?;
        migrate(&mut connection)?;
        let key = unlock(&mut connection, secrets)?;
        Ok(Store { connection, key })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .connection
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// The SQLite integrity check's verdict ("ok" when whole).
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .connection
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?)
    }

    // ---- members ----

    /// Every member, in the order they were added.
    pub fn members(&self) -> Result<Vec<Member>> {
        let mut statement = self
            .connection
            .prepare("SELECT id, sealed FROM members ORDER BY position, id")?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Vec<u8>>(1)?))
        })?;
        let mut members = Vec::new();
        for row in rows {
            let (id, sealed) = row?;
            members.push(self.open_member(id, &sealed)?);
        }
        Ok(members)
    }

    /// One member.
    pub fn member(&self, id: &str) -> Result<Member> {
        let sealed: Option<Vec<u8>> = self
            .connection
            .query_row("SELECT sealed FROM members WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?;
        let sealed = sealed.ok_or_else(|| Error::not_found(Entity::Member))?;
        self.open_member(id.to_owned(), &sealed)
    }

    fn open_member(&self, id: String, sealed: &[u8]) -> Result<Member> {
        let plain = self
            .key
            .open(&member_aad(&id), sealed, &format!("member {id}"))?;
        let draft: MemberDraft = serde_json::from_slice(&plain).map_err(json_error)?;
        Ok(draft.into_member(id))
    }

    fn seal_member(&self, id: &str, draft: &MemberDraft) -> Result<Vec<u8>> {
        let plain = Zeroizing::new(serde_json::to_vec(draft).map_err(|e| Error::Storage {
            reason: e.to_string(),
        })?);
        self.key.seal(&member_aad(id), &plain)
    }

    /// Adds a member; returns them with their new id.
    pub fn add_member(&mut self, draft: MemberDraft, now: DateTime<Utc>) -> Result<Member> {
        draft.validate()?;
        let id = random_id(8)?;
        let sealed = self.seal_member(&id, &draft)?;
        let at = unix_seconds(now);
        let transaction = self.connection.transaction()?;
        let position: i64 = transaction.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM members",
            [],
            |row| row.get(0),
        )?;
        transaction.execute(
            "INSERT INTO members (id, position, sealed, created_at, updated_at, facts_changed_at)
             VALUES (?1, ?2, ?3, ?4, ?4, ?4)",
            params![id, position, sealed, at],
        )?;
        transaction.commit()?;
        Ok(draft.into_member(id))
    }

    /// Replaces a member's details; a change of facts makes their document stale.
    pub fn update_member(&mut self, member: &Member, now: DateTime<Utc>) -> Result<()> {
        let draft = member.to_draft();
        draft.validate()?;
        let previous = self.member(&member.id)?;
        let sealed = self.seal_member(&member.id, &draft)?;
        let at = unix_seconds(now);
        let facts_changed = previous.facts != member.facts;
        let transaction = self.connection.transaction()?;
        transaction.execute(
            "UPDATE members SET sealed = ?2, updated_at = ?3,
                 facts_changed_at = CASE WHEN ?4 THEN ?3 ELSE facts_changed_at END
             WHERE id = ?1",
            params![member.id, sealed, at, facts_changed],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Removes a member and their documents.
    pub fn remove_member(&mut self, id: &str) -> Result<()> {
        let transaction = self.connection.transaction()?;
        let removed = transaction.execute("DELETE FROM members WHERE id = ?1", [id])?;
        if removed == 0 {
            return Err(Error::not_found(Entity::Member));
        }
        transaction.commit()?;
        Ok(())
    }

    // ---- documents ----

    /// Imports `bytes` as the member's 資格情報 PDF. The PDF is checked and read before
    /// anything is written; the new version and the pruning of older ones are one
    /// transaction, so the previous document stays until the new one is committed.
    pub fn import_document(
        &mut self,
        member_id: &str,
        bytes: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ImportReport> {
        self.member(member_id)?;
        let checked = check_document(bytes)?;
        let document_id = random_id(16)?;
        let document_key = Key::generate()?;
        let sealed_pdf = document_key.seal(&document_aad("pdf", member_id, &document_id), bytes)?;
        let wrapped_key = self.key.seal(
            &document_aad("key", member_id, &document_id),
            &document_key.to_vec(),
        )?;
        let CheckedDocument {
            pages,
            byte_len,
            sha256,
            extraction,
        } = checked;
        let info = SealedInfo {
            pages,
            byte_len,
            sha256,
            fields: extraction.fields,
            warnings: extraction.warnings,
            fields_confirmed: false,
        };
        let sealed_info = self.seal_info(member_id, &document_id, &info)?;
        let transaction = self.connection.transaction()?;
        let latest: Option<i64> = transaction.query_row(
            "SELECT MAX(version) FROM documents WHERE member_id = ?1",
            [member_id],
            |row| row.get(0),
        )?;
        let version = latest.unwrap_or(0) + 1;
        transaction.execute(
            "INSERT INTO documents
                 (id, member_id, version, imported_at, wrapped_key, sealed_pdf, sealed_info)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                document_id,
                member_id,
                version,
                unix_seconds(now),
                wrapped_key,
                sealed_pdf,
                sealed_info
            ],
        )?;
        transaction.execute(
            "DELETE FROM documents WHERE member_id = ?1 AND version <= ?2",
            params![member_id, version - KEPT_DOCUMENT_VERSIONS],
        )?;
        transaction.commit()?;
        Ok(ImportReport {
            info: self.document_info(member_id, now)?,
            replaced_previous: latest.is_some(),
        })
    }

    fn seal_info(&self, member_id: &str, document_id: &str, info: &SealedInfo) -> Result<Vec<u8>> {
        let plain = Zeroizing::new(serde_json::to_vec(info).map_err(|e| Error::Storage {
            reason: e.to_string(),
        })?);
        self.key
            .seal(&document_aad("info", member_id, document_id), &plain)
    }

    fn current_document_row(&self, member_id: &str) -> Result<DocumentRow> {
        self.member(member_id)?;
        self.connection
            .query_row(
                "SELECT id, version, imported_at, wrapped_key, sealed_pdf, sealed_info,
                        (SELECT COUNT(*) FROM documents d2 WHERE d2.member_id = d.member_id)
                 FROM documents d WHERE member_id = ?1 ORDER BY version DESC LIMIT 1",
                [member_id],
                |row| {
                    Ok(DocumentRow {
                        id: row.get(0)?,
                        version: row.get(1)?,
                        imported_at: row.get(2)?,
                        wrapped_key: row.get(3)?,
                        sealed_pdf: row.get(4)?,
                        sealed_info: row.get(5)?,
                        versions_kept: row.get(6)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::not_found(Entity::Document))
    }

    /// The member's current PDF, decrypted in memory (wiped when dropped).
    pub fn document(&self, member_id: &str) -> Result<Zeroizing<Vec<u8>>> {
        let row = self.current_document_row(member_id)?;
        let what = format!("document of member {member_id}");
        let key_bytes = self.key.open(
            &document_aad("key", member_id, &row.id),
            &row.wrapped_key,
            &what,
        )?;
        let document_key = Key::from_slice(&key_bytes)?;
        document_key.open(
            &document_aad("pdf", member_id, &row.id),
            &row.sealed_pdf,
            &what,
        )
    }

    fn facts_changed_at(&self, member_id: &str) -> Result<Option<DateTime<Utc>>> {
        let seconds: Option<i64> = self.connection.query_row(
            "SELECT facts_changed_at FROM members WHERE id = ?1",
            [member_id],
            |row| row.get(0),
        )?;
        Ok(seconds.map(from_unix_seconds))
    }

    /// What is known about the member's current document, judged at `now`.
    pub fn document_info(&self, member_id: &str, now: DateTime<Utc>) -> Result<DocumentInfo> {
        let row = self.current_document_row(member_id)?;
        let info = self.open_info(member_id, &row)?;
        let imported_at = from_unix_seconds(row.imported_at);
        Ok(DocumentInfo {
            document_id: row.id,
            member_id: member_id.to_owned(),
            version: row.version,
            pages: info.pages,
            byte_len: info.byte_len,
            sha256: info.sha256,
            imported_at,
            fields: info.fields,
            warnings: info.warnings,
            fields_confirmed: info.fields_confirmed,
            staleness: staleness(imported_at, self.facts_changed_at(member_id)?, now),
            versions_kept: u32::try_from(row.versions_kept).unwrap_or(0),
        })
    }

    fn open_info(&self, member_id: &str, row: &DocumentRow) -> Result<SealedInfo> {
        let plain = self.key.open(
            &document_aad("info", member_id, &row.id),
            &row.sealed_info,
            &format!("document details of member {member_id}"),
        )?;
        serde_json::from_slice(&plain).map_err(json_error)
    }

    /// Replaces the fields of the current document with ones the member confirmed or
    /// typed (checked first: R9–R11).
    pub fn set_document_fields(
        &mut self,
        member_id: &str,
        fields: DocumentFields,
        now: DateTime<Utc>,
    ) -> Result<DocumentInfo> {
        fields.validate()?;
        let row = self.current_document_row(member_id)?;
        let mut info = self.open_info(member_id, &row)?;
        info.fields = fields;
        info.warnings.clear();
        info.fields_confirmed = true;
        let sealed_info = self.seal_info(member_id, &row.id, &info)?;
        let transaction = self.connection.transaction()?;
        transaction.execute(
            "UPDATE documents SET sealed_info = ?2 WHERE id = ?1",
            params![row.id, sealed_info],
        )?;
        transaction.commit()?;
        self.document_info(member_id, now)
    }

    /// Makes the previous version current again (and the current one previous).
    pub fn revert_document(&mut self, member_id: &str, now: DateTime<Utc>) -> Result<DocumentInfo> {
        self.member(member_id)?;
        let transaction = self.connection.transaction()?;
        let versions = document_versions(&transaction, member_id)?;
        let [previous, current] = versions.as_slice() else {
            return Err(Error::not_found(Entity::PreviousDocument));
        };
        // Swap the two version numbers through a free one (UNIQUE (member_id, version)).
        let swap = [(current, 0), (previous, current.1), (current, previous.1)];
        for ((id, _), version) in swap {
            transaction.execute(
                "UPDATE documents SET version = ?2 WHERE id = ?1",
                params![id, version],
            )?;
        }
        transaction.commit()?;
        self.document_info(member_id, now)
    }

    // ---- reminders ----

    /// When each member's current document was imported, and when their facts changed.
    pub fn document_timings(&self) -> Result<HashMap<String, DocumentTiming>> {
        let mut statement = self.connection.prepare(
            "SELECT m.id, MAX(d.imported_at), m.facts_changed_at
             FROM members m JOIN documents d ON d.member_id = m.id
             WHERE d.version = (SELECT MAX(version) FROM documents WHERE member_id = m.id)
             GROUP BY m.id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, Option<i64>>(2)?,
            ))
        })?;
        let mut timings = HashMap::new();
        for row in rows {
            let (id, imported, changed) = row?;
            timings.insert(
                id,
                DocumentTiming {
                    imported_at: from_unix_seconds(imported),
                    facts_changed_at: changed.map(from_unix_seconds),
                },
            );
        }
        Ok(timings)
    }

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
        let bytes = serde_json::to_vec(settings).map_err(|e| Error::Storage {
            reason: e.to_string(),
        })?;
        self.set_setting(SETTING_REMINDERS, &bytes)
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
    pub fn snooze_reminder(&mut self, id: &str, until: DateTime<Utc>) -> Result<()> {
        self.update_reminder_state(|state| {
            state.snoozed_until.insert(id.to_owned(), until);
        })
    }

    fn update_reminder_state(&mut self, change: impl FnOnce(&mut ReminderState)) -> Result<()> {
        let transaction = self.connection.transaction()?;
        let mut state = read_reminder_state(&transaction, &self.key)?;
        change(&mut state);
        let plain = Zeroizing::new(serde_json::to_vec(&state).map_err(|e| Error::Storage {
            reason: e.to_string(),
        })?);
        let sealed = self.key.seal(REMINDER_STATE_AAD, &plain)?;
        write_setting(&transaction, SETTING_REMINDER_STATE, &sealed)?;
        transaction.commit()?;
        Ok(())
    }

    // ---- content ----

    /// What the installed content is, for a conditional request (version 0: none yet).
    pub fn content_mark(&self) -> Result<InstalledMark> {
        let embedded_version = ContentBundle::embedded().version;
        match self.setting(SETTING_CONTENT_MARK)? {
            Some(bytes) => serde_json::from_slice(&bytes).map_err(json_error),
            None => Ok(InstalledMark {
                version: embedded_version,
                ..InstalledMark::default()
            }),
        }
    }

    /// Installs a bundle that passed every check, in one transaction.
    pub fn install_content(&mut self, new: &NewContent) -> Result<()> {
        let mark = InstalledMark {
            version: new.bundle.version,
            etag: new.etag.clone(),
            last_modified: new.last_modified.clone(),
        };
        let mark = serde_json::to_vec(&mark).map_err(|e| Error::Storage {
            reason: e.to_string(),
        })?;
        let transaction = self.connection.transaction()?;
        for (name, value) in [
            (SETTING_CONTENT_ENVELOPE, new.envelope.as_slice()),
            (SETTING_CONTENT_MARK, mark.as_slice()),
        ] {
            write_setting(&transaction, name, value)?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// The content in force: the installed bundle, checked again against `trusted`, or
    /// the one built into the app.
    pub fn content(&self, trusted: &[TrustedKey]) -> Result<InstalledContent> {
        let Some(envelope) = self.setting(SETTING_CONTENT_ENVELOPE)? else {
            return Ok(InstalledContent::embedded(None));
        };
        Ok(match open_envelope(&envelope, trusted) {
            Ok(bundle) => InstalledContent::from_bundle(bundle, ContentSource::Installed),
            Err(rejection) => InstalledContent::embedded(Some(format!(
                "the installed content no longer verifies ({rejection}); using the built-in content"
            ))),
        })
    }

    // ---- settings (never personal) ----

    /// A setting's value.
    pub fn setting(&self, name: &str) -> Result<Option<Vec<u8>>> {
        read_setting(&self.connection, name)
    }

    /// Sets a setting.
    pub fn set_setting(&mut self, name: &str, value: &[u8]) -> Result<()> {
        let transaction = self.connection.transaction()?;
        write_setting(&transaction, name, value)?;
        transaction.commit()?;
        Ok(())
    }
}

/// Where the content in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum ContentSource {
    Embedded,
    Installed,
}

/// The content in force, with its holiday list ready.
#[derive(Debug, Clone)]
pub struct InstalledContent {
    pub bundle: ContentBundle,
    pub source: ContentSource,
    /// Why installed content was set aside, if it was.
    pub note: Option<String>,
    calendar: Option<HolidayCalendar>,
}

impl InstalledContent {
    fn embedded(note: Option<String>) -> Self {
        InstalledContent {
            note,
            ..Self::from_bundle(ContentBundle::embedded(), ContentSource::Embedded)
        }
    }

    fn from_bundle(bundle: ContentBundle, source: ContentSource) -> Self {
        // The bundle passed its checks, holidays included.
        let calendar = bundle.holiday_calendar().ok().flatten();
        InstalledContent {
            bundle,
            source,
            note: None,
            calendar,
        }
    }

    /// The holiday list in force (the bundle's, or the built-in one).
    pub fn calendar(&self) -> &HolidayCalendar {
        self.calendar
            .as_ref()
            .unwrap_or(HolidayCalendar::embedded())
    }
}

const REMINDER_STATE_AAD: &[u8] = b"shikaku:reminder-state:v1";

/// A setting's value (settings hold nothing personal in clear).
fn read_setting(connection: &Connection, name: &str) -> Result<Option<Vec<u8>>> {
    Ok(connection
        .query_row(
            "SELECT value FROM settings WHERE name = ?1",
            [name],
            |row| row.get(0),
        )
        .optional()?)
}

/// Sets a setting inside the caller's transaction.
fn write_setting(transaction: &Transaction<'_>, name: &str, value: &[u8]) -> Result<()> {
    transaction.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        params![name, value],
    )?;
    Ok(())
}

fn read_reminder_state(connection: &Connection, key: &Key) -> Result<ReminderState> {
    match read_setting(connection, SETTING_REMINDER_STATE)? {
        None => Ok(ReminderState::default()),
        Some(sealed) => {
            let plain = key.open(REMINDER_STATE_AAD, &sealed, "reminder state")?;
            serde_json::from_slice(&plain).map_err(json_error)
        }
    }
}

struct DocumentRow {
    id: String,
    version: i64,
    imported_at: i64,
    wrapped_key: Vec<u8>,
    sealed_pdf: Vec<u8>,
    sealed_info: Vec<u8>,
    versions_kept: i64,
}

/// The member's document (id, version) pairs, oldest first.
fn document_versions(transaction: &Transaction<'_>, member_id: &str) -> Result<Vec<(String, i64)>> {
    let mut statement = transaction
        .prepare("SELECT id, version FROM documents WHERE member_id = ?1 ORDER BY version")?;
    let rows = statement.query_map([member_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Applies the migrations a database lacks, in one transaction.
fn migrate(connection: &mut Connection) -> Result<()> {
    migrate_to(connection, schema::latest_version())
}

/// Applies migrations up to `target` (tests build every earlier version with it).
pub fn migrate_to(connection: &mut Connection, target: u32) -> Result<()> {
    let transaction = connection.transaction()?;
    let current: u32 = transaction.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > schema::latest_version() {
        return Err(Error::Storage {
            reason: format!(
                "the data was written by a newer shikaku (schema {current}); update the app"
            ),
        });
    }
    for (index, migration) in schema::MIGRATIONS.iter().enumerate() {
        let version = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if version > current && version <= target {
            transaction.execute_batch(migration)?;
            transaction.pragma_update(None, "user_version", version)?;
        }
    }
    transaction.commit()?;
    Ok(())
}

/// The name of the master key in the secret store.
fn key_name(store_id: &str) -> String {
    format!("shikaku-master-{store_id}")
}

/// Reads (or, for a new store, creates) the master key and proves it is the right one.
fn unlock(connection: &mut Connection, secrets: &dyn SecretStore) -> Result<Key> {
    let key_check = read_setting(connection, SETTING_KEY_CHECK)?;
    let store_id = match read_setting(connection, SETTING_STORE_ID)? {
        Some(bytes) => String::from_utf8(bytes).map_err(|_| Error::Integrity {
            what: "the store id".to_owned(),
        })?,
        None => {
            // Saved before any key exists, so a key saved before a crash is found again.
            let store_id = random_id(8)?;
            let transaction = connection.transaction()?;
            write_setting(&transaction, SETTING_STORE_ID, store_id.as_bytes())?;
            transaction.commit()?;
            store_id
        }
    };
    let aad = format!("shikaku:key-check:v1:{store_id}").into_bytes();
    let stored_key = secrets.get_secret(key_name(&store_id))?;
    match key_check {
        Some(check) => {
            let key = Key::from_slice(&stored_key.ok_or(Error::VaultLocked)?)
                .map_err(|_| Error::VaultLocked)?;
            match key.open(&aad, &check, "key check") {
                Ok(plain) if plain.as_slice() == KEY_CHECK_PLAINTEXT => Ok(key),
                _ => Err(Error::VaultLocked),
            }
        }
        None => {
            // A new store: keep a key the secret store already has for it (a crash
            // between saving the key and the check), or make one.
            let key = match stored_key {
                Some(bytes) => Key::from_slice(&bytes)?,
                None => {
                    let key = Key::generate()?;
                    secrets.set_secret(key_name(&store_id), key.to_vec())?;
                    key
                }
            };
            let check = key.seal(&aad, KEY_CHECK_PLAINTEXT)?;
            let transaction = connection.transaction()?;
            write_setting(&transaction, SETTING_KEY_CHECK, &check)?;
            transaction.commit()?;
            Ok(key)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::Relationship;
    use crate::rules::Facts;
    use crate::rules::dates::civil;
    use crate::secrets::MemorySecretStore;

    /// Writes one member the way schema `version` stores them, with raw SQL.
    fn seed_member(connection: &Connection, version: u32, key: &Key) -> String {
        let id = "0123456789abcdef".to_owned();
        let draft = MemberDraft {
            display_name: "旧版 花子".to_owned(),
            name_as_printed: None,
            relationship: Relationship::Child,
            facts: Facts::born_on(civil(2015, 3, 3)),
            eligibility_certificate_expires_on: None,
            holdings: Default::default(),
            insurance_fields: None,
        };
        let sealed = key
            .seal(&member_aad(&id), &serde_json::to_vec(&draft).unwrap())
            .unwrap();
        let sql = match version {
            1 => "INSERT INTO members (id, position, sealed, created_at, updated_at)
                  VALUES (?1, 1, ?2, 1700000000, 1700000000)",
            _ => "INSERT INTO members (id, position, sealed, created_at, updated_at, facts_changed_at)
                  VALUES (?1, 1, ?2, 1700000000, 1700000000, 1700000000)",
        };
        connection.execute(sql, params![id, sealed]).unwrap();
        id
    }

    #[test]
    fn every_earlier_schema_version_upgrades_with_its_data() {
        for version in 1..=schema::latest_version() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.sqlite3");
            let secrets = MemorySecretStore::default();
            let id = {
                let mut connection = Connection::open(&path).unwrap();
                migrate_to(&mut connection, version).unwrap();
                let key = unlock(&mut connection, &secrets).unwrap();
                let version_now: u32 = connection
                    .pragma_query_value(None, "user_version", |row| row.get(0))
                    .unwrap();
                assert_eq!(version_now, version);
                seed_member(&connection, version, &key)
            };
            let store = Store::open(&path, &secrets).unwrap();
            assert_eq!(store.schema_version().unwrap(), schema::latest_version());
            let member = store.member(&id).unwrap();
            assert_eq!(member.display_name, "旧版 花子", "from version {version}");
            assert_eq!(
                store.facts_changed_at(&id).unwrap(),
                Some(from_unix_seconds(1_700_000_000)),
                "from version {version}"
            );
            assert_eq!(store.integrity_check().unwrap(), "ok");
        }
    }

    #[test]
    fn a_database_from_a_newer_app_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite3");
        let connection = Connection::open(&path).unwrap();
        connection
            .pragma_update(None, "user_version", schema::latest_version() + 1)
            .unwrap();
        drop(connection);
        let result = Store::open(&path, &MemorySecretStore::default());
        assert!(matches!(result, Err(Error::Storage { reason }) if reason.contains("newer")));
    }
}
