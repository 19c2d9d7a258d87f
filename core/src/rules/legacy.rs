//! R6: the legacy 健康保険証 and the 資格確認書.
//!
//! Legacy cards were usable through 2025-12-01 and not from 2025-12-02. A 資格確認書 is
//! valid until the date the insurer printed on it, at most 5 years after issue (S3's
//! example: 令和11年11月30日).

use chrono::NaiveDate;
use thiserror::Error;

use super::dates::civil;

/// The last day a legacy 健康保険証 could be used.
pub const LEGACY_CARD_LAST_DAY: NaiveDate = civil(2025, 12, 1);
/// The longest validity an insurer may give a 資格確認書, in years.
pub const ELIGIBILITY_CERTIFICATE_MAX_YEARS: u32 = 5;

/// Whether a legacy 健康保険証 is still accepted on `today`.
pub fn legacy_card_usable(today: NaiveDate) -> bool {
    today <= LEGACY_CARD_LAST_DAY
}

/// Why a 資格確認書's dates are refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum EligibilityCertificateError {
    #[error("a 資格確認書 cannot expire before it was issued")]
    ExpiresBeforeIssue,
    #[error("a 資格確認書 is valid for at most 5 years")]
    TooLong,
}

/// Checks the printed dates of a 資格確認書.
pub fn check_eligibility_certificate(
    issued_on: NaiveDate,
    expires_on: NaiveDate,
) -> Result<(), EligibilityCertificateError> {
    if expires_on < issued_on {
        return Err(EligibilityCertificateError::ExpiresBeforeIssue);
    }
    let limit = issued_on
        .checked_add_months(chrono::Months::new(ELIGIBILITY_CERTIFICATE_MAX_YEARS * 12))
        .unwrap_or(NaiveDate::MAX);
    if expires_on > limit {
        return Err(EligibilityCertificateError::TooLong);
    }
    Ok(())
}

/// Whether a 資格確認書 expiring on `expires_on` is valid on `today` (the day itself is).
pub fn eligibility_certificate_valid(expires_on: NaiveDate, today: NaiveDate) -> bool {
    today <= expires_on
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_cards_stopped_on_2025_12_02() {
        assert!(legacy_card_usable(civil(2025, 12, 1)));
        assert!(!legacy_card_usable(civil(2025, 12, 2)));
    }

    #[test]
    fn eligibility_certificate_limits() {
        let issued = civil(2024, 12, 1);
        assert_eq!(
            check_eligibility_certificate(issued, civil(2029, 11, 30)),
            Ok(())
        );
        assert_eq!(
            check_eligibility_certificate(issued, civil(2029, 12, 1)),
            Ok(())
        );
        assert_eq!(
            check_eligibility_certificate(issued, civil(2029, 12, 2)),
            Err(EligibilityCertificateError::TooLong)
        );
        assert_eq!(
            check_eligibility_certificate(issued, civil(2024, 11, 30)),
            Err(EligibilityCertificateError::ExpiresBeforeIssue)
        );
        assert!(eligibility_certificate_valid(
            civil(2029, 11, 30),
            civil(2029, 11, 30)
        ));
        assert!(!eligibility_certificate_valid(
            civil(2029, 11, 30),
            civil(2029, 12, 1)
        ));
    }
}
