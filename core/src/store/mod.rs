//! The household store: SQLite (bundled, the same engine on every platform) with a
//! rollback journal and foreign keys on, versioned migrations ([`schema`]), and every
//! mutation in one IMMEDIATE transaction, so a crash leaves the previous state whole and
//! two writers wait for each other instead of failing (DESIGN.md principle 6).
//!
//! Members and documents are sealed ([`crate::vault::seal`]) with the master key held
//! in a [`SecretStore`] (`keys`); a sealed `manifest` lists every member and
//! document with the counter of its last write, so a record rolled back, deleted or
//! moved is told apart from a sound one. Deleted records are overwritten
//! (`secure_delete`), and a store still in WAL mode is checkpointed after a removal. A
//! member keeps the last two versions of their 資格情報 PDF.
//!
//! - `members`: the household's members; a damaged one is listed as such, the others
//!   still show.
//! - `documents`: the 資格情報 PDFs, their versions and fields; the sealed PDFs
//!   themselves are files beside the database (`pdf_files`).
//! - `settings`: reminder settings and state, installed content, plain settings.

mod aad;
mod documents;
mod keys;
mod manifest;
mod members;
mod pdf_files;
mod reseal;
pub mod schema;
mod settings;
#[cfg(test)]
mod tests;

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use self::documents::{KEPT_DOCUMENT_VERSIONS, MemberWithDocument, WithPdf};
use self::manifest::Manifest;
use self::pdf_files::PdfFiles;
use self::schema::Opened;
use self::settings::content_in_force;
use crate::content::InstalledContent;
use crate::content::bundle::TrustedKey;
use crate::error::{Entity, Error, Result};
use crate::secrets::SecretStore;
use crate::vault::hex;
use crate::vault::seal::{Key, Plaintext, random_bytes};

/// Whether opening may create a new store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the store (and its key) when there is none yet.
    CreateIfMissing,
    /// Only open a store that exists: a read never creates one.
    ExistingOnly,
}

/// The store of one household on one device.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    pdfs: PdfFiles,
    key: Key,
    store_id: String,
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

fn json_error(error: serde_json::Error) -> Error {
    Error::Integrity {
        what: format!("a sealed record did not decode ({error})"),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Plaintext> {
    serde_json::to_vec(value)
        .map(Plaintext::new)
        .map_err(|e| Error::Storage {
            reason: e.to_string(),
        })
}

/// Begins a write: IMMEDIATE takes the write lock at once, so a second writer waits
/// (busy timeout) rather than failing when it upgrades a read.
fn begin_write(connection: &mut Connection) -> Result<Transaction<'_>> {
    Ok(connection.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

impl Store {
    /// Opens (creating if needed) the store at `path`, with the master key from `secrets`.
    ///
    /// A new store gets a new random master key. An existing store whose key the secret
    /// store does not have is [`Error::VaultLocked`]; one whose key is wrong is
    /// [`Error::KeyMismatch`]; an existing but empty database while the secret store
    /// holds a store's key is [`Error::Integrity`]. In each case nothing is changed.
    pub fn open(path: &Path, secrets: &dyn SecretStore) -> Result<Store> {
        Self::open_with_mode(path, secrets, OpenMode::CreateIfMissing)
    }

    /// Opens the store at `path` as [`Store::open`] does, creating it only in
    /// [`OpenMode::CreateIfMissing`]; otherwise a missing store is [`Error::NotFound`]
    /// and nothing is created, neither a file, a folder nor a key.
    pub fn open_with_mode(path: &Path, secrets: &dyn SecretStore, mode: OpenMode) -> Result<Store> {
        Ok(Self::open_reading_content(path, secrets, mode)?.0)
    }

    /// Opens the store as [`Store::open_with_mode`] does, with the content in force on
    /// `today` ([`Store::content`]) read in the same snapshot as the opening's own reads.
    pub fn open_with_content(
        path: &Path,
        secrets: &dyn SecretStore,
        mode: OpenMode,
        trusted: &[TrustedKey],
        today: NaiveDate,
    ) -> Result<(Store, InstalledContent)> {
        let (store, envelope) = Self::open_reading_content(path, secrets, mode)?;
        Ok((store, content_in_force(envelope, trusted, today)))
    }

    /// Opens the store; returns it with the installed content's envelope.
    fn open_reading_content(
        path: &Path,
        secrets: &dyn SecretStore,
        mode: OpenMode,
    ) -> Result<(Store, Option<Vec<u8>>)> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        // Opened without creating first: a store that exists (every opening but the
        // first) costs no look at the file beforehand.
        let (mut connection, existed) = match Connection::open_with_flags(path, flags) {
            Ok(connection) => (connection, true),
            Err(_) if mode == OpenMode::CreateIfMissing && !path.exists() => {
                if let Some(parent) = path.parent() {
                    create_private_dir(parent)?;
                }
                let create = flags | OpenFlags::SQLITE_OPEN_CREATE;
                (Connection::open_with_flags(path, create)?, false)
            }
            Err(_) if !path.exists() => return Err(Error::not_found(Entity::HouseholdStore)),
            Err(error) => return Err(error.into()),
        };
        let pdfs = PdfFiles::beside(path);
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        // Foreign keys on (secure deletion, memory-only temporary data and full syncs are
        // built into this SQLite: .cargo/config.toml). One plan per statement whatever
        // the values bound, so a cached statement run with another id is not compiled
        // again (the store's queries are all by key).
        connection.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY, true)?;
        connection.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        let Opened {
            key,
            store_id,
            content_envelope,
        } = schema::open_or_create(&mut connection, &pdfs, secrets, existed)?;
        // The rollback journal (SQLite's default, which a new store keeps): a read needs
        // the database file alone, where WAL creates, maps and removes two more files on
        // every first connection (a third of a cold tap at the counter). A store an
        // earlier release left in WAL mode is checkpointed and switched once it has opened
        // (a migration that fails leaves its file as it was); while another connection
        // keeps it in WAL mode, it stays so until the next opening.
        let journal_mode: String =
            connection.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
        if journal_mode.eq_ignore_ascii_case("wal") {
            connection.pragma_update(None, "journal_mode", "DELETE")?;
        }
        let store = Store {
            connection,
            pdfs,
            key,
            store_id,
        };
        Ok((store, content_envelope))
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

    /// Runs `read` on one consistent snapshot of the database with the manifest.
    fn read<T>(&self, read: impl FnOnce(&Connection, &Manifest) -> Result<T>) -> Result<T> {
        let snapshot = Snapshot::begin(&self.connection)?;
        let manifest = Manifest::read(snapshot.0, &self.key, &self.store_id)?;
        read(snapshot.0, &manifest)
    }

    /// Runs `change` in one IMMEDIATE transaction with the manifest, which is sealed
    /// again and committed with the change (or not at all).
    fn write<T>(
        &mut self,
        change: impl FnOnce(&Transaction<'_>, &Key, &mut Manifest) -> Result<T>,
    ) -> Result<T> {
        let transaction = begin_write(&mut self.connection)?;
        let mut manifest = Manifest::read(&transaction, &self.key, &self.store_id)?;
        let value = change(&transaction, &self.key, &mut manifest)?;
        manifest.write(&transaction, &self.key, &self.store_id)?;
        transaction.commit()?;
        Ok(value)
    }

    /// After a removal from a store still in WAL mode (another connection kept it so when
    /// it was opened): copies the WAL into the database and empties it, so removed
    /// records (already overwritten in the database by `secure_delete`) leave no copy in
    /// the WAL. Best effort: a reader elsewhere may keep frames until it finishes. With
    /// the rollback journal this does nothing.
    fn checkpoint_after_removal(&self) -> Result<()> {
        self.connection
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// A read transaction, ended when dropped (a read has nothing to commit). Its BEGIN and
/// COMMIT are cached statements: a tap at the counter makes several reads on a
/// connection just opened, and compiling them again for each was a measurable part of it.
struct Snapshot<'c>(&'c Connection);

impl<'c> Snapshot<'c> {
    fn begin(connection: &'c Connection) -> Result<Snapshot<'c>> {
        connection.prepare_cached("BEGIN")?.execute([])?;
        Ok(Snapshot(connection))
    }
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        // Ending a read cannot lose anything; should COMMIT fail, ROLLBACK still ends it,
        // so the next read can begin.
        let ended = self
            .0
            .prepare_cached("COMMIT")
            .and_then(|mut end| end.execute([]));
        if ended.is_err() && !self.0.is_autocommit() {
            let _ = self.0.execute_batch("ROLLBACK");
        }
    }
}

/// Creates `dir` and its missing parents readable by the owner only; a folder that
/// already exists keeps its mode.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Error::Storage {
        reason: format!("cannot create {}: {e}", dir.display()),
    })
}
