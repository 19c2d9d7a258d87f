//! CMaps as PDFs embed them (ISO 32000-1 §9.7.5, §9.10.3): a font's ToUnicode map
//! (`bfchar`, `bfrange`) and an embedded encoding CMap (`cidchar`, `cidrange`), with
//! their code space ranges. Parsed from tokens, once per stream, with a cap on entries.

use super::syntax::{Lexer, Token};

/// The most mappings one CMap keeps (ranges count once, array entries once each).
pub const MAX_CMAP_ENTRIES: usize = 65_536;

/// A code space range: codes of `len` bytes whose every byte lies within `low..=high`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Codespace {
    len: usize,
    low: [u8; 4],
    high: [u8; 4],
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// UTF-16 units; the last one counts up through a range.
    Text(Vec<u16>),
    /// One text per code of the range.
    Texts(Vec<String>),
    /// The first CID of the range.
    Cid(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Mapping {
    len: usize,
    low: u32,
    high: u32,
    target: Target,
}

/// A parsed CMap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CMap {
    codespaces: Vec<Codespace>,
    /// Sorted by (len, low).
    mappings: Vec<Mapping>,
    /// A predefined CMap this one builds on (`/90ms-RKSJ-H usecmap`).
    pub use_cmap: Option<Vec<u8>>,
    /// `/WMode 1`: vertical writing.
    pub vertical: bool,
}

fn code_value(bytes: &[u8]) -> Option<u32> {
    (1..=4)
        .contains(&bytes.len())
        .then(|| bytes.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b)))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|pair| match pair {
            [high, low] => u16::from(*high) << 8 | u16::from(*low),
            [single] => u16::from(*single),
            _ => 0,
        })
        .collect()
}

fn units_to_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .filter_map(Result::ok)
        .filter(|c| *c != '\0')
        .collect()
}

impl CMap {
    /// Parses CMap data; what cannot be read is left out.
    pub fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer::new(data);
        let mut previous: Option<Token<'_>> = None;
        let mut entries = 0usize;
        while let Some(token) = lexer.next_token() {
            match &token {
                Token::Keyword(b"begincodespacerange") => {
                    while let Some(Token::String(low)) = lexer.next_token() {
                        let Some(Token::String(high)) = lexer.next_token() else {
                            break;
                        };
                        cmap.add_codespace(&low, &high);
                    }
                }
                Token::Keyword(b"beginbfchar") => {
                    while let Some(Token::String(code)) = lexer.next_token() {
                        let target = match lexer.next_token() {
                            Some(Token::String(text)) => Target::Text(utf16_units(&text)),
                            _ => break,
                        };
                        cmap.add(&code, &code, target, &mut entries);
                    }
                }
                Token::Keyword(b"beginbfrange") => {
                    while let Some(Token::String(low)) = lexer.next_token() {
                        let Some(Token::String(high)) = lexer.next_token() else {
                            break;
                        };
                        let target = match lexer.next_token() {
                            Some(Token::String(text)) => Target::Text(utf16_units(&text)),
                            Some(Token::ArrayStart) => {
                                let mut texts = Vec::new();
                                while let Some(Token::String(text)) = lexer.next_token() {
                                    if entries + texts.len() < MAX_CMAP_ENTRIES {
                                        texts.push(units_to_string(&utf16_units(&text)));
                                    }
                                }
                                entries += texts.len();
                                Target::Texts(texts)
                            }
                            _ => break,
                        };
                        cmap.add(&low, &high, target, &mut entries);
                    }
                }
                Token::Keyword(b"begincidchar") => {
                    while let Some(Token::String(code)) = lexer.next_token() {
                        let Some(Token::Integer(cid)) = lexer.next_token() else {
                            break;
                        };
                        let Ok(cid) = u32::try_from(cid) else {
                            continue;
                        };
                        cmap.add(&code, &code, Target::Cid(cid), &mut entries);
                    }
                }
                Token::Keyword(b"begincidrange") => {
                    while let Some(Token::String(low)) = lexer.next_token() {
                        let (Some(Token::String(high)), Some(Token::Integer(cid))) =
                            (lexer.next_token(), lexer.next_token())
                        else {
                            break;
                        };
                        let Ok(cid) = u32::try_from(cid) else {
                            continue;
                        };
                        cmap.add(&low, &high, Target::Cid(cid), &mut entries);
                    }
                }
                Token::Keyword(b"usecmap") => {
                    if let Some(Token::Name(name)) = &previous {
                        cmap.use_cmap = Some(name.clone());
                    }
                }
                Token::Integer(mode) if previous == Some(Token::Name(b"WMode".to_vec())) => {
                    cmap.vertical = *mode == 1;
                }
                _ => {}
            }
            previous = Some(token);
        }
        cmap.mappings.sort_by_key(|m| (m.len, m.low));
        cmap
    }

    fn add_codespace(&mut self, low: &[u8], high: &[u8]) {
        if low.len() != high.len() || !(1..=4).contains(&low.len()) || self.codespaces.len() >= 64 {
            return;
        }
        let mut range = Codespace {
            len: low.len(),
            low: [0; 4],
            high: [0; 4],
        };
        for (slot, byte) in range.low.iter_mut().zip(low) {
            *slot = *byte;
        }
        for (slot, byte) in range.high.iter_mut().zip(high) {
            *slot = *byte;
        }
        self.codespaces.push(range);
    }

    fn add(&mut self, low: &[u8], high: &[u8], target: Target, entries: &mut usize) {
        if *entries >= MAX_CMAP_ENTRIES || low.len() != high.len() {
            return;
        }
        let (Some(low_value), Some(high_value)) = (code_value(low), code_value(high)) else {
            return;
        };
        if high_value < low_value {
            return;
        }
        *entries += 1;
        self.mappings.push(Mapping {
            len: low.len(),
            low: low_value,
            high: high_value,
            target,
        });
    }

    /// The length of the code at the start of `bytes`, by the code space ranges; `None`
    /// when no range matches.
    pub fn code_length(&self, bytes: &[u8]) -> Option<usize> {
        self.codespaces
            .iter()
            .filter(|range| {
                bytes.get(..range.len).is_some_and(|code| {
                    code.iter()
                        .zip(range.low.iter().zip(&range.high))
                        .all(|(b, (low, high))| (low..=high).contains(&b))
                })
            })
            .map(|range| range.len)
            .min()
    }

    fn find(&self, code: u32, len: usize) -> Option<&Mapping> {
        let index = self
            .mappings
            .partition_point(|m| (m.len, m.low) <= (len, code));
        let mapping = self.mappings.get(index.checked_sub(1)?)?;
        (mapping.len == len && mapping.low <= code && code <= mapping.high).then_some(mapping)
    }

    /// The text a code stands for (a ToUnicode CMap).
    pub fn text(&self, code: u32, len: usize) -> Option<String> {
        let mapping = self.find(code, len)?;
        let offset = code - mapping.low;
        match &mapping.target {
            Target::Text(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.checked_add(u16::try_from(offset).ok()?)?;
                Some(units_to_string(&units))
            }
            Target::Texts(texts) => texts.get(usize::try_from(offset).ok()?).cloned(),
            Target::Cid(_) => None,
        }
    }

    /// The CID a code stands for (an encoding CMap).
    pub fn cid(&self, code: u32, len: usize) -> Option<u32> {
        let mapping = self.find(code, len)?;
        match mapping.target {
            Target::Cid(first) => first.checked_add(code - mapping.low),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        /CMapName /Adobe-Identity-UCS def
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        3 beginbfchar <0003> <0020> <0011> <4fdd> <0012> <d842dfb7> endbfchar
        2 beginbfrange <0020> <0029> <0030> <0030> <0032> [<6C0F> <540D> <00660066>] endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn reads_a_to_unicode_map() {
        let cmap = CMap::parse(TO_UNICODE);
        assert_eq!(cmap.code_length(&[0x00, 0x11]), Some(2));
        assert_eq!(cmap.text(0x0011, 2).as_deref(), Some("保"));
        assert_eq!(cmap.text(0x0003, 2).as_deref(), Some(" "));
        assert_eq!(cmap.text(0x0012, 2).as_deref(), Some("𠮷"));
        assert_eq!(cmap.text(0x0025, 2).as_deref(), Some("5"));
        assert_eq!(cmap.text(0x0031, 2).as_deref(), Some("名"));
        assert_eq!(cmap.text(0x0032, 2).as_deref(), Some("ff"));
        assert_eq!(cmap.text(0x0040, 2), None);
        assert_eq!(cmap.text(0x11, 1), None);
    }

    #[test]
    fn reads_an_encoding_cmap() {
        let cmap = CMap::parse(
            b"/WMode 1 def /90ms-RKSJ-H usecmap 2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange
              1 begincidrange <8140> <817e> 633 endcidrange 1 begincidchar <20> 231 endcidchar",
        );
        assert!(cmap.vertical);
        assert_eq!(cmap.use_cmap.as_deref(), Some(&b"90ms-RKSJ-H"[..]));
        assert_eq!(cmap.code_length(&[0x81, 0x41]), Some(2));
        assert_eq!(cmap.code_length(&[0x41, 0x81]), Some(1));
        assert_eq!(cmap.code_length(&[0xA0]), None);
        assert_eq!(cmap.cid(0x8142, 2), Some(635));
        assert_eq!(cmap.cid(0x20, 1), Some(231));
    }

    #[test]
    fn entries_are_capped() {
        let mut data = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n".to_vec();
        data.extend_from_slice(b"beginbfchar\n");
        for code in 0..(MAX_CMAP_ENTRIES + 10) {
            data.extend_from_slice(format!("<{:04X}> <0041>\n", code % 65536).as_bytes());
        }
        data.extend_from_slice(b"endbfchar");
        let cmap = CMap::parse(&data);
        assert_eq!(cmap.mappings.len(), MAX_CMAP_ENTRIES);
    }
}
