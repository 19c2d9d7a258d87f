//! Document checks at import: the 氏名 and 生年月日 of an imported 資格情報 compared with
//! the member. Another person's PDF gives warnings naming the fields, in the import
//! report, the document's info, the document form and the clinic card, until the member
//! confirms the fields or goes back to their own PDF; the member's own PDF gives none.
//! The fields read are proposed (the clinic card marks them) until confirmed.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use shikaku_core::clock::FixedClock;
use shikaku_core::companion::ShikakuCompanion;
use shikaku_core::guidance::clinic::{ClinicCard, ClinicFieldKind, ClinicWarningKind};
use shikaku_core::household::{Member, MemberDraft};
use shikaku_core::i18n::Locale;
use shikaku_core::rules::Facts;
use shikaku_core::secrets::MemorySecretStore;
use shikaku_core::vault::WarningCode;
use shikaku_core::view::{FormOutcome, FormValues, new_member_draft};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Household {
    companion: ShikakuCompanion,
    _dir: tempfile::TempDir,
}

fn household(locale: Locale) -> Household {
    let dir = tempfile::tempdir().unwrap();
    let companion = ShikakuCompanion::open_with(
        dir.path().to_path_buf(),
        &MemorySecretStore::default(),
        locale,
        Arc::new(FixedClock::noon_in_japan(day(2026, 11, 21))),
        Vec::new(),
    )
    .unwrap();
    Household {
        companion,
        _dir: dir,
    }
}

/// 佐藤 花子, born 1985-04-12: the person of shikaku-kenpo.pdf (shikaku-kokuho.pdf is
/// 鈴木 一郎, born 平成元年1月8日).
fn hanako(companion: &ShikakuCompanion) -> Member {
    companion
        .add_member(MemberDraft {
            display_name: "佐藤 花子".to_owned(),
            facts: Facts {
                card_issued_on: Some(day(2024, 6, 1)),
                ..Facts::born_on(day(1985, 4, 12))
            },
            ..new_member_draft(day(1985, 4, 12))
        })
        .unwrap()
}

fn codes(warnings: &[shikaku_core::vault::FieldWarning]) -> Vec<(&str, WarningCode)> {
    warnings
        .iter()
        .filter(|w| w.code.is_identity())
        .map(|w| (w.field.as_str(), w.code))
        .collect()
}

fn clinic_field(card: &ClinicCard, kind: ClinicFieldKind) -> (Option<String>, bool) {
    let field = card.fields.iter().find(|f| f.kind == kind).unwrap();
    (field.value.clone(), field.confirmed)
}

fn mismatch(card: &ClinicCard) -> Option<&str> {
    card.warnings
        .iter()
        .find(|w| w.kind == ClinicWarningKind::RecordMismatch)
        .map(|w| w.text.as_str())
}

#[test]
fn the_members_own_pdf_gives_no_warning_and_its_fields_are_proposed() {
    let home = household(Locale::Ja);
    let companion = &home.companion;
    let member = hanako(companion);
    let report = companion
        .import_document(member.id.clone(), fixture("shikaku-kenpo.pdf"))
        .unwrap();
    assert_eq!(codes(&report.info.warnings), []);
    assert_eq!(report.info.warnings, []);
    let card = companion.clinic_card(member.id.clone()).unwrap();
    assert_eq!(mismatch(&card), None);
    assert_eq!(
        clinic_field(&card, ClinicFieldKind::InsurerNumber),
        (Some("06139992".to_owned()), false),
        "read from the PDF, not confirmed yet"
    );
    // The member's facts are not touched by what the PDF says.
    assert_eq!(companion.member(member.id).unwrap().facts, member.facts);
}

#[test]
fn another_persons_pdf_is_named_by_field_until_confirmed_or_replaced() {
    let home = household(Locale::Ja);
    let companion = &home.companion;
    let member = hanako(companion);
    companion
        .import_document(member.id.clone(), fixture("shikaku-kenpo.pdf"))
        .unwrap();
    let report = companion
        .import_document(member.id.clone(), fixture("shikaku-kokuho.pdf"))
        .unwrap();
    let expected = [
        ("name", WarningCode::NameMismatch),
        ("birth_date", WarningCode::BirthDateMismatch),
    ];
    assert_eq!(codes(&report.info.warnings), expected);
    let info = companion.document_info(member.id.clone()).unwrap();
    assert_eq!(codes(&info.warnings), expected);

    // The clinic card: the record's name beside the record's birth date, both marked,
    // and the warning.
    let card = companion.clinic_card(member.id.clone()).unwrap();
    assert_eq!(
        clinic_field(&card, ClinicFieldKind::Name),
        (Some("鈴木 一郎".to_owned()), false)
    );
    assert_eq!(
        clinic_field(&card, ClinicFieldKind::BirthDate),
        (Some("平成元年1月8日".to_owned()), false)
    );
    let warning = mismatch(&card).unwrap();
    assert!(warning.contains("氏名と生年月日"), "{warning}");

    // The document form says it beside each field.
    let form = companion
        .document_form(member.id.clone(), FormValues::new())
        .unwrap();
    let name_warning = form.field("name").unwrap().warning.clone().unwrap();
    assert!(name_warning.contains("「氏名」"), "{name_warning}");
    let birth_warning = form.field("birth_date").unwrap().warning.clone().unwrap();
    assert!(birth_warning.contains("生年月日"), "{birth_warning}");

    // Going back to the previous PDF (the member's own): no warning.
    let reverted = companion.revert_document(member.id.clone()).unwrap();
    assert_eq!(codes(&reverted.warnings), []);
    assert_eq!(
        mismatch(&companion.clinic_card(member.id.clone()).unwrap()),
        None
    );

    // Forward again, then confirmed by the member: the warning is gone, the fields are
    // marked confirmed.
    companion.revert_document(member.id.clone()).unwrap();
    let outcome = companion
        .submit_document_form(member.id.clone(), FormValues::new())
        .unwrap();
    assert!(matches!(outcome, FormOutcome::Saved { .. }), "{outcome:?}");
    let info = companion.document_info(member.id.clone()).unwrap();
    assert!(info.fields_confirmed && info.warnings.is_empty());
    let card = companion.clinic_card(member.id).unwrap();
    assert_eq!(mismatch(&card), None);
    assert!(card.fields.iter().all(|f| f.confirmed));
}

#[test]
fn the_name_as_printed_is_compared_rather_than_a_nickname() {
    let home = household(Locale::En);
    let companion = &home.companion;
    let member = companion
        .add_member(MemberDraft {
            display_name: "Mum".to_owned(),
            ..new_member_draft(day(1985, 4, 12))
        })
        .unwrap();
    let report = companion
        .import_document(member.id.clone(), fixture("shikaku-kenpo.pdf"))
        .unwrap();
    assert_eq!(
        codes(&report.info.warnings),
        [("name", WarningCode::NameMismatch)]
    );
    let card = companion.clinic_card(member.id.clone()).unwrap();
    assert!(mismatch(&card).unwrap().starts_with("The name on"));
    let outcome = companion
        .submit_member_form(
            Some(member.id.clone()),
            [("name_as_printed".to_owned(), "佐藤　花子".to_owned())].into(),
        )
        .unwrap();
    assert!(matches!(outcome, FormOutcome::Saved { .. }));
    assert_eq!(
        codes(&companion.document_info(member.id).unwrap().warnings),
        []
    );
}

#[test]
fn without_a_pdf_the_document_form_keeps_the_numbers_typed_from_the_notice() {
    let home = household(Locale::Ja);
    let companion = &home.companion;
    let member = hanako(companion);
    let typed: FormValues = [
        ("insurer_number", "06139992"),
        ("symbol", "4123"),
        ("number", "5678"),
        ("copay_share", "3割"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let refused: FormValues = [("number".to_owned(), "123456789018".to_owned())].into();
    let FormOutcome::Invalid { form, errors } = companion
        .submit_document_form(member.id.clone(), refused)
        .unwrap()
    else {
        panic!("a マイナンバー was saved");
    };
    assert_eq!(errors[0].id, "number");
    assert!(
        form.field("number")
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("マイナンバー")
    );
    let FormOutcome::Saved { member } = companion
        .submit_document_form(member.id.clone(), typed)
        .unwrap()
    else {
        panic!("not saved");
    };
    let fields = member.insurance_fields.clone().unwrap();
    assert_eq!(fields.insurer_number.as_deref(), Some("06139992"));
    let card = companion.clinic_card(member.id).unwrap();
    assert_eq!(
        clinic_field(&card, ClinicFieldKind::SymbolNumberBranch),
        (Some("4123・5678".to_owned()), true)
    );
}
