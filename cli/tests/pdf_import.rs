//! PDFs as members have them, through `shikaku doc import` and `doc info --json`: every
//! fixture of every producer (reportlab, LibreOffice, the raw writer of each Japanese
//! encoding) reads its 保険者番号, 記号, 番号, 枝番, 氏名 and 生年月日 exactly; cut copies
//! of every fixture are refused with exit 2 and leave the stored PDF as it was; a PDF
//! carrying a マイナンバー in any of its written forms, active content or more than 16
//! pages is refused with its own error; invisible text is never read.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::{Path, PathBuf};

use common::{GOOD, Member, text_pdf};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// Every fixture with the fields it must read as (written by the fixture scripts).
fn expected_fields() -> Vec<(PathBuf, Value)> {
    let mut table = Vec::new();
    for (dir, manifest) in [
        ("", "reportlab-fields.json"),
        ("producers", "producers/fields.json"),
    ] {
        let text = std::fs::read_to_string(fixtures().join(manifest)).unwrap();
        let entries: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        for (file, fields) in entries {
            table.push((fixtures().join(dir).join(file), fields));
        }
    }
    assert!(table.len() >= 16, "{} fixtures", table.len());
    table
}

const KEYS: [&str; 6] = [
    "insurer_number",
    "symbol",
    "number",
    "branch",
    "name",
    "birth_date",
];

#[test]
fn every_fixture_of_every_producer_reads_its_fields_exactly() {
    let mut mismatches = Vec::new();
    for (path, expected) in expected_fields() {
        let member = Member::new();
        let output = member.import(&path);
        assert!(output.status.success(), "{}: {output:?}", path.display());
        let fields = &member.info()["fields"];
        for key in KEYS {
            if fields[key] != expected[key] {
                mismatches.push(format!(
                    "{} {key}: read {} expected {}",
                    path.file_name().unwrap().to_string_lossy(),
                    fields[key],
                    expected[key]
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "\n{}", mismatches.join("\n"));
}

#[test]
fn cut_copies_of_every_fixture_are_refused_and_the_stored_pdf_stays() {
    for (path, _) in expected_fields() {
        let whole = std::fs::read(&path).unwrap();
        let member = Member::new();
        assert!(member.import(&path).status.success());
        let before = member.info();
        for part in 1..=10 {
            let cut = whole.len() * part / 11;
            member.refused(&whole[..cut], "damaged");
        }
        assert_eq!(member.info(), before, "{}", path.display());
        assert_eq!(member.export(), whole, "{}", path.display());
    }
}

#[test]
fn the_test_pdf_itself_imports() {
    let member = Member::new();
    let path = member.dir.path().join("good.pdf");
    std::fs::write(&path, text_pdf(&[GOOD], 0, "")).unwrap();
    assert!(member.import(&path).status.success());
    let fields = &member.info()["fields"];
    assert_eq!(fields["name"], "佐藤 花子");
    assert_eq!(fields["insurer_number"], "06139992");
}

#[test]
fn every_written_form_of_a_my_number_is_refused_at_import() {
    let member = Member::new();
    let variants = [
        "123456789018",
        "1234 5678 9018",
        "1234-5678-9018",
        "1234.5678.9018",
        "1234/5678/9018",
        "No.123456789018",
        "個人番号：１２３４　５６７８　９０１８",
        "１２３４－５６７８－９０１８",
        "١٢٣٤٥٦٧٨٩٠١٨",
        "𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖",
        "備考 987654321093",
    ];
    for variant in variants {
        let lines = [GOOD[0], GOOD[1], variant];
        member.refused(&text_pdf(&[&lines], 0, ""), "My Number");
        // Drawn invisibly it is still in the file: refused all the same.
        member.refused(&text_pdf(&[&lines], 3, ""), "My Number");
    }
    // Outside the page text: any text string of the document, here a title and a form
    // field value (UTF-16).
    for catalog in [
        "/Outlines << /Title (No.123456789018) >>",
        "/AcroForm << /Fields [<< /FT /Tx /T (id) /V <FEFF0031003200330034002D0035003600370038002D0039003000310038> >>] >>",
    ] {
        member.refused(&text_pdf(&[GOOD], 0, catalog), "My Number");
    }
    // A 12-digit number whose check digit fails is no マイナンバー.
    let path = member.dir.path().join("near.pdf");
    std::fs::write(&path, text_pdf(&[&[GOOD[0], "1234 5678 9012"]], 0, "")).unwrap();
    assert!(member.import(&path).status.success());
}

#[test]
fn active_content_and_too_many_pages_are_refused_with_their_own_errors() {
    let member = Member::new();
    let active = [
        "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
        "/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (1) >>] >> >>",
        "/OpenAction << /S /Launch /F (calc.exe) >>",
        "/Names << /EmbeddedFiles << /Names [(a.txt) << /Type /Filespec /F (a.txt) /EF << /F 3 0 R >> >>] >> >>",
        "/AcroForm << /Fields [] /XFA 3 0 R >>",
    ];
    for catalog in active {
        member.refused(&text_pdf(&[GOOD], 0, catalog), "scripts or attached files");
    }
    let seventeen = vec![GOOD; 17];
    member.refused(&text_pdf(&seventeen, 0, ""), "more than 16 pages");
    let sixteen = vec![GOOD; 16];
    let path = member.dir.path().join("sixteen.pdf");
    std::fs::write(&path, text_pdf(&sixteen, 0, "")).unwrap();
    assert!(member.import(&path).status.success());
}

#[test]
fn invisible_text_is_not_read() {
    let member = Member::new();
    let path = member.dir.path().join("invisible.pdf");
    std::fs::write(&path, text_pdf(&[GOOD], 3, "")).unwrap();
    assert!(member.import(&path).status.success());
    let fields = &member.info()["fields"];
    for key in KEYS {
        assert!(fields[key].is_null(), "{key}: {}", fields[key]);
    }
}
