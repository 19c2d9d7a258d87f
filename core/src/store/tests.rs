//! Databases of every earlier schema version, built with raw SQL and format-1 blobs
//! (the stores real releases wrote are in `core/tests/store_upgrade.rs`).

use rusqlite::{Connection, params};

use super::settings::write_setting;
use super::*;
use crate::household::{MemberDraft, Relationship};
use crate::rules::Facts;
use crate::rules::dates::civil;
use crate::secrets::MemorySecretStore;
use crate::vault::seal::seal_format_1;

const MEMBER_ID: &str = "0123456789abcdef";
const STORE_ID: &str = "00112233aabbccdd";

/// A database at schema `version` holding one member, sealed in format 1.
fn old_store(path: &Path, version: u32, secrets: &dyn SecretStore) {
    let mut connection = Connection::open(path).unwrap();
    connection
        .pragma_update(None, "journal_mode", "WAL")
        .unwrap();
    schema::migrate_to(&mut connection, version).unwrap();
    let key = Key::generate().unwrap();
    secrets
        .set_secret(format!("shikaku-master-{STORE_ID}"), key.to_vec())
        .unwrap();
    let draft = MemberDraft {
        display_name: "旧版 花子".to_owned(),
        name_as_printed: None,
        relationship: Relationship::Child,
        facts: Facts::born_on(civil(2015, 3, 3)),
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    };
    let transaction = connection.transaction().unwrap();
    write_setting(&transaction, "store_id", STORE_ID.as_bytes()).unwrap();
    let check = seal_format_1(
        &key,
        &aad::format_1::key_check(STORE_ID),
        b"shikaku key check",
    );
    write_setting(&transaction, "key_check", &check.unwrap()).unwrap();
    let sealed = seal_format_1(
        &key,
        &aad::format_1::member(MEMBER_ID),
        &serde_json::to_vec(&draft).unwrap(),
    )
    .unwrap();
    let sql = match version {
        1 => {
            "INSERT INTO members (id, position, sealed, created_at, updated_at)
              VALUES (?1, 1, ?2, 1700000000, 1700000000)"
        }
        _ => {
            "INSERT INTO members (id, position, sealed, created_at, updated_at, facts_changed_at)
              VALUES (?1, 1, ?2, 1700000000, 1700000000, 1700000000)"
        }
    };
    transaction
        .execute(sql, params![MEMBER_ID, sealed])
        .unwrap();
    transaction.commit().unwrap();
}

#[test]
fn every_earlier_schema_version_upgrades_with_its_data() {
    for version in 1..schema::FORMAT_2_SCHEMA {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        let secrets = MemorySecretStore::default();
        old_store(&path, version, &secrets);
        let store = Store::open(&path, &secrets).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::latest_version());
        assert_eq!(store.member(MEMBER_ID).unwrap().display_name, "旧版 花子");
        let timings = store.read(|_, manifest| Ok(manifest.members[MEMBER_ID].clone()));
        assert_eq!(
            timings.unwrap().facts_changed_at,
            Some(1_700_000_000),
            "from version {version}"
        );
        assert_eq!(store.integrity_check().unwrap(), "ok");
        drop(store);
        // A wrong key is told apart from a missing one, in the old format too.
        let wrong = MemorySecretStore::default();
        let path_again = dir.path().join("again.sqlite3");
        old_store(&path_again, version, &MemorySecretStore::default());
        assert!(matches!(
            Store::open(&path_again, &wrong),
            Err(Error::VaultLocked)
        ));
        wrong
            .set_secret(format!("shikaku-master-{STORE_ID}"), vec![9; 32])
            .unwrap();
        assert!(matches!(
            Store::open(&path_again, &wrong),
            Err(Error::KeyMismatch)
        ));
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

#[test]
fn an_opened_store_overwrites_deletions_syncs_fully_and_checks_references() {
    // Built into SQLite (.cargo/config.toml) or set on opening: a build without them
    // would keep deleted records, lose a commit to a power cut or orphan documents.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("store.sqlite3"),
        &MemorySecretStore::default(),
    )
    .unwrap();
    let pragma = |name: &str| -> String {
        store
            .connection
            .query_row(&format!("PRAGMA {name}"), [], |row| {
                row.get::<_, rusqlite::types::Value>(0)
            })
            .map(|value| match value {
                rusqlite::types::Value::Integer(n) => n.to_string(),
                rusqlite::types::Value::Text(text) => text,
                other => format!("{other:?}"),
            })
            .unwrap()
    };
    assert_eq!(pragma("secure_delete"), "1");
    assert_eq!(pragma("synchronous"), "2");
    assert_eq!(pragma("foreign_keys"), "1");
    assert_eq!(pragma("journal_mode"), "delete");
}
