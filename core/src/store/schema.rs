//! The SQLite schema, one migration per version, and opening a database at any earlier
//! version. `PRAGMA user_version` holds the version a database is at; opening applies
//! the missing migrations in one transaction, together with the steps SQL cannot do
//! (sealing format-1 blobs again in format 2, `reseal`; writing the PDFs to their own
//! files, `pdf_files`), so a crash or a failure leaves the database as it was.
//!
//! | schema | blobs | what changed |
//! |---|---|---|
//! | 1 | format 1 | settings, members, documents |
//! | 2 | format 1 | `members.facts_changed_at` |
//! | 3 | format 2 | `revision` per row, the sealed manifest, `document_pdfs`, ring's AEAD |
//! | 4 | format 2 | the sealed PDFs in files beside the database, `document_pdfs` dropped |
//!
//! Nothing personal is stored in the clear: member records and documents are sealed
//! blobs (see `crate::vault::seal`); the clear columns are random ids, ordering numbers,
//! timestamps and write counters.

use rusqlite::{Connection, Transaction};

use super::keys::{self, CheckFormat, SETTING_KEY_CHECK, SETTING_STORE_ID};
use super::manifest::Manifest;
use super::pdf_files::PdfFiles;
use super::settings::{SETTING_CONTENT_ENVELOPE, read_setting, write_setting};
use super::{begin_write, random_id, reseal};
use crate::error::{Error, Result};
use crate::secrets::SecretStore;
use crate::vault::seal::Key;

/// Migration `n` (1-based) brings a database from version `n - 1` to `n`.
pub const MIGRATIONS: &[&str] = &[
    // 1: settings, members, documents.
    "CREATE TABLE settings (
         name  TEXT PRIMARY KEY NOT NULL,
         value BLOB NOT NULL
     ) STRICT;
     CREATE TABLE members (
         id         TEXT PRIMARY KEY NOT NULL,
         position   INTEGER NOT NULL,
         sealed     BLOB NOT NULL,
         created_at INTEGER NOT NULL,
         updated_at INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE documents (
         id          TEXT PRIMARY KEY NOT NULL,
         member_id   TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
         version     INTEGER NOT NULL,
         imported_at INTEGER NOT NULL,
         wrapped_key BLOB NOT NULL,
         sealed_pdf  BLOB NOT NULL,
         sealed_info BLOB NOT NULL,
         UNIQUE (member_id, version)
     ) STRICT;",
    // 2: when a member's facts last changed, so a PDF older than that counts as stale.
    "ALTER TABLE members ADD COLUMN facts_changed_at INTEGER;
     UPDATE members SET facts_changed_at = updated_at;",
    // 3: the write counter each sealed row is bound to (the blobs are sealed again in
    // format 2 and the manifest written by `reseal`, in the same transaction); the PDFs
    // in a table of their own, so that reading a document's other columns never walks
    // the PDF's overflow pages.
    "ALTER TABLE members ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
     CREATE TABLE document_pdfs (
         document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
         sealed      BLOB NOT NULL
     ) STRICT;
     INSERT INTO document_pdfs (document_id, sealed) SELECT id, sealed_pdf FROM documents;
     ALTER TABLE documents DROP COLUMN sealed_pdf;",
    // 4: the sealed PDFs are files beside the database (written by `pdf_files` in the
    // migration's transaction, before this runs).
    "DROP TABLE document_pdfs;",
];

/// The first schema whose blobs are in format 2, with a manifest.
pub const FORMAT_2_SCHEMA: u32 = 3;

/// The first schema whose sealed PDFs are files beside the database.
pub const PDF_FILES_SCHEMA: u32 = 4;

/// The version a database has after every migration.
pub fn latest_version() -> u32 {
    u32::try_from(MIGRATIONS.len()).unwrap_or(u32::MAX)
}

fn user_version(connection: &Connection) -> Result<u32> {
    Ok(connection.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Applies the SQL of migrations `from + 1 ..= to` inside `transaction`.
fn apply(transaction: &Transaction<'_>, from: u32, to: u32) -> Result<()> {
    for (index, migration) in MIGRATIONS.iter().enumerate() {
        let version = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if version > from && version <= to {
            transaction.execute_batch(migration)?;
            transaction.pragma_update(None, "user_version", version)?;
        }
    }
    Ok(())
}

/// Applies the SQL of migrations up to `target` and nothing else (tests build a
/// database of every earlier version with it).
pub fn migrate_to(connection: &mut Connection, target: u32) -> Result<()> {
    let transaction = begin_write(connection)?;
    let current = user_version(&transaction)?;
    apply(&transaction, current, target)?;
    transaction.commit()?;
    Ok(())
}

/// A store brought to the latest schema and unlocked.
pub(super) struct Opened {
    pub key: Key,
    pub store_id: String,
    /// The installed content's signed envelope (`None` when none was installed), read
    /// with the rest of the opening: the content is needed as soon as the store is.
    pub content_envelope: Option<Vec<u8>>,
}

/// Brings the database to the latest schema and returns the store's key, id and
/// installed content: a new store is created, an older one migrated, a current one
/// unlocked. A database file that `existed` but holds no store is only started while the
/// secret store holds no other store's key.
pub(super) fn open_or_create(
    connection: &mut Connection,
    pdfs: &PdfFiles,
    secrets: &dyn SecretStore,
    existed: bool,
) -> Result<Opened> {
    let OpeningState {
        version,
        store_id,
        check,
        content_envelope,
    } = OpeningState::read(connection)?;
    if version > latest_version() {
        return Err(Error::Storage {
            reason: format!(
                "the data was written by a newer shikaku (schema {version}); update the app"
            ),
        });
    }
    if version == 0 {
        if existed {
            keys::refuse_if_a_store_was_here(secrets)?;
        }
        let transaction = begin_write(connection)?;
        apply(&transaction, 0, latest_version())?;
        // Saved before any key exists, so a key saved before a crash is found again.
        let store_id = random_id(8)?;
        write_setting(&transaction, SETTING_STORE_ID, store_id.as_bytes())?;
        transaction.commit()?;
        let key = finish_new_store(connection, secrets, &store_id)?;
        return Ok(Opened {
            key,
            store_id,
            content_envelope: None,
        });
    }
    let store_id = store_id.ok_or_else(|| Error::Integrity {
        what: "the store id is missing".to_owned(),
    })?;
    let key = if version < latest_version() {
        migrate(connection, pdfs, secrets, version, &store_id, check)?
    } else {
        match check {
            Some(check) => keys::unlock(secrets, &store_id, &check, CheckFormat::Format2)?,
            None => finish_new_store(connection, secrets, &store_id)?,
        }
    };
    Ok(Opened {
        key,
        store_id,
        content_envelope,
    })
}

/// Brings a store at `version` (1 to 3) to the latest schema in one transaction: the
/// format-1 blobs of a schema 1 or 2 store sealed again in format 2 (with its
/// manifest), then the PDFs written to their files. A PDF file written before a failure
/// is removed; one left by a crash is named by no row and swept by a later write.
fn migrate(
    connection: &mut Connection,
    pdfs: &PdfFiles,
    secrets: &dyn SecretStore,
    version: u32,
    store_id: &str,
    check: Option<Vec<u8>>,
) -> Result<Key> {
    let format = if version < FORMAT_2_SCHEMA {
        CheckFormat::Format1
    } else {
        CheckFormat::Format2
    };
    let key = match &check {
        Some(check) => keys::unlock(secrets, store_id, check, format)?,
        None => keys::key_for_new_store(secrets, store_id)?,
    };
    let transaction = begin_write(connection)?;
    apply(&transaction, version, FORMAT_2_SCHEMA)?;
    if version < FORMAT_2_SCHEMA || check.is_none() {
        let manifest = if version < FORMAT_2_SCHEMA {
            reseal::format_1_to_2(&transaction, &key)?
        } else {
            Manifest::default()
        };
        manifest.write(&transaction, &key, store_id)?;
        write_setting(
            &transaction,
            SETTING_KEY_CHECK,
            &keys::seal_check(&key, store_id)?,
        )?;
    }
    let mut written = Vec::new();
    if let Err(error) = move_pdfs_to_files_and_commit(transaction, pdfs, &mut written) {
        pdfs.remove(&written);
        return Err(error);
    }
    if format == CheckFormat::Format1 {
        keys::mark(secrets, store_id)?;
    }
    Ok(key)
}

/// Schema 4's step: every sealed PDF of `document_pdfs` written to its file as it is
/// (format 2, bound to its member and document id; `written` lists the files made),
/// then the table dropped and the migration committed.
fn move_pdfs_to_files_and_commit(
    transaction: Transaction<'_>,
    pdfs: &PdfFiles,
    written: &mut Vec<String>,
) -> Result<()> {
    {
        let mut statement = transaction.prepare("SELECT document_id, sealed FROM document_pdfs")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let sealed: Vec<u8> = row.get(1)?;
            pdfs.write(&id, &sealed)?;
            written.push(id);
        }
    }
    apply(&transaction, PDF_FILES_SCHEMA - 1, latest_version())?;
    transaction.commit()?;
    Ok(())
}

/// What opening reads before it knows what to do, in one snapshot (one lock of the file).
/// Neither a migration nor finishing a new store changes the installed content.
struct OpeningState {
    version: u32,
    store_id: Option<String>,
    check: Option<Vec<u8>>,
    content_envelope: Option<Vec<u8>>,
}

impl OpeningState {
    fn read(connection: &Connection) -> Result<OpeningState> {
        let snapshot = super::Snapshot::begin(connection)?;
        let version = user_version(snapshot.0)?;
        // A newer app's schema is refused before its tables are read.
        if version == 0 || version > latest_version() {
            return Ok(OpeningState {
                version,
                store_id: None,
                check: None,
                content_envelope: None,
            });
        }
        Ok(OpeningState {
            version,
            store_id: keys::store_id(snapshot.0)?,
            check: read_setting(snapshot.0, SETTING_KEY_CHECK)?,
            content_envelope: read_setting(snapshot.0, SETTING_CONTENT_ENVELOPE)?,
        })
    }
}

/// Gives a new store (or one whose creation was cut short) its key, key check and
/// empty manifest.
fn finish_new_store(
    connection: &mut Connection,
    secrets: &dyn SecretStore,
    store_id: &str,
) -> Result<Key> {
    let key = keys::key_for_new_store(secrets, store_id)?;
    let transaction = begin_write(connection)?;
    write_setting(
        &transaction,
        SETTING_KEY_CHECK,
        &keys::seal_check(&key, store_id)?,
    )?;
    Manifest::default().write(&transaction, &key, store_id)?;
    transaction.commit()?;
    Ok(key)
}
