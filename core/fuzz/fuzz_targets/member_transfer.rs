//! A member code read from another phone's QR: the code as scanned (with and without a
//! one-time code), and (to reach past the checksum) the bytes as the JSON of a
//! well-formed plain code that has not expired.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};
use shikaku_core::household::transfer::{
    TRANSFER_PREFIX, TRANSFER_VERSION, decode_member, encode_member,
};

/// The instant every code is read at (a code made then holds for 30 minutes).
fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(code) = std::str::from_utf8(data) {
        let _ = decode_member(code, None, now());
        let _ = decode_member(code, Some("0123456789"), now());
    }
    let expires = now().timestamp() + 60;
    let signed = format!(
        "{TRANSFER_PREFIX}:{TRANSFER_VERSION}:{expires}:P:{}",
        URL_SAFE_NO_PAD.encode(data)
    );
    let digest = Sha256::digest(signed.as_bytes());
    let sum: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    let code = format!("{signed}:{sum}");
    if let Ok(member) = decode_member(&code, None, now()) {
        // An accepted member travels again unchanged (without insurance numbers: those
        // travel sealed, which the round trip of the tests covers).
        let again = encode_member(&member, false, now()).expect("encodes");
        let mut expected = member;
        expected.insurance_fields = None;
        expected.dependent_of = None;
        assert_eq!(
            decode_member(&again.code, None, now()).expect("decodes"),
            expected
        );
    }
});
