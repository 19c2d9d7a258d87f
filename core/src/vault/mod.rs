//! The document vault: a member's 医療保険の資格情報 PDF, checked, read for its fields,
//! and sealed.
//!
//! - [`pdf`]: what a PDF must be to be imported (header, size, a structure that reads
//!   as written, no password, no active content, pages, no マイナンバー in its text:
//!   R10) and its text with positions, within one budget.
//! - [`layout`]: the rows and cells that text stands in.
//! - [`fields`]: the fields read from those rows and their checks (R9, R10, R11).
//! - [`seal`]: AES-256-GCM or ChaCha20-Poly1305 (ring) with a random key per document
//!   version, wrapped by the master key from the [`crate::secrets::SecretStore`]; the
//!   associated data binds every blob
//!   to its member and document.
//!
//! Storing the sealed blobs is the [`crate::store`]'s work.

pub mod fields;
pub mod layout;
pub mod pdf;
pub mod seal;

use chrono::{DateTime, Months, Utc};
use ring::digest::{SHA256, digest};
use serde::{Deserialize, Serialize};

pub use fields::{DocumentFields, Extraction, FieldWarning};

use crate::error::Result;

/// How long a downloaded 資格情報 stays fresh.
pub const FRESH_FOR_MONTHS: u32 = 12;

/// A PDF that passed every check, with what was read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDocument {
    pub pages: u32,
    pub byte_len: u64,
    pub sha256: String,
    pub extraction: Extraction,
}

/// Checks `bytes` as a 資格情報 PDF and reads its fields (the slow part of an import,
/// done before any write).
pub fn check_document(bytes: &[u8]) -> Result<CheckedDocument> {
    let checked = pdf::check_pdf(bytes)?;
    Ok(CheckedDocument {
        pages: checked.pages,
        byte_len: bytes.len() as u64,
        sha256: hex(digest(&SHA256, bytes).as_ref()),
        extraction: fields::extract_from_layout(&checked.layout),
    })
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A member's current document, as a screen or `doc info` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DocumentInfo {
    pub document_id: String,
    pub member_id: String,
    pub version: i64,
    pub pages: u32,
    pub byte_len: u64,
    pub sha256: String,
    pub imported_at: DateTime<Utc>,
    pub fields: DocumentFields,
    pub warnings: Vec<FieldWarning>,
    /// Whether the member confirmed or typed the fields.
    pub fields_confirmed: bool,
    pub staleness: Staleness,
    /// How many versions are kept (1 or 2); with 2 the member can go back.
    pub versions_kept: u32,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ImportReport {
    pub info: DocumentInfo,
    /// Whether an earlier document was replaced (it is kept as the previous version).
    pub replaced_previous: bool,
}

/// Why a document should be downloaded again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Staleness {
    Fresh,
    /// Imported more than 12 months ago.
    OlderThanTwelveMonths,
    /// Imported before the member's facts last changed.
    OlderThanFactsChange,
}

/// Whether a document imported at `imported_at` is stale at `now`.
pub fn staleness(
    imported_at: DateTime<Utc>,
    facts_changed_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Staleness {
    let fresh_until = imported_at
        .checked_add_months(Months::new(FRESH_FOR_MONTHS))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    if now > fresh_until {
        Staleness::OlderThanTwelveMonths
    } else if facts_changed_at.is_some_and(|changed| changed > imported_at) {
        Staleness::OlderThanFactsChange
    } else {
        Staleness::Fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn staleness_rules() {
        let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).single().unwrap();
        let imported = at(2025, 11, 1);
        assert_eq!(staleness(imported, None, at(2026, 11, 1)), Staleness::Fresh);
        assert_eq!(
            staleness(imported, None, at(2026, 11, 2)),
            Staleness::OlderThanTwelveMonths
        );
        assert_eq!(
            staleness(imported, Some(at(2026, 1, 1)), at(2026, 2, 1)),
            Staleness::OlderThanFactsChange
        );
        assert_eq!(
            staleness(imported, Some(at(2025, 1, 1)), at(2026, 2, 1)),
            Staleness::Fresh
        );
    }
}
