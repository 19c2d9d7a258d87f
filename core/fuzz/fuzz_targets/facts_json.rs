//! Typed facts as JSON (the CLI's and a shell's input): parse, validate, and evaluate
//! every rule (R1–R7) on a few days around the facts' own dates.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use shikaku_core::rules::{Facts, evaluate};

fuzz_target!(|text: &str| {
    let Ok(facts) = Facts::from_json(text) else {
        return;
    };
    for today in [
        facts.birth_date,
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or(facts.birth_date),
        NaiveDate::MAX,
        NaiveDate::MIN,
    ] {
        let _ = evaluate(&facts, today);
    }
});
