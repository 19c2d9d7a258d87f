//! The document vault: a member's 医療保険の資格情報 PDF, checked, read for its fields,
//! and sealed.
//!
//! - [`pdf`]: what a PDF must be to be imported (header, size, parses, no password,
//!   pages).
//! - [`fields`]: the fields read from its text and their checks (R9, R10, R11).
//! - [`identity`]: whether the 氏名 and 生年月日 read are the member's.
//! - [`seal`]: XChaCha20-Poly1305 with a random key per document, wrapped by the master
//!   key from the [`crate::secrets::SecretStore`]; the associated data binds every blob
//!   to its member and document.
//!
//! Storing the sealed blobs is the [`crate::store`]'s work.

pub mod fields;
pub mod identity;
pub mod pdf;
pub mod seal;

use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use fields::{DocumentFields, Extraction, FieldWarning, WarningCode};

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
        sha256: hex(&Sha256::digest(bytes)),
        extraction: fields::extract_fields(&checked.text),
    })
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
