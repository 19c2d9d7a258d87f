#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Hostile PDFs (made by scripts/make-fixtures.py) meet a clear outcome, never a panic
//! or a stack overflow: a decompression bomb in a page and arrays nested 100 000 deep
//! are refused as not screened (text that was not read was not screened for a
//! マイナンバー: R10), a bomb in the cross-reference data as damaged, and a cyclic page
//! tree 2 000 levels deep is imported without its cycle. Time and peak memory of each
//! import, in a process of its own, are measured by tests/python/test_hostile_pdf.py.

use std::path::PathBuf;

use shikaku_core::error::Error;
use shikaku_core::vault::check_document;
use shikaku_core::vault::pdf::check_pdf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_content_bomb_is_refused_as_not_screened() {
    let bytes = fixture("pdf-bomb-content.pdf");
    assert!(bytes.len() < 4096, "the bomb is small on disk");
    match check_pdf(&bytes) {
        Err(Error::DocumentNotScreened { what }) => assert!(what.contains("limit"), "{what}"),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_cross_reference_bomb_is_refused_as_damaged() {
    match check_document(&fixture("pdf-bomb-xref.pdf")) {
        Err(Error::DocumentDamaged { reason }) => assert!(!reason.is_empty()),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn deeply_nested_arrays_are_refused_as_not_screened() {
    match check_document(&fixture("pdf-nested-arrays.pdf")) {
        Err(Error::DocumentNotScreened { what }) => assert!(what.contains("read"), "{what}"),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_cyclic_deep_page_tree_ends() {
    // The walk stops at depth 256 or when it has visited as many kids as there are
    // objects; the page below the cycle counts once.
    let document = check_document(&fixture("pdf-page-tree-cycle.pdf")).expect("ends");
    assert!(document.pages <= 1, "{} pages", document.pages);
}
