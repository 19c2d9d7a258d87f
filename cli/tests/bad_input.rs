//! Bad input of every kind gives exit status 2 and one line on stderr naming the field
//! (or the argument); never a panic, never output on stdout.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shikaku"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start shikaku");
    // The process may exit before reading everything; a broken pipe is fine here.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let output = child.wait_with_output().expect("shikaku finishes");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn assert_refused(stdin: &str, names: &str) {
    assert_refused_with(&["rules", "--today", "2026-11-21"], stdin.as_bytes(), names);
}

fn assert_refused_with(args: &[&str], stdin: &[u8], names: &str) {
    let (code, stdout, stderr) = run(args, stdin);
    let shown = String::from_utf8_lossy(stdin);
    assert_eq!(code, 2, "{shown}: stderr {stderr}");
    assert!(stdout.is_empty(), "{shown}: stdout {stdout}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(names), "{shown}: `{names}` not in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn malformed_json() {
    assert_refused("{", "not valid JSON");
    assert_refused("", "not valid JSON");
    assert_refused(r#"{"birth_date": "1990-06-15",}"#, "not valid JSON");
    assert_refused("[]", "JSON object");
    assert_refused("42", "JSON object");
}

#[test]
fn unknown_key() {
    assert_refused(
        r#"{"birth_date":"1990-06-15","card_issue_on":"2024-03-01"}"#,
        "card_issue_on",
    );
    assert_refused(r#"{"birth_date":"1990-06-15","name":"山田"}"#, "name");
}

#[test]
fn impossible_or_malformed_dates() {
    for (json, field) in [
        (r#"{"birth_date":"1990-02-30"}"#, "birth_date"),
        (
            r#"{"birth_date":"1990-06-15","card_issued_on":"2023-02-29"}"#,
            "card_issued_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":"2026-13-01"}"#,
            "moved_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":"2026-4-1"}"#,
            "moved_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":"tomorrow"}"#,
            "moved_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":20260401}"#,
            "moved_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":["2026-04-01"]}"#,
            "moved_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","cert_expires_on":"令和元年4月30日"}"#,
            "cert_expires_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","card_issued_on":"0001-01-01"}"#,
            "card_issued_on",
        ),
        (
            r#"{"birth_date":"1990-06-15","card_issued_on":"+12345-01-01"}"#,
            "card_issued_on",
        ),
    ] {
        assert_refused(json, field);
    }
}

#[test]
fn missing_birth_date() {
    assert_refused(r#"{"card_issued_on":"2024-03-01"}"#, "birth_date");
    assert_refused(r#"{"birth_date":null}"#, "birth_date");
}

#[test]
fn dates_before_birth() {
    for field in [
        "card_issued_on",
        "card_applied_on",
        "card_expires_on",
        "residence_limit_on",
        "cert_issued_on",
        "cert_expires_on",
        "moved_out_planned_on",
        "moved_on",
        "move_in_filed_on",
        "continued_use_done_on",
        "overseas_departure_on",
        "overseas_continued_use_applied_on",
        "insurer_registered_on",
    ] {
        assert_refused(
            &format!(r#"{{"birth_date":"1990-06-15","{field}":"1990-06-14"}}"#),
            field,
        );
    }
}

#[test]
fn bad_today_and_bad_bytes() {
    let facts = br#"{"birth_date":"1990-06-15"}"#;
    assert_refused_with(&["rules", "--today", "2026-02-30"], facts, "--today");
    assert_refused_with(&["rules", "--today", "21/11/2026"], facts, "--today");
    assert_refused_with(&["rules", "--today", "1980-01-01"], facts, "--today");
    assert_refused_with(&["rules", "--today", "2026-11-21"], b"\xff\xfe{}", "UTF-8");
    let huge = vec![b' '; (1 << 20) + 10];
    assert_refused_with(&["rules", "--today", "2026-11-21"], &huge, "1 MiB");
    assert_refused_with(&["demo", "--lang", "fr"], b"", "--lang");
}

#[test]
fn without_today_the_clock_of_japan_is_used() {
    let (code, stdout, stderr) = run(&["rules"], br#"{"birth_date":"1990-06-15"}"#);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(r#""card_state":"unknown""#), "{stdout}");
}

#[test]
fn demo_runs_in_both_languages_and_as_json() {
    for lang in ["ja", "en"] {
        let (code, stdout, stderr) = run(&["demo", "--lang", lang, "--today", "2026-11-21"], b"");
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("山田 太郎"), "{stdout}");
        assert!(!stdout.contains('\x1b'), "no colour when not a terminal");
    }
    let (code, stdout, _) = run(&["demo", "--json", "--today", "2026-11-21"], b"");
    assert_eq!(code, 0);
    let parsed: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(parsed.as_array().map(Vec::len), Some(4));
}
