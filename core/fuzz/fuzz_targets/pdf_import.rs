//! A PDF from any app: the import's checks and field extraction (vault::pdf limits, R9–R11).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shikaku_core::vault::check_document;

fuzz_target!(|data: &[u8]| {
    // Any outcome is fine but a panic, a hang or a runaway allocation.
    if let Ok(document) = check_document(data) {
        assert!(document.pages >= 1);
        assert_eq!(document.byte_len, data.len() as u64);
    }
});
