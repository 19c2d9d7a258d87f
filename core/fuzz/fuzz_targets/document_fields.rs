//! The text of a 資格情報, as the PDF's text layer gives it: field extraction and the
//! checks every kept field passes (R9 era dates, R10 no マイナンバー, R11 保険者番号).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shikaku_core::rules::insurer_number::validate_insurer_number;
use shikaku_core::vault::fields::extract_fields;

fuzz_target!(|text: &str| {
    let extraction = extract_fields(text);
    // What is kept has passed its check; a kept 保険者番号 checks again.
    if let Some(number) = extraction.fields.insurer_number {
        assert!(validate_insurer_number(&number).is_ok(), "{number}");
    }
});
