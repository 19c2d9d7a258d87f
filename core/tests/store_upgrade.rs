//! Stores written by earlier releases (tests/fixtures/stores/<commit>, made by
//! scripts/make-store-fixtures.sh from git history) open with today's code: the schema
//! is migrated, every blob sealed again in format 2, the PDFs moved to their files, and
//! every PDF reads back byte for byte; a migration that meets a damaged blob or cannot
//! write the files changes nothing.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use shikaku_core::error::Error;
use shikaku_core::secrets::KeyFileSecretStore;
use shikaku_core::store::{Store, schema};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// Every committed store, as a copy in a temporary directory.
fn copies() -> Vec<(String, tempfile::TempDir)> {
    let mut stores = Vec::new();
    for entry in std::fs::read_dir(fixtures().join("stores")).unwrap() {
        let source = entry.unwrap().path();
        let copy = tempfile::tempdir().unwrap();
        std::fs::create_dir(copy.path().join("keys")).unwrap();
        for name in ["shikaku.sqlite3", "contents.json"] {
            std::fs::copy(source.join(name), copy.path().join(name)).unwrap();
        }
        for key in std::fs::read_dir(source.join("keys")).unwrap() {
            let key = key.unwrap().path();
            std::fs::copy(
                &key,
                copy.path().join("keys").join(key.file_name().unwrap()),
            )
            .unwrap();
        }
        stores.push((
            source.file_name().unwrap().to_string_lossy().into_owned(),
            copy,
        ));
    }
    assert!(stores.len() >= 2, "the committed stores are missing");
    stores
}

fn contents(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("contents.json")).unwrap()).unwrap()
}

fn open(dir: &Path) -> Result<Store, Error> {
    Store::open(
        &dir.join("shikaku.sqlite3"),
        &KeyFileSecretStore::new(dir.join("keys")),
    )
}

#[test]
fn every_earlier_release_opens_and_every_pdf_reads_back_byte_identical() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 0, 0, 0)
        .single()
        .unwrap();
    for (release, dir) in copies() {
        let contents = contents(dir.path());
        assert!(contents["schema_version"].as_u64().unwrap() < u64::from(schema::latest_version()));
        let mut store = open(dir.path()).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            schema::latest_version(),
            "{release}"
        );
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let listing = store.members().unwrap();
        assert!(
            listing.damaged.is_empty(),
            "{release}: {:?}",
            listing.damaged
        );
        for expected in contents["members"].as_array().unwrap() {
            let id = expected["member_id"].as_str().unwrap();
            let member = store.member(id).unwrap();
            assert_eq!(
                member.display_name,
                expected["display_name"].as_str().unwrap()
            );
            let files: Vec<&str> = expected["documents_oldest_first"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            let Some(newest) = files.last() else {
                assert!(matches!(store.document(id), Err(Error::NotFound { .. })));
                continue;
            };
            let read = |store: &Store| store.document(id).unwrap().to_vec();
            assert_eq!(
                read(&store),
                std::fs::read(fixtures().join(newest)).unwrap(),
                "{release}"
            );
            let info = store.document_info(id, now).unwrap();
            assert_eq!(info.versions_kept as usize, files.len());
            if let [older, _] = files.as_slice() {
                // The previous version too, by going back to it.
                store.revert_document(id, now).unwrap();
                assert_eq!(read(&store), std::fs::read(fixtures().join(older)).unwrap());
            }
        }
        drop(store);
        // The earlier releases wrote in WAL mode; the store now keeps a rollback journal,
        // and neither a WAL nor a journal is left beside it.
        let connection = rusqlite::Connection::open(dir.path().join("shikaku.sqlite3")).unwrap();
        let mode: String = connection
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "delete", "{release}");
        let beside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with("-wal") || name.ends_with("-journal"))
            .collect();
        assert!(beside.is_empty(), "{release}: {beside:?}");
        // Every blob is in format 2 now: its first byte names the format and cipher. The
        // PDFs are files, one per document row, named by its id.
        let mut statement = connection
            .prepare(
                "SELECT sealed FROM members UNION ALL SELECT wrapped_key FROM documents
                 UNION ALL SELECT sealed_info FROM documents",
            )
            .unwrap();
        let mut first_bytes: Vec<u8> = statement
            .query_map([], |row| row.get::<_, Vec<u8>>(0))
            .unwrap()
            .map(|blob| blob.unwrap()[0])
            .collect();
        let mut ids: Vec<String> = connection
            .prepare("SELECT id FROM documents ORDER BY id")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut files: Vec<String> = std::fs::read_dir(dir.path().join("shikaku.sqlite3-pdfs"))
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                first_bytes.push(std::fs::read(&path).unwrap()[0]);
                path.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect();
        files.sort();
        ids.sort();
        assert_eq!(files, ids, "{release}");
        assert!(first_bytes.len() > 4);
        assert!(
            first_bytes.iter().all(|b| b >> 4 == 2),
            "{release}: {first_bytes:?}"
        );
        // And it opens again as a current store.
        assert_eq!(
            open(dir.path()).unwrap().members().unwrap().members.len(),
            3
        );
    }
}

/// The committed stores written before schema `version`.
fn copies_before(version: u32) -> Vec<tempfile::TempDir> {
    copies()
        .into_iter()
        .filter(|(_, dir)| {
            contents(dir.path())["schema_version"].as_u64().unwrap() < u64::from(version)
        })
        .map(|(_, dir)| dir)
        .collect()
}

#[test]
fn a_migration_that_cannot_write_the_pdf_files_changes_nothing() {
    for (_, dir) in copies() {
        let db = dir.path().join("shikaku.sqlite3");
        // Where the folder of PDFs goes, a file: no PDF can be written.
        std::fs::write(dir.path().join("shikaku.sqlite3-pdfs"), b"").unwrap();
        let before = std::fs::read(&db).unwrap();
        assert!(matches!(open(dir.path()), Err(Error::Storage { .. })));
        assert_eq!(std::fs::read(&db).unwrap(), before);
        // Once the way is clear, the same store migrates.
        std::fs::remove_file(dir.path().join("shikaku.sqlite3-pdfs")).unwrap();
        let store = open(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    }
}

#[test]
fn a_migration_that_meets_a_damaged_blob_changes_nothing() {
    // Format-1 stores, whose PDFs are still in `documents.sealed_pdf`.
    let dir = copies_before(schema::FORMAT_2_SCHEMA).remove(0);
    let db = dir.path().join("shikaku.sqlite3");
    {
        let connection = rusqlite::Connection::open(&db).unwrap();
        let (rowid, mut blob): (i64, Vec<u8>) = connection
            .query_row(
                "SELECT rowid, sealed_pdf FROM documents ORDER BY rowid DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let middle = blob.len() / 2;
        blob[middle] ^= 0x20;
        connection
            .execute(
                "UPDATE documents SET sealed_pdf = ?1 WHERE rowid = ?2",
                rusqlite::params![blob, rowid],
            )
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    assert!(matches!(open(dir.path()), Err(Error::Integrity { .. })));
    // Rolled back whole: same schema version, same bytes.
    let connection = rusqlite::Connection::open(&db).unwrap();
    let version: u32 = connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert!(version < schema::FORMAT_2_SCHEMA);
    drop(connection);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
