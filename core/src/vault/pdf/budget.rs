//! The budget of text extraction: one deadline and one count of decoded bytes for the
//! whole document, shared by page contents, forms and CMaps; each CMap has its own cap
//! besides. The budget also records whether any text was left unread — at a limit, or
//! in a stream that did not decode — since text that was not read was not screened for
//! a マイナンバー (R10), and such a PDF is refused.

use std::time::{Duration, Instant};

use super::filters::{DecodeError, decode};
use super::object::Stream;

/// What page contents, forms and CMaps of one document may decode to, together.
pub const TEXT_DECODE_BUDGET: usize = 8 * 1024 * 1024;
/// What one CMap (ToUnicode or encoding) may decode to.
pub const MAX_CMAP_BYTES: usize = 512 * 1024;
/// Text extraction is abandoned once this much time has passed.
pub const TEXT_TIME_BUDGET: Duration = Duration::from_millis(500);

/// The budget of one document's text extraction.
#[derive(Debug)]
pub struct Budget {
    remaining: usize,
    deadline: Instant,
    exhausted: bool,
    unread: Option<&'static str>,
}

impl Budget {
    pub fn new(bytes: usize, time: Duration) -> Self {
        let now = Instant::now();
        Budget {
            remaining: bytes,
            deadline: now.checked_add(time).unwrap_or(now),
            exhausted: false,
            unread: None,
        }
    }

    /// The standard budget of an import.
    pub fn for_import() -> Self {
        Self::new(TEXT_DECODE_BUDGET, TEXT_TIME_BUDGET)
    }

    /// Whether extraction must stop: the deadline passed or the bytes ran out. Called
    /// only where text remains to be read, so `true` leaves text unread.
    pub fn expired(&mut self) -> bool {
        if !self.exhausted && Instant::now() > self.deadline {
            self.exhausted = true;
        }
        if self.exhausted {
            self.leave_unread("the text budget ran out");
        }
        self.exhausted
    }

    /// Records that some text was not read, and why (the first reason is kept).
    pub fn leave_unread(&mut self, why: &'static str) {
        self.unread.get_or_insert(why);
    }

    /// Why some text was left unread, if any was.
    pub fn unread(&self) -> Option<&'static str> {
        self.unread
    }

    fn decode_within(&mut self, stream: &Stream, cap: usize) -> Option<Vec<u8>> {
        if self.expired() {
            return None;
        }
        let limit = cap.min(self.remaining);
        match decode(&stream.dict, &stream.content, limit) {
            Ok(data) => {
                self.remaining -= data.len().min(self.remaining);
                Some(data)
            }
            Err(DecodeError::OverLimit) => {
                // A stream past the document's budget ends extraction (it would fail
                // again for every page that shows it); past its own cap it costs the cap.
                self.remaining -= limit;
                if self.remaining == 0 {
                    self.exhausted = true;
                }
                self.leave_unread("a stream decodes past its limit");
                None
            }
            Err(DecodeError::Undecodable) => {
                self.leave_unread("a stream does not decode");
                None
            }
        }
    }

    /// A content stream or form, within what remains.
    pub fn decode(&mut self, stream: &Stream) -> Option<Vec<u8>> {
        self.decode_within(stream, usize::MAX)
    }

    /// A CMap, within its own cap and what remains.
    pub fn decode_cmap(&mut self, stream: &Stream) -> Option<Vec<u8>> {
        self.decode_within(stream, MAX_CMAP_BYTES)
    }
}
