//! A content bundle from the network: the envelope as received, and (to reach past the
//! signature) the same bytes as a payload signed by a key the target trusts: parse,
//! checks, holiday list, lead times.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signer, SigningKey};
use libfuzzer_sys::fuzz_target;
use shikaku_core::content::bundle::{TrustedKey, open_envelope};

const KEY_ID: &str = "fuzz";

fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

fn trusted() -> Vec<TrustedKey> {
    vec![TrustedKey {
        key_id: KEY_ID.to_owned(),
        public_key: BASE64.encode(signing_key().verifying_key().as_bytes()),
    }]
}

fuzz_target!(|data: &[u8]| {
    let trusted = trusted();
    let _ = open_envelope(data, &trusted);

    // Base64 needs no escaping inside a JSON string.
    let signed = format!(
        r#"{{"key_id":"{KEY_ID}","payload":"{}","signature":"{}"}}"#,
        BASE64.encode(data),
        BASE64.encode(signing_key().sign(data).to_bytes())
    );
    if let Ok(bundle) = open_envelope(signed.as_bytes(), &trusted) {
        // An accepted bundle's parts are usable.
        let _ = bundle
            .holiday_calendar()
            .expect("checked bundles have a readable list");
        let _ = bundle.reminder_defaults();
    }
});
