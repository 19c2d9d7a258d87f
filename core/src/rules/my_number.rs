//! R10: a マイナンバー (個人番号) must never be stored.
//!
//! A マイナンバー has 12 digits, the last a check digit: with the first 11 digits
//! numbered P1..P11 from the right and weights Q = n + 1 for n = 1..6 and n − 5 for
//! n = 7..11, r = Σ Pn·Qn mod 11 and the check digit is 0 when r ≤ 1, else 11 − r.
//! No insurance number has 12 digits, so any 12-digit number typed where one belongs
//! is refused, with a sharper explanation when its check digit says マイナンバー.
//!
//! Text from outside (a PDF's text layer, a name, a transfer code) is screened with
//! [`contains_my_number`]: NFKC, every Unicode decimal digit to 0–9, and the digit
//! groups of one number joined across spaces, hyphens, dots and slashes, so
//! `1234.5678.9018`, `1234/5678/9018`, `No.123456789018` and full-width or other-script
//! digits are all found.

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

/// Why a value was refused as a possible マイナンバー.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum MyNumberRefusal {
    #[error("this is a マイナンバー (its check digit matches); it is never stored")]
    IsMyNumber,
    #[error("12-digit numbers are refused: no insurance number has 12 digits, a マイナンバー does")]
    TwelveDigits,
}

/// The check digit for the first 11 digits of a マイナンバー.
pub fn my_number_check_digit(first_eleven: &[u8; 11]) -> u8 {
    let sum: u32 = first_eleven
        .iter()
        .rev()
        .zip(1u32..)
        .map(|(&digit, n)| {
            let weight = if n <= 6 { n + 1 } else { n - 5 };
            u32::from(digit) * weight
        })
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        r => u8::try_from(11 - r).unwrap_or(0),
    }
}

/// The first code point of every run of ten Unicode decimal digits (general category Nd,
/// Unicode 16), each run 0 to 9 in order.
const DECIMAL_DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50, 0x11DA0,
    0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The value of a Unicode decimal digit of any script.
pub fn decimal_digit_value(c: char) -> Option<u8> {
    let code = u32::from(c);
    let index = DECIMAL_DIGIT_ZEROS.partition_point(|&zero| zero <= code);
    let zero = *DECIMAL_DIGIT_ZEROS.get(index.checked_sub(1)?)?;
    u8::try_from(code - zero).ok().filter(|value| *value < 10)
}

/// `text` in NFKC with every decimal digit of any script written 0–9: full-width,
/// mathematical, circled and other-script digits all become ASCII.
pub fn normalize_digits(text: &str) -> String {
    text.nfkc()
        .map(|c| match decimal_digit_value(c) {
            Some(value) => char::from(b'0' + value),
            None => c,
        })
        .collect()
}

/// Whether `c` (after [`normalize_digits`]) may stand between the digit groups of one
/// number: a space, a hyphen or dash, a dot or a slash.
fn is_digit_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{A0}'
            | '-'
            | '\u{2010}'..='\u{2015}'
            | '\u{2043}'
            | '\u{2212}'
            | 'ー'
            | '.'
            | '·'
            | '・'
            | '\u{2022}'
            | '\u{2024}'..='\u{2027}'
            | '\u{2219}'
            | '/'
            | '\u{2044}'
            | '\u{2215}'
            | '\\'
    )
}

/// The digit groups of `text` (after [`normalize_digits`]), chained: groups joined by
/// separators belong to one chain; anything else (a letter, a line break, a tab) ends the
/// chain.
fn digit_chains(normalized: &str) -> Vec<Vec<Vec<u8>>> {
    let mut chains: Vec<Vec<Vec<u8>>> = Vec::new();
    let mut chain: Vec<Vec<u8>> = Vec::new();
    let mut group: Vec<u8> = Vec::new();
    for c in normalized.chars() {
        if let Some(value) = c.to_digit(10).and_then(|d| u8::try_from(d).ok()) {
            group.push(value);
            continue;
        }
        if !group.is_empty() {
            chain.push(std::mem::take(&mut group));
        }
        if !is_digit_separator(c) && !chain.is_empty() {
            chains.push(std::mem::take(&mut chain));
        }
    }
    if !group.is_empty() {
        chain.push(group);
    }
    if !chain.is_empty() {
        chains.push(chain);
    }
    chains
}

/// Whether 12 digits are a valid マイナンバー.
fn is_valid_twelve(digits: &[u8]) -> bool {
    let Some((check, first)) = digits.split_last() else {
        return false;
    };
    let first: Option<&[u8; 11]> = first.try_into().ok();
    first.is_some_and(|first| my_number_check_digit(first) == *check)
}

/// Whether `text` writes a check-digit-valid マイナンバー anywhere: after
/// [`normalize_digits`], any run of whole digit groups that together have exactly 12
/// digits, the groups joined by spaces, hyphens, dots or slashes (`1234 5678 9018`,
/// `1234.5678.9018`, `1234/5678/9018`, `No.123456789018`, full-width or other-script
/// digits). A group of more than 12 digits is not one.
pub fn contains_my_number(text: &str) -> bool {
    digit_chains(&normalize_digits(text)).iter().any(|chain| {
        (0..chain.len()).any(|start| {
            let mut digits: Vec<u8> = Vec::with_capacity(12);
            for group in chain.iter().skip(start) {
                digits.extend_from_slice(group);
                if digits.len() >= 12 {
                    break;
                }
            }
            digits.len() == 12 && is_valid_twelve(&digits)
        })
    })
}

/// Screens any text that is to be stored or shown: refused when it writes a マイナンバー
/// anywhere ([`contains_my_number`]).
pub fn screen_text(text: &str) -> Result<(), MyNumberRefusal> {
    if contains_my_number(text) {
        Err(MyNumberRefusal::IsMyNumber)
    } else {
        Ok(())
    }
}

/// Prefixes written before a number: `No.`, `No:`, `#`, `№` (NFKC gives `No`).
fn strip_number_prefix(text: &str) -> &str {
    let trimmed = text.trim_start();
    let rest = trimmed
        .strip_prefix("No")
        .or_else(|| trimmed.strip_prefix("NO"))
        .or_else(|| trimmed.strip_prefix("no"))
        .or_else(|| trimmed.strip_prefix('#'));
    match rest {
        Some(rest) => rest.trim_start_matches(['.', ':', ' ']),
        None => trimmed,
    }
}

/// The digits of `text` once normalized ([`normalize_digits`]), a `No.`-like prefix
/// dropped and separators (spaces, hyphens, dots, slashes) dropped; `None` when
/// anything else is in it.
pub fn normalized_digits(text: &str) -> Option<Vec<u8>> {
    let normalized = normalize_digits(text);
    let mut digits = Vec::new();
    for c in strip_number_prefix(&normalized).chars() {
        match c.to_digit(10).and_then(|d| u8::try_from(d).ok()) {
            Some(value) => digits.push(value),
            None if is_digit_separator(c) => {}
            None => return None,
        }
    }
    Some(digits)
}

/// Whether `text` is a valid マイナンバー.
pub fn is_my_number(text: &str) -> bool {
    normalized_digits(text).is_some_and(|digits| digits.len() == 12 && is_valid_twelve(&digits))
}

/// Screens a value typed where an insurance number (保険者番号, 記号, 番号, 枝番) belongs:
/// a マイナンバー anywhere in it, or any 12-digit number, is refused.
pub fn screen_insurance_field(text: &str) -> Result<(), MyNumberRefusal> {
    screen_text(text)?;
    match normalized_digits(text) {
        Some(digits) if digits.len() == 12 => Err(MyNumberRefusal::TwelveDigits),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_of_rules_md_are_valid() {
        assert!(is_my_number("123456789018"));
        assert!(is_my_number("987654321093"));
        assert!(is_my_number("1234 5678 9018"));
        assert!(is_my_number("１２３４５６７８９０１８"));
    }

    #[test]
    fn wrong_check_digit_or_length_is_not_a_my_number() {
        assert!(!is_my_number("123456789012"));
        assert!(!is_my_number("12345678901"));
        assert!(!is_my_number("1234567890180"));
        assert!(!is_my_number("12345678901a"));
    }

    #[test]
    fn digits_of_every_script_become_ascii() {
        assert_eq!(normalize_digits("１２３"), "123");
        assert_eq!(normalize_digits("٣٤٥"), "345");
        assert_eq!(normalize_digits("४५६"), "456");
        assert_eq!(normalize_digits("𝟏𝟐𝟑"), "123");
        assert_eq!(normalize_digits("①②"), "12");
        assert_eq!(normalize_digits("令和８年"), "令和8年");
        for &zero in DECIMAL_DIGIT_ZEROS {
            for value in 0..10u8 {
                let c = char::from_u32(zero + u32::from(value)).unwrap();
                assert!(c.is_numeric(), "U+{:04X}", u32::from(c));
                assert_eq!(
                    decimal_digit_value(c),
                    Some(value),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
        assert_eq!(decimal_digit_value('a'), None);
        assert_eq!(decimal_digit_value('\u{669}'), Some(9));
        assert_eq!(decimal_digit_value('\u{66A}'), None);
    }

    #[test]
    fn a_my_number_is_found_anywhere_in_a_text_whatever_its_separators() {
        let found = [
            "123456789018",
            "個人番号 123456789018 です",
            "1234 5678 9018",
            "1234-5678-9018",
            "1234.5678.9018",
            "1234/5678/9018",
            "1234・5678・9018",
            "1234 - 5678 - 9018",
            "No.123456789018",
            "No123456789018",
            "№123456789018",
            "ID:987654321093;",
            "１２３４　５６７８　９０１８",
            "１２３４－５６７８－９０１８",
            "١٢٣٤٥٦٧٨٩٠١٨",
            "𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖",
            "氏名 佐藤\n番号 1234 5678 9018\n",
            "2026 1234 5678 9018",
            "1234     5678  -  9018",
        ];
        for text in found {
            assert!(contains_my_number(text), "{text}");
            assert_eq!(
                screen_text(text),
                Err(MyNumberRefusal::IsMyNumber),
                "{text}"
            );
        }
        let not_found = [
            "123456789012",
            "1234567890180",
            "0123456789018",
            "保険者番号 06139992 記号 4123 番号 5678 枝番 00",
            "1234\t5678\t9018",
            "1234\n5678\n9018",
            "1234 x 5678 9018",
            "12345678901",
            "",
        ];
        for text in not_found {
            assert!(!contains_my_number(text), "{text}");
            assert_eq!(screen_text(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn every_twelve_digit_number_is_refused() {
        assert_eq!(
            screen_insurance_field("123456789018"),
            Err(MyNumberRefusal::IsMyNumber)
        );
        assert_eq!(
            screen_insurance_field("123456789012"),
            Err(MyNumberRefusal::TwelveDigits)
        );
        assert_eq!(
            screen_insurance_field("No.1234.5678.9018"),
            Err(MyNumberRefusal::IsMyNumber)
        );
        assert_eq!(
            screen_insurance_field("No.1234/5678/9012"),
            Err(MyNumberRefusal::TwelveDigits)
        );
        assert_eq!(screen_insurance_field("33120015"), Ok(()));
        assert_eq!(screen_insurance_field("記号123"), Ok(()));
    }
}
