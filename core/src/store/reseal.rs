//! Schema 3's step that needs the key: every format-1 blob (XChaCha20-Poly1305, no
//! format byte) is opened and sealed again in format 2, bound to its row's new revision,
//! each document version under a fresh key; the manifest lists what was sealed. It runs
//! inside the migration's transaction: one blob that does not open fails the whole
//! migration and the database stays at its earlier version, untouched.

use rusqlite::{Transaction, params};

use super::aad;
use super::manifest::{DocumentEntry, Manifest, MemberEntry};
use super::settings::{SETTING_REMINDER_STATE, read_setting, write_setting};
use crate::error::Result;
use crate::vault::seal::Key;

struct FormatOneDocument {
    id: String,
    member_id: String,
    version: i64,
    imported_at: i64,
    wrapped_key: Vec<u8>,
    sealed_pdf: Vec<u8>,
    sealed_info: Vec<u8>,
}

/// Seals every blob of a format-1 store again in format 2; returns the new manifest.
pub(super) fn format_1_to_2(transaction: &Transaction<'_>, key: &Key) -> Result<Manifest> {
    let mut manifest = Manifest::default();
    let members = {
        let mut statement = transaction
            .prepare("SELECT id, sealed, facts_changed_at FROM members ORDER BY position, id")?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Vec<u8>>(1)?,
                row.get::<_, Option<i64>>(2)?,
            ))
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for (id, sealed, facts_changed_at) in members {
        let what = format!("member {id}");
        let plain = key.open_format_1(&aad::format_1::member(&id), &sealed, &what)?;
        let revision = manifest.next_revision();
        let sealed = key.seal(&aad::member(&id, revision), &plain)?;
        transaction.execute(
            "UPDATE members SET sealed = ?2, revision = ?3 WHERE id = ?1",
            params![id, sealed, revision],
        )?;
        manifest.members.insert(
            id,
            MemberEntry {
                revision,
                facts_changed_at,
            },
        );
    }

    let documents = {
        let mut statement = transaction.prepare(
            "SELECT id, member_id, version, imported_at, wrapped_key, p.sealed, sealed_info
             FROM documents JOIN document_pdfs p ON p.document_id = id
             ORDER BY member_id, version",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(FormatOneDocument {
                id: row.get(0)?,
                member_id: row.get(1)?,
                version: row.get(2)?,
                imported_at: row.get(3)?,
                wrapped_key: row.get(4)?,
                sealed_pdf: row.get(5)?,
                sealed_info: row.get(6)?,
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for document in documents {
        let FormatOneDocument {
            id,
            member_id,
            version,
            imported_at,
            ..
        } = &document;
        let what = format!("document of member {member_id}");
        let old_key = Key::from_slice(&key.open_format_1(
            &aad::format_1::document("key", member_id, id),
            &document.wrapped_key,
            &what,
        )?)?;
        let pdf = old_key.open_format_1(
            &aad::format_1::document("pdf", member_id, id),
            &document.sealed_pdf,
            &what,
        )?;
        let info = key.open_format_1(
            &aad::format_1::document("info", member_id, id),
            &document.sealed_info,
            &what,
        )?;
        let revision = manifest.next_revision();
        let new_key = Key::generate()?;
        let sealed_pdf = new_key.seal(&aad::document_pdf(member_id, id), &pdf)?;
        let wrapped_key = key.seal(&aad::document_key(member_id, id), &new_key.to_vec())?;
        let sealed_info = key.seal(
            &aad::document_info(member_id, id, *version, *imported_at, revision),
            &info,
        )?;
        transaction.execute(
            "UPDATE documents SET wrapped_key = ?2, sealed_info = ?3, revision = ?4
             WHERE id = ?1",
            params![id, wrapped_key, sealed_info, revision],
        )?;
        transaction.execute(
            "UPDATE document_pdfs SET sealed = ?2 WHERE document_id = ?1",
            params![id, sealed_pdf],
        )?;
        manifest.documents.insert(
            id.clone(),
            DocumentEntry {
                member_id: member_id.clone(),
                version: *version,
                imported_at: *imported_at,
                revision,
            },
        );
    }

    if let Some(sealed) = read_setting(transaction, SETTING_REMINDER_STATE)? {
        let plain = key.open_format_1(aad::format_1::REMINDER_STATE, &sealed, "reminder state")?;
        let sealed = key.seal(aad::REMINDER_STATE, &plain)?;
        write_setting(transaction, SETTING_REMINDER_STATE, &sealed)?;
    }
    Ok(manifest)
}
