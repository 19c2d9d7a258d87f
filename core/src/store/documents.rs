//! The members' 資格情報 PDFs: each version sealed under its own fresh key (wrapped by
//! the master key), its details sealed beside it bound to the row's version, import time
//! and revision, and every version listed in the manifest. The last two versions are
//! kept, so the member can go back. The sealed PDF is a file of its own (`pdf_files`),
//! written before its row commits and unlinked after the row is removed.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::manifest::{DocumentEntry, Manifest};
use super::members::{listing_in, member_of};
use super::pdf_files::PdfFiles;
use super::{Store, aad, from_unix_seconds, json_error, random_id, to_json, unix_seconds};
use crate::error::{Entity, Error, Result};
use crate::household::{Member, insurance_change_days};
use crate::vault::seal::{Key, Plaintext};
use crate::vault::{
    CheckedDocument, DocumentFields, DocumentInfo, DocumentTiming, FieldWarning, ImportReport,
    check_document,
};

/// How many versions of a member's document are kept.
pub const KEPT_DOCUMENT_VERSIONS: i64 = 2;

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

/// A member with their household and current document, as one snapshot holds them.
#[derive(Debug)]
pub struct MemberWithDocument {
    pub member: Member,
    /// Every member of the household that opens (the member among them).
    pub household: Vec<Member>,
    pub document: Option<DocumentInfo>,
    /// The current document's PDF, decrypted, when it was asked for and there is one.
    pub pdf: Option<Plaintext>,
}

/// Whether a read of a member ([`Store::member_with_document`]) decrypts their PDF too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithPdf {
    No,
    Yes,
}

/// A document version's row (its sealed PDF is the file named by its id).
struct DocumentRow {
    id: String,
    version: i64,
    imported_at: i64,
    revision: i64,
    wrapped_key: Vec<u8>,
    sealed_info: Vec<u8>,
}

impl DocumentRow {
    fn entry(&self, member_id: &str) -> DocumentEntry {
        DocumentEntry {
            member_id: member_id.to_owned(),
            version: self.version,
            imported_at: self.imported_at,
            revision: self.revision,
        }
    }

    fn info_aad(&self, member_id: &str) -> Vec<u8> {
        aad::document_info(
            member_id,
            &self.id,
            self.version,
            self.imported_at,
            self.revision,
        )
    }
}

fn integrity(what: String) -> Error {
    Error::Integrity { what }
}

/// The member's document rows, oldest version first (ordered here: see `member_rows`).
fn document_rows(connection: &Connection, member_id: &str) -> Result<Vec<DocumentRow>> {
    let mut statement = connection.prepare_cached(
        "SELECT id, version, imported_at, revision, wrapped_key, sealed_info
         FROM documents WHERE member_id = ?1",
    )?;
    let rows = statement.query_map([member_id], |row| {
        Ok(DocumentRow {
            id: row.get(0)?,
            version: row.get(1)?,
            imported_at: row.get(2)?,
            revision: row.get(3)?,
            wrapped_key: row.get(4)?,
            sealed_info: row.get(5)?,
        })
    })?;
    let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    // UNIQUE (member_id, version): no two rows compare equal.
    rows.sort_unstable_by_key(|row| row.version);
    Ok(rows)
}

/// The member's document versions, oldest first, each matched with the manifest: a row
/// deleted, added, renumbered or with a moved import time is an integrity error.
fn checked_rows(
    connection: &Connection,
    manifest: &Manifest,
    member_id: &str,
) -> Result<Vec<DocumentRow>> {
    if !manifest.members.contains_key(member_id) {
        return Err(Error::not_found(Entity::Member));
    }
    let rows = document_rows(connection, member_id)?;
    let listed: Vec<_> = manifest.documents_of(member_id).collect();
    let matches = rows.len() == listed.len()
        && rows
            .iter()
            .zip(&listed)
            .all(|(row, (id, entry))| &row.id == *id && row.entry(member_id) == **entry);
    if !matches {
        return Err(integrity(format!(
            "the documents of member {member_id} are not the ones last written"
        )));
    }
    Ok(rows)
}

/// The member's current (newest) document row.
fn current_row(
    connection: &Connection,
    manifest: &Manifest,
    member_id: &str,
) -> Result<(DocumentRow, u32)> {
    let mut rows = checked_rows(connection, manifest, member_id)?;
    let kept = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let current = rows
        .pop()
        .ok_or_else(|| Error::not_found(Entity::Document))?;
    Ok((current, kept))
}

fn open_info(key: &Key, member_id: &str, row: &DocumentRow) -> Result<SealedInfo> {
    let plain = key.open(
        &row.info_aad(member_id),
        &row.sealed_info,
        &format!("document details of member {member_id}"),
    )?;
    serde_json::from_slice(&plain).map_err(json_error)
}

fn seal_info(key: &Key, member_id: &str, row: &DocumentRow, info: &SealedInfo) -> Result<Vec<u8>> {
    key.seal(&row.info_aad(member_id), &to_json(info)?)
}

/// Reads a sealed PDF from its file in one read and decrypts it where it lies.
fn read_pdf(pdfs: &PdfFiles, key: &Key, member_id: &str, row: &DocumentRow) -> Result<Plaintext> {
    let what = format!("document of member {member_id}");
    let key_bytes = key.open(
        &aad::document_key(member_id, &row.id),
        &row.wrapped_key,
        &what,
    )?;
    let document_key = Key::from_slice(&key_bytes)?;
    let sealed = pdfs
        .read(&row.id)?
        .ok_or_else(|| integrity(format!("the PDF of member {member_id} is missing")))?;
    document_key.open_owned(&aad::document_pdf(member_id, &row.id), sealed, &what)
}

/// The ids of every document row, the files a sweep keeps.
fn document_ids(connection: &Connection) -> Result<HashSet<String>> {
    let mut statement = connection.prepare("SELECT id FROM documents")?;
    let ids = statement.query_map([], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Imports `bytes` as the member's 資格情報 PDF. The PDF is checked, read and sealed
    /// before anything is written; the new version and the pruning of older ones are one
    /// transaction, so the previous document stays until the new one is committed.
    pub fn import_document(
        &mut self,
        member_id: &str,
        bytes: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ImportReport> {
        self.member(member_id)?;
        let CheckedDocument {
            pages,
            byte_len,
            sha256,
            extraction,
        } = check_document(bytes)?;
        let document_id = random_id(16)?;
        let document_key = Key::generate()?;
        let sealed_pdf = document_key.seal(&aad::document_pdf(member_id, &document_id), bytes)?;
        let wrapped_key = self.key.seal(
            &aad::document_key(member_id, &document_id),
            &document_key.to_vec(),
        )?;
        let info = SealedInfo {
            pages,
            byte_len,
            sha256,
            fields: extraction.fields,
            warnings: extraction.warnings,
            fields_confirmed: false,
        };
        let imported_at = unix_seconds(now);
        let pdfs = self.pdfs.clone();
        let written = self.write(|transaction, key, manifest| {
            let rows = checked_rows(transaction, manifest, member_id)?;
            // Under the write lock: no other writer is between its file and its commit.
            pdfs.sweep(&document_ids(transaction)?)?;
            pdfs.write(&document_id, &sealed_pdf)?;
            let version = rows.last().map_or(0, |row| row.version) + 1;
            let row = DocumentRow {
                id: document_id.clone(),
                version,
                imported_at,
                revision: manifest.next_revision(),
                wrapped_key,
                sealed_info: Vec::new(),
            };
            transaction.execute(
                "INSERT INTO documents (id, member_id, version, imported_at, wrapped_key,
                     sealed_info, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    row.id,
                    member_id,
                    row.version,
                    row.imported_at,
                    row.wrapped_key,
                    seal_info(key, member_id, &row, &info)?,
                    row.revision
                ],
            )?;
            manifest
                .documents
                .insert(row.id.clone(), row.entry(member_id));
            let mut pruned = Vec::new();
            for old in rows
                .iter()
                .filter(|old| old.version <= version - KEPT_DOCUMENT_VERSIONS)
            {
                transaction.execute("DELETE FROM documents WHERE id = ?1", [&old.id])?;
                manifest.documents.remove(&old.id);
                pruned.push(old.id.clone());
            }
            Ok((!rows.is_empty(), pruned))
        });
        let (replaced_previous, pruned) = match written {
            Ok(written) => written,
            Err(error) => {
                // The row did not commit: its file goes too (a sweep would, later).
                self.pdfs.remove([&document_id]);
                return Err(error);
            }
        };
        if !pruned.is_empty() {
            self.pdfs.remove(&pruned);
            self.checkpoint_after_removal()?;
        }
        Ok(ImportReport {
            info: self.document_info(member_id, now)?,
            replaced_previous,
        })
    }

    /// The member's current PDF, decrypted in memory (wiped when dropped).
    pub fn document(&self, member_id: &str) -> Result<Plaintext> {
        self.read(|connection, manifest| {
            let (row, _) = current_row(connection, manifest, member_id)?;
            read_pdf(&self.pdfs, &self.key, member_id, &row)
        })
    }

    /// What is known about the member's current document, judged at `now`: stale 12
    /// months after its 出力日 (else its import), after a change of the member's facts,
    /// or from a change of insurance (R13).
    pub fn document_info(&self, member_id: &str, now: DateTime<Utc>) -> Result<DocumentInfo> {
        self.read(|connection, manifest| {
            let household = listing_in(connection, &self.key, manifest)?.members;
            self.document_info_in(connection, manifest, member_id, &household, now)
        })
    }

    /// A member, the household's members that open, and the member's current document
    /// (`None` without one) with, when `with_pdf` asks, its PDF: read in one snapshot.
    pub fn member_with_document(
        &self,
        member_id: &str,
        now: DateTime<Utc>,
        with_pdf: WithPdf,
    ) -> Result<MemberWithDocument> {
        self.read(|connection, manifest| {
            let listing = listing_in(connection, &self.key, manifest)?;
            let member = member_of(&listing, member_id)?;
            let (document, pdf) = match current_row(connection, manifest, member_id) {
                Ok((row, versions_kept)) => {
                    let pdf = match with_pdf {
                        WithPdf::Yes => Some(read_pdf(&self.pdfs, &self.key, member_id, &row)?),
                        WithPdf::No => None,
                    };
                    let info = self.document_info_of(
                        manifest,
                        member_id,
                        &listing.members,
                        row,
                        versions_kept,
                        now,
                    )?;
                    (Some(info), pdf)
                }
                Err(Error::NotFound { .. }) => (None, None),
                Err(error) => return Err(error),
            };
            Ok(MemberWithDocument {
                member,
                household: listing.members,
                document,
                pdf,
            })
        })
    }

    fn document_info_in(
        &self,
        connection: &Connection,
        manifest: &Manifest,
        member_id: &str,
        household: &[Member],
        now: DateTime<Utc>,
    ) -> Result<DocumentInfo> {
        let (row, versions_kept) = current_row(connection, manifest, member_id)?;
        self.document_info_of(manifest, member_id, household, row, versions_kept, now)
    }

    /// What is known of the document `row` (the member's current one, of
    /// `versions_kept`), judged at `now`.
    fn document_info_of(
        &self,
        manifest: &Manifest,
        member_id: &str,
        household: &[Member],
        row: DocumentRow,
        versions_kept: u32,
        now: DateTime<Utc>,
    ) -> Result<DocumentInfo> {
        // R13: the days the member's 資格情報 changes with their age or their insured
        // member's (none for a member who cannot be read).
        let insurance_changes = household
            .iter()
            .find(|member| member.id == member_id)
            .map(|member| insurance_change_days(member, household))
            .unwrap_or_default();
        let info = open_info(&self.key, member_id, &row)?;
        let facts_changed_at = manifest
            .members
            .get(member_id)
            .and_then(|entry| entry.facts_changed_at)
            .map(from_unix_seconds);
        let imported_at = from_unix_seconds(row.imported_at);
        let timing = DocumentTiming {
            imported_at,
            output_on: info.fields.issued_on,
            facts_changed_at,
        };
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
            staleness: timing.staleness(&insurance_changes, now),
            versions_kept,
        })
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
        self.write(|transaction, key, manifest| {
            let (mut row, _) = current_row(transaction, manifest, member_id)?;
            let mut info = open_info(key, member_id, &row)?;
            info.fields = fields;
            info.warnings.clear();
            info.fields_confirmed = true;
            row.revision = manifest.next_revision();
            transaction.execute(
                "UPDATE documents SET sealed_info = ?2, revision = ?3 WHERE id = ?1",
                params![
                    row.id,
                    seal_info(key, member_id, &row, &info)?,
                    row.revision
                ],
            )?;
            manifest
                .documents
                .insert(row.id.clone(), row.entry(member_id));
            Ok(())
        })?;
        self.document_info(member_id, now)
    }

    /// Makes the previous version current again (and the current one previous).
    pub fn revert_document(&mut self, member_id: &str, now: DateTime<Utc>) -> Result<DocumentInfo> {
        self.write(|transaction, key, manifest| {
            let rows = checked_rows(transaction, manifest, member_id)?;
            let [previous, current] = rows.as_slice() else {
                return Err(Error::not_found(Entity::PreviousDocument));
            };
            let infos = [
                open_info(key, member_id, previous)?,
                open_info(key, member_id, current)?,
            ];
            // Swap the two version numbers through a free one (UNIQUE (member_id, version)).
            transaction.execute(
                "UPDATE documents SET version = 0 WHERE id = ?1",
                [&current.id],
            )?;
            for (row, info, version) in [
                (previous, &infos[0], current.version),
                (current, &infos[1], previous.version),
            ] {
                let moved = DocumentRow {
                    version,
                    revision: manifest.next_revision(),
                    id: row.id.clone(),
                    imported_at: row.imported_at,
                    wrapped_key: Vec::new(),
                    sealed_info: Vec::new(),
                };
                transaction.execute(
                    "UPDATE documents SET version = ?2, sealed_info = ?3, revision = ?4
                     WHERE id = ?1",
                    params![
                        moved.id,
                        moved.version,
                        seal_info(key, member_id, &moved, info)?,
                        moved.revision
                    ],
                )?;
                manifest
                    .documents
                    .insert(moved.id.clone(), moved.entry(member_id));
            }
            Ok(())
        })?;
        self.document_info(member_id, now)
    }

    /// When each member's current document was made (the 出力日 it states) and imported,
    /// and when their facts changed (from the manifest, which the rows are checked
    /// against, and the document's sealed details).
    pub fn document_timings(&self) -> Result<HashMap<String, DocumentTiming>> {
        self.read(|connection, manifest| {
            let mut timings = HashMap::new();
            for (id, member) in &manifest.members {
                let Some((_, document)) = manifest.current_document(id) else {
                    continue;
                };
                let (row, _) = current_row(connection, manifest, id)?;
                let info = open_info(&self.key, id, &row)?;
                timings.insert(
                    id.clone(),
                    DocumentTiming {
                        imported_at: from_unix_seconds(document.imported_at),
                        output_on: info.fields.issued_on,
                        facts_changed_at: member.facts_changed_at.map(from_unix_seconds),
                    },
                );
            }
            Ok(timings)
        })
    }
}
