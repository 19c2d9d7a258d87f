//! The budget of text extraction: one deadline and one count of decoded bytes for the
//! whole document, shared by page contents, forms and CMaps; each CMap has its own cap
//! besides.

use std::time::{Duration, Instant};

use lopdf::{DecompressError, Stream};

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
}

impl Budget {
    pub fn new(bytes: usize, time: Duration) -> Self {
        let now = Instant::now();
        Budget {
            remaining: bytes,
            deadline: now.checked_add(time).unwrap_or(now),
            exhausted: false,
        }
    }

    /// The standard budget of an import.
    pub fn for_import() -> Self {
        Self::new(TEXT_DECODE_BUDGET, TEXT_TIME_BUDGET)
    }

    /// Whether extraction must stop: the deadline passed or the bytes ran out.
    pub fn expired(&mut self) -> bool {
        if !self.exhausted && Instant::now() > self.deadline {
            self.exhausted = true;
        }
        self.exhausted
    }

    /// Whether any part of the text was left unread.
    pub fn was_exhausted(&self) -> bool {
        self.exhausted
    }

    fn decode_within(&mut self, stream: &Stream, cap: usize) -> Option<Vec<u8>> {
        if self.expired() {
            return None;
        }
        let limit = cap.min(self.remaining);
        match stream.decompressed_content_with_limit(limit) {
            Ok(data) => {
                self.remaining -= data.len().min(self.remaining);
                Some(data)
            }
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                // A stream past the document's budget ends extraction (it would fail
                // again for every page that shows it); past its own cap it costs the cap.
                self.remaining -= limit;
                if self.remaining == 0 {
                    self.exhausted = true;
                }
                None
            }
            Err(_) => None,
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
