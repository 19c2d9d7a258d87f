//! The cross-reference data of a PDF (ISO 32000-1 §7.5.4–7.5.8): from the `startxref`
//! before the final `%%EOF`, every section — classic tables and cross-reference
//! streams, every incremental update, the streams of hybrid files — read as written and
//! merged, newer revisions first, into one map of where each object is. A file whose
//! cross-reference data does not read is damaged, never rebuilt by scanning for objects
//! (a cut file must not pass for a whole one).

use std::collections::{BTreeMap, HashSet, VecDeque};

use super::PdfError;
use super::filters::{DecodeError, decode};
use super::object::{Dictionary, Object, read_object};
use super::syntax::{Lexer, Token};

/// The most objects (in use) a document may hold.
pub const MAX_OBJECTS: usize = 10_000;
/// The most cross-reference entries read, free ones included.
pub const MAX_XREF_ENTRIES: usize = 4 * MAX_OBJECTS;
/// What one cross-reference stream may inflate to.
pub const MAX_XREF_STREAM_BYTES: usize = 1024 * 1024;
/// The most cross-reference sections (one per incremental update) followed.
const MAX_SECTIONS: usize = 64;
/// `startxref` is looked for this far before `%%EOF`.
const TAIL_BYTES: usize = 1024;
/// Values read whole here (trailers, cross-reference stream dictionaries) hold at most
/// this many items.
pub const MAX_VALUE_ITEMS: usize = 4096;

/// Where the cross-reference data puts an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Free,
    /// At this offset of the file.
    Normal(usize),
    /// Inside an object stream.
    Compressed,
}

/// The cross-reference data of a file, all sections merged.
#[derive(Debug, Clone, Default)]
pub struct Xref {
    pub entries: BTreeMap<u32, Entry>,
    /// The newest trailer (or cross-reference stream dictionary).
    pub trailer: Dictionary,
    /// The largest any cross-reference stream inflated to.
    pub largest_stream: usize,
}

impl Xref {
    /// Objects in use.
    pub fn objects(&self) -> usize {
        self.entries.values().filter(|e| **e != Entry::Free).count()
    }

    /// The integer an indirect `/Length` names, when it is a plain object.
    pub fn indirect_integer(&self, data: &[u8], number: u32) -> Option<usize> {
        let Some(Entry::Normal(offset)) = self.entries.get(&number) else {
            return None;
        };
        let mut lexer = Lexer::at(data, *offset);
        (object_header(&mut lexer)? == number).then_some(())?;
        match lexer.next_token()? {
            Token::Integer(value) => usize::try_from(value).ok(),
            _ => None,
        }
    }
}

/// Decodes a cross-reference or object stream: no filter or `/FlateDecode` (with the
/// PNG predictors cross-reference streams use); a file that uses another is not read.
pub fn decode_stream(dict: &Dictionary, raw: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let filters = dict.get(b"Filter").map(Object::names).unwrap_or_default();
    if !matches!(filters.as_slice(), [] | [b"FlateDecode"] | [b"Fl"]) {
        return Err(DecodeError::Undecodable);
    }
    decode(dict, raw, limit)
}

/// The position of the last `%%EOF`, which only white space may follow.
pub fn final_eof(data: &[u8]) -> Option<usize> {
    let end = data
        .iter()
        .rposition(|b| !matches!(b, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))?;
    let start = end.checked_sub(4)?;
    (data.get(start..=end) == Some(b"%%EOF")).then_some(start)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The start of a stream's data after the `stream` keyword and its end of line.
pub fn stream_data_start(lexer: &Lexer<'_>) -> usize {
    let rest = lexer.rest();
    let skip = if rest.starts_with(b"\r\n") {
        2
    } else if rest.starts_with(b"\n") || rest.starts_with(b"\r") {
        1
    } else {
        0
    };
    lexer.position() + skip
}

/// `N G obj` at the lexer: the object number.
pub fn object_header(lexer: &mut Lexer<'_>) -> Option<u32> {
    match (lexer.next_token(), lexer.next_token(), lexer.next_token()) {
        (Some(Token::Integer(number)), Some(Token::Integer(_)), Some(Token::Keyword(b"obj"))) => {
            u32::try_from(number).ok()
        }
        _ => None,
    }
}

struct Reader<'a> {
    data: &'a [u8],
    entries: BTreeMap<u32, Entry>,
    largest_stream: usize,
}

impl<'a> Reader<'a> {
    /// Reads the section at `offset`: its entries (merged, newer revisions first) and
    /// its trailer.
    fn section(&mut self, offset: usize, from_xref_stm: bool) -> Result<Dictionary, PdfError> {
        let damaged = PdfError::Damaged("the cross-reference data cannot be read");
        let mut lexer = Lexer::at(self.data, offset);
        if offset >= self.data.len() {
            return Err(damaged);
        }
        lexer.skip_whitespace();
        if lexer.rest().starts_with(b"xref") {
            lexer.next_token();
            return self.table(&mut lexer);
        }
        object_header(&mut lexer)
            .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?;
        let dict = read_object(&mut lexer, MAX_VALUE_ITEMS)
            .and_then(|object| match object {
                Object::Dictionary(dict) => Some(dict),
                _ => None,
            })
            .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?;
        if dict.get(b"Type").and_then(Object::as_name) != Some(b"XRef") {
            return Err(damaged);
        }
        if lexer.next_token() != Some(Token::Keyword(b"stream")) {
            return Err(damaged);
        }
        let start = stream_data_start(&lexer);
        let length = dict
            .get(b"Length")
            .and_then(Object::as_usize)
            .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?;
        let raw = start
            .checked_add(length)
            .and_then(|end| self.data.get(start..end))
            .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?;
        let decoded =
            decode_stream(&dict, raw, MAX_XREF_STREAM_BYTES).map_err(|error| match error {
                DecodeError::OverLimit => PdfError::OverLimit("a stream inflates past its budget"),
                DecodeError::Undecodable => {
                    PdfError::Damaged("a cross-reference stream does not decode")
                }
            })?;
        self.largest_stream = self.largest_stream.max(decoded.len());
        let widths: Vec<usize> = match dict.get(b"W") {
            Some(Object::Array(items)) => items
                .iter()
                .map(Object::as_usize)
                .collect::<Option<Vec<usize>>>()
                .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?,
            _ => return Err(damaged),
        };
        let [w0, w1, w2] = widths[..] else {
            return Err(damaged);
        };
        if w0 > 4 || w1 > 8 || w2 > 8 || w0 + w1 + w2 == 0 {
            return Err(damaged);
        }
        let size = dict.get(b"Size").and_then(Object::as_integer).unwrap_or(0);
        let index: Vec<i64> = match dict.get(b"Index") {
            Some(Object::Array(items)) => items.iter().filter_map(Object::as_integer).collect(),
            _ => vec![0, size],
        };
        let row = w0 + w1 + w2;
        let mut rows = decoded.chunks_exact(row);
        for pair in index.chunks(2) {
            let [first, count] = pair else {
                return Err(damaged);
            };
            let first = u32::try_from(*first)
                .map_err(|_| PdfError::Damaged("bad cross-reference index"))?;
            for number in
                (0..*count).map(|i| u32::try_from(i).ok().and_then(|i| first.checked_add(i)))
            {
                let number = number.ok_or(PdfError::Damaged("bad cross-reference index"))?;
                let Some(fields) = rows.next() else {
                    break;
                };
                let field = |from: usize, width: usize| {
                    fields
                        .get(from..from + width)
                        .unwrap_or_default()
                        .iter()
                        .fold(0u64, |acc, b| acc << 8 | u64::from(*b))
                };
                let kind = if w0 == 0 { 1 } else { field(0, w0) };
                let entry = match kind {
                    0 => Entry::Free,
                    1 => Entry::Normal(usize::try_from(field(w0, w1)).unwrap_or(usize::MAX)),
                    2 => Entry::Compressed,
                    _ => continue,
                };
                self.merge(number, entry, from_xref_stm)?;
            }
        }
        Ok(dict)
    }

    /// A classic cross-reference table and the trailer after it.
    fn table(&mut self, lexer: &mut Lexer<'_>) -> Result<Dictionary, PdfError> {
        let damaged = || PdfError::Damaged("the cross-reference table cannot be read");
        loop {
            match lexer.next_token().ok_or_else(damaged)? {
                Token::Keyword(b"trailer") => {
                    return match read_object(lexer, MAX_VALUE_ITEMS) {
                        Some(Object::Dictionary(trailer)) => Ok(trailer),
                        _ => Err(damaged()),
                    };
                }
                Token::Integer(first) => {
                    let Some(Token::Integer(count)) = lexer.next_token() else {
                        return Err(damaged());
                    };
                    let first = u32::try_from(first).map_err(|_| damaged())?;
                    let count = u32::try_from(count).map_err(|_| damaged())?;
                    for index in 0..count {
                        let number = first.checked_add(index).ok_or_else(damaged)?;
                        let (Some(Token::Integer(offset)), Some(Token::Integer(_))) =
                            (lexer.next_token(), lexer.next_token())
                        else {
                            return Err(damaged());
                        };
                        let entry = match lexer.next_token() {
                            Some(Token::Keyword(b"n")) => {
                                Entry::Normal(usize::try_from(offset).map_err(|_| damaged())?)
                            }
                            Some(Token::Keyword(b"f")) => Entry::Free,
                            _ => return Err(damaged()),
                        };
                        // Object 0 is the head of the free list; an in-use entry for it
                        // is a producer's slip, not an object.
                        if number == 0 && entry != Entry::Free {
                            continue;
                        }
                        self.merge(number, entry, false)?;
                    }
                }
                _ => return Err(damaged()),
            }
        }
    }

    /// Newer revisions come first and win, but the cross-reference stream of a hybrid
    /// file fills the entries its table lists as free.
    fn merge(&mut self, number: u32, entry: Entry, from_xref_stm: bool) -> Result<(), PdfError> {
        match self.entries.get_mut(&number) {
            Some(existing) => {
                if from_xref_stm && *existing == Entry::Free {
                    *existing = entry;
                }
            }
            None => {
                if self.entries.len() >= MAX_XREF_ENTRIES {
                    return Err(PdfError::OverLimit("too many cross-reference entries"));
                }
                self.entries.insert(number, entry);
            }
        }
        Ok(())
    }
}

/// Reads the cross-reference data of `data` (from its `%PDF-` header on).
pub fn read_xref(data: &[u8]) -> Result<Xref, PdfError> {
    let eof = final_eof(data).ok_or(PdfError::Damaged("the file does not end in %%EOF"))?;
    let tail_start = eof.saturating_sub(TAIL_BYTES);
    let startxref = rfind(data.get(tail_start..eof).unwrap_or_default(), b"startxref")
        .map(|at| tail_start + at)
        .ok_or(PdfError::Damaged("the file has no startxref"))?;
    let mut lexer = Lexer::at(data, startxref + b"startxref".len());
    let Some(Token::Integer(first)) = lexer.next_token() else {
        return Err(PdfError::Damaged("the file has no startxref"));
    };
    let first = usize::try_from(first).map_err(|_| PdfError::Damaged("bad startxref"))?;

    let mut reader = Reader {
        data,
        entries: BTreeMap::new(),
        largest_stream: 0,
    };
    let mut trailer: Option<Dictionary> = None;
    let mut queue: VecDeque<(usize, bool)> = VecDeque::from([(first, false)]);
    let mut visited: HashSet<usize> = HashSet::new();
    while let Some((offset, from_xref_stm)) = queue.pop_front() {
        if !visited.insert(offset) {
            continue;
        }
        if visited.len() > MAX_SECTIONS {
            return Err(PdfError::OverLimit("too many incremental updates"));
        }
        let section = reader.section(offset, from_xref_stm)?;
        let offset_of = |key: &[u8]| section.get(key).and_then(Object::as_usize);
        if let Some(stm) = offset_of(b"XRefStm") {
            queue.push_front((stm, true));
        }
        if let Some(previous) = offset_of(b"Prev") {
            queue.push_back((previous, false));
        }
        if trailer.is_none() {
            trailer = Some(section);
        }
    }
    let trailer = trailer.ok_or(PdfError::Damaged("the file has no trailer"))?;
    if !matches!(trailer.get(b"Root"), Some(Object::Reference(_))) {
        return Err(PdfError::Damaged("the trailer names no catalog"));
    }
    Ok(Xref {
        entries: reader.entries,
        trailer,
        largest_stream: reader.largest_stream,
    })
}
