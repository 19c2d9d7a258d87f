//! What the store detects and refuses (DESIGN.md principles 5 and 6): an emptied
//! database beside a key, a member record rolled back, a deleted document row, swapped
//! version numbers, a moved import time, a missing manifest; what it guarantees: two
//! writers both succeed, a removed member leaves no copy on disk, a read never creates
//! a store.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rusqlite::params;
use shikaku_core::error::Error;
use shikaku_core::household::damaged::MemberDamage;
use shikaku_core::household::{Member, MemberDraft, Relationship};
use shikaku_core::rules::Facts;
use shikaku_core::secrets::KeyFileSecretStore;
use shikaku_core::store::{OpenMode, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 1, 0, 0)
        .single()
        .unwrap()
}

fn pdf(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn draft(name: &str) -> MemberDraft {
    MemberDraft {
        display_name: name.to_owned(),
        name_as_printed: None,
        relationship: Relationship::Myself,
        facts: Facts::born_on(NaiveDate::from_ymd_opt(1985, 4, 12).unwrap()),
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    }
}

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("shikaku.sqlite3")
    }

    fn secrets(&self) -> KeyFileSecretStore {
        KeyFileSecretStore::new(self.dir.path().join("keys"))
    }

    fn open(&self) -> Result<Store, Error> {
        Store::open(&self.db(), &self.secrets())
    }

    fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).unwrap()
    }

    fn key_files(&self) -> usize {
        std::fs::read_dir(self.dir.path().join("keys")).map_or(0, Iterator::count)
    }

    /// Two members; the first with two document versions.
    fn household(&self) -> (Member, Member) {
        let mut store = self.open().unwrap();
        let first = store.add_member(draft("一"), now()).unwrap();
        let second = store.add_member(draft("二"), now()).unwrap();
        store
            .import_document(&first.id, &pdf("shikaku-kenpo.pdf"), now())
            .unwrap();
        let later = now() + chrono::Duration::days(1);
        store
            .import_document(&first.id, &pdf("shikaku-kokuho.pdf"), later)
            .unwrap();
        (first, second)
    }
}

fn is_integrity<T: std::fmt::Debug>(result: Result<T, Error>) -> bool {
    matches!(result, Err(Error::Integrity { .. }))
}

#[test]
fn an_emptied_database_beside_its_key_is_an_integrity_error_and_makes_no_key() {
    let fx = Fixture::new();
    fx.household();
    assert_eq!(fx.key_files(), 2, "the master key and the store marker");
    std::fs::File::create(fx.db()).unwrap(); // truncated to zero
    assert!(is_integrity(fx.open()));
    assert_eq!(fx.key_files(), 2);
    assert_eq!(std::fs::metadata(fx.db()).unwrap().len(), 0);
    // A folder without a database is a new store, as on a first start.
    std::fs::remove_file(fx.db()).unwrap();
    assert!(fx.open().unwrap().members().unwrap().members.is_empty());
}

#[test]
fn a_member_record_rolled_back_is_named_damaged_and_the_others_still_show() {
    let fx = Fixture::new();
    let (first, second) = fx.household();
    let old: (Vec<u8>, i64) = fx
        .sql()
        .query_row(
            "SELECT sealed, revision FROM members WHERE id = ?1",
            [&second.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut renamed = second.clone();
    renamed.display_name = "二 改".to_owned();
    fx.open().unwrap().update_member(&renamed, now()).unwrap();
    fx.sql()
        .execute(
            "UPDATE members SET sealed = ?2, revision = ?3 WHERE id = ?1",
            params![second.id, old.0, old.1],
        )
        .unwrap();
    let store = fx.open().unwrap();
    let listing = store.members().unwrap();
    assert_eq!(listing.members.len(), 1);
    assert_eq!(listing.members[0].id, first.id);
    assert_eq!(
        listing.damaged,
        [(second.id.clone(), MemberDamage::Outdated)]
    );
    assert!(is_integrity(store.member(&second.id)));
    // The damaged member can still be removed, and the household is whole again.
    drop(store);
    let mut store = fx.open().unwrap();
    store.remove_member(&second.id).unwrap();
    assert!(store.members().unwrap().damaged.is_empty());
}

#[test]
fn a_deleted_member_row_is_named_missing() {
    let fx = Fixture::new();
    let (_, second) = fx.household();
    fx.sql()
        .execute("DELETE FROM members WHERE id = ?1", [&second.id])
        .unwrap();
    let listing = fx.open().unwrap().members().unwrap();
    assert_eq!(listing.members.len(), 1);
    assert_eq!(listing.damaged, [(second.id, MemberDamage::Missing)]);
}

#[test]
fn document_rows_deleted_renumbered_or_retimed_are_integrity_errors() {
    let changes: [(&str, &str); 4] = [
        (
            "deleted current",
            "DELETE FROM documents WHERE member_id = ?1 AND version = 2",
        ),
        (
            "deleted previous",
            "DELETE FROM documents WHERE member_id = ?1 AND version = 1",
        ),
        (
            "swapped versions",
            "UPDATE documents SET version = CASE version WHEN 1 THEN 2 ELSE 1 END
             WHERE member_id = ?1",
        ),
        (
            "moved imported_at",
            "UPDATE documents SET imported_at = imported_at - 86400 * 400 WHERE member_id = ?1",
        ),
    ];
    for (what, sql) in changes {
        let fx = Fixture::new();
        let (first, second) = fx.household();
        // Through a free version number first, as UNIQUE (member_id, version) requires.
        if what == "swapped versions" {
            fx.sql()
                .execute_batch(&format!(
                    "UPDATE documents SET version = 0 WHERE member_id = '{0}' AND version = 1;
                     UPDATE documents SET version = 1 WHERE member_id = '{0}' AND version = 2;
                     UPDATE documents SET version = 2 WHERE member_id = '{0}' AND version = 0;",
                    first.id
                ))
                .unwrap();
        } else {
            fx.sql().execute(sql, [&first.id]).unwrap();
        }
        let store = fx.open().unwrap();
        assert!(is_integrity(store.document(&first.id)), "{what}");
        assert!(
            is_integrity(store.document_info(&first.id, now())),
            "{what}"
        );
        // The other member is untouched.
        assert_eq!(store.members().unwrap().members.len(), 2, "{what}");
        assert!(matches!(
            store.document(&second.id),
            Err(Error::NotFound { .. })
        ));
    }
}

#[test]
fn a_missing_manifest_is_an_integrity_error() {
    let fx = Fixture::new();
    fx.household();
    fx.sql()
        .execute("DELETE FROM settings WHERE name = 'manifest'", [])
        .unwrap();
    assert!(is_integrity(fx.open().unwrap().members()));
}

#[test]
fn two_writers_at_once_both_succeed() {
    let fx = Fixture::new();
    drop(fx.open().unwrap());
    let writers: Vec<_> = (0..2)
        .map(|writer| {
            let db = fx.db();
            let secrets = fx.secrets();
            std::thread::spawn(move || {
                let mut store = Store::open(&db, &secrets).unwrap();
                for n in 0..15 {
                    let member = store
                        .add_member(draft(&format!("{writer}-{n}")), now())
                        .unwrap();
                    store
                        .import_document(&member.id, &pdf("shikaku-kenpo.pdf"), now())
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let listing = fx.open().unwrap().members().unwrap();
    assert_eq!((listing.members.len(), listing.damaged.len()), (30, 0));
}

#[test]
fn a_removed_member_leaves_no_copy_in_the_database_or_beside_it() {
    let fx = Fixture::new();
    let (first, _) = fx.household();
    let pdf_dir = fx.db().with_file_name("shikaku.sqlite3-pdfs");
    let mut sealed: Vec<Vec<u8>> = vec![
        fx.sql()
            .query_row(
                "SELECT sealed FROM members WHERE id = ?1",
                [&first.id],
                |r| r.get(0),
            )
            .unwrap(),
    ];
    for file in std::fs::read_dir(&pdf_dir).unwrap() {
        sealed.push(std::fs::read(file.unwrap().path()).unwrap());
    }
    assert_eq!(sealed.len(), 3);
    let mut store = fx.open().unwrap();
    store.remove_member(&first.id).unwrap();
    assert_eq!(std::fs::read_dir(&pdf_dir).unwrap().count(), 0);
    // Checked while the store is still open.
    let mut files = vec![fx.db().parent().unwrap().to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for blob in &sealed {
            let probe = &blob[blob.len() / 2..blob.len() / 2 + 32];
            assert!(!bytes.windows(probe.len()).any(|w| w == probe));
        }
    }
}

#[test]
fn opening_an_existing_store_only_creates_nothing() {
    let fx = Fixture::new();
    let result = Store::open_with_mode(&fx.db(), &fx.secrets(), OpenMode::ExistingOnly);
    assert!(matches!(result, Err(Error::NotFound { .. })));
    assert!(!fx.db().parent().unwrap().exists());
    assert_eq!(fx.key_files(), 0);
    fx.household();
    let store = Store::open_with_mode(&fx.db(), &fx.secrets(), OpenMode::ExistingOnly).unwrap();
    assert_eq!(store.members().unwrap().members.len(), 2);
}

#[cfg(unix)]
#[test]
fn a_folder_that_exists_keeps_its_mode_and_a_new_one_is_the_owners() {
    use std::os::unix::fs::PermissionsExt;
    let fx = Fixture::new();
    let data = fx.db().parent().unwrap().to_path_buf();
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    drop(fx.open().unwrap());
    assert_eq!(
        std::fs::metadata(&data).unwrap().permissions().mode() & 0o777,
        0o755
    );
    let fresh = Fixture::new();
    drop(fresh.open().unwrap());
    let mode = std::fs::metadata(fresh.db().parent().unwrap())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0);
}
