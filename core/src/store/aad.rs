//! The associated data of every sealed blob: what it is and whose it is, so a blob
//! copied to another row, member, document, version or revision does not open.

/// A member's record at its revision.
pub(super) fn member(member_id: &str, revision: i64) -> Vec<u8> {
    format!("shikaku:member:v2:{member_id}:{revision}").into_bytes()
}

/// A document version's own key, wrapped by the master key.
pub(super) fn document_key(member_id: &str, document_id: &str) -> Vec<u8> {
    format!("shikaku:document-key:v2:{member_id}:{document_id}").into_bytes()
}

/// A document version's PDF, sealed with its own key.
pub(super) fn document_pdf(member_id: &str, document_id: &str) -> Vec<u8> {
    format!("shikaku:document-pdf:v2:{member_id}:{document_id}").into_bytes()
}

/// What is known of a document version, bound to the clear columns beside it (its
/// version number and import time) and its revision.
pub(super) fn document_info(
    member_id: &str,
    document_id: &str,
    version: i64,
    imported_at: i64,
    revision: i64,
) -> Vec<u8> {
    format!("shikaku:document-info:v2:{member_id}:{document_id}:{version}:{imported_at}:{revision}")
        .into_bytes()
}

/// The proof that the master key is this store's.
pub(super) fn key_check(store_id: &str) -> Vec<u8> {
    format!("shikaku:key-check:v2:{store_id}").into_bytes()
}

/// The store's manifest.
pub(super) fn manifest(store_id: &str) -> Vec<u8> {
    format!("shikaku:manifest:v1:{store_id}").into_bytes()
}

/// Acknowledged and snoozed reminders.
pub(super) const REMINDER_STATE: &[u8] = b"shikaku:reminder-state:v2";

/// The associated data of format-1 blobs (schema 1 and 2), read once by the migration.
pub(super) mod format_1 {
    pub(in crate::store) fn member(member_id: &str) -> Vec<u8> {
        format!("shikaku:member:v1:{member_id}").into_bytes()
    }

    /// `part` is `key`, `pdf` or `info`.
    pub(in crate::store) fn document(part: &str, member_id: &str, document_id: &str) -> Vec<u8> {
        format!("shikaku:document-{part}:v1:{member_id}:{document_id}").into_bytes()
    }

    pub(in crate::store) fn key_check(store_id: &str) -> Vec<u8> {
        format!("shikaku:key-check:v1:{store_id}").into_bytes()
    }

    pub(in crate::store) const REMINDER_STATE: &[u8] = b"shikaku:reminder-state:v1";
}
