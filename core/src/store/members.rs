//! The household's members: sealed records bound to their revision, checked against
//! the manifest. A list shows every member that opens and names the others as damaged
//! ([`MemberListing`]), so one damaged record does not hide the household.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::manifest::{Manifest, MemberEntry};
use super::{Store, aad, random_id, to_json, unix_seconds};
use crate::error::{Entity, Error, Result};
use crate::household::damaged::{MemberDamage, MemberListing};
use crate::household::{Member, MemberDraft};
use crate::vault::seal::Key;

/// A member's row as stored.
struct MemberRow {
    id: String,
    position: i64,
    sealed: Vec<u8>,
    revision: i64,
    facts_changed_at: Option<i64>,
}

/// The rows of every member, in the order they were added (`only`: the row of that
/// member, if any). The order is made here rather than by SQL: a plain query is
/// compiled faster on a connection just opened, as at the counter.
fn member_rows(connection: &Connection, only: Option<&str>) -> Result<Vec<MemberRow>> {
    let mut statement = connection.prepare_cached(match only {
        None => "SELECT id, position, sealed, revision, facts_changed_at FROM members",
        Some(_) => {
            "SELECT id, position, sealed, revision, facts_changed_at FROM members WHERE id = ?1"
        }
    })?;
    let rows = statement.query_map(rusqlite::params_from_iter(only), |row| {
        Ok(MemberRow {
            id: row.get(0)?,
            position: row.get(1)?,
            sealed: row.get(2)?,
            revision: row.get(3)?,
            facts_changed_at: row.get(4)?,
        })
    })?;
    let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    // Ids are unique: no two rows compare equal.
    rows.sort_unstable_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    Ok(rows)
}

/// Opens a member's row, checked against the manifest.
fn open_member(key: &Key, manifest: &Manifest, row: MemberRow) -> Result<Member, MemberDamage> {
    let listed = manifest.members.get(&row.id);
    if listed
        != Some(&MemberEntry {
            revision: row.revision,
            facts_changed_at: row.facts_changed_at,
        })
    {
        return Err(MemberDamage::Outdated);
    }
    let plain = key
        .open_owned(&aad::member(&row.id, row.revision), row.sealed, "")
        .map_err(|_| MemberDamage::Unreadable)?;
    let draft: MemberDraft =
        serde_json::from_slice(&plain).map_err(|_| MemberDamage::Unreadable)?;
    Ok(draft.into_member(row.id))
}

fn damage_error(id: &str, damage: MemberDamage) -> Error {
    let what = match damage {
        MemberDamage::Unreadable => "does not open",
        MemberDamage::Outdated => "is not the copy last written",
        MemberDamage::Missing => "is missing",
    };
    Error::Integrity {
        what: format!("the record of member {id} {what}"),
    }
}

fn seal_member(key: &Key, id: &str, revision: i64, draft: &MemberDraft) -> Result<Vec<u8>> {
    key.seal(&aad::member(id, revision), &to_json(draft)?)
}

/// Every member that opens, in the order they were added, and the damaged ones.
pub(super) fn listing_in(
    connection: &Connection,
    key: &Key,
    manifest: &Manifest,
) -> Result<MemberListing> {
    let mut listing = MemberListing::default();
    let rows = member_rows(connection, None)?;
    for id in manifest.members.keys() {
        if !rows.iter().any(|row| &row.id == id) {
            listing.damaged.push((id.clone(), MemberDamage::Missing));
        }
    }
    for row in rows {
        let id = row.id.clone();
        match open_member(key, manifest, row) {
            Ok(member) => listing.members.push(member),
            Err(damage) => listing.damaged.push((id, damage)),
        }
    }
    Ok(listing)
}

/// The member `id` of a listing; a damaged one is an [`Error::Integrity`].
pub(super) fn member_of(listing: &MemberListing, id: &str) -> Result<Member> {
    if let Some(member) = listing.members.iter().find(|member| member.id == id) {
        return Ok(member.clone());
    }
    match listing.damaged.iter().find(|(damaged, _)| damaged == id) {
        Some((_, damage)) => Err(damage_error(id, *damage)),
        None => Err(Error::not_found(Entity::Member)),
    }
}

impl Store {
    /// Every member that opens, in the order they were added, and the damaged ones.
    pub fn members(&self) -> Result<MemberListing> {
        self.read(|connection, manifest| listing_in(connection, &self.key, manifest))
    }

    /// One member; a damaged record is an [`Error::Integrity`].
    pub fn member(&self, id: &str) -> Result<Member> {
        self.read(|connection, manifest| {
            let row = member_rows(connection, Some(id))?.into_iter().next();
            match row {
                Some(row) => {
                    open_member(&self.key, manifest, row).map_err(|damage| damage_error(id, damage))
                }
                None if manifest.members.contains_key(id) => {
                    Err(damage_error(id, MemberDamage::Missing))
                }
                None => Err(Error::not_found(Entity::Member)),
            }
        })
    }

    /// Adds a member; returns them with their new id.
    pub fn add_member(&mut self, draft: MemberDraft, now: DateTime<Utc>) -> Result<Member> {
        draft.validate()?;
        let id = random_id(8)?;
        let at = unix_seconds(now);
        let member = draft.clone().into_member(id.clone());
        self.write(|transaction, key, manifest| {
            member.validate_in(|other| manifest.members.contains_key(other))?;
            let revision = manifest.next_revision();
            let sealed = seal_member(key, &id, revision, &draft)?;
            let position: i64 = transaction.query_row(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM members",
                [],
                |row| row.get(0),
            )?;
            transaction.execute(
                "INSERT INTO members
                     (id, position, sealed, created_at, updated_at, facts_changed_at, revision)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?4, ?5)",
                params![id, position, sealed, at, revision],
            )?;
            manifest.members.insert(
                id.clone(),
                MemberEntry {
                    revision,
                    facts_changed_at: Some(at),
                },
            );
            Ok(())
        })?;
        Ok(member)
    }

    /// Replaces a member's details; a change of facts makes their document stale.
    pub fn update_member(&mut self, member: &Member, now: DateTime<Utc>) -> Result<()> {
        let draft = member.to_draft();
        draft.validate()?;
        let previous = self.member(&member.id)?;
        let facts_changed = previous.facts != member.facts;
        let at = unix_seconds(now);
        self.write(|transaction, key, manifest| {
            let entry = manifest
                .members
                .get(&member.id)
                .cloned()
                .ok_or_else(|| Error::not_found(Entity::Member))?;
            member.validate_in(|other| manifest.members.contains_key(other))?;
            let revision = manifest.next_revision();
            let facts_changed_at = if facts_changed {
                Some(at)
            } else {
                entry.facts_changed_at
            };
            let sealed = seal_member(key, &member.id, revision, &draft)?;
            transaction.execute(
                "UPDATE members SET sealed = ?2, updated_at = ?3, facts_changed_at = ?4,
                     revision = ?5
                 WHERE id = ?1",
                params![member.id, sealed, at, facts_changed_at, revision],
            )?;
            manifest.members.insert(
                member.id.clone(),
                MemberEntry {
                    revision,
                    facts_changed_at,
                },
            );
            Ok(())
        })
    }

    /// Removes a member and their documents; the removed records are overwritten.
    pub fn remove_member(&mut self, id: &str) -> Result<()> {
        let documents = self.write(|transaction, _, manifest| {
            let documents: Vec<String> = manifest
                .documents
                .iter()
                .filter(|(_, entry)| entry.member_id == id)
                .map(|(document_id, _)| document_id.clone())
                .collect();
            let removed = transaction.execute("DELETE FROM members WHERE id = ?1", [id])?;
            if removed == 0 && manifest.members.remove(id).is_none() {
                return Err(Error::not_found(Entity::Member));
            }
            manifest.members.remove(id);
            manifest.documents.retain(|_, entry| entry.member_id != id);
            Ok(documents)
        })?;
        // The rows (and the keys of the PDFs) are gone: the files follow.
        self.pdfs.remove(&documents);
        self.checkpoint_after_removal()
    }
}
