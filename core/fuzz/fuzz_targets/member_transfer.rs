//! A household transfer code read from another phone's QR: the code as scanned, and
//! (to reach past the checksum) the bytes as the JSON of a well-formed code.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};
use shikaku_core::household::transfer::{decode_member, encode_member};

fuzz_target!(|data: &[u8]| {
    if let Ok(code) = std::str::from_utf8(data) {
        let _ = decode_member(code);
    }
    let digest = Sha256::digest(data);
    let sum: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    let code = format!("SHIKAKU-MEMBER:1:{}:{sum}", URL_SAFE_NO_PAD.encode(data));
    if let Ok(member) = decode_member(&code) {
        // An accepted member travels again unchanged.
        let again = encode_member(&member, true).expect("encodes");
        assert_eq!(decode_member(&again).expect("decodes"), member);
    }
});
