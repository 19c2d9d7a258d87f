//! The clinic path against its floor, and the import of a 1 MiB PDF.
//!
//! - `clinic_path/open_read_decrypt`: open the store on disk (pragmas, schema check,
//!   key check), read the member's sealed 1 MiB PDF and decrypt it — what a tap on
//!   "show at the counter" costs from cold.
//! - `clinic_path/floor_read_decrypt_aes_256_gcm` and `…_chacha20_poly1305`: read the
//!   same number of sealed bytes from a plain file and decrypt them in place with ring
//!   (the fastest AEAD implementation in the build): the least any encrypted-at-rest
//!   design can do. The floor is the faster of the two.
//! - `clinic_path/read_decrypt_open_store`: the same read on a store already open.
//! - `clinic_path/companion_card_and_pdf`: the whole tap as a shell makes it: open the
//!   Companion (store, content), build the clinic card and decrypt the PDF.
//! - `import/pdf_1mib`: check, read fields, seal and store a 1 MiB PDF (keeping two).
//!
//! `scripts/bench.sh` runs this and writes docs/performance.md from the estimates.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;

use chrono::{NaiveDate, Utc};
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use ring::aead;
use shikaku_core::companion::DATABASE_FILE;
use shikaku_core::household::{MemberDraft, Relationship};
use shikaku_core::rules::Facts;
use shikaku_core::secrets::MemorySecretStore;
use shikaku_core::store::Store;
use shikaku_core::vault::pdf::structure::{classic_pdf, classic_stream};
use support::open_companion;

/// A valid one-page PDF of about 1 MiB: a line of text and an incompressible image.
fn pdf_of_one_mib() -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let noise: Vec<u8> = (0..1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as u8
        })
        .collect();
    let image = classic_stream(
        "/Type /XObject /Subtype /Image /Width 512 /Height 683 /ColorSpace /DeviceRGB /BitsPerComponent 8",
        &noise,
    );
    let content = classic_stream(
        "",
        b"BT /F1 12 Tf 72 720 Td (Shikaku benchmark) Tj ET q 200 0 0 260 72 400 cm /Im1 Do Q",
    );
    classic_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        &content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        &image,
    ])
}

fn draft() -> MemberDraft {
    MemberDraft {
        display_name: "Bench".to_owned(),
        name_as_printed: None,
        relationship: Relationship::Myself,
        facts: Facts::born_on(NaiveDate::from_ymd_opt(1985, 4, 12).unwrap()),
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    }
}

fn clinic_path(c: &mut Criterion) {
    let pdf = pdf_of_one_mib();
    assert!(pdf.len() >= 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join(DATABASE_FILE);
    let secrets = MemorySecretStore::default();
    let member_id = {
        let mut store = Store::open(&database, &secrets).unwrap();
        let member = store.add_member(draft(), Utc::now()).unwrap();
        store.import_document(&member.id, &pdf, Utc::now()).unwrap();
        member.id
    };

    // The floor: the same size of sealed bytes in a plain file, decrypted by ring.
    let floor_key = [7u8; 32];
    let floors = [
        ("aes_256_gcm", &aead::AES_256_GCM),
        ("chacha20_poly1305", &aead::CHACHA20_POLY1305),
    ]
    .map(|(name, algorithm)| {
        let key = aead::LessSafeKey::new(aead::UnboundKey::new(algorithm, &floor_key).unwrap());
        let mut sealed = pdf.clone();
        key.seal_in_place_append_tag(
            aead::Nonce::assume_unique_for_key([1; 12]),
            aead::Aad::empty(),
            &mut sealed,
        )
        .unwrap();
        let path = dir.path().join(format!("sealed-{name}.bin"));
        std::fs::write(&path, sealed).unwrap();
        (name, key, path)
    });

    let mut group = c.benchmark_group("clinic_path");
    group.sample_size(30);
    group.bench_function("open_read_decrypt", |b| {
        b.iter(|| {
            let store = Store::open(&database, &secrets).unwrap();
            black_box(store.document(&member_id).unwrap().len())
        });
    });
    for (name, key, path) in &floors {
        group.bench_function(format!("floor_read_decrypt_{name}"), |b| {
            b.iter(|| {
                let mut sealed = std::fs::read(path).unwrap();
                let plain = key
                    .open_in_place(
                        aead::Nonce::assume_unique_for_key([1; 12]),
                        aead::Aad::empty(),
                        &mut sealed,
                    )
                    .unwrap();
                black_box(plain.len())
            });
        });
    }
    let store = Store::open(&database, &secrets).unwrap();
    group.bench_function("read_decrypt_open_store", |b| {
        b.iter(|| black_box(store.document(&member_id).unwrap().len()));
    });
    drop(store);
    group.bench_function("companion_card_and_pdf", |b| {
        b.iter(|| {
            let companion = open_companion(dir.path(), &secrets);
            let card = companion.clinic_card(member_id.clone()).unwrap();
            black_box((
                card.fields.len(),
                companion.document(member_id.clone()).unwrap().len(),
            ))
        });
    });
    group.finish();

    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    let mut store = Store::open(&database, &secrets).unwrap();
    group.bench_function("pdf_1mib", |b| {
        b.iter(|| {
            black_box(
                store
                    .import_document(&member_id, &pdf, Utc::now())
                    .unwrap()
                    .info
                    .version,
            )
        });
    });
    group.finish();
}

criterion_group!(benches, clinic_path);
criterion_main!(benches);
