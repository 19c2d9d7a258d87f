//! R1: the マイナンバーカード itself.
//!
//! The card is valid through the 10th birthday after its issue date (5th when the holder
//! was under the age threshold on the issue date). The threshold is 18 for applications
//! received from 2022-04-01 (the lowered age of majority), 20 before; an unknown
//! application date is taken to be the issue date. A birthday on the issue date itself
//! does not count. A foreign resident's card also ends on the 在留期間満了日 when that
//! comes first. Renewal can start 3 months before expiry (the window of R2).

use chrono::NaiveDate;

use super::dates::{age_on, civil, nth_birthday_after};

/// Applications received on or after this day use the adult age 18 (else 20).
pub const AGE_OF_MAJORITY_18_FROM: NaiveDate = civil(2022, 4, 1);

/// The age threshold that applied to an application received on `applied_on`.
pub fn adult_age_for_application(applied_on: NaiveDate) -> i32 {
    if applied_on >= AGE_OF_MAJORITY_18_FROM {
        18
    } else {
        20
    }
}

/// How many birthdays after issue the card lasts: 10 for adults, 5 for minors.
pub fn card_validity_birthdays(
    birth: NaiveDate,
    issued_on: NaiveDate,
    applied_on: Option<NaiveDate>,
) -> u32 {
    let threshold = adult_age_for_application(applied_on.unwrap_or(issued_on));
    if age_on(birth, issued_on) >= threshold {
        10
    } else {
        5
    }
}

/// The computed expiry of a card issued on `issued_on` (before any 在留期間 cap).
pub fn card_expires_on(
    birth: NaiveDate,
    issued_on: NaiveDate,
    applied_on: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let birthdays = card_validity_birthdays(birth, issued_on, applied_on);
    nth_birthday_after(birth, issued_on, birthdays)
}

/// A card expiry capped by the 在留期間満了日 of a foreign resident, when earlier.
pub fn cap_by_residence_limit(
    expires_on: NaiveDate,
    residence_limit_on: Option<NaiveDate>,
) -> NaiveDate {
    residence_limit_on.map_or(expires_on, |limit| expires_on.min(limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adults_get_ten_birthdays_minors_five() {
        let birth = civil(1980, 10, 10);
        assert_eq!(
            card_expires_on(birth, civil(2020, 5, 15), None),
            Some(civil(2029, 10, 10))
        );
        let child = civil(2012, 7, 7);
        assert_eq!(
            card_expires_on(child, civil(2024, 2, 1), None),
            Some(civil(2028, 7, 7))
        );
    }

    #[test]
    fn threshold_follows_the_application_date() {
        let birth = civil(2003, 1, 1);
        let issued = civil(2022, 4, 20);
        assert_eq!(
            card_validity_birthdays(birth, issued, Some(civil(2022, 3, 31))),
            5
        );
        assert_eq!(
            card_validity_birthdays(birth, issued, Some(civil(2022, 4, 1))),
            10
        );
        // Unknown application date: the issue date decides (here after 2022-04-01).
        assert_eq!(card_validity_birthdays(birth, issued, None), 10);
    }

    #[test]
    fn turning_the_threshold_age_on_the_issue_day_counts_as_adult() {
        let birth = civil(2004, 6, 1);
        assert_eq!(card_validity_birthdays(birth, civil(2022, 6, 1), None), 10);
        assert_eq!(card_validity_birthdays(birth, civil(2022, 5, 31), None), 5);
    }

    #[test]
    fn residence_limit_caps_only_when_earlier() {
        let expiry = civil(2035, 3, 3);
        assert_eq!(
            cap_by_residence_limit(expiry, Some(civil(2027, 9, 30))),
            civil(2027, 9, 30)
        );
        assert_eq!(
            cap_by_residence_limit(expiry, Some(civil(2040, 1, 1))),
            expiry
        );
        assert_eq!(cap_by_residence_limit(expiry, None), expiry);
    }
}
