//! The sealed manifest: every member and document the store holds, with the counter of
//! its last write and the clear columns that matter (a document's version and import
//! time, a member's last change of facts). Each write updates it in the same
//! transaction; each read checks the rows against it, so a record rolled back to an
//! older copy, a deleted document row, swapped version numbers or a moved time are
//! detected rather than shown.

use std::collections::BTreeMap;

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::settings::{read_setting, write_setting};
use super::{aad, json_error, to_json};
use crate::error::{Error, Result};
use crate::vault::seal::Key;

const SETTING_MANIFEST: &str = "manifest";

/// A member as the manifest knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct MemberEntry {
    pub revision: i64,
    pub facts_changed_at: Option<i64>,
}

/// A document version as the manifest knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct DocumentEntry {
    pub member_id: String,
    pub version: i64,
    pub imported_at: i64,
    pub revision: i64,
}

/// Every member and document of the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Manifest {
    /// Counts every write; a record's revision is the count at its last write.
    counter: i64,
    pub members: BTreeMap<String, MemberEntry>,
    pub documents: BTreeMap<String, DocumentEntry>,
}

impl Manifest {
    /// The manifest of the store; a store of schema 3 or later without one was tampered
    /// with.
    pub fn read(connection: &Connection, key: &Key, store_id: &str) -> Result<Manifest> {
        let sealed =
            read_setting(connection, SETTING_MANIFEST)?.ok_or_else(|| Error::Integrity {
                what: "the store's manifest is missing".to_owned(),
            })?;
        let plain = key.open_owned(&aad::manifest(store_id), sealed, "the store's manifest")?;
        serde_json::from_slice(&plain).map_err(json_error)
    }

    /// Seals the manifest into the transaction.
    pub fn write(&self, transaction: &Transaction<'_>, key: &Key, store_id: &str) -> Result<()> {
        let sealed = key.seal(&aad::manifest(store_id), &to_json(self)?)?;
        write_setting(transaction, SETTING_MANIFEST, &sealed)
    }

    /// The revision of the write being made.
    pub fn next_revision(&mut self) -> i64 {
        self.counter += 1;
        self.counter
    }

    /// The member's document versions, oldest first.
    pub fn documents_of<'a>(
        &'a self,
        member_id: &'a str,
    ) -> impl Iterator<Item = (&'a String, &'a DocumentEntry)> + 'a {
        let mut versions: Vec<_> = self
            .documents
            .iter()
            .filter(|(_, entry)| entry.member_id == member_id)
            .collect();
        versions.sort_by_key(|(_, entry)| entry.version);
        versions.into_iter()
    }

    /// The member's current document (the highest version), if any.
    pub fn current_document<'a>(
        &'a self,
        member_id: &'a str,
    ) -> Option<(&'a String, &'a DocumentEntry)> {
        self.documents_of(member_id).last()
    }
}
