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
//!   Companion (store, content), then one `counter_display`: the clinic card and the
//!   decrypted PDF.
//! - `import/pdf_1mib`: check, read fields, seal and store a 1 MiB PDF (keeping two).
//!
//! `scripts/bench.sh` runs this and writes docs/performance.md from the estimates.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;

use chrono::Utc;
#[path = "support/clinic.rs"]
mod clinic;
mod support;

use clinic::Clinic;
use criterion::{Criterion, criterion_group, criterion_main};
use shikaku_core::store::Store;

fn clinic_path(c: &mut Criterion) {
    let clinic = Clinic::new();
    let (database, secrets, member_id) = (&clinic.database, &clinic.secrets, &clinic.member_id);

    let mut group = c.benchmark_group("clinic_path");
    group.sample_size(30);
    group.bench_function("open_read_decrypt", |b| {
        b.iter(|| {
            let store = Store::open(database, secrets).unwrap();
            black_box(store.document(member_id).unwrap().len())
        });
    });
    for floor in &clinic.floors {
        group.bench_function(format!("floor_read_decrypt_{}", floor.name), |b| {
            b.iter(|| black_box(floor.read_decrypt()));
        });
    }
    let store = Store::open(database, secrets).unwrap();
    group.bench_function("read_decrypt_open_store", |b| {
        b.iter(|| black_box(store.document(member_id).unwrap().len()));
    });
    drop(store);
    group.bench_function("companion_card_and_pdf", |b| {
        b.iter(|| black_box(clinic.tap()));
    });
    group.finish();

    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    let mut store = Store::open(database, secrets).unwrap();
    group.bench_function("pdf_1mib", |b| {
        b.iter(|| {
            black_box(
                store
                    .import_document(member_id, &clinic.pdf, Utc::now())
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
