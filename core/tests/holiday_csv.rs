//! R7: the Cabinet Office format as published (CP932, CRLF), from the fixture that
//! scripts/make-fixtures.py writes, parses to the same holidays as the embedded copy.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use shikaku_core::rules::HolidayCalendar;

fn fixture() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/syukujitsu-2025-2027.cp932.csv");
    std::fs::read(path).expect("run scripts/make-fixtures.py")
}

#[test]
fn the_fixture_really_is_cp932_with_crlf() {
    let bytes = fixture();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(bytes.windows(2).any(|pair| pair == b"\r\n"));
}

#[test]
fn cp932_list_parses_to_the_embedded_rows() {
    let parsed = HolidayCalendar::parse_cabinet_office_csv(&fixture()).expect("parses");
    assert_eq!(parsed.years(), Some((2025, 2027)));
    let embedded: Vec<_> = HolidayCalendar::embedded()
        .holidays()
        .iter()
        .filter(|h| (2025..=2027).contains(&h.date.year()))
        .cloned()
        .collect();
    assert_eq!(parsed.holidays(), embedded.as_slice());
    let labour_day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    assert_eq!(
        parsed.holiday_on(labour_day).map(|h| h.name.as_str()),
        Some("勤労感謝の日")
    );
}

#[test]
fn a_damaged_cp932_list_is_refused() {
    let mut bytes = fixture();
    let cut = bytes.len() / 2;
    bytes.truncate(cut);
    bytes.extend_from_slice(b"\r\n2026/13/1,\x8b\x78\x93\xfa\r\n");
    assert!(HolidayCalendar::parse_cabinet_office_csv(&bytes).is_err());
}
