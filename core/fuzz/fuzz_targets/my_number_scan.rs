//! Any text through the R10 screen: normalized (NFKC, every script's digits), scanned
//! for a check-digit-valid マイナンバー, and the answers agree with each other.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shikaku_core::rules::my_number::{
    contains_my_number, is_my_number, normalize_digits, screen_insurance_field, screen_text,
};

fuzz_target!(|text: &str| {
    let found = contains_my_number(text);
    assert_eq!(screen_text(text).is_err(), found);
    if is_my_number(text) {
        assert!(found, "{text:?}");
    }
    if found {
        assert!(screen_insurance_field(text).is_err());
        // Normalizing first finds the same.
        assert!(contains_my_number(&normalize_digits(text)));
    }
});
