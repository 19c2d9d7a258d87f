//! Today in Japan, through an injectable [`Clock`] (DESIGN.md principle 3: the rules
//! never read the clock; the service and the CLI ask a `Clock`).

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

/// Japan Standard Time: UTC+9 all year (no daylight saving).
pub fn japan_offset() -> FixedOffset {
    const NINE_HOURS: i32 = 9 * 3600;
    FixedOffset::east_opt(NINE_HOURS).unwrap_or_else(|| Utc.fix())
}

/// Where "now" and "today" come from.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;

    /// Today's civil date in Asia/Tokyo.
    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&japan_offset()).date_naive()
    }
}

/// The system clock, read in Asia/Tokyo.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stopped at one instant, for tests and for `--now`.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl FixedClock {
    /// Noon in Japan on `day`: a whole day's "today" for commands given only a date.
    pub fn noon_in_japan(day: NaiveDate) -> Self {
        let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
        FixedClock(
            noon.and_local_timezone(japan_offset())
                .single()
                .map_or_else(|| noon.and_utc(), |at| at.with_timezone(&Utc)),
        )
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn japan_is_nine_hours_ahead() {
        assert_eq!(japan_offset().local_minus_utc(), 9 * 3600);
        // 2026-11-20 15:30 UTC is already the 21st in Tokyo.
        let instant = Utc.with_ymd_and_hms(2026, 11, 20, 15, 30, 0).single();
        let tokyo = instant.map(|i| i.with_timezone(&japan_offset()).date_naive());
        assert_eq!(tokyo, NaiveDate::from_ymd_opt(2026, 11, 21));
    }
}
