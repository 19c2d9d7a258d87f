//! Validation of an imported 資格情報 PDF: `%PDF-` header, at most 20 MiB, parses, not
//! protected by a password, at least one page. Each failure has its own error.
//!
//! A PDF comes from any app on the phone, so reading it is bounded: no stream may
//! decompress to more than [`MAX_STREAM_BYTES`] (while loading and while extracting
//! text), a document may hold at most [`MAX_OBJECTS`] objects, objects nest at most
//! 100 deep and page trees 256 deep (lopdf's own bounds), and text is read from at most
//! [`MAX_TEXT_PAGES`] pages within [`TEXT_TIME_BUDGET`]. A 資格情報 is one or two pages of
//! a few kilobytes, far inside every bound.

use std::time::{Duration, Instant};

use lopdf::{Document, LoadOptions};

use crate::error::{Error, Result};

/// The largest document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// The most any one stream may decompress to, and the most page content text is read
/// from in all.
pub const MAX_STREAM_BYTES: usize = 8 * 1024 * 1024;
/// The most objects a document may hold.
pub const MAX_OBJECTS: usize = 100_000;
/// Text is read from this many pages at most; later pages are counted, not read.
pub const MAX_TEXT_PAGES: usize = 16;
/// Text extraction stops starting new pages once this much time has passed.
pub const TEXT_TIME_BUDGET: Duration = Duration::from_millis(500);
/// The header may follow a little junk some apps put first (PDF readers allow 1 KiB).
const HEADER_SEARCH_BYTES: usize = 1024;

/// What a valid PDF told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPdf {
    pub pages: u32,
    /// The text of the pages read, in page order; empty when none can be extracted.
    pub text: String,
}

/// Checks `bytes` and extracts its text.
pub fn check_pdf(bytes: &[u8]) -> Result<CheckedPdf> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::DocumentTooLarge {
            limit_bytes: MAX_DOCUMENT_BYTES as u64,
        });
    }
    let head = bytes
        .get(..HEADER_SEARCH_BYTES.min(bytes.len()))
        .unwrap_or(bytes);
    if !head.windows(5).any(|window| window == b"%PDF-") {
        return Err(Error::NotAPdf);
    }
    let options = LoadOptions::with_max_decompressed_size(MAX_STREAM_BYTES);
    let document =
        Document::load_mem_with_options(bytes, options).map_err(|e| Error::DocumentDamaged {
            reason: e.to_string(),
        })?;
    if document.objects.len() > MAX_OBJECTS {
        return Err(Error::DocumentDamaged {
            reason: format!("more than {MAX_OBJECTS} objects"),
        });
    }
    // lopdf opens a PDF whose user password is empty (owner restrictions only); one that
    // needs a password stays encrypted.
    if document.is_encrypted() {
        return Err(Error::DocumentEncrypted);
    }
    let page_numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    if page_numbers.is_empty() {
        return Err(Error::DocumentHasNoPages);
    }
    let pages = u32::try_from(page_numbers.len()).unwrap_or(u32::MAX);
    Ok(CheckedPdf {
        pages,
        text: extract_text(&document, &page_numbers),
    })
}

/// Best effort and bounded: a page whose text cannot be read, or that would take the
/// content read past [`MAX_STREAM_BYTES`], adds nothing.
fn extract_text(document: &Document, page_numbers: &[u32]) -> String {
    let started = Instant::now();
    let mut texts: Vec<String> = Vec::new();
    let mut budget = MAX_STREAM_BYTES;
    for page in page_numbers.iter().take(MAX_TEXT_PAGES) {
        if budget == 0 || started.elapsed() > TEXT_TIME_BUDGET {
            break;
        }
        if let Ok(text) = document.extract_text_with_limit(&[*page], budget) {
            budget = budget.saturating_sub(text.len());
            texts.push(text);
        }
    }
    texts.join("\n")
}
