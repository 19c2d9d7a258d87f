//! Every QR code decodes back to its payload with an independent decoder (rqrr), and the
//! household transfer code round-trips a member and refuses damaged or newer codes.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use shikaku_core::error::{Error, Field, Reason};
use shikaku_core::household::transfer::{decode_member, encode_member};
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
    }
}

#[test]
fn codes_decode_back_to_their_payload() {
    let transfer = encode_member(&member(), true).unwrap();
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
fn the_transfer_code_round_trips_a_member_without_numbers_unless_chosen() {
    let draft = member();
    let without = encode_member(&draft, false).unwrap();
    let received = decode_member(&without).unwrap();
    assert_eq!(received.insurance_fields, None);
    assert_eq!(
        MemberDraft {
            insurance_fields: draft.insurance_fields.clone(),
            ..received
        },
        draft
    );
    assert!(!without.contains("06139992"));
    let with = encode_member(&draft, true).unwrap();
    assert_eq!(decode_member(&with).unwrap(), draft);
    // Through a QR code and back.
    assert_eq!(
        decode_member(&decode(&qr_matrix(&with).unwrap())).unwrap(),
        draft
    );
}

#[test]
fn damaged_foreign_and_newer_codes_are_refused() {
    let code = encode_member(&member(), false).unwrap();
    let refused = |text: &str| match decode_member(text) {
        Err(Error::InvalidInput {
            field: Field::TransferCode,
            reason,
        }) => reason,
        other => panic!("{other:?}"),
    };
    // One character changed in the body.
    let mut damaged: Vec<char> = code.chars().collect();
    let middle = damaged.len() / 2;
    damaged[middle] = if damaged[middle] == 'A' { 'B' } else { 'A' };
    let damaged: String = damaged.into_iter().collect();
    assert_eq!(refused(&damaged), Reason::TransferCodeDamaged);
    assert_eq!(
        refused(&code.replace("SHIKAKU-MEMBER:1:", "SHIKAKU-MEMBER:2:")),
        Reason::TransferCodeFromNewerApp
    );
    assert_eq!(refused("https://example.org"), Reason::NotATransferCode);
    assert_eq!(refused("SHIKAKU-MEMBER:1:abc"), Reason::TransferCodeDamaged);
    assert_eq!(
        refused(&code[..code.len() - 3]),
        Reason::TransferCodeDamaged
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
    let code = encode_member(&member(), true).unwrap();
    let matrix = qr_matrix(&code).unwrap();
    let (width, height) = (matrix.size * 7 + 120, matrix.size * 7 + 160);
    let picture = photo(&matrix, width, height);
    assert_eq!(read_qr_code(width, height, &picture).unwrap(), code);
    assert_eq!(
        decode_member(&read_qr_code(width, height, &picture).unwrap()).unwrap(),
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
