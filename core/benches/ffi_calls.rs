//! The Rust side of the FFI overhead comparison: the calls a screen makes, on a Companion
//! holding the eight members of tests/fixtures/household-8.json. scripts/ffi-bench.py
//! (Python bindings) and tests/kotlin's FfiBench (Kotlin on the JVM) time the same calls
//! through UniFFI on the same household; docs/performance.md sets them side by side.
//!
//! - `ffi_calls/format_date`: one date in, one string out (the crossing itself);
//! - `ffi_calls/household_view`: the household screen's eight rows.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;

use chrono::NaiveDate;
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use shikaku_core::household::MemberDraft;
use shikaku_core::secrets::MemorySecretStore;
use support::open_companion;

fn benches(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/household-8.json"
    );
    let drafts: Vec<MemberDraft> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let secrets = MemorySecretStore::default();
    let companion = open_companion(dir.path(), &secrets);
    for draft in drafts {
        companion.add_member(draft).unwrap();
    }
    let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut group = c.benchmark_group("ffi_calls");
    group.bench_function("format_date", |b| {
        b.iter(|| black_box(companion.format_date(black_box(date))));
    });
    group.bench_function("household_view", |b| {
        b.iter(|| black_box(companion.household_view().unwrap().len()));
    });
    group.finish();
}

criterion_group!(ffi_benches, benches);
criterion_main!(ffi_benches);
