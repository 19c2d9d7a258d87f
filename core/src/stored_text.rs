//! The one check every string passes before it is stored or exported: a display name,
//! the fields of a 資格情報 (typed, confirmed, read from a PDF or carried by a transfer
//! code), and the insurer's wording and holiday names a content bundle brings.
//!
//! Refused, each with its own [`Reason`]:
//! - control characters (general category Cc: line breaks, tabs, terminal escapes, C1
//!   controls) and the line and paragraph separators U+2028, U+2029;
//! - the invisible characters that reorder text (bidi controls: U+061C, U+200E, U+200F,
//!   U+202A–U+202E, U+2066–U+2069), with which a name can be made to read as another;
//! - R10: a マイナンバー written anywhere in the text, found by
//!   [`crate::rules::my_number::contains_my_number`] (NFKC, every Unicode decimal digit
//!   to 0–9, groups joined across spaces, hyphens, dots and slashes).

use crate::error::Reason;
use crate::rules::my_number::contains_my_number;

/// Whether `c` is a control character or a line or paragraph separator.
pub fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether `c` is an invisible character that changes the direction of text.
pub fn is_direction_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Checks a string that is to be stored or exported; the reason names what was found
/// (never the text itself).
pub fn check_stored_text(text: &str) -> Result<(), Reason> {
    if text.chars().any(is_control) {
        return Err(Reason::ControlCharacters);
    }
    check_multiline_text(text)
}

/// As [`check_stored_text`] for wording that may run over several lines (a message of
/// a content bundle): line breaks pass, every other control character is refused.
pub fn check_multiline_text(text: &str) -> Result<(), Reason> {
    if text
        .chars()
        .any(|c| c != '\n' && c != '\r' && is_control(c))
    {
        return Err(Reason::ControlCharacters);
    }
    if text.chars().any(is_direction_control) {
        return Err(Reason::DirectionControls);
    }
    if contains_my_number(text) {
        return Err(Reason::MyNumberRefused);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_separators_and_direction_marks_are_refused() {
        for text in [
            "佐藤\n花子",
            "佐藤\t花子",
            "\u{1b}[31m佐藤",
            "佐藤\u{7f}",
            "佐藤\u{9b}31m",
            "佐藤\u{2028}花子",
            "\0",
        ] {
            assert_eq!(
                check_stored_text(text),
                Err(Reason::ControlCharacters),
                "{text:?}"
            );
        }
        for c in [
            '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
            '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ] {
            let text = format!("山田{c}さくら");
            assert_eq!(
                check_stored_text(&text),
                Err(Reason::DirectionControls),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn a_my_number_anywhere_is_refused() {
        for text in [
            "123456789018",
            "佐藤 1234.5678.9018",
            "No.123456789018",
            "１２３４　５６７８　９０１８",
            "١٢٣٤٥٦٧٨٩٠١٨",
        ] {
            assert_eq!(
                check_stored_text(text),
                Err(Reason::MyNumberRefused),
                "{text}"
            );
        }
    }

    #[test]
    fn names_of_every_script_and_emoji_pass() {
        for text in [
            "佐藤 花子",
            "Ｓａｔｏ　Ｈａｎａｋｏ",
            "عائشة",
            "שרה",
            "👨\u{200D}👩\u{200D}👧 家族",
            "06139992",
            "1234 5678 9012",
        ] {
            assert_eq!(check_stored_text(text), Ok(()), "{text}");
        }
        assert_eq!(check_multiline_text("一行目\n二行目\r\n"), Ok(()));
        assert_eq!(
            check_multiline_text("一行目\t二行目"),
            Err(Reason::ControlCharacters)
        );
    }
}
