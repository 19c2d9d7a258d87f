#!/usr/bin/env bash
# Writes tests/fixtures/stores/<commit>/: a household store written by an earlier release
# of shikaku, built from git history, so that core/tests/store_upgrade.rs can open it with
# today's code, migrate it and read every PDF back byte for byte.
#
# The releases, one per store format that ever shipped:
#   9c3c48c  the first store: schema 2 (schema 1 never shipped alone), blobs sealed with
#            XChaCha20-Poly1305 and no format byte
#   fbd66dc  the last release before sealed-blob format 2 (schema 2, XChaCha20-Poly1305)
#   25a55ad  the last store with its PDFs inside the database (schema 3, format 2,
#            the table document_pdfs, rollback journal)
# Add the commit of every later release that changes the schema or the blob format.
#
# Each release is exported with `git archive` into target/store-fixtures/src/<commit>, a
# small writer (below) is added to it as an example of shikaku-core, and the writer,
# built against that release's own API, writes three members (two document versions,
# one, none) with the key-file secret store. Usage: scripts/make-store-fixtures.sh [COMMIT…]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
commits=("$@")
[ ${#commits[@]} -gt 0 ] || commits=(9c3c48c fbd66dc 25a55ad)
work=$root/target/store-fixtures
export CARGO_TARGET_DIR=$work/target

for commit in "${commits[@]}"; do
  src=$work/src/$commit
  rm -rf "$src"
  mkdir -p "$src"
  git archive "$commit" | tar -x -C "$src"
  mkdir -p "$src/core/examples"
  cat > "$src/core/examples/write_store_fixture.rs" <<'RUST'
//! Writes a small household store with this release's code (scripts/make-store-fixtures.sh).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{NaiveDate, TimeZone, Utc};
use shikaku_core::household::MemberDraft;
use shikaku_core::rules::facts::Facts;
use shikaku_core::secrets::KeyFileSecretStore;
use shikaku_core::store::Store;

fn draft(name: &str, relationship: &str, born: (i32, u32, u32)) -> MemberDraft {
    let birth = NaiveDate::from_ymd_opt(born.0, born.1, born.2).unwrap();
    serde_json::from_value(serde_json::json!({
        "display_name": name,
        "relationship": relationship,
        "facts": serde_json::to_value(Facts::born_on(birth)).unwrap(),
    }))
    .unwrap()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("output directory"));
    let pdfs = std::path::PathBuf::from(args.next().expect("fixture directory"));
    let secrets = KeyFileSecretStore::new(out.join("keys"));
    let mut store = Store::open(&out.join("shikaku.sqlite3"), &secrets).unwrap();
    let at = |day| Utc.with_ymd_and_hms(2026, 1, day, 3, 0, 0).single().unwrap();
    let mut contents = Vec::new();
    let members = [
        ("山田 太郎", "myself", (1985, 4, 12), &["shikaku-kenpo.pdf", "shikaku-kokuho.pdf"][..]),
        ("山田 花子", "child", (2015, 3, 3), &["shikaku-unknown-layout.pdf"][..]),
        ("山田 一郎", "parent", (1950, 8, 1), &[][..]),
    ];
    for (day, (name, relationship, born, files)) in (1..).zip(members) {
        let member = store.add_member(draft(name, relationship, born), at(day)).unwrap();
        for file in files {
            let bytes = std::fs::read(pdfs.join(file)).unwrap();
            store.import_document(&member.id, &bytes, at(day + 10)).unwrap();
        }
        contents.push(serde_json::json!({
            "member_id": member.id,
            "display_name": name,
            "documents_oldest_first": files,
        }));
    }
    let schema = store.schema_version().unwrap();
    drop(store);
    let contents = serde_json::json!({ "schema_version": schema, "members": contents });
    std::fs::write(
        out.join("contents.json"),
        serde_json::to_string_pretty(&contents).unwrap() + "\n",
    )
    .unwrap();
}
RUST
  out=$root/tests/fixtures/stores/$commit
  rm -rf "$out"
  mkdir -p "$out"
  echo "== building the store writer of $commit" >&2
  (cd "$src" && cargo run --quiet --locked -p shikaku-core --example write_store_fixture -- \
      "$out" "$root/tests/fixtures")
  rm -f "$out"/*-wal "$out"/*-shm
  echo "wrote $out" >&2
done
