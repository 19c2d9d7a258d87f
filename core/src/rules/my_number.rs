//! R10: a マイナンバー (個人番号) must never be stored.
//!
//! A マイナンバー has 12 digits, the last a check digit: with the first 11 digits
//! numbered P1..P11 from the right and weights Q = n + 1 for n = 1..6 and n − 5 for
//! n = 7..11, r = Σ Pn·Qn mod 11 and the check digit is 0 when r ≤ 1, else 11 − r.
//! No insurance number has 12 digits, so any 12-digit number typed where one belongs
//! is refused, with a sharper explanation when its check digit says マイナンバー.

use thiserror::Error;

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

/// The digits of `text` once spaces, hyphens and full-width digits are normalized;
/// `None` when anything else is in it.
pub fn normalized_digits(text: &str) -> Option<Vec<u8>> {
    let mut digits = Vec::new();
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            '０'..='９' => digits.push(u8::try_from(u32::from(c) - u32::from('０')).ok()?),
            ' ' | '\u{3000}' | '-' | '‐' | '－' | 'ー' => {}
            _ => return None,
        }
    }
    Some(digits)
}

/// Whether `text` is a valid マイナンバー.
pub fn is_my_number(text: &str) -> bool {
    let Some(digits) = normalized_digits(text) else {
        return false;
    };
    let Ok(all): Result<[u8; 12], _> = digits.try_into() else {
        return false;
    };
    let (first, check) = all.split_at(11);
    let first: Option<&[u8; 11]> = first.try_into().ok();
    first.is_some_and(|first| Some(&my_number_check_digit(first)) == check.first())
}

/// Screens a value typed where an insurance number (保険者番号, 記号, 番号, 枝番) belongs.
pub fn screen_insurance_field(text: &str) -> Result<(), MyNumberRefusal> {
    match normalized_digits(text) {
        Some(digits) if digits.len() == 12 => Err(if is_my_number(text) {
            MyNumberRefusal::IsMyNumber
        } else {
            MyNumberRefusal::TwelveDigits
        }),
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
    fn every_twelve_digit_number_is_refused() {
        assert_eq!(
            screen_insurance_field("123456789018"),
            Err(MyNumberRefusal::IsMyNumber)
        );
        assert_eq!(
            screen_insurance_field("123456789012"),
            Err(MyNumberRefusal::TwelveDigits)
        );
        assert_eq!(screen_insurance_field("33120015"), Ok(()));
        assert_eq!(screen_insurance_field("記号123"), Ok(()));
    }
}
