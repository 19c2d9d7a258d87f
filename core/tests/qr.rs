//! Every QR code decodes back to its payload with an independent decoder (rqrr), and the
//! household transfer code round-trips a member — the insurance numbers only sealed
//! under the one-time code — and refuses damaged, expired, older, newer or tampered codes
//! and a wrong one-time code.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use shikaku_core::error::{Error, Field, Reason};
use shikaku_core::household::transfer::{MemberShare, decode_member, encode_member, inspect_code};
use shikaku_core::household::{CardCondition, Holdings, MemberDraft, Relationship};
use shikaku_core::qr::{MYNAPORTAL_URL, QrMatrix, qr_matrix, qr_svg, read_qr_code};
use shikaku_core::rules::Facts;
use shikaku_core::vault::DocumentFields;

/// Decodes a module matrix the way a camera would see it: scaled, with a quiet zone.
fn decode(matrix: &QrMatrix) -> String {
    const SCALE: u32 = 4;
    const QUIET: u32 = 4;
    let side = (matrix.size + 2 * QUIET) * SCALE;
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(side as usize, side as usize, |x, y| {
            let (mx, my) = (
                (x as u32 / SCALE).wrapping_sub(QUIET),
                (y as u32 / SCALE).wrapping_sub(QUIET),
            );
            if matrix.is_dark(mx, my) { 0 } else { 255 }
        });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code in the picture");
    grids[0].decode().expect("decodes").1
}

fn member() -> MemberDraft {
    let mut facts = Facts::born_on(NaiveDate::from_ymd_opt(2015, 5, 5).unwrap());
    facts.card_issued_on = NaiveDate::from_ymd_opt(2023, 1, 10);
    facts.moved_on = NaiveDate::from_ymd_opt(2026, 11, 15);
    MemberDraft {
        display_name: "山田 さくら".into(),
        name_as_printed: None,
        relationship: Relationship::Child,
        facts,
        eligibility_certificate_expires_on: NaiveDate::from_ymd_opt(2029, 11, 30),
        holdings: Holdings {
            has_smartphone: false,
            carries_notice: true,
            card_condition: CardCondition::InHand,
            ..Holdings::default()
        },
        insurance_fields: Some(DocumentFields {
            insurer_number: Some("06139992".into()),
            symbol: Some("4123".into()),
            number: Some("5678".into()),
            branch: Some("02".into()),
            ..DocumentFields::default()
        }),
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    }
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00+09:00")
        .unwrap()
        .with_timezone(&Utc)
}

fn share(draft: &MemberDraft, include_insurance_numbers: bool) -> MemberShare {
    encode_member(draft, include_insurance_numbers, now()).unwrap()
}

/// Why `code` (with `one_time_code`) is refused at `at`, and for which field.
fn refused(code: &str, one_time_code: Option<&str>, at: DateTime<Utc>) -> (Field, Reason) {
    match decode_member(code, one_time_code, at) {
        Err(Error::InvalidInput { field, reason }) => (field, reason),
        other => panic!("{other:?}"),
    }
}

/// `code` with its checksum made again after `change` (as a forger would).
fn forged(code: &str, change: impl FnOnce(&str) -> String) -> String {
    let (signed, _) = code.rsplit_once(':').unwrap();
    let signed = change(signed);
    let digest = ring::digest::digest(&ring::digest::SHA256, signed.as_bytes());
    let sum: String = digest.as_ref()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{signed}:{sum}")
}

#[test]
fn codes_decode_back_to_their_payload() {
    let transfer = share(&member(), true).code;
    for payload in [MYNAPORTAL_URL, "資格情報", "x", transfer.as_str()] {
        let matrix = qr_matrix(payload).unwrap();
        assert_eq!(matrix.modules.len(), (matrix.size * matrix.size) as usize);
        assert_eq!(decode(&matrix), payload);
    }
    let svg = qr_svg(MYNAPORTAL_URL).unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{svg}");
    assert!(qr_matrix("").is_err());
    assert!(qr_matrix(&"x".repeat(5000)).is_err());
}

#[test]
fn without_numbers_a_code_needs_no_one_time_code() {
    let draft = member();
    let without = share(&draft, false);
    assert_eq!(without.one_time_code, None);
    assert_eq!(without.expires_at, now() + TimeDelta::minutes(30));
    assert!(without.code.starts_with("SHIKAKU-MEMBER:2:"));
    let info = inspect_code(&without.code, now()).unwrap();
    assert!(!info.needs_one_time_code);
    assert_eq!(info.expires_at, without.expires_at);
    let received = decode_member(&without.code, None, now()).unwrap();
    assert_eq!(received.insurance_fields, None);
    assert_eq!(
        MemberDraft {
            insurance_fields: draft.insurance_fields.clone(),
            ..received
        },
        draft
    );
    // A member without insurance numbers needs no one-time code even when asked to
    // include them.
    let no_numbers = MemberDraft {
        insurance_fields: None,
        ..draft
    };
    assert_eq!(share(&no_numbers, true).one_time_code, None);
}

#[test]
fn insurance_numbers_travel_only_sealed_under_the_one_time_code() {
    let draft = member();
    let with = share(&draft, true);
    let one_time_code = with.one_time_code.clone().expect("a one-time code");
    assert!(
        one_time_code.len() == 11
            && one_time_code.as_bytes()[5] == b' '
            && one_time_code
                .replace(' ', "")
                .bytes()
                .all(|b| b.is_ascii_digit()),
        "{one_time_code}"
    );
    // Nothing of the member can be read from the code alone.
    let body = with.code.split(':').nth(4).unwrap();
    let bytes = URL_SAFE_NO_PAD.decode(body).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    for secret in ["06139992", "4123", "5678", "山田", "2015-05-05"] {
        assert!(
            !text.contains(secret) && !with.code.contains(secret),
            "{secret}"
        );
    }
    assert!(inspect_code(&with.code, now()).unwrap().needs_one_time_code);
    assert_eq!(
        decode_member(&with.code, Some(&one_time_code), now()).unwrap(),
        draft
    );
    // Typed as a member types it: full-width, with a hyphen, without the space.
    let full_width: String = one_time_code
        .replace(' ', "－")
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(digit) => char::from_u32(0xFF10 + digit).unwrap(),
            None => c,
        })
        .collect();
    assert_eq!(
        decode_member(&with.code, Some(&full_width), now()).unwrap(),
        draft
    );
    // Through a QR code and back.
    assert_eq!(
        decode_member(
            &decode(&qr_matrix(&with.code).unwrap()),
            Some(&one_time_code.replace(' ', "")),
            now()
        )
        .unwrap(),
        draft
    );
    assert_eq!(
        refused(&with.code, None, now()),
        (Field::OneTimeCode, Reason::Required)
    );
    let mut wrong: Vec<u8> = one_time_code.replace(' ', "").into_bytes();
    wrong[0] = if wrong[0] == b'9' { b'0' } else { wrong[0] + 1 };
    let wrong = String::from_utf8(wrong).unwrap();
    assert_eq!(
        refused(&with.code, Some(&wrong), now()),
        (Field::OneTimeCode, Reason::OneTimeCodeWrong)
    );
    assert_eq!(
        refused(&with.code, Some("12345"), now()),
        (Field::OneTimeCode, Reason::OneTimeCodeWrong)
    );
    // A later expiry written into the header no longer opens the numbers.
    let later = forged(&with.code, |signed| {
        let expires: i64 = signed.split(':').nth(2).unwrap().parse().unwrap();
        signed.replace(&expires.to_string(), &(expires + 86_400).to_string())
    });
    assert_eq!(
        refused(&later, Some(&one_time_code), now()),
        (Field::OneTimeCode, Reason::OneTimeCodeWrong)
    );
}

#[test]
fn a_code_holds_for_thirty_minutes() {
    let code = share(&member(), false).code;
    let almost = now() + TimeDelta::minutes(30);
    assert!(decode_member(&code, None, almost).is_ok());
    let late = almost + TimeDelta::seconds(1);
    assert_eq!(
        refused(&code, None, late),
        (Field::TransferCode, Reason::TransferCodeExpired)
    );
    assert!(inspect_code(&code, late).is_err());
}

#[test]
fn damaged_foreign_older_newer_and_forged_codes_are_refused() {
    let code = share(&member(), false).code;
    let reason = |text: &str| {
        let (field, reason) = refused(text, None, now());
        assert_eq!(field, Field::TransferCode, "{text}");
        reason
    };
    // One character changed in the body.
    let mut damaged: Vec<char> = code.chars().collect();
    let middle = damaged.len() / 2;
    damaged[middle] = if damaged[middle] == 'A' { 'B' } else { 'A' };
    let damaged: String = damaged.into_iter().collect();
    assert_eq!(reason(&damaged), Reason::TransferCodeDamaged);
    assert_eq!(
        reason(&code.replace("SHIKAKU-MEMBER:2:", "SHIKAKU-MEMBER:3:")),
        Reason::TransferCodeFromNewerApp
    );
    // Format 1 had no expiry: it counts as expired.
    assert_eq!(
        reason("SHIKAKU-MEMBER:1:eyJtZW1iZXIiOnt9fQ:00000000"),
        Reason::TransferCodeExpired
    );
    assert_eq!(reason("https://example.org"), Reason::NotATransferCode);
    assert_eq!(reason("SHIKAKU-MEMBER:2:abc"), Reason::TransferCodeDamaged);
    assert_eq!(reason(&code[..code.len() - 3]), Reason::TransferCodeDamaged);
    // A plain code that carries insurance numbers did not come from the app.
    let with_numbers = forged(&code, |signed| {
        let (header, body) = signed.rsplit_once(':').unwrap();
        let mut json: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(body).unwrap()).unwrap();
        json["member"]["insurance_fields"] = serde_json::json!({"insurer_number": "06139992"});
        let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&json).unwrap());
        format!("{header}:{body}")
    });
    assert_eq!(reason(&with_numbers), Reason::TransferCodeDamaged);
    // A code whose member would be refused if typed is refused as typed.
    let mut named = member();
    named.display_name = "山田 1234.5678.9018".into();
    named.insurance_fields = None;
    let code = share(&named, false).code;
    assert_eq!(
        refused(&code, None, now()),
        (Field::DisplayName, Reason::MyNumberRefused)
    );
}

/// A photo of `matrix` as a camera takes it: scaled, off-centre on a grey page, with a
/// little noise, as grey levels row by row.
fn photo(matrix: &QrMatrix, width: u32, height: u32) -> Vec<u8> {
    const SCALE: u32 = 7;
    let (left, top) = (37, 52);
    let mut noise: u32 = 12345;
    (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .map(|(x, y)| {
            noise = noise.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let jitter = (noise >> 16) % 24;
            let inside = x >= left && y >= top;
            let (mx, my) = (
                (x.wrapping_sub(left)) / SCALE,
                (y.wrapping_sub(top)) / SCALE,
            );
            let dark = inside && matrix.is_dark(mx, my);
            if dark {
                30 + jitter as u8
            } else {
                200 + jitter as u8
            }
        })
        .collect()
}

#[test]
fn a_camera_picture_of_a_transfer_code_reads_back_and_anything_else_is_refused() {
    let share = encode_member(&member(), true, now()).unwrap();
    let code = share.code.clone();
    let matrix = qr_matrix(&code).unwrap();
    let (width, height) = (matrix.size * 7 + 120, matrix.size * 7 + 160);
    let picture = photo(&matrix, width, height);
    assert_eq!(read_qr_code(width, height, &picture).unwrap(), code);
    assert_eq!(
        decode_member(
            &read_qr_code(width, height, &picture).unwrap(),
            share.one_time_code.as_deref(),
            now()
        )
        .unwrap(),
        member()
    );

    let blank = vec![200u8; (width * height) as usize];
    let refused = |result: Result<String, Error>| match result {
        Err(Error::InvalidInput { field, reason }) => (field, reason),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        refused(read_qr_code(width, height, &blank)),
        (Field::CameraPicture, Reason::NoQrCode)
    );
    assert_eq!(
        refused(read_qr_code(width + 1, height, &picture)),
        (Field::CameraPicture, Reason::NoQrCode),
        "a size that does not match the pixels"
    );
    assert_eq!(
        refused(read_qr_code(0, 0, &[])),
        (Field::CameraPicture, Reason::NoQrCode)
    );
}
