//! Validation of an imported 資格情報 PDF and its text: `%PDF-` header, at most 20 MiB,
//! a structure that reads as written (a cut file is damaged, never rebuilt), not
//! protected by a password, no active content, one to [`MAX_PAGES`] pages, and no
//! マイナンバー in its text (R10). Each failure has its own error. R10 holds only for
//! text that was read: a PDF whose text could not be read whole — a limit of the budget
//! reached, a stream that does not decode, an object the loader could not parse,
//! objects nested past what is inspected — is refused as not screened; no 資格情報 comes
//! near those limits.
//!
//! A PDF comes from any app on the phone, so the import has one budget for the whole
//! document, checked before anything is loaded ([`structure`]): at most
//! [`structure::MAX_OBJECTS`] objects and [`structure::MAX_OBJECT_STREAMS`] object
//! streams counted from the cross-reference data, object streams inflating to at most
//! [`structure::OBJECT_STREAM_BUDGET`] together, at most [`structure::MAX_TOKENS`]
//! tokens in all objects. Text extraction then shares one deadline and one count of
//! decoded bytes ([`budget`]); each CMap is decoded once with its own cap; a page with
//! more fonts than a 資格情報 ever has is not read ([`text`]). A 資格情報 is one or two
//! pages of a few kilobytes, far inside every bound.
//!
//! The text is read with its position ([`text`]) in every common Japanese encoding
//! ([`fonts`]); text drawn invisibly is not read for fields, but is screened for a
//! マイナンバー like the rest, and so is every text string of the document (its
//! information, annotations, form fields).

pub mod adobe_japan1;
pub mod budget;
pub mod cmap;
pub mod document;
pub mod filters;
pub mod fonts;
pub mod object;
pub mod structure;
pub mod syntax;
pub mod text;
pub mod xref;

use thiserror::Error as ThisError;

use crate::error::Error;
use crate::rules::my_number::contains_my_number;
use crate::vault::layout::Layout;
use document::Document;
use object::{Dictionary, Object, text_string};

pub use budget::Budget;
pub use text::TextRun;

/// The largest document accepted.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// A 資格情報 has one or two pages; more than this is refused (no shell renders 100).
pub const MAX_PAGES: usize = 16;
/// The header may follow a little junk some apps put first (PDF readers allow 1 KiB).
const HEADER_SEARCH_BYTES: usize = 1024;

/// Why a PDF was refused, before it becomes the core's [`Error`].
#[derive(Debug, Clone, PartialEq, Eq, ThisError)]
pub enum PdfError {
    #[error("not a PDF")]
    NotAPdf,
    #[error("larger than the largest document accepted")]
    TooLarge,
    #[error("{0}")]
    Damaged(&'static str),
    #[error("{0}")]
    OverLimit(&'static str),
    #[error("protected by a password")]
    Encrypted,
    #[error("no pages")]
    NoPages,
    #[error("more pages than a 資格情報 has")]
    TooManyPages,
    #[error("{0}")]
    ActiveContent(&'static str),
    #[error("its text carries a マイナンバー")]
    CarriesMyNumber,
    #[error("its text was not read whole: {0}")]
    NotScreened(&'static str),
}

impl From<PdfError> for Error {
    fn from(error: PdfError) -> Self {
        match error {
            PdfError::NotAPdf => Error::NotAPdf,
            PdfError::TooLarge => Error::DocumentTooLarge {
                limit_bytes: MAX_DOCUMENT_BYTES as u64,
            },
            PdfError::Damaged(reason) | PdfError::OverLimit(reason) => Error::DocumentDamaged {
                reason: reason.to_owned(),
            },
            PdfError::Encrypted => Error::DocumentEncrypted,
            PdfError::NoPages => Error::DocumentHasNoPages,
            PdfError::TooManyPages => Error::DocumentTooManyPages {
                limit: MAX_PAGES as u32,
            },
            PdfError::ActiveContent(what) => Error::DocumentActiveContent {
                what: what.to_owned(),
            },
            PdfError::CarriesMyNumber => Error::DocumentCarriesMyNumber,
            PdfError::NotScreened(what) => Error::DocumentNotScreened {
                what: what.to_owned(),
            },
        }
    }
}

/// What a valid PDF told us.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedPdf {
    pub pages: u32,
    /// The visible text, in rows and cells as it stands on the pages (all of the text
    /// was read and screened).
    pub layout: Layout,
}

/// Checks `bytes` and reads its text.
pub fn check_pdf(bytes: &[u8]) -> Result<CheckedPdf, Error> {
    check(bytes).map_err(Error::from)
}

fn check(bytes: &[u8]) -> Result<CheckedPdf, PdfError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(PdfError::TooLarge);
    }
    let head = bytes
        .get(..HEADER_SEARCH_BYTES.min(bytes.len()))
        .unwrap_or(bytes);
    let start = head
        .windows(5)
        .position(|window| window == b"%PDF-")
        .ok_or(PdfError::NotAPdf)?;
    let data = bytes.get(start..).unwrap_or_default();
    let structure = structure::read_structure(data)?;
    // Encrypted text cannot be screened without decrypting it; a 資格情報 is not
    // encrypted, with or without a password to open it.
    if structure.encrypted {
        return Err(PdfError::Encrypted);
    }
    let document = Document::load(data, &structure)?;
    if document.objects.len() > structure::MAX_OBJECTS {
        return Err(PdfError::OverLimit("more objects than a 資格情報 has"));
    }
    inspect_objects(&document)?;
    let pages = document.pages(MAX_PAGES + 1);
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages);
    }
    let mut budget = Budget::for_import();
    let runs = text::extract_runs(&document, &pages, &mut budget);
    if contains_my_number(&Layout::from_runs(runs.iter()).scan_text()) {
        return Err(PdfError::CarriesMyNumber);
    }
    if let Some(why) = budget.unread() {
        return Err(PdfError::NotScreened(why));
    }
    Ok(CheckedPdf {
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        layout: Layout::from_runs(runs.iter().filter(|run| run.visible)),
    })
}

/// Looks at every object, whether reachable or not, for what a 資格情報 never carries:
/// active content — JavaScript (an action, a name tree, an XFA form's scripts), an
/// action that launches a program, an embedded file — and a マイナンバー in any text
/// string (document information, annotations, form fields, bookmarks). Objects nested
/// deeper than [`MAX_INSPECTED_DEPTH`] are not looked into, so a document that has any
/// is refused as not screened.
fn inspect_objects(document: &Document) -> Result<(), PdfError> {
    let mut stack: Vec<(&Object, usize)> = document.objects.values().map(|o| (o, 0)).collect();
    while let Some((object, depth)) = stack.pop() {
        let dict = match object {
            Object::Dictionary(dict) => dict,
            Object::Stream(stream) => &stream.dict,
            Object::Array(items) => {
                if !items.is_empty() && depth >= MAX_INSPECTED_DEPTH {
                    return Err(PdfError::NotScreened(TOO_DEEP));
                }
                stack.extend(items.iter().map(|item| (item, depth + 1)));
                continue;
            }
            Object::String(bytes) => {
                // Screened as the text string it declares itself, and as UTF-8, which
                // some producers write without a byte order mark.
                if contains_my_number(&text_string(bytes))
                    || contains_my_number(&String::from_utf8_lossy(bytes))
                {
                    return Err(PdfError::CarriesMyNumber);
                }
                continue;
            }
            _ => continue,
        };
        if let Some(what) = active_content(dict) {
            return Err(PdfError::ActiveContent(what));
        }
        if !dict.is_empty() && depth >= MAX_INSPECTED_DEPTH {
            return Err(PdfError::NotScreened(TOO_DEEP));
        }
        stack.extend(dict.values().map(|value| (value, depth + 1)));
    }
    Ok(())
}

/// How deep inside an object its parts are inspected (a 資格情報 nests a few levels).
const MAX_INSPECTED_DEPTH: usize = 64;
const TOO_DEEP: &str = "objects nested deeper than are inspected";

/// The active content a dictionary is or names, if any.
fn active_content(dict: &Dictionary) -> Option<&'static str> {
    let name = |key: &[u8]| dict.get(key).and_then(Object::as_name);
    if dict.has(b"JS") || dict.has(b"JavaScript") || name(b"S") == Some(b"JavaScript") {
        return Some("JavaScript");
    }
    if name(b"S") == Some(b"Launch") {
        return Some("an action that launches a program");
    }
    if dict.has(b"EmbeddedFiles")
        || dict.has(b"EF")
        || name(b"Type") == Some(b"EmbeddedFile")
        || name(b"Subtype") == Some(b"FileAttachment")
    {
        return Some("an embedded file");
    }
    dict.has(b"XFA").then_some("a scripted form (XFA)")
}
