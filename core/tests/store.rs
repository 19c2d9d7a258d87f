//! The household store and the document vault against the generated fixtures
//! (scripts/make-fixtures.py): round trips, every refusal, no plaintext on disk,
//! tampering, a missing key, and the two kept versions.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use shikaku_core::error::{Error, Field, Reason};
use shikaku_core::household::damaged::MemberDamage;
use shikaku_core::household::{Member, MemberDraft, Relationship};
use shikaku_core::rules::Facts;
use shikaku_core::secrets::{KeyFileSecretStore, MemorySecretStore, SecretStore};
use shikaku_core::store::Store;
use shikaku_core::vault::Staleness;

const MARKER: &[u8] = b"SHIKAKU-FIXTURE-MARKER-7F3A";
const MEMBER_NAME: &str = "山田 秘匿テスト花子";

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 1, 0, 0)
        .single()
        .unwrap()
}

fn draft(name: &str) -> MemberDraft {
    let mut facts = Facts::born_on(NaiveDate::from_ymd_opt(1985, 4, 12).unwrap());
    facts.card_issued_on = NaiveDate::from_ymd_opt(2022, 6, 1);
    MemberDraft {
        display_name: name.to_owned(),
        name_as_printed: None,
        relationship: Relationship::Myself,
        facts,
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    }
}

struct Fixture {
    dir: tempfile::TempDir,
    secrets: KeyFileSecretStore,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let secrets = KeyFileSecretStore::new(dir.path().join("keys"));
        Fixture { dir, secrets }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("shikaku.sqlite3")
    }

    fn open(&self) -> Store {
        Store::open(&self.db(), &self.secrets).unwrap()
    }

    /// The open store with one member, holding `document` if one is named.
    fn with_member(&self, document: Option<&str>) -> (Store, Member) {
        let mut store = self.open();
        let member = store.add_member(draft("a"), now()).unwrap();
        if let Some(name) = document {
            store
                .import_document(&member.id, &fixture(name), now())
                .unwrap();
        }
        (store, member)
    }
}

#[test]
fn import_then_export_is_byte_identical_for_every_valid_fixture() {
    let fx = Fixture::new();
    let mut store = fx.open();
    for name in [
        "shikaku-kenpo.pdf",
        "shikaku-kokuho.pdf",
        "shikaku-unknown-layout.pdf",
    ] {
        let member = store.add_member(draft(name), now()).unwrap();
        let bytes = fixture(name);
        let report = store.import_document(&member.id, &bytes, now()).unwrap();
        assert!(!report.replaced_previous);
        assert_eq!(report.info.byte_len, bytes.len() as u64);
        assert_eq!(
            store.document(&member.id).unwrap().as_slice(),
            bytes.as_slice(),
            "{name}"
        );
    }
    drop(store);
    // And after reopening.
    let store = fx.open();
    for member in store.members().unwrap().members {
        let bytes = fixture(&member.display_name);
        assert_eq!(
            store.document(&member.id).unwrap().as_slice(),
            bytes.as_slice()
        );
    }
}

#[test]
fn fields_are_read_from_both_layouts_and_not_from_unknown_ones() {
    let fx = Fixture::new();
    let (mut store, member) = fx.with_member(None);
    let kenpo = store
        .import_document(&member.id, &fixture("shikaku-kenpo.pdf"), now())
        .unwrap();
    let f = &kenpo.info.fields;
    assert_eq!(kenpo.info.pages, 1);
    assert_eq!(f.name.as_deref(), Some("佐藤 花子"));
    assert_eq!(f.insurer_number.as_deref(), Some("06139992"));
    assert_eq!(f.insurer_name.as_deref(), Some("みなと架空健康保険組合"));
    assert_eq!(
        (
            f.symbol.as_deref(),
            f.number.as_deref(),
            f.branch.as_deref()
        ),
        (Some("4123"), Some("5678"), Some("00"))
    );
    assert_eq!(f.birth_date, NaiveDate::from_ymd_opt(1985, 4, 12));
    assert_eq!(f.copay_share.as_deref(), Some("3割"));
    assert_eq!(f.qualified_on, NaiveDate::from_ymd_opt(2020, 4, 1));
    assert_eq!(f.issued_on, NaiveDate::from_ymd_opt(2026, 11, 1));

    let kokuho = store
        .import_document(&member.id, &fixture("shikaku-kokuho.pdf"), now())
        .unwrap();
    assert!(kokuho.replaced_previous);
    let f = &kokuho.info.fields;
    assert_eq!(kokuho.info.pages, 2);
    assert_eq!(f.insurer_number.as_deref(), Some("138990"));
    assert_eq!(
        (
            f.symbol.as_deref(),
            f.number.as_deref(),
            f.branch.as_deref()
        ),
        (Some("架空12"), Some("3456"), Some("01"))
    );
    assert_eq!(f.birth_date, NaiveDate::from_ymd_opt(1989, 1, 8));
    assert_eq!(f.issued_on, NaiveDate::from_ymd_opt(2026, 10, 5));

    let unknown = store
        .import_document(&member.id, &fixture("shikaku-unknown-layout.pdf"), now())
        .unwrap();
    assert!(unknown.info.fields.is_empty());
    assert!(!unknown.info.fields_confirmed);
}

#[test]
fn every_bad_file_is_refused_with_its_own_error_and_the_store_is_unchanged() {
    let fx = Fixture::new();
    let (mut store, member) = fx.with_member(None);
    let good = fixture("shikaku-kenpo.pdf");
    store.import_document(&member.id, &good, now()).unwrap();
    let before = store.document_info(&member.id, now()).unwrap();

    let mut oversized = b"%PDF-1.7\n".to_vec();
    oversized.resize(20 * 1024 * 1024 + 1, b' ');
    type Case = (&'static str, Vec<u8>, fn(&Error) -> bool);
    let cases: Vec<Case> = vec![
        ("png", fixture("not-a-pdf.png"), |e| {
            matches!(e, Error::NotAPdf)
        }),
        ("empty", Vec::new(), |e| matches!(e, Error::NotAPdf)),
        ("damaged", fixture("shikaku-damaged.pdf"), |e| {
            matches!(e, Error::DocumentDamaged { .. })
        }),
        ("truncated", fixture("shikaku-truncated.pdf"), |e| {
            matches!(e, Error::DocumentDamaged { .. })
        }),
        ("encrypted", fixture("shikaku-encrypted.pdf"), |e| {
            matches!(e, Error::DocumentEncrypted)
        }),
        ("no pages", fixture("no-pages.pdf"), |e| {
            matches!(e, Error::DocumentHasNoPages)
        }),
        ("oversized", oversized, |e| {
            matches!(e, Error::DocumentTooLarge { .. })
        }),
    ];
    for (name, bytes, expected) in cases {
        let error = store
            .import_document(&member.id, &bytes, now())
            .unwrap_err();
        assert!(expected(&error), "{name}: {error:?}");
        assert_eq!(
            store.document_info(&member.id, now()).unwrap(),
            before,
            "{name}"
        );
        assert_eq!(
            store.document(&member.id).unwrap().as_slice(),
            good.as_slice()
        );
    }
    let missing = store
        .import_document("no-such-member", &good, now())
        .unwrap_err();
    assert!(matches!(missing, Error::NotFound { .. }));
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn assert_nothing_in_clear(dir: &Path) {
    let needles: [(&str, &[u8]); 4] = [
        ("marker", MARKER),
        ("member name", MEMBER_NAME.as_bytes()),
        ("name in the PDF", "佐藤 花子".as_bytes()),
        ("insurer number", b"06139992"),
    ];
    let files = files_under(dir);
    // The store keeps a rollback journal only while a change commits: every write is in
    // the database file itself, open or closed, and no WAL or journal is left beside it.
    let journals = files.iter().filter(|f| {
        let name = f.to_string_lossy();
        name.ends_with("-wal") || name.ends_with("-journal")
    });
    assert_eq!(journals.count(), 0, "{files:?}");
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for (what, needle) in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{what} in clear in {}",
                file.display()
            );
        }
    }
}

#[test]
fn no_plaintext_of_the_pdf_or_the_member_reaches_the_disk() {
    // The fixture itself has the marker in clear, so finding none proves the sealing.
    assert!(
        fixture("shikaku-kenpo.pdf")
            .windows(MARKER.len())
            .any(|w| w == MARKER)
    );
    let fx = Fixture::new();
    let mut store = fx.open();
    let member = store.add_member(draft(MEMBER_NAME), now()).unwrap();
    store
        .import_document(&member.id, &fixture("shikaku-kenpo.pdf"), now())
        .unwrap();
    store
        .import_document(&member.id, &fixture("shikaku-kenpo.pdf"), now())
        .unwrap();
    // While open and after closing.
    assert_nothing_in_clear(fx.dir.path());
    drop(store);
    assert_nothing_in_clear(fx.dir.path());
}

fn flip_byte(db: &Path, sql_table: &str, column: &str) {
    let connection = rusqlite::Connection::open(db).unwrap();
    let (rowid, mut blob): (i64, Vec<u8>) = connection
        .query_row(
            &format!("SELECT rowid, {column} FROM {sql_table} LIMIT 1"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let middle = blob.len() / 2;
    blob[middle] ^= 0x40;
    connection
        .execute(
            &format!("UPDATE {sql_table} SET {column} = ?1 WHERE rowid = ?2"),
            rusqlite::params![blob, rowid],
        )
        .unwrap();
}

/// The sealed PDF files beside the database.
fn pdf_files(db: &Path) -> Vec<PathBuf> {
    let dir = db.with_file_name("shikaku.sqlite3-pdfs");
    if dir.exists() {
        files_under(&dir)
    } else {
        Vec::new()
    }
}

fn count(db: &Path, table: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_flipped_ciphertext_byte_is_an_integrity_error_and_nothing_is_deleted() {
    for (table, column) in [
        ("pdf file", ""),
        ("documents", "wrapped_key"),
        ("documents", "sealed_info"),
        ("members", "sealed"),
    ] {
        let fx = Fixture::new();
        let (store, member) = fx.with_member(Some("shikaku-kenpo.pdf"));
        drop(store);
        if column.is_empty() {
            let [file] = pdf_files(&fx.db()).try_into().unwrap();
            let mut sealed = std::fs::read(&file).unwrap();
            let middle = sealed.len() / 2;
            sealed[middle] ^= 0x40;
            std::fs::write(&file, sealed).unwrap();
        } else {
            flip_byte(&fx.db(), table, column);
        }
        let store = fx.open();
        let read = if column == "sealed_info" {
            store.document_info(&member.id, now()).map(|_| ())
        } else if table == "members" {
            // The list still answers, with the member named as damaged.
            let listing = store.members().unwrap();
            assert!(listing.members.is_empty());
            assert_eq!(
                listing.damaged,
                [(member.id.clone(), MemberDamage::Unreadable)]
            );
            store.member(&member.id).map(|_| ())
        } else {
            store.document(&member.id).map(|_| ())
        };
        assert!(
            matches!(read, Err(Error::Integrity { .. })),
            "{table}.{column}: {read:?}"
        );
        drop(store);
        assert_eq!(
            (count(&fx.db(), "members"), count(&fx.db(), "documents")),
            (1, 1)
        );
    }
}

#[test]
fn a_pdf_file_swapped_or_missing_is_an_integrity_error() {
    let fx = Fixture::new();
    let (mut store, first) = fx.with_member(Some("shikaku-kenpo.pdf"));
    let second = store.add_member(draft("b"), now()).unwrap();
    store
        .import_document(&second.id, &fixture("shikaku-kokuho.pdf"), now())
        .unwrap();
    let [a, b] = pdf_files(&fx.db()).try_into().unwrap();
    let (bytes_a, bytes_b) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    std::fs::write(&a, &bytes_b).unwrap();
    std::fs::write(&b, &bytes_a).unwrap();
    for member in [&first, &second] {
        let read = store.document(&member.id);
        assert!(matches!(read, Err(Error::Integrity { .. })), "{read:?}");
    }
    std::fs::remove_file(&a).unwrap();
    std::fs::remove_file(&b).unwrap();
    let read = store.document(&first.id);
    assert!(matches!(read, Err(Error::Integrity { .. })), "{read:?}");
    // The details are in the database and still answer.
    assert_eq!(store.document_info(&first.id, now()).unwrap().pages, 1);
}

#[test]
fn a_pdf_file_no_row_names_is_removed_by_the_next_import_and_no_other() {
    let fx = Fixture::new();
    let (mut store, member) = fx.with_member(Some("shikaku-kenpo.pdf"));
    let [kept] = pdf_files(&fx.db()).try_into().unwrap();
    // What an import cut short by a crash leaves: a file no committed row names.
    let dir = kept.parent().unwrap();
    let stray = dir.join("0123456789abcdef0123456789abcdef");
    std::fs::write(&stray, b"sealed bytes of an import that never committed").unwrap();
    std::fs::write(dir.join("notes.txt"), b"not the store's").unwrap();
    // Reading changes nothing on disk.
    store.document(&member.id).unwrap();
    assert_eq!(pdf_files(&fx.db()).len(), 3);
    store
        .import_document(&member.id, &fixture("shikaku-kokuho.pdf"), now())
        .unwrap();
    let left = pdf_files(&fx.db());
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left.contains(&kept));
    assert_eq!(
        store.document(&member.id).unwrap().as_slice(),
        fixture("shikaku-kokuho.pdf").as_slice()
    );
}

#[test]
fn a_missing_key_is_vault_locked_a_wrong_one_a_key_mismatch_and_nothing_changes() {
    let fx = Fixture::new();
    let (store, member) = fx.with_member(Some("shikaku-kenpo.pdf"));
    drop(store);

    let empty = MemorySecretStore::default();
    assert!(matches!(
        Store::open(&fx.db(), &empty),
        Err(Error::VaultLocked)
    ));
    // The locked attempt wrote no key.
    assert_eq!(empty.get_secret("anything".into()), Ok(None));

    let wrong = MemorySecretStore::default();
    for file in files_under(&fx.dir.path().join("keys")) {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        wrong.set_secret(name, vec![7; 32]).unwrap();
    }
    assert!(matches!(
        Store::open(&fx.db(), &wrong),
        Err(Error::KeyMismatch)
    ));

    let store = fx.open();
    assert_eq!(store.members().unwrap().members.len(), 1);
    assert_eq!(
        store.document(&member.id).unwrap().as_slice(),
        fixture("shikaku-kenpo.pdf").as_slice()
    );
}

#[test]
fn two_versions_are_kept_and_the_member_can_go_back() {
    let fx = Fixture::new();
    let (mut store, member) = fx.with_member(None);
    let first = fixture("shikaku-kenpo.pdf");
    let second = fixture("shikaku-kokuho.pdf");
    let third = fixture("shikaku-unknown-layout.pdf");
    store.import_document(&member.id, &first, now()).unwrap();
    assert_eq!(
        store
            .document_info(&member.id, now())
            .unwrap()
            .versions_kept,
        1
    );
    assert!(matches!(
        store.revert_document(&member.id, now()),
        Err(Error::NotFound { .. })
    ));
    store.import_document(&member.id, &second, now()).unwrap();
    store.import_document(&member.id, &third, now()).unwrap();
    assert_eq!(count(&fx.db(), "documents"), 2);
    // The first version's file went with its row.
    assert_eq!(pdf_files(&fx.db()).len(), 2);
    assert_eq!(
        store.document(&member.id).unwrap().as_slice(),
        third.as_slice()
    );
    let info = store.revert_document(&member.id, now()).unwrap();
    assert_eq!(info.versions_kept, 2);
    assert_eq!(
        store.document(&member.id).unwrap().as_slice(),
        second.as_slice()
    );
    store.revert_document(&member.id, now()).unwrap();
    assert_eq!(
        store.document(&member.id).unwrap().as_slice(),
        third.as_slice()
    );
}

#[test]
fn members_round_trip_update_and_remove() {
    let fx = Fixture::new();
    let mut store = fx.open();
    let mut member = store.add_member(draft("山田 太郎"), now()).unwrap();
    store
        .import_document(&member.id, &fixture("shikaku-kenpo.pdf"), now())
        .unwrap();
    assert_eq!(store.member(&member.id).unwrap(), member);
    assert_eq!(
        store.document_info(&member.id, now()).unwrap().staleness,
        Staleness::Fresh
    );
    // New facts: the PDF predates them.
    member.facts.moved_on = NaiveDate::from_ymd_opt(2026, 11, 20);
    let later = now() + chrono::Duration::hours(1);
    store.update_member(&member, later).unwrap();
    assert_eq!(
        store.document_info(&member.id, later).unwrap().staleness,
        Staleness::OlderThanFactsChange
    );
    // A year on it is simply old.
    let next_year = now() + chrono::Duration::days(400);
    assert_eq!(
        store
            .document_info(&member.id, next_year)
            .unwrap()
            .staleness,
        Staleness::OlderThanTwelveMonths
    );

    let mut bad = draft("");
    assert!(
        matches!(store.add_member(bad.clone(), now()), Err(Error::InvalidInput { field, .. }) if field == Field::DisplayName)
    );
    bad.display_name = "x".into();
    bad.facts.card_issued_on = NaiveDate::from_ymd_opt(1900, 1, 1);
    assert!(
        matches!(store.add_member(bad, now()), Err(Error::InvalidInput { field, .. }) if field == Field::CardIssuedOn)
    );

    store.remove_member(&member.id).unwrap();
    assert!(matches!(
        store.member(&member.id),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(count(&fx.db(), "documents"), 0);
    assert!(matches!(
        store.remove_member(&member.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn typed_fields_are_checked_and_kept() {
    let fx = Fixture::new();
    let (mut store, member) = fx.with_member(None);
    store
        .import_document(&member.id, &fixture("shikaku-unknown-layout.pdf"), now())
        .unwrap();
    let mut fields = shikaku_core::vault::DocumentFields {
        insurer_number: Some("123456789018".into()),
        ..Default::default()
    };
    let refused = store
        .set_document_fields(&member.id, fields.clone(), now())
        .unwrap_err();
    assert!(
        matches!(&refused, Error::InvalidInput { field, reason } if *field == Field::InsurerNumber && *reason == Reason::MyNumberRefused),
        "{refused:?}"
    );
    fields.insurer_number = Some("06139992".into());
    fields.symbol = Some("4123".into());
    let info = store
        .set_document_fields(&member.id, fields.clone(), now())
        .unwrap();
    assert!(info.fields_confirmed);
    assert_eq!(info.fields, fields);
}

#[test]
fn staleness_counts_from_the_output_date_and_follows_the_birthdays_of_r13() {
    let fx = Fixture::new();
    let mut store = fx.open();
    let member = store.add_member(draft("山田 太郎"), now()).unwrap();
    // The kenpo fixture states 出力日 2026-11-01; it is imported on 2026-11-21.
    let info = store
        .import_document(&member.id, &fixture("shikaku-kenpo.pdf"), now())
        .unwrap()
        .info;
    assert_eq!(info.fields.issued_on, NaiveDate::from_ymd_opt(2026, 11, 1));
    let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 3, 0, 0).single().unwrap();
    assert_eq!(
        store
            .document_info(&member.id, at(2027, 10, 31))
            .unwrap()
            .staleness,
        Staleness::Fresh
    );
    // Twelve months after the 出力日, not after the import.
    assert_eq!(
        store
            .document_info(&member.id, at(2027, 11, 10))
            .unwrap()
            .staleness,
        Staleness::OlderThanTwelveMonths
    );
    let timings = store.document_timings().unwrap();
    assert_eq!(
        timings[&member.id].output_on,
        NaiveDate::from_ymd_opt(2026, 11, 1)
    );

    // Someone who turns 75 on 2026-12-10: the PDF made before is stale from that day.
    let mut elder = draft("山田 一郎");
    elder.facts = Facts::born_on(NaiveDate::from_ymd_opt(1951, 12, 10).unwrap());
    let elder = store.add_member(elder, now()).unwrap();
    store
        .import_document(&elder.id, &fixture("shikaku-kenpo.pdf"), now())
        .unwrap();
    assert_eq!(
        store
            .document_info(&elder.id, at(2026, 12, 9))
            .unwrap()
            .staleness,
        Staleness::Fresh
    );
    assert_eq!(
        store
            .document_info(&elder.id, at(2026, 12, 10))
            .unwrap()
            .staleness,
        Staleness::OlderThanInsuranceChange
    );
    // Their dependent's PDF too.
    let mut dependent = draft("山田 花子");
    dependent.dependent_of = Some(elder.id.clone());
    let dependent = store.add_member(dependent, now()).unwrap();
    store
        .import_document(&dependent.id, &fixture("shikaku-kenpo.pdf"), now())
        .unwrap();
    assert_eq!(
        store
            .document_info(&dependent.id, at(2026, 12, 10))
            .unwrap()
            .staleness,
        Staleness::OlderThanInsuranceChange
    );
}
