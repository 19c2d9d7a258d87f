//! Validation of an imported 資格情報 PDF: `%PDF-` header, at most 20 MiB, parses, not
//! protected by a password, at least one page. Each failure has its own error.

use lopdf::Document;

use crate::error::{Error, Result};

/// The largest document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// The header may follow a little junk some apps put first (PDF readers allow 1 KiB).
const HEADER_SEARCH_BYTES: usize = 1024;

/// What a valid PDF told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPdf {
    pub pages: u32,
    /// The text of every page, in page order; empty when none can be extracted.
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
    let document = Document::load_mem(bytes).map_err(|e| Error::DocumentDamaged {
        reason: e.to_string(),
    })?;
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
    // Extraction is best effort: a page whose text cannot be read adds nothing.
    let text = page_numbers
        .iter()
        .filter_map(|page| document.extract_text(&[*page]).ok())
        .collect::<Vec<_>>()
        .join("\n");
    Ok(CheckedPdf { pages, text })
}
