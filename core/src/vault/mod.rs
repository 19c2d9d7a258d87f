//! The document vault: a member's 医療保険の資格情報 PDF, checked, read for its fields,
//! and sealed.
//!
//! - [`pdf`]: what a PDF must be to be imported (header, size, a structure that reads
//!   as written, no password, no active content, pages, no マイナンバー in its text:
//!   R10) and its text with positions, within one budget.
//! - [`layout`]: the rows and cells that text stands in.
//! - [`fields`]: the fields read from those rows and their checks (R9, R10, R11).
//! - [`identity`]: whether the 氏名 and 生年月日 read are the member's.
//! - [`seal`]: AES-256-GCM or ChaCha20-Poly1305 (ring) with a random key per document
//!   version, wrapped by the master key from the [`crate::secrets::SecretStore`]; the
//!   associated data binds every blob
//!   to its member and document.
//!
//! Storing the sealed blobs is the [`crate::store`]'s work.

pub mod fields;
pub mod identity;
pub mod layout;
pub mod pdf;
pub mod seal;

use chrono::{DateTime, Months, NaiveDate, TimeZone, Utc};
use ring::digest::{SHA256, digest};
use serde::{Deserialize, Serialize};

pub use fields::{DocumentFields, Extraction, FieldWarning, WarningCode};

use crate::clock::japan_offset;
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
    /// Made more than 12 months ago (counted from the 出力日 the PDF states, else from
    /// the import).
    OlderThanTwelveMonths,
    /// Imported before the member's facts last changed.
    OlderThanFactsChange,
    /// Made before the member's insurance changed on a birthday (R13: the 70th, the
    /// 75th, or, for a dependent, the insured member's 75th).
    OlderThanInsuranceChange,
}

/// When a member's stored 資格情報 was made and imported, and when their facts last
/// changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTiming {
    pub imported_at: DateTime<Utc>,
    /// The 出力日 (or 交付年月日) the PDF states, when it states one.
    #[serde(default)]
    pub output_on: Option<NaiveDate>,
    pub facts_changed_at: Option<DateTime<Utc>>,
}

impl DocumentTiming {
    /// The day the record was made: the 出力日 it states (when not after the import),
    /// else the day of the import, in Japan.
    pub fn made_on(&self) -> NaiveDate {
        let imported_on = self.imported_at.with_timezone(&japan_offset()).date_naive();
        self.output_on
            .filter(|day| *day < imported_on)
            .unwrap_or(imported_on)
    }

    /// The instant the record was made: the start of its 出力日 in Japan, or the import.
    fn made_at(&self) -> DateTime<Utc> {
        let made_on = self.made_on();
        if Some(made_on) == self.output_on {
            start_of_day_in_japan(made_on).unwrap_or(self.imported_at)
        } else {
            self.imported_at
        }
    }

    /// Each way the record goes stale and from when: 12 months after it was made, a
    /// change of facts after the import, and each change of insurance (`insurance_changes`,
    /// R13) after the day it was made.
    fn stale_points<'a>(
        &self,
        insurance_changes: &'a [NaiveDate],
    ) -> impl Iterator<Item = (DateTime<Utc>, Staleness)> + 'a {
        let twelve_months = self
            .made_at()
            .checked_add_months(Months::new(FRESH_FOR_MONTHS))
            .map(|at| (at, Staleness::OlderThanTwelveMonths));
        let facts = self
            .facts_changed_at
            .filter(|changed| *changed > self.imported_at)
            .map(|at| (at, Staleness::OlderThanFactsChange));
        let made_on = self.made_on();
        let insurance = insurance_changes
            .iter()
            .filter(move |day| **day > made_on)
            .filter_map(|day| start_of_day_in_japan(*day))
            .map(|at| (at, Staleness::OlderThanInsuranceChange));
        twelve_months.into_iter().chain(facts).chain(insurance)
    }

    /// The first instant the record is stale, whatever `now` is.
    pub fn stale_from(&self, insurance_changes: &[NaiveDate]) -> Option<DateTime<Utc>> {
        self.stale_points(insurance_changes).map(|(at, _)| at).min()
    }

    /// Whether the record is stale at `now`, and why: a change of insurance first, then
    /// its age, then a change of facts.
    pub fn staleness(&self, insurance_changes: &[NaiveDate], now: DateTime<Utc>) -> Staleness {
        let passed: Vec<Staleness> = self
            .stale_points(insurance_changes)
            .filter(|(at, _)| *at <= now)
            .map(|(_, why)| why)
            .collect();
        [
            Staleness::OlderThanInsuranceChange,
            Staleness::OlderThanTwelveMonths,
            Staleness::OlderThanFactsChange,
        ]
        .into_iter()
        .find(|why| passed.contains(why))
        .unwrap_or(Staleness::Fresh)
    }
}

fn start_of_day_in_japan(day: NaiveDate) -> Option<DateTime<Utc>> {
    japan_offset()
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .single()
        .map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    fn at(y: i32, m: u32, d: u32, hour: u32) -> DateTime<Utc> {
        japan_offset()
            .with_ymd_and_hms(y, m, d, hour, 0, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn imported(at: DateTime<Utc>) -> DocumentTiming {
        DocumentTiming {
            imported_at: at,
            output_on: None,
            facts_changed_at: None,
        }
    }

    #[test]
    fn staleness_counts_from_the_import_without_an_output_date() {
        let timing = imported(at(2025, 11, 1, 9));
        assert_eq!(timing.staleness(&[], at(2026, 11, 1, 8)), Staleness::Fresh);
        assert_eq!(
            timing.staleness(&[], at(2026, 11, 1, 9)),
            Staleness::OlderThanTwelveMonths
        );
        let changed = DocumentTiming {
            facts_changed_at: Some(at(2026, 1, 1, 9)),
            ..timing
        };
        assert_eq!(
            changed.staleness(&[], at(2026, 2, 1, 9)),
            Staleness::OlderThanFactsChange
        );
        let changed_before = DocumentTiming {
            facts_changed_at: Some(at(2025, 1, 1, 9)),
            ..timing
        };
        assert_eq!(
            changed_before.staleness(&[], at(2026, 2, 1, 9)),
            Staleness::Fresh
        );
    }

    #[test]
    fn staleness_counts_from_the_output_date_the_pdf_states() {
        // Output on 2025-06-10, imported in November: stale from 2026-06-10.
        let timing = DocumentTiming {
            output_on: Some(civil(2025, 6, 10)),
            ..imported(at(2025, 11, 1, 9))
        };
        assert_eq!(timing.made_on(), civil(2025, 6, 10));
        assert_eq!(timing.staleness(&[], at(2026, 6, 9, 23)), Staleness::Fresh);
        assert_eq!(
            timing.staleness(&[], at(2026, 6, 10, 1)),
            Staleness::OlderThanTwelveMonths
        );
        assert_eq!(timing.stale_from(&[]), Some(at(2026, 6, 10, 0)));
        // An output date after the import cannot be: the import counts.
        let later = DocumentTiming {
            output_on: Some(civil(2026, 1, 1)),
            ..timing
        };
        assert_eq!(later.made_on(), civil(2025, 11, 1));
    }

    #[test]
    fn a_change_of_insurance_after_the_record_was_made_makes_it_stale() {
        let timing = DocumentTiming {
            output_on: Some(civil(2026, 11, 20)),
            ..imported(at(2026, 12, 12, 9))
        };
        // The 75th birthday on 2026-12-10: the PDF was output before it.
        let changes = [civil(2026, 12, 10)];
        assert_eq!(
            timing.staleness(&changes, at(2026, 12, 12, 10)),
            Staleness::OlderThanInsuranceChange
        );
        assert_eq!(timing.stale_from(&changes), Some(at(2026, 12, 10, 0)));
        // Made on or after the change: fresh.
        let after = DocumentTiming {
            output_on: Some(civil(2026, 12, 10)),
            ..timing
        };
        assert_eq!(
            after.staleness(&changes, at(2026, 12, 12, 10)),
            Staleness::Fresh
        );
        // A change still to come makes nothing stale yet.
        assert_eq!(
            imported(at(2026, 11, 1, 9)).staleness(&changes, at(2026, 12, 9, 9)),
            Staleness::Fresh
        );
    }
}
