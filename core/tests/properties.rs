//! Invariants of the date rules over generated inputs (proptest).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;
use shikaku_core::rules::business_days::HolidayCalendar;
use shikaku_core::rules::dates::{birthday_in_year, is_month_end};
use shikaku_core::rules::era::{format_era_date, parse_era_date};
use shikaku_core::rules::insurer_number::{insurer_check_digit, validate_insurer_number};
use shikaku_core::rules::my_number::{is_my_number, my_number_check_digit};
use shikaku_core::rules::{CardState, Facts, card, certificate, evaluate};

/// A day between `from` and `from + span` days.
fn day_in(from: (i32, u32, u32), span: u64) -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(from.0, from.1, from.2).expect("start");
    (0..span).prop_map(move |offset| start + chrono::Days::new(offset))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn grace_ends_on_the_last_day_of_the_third_month_after(expiry in day_in((2000, 1, 1), 20_000)) {
        let until = certificate::insurance_use_until(expiry).expect("in range");
        prop_assert!(is_month_end(until));
        let months = (until.year() - expiry.year()) * 12 + until.month() as i32 - expiry.month() as i32;
        prop_assert_eq!(months, 3);
        // More than 2 whole months after expiry, and at most 4.
        prop_assert!(until > expiry + Months::new(2));
        prop_assert!(until <= expiry + Months::new(4));
    }

    #[test]
    fn renewal_opens_before_expiry_within_three_months(expiry in day_in((2000, 1, 1), 20_000)) {
        let opens = certificate::renewal_opens_on(expiry).expect("in range");
        prop_assert!(opens < expiry);
        // The day after "expiry − 3 months" (clamped): between 88 and 92 days before.
        prop_assert_eq!(opens - chrono::Days::new(1), expiry - Months::new(3));
        prop_assert!((88..=92).contains(&(expiry - opens).num_days()));
    }

    #[test]
    fn the_second_business_day_after_is_a_business_day(registered in day_in((1955, 1, 1), 26_000)) {
        let calendar = HolidayCalendar::embedded();
        let usable = calendar.insurance_usable_from(registered).expect("in range");
        prop_assert!(usable > registered);
        prop_assert!(calendar.is_business_day(usable));
        let between = registered.iter_days().skip(1).take_while(|d| *d < usable)
            .filter(|d| calendar.is_business_day(*d)).count();
        prop_assert_eq!(between, 1);
    }

    #[test]
    fn era_dates_round_trip(day in day_in((1912, 7, 30), 60_000)) {
        let written = format_era_date(day).expect("from 大正 on");
        prop_assert_eq!(parse_era_date(&written), Ok(day));
    }

    #[test]
    fn card_expiry_is_a_birthday_five_or_ten_birthdays_on(
        birth in day_in((1920, 1, 1), 36_000),
        age_days in 0u64..30_000,
    ) {
        let issued = birth + chrono::Days::new(age_days);
        let expiry = card::card_expires_on(birth, issued, None).expect("in range");
        prop_assert_eq!(Some(expiry), birthday_in_year(birth, expiry.year()));
        prop_assert!(expiry > issued);
        let years = expiry.year() - issued.year();
        prop_assert!((4..=10).contains(&years), "{} years", years);
        let cert = certificate::cert_expires_on(birth, issued, None, Some(expiry)).expect("in range");
        prop_assert!(cert <= expiry);
    }

    #[test]
    fn states_agree_with_the_dates(
        birth in day_in((1940, 1, 1), 25_000),
        issued_after in 0u64..20_000,
        today_after in 0u64..30_000,
    ) {
        let issued = birth + chrono::Days::new(issued_after);
        let today = birth + chrono::Days::new(today_after);
        let mut facts = Facts::born_on(birth);
        facts.card_issued_on = Some(issued);
        let results = evaluate(&facts, today).results;
        let expiry = results.cert_expires_on.expect("known");
        let opens = results.cert_renewal_opens_on.expect("known");
        let until = results.insurance_use_until.expect("known");
        let expected = if today < opens {
            CardState::Valid
        } else if today <= expiry {
            CardState::RenewalWindow
        } else if today <= until {
            CardState::Grace
        } else {
            CardState::Expired
        };
        prop_assert_eq!(results.card_state, expected);
    }

    #[test]
    fn facts_json_never_panics(text in ".{0,200}") {
        let _ = Facts::from_json(&text);
    }

    #[test]
    fn facts_with_any_date_strings_never_panic(
        field in prop::sample::select(vec!["birth_date", "card_issued_on", "moved_on", "cert_expires_on"]),
        value in "[0-9令和平成昭和元年月日 -]{0,24}",
    ) {
        let json = serde_json::json!({"birth_date": "1990-06-15", field: value}).to_string();
        if let Ok(facts) = Facts::from_json(&json) {
            let _ = evaluate(&facts, NaiveDate::from_ymd_opt(2026, 11, 21).expect("date"));
        }
    }

    #[test]
    fn my_number_check_digit_is_the_only_valid_one(digits in prop::array::uniform11(0u8..10), wrong in 1u8..10) {
        let check = my_number_check_digit(&digits);
        let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let valid = format!("{text}{check}");
        let invalid = format!("{text}{}", (check + wrong) % 10);
        prop_assert!(is_my_number(&valid));
        prop_assert!(!is_my_number(&invalid));
    }

    #[test]
    fn insurer_check_digit_is_the_only_valid_one(
        body in prop::sample::select(vec![5usize, 7])
            .prop_flat_map(|len| prop::collection::vec(0u8..10, len)),
        wrong in 1u8..10,
    ) {
        let check = insurer_check_digit(&body);
        let text: String = body.iter().map(|d| char::from(b'0' + d)).collect();
        let valid = format!("{text}{check}");
        let invalid = format!("{text}{}", (check + wrong) % 10);
        prop_assert!(validate_insurer_number(&valid).is_ok());
        prop_assert!(validate_insurer_number(&invalid).is_err());
    }
}
