//! R11: the check digit of a 保険者番号.
//!
//! 8 digits for employee insurers (法別 2 + 都道府県 2 + 保険者別 3 + 検証 1), 6 for
//! 国民健康保険 (都道府県 2 + 保険者別 3 + 検証 1). From the digit before the check digit
//! leftwards, multiply by 2, 1, 2, 1 …; add the digits of the products; the check digit
//! is 10 minus the last digit of the sum, or 0 when that is 0.

use thiserror::Error;

use super::my_number::normalized_digits;

/// Why a 保険者番号 was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum InsurerNumberError {
    #[error("a 保険者番号 has only digits")]
    NotDigits,
    #[error("a 保険者番号 has 6 digits (国民健康保険) or 8 digits, not {0}")]
    Length(usize),
    #[error("the check digit of this 保険者番号 does not match: a digit is mistyped")]
    CheckDigit,
}

impl InsurerNumberError {
    /// The reason a member reads.
    pub fn reason(self) -> crate::error::Reason {
        use crate::error::Reason;
        match self {
            InsurerNumberError::NotDigits => Reason::NotDigits,
            InsurerNumberError::Length(_) => Reason::InsurerNumberLength,
            InsurerNumberError::CheckDigit => Reason::CheckDigit,
        }
    }
}

/// The check digit for the digits before it.
pub fn insurer_check_digit(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .zip([2u32, 1].into_iter().cycle())
        .map(|(&digit, weight)| {
            let product = u32::from(digit) * weight;
            product / 10 + product % 10
        })
        .sum();
    u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
}

/// Validates a 保険者番号 and returns it as plain ASCII digits.
pub fn validate_insurer_number(text: &str) -> Result<String, InsurerNumberError> {
    let digits = normalized_digits(text).ok_or(InsurerNumberError::NotDigits)?;
    if digits.len() != 6 && digits.len() != 8 {
        return Err(InsurerNumberError::Length(digits.len()));
    }
    let (body, check) = digits.split_at(digits.len() - 1);
    if check.first() != Some(&insurer_check_digit(body)) {
        return Err(InsurerNumberError::CheckDigit);
    }
    Ok(digits.iter().map(|d| char::from(b'0' + d)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_of_rules_md() {
        assert_eq!(
            validate_insurer_number("33120015").as_deref(),
            Ok("33120015")
        );
        assert_eq!(
            validate_insurer_number("06130017").as_deref(),
            Ok("06130017")
        );
        assert_eq!(
            validate_insurer_number("33120016"),
            Err(InsurerNumberError::CheckDigit)
        );
        assert_eq!(
            validate_insurer_number("3312001"),
            Err(InsurerNumberError::Length(7))
        );
        assert_eq!(
            validate_insurer_number("3312001x"),
            Err(InsurerNumberError::NotDigits)
        );
    }

    #[test]
    fn six_digit_national_health_insurance_numbers() {
        // 13 (Tokyo) 810 → body 13810: products from the right 0·2, 1·1, 8·2=16→7, 3·1, 1·2
        // sum 0+1+7+3+2 = 13 → check 7.
        assert_eq!(insurer_check_digit(&[1, 3, 8, 1, 0]), 7);
        assert!(validate_insurer_number("138107").is_ok());
    }
}
