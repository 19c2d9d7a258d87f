//! PDF objects (ISO 32000-1 §7.3) and their parser: every value the import looks at —
//! trailers, cross-reference stream dictionaries, the objects of a loaded document — is
//! read into these types through the one lexer of [`syntax`](super::syntax). Reading is
//! bounded in depth and in items, so a hostile object fails to read rather than grow.

use super::syntax::{Lexer, Token};

/// An object's number and generation.
pub type ObjectId = (u32, u16);

/// Objects nest no deeper than this; a deeper one does not read.
pub const MAX_DEPTH: usize = 100;

/// One PDF object.
#[derive(Debug, Clone, PartialEq)]
pub enum Object {
    Null,
    Boolean(bool),
    Integer(i64),
    Real(f64),
    Name(Vec<u8>),
    String(Vec<u8>),
    Array(Vec<Object>),
    Dictionary(Dictionary),
    Stream(Stream),
    Reference(ObjectId),
}

/// A dictionary, its keys in the order written (a later duplicate key is ignored, as
/// readers do).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dictionary(Vec<(Vec<u8>, Object)>);

/// A stream: its dictionary and its data as stored (still encoded).
#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    pub dict: Dictionary,
    pub content: Vec<u8>,
}

impl Object {
    pub fn as_dict(&self) -> Option<&Dictionary> {
        match self {
            Object::Dictionary(dict) => Some(dict),
            _ => None,
        }
    }

    /// The dictionary of a dictionary or of a stream.
    pub fn dict_or_stream_dict(&self) -> Option<&Dictionary> {
        match self {
            Object::Dictionary(dict) => Some(dict),
            Object::Stream(stream) => Some(&stream.dict),
            _ => None,
        }
    }

    pub fn as_stream(&self) -> Option<&Stream> {
        match self {
            Object::Stream(stream) => Some(stream),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(name) => Some(name),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Object::Integer(value) => Some(*value),
            _ => None,
        }
    }

    /// A non-negative integer as a size or an offset.
    pub fn as_usize(&self) -> Option<usize> {
        self.as_integer()
            .and_then(|value| usize::try_from(value).ok())
    }

    /// The value of a number, integer or real.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Object::Integer(value) => Some(*value as f64),
            Object::Real(value) => Some(*value),
            _ => None,
        }
    }

    /// A name or the names of an array (a stream's `/Filter`).
    pub fn names(&self) -> Vec<&[u8]> {
        match self {
            Object::Name(name) => vec![name],
            Object::Array(items) => items.iter().filter_map(Object::as_name).collect(),
            _ => Vec::new(),
        }
    }
}

impl Dictionary {
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn has(&self, key: &[u8]) -> bool {
        self.get(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = &Object> {
        self.0.iter().map(|(_, value)| value)
    }

    fn insert(&mut self, key: Vec<u8>, value: Object) {
        if !self.has(&key) {
            self.0.push((key, value));
        }
    }
}

/// Reads one object whole (no stream data), with at most `max_items` values in it.
pub fn read_object(lexer: &mut Lexer<'_>, max_items: usize) -> Option<Object> {
    let mut items = 0usize;
    read_within(lexer, 0, &mut items, max_items)
}

fn read_within(
    lexer: &mut Lexer<'_>,
    depth: usize,
    items: &mut usize,
    max_items: usize,
) -> Option<Object> {
    *items += 1;
    if depth > MAX_DEPTH || *items > max_items {
        return None;
    }
    let object = match lexer.next_token()? {
        Token::Integer(number) => {
            let mut ahead = lexer.clone();
            match (ahead.next_token(), ahead.next_token()) {
                (Some(Token::Integer(generation)), Some(Token::Keyword(b"R"))) => {
                    *lexer = ahead;
                    Object::Reference((
                        u32::try_from(number).ok()?,
                        u16::try_from(generation).ok()?,
                    ))
                }
                _ => Object::Integer(number),
            }
        }
        Token::Number(number) => Object::Real(number),
        Token::Name(name) => Object::Name(name),
        Token::String(bytes) => Object::String(bytes),
        Token::Keyword(b"true") => Object::Boolean(true),
        Token::Keyword(b"false") => Object::Boolean(false),
        Token::Keyword(b"null") => Object::Null,
        Token::ArrayStart => {
            let mut array = Vec::new();
            loop {
                let mut ahead = lexer.clone();
                if ahead.next_token()? == Token::ArrayEnd {
                    *lexer = ahead;
                    break Object::Array(array);
                }
                array.push(read_within(lexer, depth + 1, items, max_items)?);
            }
        }
        Token::DictStart => {
            let mut dict = Dictionary::default();
            loop {
                match lexer.next_token()? {
                    Token::DictEnd => break Object::Dictionary(dict),
                    Token::Name(key) => {
                        let value = read_within(lexer, depth + 1, items, max_items)?;
                        dict.insert(key, value);
                    }
                    _ => return None,
                }
            }
        }
        Token::Keyword(_) | Token::ArrayEnd | Token::DictEnd => return None,
    };
    Some(object)
}

/// A text string (§7.9.2.2) as text: UTF-16BE or UTF-8 after their byte order mark,
/// otherwise PDFDocEncoding, whose printable ASCII (digits included) is ASCII's.
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = utf16.chunks(2).map(|pair| {
            pair.iter()
                .fold(0u16, |unit, byte| unit << 8 | u16::from(*byte))
        });
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|byte| char::from(*byte)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &[u8]) -> Option<Object> {
        read_object(&mut Lexer::new(data), usize::MAX)
    }

    #[test]
    fn reads_dictionaries_arrays_and_references() {
        let object = read(b"<< /W [1 2.5 true null] /Root 1 0 R /Size 4 /Size 5 >>").unwrap();
        let dict = object.as_dict().unwrap();
        assert_eq!(dict.get(b"Root"), Some(&Object::Reference((1, 0))));
        assert_eq!(dict.get(b"Size").and_then(Object::as_integer), Some(4));
        assert_eq!(
            dict.get(b"W").and_then(Object::as_array).unwrap(),
            &[
                Object::Integer(1),
                Object::Real(2.5),
                Object::Boolean(true),
                Object::Null
            ]
        );
        assert_eq!(dict.len(), 3);
    }

    #[test]
    fn what_is_not_an_object_does_not_read() {
        for data in [&b"<< /A >>"[..], b"[1 2", b"<< 1 2 >>", b"obj", b"]"] {
            assert_eq!(read(data), None, "{}", String::from_utf8_lossy(data));
        }
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 2), "]".repeat(MAX_DEPTH + 2));
        assert_eq!(read(deep.as_bytes()), None);
        let shallow = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(read(shallow.as_bytes()).is_some());
        assert_eq!(read_object(&mut Lexer::new(b"[1 2 3]"), 3), None);
    }

    #[test]
    fn text_strings_decode_by_their_mark() {
        assert_eq!(text_string(b"\xFE\xFF\x30\x6A\x00\x31"), "な1");
        assert_eq!(text_string("\u{FEFF}名1".as_bytes()), "名1");
        assert_eq!(text_string(b"123 abc"), "123 abc");
    }
}
