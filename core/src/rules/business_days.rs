//! R7: business days and when マイナ保険証 works after joining an insurer.
//!
//! マイナ保険証 can be used from the 2nd business day after the insurer registered the
//! member (翌々営業日). A business day is not a Saturday or Sunday, not a national holiday
//! of the Cabinet Office list (every listed date, whatever its name), and not in the
//! year-end closure 12-29 … 01-03.
//!
//! The list is embedded from `core/data/syukujitsu.csv`, a UTF-8 copy of the Cabinet
//! Office's syukujitsu.csv kept in that file's own row format and refreshed by
//! `scripts/refresh-holidays.py`. The same parser reads the original CP932 bytes, so a
//! list fetched later can replace the embedded one.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use thiserror::Error;

/// The header line of the Cabinet Office CSV.
pub const CABINET_OFFICE_HEADER: &str = "国民の祝日・休日月日,国民の祝日・休日名称";

/// The Cabinet Office list compiled in (as UTF-8, stored deflated: [`crate::embedded`]).
fn embedded_csv() -> String {
    crate::embedded::inflate_text(crate::embedded::deflated!("data/syukujitsu.csv"))
}

/// Business days after registration before マイナ保険証 works (翌々営業日).
pub const BUSINESS_DAYS_UNTIL_USABLE: u32 = 2;

/// What is wrong with a holiday list.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum HolidayCsvError {
    #[error("the holiday list is not valid CP932 or UTF-8 text")]
    Encoding,
    #[error("the holiday list does not start with the Cabinet Office header")]
    Header,
    #[error("holiday list line {line}: {reason}")]
    Row { line: usize, reason: String },
    #[error("the holiday list has no rows")]
    Empty,
    #[error("the holiday list has no holiday in {year}: years must be contiguous")]
    MissingYear { year: i32 },
}

/// A national holiday as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

/// The national holidays of a range of whole years, sorted, and the business-day
/// arithmetic built on them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HolidayCalendar {
    holidays: Vec<Holiday>,
}

impl HolidayCalendar {
    /// The list compiled into the library.
    pub fn embedded() -> &'static HolidayCalendar {
        static EMBEDDED: OnceLock<HolidayCalendar> = OnceLock::new();
        // The embedded file is checked by a test; were it ever broken, the calendar
        // would still count weekends and the year-end closure.
        EMBEDDED.get_or_init(|| Self::parse_text(&embedded_csv()).unwrap_or_default())
    }

    /// Parses the Cabinet Office CSV as published: CP932, CRLF. A UTF-8 copy (with or
    /// without a byte-order mark) is accepted too.
    pub fn parse_cabinet_office_csv(bytes: &[u8]) -> Result<Self, HolidayCsvError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::parse_text(text),
            Err(_) => {
                let text = crate::jis::decode_shift_jis(bytes).ok_or(HolidayCsvError::Encoding)?;
                Self::parse_text(&text)
            }
        }
    }

    /// Parses decoded text in the Cabinet Office format.
    pub fn parse_text(text: &str) -> Result<Self, HolidayCsvError> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, header)) if header.trim_end() == CABINET_OFFICE_HEADER => {}
            _ => return Err(HolidayCsvError::Header),
        }
        let mut holidays: Vec<Holiday> = Vec::new();
        for (index, line) in lines {
            let line_number = index + 1;
            let line = line.trim_end();
            if line.is_empty() {
                continue;
            }
            let row_error = |reason: &str| HolidayCsvError::Row {
                line: line_number,
                reason: reason.to_owned(),
            };
            let (date_text, name) = line
                .split_once(',')
                .ok_or_else(|| row_error("expected `date,name`"))?;
            let date = parse_slashed_date(date_text)
                .ok_or_else(|| row_error("the date is not a real Y/M/D date"))?;
            if name.trim().is_empty() {
                return Err(row_error("the holiday has no name"));
            }
            if holidays.last().is_some_and(|last| last.date >= date) {
                return Err(row_error("dates must be in increasing order"));
            }
            holidays.push(Holiday {
                date,
                name: name.trim().to_owned(),
            });
        }
        let calendar = HolidayCalendar { holidays };
        let (first, last) = calendar.years().ok_or(HolidayCsvError::Empty)?;
        for year in first..=last {
            if !calendar.holidays.iter().any(|h| h.date.year() == year) {
                return Err(HolidayCsvError::MissingYear { year });
            }
        }
        Ok(calendar)
    }

    /// The first and last year the list covers.
    pub fn years(&self) -> Option<(i32, i32)> {
        Some((
            self.holidays.first()?.date.year(),
            self.holidays.last()?.date.year(),
        ))
    }

    /// Whether the list covers the year of `day`; outside it, holidays are unknown and a
    /// business-day result is an estimate.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.years()
            .is_some_and(|(first, last)| (first..=last).contains(&day.year()))
    }

    /// Every listed holiday, sorted.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// The listed holiday on `day`, if any.
    pub fn holiday_on(&self, day: NaiveDate) -> Option<&Holiday> {
        self.holidays
            .binary_search_by_key(&day, |h| h.date)
            .ok()
            .and_then(|index| self.holidays.get(index))
    }

    /// Whether offices and insurers work on `day`.
    pub fn is_business_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !is_year_end_closure(day)
            && self.holiday_on(day).is_none()
    }

    /// The `n`-th business day strictly after `day` (`n` ≥ 1).
    pub fn nth_business_day_after(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return None;
        }
        let mut current = day;
        let mut found = 0;
        while found < n {
            current = current.succ_opt()?;
            if self.is_business_day(current) {
                found += 1;
            }
        }
        Some(current)
    }

    /// The last business day on or before `day`.
    pub fn last_business_day_on_or_before(&self, day: NaiveDate) -> Option<NaiveDate> {
        let mut current = day;
        while !self.is_business_day(current) {
            current = current.pred_opt()?;
        }
        Some(current)
    }

    /// The first business day on or after `day`.
    pub fn first_business_day_on_or_after(&self, day: NaiveDate) -> Option<NaiveDate> {
        let mut current = day;
        while !self.is_business_day(current) {
            current = current.succ_opt()?;
        }
        Some(current)
    }

    /// R4 decision: a municipal deadline on a closed day (a day that is not a business
    /// day) is met on the next open day, which this returns; `None` when `day` is open.
    pub fn next_open_day_when_closed(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.first_business_day_on_or_after(day)
            .filter(|open| *open != day)
    }

    /// R5, R12: for a step to take at a weekday-only counter no later than `day`, the
    /// last open day before it when `day` itself is closed; `None` when `day` is open.
    pub fn last_open_day_when_closed(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.last_business_day_on_or_before(day)
            .filter(|open| *open != day)
    }

    /// R7: the first day マイナ保険証 works after the insurer registered the member.
    pub fn insurance_usable_from(&self, registered_on: NaiveDate) -> Option<NaiveDate> {
        self.nth_business_day_after(registered_on, BUSINESS_DAYS_UNTIL_USABLE)
    }
}

/// 12-29 to 01-03, when offices and insurers are closed.
pub fn is_year_end_closure(day: NaiveDate) -> bool {
    matches!((day.month(), day.day()), (12, 29..=31) | (1, 1..=3))
}

/// `2026/5/6` → 2026-05-06 (no zero padding in the Cabinet Office file; padding allowed).
fn parse_slashed_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().split('/');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    #[test]
    fn embedded_list_parses_and_covers_1955_to_2027() {
        let parsed = HolidayCalendar::parse_text(&embedded_csv());
        assert!(parsed.is_ok(), "{parsed:?}");
        let calendar = HolidayCalendar::embedded();
        let (first, last) = calendar.years().unwrap_or_default();
        assert_eq!(first, 1955);
        assert!(last >= 2027);
        assert!(calendar.holidays().len() > 1000);
        assert_eq!(
            calendar
                .holiday_on(civil(2026, 11, 23))
                .map(|h| h.name.as_str()),
            Some("勤労感謝の日")
        );
        assert_eq!(
            calendar
                .holiday_on(civil(2026, 5, 6))
                .map(|h| h.name.as_str()),
            Some("休日")
        );
    }

    #[test]
    fn examples_of_rules_md() {
        let calendar = HolidayCalendar::embedded();
        let usable = |y, m, d| calendar.insurance_usable_from(civil(y, m, d));
        assert_eq!(usable(2026, 11, 20), Some(civil(2026, 11, 25)));
        assert_eq!(usable(2026, 12, 25), Some(civil(2027, 1, 4)));
        assert_eq!(usable(2026, 4, 30), Some(civil(2026, 5, 7)));
        assert_eq!(usable(2026, 9, 18), Some(civil(2026, 9, 25)));
        // An ordinary Monday: Wednesday.
        assert_eq!(usable(2026, 6, 1), Some(civil(2026, 6, 3)));
    }

    #[test]
    fn closed_days_lead_to_the_next_or_the_last_open_day() {
        let calendar = HolidayCalendar::embedded();
        // Sun 2027-01-03 is closed (year-end closure and Sunday): open next on Mon 4th,
        // last open before on Mon 2026-12-28.
        assert_eq!(
            calendar.next_open_day_when_closed(civil(2027, 1, 3)),
            Some(civil(2027, 1, 4))
        );
        assert_eq!(
            calendar.last_open_day_when_closed(civil(2027, 1, 3)),
            Some(civil(2026, 12, 28))
        );
        // Sat 2026-05-02 … Wed 05-06 (Golden Week): next open Thu 05-07.
        assert_eq!(
            calendar.next_open_day_when_closed(civil(2026, 5, 2)),
            Some(civil(2026, 5, 7))
        );
        // An open day needs no hint.
        assert_eq!(calendar.next_open_day_when_closed(civil(2026, 4, 15)), None);
        assert_eq!(calendar.last_open_day_when_closed(civil(2026, 4, 15)), None);
    }

    #[test]
    fn year_end_closure_is_not_a_business_day() {
        let calendar = HolidayCalendar::default();
        assert!(!calendar.is_business_day(civil(2025, 12, 29)));
        assert!(!calendar.is_business_day(civil(2026, 1, 2)));
        assert!(calendar.is_business_day(civil(2025, 12, 26)));
        assert_eq!(calendar.nth_business_day_after(civil(2026, 1, 1), 0), None);
    }

    #[test]
    fn rejects_bad_lists() {
        let header = CABINET_OFFICE_HEADER;
        let bad = |text: &str| HolidayCalendar::parse_text(text).err();
        assert_eq!(
            bad("date,name\r\n2026/1/1,元日"),
            Some(HolidayCsvError::Header)
        );
        assert_eq!(bad(header), Some(HolidayCsvError::Empty));
        assert!(matches!(
            bad(&format!("{header}\r\n2026/2/30,x")),
            Some(HolidayCsvError::Row { line: 2, .. })
        ));
        assert!(matches!(
            bad(&format!("{header}\r\n2026/1/2,a\r\n2026/1/1,b")),
            Some(HolidayCsvError::Row { line: 3, .. })
        ));
        assert!(matches!(
            bad(&format!("{header}\r\n2026/1/1,")),
            Some(HolidayCsvError::Row { .. })
        ));
        assert_eq!(
            bad(&format!("{header}\r\n2024/1/1,元日\r\n2026/1/1,元日")),
            Some(HolidayCsvError::MissingYear { year: 2025 })
        );
        assert_eq!(
            HolidayCalendar::parse_cabinet_office_csv(&[0x82, 0xFF, 0xFF]).err(),
            Some(HolidayCsvError::Encoding)
        );
    }
}
