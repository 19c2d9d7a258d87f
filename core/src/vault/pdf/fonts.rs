//! How a font's string bytes become text and widths (ISO 32000-1 §9.6–9.10), for every
//! encoding Japanese PDFs are written in:
//!
//! - a ToUnicode map, first whenever the font has one;
//! - the predefined Unicode CMaps (`UniJIS-UCS2-H`/`-V`, `UniJIS-UTF16-H`/`-V`,
//!   `UniJIS-UTF32-H`, `UniJIS-UTF8-H` and their kin): the codes are Unicode;
//! - the Shift_JIS CMaps (`90ms-RKSJ-H`/`-V`, `90msp-RKSJ-H` …), EUC-JP (`EUC-H`) and
//!   ISO-2022-JP (`H`, `V`) through the JIS X 0208 table ([`crate::jis`]);
//! - `Identity-H`/`-V` and embedded CMaps of Adobe-Japan1 fonts through the CID table
//!   ([`super::adobe_japan1`]);
//! - simple fonts through their encoding and `/Differences`.
//!
//! Widths come from `/W` and `/DW` (CID fonts) or `/Widths` (simple fonts); where the
//! CID is not known (a predefined CMap maps codes to CIDs with data the app does not
//! carry) a half-width character counts 500 and any other the default width.

use std::collections::HashMap;
use std::rc::Rc;

use super::document::Document;
use super::object::{Dictionary, Object, ObjectId};
use crate::jis::{decode_euc_jp, decode_shift_jis, windows_1252};

use super::adobe_japan1;
use super::budget::Budget;
use super::cmap::CMap;

/// The most `/W` entries kept per font.
const MAX_WIDTH_ENTRIES: usize = 65_536;

/// How a font's bytes are Unicode without a ToUnicode map.
#[derive(Debug, Clone, PartialEq)]
enum Encoding {
    /// One byte a code, through a 256-entry table.
    Simple(Box<[Option<char>]>),
    /// Two bytes a code, the code is the CID.
    Identity,
    /// The codes are Unicode, in this form.
    Ucs2,
    Utf16,
    Utf32,
    Utf8,
    /// The legacy Japanese encodings: Shift_JIS, EUC-JP, ISO-2022-JP's two-byte codes.
    ShiftJis,
    EucJp,
    Jis,
    /// An embedded CMap (code → CID), and the predefined one it builds on.
    Embedded(Rc<CMap>, Option<Box<Encoding>>),
}

/// One glyph shown: its text (may be empty), its width in thousandths of the font size,
/// and whether it is the single-byte code 32 (which word spacing widens).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub width: f32,
    pub word_space: bool,
}

/// A font ready to decode strings.
#[derive(Debug, Clone, PartialEq)]
pub struct Font {
    encoding: Encoding,
    to_unicode: Option<Rc<CMap>>,
    /// Adobe-Japan1 CIDs (from `/CIDSystemInfo`), so the CID table applies.
    japan1: bool,
    widths: Vec<(u32, u32, f32)>,
    default_width: f32,
    pub vertical: bool,
}

/// Fonts and CMaps decoded so far in a document, each once.
#[derive(Debug, Default)]
pub struct FontCache {
    fonts: HashMap<ObjectId, Rc<Font>>,
    cmaps: HashMap<ObjectId, Rc<CMap>>,
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Object> {
    document.resolve(object)
}

fn dict_of<'a>(document: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    document.dict_of(dict, key)
}

fn name_of<'a>(document: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    resolve(document, dict.get(key)?)?.as_name()
}

fn number(object: &Object) -> Option<f32> {
    object.as_number().map(|value| value as f32)
}

/// The code → Unicode scheme of a predefined CMap, by its name; `None` for names the
/// app does not know.
fn predefined(name: &[u8]) -> Option<(Encoding, bool)> {
    let vertical = name.ends_with(b"-V");
    let has = |part: &[u8]| name.windows(part.len()).any(|w| w == part);
    let encoding = if name == b"Identity-H" || name == b"Identity-V" {
        Encoding::Identity
    } else if name.starts_with(b"Uni") && has(b"UCS2") {
        Encoding::Ucs2
    } else if name.starts_with(b"Uni") && has(b"UTF16") {
        Encoding::Utf16
    } else if name.starts_with(b"Uni") && has(b"UTF32") {
        Encoding::Utf32
    } else if name.starts_with(b"Uni") && has(b"UTF8") {
        Encoding::Utf8
    } else if has(b"RKSJ") {
        Encoding::ShiftJis
    } else if has(b"EUC") && !has(b"KSC") && !has(b"GB") && !has(b"CNS") {
        Encoding::EucJp
    } else if name == b"H" || name == b"V" {
        Encoding::Jis
    } else {
        return None;
    };
    Some((encoding, vertical))
}

/// A glyph name to its character (§9.10.2 step 3): `uniXXXX`, `uXXXX`, the ASCII names.
fn glyph_name_char(name: &[u8]) -> Option<char> {
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("quoteright", '\''),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("minus", '-'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("asciicircum", '^'),
        ("underscore", '_'),
        ("grave", '`'),
        ("quoteleft", '`'),
        ("braceleft", '{'),
        ("bar", '|'),
        ("braceright", '}'),
        ("asciitilde", '~'),
        ("yen", '¥'),
    ];
    let text = std::str::from_utf8(name).ok()?;
    let base = text.split('.').next().unwrap_or(text);
    if let [single] = base.as_bytes() {
        return single.is_ascii_alphabetic().then(|| char::from(*single));
    }
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == base) {
        return Some(c);
    }
    let hex = base
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            base.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// The base table of a simple font: WinAnsi for every standard name (the ASCII range is
/// the same in all of them, which is what a 資格情報's simple fonts print).
fn simple_table(document: &Document, font: &Dictionary) -> Box<[Option<char>]> {
    let mut table: Vec<Option<char>> = (0u8..=255)
        .map(|byte| windows_1252(byte).filter(|c| !c.is_control()))
        .collect();
    let differences = dict_of(document, font, b"Encoding")
        .and_then(|encoding| encoding.get(b"Differences"))
        .and_then(|d| resolve(document, d))
        .and_then(|d| d.as_array());
    if let Some(differences) = differences {
        let mut code: usize = 0;
        for item in differences.iter().take(512) {
            match item {
                Object::Integer(start) => code = usize::try_from(*start).unwrap_or(usize::MAX),
                Object::Name(name) => {
                    if let Some(slot) = table.get_mut(code) {
                        *slot = glyph_name_char(name);
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }
    table.into_boxed_slice()
}

/// `/W` of a CID font: `c [w1 w2 …]` and `c_first c_last w`.
fn cid_widths(document: &Document, array: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut widths = Vec::new();
    let mut items = array.iter().map(|item| resolve(document, item));
    while let Some(Some(first)) = items.next() {
        if widths.len() >= MAX_WIDTH_ENTRIES {
            break;
        }
        let Some(first) = number(first).map(|f| f as u32) else {
            break;
        };
        match items.next().flatten() {
            Some(Object::Array(list)) => {
                for (offset, width) in list.iter().take(MAX_WIDTH_ENTRIES).enumerate() {
                    let cid = first.saturating_add(u32::try_from(offset).unwrap_or(u32::MAX));
                    if let Some(width) = number(width) {
                        widths.push((cid, cid, width));
                    }
                }
            }
            Some(last) => {
                let (Some(last), Some(Some(width))) =
                    (number(last), items.next().map(|w| w.and_then(number)))
                else {
                    break;
                };
                widths.push((first, last as u32, width));
            }
            None => break,
        }
    }
    widths.sort_by_key(|(low, _, _)| *low);
    widths
}

impl FontCache {
    /// The font `object` (a reference to a font dictionary, usually), decoded once.
    pub fn font(
        &mut self,
        document: &Document,
        object: &Object,
        budget: &mut Budget,
    ) -> Option<Rc<Font>> {
        let (id, resolved) = document.dereference(object)?;
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Some(Rc::clone(font));
        }
        let dict = resolved.as_dict()?;
        let font = Rc::new(self.build(document, dict, budget));
        if let Some(id) = id {
            self.fonts.insert(id, Rc::clone(&font));
        }
        Some(font)
    }

    /// A CMap stream, decoded and parsed once, within the budget.
    fn cmap(
        &mut self,
        document: &Document,
        object: &Object,
        budget: &mut Budget,
    ) -> Option<Rc<CMap>> {
        let (id, resolved) = document.dereference(object)?;
        if let Some(cmap) = id.and_then(|id| self.cmaps.get(&id)) {
            return Some(Rc::clone(cmap));
        }
        let stream = resolved.as_stream()?;
        let cmap = Rc::new(CMap::parse(&budget.decode_cmap(stream)?));
        if let Some(id) = id {
            self.cmaps.insert(id, Rc::clone(&cmap));
        }
        Some(cmap)
    }

    fn build(&mut self, document: &Document, dict: &Dictionary, budget: &mut Budget) -> Font {
        let to_unicode = dict
            .get(b"ToUnicode")
            .and_then(|object| self.cmap(document, object, budget));
        if name_of(document, dict, b"Subtype") != Some(b"Type0") {
            let first_char = dict
                .get(b"FirstChar")
                .and_then(|f| resolve(document, f))
                .and_then(number)
                .unwrap_or(0.0) as u32;
            let widths = dict
                .get(b"Widths")
                .and_then(|w| resolve(document, w))
                .and_then(|w| w.as_array())
                .map(|array| {
                    array
                        .iter()
                        .take(256)
                        .zip(first_char..)
                        .filter_map(|(w, code)| Some((code, code, number(resolve(document, w)?)?)))
                        .collect()
                })
                .unwrap_or_default();
            let missing = dict_of(document, dict, b"FontDescriptor")
                .and_then(|d| d.get(b"MissingWidth"))
                .and_then(number)
                .filter(|w| *w > 0.0)
                .unwrap_or(500.0);
            return Font {
                encoding: Encoding::Simple(simple_table(document, dict)),
                to_unicode,
                japan1: false,
                widths,
                default_width: missing,
                vertical: false,
            };
        }
        let descendant = dict
            .get(b"DescendantFonts")
            .and_then(|d| resolve(document, d))
            .and_then(|d| d.as_array())
            .and_then(|d| d.first())
            .and_then(|d| resolve(document, d))
            .and_then(|d| d.as_dict());
        let japan1 = descendant
            .and_then(|d| dict_of(document, d, b"CIDSystemInfo"))
            .and_then(|info| info.get(b"Ordering"))
            .and_then(|o| resolve(document, o))
            .and_then(|o| match o {
                Object::String(bytes) | Object::Name(bytes) => Some(bytes.as_slice() == b"Japan1"),
                _ => None,
            })
            .unwrap_or(false);
        let widths = descendant
            .and_then(|d| d.get(b"W"))
            .and_then(|w| resolve(document, w))
            .and_then(|w| w.as_array())
            .map(|array| cid_widths(document, array))
            .unwrap_or_default();
        let default_width = descendant
            .and_then(|d| d.get(b"DW"))
            .and_then(|w| resolve(document, w))
            .and_then(number)
            .unwrap_or(1000.0);
        let (encoding, vertical) = match dict.get(b"Encoding").and_then(|e| resolve(document, e)) {
            Some(Object::Name(name)) => predefined(name).unwrap_or((Encoding::Identity, false)),
            Some(Object::Stream(_)) => match dict
                .get(b"Encoding")
                .and_then(|e| self.cmap(document, e, budget))
            {
                Some(cmap) => {
                    let base = cmap
                        .use_cmap
                        .as_deref()
                        .and_then(predefined)
                        .map(|(e, _)| Box::new(e));
                    let vertical = cmap.vertical;
                    (Encoding::Embedded(cmap, base), vertical)
                }
                None => (Encoding::Identity, false),
            },
            _ => (Encoding::Identity, false),
        };
        Font {
            encoding,
            to_unicode,
            japan1,
            widths,
            default_width,
            vertical,
        }
    }
}

/// The length of the code at the start of `bytes`, by the encoding's rules.
fn next_code(encoding: &Encoding, bytes: &[u8]) -> usize {
    let first = bytes.first().copied().unwrap_or(0);
    let len = match encoding {
        Encoding::Simple(_) => 1,
        Encoding::Identity | Encoding::Ucs2 | Encoding::Jis => 2,
        Encoding::Utf16 => {
            if (0xD8..=0xDB).contains(&first) {
                4
            } else {
                2
            }
        }
        Encoding::Utf32 => 4,
        Encoding::Utf8 => match first {
            0xF0..=0xF7 => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            _ => 1,
        },
        Encoding::ShiftJis => {
            if matches!(first, 0x81..=0x9F | 0xE0..=0xFC) {
                2
            } else {
                1
            }
        }
        Encoding::EucJp => match first {
            0x8F => 3,
            0x80..=0xFF => 2,
            _ => 1,
        },
        Encoding::Embedded(cmap, base) => cmap
            .code_length(bytes)
            .or_else(|| base.as_deref().map(|base| next_code(base, bytes)))
            .unwrap_or(1),
    };
    len.clamp(1, bytes.len().max(1))
}

fn code_value(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| acc << 8 | u32::from(*b))
}

/// The text of one code by the encoding alone.
fn encoding_text(encoding: &Encoding, japan1: bool, code: &[u8]) -> Option<String> {
    let value = code_value(code);
    let cid_text = |cid: u32| {
        japan1
            .then(|| adobe_japan1::character(cid))
            .flatten()
            .map(String::from)
    };
    match encoding {
        Encoding::Simple(table) => table
            .get(usize::try_from(value).ok()?)
            .copied()
            .flatten()
            .map(String::from),
        Encoding::Identity => cid_text(value),
        Encoding::Ucs2 | Encoding::Utf32 => char::from_u32(value).map(String::from),
        Encoding::Utf16 => {
            let units: Vec<u16> = code
                .chunks(2)
                .map(|p| u16::try_from(code_value(p)).unwrap_or(0))
                .collect();
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        Encoding::Utf8 => std::str::from_utf8(code).ok().map(str::to_owned),
        Encoding::ShiftJis => decode_shift_jis(code),
        Encoding::EucJp => decode_euc_jp(code),
        Encoding::Jis => {
            // ISO-2022-JP's two-byte codes are EUC-JP's with the high bits set.
            let euc: Vec<u8> = code.iter().map(|b| b | 0x80).collect();
            decode_euc_jp(&euc)
        }
        Encoding::Embedded(cmap, base) => match cmap.cid(value, code.len()) {
            Some(cid) => cid_text(cid),
            None => base
                .as_deref()
                .and_then(|base| encoding_text(base, japan1, code)),
        },
    }
}

/// Whether a character is printed half-width.
fn is_narrow(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, ' '..='~' | '\u{FF61}'..='\u{FF9F}'))
}

impl Font {
    /// The glyphs of a shown string.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            let len = next_code(&self.encoding, rest).min(rest.len());
            let (code, tail) = rest.split_at(len);
            rest = tail;
            let value = code_value(code);
            let text = self
                .to_unicode
                .as_ref()
                .and_then(|cmap| cmap.text(value, len))
                .or_else(|| encoding_text(&self.encoding, self.japan1, code))
                .unwrap_or_default();
            let cid = match &self.encoding {
                Encoding::Identity => Some(value),
                Encoding::Embedded(cmap, _) => cmap.cid(value, len),
                Encoding::Simple(_) => Some(value),
                _ => None,
            };
            let width = match cid {
                Some(cid) => self.width(cid),
                None if is_narrow(&text) => 500.0,
                None => self.default_width,
            };
            glyphs.push(Glyph {
                text,
                width,
                word_space: len == 1 && value == 32,
            });
        }
        glyphs
    }

    fn width(&self, key: u32) -> f32 {
        let index = self.widths.partition_point(|(low, _, _)| *low <= key);
        match index.checked_sub(1).and_then(|i| self.widths.get(i)) {
            Some((_, high, width)) if key <= *high => *width,
            _ => self.default_width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(encoding: Encoding, japan1: bool) -> Font {
        Font {
            encoding,
            to_unicode: None,
            japan1,
            widths: vec![(231, 632, 500.0)],
            default_width: 1000.0,
            vertical: false,
        }
    }

    fn text(font: &Font, bytes: &[u8]) -> String {
        font.glyphs(bytes).into_iter().map(|g| g.text).collect()
    }

    #[test]
    fn predefined_cmaps_decode() {
        let ucs2 = font(predefined(b"UniJIS-UCS2-H").unwrap().0, true);
        assert_eq!(text(&ucs2, &[0x4F, 0xDD, 0x96, 0x7A, 0x00, 0x31]), "保険1");
        let utf16 = font(predefined(b"UniJIS-UTF16-V").unwrap().0, true);
        assert_eq!(text(&utf16, &[0xD8, 0x42, 0xDF, 0xB7, 0x6C, 0x0F]), "𠮷氏");
        let utf32 = font(predefined(b"UniJIS-UTF32-H").unwrap().0, true);
        assert_eq!(text(&utf32, &[0, 0, 0x6C, 0x0F, 0, 0, 0, 0x32]), "氏2");
        let utf8 = font(predefined(b"UniJIS-UTF8-H").unwrap().0, true);
        assert_eq!(text(&utf8, "名1".as_bytes()), "名1");
        let sjis = font(predefined(b"90ms-RKSJ-H").unwrap().0, true);
        assert_eq!(text(&sjis, &[0x95, 0xDB, 0x8C, 0xAF, 0x31, 0xB1]), "保険1ｱ");
        let jis = font(predefined(b"H").unwrap().0, true);
        assert_eq!(text(&jis, &[0x4A, 0x5D]), "保");
        let identity = font(Encoding::Identity, true);
        assert_eq!(text(&identity, &[0x03, 0x4B, 0x00, 0x11]), "あ0");
        assert_eq!(text(&font(Encoding::Identity, false), &[0x03, 0x4B]), "");
        assert!(predefined(b"90msp-RKSJ-H").is_some());
        assert!(predefined(b"UniJIS-UCS2-V").unwrap().1);
        assert!(predefined(b"Adobe-Japan1-6").is_none());
    }

    #[test]
    fn widths_by_cid_or_by_character() {
        let identity = font(Encoding::Identity, true);
        let widths: Vec<f32> = identity
            .glyphs(&[0x00, 0xF7, 0x03, 0x4B])
            .iter()
            .map(|g| g.width)
            .collect();
        assert_eq!(widths, [500.0, 1000.0]);
        let ucs2 = font(Encoding::Ucs2, true);
        let widths: Vec<f32> = ucs2
            .glyphs(&[0x00, 0x31, 0x4F, 0xDD])
            .iter()
            .map(|g| g.width)
            .collect();
        assert_eq!(widths, [500.0, 1000.0]);
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_char(b"zero"), Some('0'));
        assert_eq!(glyph_name_char(b"uni4FDD"), Some('保'));
        assert_eq!(glyph_name_char(b"A.sc"), Some('A'));
        assert_eq!(glyph_name_char(b"g123"), None);
    }
}
