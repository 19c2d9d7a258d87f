//! R13: the birthdays that change a member's insurance.
//!
//! - **70:** from the 1st of the month after the 70th birthday (the birthday's own month
//!   when born on the 1st) the member is a 高齢受給者: the copay share changes (2割 or
//!   3割) and a new 資格情報 is issued; a 資格情報 made before that day is stale.
//! - **75:** from the 75th birthday itself the member is insured by 後期高齢者医療; the
//!   previous insurance ends the day before, and a 資格情報 made before the birthday is
//!   stale. A dependent (被扶養者) of a member who turns 75 loses that status the same day
//!   and must join another insurance: 国民健康保険 is notified within 14 days (the first
//!   day not counted, as every period here).
//!
//! A 29 February birthday falls on 28 February in common years (the decision of R1).

use chrono::{Datelike, NaiveDate};

use super::dates::{birthday_in_year, plus_days};

/// The age from the month after which the member is a 高齢受給者.
pub const ELDERLY_COPAY_AGE: i32 = 70;
/// The age from whose birthday the member is insured by 後期高齢者医療.
pub const LATE_STAGE_ELDERLY_AGE: i32 = 75;
/// Days a former dependent has to notify the municipality of joining 国民健康保険.
pub const JOIN_NATIONAL_HEALTH_INSURANCE_DAYS: u64 = 14;

/// The `age`-th birthday of someone born on `birth`.
pub fn birthday_at_age(birth: NaiveDate, age: i32) -> Option<NaiveDate> {
    birthday_in_year(birth, birth.year().checked_add(age)?)
}

/// R13: the first day the member is a 高齢受給者: the 1st of the month after the 70th
/// birthday, or the birthday itself when it falls on the 1st.
pub fn elderly_copay_from(birth: NaiveDate) -> Option<NaiveDate> {
    let birthday = birthday_at_age(birth, ELDERLY_COPAY_AGE)?;
    if birthday.day() == 1 {
        return Some(birthday);
    }
    let first_of_month = birthday.with_day(1)?;
    first_of_month.checked_add_months(chrono::Months::new(1))
}

/// R13: the first day the member is insured by 後期高齢者医療: the 75th birthday.
pub fn late_stage_elderly_from(birth: NaiveDate) -> Option<NaiveDate> {
    birthday_at_age(birth, LATE_STAGE_ELDERLY_AGE)
}

/// R13: the last day a dependent of a member born on `insured_birth` may notify the
/// joining of 国民健康保険: 14 days after the insured member's 75th birthday, when the
/// dependent loses the status. `None` when the dependent is then 75 or older (they are
/// insured by 後期高齢者医療 themselves).
pub fn former_dependent_join_due(
    dependent_birth: NaiveDate,
    insured_birth: NaiveDate,
) -> Option<NaiveDate> {
    let status_lost_on = late_stage_elderly_from(insured_birth)?;
    let dependent_own = late_stage_elderly_from(dependent_birth)?;
    if dependent_own <= status_lost_on {
        return None;
    }
    plus_days(status_lost_on, JOIN_NATIONAL_HEALTH_INSURANCE_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    #[test]
    fn seventy_counts_from_the_first_of_the_next_month() {
        assert_eq!(
            elderly_copay_from(civil(1956, 12, 15)),
            Some(civil(2027, 1, 1))
        );
        assert_eq!(
            elderly_copay_from(civil(1956, 12, 2)),
            Some(civil(2027, 1, 1))
        );
        // Born on the 1st: the birthday's own month.
        assert_eq!(
            elderly_copay_from(civil(1956, 12, 1)),
            Some(civil(2026, 12, 1))
        );
        // Born on 29 February: 28 February in the common year 2026, so 1 March.
        assert_eq!(
            elderly_copay_from(civil(1956, 2, 29)),
            Some(civil(2026, 3, 1))
        );
    }

    #[test]
    fn seventy_five_counts_from_the_birthday() {
        assert_eq!(
            late_stage_elderly_from(civil(1951, 12, 10)),
            Some(civil(2026, 12, 10))
        );
        assert_eq!(
            late_stage_elderly_from(civil(1952, 2, 29)),
            Some(civil(2027, 2, 28))
        );
    }

    #[test]
    fn a_dependent_joins_another_insurance_within_fourteen_days() {
        let insured = civil(1951, 12, 10);
        assert_eq!(
            former_dependent_join_due(civil(1958, 4, 1), insured),
            Some(civil(2026, 12, 24))
        );
        // A dependent already 75 is insured by 後期高齢者医療 of their own.
        assert_eq!(former_dependent_join_due(civil(1950, 4, 1), insured), None);
        assert_eq!(former_dependent_join_due(insured, insured), None);
    }
}
