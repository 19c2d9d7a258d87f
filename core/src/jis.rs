//! The Japanese legacy encodings the core reads: Shift_JIS as Windows writes it (code
//! page 932: the Cabinet Office's holiday list, RKSJ fonts in a 資格情報 PDF) and the
//! JIS X 0208 part of EUC-JP, decoded as the WHATWG Encoding Standard says, through one
//! table of 11 280 characters (22 KB) that `scripts/make-jis-table.py` writes from
//! Python's cp932 codec (stored deflated, [`crate::embedded`]). Text that does not
//! decode is refused, never guessed: a caller that screens text for a マイナンバー (R10)
//! sees either the text or an error.

/// For each pointer, the character as a big-endian UTF-16 unit (0: nothing).
fn table() -> &'static [u8] {
    crate::embedded::inflated!("data/jis0208-cp932.bin")
}

/// The character at `pointer` (row × 94 + cell of JIS X 0208, with Windows' rows).
fn table_char(pointer: usize) -> Option<char> {
    let bytes = table().get(pointer * 2..pointer * 2 + 2)?;
    let unit = u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]);
    (unit != 0)
        .then(|| char::from_u32(u32::from(unit)))
        .flatten()
}

/// Half-width katakana: U+FF61 onwards for the bytes 0xA1–0xDF.
fn half_width_katakana(byte: u8) -> Option<char> {
    matches!(byte, 0xA1..=0xDF)
        .then(|| char::from_u32(0xFF61 + u32::from(byte - 0xA1)))
        .flatten()
}

/// Decodes Shift_JIS (code page 932); `None` if any byte sequence is not a character.
pub fn decode_shift_jis(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&lead, tail)) = rest.split_first() {
        rest = tail;
        let c = match lead {
            0x00..=0x80 => char::from(lead),
            0xA1..=0xDF => half_width_katakana(lead)?,
            0x81..=0x9F | 0xE0..=0xFC => {
                let (&trail, tail) = rest.split_first()?;
                rest = tail;
                let lead_offset = if lead < 0xA0 { 0x81 } else { 0xC1 };
                let trail_offset = match trail {
                    0x40..=0x7E => 0x40,
                    0x80..=0xFC => 0x41,
                    _ => return None,
                };
                let pointer =
                    usize::from(lead - lead_offset) * 188 + usize::from(trail - trail_offset);
                table_char(pointer)?
            }
            _ => return None,
        };
        text.push(c);
    }
    Some(text)
}

/// Decodes EUC-JP's ASCII, half-width katakana and JIS X 0208 characters; `None` for
/// anything else (JIS X 0212's three-byte codes included).
pub fn decode_euc_jp(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&lead, tail)) = rest.split_first() {
        rest = tail;
        let c = match lead {
            0x00..=0x7F => char::from(lead),
            0x8E => {
                let (&kana, tail) = rest.split_first()?;
                rest = tail;
                half_width_katakana(kana)?
            }
            0xA1..=0xFE => {
                let (&trail, tail) = rest.split_first()?;
                rest = tail;
                if !matches!(trail, 0xA1..=0xFE) {
                    return None;
                }
                table_char(usize::from(lead - 0xA1) * 94 + usize::from(trail - 0xA1))?
            }
            _ => return None,
        };
        text.push(c);
    }
    Some(text)
}

/// The character of one byte in Windows code page 1252 (PDF's WinAnsiEncoding): Latin-1
/// but for 0x80–0x9F; `None` for the five bytes that mean nothing.
pub fn windows_1252(byte: u8) -> Option<char> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    match byte {
        0x80..=0x9F => {
            let unit = *HIGH.get(usize::from(byte - 0x80))?;
            (unit != 0)
                .then(|| char::from_u32(u32::from(unit)))
                .flatten()
        }
        _ => Some(char::from(byte)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_jis_decodes_as_windows_writes_it() {
        // 祝日 (JIS X 0208), ｱ (half-width), ～ (Windows' wave dash), ① (NEC row 13),
        // 髙 (IBM extension), ASCII.
        let bytes = b"\x8f\x6a\x93\xfa\xb1\x81\x60\x87\x40\xfb\xfc,2025";
        assert_eq!(decode_shift_jis(bytes).as_deref(), Some("祝日ｱ～①髙,2025"));
        for broken in [&b"\x8f"[..], b"\x8f\x20", b"\xa0", b"\xfd\x40", b"\x85\x40"] {
            assert_eq!(decode_shift_jis(broken), None, "{broken:?}");
        }
    }

    #[test]
    fn euc_jp_decodes_jis_x_0208_and_half_width_kana() {
        // 氏名 and ｱ, ASCII.
        let bytes = b"\xbb\xe1\xcc\xbe\x8e\xb1A";
        assert_eq!(decode_euc_jp(bytes).as_deref(), Some("氏名ｱA"));
        for broken in [&b"\xbb"[..], b"\xbb\x41", b"\x8f\xb0\xa1", b"\x8e\x41"] {
            assert_eq!(decode_euc_jp(broken), None, "{broken:?}");
        }
    }

    #[test]
    fn the_table_agrees_between_both_encodings() {
        // Row 16, cell 1 (亜): Shift_JIS 0x889F, EUC-JP 0xB0A1.
        assert_eq!(decode_shift_jis(b"\x88\x9f").as_deref(), Some("亜"));
        assert_eq!(decode_euc_jp(b"\xb0\xa1").as_deref(), Some("亜"));
    }

    #[test]
    fn win_ansi_high_bytes() {
        assert_eq!(windows_1252(0x80), Some('€'));
        assert_eq!(windows_1252(0x81), None);
        assert_eq!(windows_1252(0xE9), Some('é'));
        assert_eq!(windows_1252(b'A'), Some('A'));
    }
}
