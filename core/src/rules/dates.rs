//! Civil-date arithmetic shared by the rules: birthdays, ages, month ends.
//!
//! All dates are Japanese civil dates (Asia/Tokyo). Every function that can step outside
//! chrono's range returns `Option`, so no input can make the rules panic.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A date fixed in the source; an impossible one fails the build, never a run.
#[allow(clippy::panic)]
pub(crate) const fn civil(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("impossible constant date"),
    }
}

/// The birthday of someone born on `birth` in `year`. Decision of RULES.md R1: a
/// 29 February birthday falls on 28 February in common years.
pub fn birthday_in_year(birth: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, birth.month(), birth.day().saturating_sub(1)))
}

/// The `n`-th birthday strictly after `after` (a birthday on `after` itself does not
/// count; `n` starts at 1).
pub fn nth_birthday_after(birth: NaiveDate, after: NaiveDate, n: u32) -> Option<NaiveDate> {
    let this_year = birthday_in_year(birth, after.year())?;
    let first_year = if this_year > after {
        after.year()
    } else {
        after.year().checked_add(1)?
    };
    let offset = i32::try_from(n.checked_sub(1)?).ok()?;
    birthday_in_year(birth, first_year.checked_add(offset)?)
}

/// Age in completed years on `day` (one year older on each birthday).
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    let years = day.year() - birth.year();
    match birthday_in_year(birth, day.year()) {
        Some(birthday) if birthday > day => years - 1,
        _ => years,
    }
}

/// `day` + `n` days. With the first day not counted (初日不算入) this is where "within
/// `n` days of `day`" ends: filed on 04-10, "within 90 days" ends on 07-09.
pub fn plus_days(day: NaiveDate, n: u64) -> Option<NaiveDate> {
    day.checked_add_days(Days::new(n))
}

/// `day` − `n` days.
pub fn minus_days(day: NaiveDate, n: u64) -> Option<NaiveDate> {
    day.checked_sub_days(Days::new(n))
}

/// `day` − `n` months, clamped to the end of a shorter month (05-31 − 3 → 02-28).
pub fn minus_months(day: NaiveDate, n: u32) -> Option<NaiveDate> {
    day.checked_sub_months(Months::new(n))
}

/// The last day of the month `n` months after the month of `day`.
pub fn end_of_month_after(day: NaiveDate, n: u32) -> Option<NaiveDate> {
    day.with_day(1)?
        .checked_add_months(Months::new(n.checked_add(1)?))?
        .pred_opt()
}

/// Whether `day` is the last day of its month.
pub fn is_month_end(day: NaiveDate) -> bool {
    day.succ_opt()
        .is_some_and(|next| next.month() != day.month())
}

/// Signed number of days from `from` to `to`.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feb_29_birthdays_fall_on_feb_28_in_common_years() {
        let birth = civil(1988, 2, 29);
        assert_eq!(birthday_in_year(birth, 2031), Some(civil(2031, 2, 28)));
        assert_eq!(birthday_in_year(birth, 2032), Some(civil(2032, 2, 29)));
    }

    #[test]
    fn a_birthday_on_the_start_day_does_not_count() {
        let birth = civil(1990, 5, 15);
        assert_eq!(
            nth_birthday_after(birth, civil(2026, 5, 15), 1),
            Some(civil(2027, 5, 15))
        );
        assert_eq!(
            nth_birthday_after(birth, civil(2026, 5, 14), 1),
            Some(civil(2026, 5, 15))
        );
        assert_eq!(nth_birthday_after(birth, civil(2026, 5, 14), 0), None);
    }

    #[test]
    fn age_changes_on_the_birthday() {
        let birth = civil(2004, 4, 2);
        assert_eq!(age_on(birth, civil(2022, 4, 1)), 17);
        assert_eq!(age_on(birth, civil(2022, 4, 2)), 18);
        let leap = civil(2008, 2, 29);
        assert_eq!(age_on(leap, civil(2026, 2, 27)), 17);
        assert_eq!(age_on(leap, civil(2026, 2, 28)), 18);
    }

    #[test]
    fn month_ends() {
        assert_eq!(
            end_of_month_after(civil(2025, 11, 10), 3),
            Some(civil(2026, 2, 28))
        );
        assert_eq!(
            end_of_month_after(civil(2027, 11, 30), 3),
            Some(civil(2028, 2, 29))
        );
        assert_eq!(
            end_of_month_after(civil(2025, 12, 31), 3),
            Some(civil(2026, 3, 31))
        );
        assert!(is_month_end(civil(2028, 2, 29)));
        assert!(!is_month_end(civil(2028, 2, 28)));
        assert_eq!(
            minus_months(civil(2027, 5, 31), 3),
            Some(civil(2027, 2, 28))
        );
    }

    #[test]
    fn arithmetic_at_the_edge_of_the_calendar_is_none() {
        assert_eq!(plus_days(NaiveDate::MAX, 1), None);
        assert_eq!(end_of_month_after(NaiveDate::MAX, 3), None);
        assert_eq!(
            nth_birthday_after(civil(2000, 1, 1), NaiveDate::MAX, 10),
            None
        );
    }
}
