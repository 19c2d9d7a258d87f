//! Japanese era dates as a member types or a PDF prints them (R9): parse, and a parsed
//! date written out in its era parses back to the same day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shikaku_core::rules::era::{format_era_date, parse_era_date};
use shikaku_core::rules::facts::parse_iso_date;

fuzz_target!(|text: &str| {
    let _ = parse_iso_date(text);
    if let Ok(day) = parse_era_date(text)
        && let Some(written) = format_era_date(day)
    {
        assert_eq!(parse_era_date(&written), Ok(day), "{written}");
    }
});
