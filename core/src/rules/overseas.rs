//! R5: moving abroad (国外転出).
//!
//! 国外継続利用 must be applied for no later than the day before the planned departure;
//! otherwise the card is invalid from the departure day itself. Some counters open on
//! weekdays only, so the last business day on or before that limit is shown too.
//!
//! Foreign nationals cannot apply for 国外継続利用 (S1; R12). **Decision:** for them there
//! is no limit to apply by (`overseas_apply_by` is null) and the card is invalid from the
//! departure day whatever application was recorded: it lapses on departure.

use chrono::NaiveDate;

use super::business_days::HolidayCalendar;

/// A planned departure abroad and whether 国外継続利用 was applied for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Departure {
    pub overseas_departure_on: Option<NaiveDate>,
    pub overseas_continued_use_applied_on: Option<NaiveDate>,
    /// The member is a foreign national: no 国外継続利用 (R12).
    pub foreign_national: bool,
}

impl Departure {
    /// The last day to apply for 国外継続利用 (none for a foreign national, who cannot).
    pub fn apply_by(&self) -> Option<NaiveDate> {
        if self.foreign_national {
            return None;
        }
        self.overseas_departure_on?.pred_opt()
    }

    /// The last day a weekday-only counter is open to apply (a business day of R7).
    pub fn apply_by_last_business_day(&self, calendar: &HolidayCalendar) -> Option<NaiveDate> {
        calendar.last_business_day_on_or_before(self.apply_by()?)
    }

    /// The departure day, when the card is invalid from it by `today`.
    pub fn card_invalid_from(&self, today: NaiveDate) -> Option<NaiveDate> {
        let departure = self.overseas_departure_on?;
        let applied_in_time = self.apply_by().is_some_and(|apply_by| {
            self.overseas_continued_use_applied_on
                .is_some_and(|day| day <= apply_by)
        });
        (!applied_in_time && departure <= today).then_some(departure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    #[test]
    fn apply_by_the_day_before_departure() {
        let trip = Departure {
            overseas_departure_on: Some(civil(2026, 4, 1)),
            overseas_continued_use_applied_on: None,
            foreign_national: false,
        };
        assert_eq!(trip.apply_by(), Some(civil(2026, 3, 31)));
        assert_eq!(trip.card_invalid_from(civil(2026, 3, 31)), None);
        assert_eq!(
            trip.card_invalid_from(civil(2026, 4, 1)),
            Some(civil(2026, 4, 1))
        );
        let late = Departure {
            overseas_continued_use_applied_on: Some(civil(2026, 4, 1)),
            ..trip
        };
        assert_eq!(
            late.card_invalid_from(civil(2026, 4, 2)),
            Some(civil(2026, 4, 1))
        );
        let in_time = Departure {
            overseas_continued_use_applied_on: Some(civil(2026, 3, 31)),
            ..trip
        };
        assert_eq!(in_time.card_invalid_from(civil(2026, 5, 1)), None);
    }

    #[test]
    fn a_foreign_nationals_card_lapses_on_departure() {
        let trip = Departure {
            overseas_departure_on: Some(civil(2026, 4, 1)),
            overseas_continued_use_applied_on: Some(civil(2026, 3, 20)),
            foreign_national: true,
        };
        assert_eq!(trip.apply_by(), None);
        assert_eq!(
            trip.apply_by_last_business_day(HolidayCalendar::embedded()),
            None
        );
        assert_eq!(trip.card_invalid_from(civil(2026, 3, 31)), None);
        assert_eq!(
            trip.card_invalid_from(civil(2026, 4, 1)),
            Some(civil(2026, 4, 1))
        );
    }

    #[test]
    fn last_weekday_skips_weekends_and_holidays() {
        let calendar = HolidayCalendar::embedded();
        // Departure Tue 2026-05-05 (こどもの日): apply by Mon 05-04 (みどりの日); Sun 05-03
        // and Sat 05-02 are closed too, so the last open day is Fri 05-01.
        let trip = Departure {
            overseas_departure_on: Some(civil(2026, 5, 5)),
            overseas_continued_use_applied_on: None,
            foreign_national: false,
        };
        assert_eq!(
            trip.apply_by_last_business_day(calendar),
            Some(civil(2026, 5, 1))
        );
    }
}
