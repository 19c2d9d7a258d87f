//! Moving one member to another device with a QR code: the member's facts and what they
//! hold (never documents; insurance numbers only when the user chooses), in a text with
//! a format version and a checksum: `SHIKAKU-MEMBER:1:<base64url JSON>:<checksum>`.
//! A damaged code, or one from a newer version of the app, is refused with a clear error.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::digest::{SHA256, digest};
use serde::{Deserialize, Serialize};

use super::MemberDraft;
use crate::error::{Error, Field, Reason, Result};
use crate::vault::hex;

/// The prefix every transfer code starts with.
pub const TRANSFER_PREFIX: &str = "SHIKAKU-MEMBER";
/// The format this build writes and reads.
pub const TRANSFER_VERSION: u32 = 1;

fn checksum(json: &[u8]) -> String {
    let digest = digest(&SHA256, json);
    let bytes = digest.as_ref();
    hex(bytes.get(..4).unwrap_or(bytes))
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    member: MemberDraft,
}

/// The transfer code of a member; their insurance fields travel only when
/// `include_insurance_numbers` is set. A link to the insured member (R13) names a member
/// of this device's household and stays behind.
pub fn encode_member(draft: &MemberDraft, include_insurance_numbers: bool) -> Result<String> {
    let mut member = draft.clone();
    member.dependent_of = None;
    if !include_insurance_numbers {
        member.insurance_fields = None;
    }
    let json = serde_json::to_vec(&Payload { member }).map_err(|e| Error::Storage {
        reason: e.to_string(),
    })?;
    Ok(format!(
        "{TRANSFER_PREFIX}:{TRANSFER_VERSION}:{}:{}",
        URL_SAFE_NO_PAD.encode(&json),
        checksum(&json)
    ))
}

/// The member a transfer code carries, checked like typed input.
pub fn decode_member(code: &str) -> Result<MemberDraft> {
    let refuse = |reason: Reason| Error::invalid(Field::TransferCode, reason);
    let damaged = || refuse(Reason::TransferCodeDamaged);
    let mut parts = code.trim().split(':');
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
    let (Some(body), Some(sum), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(damaged());
    };
    let json = URL_SAFE_NO_PAD.decode(body).map_err(|_| damaged())?;
    if checksum(&json) != sum {
        return Err(damaged());
    }
    let payload: Payload = serde_json::from_slice(&json).map_err(|_| damaged())?;
    payload.member.validate()?;
    Ok(payload.member)
}
