//! The SQLite schema, one migration per version. `PRAGMA user_version` holds the version
//! a database is at; opening applies the missing migrations in one transaction.
//!
//! Nothing personal is stored in the clear: member records and documents are sealed
//! blobs (see `crate::vault::seal`); the clear columns are random ids, ordering numbers
//! and timestamps.

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
];

/// The version a database has after every migration.
pub fn latest_version() -> u32 {
    u32::try_from(MIGRATIONS.len()).unwrap_or(u32::MAX)
}
