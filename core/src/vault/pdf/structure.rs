//! The structure check that runs before a PDF is loaded: the file must end in its
//! `startxref` and `%%EOF`, its cross-reference data must read as written and point at
//! the objects it names ([`xref`](super::xref)), and the document must stay inside the
//! import budget — objects, object streams, tokens and the bytes its object streams
//! inflate to, counted here from the cross-reference data so that nothing past a limit
//! is ever loaded. A file that fails is refused, never rebuilt by scanning for objects
//! (a cut file must not pass for a whole one).

use super::PdfError;
use super::object::{Object, read_object};
use super::syntax::{Lexer, Token, is_whitespace};
use super::xref::{self, Entry, Xref, object_header, read_xref, stream_data_start};

pub use super::xref::MAX_OBJECTS;

/// The most object streams a document may hold.
pub const MAX_OBJECT_STREAMS: usize = 32;
/// What all object streams of a document may inflate to, together.
pub const OBJECT_STREAM_BUDGET: usize = 4 * 1024 * 1024;
/// The most tokens the document's objects (object streams included) may hold: each
/// becomes an object in memory when the document is loaded.
pub const MAX_TOKENS: usize = 200_000;
/// Values are skipped no deeper than this.
const MAX_DEPTH: usize = super::object::MAX_DEPTH;

/// What the structure check counted, and the cross-reference data it read.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Objects in use.
    pub objects: usize,
    /// Objects that are object streams.
    pub object_streams: usize,
    /// Tokens in every object, object streams included (when readable before
    /// decryption).
    pub tokens: usize,
    /// Whether the trailer names an encryption dictionary.
    pub encrypted: bool,
    /// The largest any object stream or cross-reference stream inflated to.
    pub largest_stream: usize,
    /// What all object streams inflated to.
    pub object_stream_bytes: usize,
    /// Where each object is, and the trailer.
    pub xref: Xref,
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
                b"Filter" => match read_object(lexer, xref::MAX_VALUE_ITEMS)? {
                    Object::Name(name) => head.filters = vec![name],
                    Object::Array(items) => {
                        head.filters = items
                            .iter()
                            .filter_map(Object::as_name)
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

/// A stream object's body for [`classic_pdf`]: `dict`'s entries with the `/Length` of
/// `data`, then the data between `stream` and `endstream`.
pub fn classic_stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\nendstream");
    body
}

/// Checks the structure of `data` (from its `%PDF-` header on) and counts it.
pub fn read_structure(data: &[u8]) -> Result<Structure, PdfError> {
    // Old revisions may hold more objects than the newest lists, but never many more.
    if written_objects(data) > 2 * MAX_OBJECTS {
        return Err(PdfError::OverLimit("more objects than a 資格情報 has"));
    }
    let xref = read_xref(data)?;
    let mut structure = Structure {
        encrypted: xref.trailer.has(b"Encrypt"),
        objects: xref.objects(),
        largest_stream: xref.largest_stream,
        ..Structure::default()
    };
    if structure.objects > MAX_OBJECTS {
        return Err(PdfError::OverLimit("more objects than a 資格情報 has"));
    }
    count_objects(data, &xref, &mut structure)?;
    structure.xref = xref;
    Ok(structure)
}

/// Where a stream's data lies: from `start` for its `/Length` (direct, or an indirect
/// integer), else up to the `endstream` keyword when the length misses the data.
pub fn stream_length(data: &[u8], start: usize, length: Option<usize>) -> usize {
    length
        .filter(|length| start.saturating_add(*length) <= data.len())
        .or_else(|| xref::find(data.get(start..).unwrap_or_default(), b"endstream"))
        .unwrap_or(0)
}

/// Visits every object in use: each must be where the cross-reference data says; counts
/// tokens and object streams and inflates the object streams against one budget.
fn count_objects(data: &[u8], xref: &Xref, structure: &mut Structure) -> Result<(), PdfError> {
    for (&number, entry) in &xref.entries {
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
                let length = head.length.or_else(|| {
                    head.length_reference
                        .and_then(|n| xref.indirect_integer(data, n))
                });
                let length = stream_length(data, start, length);
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
        [filter] if filter == b"FlateDecode" || filter == b"Fl" => {
            super::filters::inflate(raw, remaining)
                .map_err(|_| PdfError::OverLimit("object streams inflate past their budget"))?
        }
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
}
