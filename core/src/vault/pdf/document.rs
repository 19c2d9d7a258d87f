//! A checked PDF loaded into objects: every object the cross-reference data lists, at
//! the offset it gives (streams with their data as stored), and every object of its
//! object streams; then the page tree (§7.7.3) and what a page draws with. Loading
//! follows [`structure`](super::structure), which already bounded what there is to
//! load: an object that does not read here was not screened (R10), so it refuses the
//! PDF rather than being skipped.

use std::collections::{BTreeMap, HashSet};

use super::PdfError;
use super::object::{Dictionary, MAX_DEPTH, Object, ObjectId, Stream, read_object};
use super::structure::{OBJECT_STREAM_BUDGET, Structure, stream_length};
use super::syntax::{Lexer, Token};
use super::xref::{Entry, decode_stream, stream_data_start};

/// References followed from one to the next at most.
const MAX_REFERENCE_CHAIN: usize = 32;
/// Why a document does not load.
const UNREADABLE: PdfError = PdfError::NotScreened("an object that does not read");

/// The objects of a document and its trailer.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub objects: BTreeMap<ObjectId, Object>,
    pub trailer: Dictionary,
}

impl Document {
    /// Loads every object of `data` (from its `%PDF-` header on) whose structure was
    /// checked as `structure`. Encrypted documents are refused before.
    pub fn load(data: &[u8], structure: &Structure) -> Result<Self, PdfError> {
        let xref = &structure.xref;
        let mut document = Document {
            objects: BTreeMap::new(),
            trailer: xref.trailer.clone(),
        };
        for (&number, entry) in &xref.entries {
            let Entry::Normal(offset) = *entry else {
                continue;
            };
            let (generation, object) =
                read_indirect(data, offset, number, |n| xref.indirect_integer(data, n))
                    .ok_or(UNREADABLE)?;
            document.objects.insert((number, generation), object);
        }
        let mut budget = OBJECT_STREAM_BUDGET;
        let streams: Vec<Stream> = document
            .objects
            .values()
            .filter_map(Object::as_stream)
            .filter(|s| s.dict.get(b"Type").and_then(Object::as_name) == Some(b"ObjStm"))
            .cloned()
            .collect();
        for stream in &streams {
            let decoded =
                decode_stream(&stream.dict, &stream.content, budget).map_err(|_| UNREADABLE)?;
            budget -= decoded.len().min(budget);
            for (number, object) in object_stream_members(&stream.dict, &decoded)? {
                document.objects.entry((number, 0)).or_insert(object);
            }
        }
        let compressed_missing = xref.entries.iter().any(|(number, entry)| {
            *entry == Entry::Compressed && !document.objects.contains_key(&(*number, 0))
        });
        if compressed_missing {
            return Err(UNREADABLE);
        }
        Ok(document)
    }

    pub fn get_object(&self, id: ObjectId) -> Option<&Object> {
        self.objects.get(&id)
    }

    /// The object `object` stands for, following references, with the id of the last
    /// one followed; a reference to no object is null (§7.3.10).
    pub fn dereference<'a>(&'a self, object: &'a Object) -> Option<(Option<ObjectId>, &'a Object)> {
        let mut current = object;
        let mut id = None;
        for _ in 0..MAX_REFERENCE_CHAIN {
            let Object::Reference(next) = current else {
                return Some((id, current));
            };
            id = Some(*next);
            current = self.objects.get(next).unwrap_or(&Object::Null);
        }
        None
    }

    /// What `object` stands for, references followed.
    pub fn resolve<'a>(&'a self, object: &'a Object) -> Option<&'a Object> {
        self.dereference(object).map(|(_, object)| object)
    }

    /// The dictionary (or stream dictionary) under `key`, references followed.
    pub fn dict_of<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        self.resolve(dict.get(key)?)?.dict_or_stream_dict()
    }

    fn dict_by_id(&self, id: ObjectId) -> Option<&Dictionary> {
        self.get_object(id)?.as_dict()
    }

    /// The pages in order, at most `limit`: the leaves of the page tree from the
    /// catalog's `/Pages`, each node visited once (a tree that cycles ends; one as
    /// deep as the document has objects is walked).
    pub fn pages(&self, limit: usize) -> Vec<ObjectId> {
        let root = self
            .trailer
            .get(b"Root")
            .and_then(|root| self.resolve(root))
            .and_then(Object::as_dict);
        let Some(Object::Reference(top)) = root.and_then(|catalog| catalog.get(b"Pages")) else {
            return Vec::new();
        };
        let mut pages = Vec::new();
        let mut visited = HashSet::new();
        let mut stack = vec![*top];
        while let Some(id) = stack.pop() {
            if pages.len() >= limit {
                break;
            }
            if !visited.insert(id) {
                continue;
            }
            let Some(node) = self.dict_by_id(id) else {
                continue;
            };
            match node.get(b"Kids").and_then(|kids| self.resolve(kids)) {
                Some(Object::Array(kids)) => {
                    let kids = kids.iter().rev().filter_map(|kid| match kid {
                        Object::Reference(kid) => Some(*kid),
                        _ => None,
                    });
                    stack.extend(kids);
                }
                _ if node.get(b"Type").and_then(Object::as_name) == Some(b"Page") => {
                    pages.push(id);
                }
                _ => {}
            }
        }
        pages
    }

    /// The resources of a page: its own, else the nearest ancestor's (§7.7.3.4).
    pub fn page_resources(&self, page: ObjectId) -> Option<&Dictionary> {
        let mut node = self.dict_by_id(page)?;
        for _ in 0..MAX_DEPTH {
            if let Some(resources) = self.dict_of(node, b"Resources") {
                return Some(resources);
            }
            let parent = node.get(b"Parent").and_then(|p| self.resolve(p));
            node = parent?.as_dict()?;
        }
        None
    }

    /// The content streams of a page, in order.
    pub fn page_contents(&self, page: ObjectId) -> Vec<&Stream> {
        let Some(contents) = self.dict_by_id(page).and_then(|p| p.get(b"Contents")) else {
            return Vec::new();
        };
        let items = match self.resolve(contents) {
            Some(Object::Array(items)) => items.as_slice(),
            _ => std::slice::from_ref(contents),
        };
        items
            .iter()
            .filter_map(|item| self.resolve(item)?.as_stream())
            .collect()
    }
}

/// `N G obj`, the object, and a stream's data when one follows.
fn read_indirect(
    data: &[u8],
    offset: usize,
    number: u32,
    indirect_length: impl Fn(u32) -> Option<usize>,
) -> Option<(u16, Object)> {
    let mut lexer = Lexer::at(data, offset);
    let (
        Some(Token::Integer(found)),
        Some(Token::Integer(generation)),
        Some(Token::Keyword(b"obj")),
    ) = (lexer.next_token(), lexer.next_token(), lexer.next_token())
    else {
        return None;
    };
    if u32::try_from(found).ok()? != number {
        return None;
    }
    let generation = u16::try_from(generation).ok()?;
    let object = read_object(&mut lexer, usize::MAX)?;
    let Object::Dictionary(dict) = object else {
        return Some((generation, object));
    };
    let mut after = lexer.clone();
    if after.next_token() != Some(Token::Keyword(b"stream")) {
        return Some((generation, Object::Dictionary(dict)));
    }
    let start = stream_data_start(&after);
    let length = match dict.get(b"Length") {
        Some(Object::Integer(length)) => usize::try_from(*length).ok(),
        Some(Object::Reference((length, _))) => indirect_length(*length),
        _ => None,
    };
    let length = stream_length(data, start, length);
    let content = data.get(start..start + length)?.to_vec();
    Some((generation, Object::Stream(Stream { dict, content })))
}

/// The objects of an object stream (§7.5.7): `/N` pairs of number and offset, then the
/// objects from `/First` on.
fn object_stream_members(
    dict: &Dictionary,
    decoded: &[u8],
) -> Result<Vec<(u32, Object)>, PdfError> {
    let count = dict
        .get(b"N")
        .and_then(Object::as_usize)
        .ok_or(UNREADABLE)?;
    let first = dict
        .get(b"First")
        .and_then(Object::as_usize)
        .ok_or(UNREADABLE)?;
    let mut header = Lexer::new(decoded.get(..first).ok_or(UNREADABLE)?);
    let mut members = Vec::new();
    for _ in 0..count {
        let (Some(Token::Integer(number)), Some(Token::Integer(offset))) =
            (header.next_token(), header.next_token())
        else {
            return Err(UNREADABLE);
        };
        let number = u32::try_from(number).map_err(|_| UNREADABLE)?;
        let offset = usize::try_from(offset).map_err(|_| UNREADABLE)?;
        let at = first.checked_add(offset).ok_or(UNREADABLE)?;
        if at >= decoded.len() {
            return Err(UNREADABLE);
        }
        let object = read_object(&mut Lexer::at(decoded, at), usize::MAX).ok_or(UNREADABLE)?;
        members.push((number, object));
    }
    Ok(members)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::vault::pdf::structure::{classic_pdf, classic_stream, read_structure};

    fn load(data: &[u8]) -> Result<Document, PdfError> {
        Document::load(data, &read_structure(data)?)
    }

    #[test]
    fn loads_objects_streams_and_the_page_tree() {
        let content = b"BT (Hi) Tj ET";
        // The length stands in an object of its own.
        let stream = format!(
            "<< /Length 6 0 R >>\nstream\n{}\nendstream",
            String::from_utf8_lossy(content)
        );
        let length = content.len().to_string();
        let objects: [&[u8]; 6] = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources << /Font << >> >> >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
            b"<< /Type /Page /Parent 2 0 R /Contents [5 0 R 5 0 R] /Resources << >> >>",
            stream.as_bytes(),
            length.as_bytes(),
        ];
        let document = load(&classic_pdf(&objects)).unwrap();
        assert_eq!(document.objects.len(), 6);
        assert_eq!(document.pages(16), vec![(3, 0), (4, 0)]);
        assert_eq!(document.pages(1), vec![(3, 0)]);
        let contents = document.page_contents((3, 0));
        assert_eq!(contents.len(), 1);
        assert_eq!(contents[0].content, content);
        assert_eq!(document.page_contents((4, 0)).len(), 2);
        let inherited = document.page_resources((3, 0)).unwrap();
        assert!(inherited.has(b"Font"));
        assert!(document.page_resources((4, 0)).unwrap().is_empty());
    }

    #[test]
    fn objects_of_object_streams_load() {
        let members =
            b"3 0 4 42 << /Type /Pages /Kids [4 0 R] /Count 1 >>  << /Type /Page /Parent 3 0 R >>";
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(members).unwrap();
        let packed = encoder.finish().unwrap();
        let stream = classic_stream("/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode", &packed);
        let objects: [&[u8]; 2] = [b"<< /Type /Catalog /Pages 3 0 R >>", &stream];
        let document = load(&classic_pdf(&objects)).unwrap();
        assert_eq!(document.objects.len(), 4);
        assert_eq!(document.pages(16), vec![(4, 0)]);
    }

    #[test]
    fn an_object_that_does_not_read_refuses_the_document() {
        let objects: [&[u8]; 2] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Kids [ >>"];
        assert_eq!(load(&classic_pdf(&objects)).err(), Some(UNREADABLE));
    }

    #[test]
    fn a_cyclic_page_tree_ends() {
        let objects: [&[u8]; 3] = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] >>",
        ];
        assert!(load(&classic_pdf(&objects)).unwrap().pages(16).is_empty());
    }

    #[test]
    fn references_resolve_through_chains_and_to_null() {
        let objects: [&[u8]; 3] = [b"<< /Type /Catalog >>", b"3 0 R", b"(end)"];
        let document = load(&classic_pdf(&objects)).unwrap();
        let (id, object) = document.dereference(&Object::Reference((2, 0))).unwrap();
        assert_eq!(
            (id, object),
            (Some((3, 0)), &Object::String(b"end".to_vec()))
        );
        assert_eq!(
            document.resolve(&Object::Reference((9, 0))),
            Some(&Object::Null)
        );
    }
}
