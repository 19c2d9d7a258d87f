//! The structure check that runs before a PDF is loaded: the file must end in its
//! `startxref` and `%%EOF`, its cross-reference data (tables and streams, every
//! incremental update) must read as written and point at the objects it names, and the
//! document must stay inside the import budget — objects, object streams, tokens and the
//! bytes its object streams inflate to, counted here from the cross-reference data so
//! that nothing past a limit is ever loaded. A file that fails is refused, never
//! rebuilt by scanning for objects (a cut file must not pass for a whole one).

use std::collections::{BTreeMap, HashSet, VecDeque};

use super::PdfError;
use super::syntax::{Lexer, Token, is_whitespace};

/// The most objects (in use) a document may hold.
pub const MAX_OBJECTS: usize = 10_000;
/// The most cross-reference entries read, free ones included.
pub const MAX_XREF_ENTRIES: usize = 4 * MAX_OBJECTS;
/// The most object streams a document may hold.
pub const MAX_OBJECT_STREAMS: usize = 32;
/// What all object streams of a document may inflate to, together.
pub const OBJECT_STREAM_BUDGET: usize = 4 * 1024 * 1024;
/// What one cross-reference stream may inflate to.
pub const MAX_XREF_STREAM_BYTES: usize = 1024 * 1024;
/// The most tokens the document's objects (object streams included) may hold: each
/// becomes an object in memory when the document is loaded.
pub const MAX_TOKENS: usize = 200_000;
/// The most cross-reference sections (one per incremental update) followed.
const MAX_SECTIONS: usize = 64;
/// Objects nest no deeper than this (the loader's own bound is 100).
const MAX_DEPTH: usize = 100;
/// `startxref` is looked for this far before `%%EOF`.
const TAIL_BYTES: usize = 1024;
/// Values read whole here (trailers, cross-reference stream dictionaries) hold at most
/// this many items.
const MAX_VALUE_ITEMS: usize = 4096;

/// What the structure check counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Structure {
    /// Objects in use.
    pub objects: usize,
    /// Objects that are object streams.
    pub object_streams: usize,
    /// Tokens in every object, object streams included (when readable before
    /// decryption).
    pub tokens: usize,
    /// Whether the trailer names an encryption dictionary (object streams are then
    /// measured by the loader, each within its share of [`OBJECT_STREAM_BUDGET`]).
    pub encrypted: bool,
    /// The largest any object stream or cross-reference stream inflated to.
    pub largest_stream: usize,
    /// What all object streams inflated to.
    pub object_stream_bytes: usize,
}

impl Structure {
    /// The most one stream may inflate to while the document loads: every stream
    /// measured here fits, and together the object streams stay within
    /// [`OBJECT_STREAM_BUDGET`].
    pub fn load_limit(&self) -> usize {
        let share = if self.encrypted {
            OBJECT_STREAM_BUDGET / self.object_streams.max(1)
        } else {
            0
        };
        self.largest_stream.max(share).max(1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Free,
    Normal(usize),
    Compressed,
}

/// A value read whole (small dictionaries only).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Integer(i64),
    Name(Vec<u8>),
    String(Vec<u8>),
    Array(Vec<Value>),
    Dict(Vec<(Vec<u8>, Value)>),
    Reference(u32),
    Keyword(Vec<u8>),
}

impl Value {
    pub fn get(&self, key: &[u8]) -> Option<&Value> {
        match self {
            Value::Dict(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn integer(&self) -> Option<i64> {
        match self {
            Value::Integer(value) => Some(*value),
            _ => None,
        }
    }

    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Value::Name(name) => Some(name),
            _ => None,
        }
    }

    /// A name or the names of an array (a stream's `/Filter`).
    pub fn names(&self) -> Vec<&[u8]> {
        match self {
            Value::Name(name) => vec![name],
            Value::Array(items) => items.iter().filter_map(Value::name).collect(),
            _ => Vec::new(),
        }
    }
}

/// Reads one value whole, references included, with at most 4 096 items.
pub fn read_value(lexer: &mut Lexer<'_>) -> Option<Value> {
    let mut items = 0usize;
    read_value_within(lexer, 0, &mut items)
}

fn read_value_within(lexer: &mut Lexer<'_>, depth: usize, items: &mut usize) -> Option<Value> {
    *items += 1;
    if depth > MAX_DEPTH || *items > MAX_VALUE_ITEMS {
        return None;
    }
    let value = match lexer.next_token()? {
        Token::Integer(number) => {
            let mut ahead = lexer.clone();
            match (ahead.next_token(), ahead.next_token()) {
                (Some(Token::Integer(_)), Some(Token::Keyword(b"R"))) => {
                    *lexer = ahead;
                    Value::Reference(u32::try_from(number).ok()?)
                }
                _ => Value::Integer(number),
            }
        }
        Token::Number(number) => Value::Number(number),
        Token::Name(name) => Value::Name(name),
        Token::String(bytes) => Value::String(bytes),
        Token::Keyword(word) => Value::Keyword(word.to_vec()),
        Token::ArrayStart => {
            let mut array = Vec::new();
            loop {
                let mut ahead = lexer.clone();
                if ahead.next_token()? == Token::ArrayEnd {
                    *lexer = ahead;
                    break Value::Array(array);
                }
                array.push(read_value_within(lexer, depth + 1, items)?);
            }
        }
        Token::DictStart => {
            let mut pairs = Vec::new();
            loop {
                match lexer.next_token()? {
                    Token::DictEnd => break Value::Dict(pairs),
                    Token::Name(key) => {
                        let value = read_value_within(lexer, depth + 1, items)?;
                        pairs.push((key, value));
                    }
                    _ => return None,
                }
            }
        }
        Token::ArrayEnd | Token::DictEnd => return None,
    };
    Some(value)
}

/// Inflates zlib (or raw deflate) data, refusing more than `limit` bytes of output.
/// Data that stops decoding midway gives what was decoded.
pub fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, PdfError> {
    let over = || PdfError::OverLimit("a stream inflates past its budget");
    let attempt = |zlib_header: bool| -> Result<Vec<u8>, PdfError> {
        let mut decoder = flate2::Decompress::new(zlib_header);
        let mut output: Vec<u8> = Vec::new();
        loop {
            let consumed = usize::try_from(decoder.total_in()).unwrap_or(usize::MAX);
            let rest = input.get(consumed..).unwrap_or_default();
            if output.len() > limit {
                return Err(over());
            }
            let room = (limit + 1 - output.len()).min(64 * 1024);
            output.reserve(room);
            let before = (decoder.total_in(), decoder.total_out());
            let status = decoder.decompress_vec(rest, &mut output, flate2::FlushDecompress::None);
            match status {
                Ok(flate2::Status::StreamEnd) | Err(_) => break,
                Ok(_) if (decoder.total_in(), decoder.total_out()) == before => break,
                Ok(_) => {}
            }
        }
        if output.len() > limit {
            return Err(over());
        }
        Ok(output)
    };
    let output = attempt(true)?;
    if output.is_empty() && !input.is_empty() {
        return attempt(false);
    }
    Ok(output)
}

/// Decodes a cross-reference or object stream: no filter or `/FlateDecode`, with the
/// PNG predictors cross-reference streams use.
fn decode_stream(dict: &Value, raw: &[u8], limit: usize) -> Result<Vec<u8>, PdfError> {
    let filters = dict.get(b"Filter").map(Value::names).unwrap_or_default();
    let data = match filters.as_slice() {
        [] => {
            if raw.len() > limit {
                return Err(PdfError::OverLimit("a stream inflates past its budget"));
            }
            raw.to_vec()
        }
        [b"FlateDecode"] | [b"Fl"] => inflate(raw, limit)?,
        _ => {
            return Err(PdfError::Damaged(
                "a structure stream has an unsupported filter",
            ));
        }
    };
    let parms = dict.get(b"DecodeParms");
    let predictor = parms
        .and_then(|p| p.get(b"Predictor"))
        .and_then(Value::integer)
        .unwrap_or(1);
    if predictor < 10 {
        return Ok(data);
    }
    let columns = parms
        .and_then(|p| p.get(b"Columns"))
        .and_then(Value::integer)
        .and_then(|c| usize::try_from(c).ok())
        .filter(|c| (1..=64).contains(c))
        .unwrap_or(1);
    lopdf::filters::png::decode_frame(&data, 1, columns)
        .map_err(|_| PdfError::Damaged("a cross-reference stream does not decode"))
}

/// The position of the last `%%EOF`, which only white space may follow.
fn final_eof(data: &[u8]) -> Option<usize> {
    let end = data
        .iter()
        .rposition(|b| !matches!(b, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))?;
    let start = end.checked_sub(4)?;
    (data.get(start..=end) == Some(b"%%EOF")).then_some(start)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The start of a stream's data after the `stream` keyword and its end of line.
fn stream_data_start(lexer: &Lexer<'_>) -> usize {
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
fn object_header(lexer: &mut Lexer<'_>) -> Option<u32> {
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
    fn section(&mut self, offset: usize, from_xref_stm: bool) -> Result<Value, PdfError> {
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
        let dict = read_value(&mut lexer)
            .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?;
        if dict.get(b"Type").and_then(Value::name) != Some(b"XRef") {
            return Err(damaged);
        }
        if lexer.next_token() != Some(Token::Keyword(b"stream")) {
            return Err(damaged);
        }
        let start = stream_data_start(&lexer);
        let length = dict
            .get(b"Length")
            .and_then(Value::integer)
            .and_then(|l| usize::try_from(l).ok())
            .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?;
        let raw = start
            .checked_add(length)
            .and_then(|end| self.data.get(start..end))
            .ok_or(PdfError::Damaged("the cross-reference data cannot be read"))?;
        let decoded = decode_stream(&dict, raw, MAX_XREF_STREAM_BYTES)?;
        self.largest_stream = self.largest_stream.max(decoded.len());
        let widths: Vec<usize> = match dict.get(b"W") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|w| w.integer().and_then(|w| usize::try_from(w).ok()))
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
        let size = dict.get(b"Size").and_then(Value::integer).unwrap_or(0);
        let index: Vec<i64> = match dict.get(b"Index") {
            Some(Value::Array(items)) => items.iter().filter_map(Value::integer).collect(),
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
    fn table(&mut self, lexer: &mut Lexer<'_>) -> Result<Value, PdfError> {
        let damaged = || PdfError::Damaged("the cross-reference table cannot be read");
        loop {
            match lexer.next_token().ok_or_else(damaged)? {
                Token::Keyword(b"trailer") => {
                    let trailer = read_value(lexer).ok_or_else(damaged)?;
                    return match trailer {
                        Value::Dict(_) => Ok(trailer),
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

    /// The integer an indirect `/Length` names, when it is a plain object.
    fn indirect_integer(&self, number: u32) -> Option<usize> {
        let Some(Entry::Normal(offset)) = self.entries.get(&number) else {
            return None;
        };
        let mut lexer = Lexer::at(self.data, *offset);
        (object_header(&mut lexer)? == number).then_some(())?;
        match lexer.next_token()? {
            Token::Integer(value) => usize::try_from(value).ok(),
            _ => None,
        }
    }
}

/// What an object's dictionary says of its stream.
#[derive(Default)]
struct StreamHead {
    object_stream: bool,
    length: Option<usize>,
    length_reference: Option<u32>,
    filters: Vec<Vec<u8>>,
}

/// Reads the keys of a dictionary that matter here and skips the rest, counting tokens.
fn stream_head(lexer: &mut Lexer<'_>) -> Option<StreamHead> {
    let mut head = StreamHead::default();
    loop {
        match lexer.next_token()? {
            Token::DictEnd => return Some(head),
            Token::Name(key) => match key.as_slice() {
                b"Type" => {
                    head.object_stream = lexer.next_token()? == Token::Name(b"ObjStm".to_vec());
                }
                b"Length" => {
                    let Token::Integer(length) = lexer.next_token()? else {
                        continue;
                    };
                    let mut ahead = lexer.clone();
                    if let (Some(Token::Integer(_)), Some(Token::Keyword(b"R"))) =
                        (ahead.next_token(), ahead.next_token())
                    {
                        *lexer = ahead;
                        head.length_reference = u32::try_from(length).ok();
                    } else {
                        head.length = usize::try_from(length).ok();
                    }
                }
                b"Filter" => match read_value(lexer)? {
                    Value::Name(name) => head.filters = vec![name],
                    Value::Array(items) => {
                        head.filters = items
                            .iter()
                            .filter_map(Value::name)
                            .map(<[u8]>::to_vec)
                            .collect();
                    }
                    _ => {}
                },
                _ => {
                    if !lexer.skip_value(MAX_DEPTH) {
                        return None;
                    }
                }
            },
            _ => return None,
        }
    }
}

/// Objects written in the file (`N G obj`), listed in the cross-reference data or not.
fn written_objects(data: &[u8]) -> usize {
    data.windows(4)
        .filter(|w| matches!(w, [space, b'o', b'b', b'j'] if is_whitespace(*space)))
        .count()
}

/// The smallest PDF of the shape this check reads: `objects` numbered from 1 (the first
/// the catalog), their offsets in one classic cross-reference table, the trailer,
/// `startxref` and `%%EOF`. Tests and fuzz targets build their PDFs with it.
pub fn classic_pdf(objects: &[&[u8]]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Checks the structure of `data` (from its `%PDF-` header on) and counts it.
pub fn read_structure(data: &[u8]) -> Result<Structure, PdfError> {
    // Old revisions may hold more objects than the newest lists, but never many more.
    if written_objects(data) > 2 * MAX_OBJECTS {
        return Err(PdfError::OverLimit("more objects than a 資格情報 has"));
    }
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
    let mut trailer: Option<Value> = None;
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
        let offset_of = |key: &[u8]| {
            section
                .get(key)
                .and_then(Value::integer)
                .and_then(|o| usize::try_from(o).ok())
        };
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
    if !matches!(trailer.get(b"Root"), Some(Value::Reference(_))) {
        return Err(PdfError::Damaged("the trailer names no catalog"));
    }
    let mut structure = Structure {
        encrypted: trailer.get(b"Encrypt").is_some(),
        objects: reader
            .entries
            .values()
            .filter(|e| **e != Entry::Free)
            .count(),
        largest_stream: reader.largest_stream,
        ..Structure::default()
    };
    if structure.objects > MAX_OBJECTS {
        return Err(PdfError::OverLimit("more objects than a 資格情報 has"));
    }
    count_objects(&reader, &mut structure)?;
    Ok(structure)
}

/// Visits every object in use: each must be where the cross-reference data says; counts
/// tokens and object streams and inflates the object streams against one budget.
fn count_objects(reader: &Reader<'_>, structure: &mut Structure) -> Result<(), PdfError> {
    let data = reader.data;
    for (&number, entry) in &reader.entries {
        let Entry::Normal(offset) = *entry else {
            continue;
        };
        // The lexer stops one token past what the budget has left.
        let left = MAX_TOKENS - structure.tokens.min(MAX_TOKENS);
        let mut lexer = Lexer::at(data, offset).with_limit(left + 4);
        if offset >= data.len() || object_header(&mut lexer) != Some(number) {
            return Err(PdfError::Damaged(
                "the cross-reference data does not point at its objects",
            ));
        }
        let mut ahead = lexer.clone();
        let head = if ahead.next_token() == Some(Token::DictStart) {
            lexer = ahead;
            stream_head(&mut lexer)
        } else {
            lexer.skip_value(MAX_DEPTH);
            None
        };
        structure.tokens += lexer.tokens();
        if let Some(head) = head {
            let mut after = lexer.clone();
            if after.next_token() == Some(Token::Keyword(b"stream")) {
                let start = stream_data_start(&after);
                let length = head
                    .length
                    .or_else(|| {
                        head.length_reference
                            .and_then(|n| reader.indirect_integer(n))
                    })
                    .filter(|length| start.saturating_add(*length) <= data.len())
                    .or_else(|| find(data.get(start..).unwrap_or_default(), b"endstream"))
                    .unwrap_or(0);
                if head.object_stream {
                    measure_object_stream(data, start, length, &head, structure)?;
                }
            }
        }
        if structure.tokens > MAX_TOKENS {
            return Err(PdfError::OverLimit("more objects than a 資格情報 has"));
        }
    }
    Ok(())
}

fn measure_object_stream(
    data: &[u8],
    start: usize,
    length: usize,
    head: &StreamHead,
    structure: &mut Structure,
) -> Result<(), PdfError> {
    structure.object_streams += 1;
    if structure.object_streams > MAX_OBJECT_STREAMS {
        return Err(PdfError::OverLimit("too many object streams"));
    }
    if structure.encrypted {
        // Encrypted data inflates only once decrypted; the loader bounds each object
        // stream by its share of the budget instead.
        return Ok(());
    }
    let raw = data.get(start..start + length).unwrap_or_default();
    let remaining = OBJECT_STREAM_BUDGET.saturating_sub(structure.object_stream_bytes);
    let decoded = match head.filters.as_slice() {
        [] => {
            if raw.len() > remaining {
                return Err(PdfError::OverLimit(
                    "object streams inflate past their budget",
                ));
            }
            raw.to_vec()
        }
        [filter] if filter == b"FlateDecode" || filter == b"Fl" => inflate(raw, remaining)
            .map_err(|_| PdfError::OverLimit("object streams inflate past their budget"))?,
        _ => {
            return Err(PdfError::Damaged(
                "an object stream has an unsupported filter",
            ));
        }
    };
    structure.object_stream_bytes += decoded.len();
    structure.largest_stream = structure.largest_stream.max(decoded.len());
    let left = MAX_TOKENS - structure.tokens.min(MAX_TOKENS);
    let mut lexer = Lexer::new(&decoded).with_limit(left + 1);
    while lexer.next_token().is_some() {}
    structure.tokens += lexer.tokens();
    if structure.tokens > MAX_TOKENS {
        return Err(PdfError::OverLimit("more objects than a 資格情報 has"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGES: [&[u8]; 3] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];

    #[test]
    fn a_whole_file_is_counted() {
        let structure = read_structure(&classic_pdf(&PAGES)).unwrap();
        assert_eq!(structure.objects, 3);
        assert_eq!(structure.object_streams, 0);
        assert!(structure.tokens > 10);
        assert!(!structure.encrypted);
    }

    #[test]
    fn a_file_cut_anywhere_is_damaged() {
        let whole = classic_pdf(&PAGES);
        let eof = whole.len() - b"%%EOF\n".len();
        for cut in (1..eof).step_by(7).chain([eof + 3]) {
            let result = read_structure(&whole[..cut]);
            assert!(
                matches!(result, Err(PdfError::Damaged(_))),
                "cut at {cut}: {result:?}"
            );
        }
        // Only white space may follow %%EOF; anything else is what remains of an update.
        let mut appended = whole.clone();
        appended.extend_from_slice(b"4 0 obj\n<< /Ty");
        assert!(read_structure(&appended).is_err());
        let mut padded = whole;
        padded.extend_from_slice(b"\r\n\0\0");
        assert!(read_structure(&padded).is_ok());
    }

    #[test]
    fn offsets_that_miss_their_objects_are_damaged() {
        let mut file = classic_pdf(&PAGES);
        // Shift every object after the cross-reference data was written.
        file.splice(9..9, *b"xxxxxxxxxx");
        assert!(matches!(read_structure(&file), Err(PdfError::Damaged(_))));
    }

    #[test]
    fn too_many_tokens_are_refused_before_loading() {
        let big = format!("[{}]", "0 ".repeat(MAX_TOKENS));
        let objects: [&[u8]; 4] = [PAGES[0], PAGES[1], PAGES[2], big.as_bytes()];
        assert!(matches!(
            read_structure(&classic_pdf(&objects)),
            Err(PdfError::OverLimit(_))
        ));
    }

    #[test]
    fn inflation_is_bounded() {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&vec![0u8; 100_000]).unwrap();
        let compressed = encoder.finish().unwrap();
        assert_eq!(inflate(&compressed, 100_000).unwrap().len(), 100_000);
        assert!(inflate(&compressed, 99_999).is_err());
        assert!(inflate(b"not deflate at all", 10).unwrap().len() <= 10);
    }

    #[test]
    fn values_read_whole() {
        let mut lexer = Lexer::new(b"<< /W [1 2 1] /Root 1 0 R /Info 2 0 R /Size 4 >>");
        let value = read_value(&mut lexer).unwrap();
        assert_eq!(value.get(b"Root"), Some(&Value::Reference(1)));
        assert_eq!(value.get(b"Size").and_then(Value::integer), Some(4));
    }
}
