//! How the core's own types cross the FFI (DESIGN.md principle 2): a civil date travels
//! as its `YYYY-MM-DD` text; the bindings' configuration maps it to each language's
//! date type.

use chrono::NaiveDate;

use crate::rules::facts::parse_iso_date;

/// Why text from a shell is not a `YYYY-MM-DD` date.
#[derive(Debug, thiserror::Error)]
#[error("not a YYYY-MM-DD date")]
pub struct NotAnIsoDate;

uniffi::custom_type!(NaiveDate, String, {
    remote,
    try_lift: |text| Ok(parse_iso_date(&text).ok_or(NotAnIsoDate)?),
    lower: |day| day.format("%Y-%m-%d").to_string(),
});

/// An instant travels as UniFFI's timestamp (java.time.Instant, Date, datetime).
type UtcDateTime = chrono::DateTime<chrono::Utc>;
uniffi::custom_type!(UtcDateTime, std::time::SystemTime, { remote });
