//! Moving one member to another device with a QR code: the member's name, facts and
//! what they hold (never documents), checked on both sides like typed input (R10: no
//! マイナンバー travels, no control or bidi character).
//!
//! A code reads `SHIKAKU-MEMBER:2:<expires>:<kind>:<body>:<checksum>`:
//! - `expires`: the second (Unix time, UTC) after which the code is refused; a code lives
//!   [`TRANSFER_VALID_MINUTES`] minutes, so a screenshot found later is worth nothing;
//! - `kind` `P`: the body is the member without insurance numbers, as JSON in base64url;
//! - `kind` `S`: the member travels with their insurance numbers, and then only sealed:
//!   ChaCha20-Poly1305 under a key derived (PBKDF2-HMAC-SHA256, [`PBKDF2_ROUNDS`] rounds,
//!   a random salt) from a one-time code of [`ONE_TIME_CODE_DIGITS`] digits. The
//!   sender's screen shows the one-time code beside the QR code ([`MemberShare`]); the
//!   receiver types it. The header is bound as associated data. The body is salt (16
//!   bytes), nonce (12) and the sealed JSON, in base64url. A code that travels alone (a
//!   QR code forwarded in a chat) does not give the numbers away; guessing the one-time
//!   code offline costs PBKDF2 for each of 10¹⁰ candidates.
//! - `checksum`: the first 4 bytes of SHA-256 over everything before it, in hex, so a
//!   code scanned or copied wrong is told apart from a wrong one-time code.
//!
//! A damaged code, one past its expiry, one from a newer version of the app, or one of
//! format 1 (which had no expiry: it counts as expired) is refused with its own reason.

use std::num::NonZeroU32;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, TimeDelta, Utc};
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, Nonce, UnboundKey};
use ring::digest::{SHA256, digest};
use ring::pbkdf2;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::MemberDraft;
use crate::error::{Error, Field, Reason, Result};
use crate::rules::my_number::normalize_digits;
use crate::vault::hex;
use crate::vault::seal::random_bytes;

/// The prefix every transfer code starts with.
pub const TRANSFER_PREFIX: &str = "SHIKAKU-MEMBER";
/// The format this build writes and reads.
pub const TRANSFER_VERSION: u32 = 2;
/// How long a code can be received after it was made.
pub const TRANSFER_VALID_MINUTES: i64 = 30;
/// The digits of a one-time code.
pub const ONE_TIME_CODE_DIGITS: usize = 10;
/// The PBKDF2 rounds that turn a one-time code into a key.
pub const PBKDF2_ROUNDS: u32 = 200_000;

const PLAIN: &str = "P";
const SEALED: &str = "S";
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 12;

/// A member code to show: the QR code's text and, when it carries insurance numbers,
/// the one-time code to show beside it for the receiver to type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct MemberShare {
    /// The text of the QR code.
    pub code: String,
    /// Shown beside the QR code (two groups of five digits) when the code carries
    /// insurance numbers; `None` otherwise.
    pub one_time_code: Option<String>,
    /// After this instant the code is refused.
    pub expires_at: DateTime<Utc>,
}

/// What a scanned code is, before it is received: whether the receiver must type a
/// one-time code, and until when the code holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TransferCodeInfo {
    pub needs_one_time_code: bool,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    member: MemberDraft,
}

fn checksum(text: &str) -> String {
    let digest = digest(&SHA256, text.as_bytes());
    let bytes = digest.as_ref();
    hex(bytes.get(..4).unwrap_or(bytes))
}

fn refuse(reason: Reason) -> Error {
    Error::invalid(Field::TransferCode, reason)
}

fn damaged() -> Error {
    refuse(Reason::TransferCodeDamaged)
}

fn json_failed(error: serde_json::Error) -> Error {
    Error::Storage {
        reason: error.to_string(),
    }
}

/// The one-time code's digits as a key for `salt`.
fn derive_key(digits: &[u8], salt: &[u8]) -> Result<LessSafeKey> {
    let mut key = Zeroizing::new([0u8; 32]);
    let rounds = NonZeroU32::new(PBKDF2_ROUNDS).ok_or_else(damaged)?;
    pbkdf2::derive(
        pbkdf2::PBKDF2_HMAC_SHA256,
        rounds,
        salt,
        digits,
        key.as_mut(),
    );
    let unbound = UnboundKey::new(&CHACHA20_POLY1305, key.as_ref()).map_err(|_| damaged())?;
    Ok(LessSafeKey::new(unbound))
}

/// A new one-time code: [`ONE_TIME_CODE_DIGITS`] uniform random digits.
fn new_one_time_code() -> Result<String> {
    let mut digits = String::with_capacity(ONE_TIME_CODE_DIGITS);
    while digits.len() < ONE_TIME_CODE_DIGITS {
        let bytes: [u8; 16] = random_bytes()?;
        // 250 is the largest multiple of 10 a byte holds: the digits stay uniform.
        for byte in bytes.into_iter().filter(|b| *b < 250) {
            if digits.len() < ONE_TIME_CODE_DIGITS {
                digits.push(char::from(b'0' + byte % 10));
            }
        }
    }
    Ok(digits)
}

/// A one-time code as typed, as ASCII digits: NFKC, any script's digits, spaces and
/// hyphens dropped.
fn typed_digits(typed: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = normalize_digits(typed)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| u8::try_from(c).ok().filter(u8::is_ascii_digit))
        .collect::<Option<_>>()?;
    (digits.len() == ONE_TIME_CODE_DIGITS).then_some(digits)
}

fn header(expires: i64, kind: &str) -> String {
    format!("{TRANSFER_PREFIX}:{TRANSFER_VERSION}:{expires}:{kind}")
}

/// The code of a member made at `now`. Their insurance fields travel only when
/// `include_insurance_numbers` is set, and then sealed under a new one-time code. A link
/// to the insured member (R13) names a member of this device's household and stays
/// behind.
pub fn encode_member(
    draft: &MemberDraft,
    include_insurance_numbers: bool,
    now: DateTime<Utc>,
) -> Result<MemberShare> {
    let mut member = draft.clone();
    member.dependent_of = None;
    if !include_insurance_numbers {
        member.insurance_fields = None;
    }
    let sealed = member.insurance_fields.is_some();
    let expires_at = now + TimeDelta::minutes(TRANSFER_VALID_MINUTES);
    let expires = expires_at.timestamp();
    let json = Zeroizing::new(serde_json::to_vec(&Payload { member }).map_err(json_failed)?);
    let (kind, body, one_time_code) = if sealed {
        let one_time_code = new_one_time_code()?;
        let salt: [u8; SALT_BYTES] = random_bytes()?;
        let nonce: [u8; NONCE_BYTES] = random_bytes()?;
        let key = derive_key(one_time_code.as_bytes(), &salt)?;
        let mut sealed_json = json.to_vec();
        key.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(header(expires, SEALED).as_bytes()),
            &mut sealed_json,
        )
        .map_err(|_| Error::Storage {
            reason: "sealing the member code failed".to_owned(),
        })?;
        let mut body = salt.to_vec();
        body.extend_from_slice(&nonce);
        body.extend_from_slice(&sealed_json);
        let shown = format!(
            "{} {}",
            one_time_code.get(..5).unwrap_or_default(),
            one_time_code.get(5..).unwrap_or_default()
        );
        (SEALED, body, Some(shown))
    } else {
        (PLAIN, json.to_vec(), None)
    };
    let signed = format!(
        "{}:{}",
        header(expires, kind),
        URL_SAFE_NO_PAD.encode(&body)
    );
    Ok(MemberShare {
        code: format!("{signed}:{}", checksum(&signed)),
        one_time_code,
        expires_at: DateTime::from_timestamp(expires, 0).unwrap_or(expires_at),
    })
}

/// A code taken apart and checked for form, checksum and expiry.
struct ParsedCode<'a> {
    expires: i64,
    expires_at: DateTime<Utc>,
    sealed: bool,
    body: &'a str,
}

fn parse(code: &str, now: DateTime<Utc>) -> Result<ParsedCode<'_>> {
    let code = code.trim();
    let mut parts = code.split(':');
    if parts.next() != Some(TRANSFER_PREFIX) {
        return Err(refuse(Reason::NotATransferCode));
    }
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(damaged)?;
    if version > TRANSFER_VERSION {
        return Err(refuse(Reason::TransferCodeFromNewerApp));
    }
    if version < TRANSFER_VERSION {
        return Err(refuse(Reason::TransferCodeExpired));
    }
    let (Some(expires), Some(kind), Some(body), Some(sum), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(damaged());
    };
    let signed = code
        .rsplit_once(':')
        .map(|(signed, _)| signed)
        .ok_or_else(damaged)?;
    if checksum(signed) != sum {
        return Err(damaged());
    }
    let expires: i64 = expires.parse().map_err(|_| damaged())?;
    let expires_at = DateTime::from_timestamp(expires, 0).ok_or_else(damaged)?;
    if now > expires_at {
        return Err(refuse(Reason::TransferCodeExpired));
    }
    let sealed = match kind {
        PLAIN => false,
        SEALED => true,
        _ => return Err(damaged()),
    };
    Ok(ParsedCode {
        expires,
        expires_at,
        sealed,
        body,
    })
}

/// What a scanned code is, checked at `now` (see [`TransferCodeInfo`]).
pub fn inspect_code(code: &str, now: DateTime<Utc>) -> Result<TransferCodeInfo> {
    let parsed = parse(code, now)?;
    Ok(TransferCodeInfo {
        needs_one_time_code: parsed.sealed,
        expires_at: parsed.expires_at,
    })
}

/// The member a code carries, received at `now` with the one-time code the receiver
/// typed (needed when the code carries insurance numbers), checked like typed input.
pub fn decode_member(
    code: &str,
    one_time_code: Option<&str>,
    now: DateTime<Utc>,
) -> Result<MemberDraft> {
    let parsed = parse(code, now)?;
    let body = URL_SAFE_NO_PAD.decode(parsed.body).map_err(|_| damaged())?;
    let json = if parsed.sealed {
        let typed = one_time_code
            .filter(|typed| !typed.trim().is_empty())
            .ok_or_else(|| Error::invalid(Field::OneTimeCode, Reason::Required))?;
        let wrong = || Error::invalid(Field::OneTimeCode, Reason::OneTimeCodeWrong);
        let digits = Zeroizing::new(typed_digits(typed).ok_or_else(wrong)?);
        let (salt, rest) = body.split_at_checked(SALT_BYTES).ok_or_else(damaged)?;
        let (nonce, sealed) = rest.split_at_checked(NONCE_BYTES).ok_or_else(damaged)?;
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| damaged())?;
        let key = derive_key(&digits, salt)?;
        let mut opened = Zeroizing::new(sealed.to_vec());
        let plain_len = key
            .open_in_place(
                nonce,
                Aad::from(header(parsed.expires, SEALED).as_bytes()),
                opened.as_mut_slice(),
            )
            .map_err(|_| wrong())?
            .len();
        opened.truncate(plain_len);
        opened
    } else {
        Zeroizing::new(body)
    };
    let payload: Payload = serde_json::from_slice(&json).map_err(|_| damaged())?;
    // Insurance numbers travel sealed only.
    if !parsed.sealed && payload.member.insurance_fields.is_some() {
        return Err(damaged());
    }
    payload.member.validate()?;
    Ok(payload.member)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_time_codes_are_ten_uniform_digits() {
        let mut counts = [0u32; 10];
        for _ in 0..200 {
            let code = new_one_time_code().unwrap();
            assert_eq!(code.len(), ONE_TIME_CODE_DIGITS);
            for digit in code.bytes() {
                counts[usize::from(digit - b'0')] += 1;
            }
        }
        // 2 000 digits: each value about 200 times; none missing or dominant.
        assert!(
            counts.iter().all(|&n| (120..=280).contains(&n)),
            "{counts:?}"
        );
        assert_eq!(typed_digits("01234 56789"), Some(b"0123456789".to_vec()));
        assert_eq!(
            typed_digits("０１２３４－５６７８９"),
            Some(b"0123456789".to_vec())
        );
        assert_eq!(typed_digits("0123456789 0"), None);
        assert_eq!(typed_digits("01234x6789"), None);
    }
}
