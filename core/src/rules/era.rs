//! R9: dates written in Japanese eras (和暦).
//!
//! 令和 N = 2018 + N (from 2019-05-01), 平成 N = 1988 + N (1989-01-08 to 2019-04-30),
//! 昭和 N = 1925 + N (1926-12-25 to 1989-01-07), and 大正 N = 1911 + N (1912-07-30 to
//! 1926-12-24) for the birth dates of the oldest members. 元年 is year 1; full-width
//! digits and spaces are accepted ("令和 7 年 6 月 16 日"). A date outside its era's
//! range is refused.

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

use super::dates::civil;

/// A Japanese era.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    /// Every supported era, oldest first.
    pub const ALL: [Era; 4] = [Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// The era's name in kanji.
    pub fn name(self) -> &'static str {
        match self {
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The first day of the era.
    pub fn first_day(self) -> NaiveDate {
        match self {
            Era::Taisho => civil(1912, 7, 30),
            Era::Showa => civil(1926, 12, 25),
            Era::Heisei => civil(1989, 1, 8),
            Era::Reiwa => civil(2019, 5, 1),
        }
    }

    /// The last day of the era (none for the current one).
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            Era::Taisho => Some(civil(1926, 12, 24)),
            Era::Showa => Some(civil(1989, 1, 7)),
            Era::Heisei => Some(civil(2019, 4, 30)),
            Era::Reiwa => None,
        }
    }

    /// The era a Gregorian date falls in.
    pub fn of(day: NaiveDate) -> Option<Era> {
        Era::ALL
            .into_iter()
            .rev()
            .find(|era| day >= era.first_day())
    }

    fn offset(self) -> i32 {
        self.first_day().year() - 1
    }

    fn contains(self, day: NaiveDate) -> bool {
        day >= self.first_day() && self.last_day().is_none_or(|last| day <= last)
    }
}

/// Why a Japanese era date was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum EraDateError {
    #[error("not a Japanese era date of the form 令和7年6月16日")]
    Format,
    #[error("unknown era (令和, 平成, 昭和 or 大正)")]
    UnknownEra,
    #[error("no such day in the calendar")]
    NoSuchDay,
    #[error("{era}{year}年 is outside the {era} era")]
    OutsideEra { era: &'static str, year: u32 },
}

/// Parses "令和7年6月16日", "令和元年5月1日", "平成３１年４月３０日", "令和 7 年 6 月 16 日".
pub fn parse_era_date(text: &str) -> Result<NaiveDate, EraDateError> {
    let normalized: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            _ => c,
        })
        .collect();
    let era = Era::ALL
        .into_iter()
        .find(|era| normalized.starts_with(era.name()))
        .ok_or(
            if normalized
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
            {
                EraDateError::Format
            } else {
                EraDateError::UnknownEra
            },
        )?;
    let rest = normalized
        .get(era.name().len()..)
        .ok_or(EraDateError::Format)?;
    let (year_text, rest) = rest.split_once('年').ok_or(EraDateError::Format)?;
    let (month_text, rest) = rest.split_once('月').ok_or(EraDateError::Format)?;
    let (day_text, rest) = rest.split_once('日').ok_or(EraDateError::Format)?;
    if !rest.is_empty() {
        return Err(EraDateError::Format);
    }
    let year: u32 = if year_text == "元" {
        1
    } else {
        parse_small_number(year_text)?
    };
    let month = parse_small_number(month_text)?;
    let day = parse_small_number(day_text)?;
    if year == 0 {
        return Err(EraDateError::OutsideEra {
            era: era.name(),
            year,
        });
    }
    let gregorian_year = i32::try_from(year)
        .ok()
        .and_then(|y| y.checked_add(era.offset()))
        .ok_or(EraDateError::OutsideEra {
            era: era.name(),
            year,
        })?;
    let date =
        NaiveDate::from_ymd_opt(gregorian_year, month, day).ok_or(EraDateError::NoSuchDay)?;
    if !era.contains(date) {
        return Err(EraDateError::OutsideEra {
            era: era.name(),
            year,
        });
    }
    Ok(date)
}

fn parse_small_number(text: &str) -> Result<u32, EraDateError> {
    if text.is_empty() || text.len() > 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(EraDateError::Format);
    }
    text.parse().map_err(|_| EraDateError::Format)
}

/// Formats a date as "令和8年12月1日" (元年 for the first year); `None` before 大正.
pub fn format_era_date(day: NaiveDate) -> Option<String> {
    let era = Era::of(day)?;
    let year = day.year() - era.offset();
    let year_text = if year == 1 {
        "元".to_owned()
    } else {
        year.to_string()
    };
    Some(format!(
        "{}{}年{}月{}日",
        era.name(),
        year_text,
        day.month(),
        day.day()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_of_rules_md() {
        assert_eq!(parse_era_date("令和7年6月16日"), Ok(civil(2025, 6, 16)));
        assert_eq!(
            parse_era_date("令和 7 年 6 月 16 日"),
            Ok(civil(2025, 6, 16))
        );
        assert_eq!(
            parse_era_date("令和　７年　６月１６日"),
            Ok(civil(2025, 6, 16))
        );
        assert_eq!(parse_era_date("令和元年5月1日"), Ok(civil(2019, 5, 1)));
        assert_eq!(parse_era_date("平成31年4月30日"), Ok(civil(2019, 4, 30)));
        assert_eq!(parse_era_date("平成元年1月8日"), Ok(civil(1989, 1, 8)));
        assert_eq!(parse_era_date("昭和64年1月7日"), Ok(civil(1989, 1, 7)));
        assert_eq!(parse_era_date("令和11年11月30日"), Ok(civil(2029, 11, 30)));
        assert_eq!(parse_era_date("大正15年12月24日"), Ok(civil(1926, 12, 24)));
    }

    #[test]
    fn refuses_dates_outside_their_era() {
        assert!(matches!(
            parse_era_date("平成31年5月1日"),
            Err(EraDateError::OutsideEra { .. })
        ));
        assert!(matches!(
            parse_era_date("令和元年4月30日"),
            Err(EraDateError::OutsideEra { .. })
        ));
        assert!(matches!(
            parse_era_date("昭和64年1月8日"),
            Err(EraDateError::OutsideEra { .. })
        ));
        assert!(matches!(
            parse_era_date("令和0年1月1日"),
            Err(EraDateError::OutsideEra { .. })
        ));
        assert_eq!(
            parse_era_date("令和7年2月29日"),
            Err(EraDateError::NoSuchDay)
        );
        assert_eq!(
            parse_era_date("明治45年1月1日"),
            Err(EraDateError::UnknownEra)
        );
        assert_eq!(parse_era_date("令和7年6月"), Err(EraDateError::Format));
        assert_eq!(
            parse_era_date("令和7年6月16日です"),
            Err(EraDateError::Format)
        );
        assert_eq!(parse_era_date("令和-1年6月16日"), Err(EraDateError::Format));
        assert_eq!(parse_era_date("2025-06-16"), Err(EraDateError::Format));
        assert_eq!(parse_era_date(""), Err(EraDateError::UnknownEra));
    }

    #[test]
    fn formats_with_gannen() {
        assert_eq!(
            format_era_date(civil(2026, 12, 1)).as_deref(),
            Some("令和8年12月1日")
        );
        assert_eq!(
            format_era_date(civil(2019, 5, 1)).as_deref(),
            Some("令和元年5月1日")
        );
        assert_eq!(
            format_era_date(civil(2019, 4, 30)).as_deref(),
            Some("平成31年4月30日")
        );
        assert_eq!(format_era_date(civil(1900, 1, 1)), None);
    }
}
