//! R2 and R3: the 利用者証明用電子証明書 that makes the card a マイナ保険証, and the grace
//! after it expires.
//!
//! R2: valid through the 5th birthday after its issue date, whatever the holder's age,
//! and never past the card's own expiry. The renewal window opens the day after
//! "expiry − 3 months" (clamped to the month's end): expiry 2027-08-05 → 2027-05-06.
//! A certificate issued inside the renewal window of the one it replaces (from the
//! window's first day through that certificate's expiry) runs to the 6th birthday, so
//! renewing early loses nothing.
//!
//! R3: after expiry the card still works as マイナ保険証 through the last day of the 3rd
//! month after the expiry month (2025-11-10 → 2026-02-28), for eligibility only.

use chrono::NaiveDate;

use super::dates::{end_of_month_after, minus_months, nth_birthday_after, plus_days};

/// Birthdays after issue that a certificate lasts.
pub const CERTIFICATE_VALIDITY_BIRTHDAYS: u32 = 5;
/// Birthdays after issue that a certificate renewed inside its predecessor's renewal
/// window lasts.
pub const EARLY_RENEWAL_VALIDITY_BIRTHDAYS: u32 = 6;
/// Months before expiry that renewal may start.
pub const RENEWAL_WINDOW_MONTHS: u32 = 3;
/// Months after the expiry month that the card still works as マイナ保険証.
pub const GRACE_MONTHS: u32 = 3;

/// The computed expiry of a certificate issued on `issued_on`, capped by the card's.
/// `previous_expires_on` is the expiry of the certificate it replaced, when it replaced
/// one: issued inside that one's renewal window, it lasts to the 6th birthday.
pub fn cert_expires_on(
    birth: NaiveDate,
    issued_on: NaiveDate,
    previous_expires_on: Option<NaiveDate>,
    card_expires_on: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let birthdays =
        if previous_expires_on.is_some_and(|previous| renewed_early(issued_on, previous)) {
            EARLY_RENEWAL_VALIDITY_BIRTHDAYS
        } else {
            CERTIFICATE_VALIDITY_BIRTHDAYS
        };
    let own = nth_birthday_after(birth, issued_on, birthdays)?;
    Some(card_expires_on.map_or(own, |card| own.min(card)))
}

/// Whether a certificate issued on `issued_on` was issued inside the renewal window of
/// the certificate expiring on `previous_expires_on` (both ends included).
pub fn renewed_early(issued_on: NaiveDate, previous_expires_on: NaiveDate) -> bool {
    renewal_opens_on(previous_expires_on)
        .is_some_and(|opens| opens <= issued_on && issued_on <= previous_expires_on)
}

/// The first day renewal is possible for something expiring on `expires_on` (R2; the
/// card of R1 uses the same window).
pub fn renewal_opens_on(expires_on: NaiveDate) -> Option<NaiveDate> {
    plus_days(minus_months(expires_on, RENEWAL_WINDOW_MONTHS)?, 1)
}

/// The last day the card works as マイナ保険証 after the certificate expired (R3).
pub fn insurance_use_until(cert_expires_on: NaiveDate) -> Option<NaiveDate> {
    end_of_month_after(cert_expires_on, GRACE_MONTHS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    #[test]
    fn certificate_is_capped_by_the_card() {
        let birth = civil(1975, 8, 20);
        // Issued after the 2022 birthday: the 5th birthday after is 2027-08-20.
        assert_eq!(
            cert_expires_on(birth, civil(2022, 9, 1), None, None),
            Some(civil(2027, 8, 20))
        );
        assert_eq!(
            cert_expires_on(birth, civil(2022, 9, 1), None, Some(civil(2026, 8, 20))),
            Some(civil(2026, 8, 20))
        );
    }

    #[test]
    fn renewal_inside_the_window_runs_to_the_sixth_birthday() {
        let birth = civil(1980, 3, 15);
        let previous = civil(2026, 3, 15);
        // The window opens 2025-12-16; both ends count.
        for (issued, expected) in [
            (civil(2025, 12, 15), civil(2030, 3, 15)),
            (civil(2025, 12, 16), civil(2031, 3, 15)),
            // On the birthday itself, which does not count: the 6th after is 2032's.
            (civil(2026, 3, 15), civil(2032, 3, 15)),
            (civil(2026, 3, 16), civil(2031, 3, 15)),
            (civil(2026, 4, 1), civil(2031, 3, 15)),
        ] {
            assert_eq!(
                cert_expires_on(birth, issued, Some(previous), None),
                Some(expected),
                "issued {issued}"
            );
        }
        // Issued after the previous expiry (2026-03-16): the 5th birthday after it is
        // 2031-03-15 as well, but through the 5-birthday rule.
        assert!(!renewed_early(civil(2026, 3, 16), previous));
        assert!(renewed_early(civil(2026, 3, 15), previous));
    }

    #[test]
    fn renewal_window_examples_of_rules_md() {
        assert_eq!(renewal_opens_on(civil(2027, 8, 5)), Some(civil(2027, 5, 6)));
        assert_eq!(
            renewal_opens_on(civil(2027, 5, 31)),
            Some(civil(2027, 3, 1))
        );
        assert_eq!(
            renewal_opens_on(civil(2025, 11, 30)),
            Some(civil(2025, 8, 31))
        );
    }

    #[test]
    fn grace_examples_of_rules_md() {
        assert_eq!(
            insurance_use_until(civil(2025, 11, 10)),
            Some(civil(2026, 2, 28))
        );
        assert_eq!(
            insurance_use_until(civil(2025, 12, 31)),
            Some(civil(2026, 3, 31))
        );
        assert_eq!(
            insurance_use_until(civil(2027, 11, 30)),
            Some(civil(2028, 2, 29))
        );
    }
}
