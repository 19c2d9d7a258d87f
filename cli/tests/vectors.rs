//! Every case of tests/vectors/vectors.json (a copy of shared/rules/vectors.json)
//! through `shikaku rules`, the CLI contract, and through `shikaku_core::rules::evaluate`
//! directly, which is what the CLI calls.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use shikaku_core::rules::facts::parse_iso_date;
use shikaku_core::rules::{Facts, evaluate};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn vectors() -> Vec<Value> {
    let path = repo_root().join("tests/vectors/vectors.json");
    let text = std::fs::read_to_string(&path).expect("tests/vectors/vectors.json");
    let value: Value = serde_json::from_str(&text).expect("vectors are JSON");
    value.as_array().expect("a list of cases").clone()
}

fn shikaku_rules(today: &str, stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shikaku"))
        .args(["rules", "--today", today])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start shikaku");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write facts");
    let output = child.wait_with_output().expect("shikaku finishes");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_cases_are_all_there_and_named_once() {
    let cases = vectors();
    assert!(cases.len() >= 32, "only {} cases", cases.len());
    let names: std::collections::BTreeSet<&str> =
        cases.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(names.len(), cases.len(), "every case has its own name");
}

#[test]
fn every_case_passes_through_the_cli() {
    let mut failures = Vec::new();
    for case in vectors() {
        let name = case["name"].as_str().unwrap_or("?");
        let today = case["today"].as_str().expect("today");
        let (code, stdout, stderr) = shikaku_rules(today, &case["facts"].to_string());
        if code != 0 {
            failures.push(format!("{name}: exit {code}: {stderr}"));
            continue;
        }
        let got: Value = serde_json::from_str(&stdout).expect("one JSON object");
        if got != case["expected"] {
            failures.push(format!(
                "{name}:\n  expected {}\n  got      {got}",
                case["expected"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_case_passes_through_the_library() {
    for case in vectors() {
        let name = case["name"].as_str().unwrap_or("?");
        let today = parse_iso_date(case["today"].as_str().expect("today")).expect("a date");
        let facts = Facts::from_json_value(&case["facts"]).expect("valid facts");
        let results = evaluate(&facts, today).results;
        let got = serde_json::to_value(&results).expect("serializable");
        assert_eq!(got, case["expected"], "{name}");
    }
}

#[test]
fn output_has_exactly_the_result_keys_in_order() {
    let (code, stdout, _) = shikaku_rules("2026-11-21", r#"{"birth_date":"1990-06-15"}"#);
    assert_eq!(code, 0);
    // One flat object whose values are dates, null or a state: no nested commas/colons.
    let body = stdout.trim().trim_start_matches('{').trim_end_matches('}');
    let keys: Vec<&str> = body
        .split(',')
        .filter_map(|pair| pair.split(':').next())
        .map(|key| key.trim().trim_matches('"'))
        .collect();
    assert_eq!(
        keys,
        [
            "card_expires_on",
            "cert_expires_on",
            "cert_renewal_opens_on",
            "insurance_use_until",
            "move_in_due_on",
            "continued_use_due_on",
            "overseas_apply_by",
            "insurance_usable_from",
            "card_state",
        ]
    );
}

/// The copy must follow shared/rules/vectors.json wherever the shared folder is beside
/// the project (as it is in CI); `scripts/sync-vectors.sh` refreshes it.
#[test]
fn the_copy_matches_the_shared_vectors_when_present() {
    let shared = repo_root().join("../shared/rules/vectors.json");
    let Ok(shared_text) = std::fs::read_to_string(&shared) else {
        eprintln!("note: {} not found; copy not compared", shared.display());
        return;
    };
    let ours =
        std::fs::read_to_string(repo_root().join("tests/vectors/vectors.json")).expect("our copy");
    let parse = |t: &str| serde_json::from_str::<Value>(t).expect("JSON");
    assert_eq!(
        parse(&ours),
        parse(&shared_text),
        "tests/vectors/vectors.json is out of date: run scripts/sync-vectors.sh"
    );
}
