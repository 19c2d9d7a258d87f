//! Bad input of every kind gives exit status 2 and one line on stderr naming the field
//! (or the argument) as the app's forms name it, in `--lang`; never a panic, never
//! output on stdout.

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

/// Refused in English, naming `names`.
fn assert_refused_with(args: &[&str], stdin: &[u8], names: &str) {
    let args: Vec<&str> = ["--lang", "en"].iter().chain(args).copied().collect();
    let (code, stdout, stderr) = run(&args, stdin);
    let shown = String::from_utf8_lossy(stdin);
    assert_eq!(code, 2, "{shown}: stderr {stderr}");
    assert!(stdout.is_empty(), "{shown}: stdout {stdout}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(names), "{shown}: `{names}` not in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn malformed_json() {
    assert_refused("{", "not in the expected form (line 1, column 1)");
    assert_refused("", "not in the expected form");
    assert_refused(r#"{"birth_date": "1990-06-15",}"#, "line 1, column 29");
    assert_refused("[]", "one record");
    assert_refused("42", "one record");
}

#[test]
fn unknown_key() {
    assert_refused(
        r#"{"birth_date":"1990-06-15","card_issue_on":"2024-03-01"}"#,
        "(card_issue_on)",
    );
    assert_refused(r#"{"birth_date":"1990-06-15","name":"山田"}"#, "(name)");
}

#[test]
fn impossible_or_malformed_dates() {
    for (json, field) in [
        (r#"{"birth_date":"1990-02-30"}"#, "Date of birth"),
        (
            r#"{"birth_date":"1990-06-15","card_issued_on":"2023-02-29"}"#,
            "My Number Card issued on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":"2026-13-01"}"#,
            "Moved on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":"2026-4-1"}"#,
            "Moved on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":"tomorrow"}"#,
            "Moved on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":20260401}"#,
            "Moved on",
        ),
        (
            r#"{"birth_date":"1990-06-15","moved_on":["2026-04-01"]}"#,
            "Moved on",
        ),
        (
            r#"{"birth_date":"1990-06-15","cert_expires_on":"令和元年4月30日"}"#,
            "Electronic certificate expires on",
        ),
        (
            r#"{"birth_date":"1990-06-15","card_issued_on":"0001-01-01"}"#,
            "My Number Card issued on",
        ),
        (
            r#"{"birth_date":"1990-06-15","card_issued_on":"+12345-01-01"}"#,
            "My Number Card issued on",
        ),
    ] {
        assert_refused(json, field);
    }
}

#[test]
fn missing_birth_date() {
    assert_refused(
        r#"{"card_issued_on":"2024-03-01"}"#,
        "“Date of birth”. Please fill it in.",
    );
    assert_refused(
        r#"{"birth_date":null}"#,
        "“Date of birth”. Please fill it in.",
    );
}

#[test]
fn dates_before_birth() {
    for (key, label) in [
        ("card_issued_on", "My Number Card issued on"),
        ("card_applied_on", "My Number Card applied for on"),
        ("card_expires_on", "Expiry printed on the card"),
        ("residence_limit_on", "End of the period of stay"),
        ("cert_issued_on", "Electronic certificate issued on"),
        ("cert_expires_on", "Electronic certificate expires on"),
        (
            "previous_cert_expires_on",
            "Previous certificate expired on",
        ),
        ("moved_out_planned_on", "Planned move-out date"),
        ("moved_on", "Moved on"),
        ("move_in_filed_on", "Move-in notice filed on"),
        ("continued_use_done_on", "Continued use completed on"),
        ("overseas_departure_on", "Leaving Japan on"),
        (
            "overseas_continued_use_applied_on",
            "Applied for continued use abroad on",
        ),
        ("insurer_registered_on", "Registered by the insurer on"),
    ] {
        assert_refused(
            &format!(r#"{{"birth_date":"1990-06-15","{key}":"1990-06-14"}}"#),
            &format!("“{label}”. It cannot be earlier than “Date of birth”."),
        );
    }
}

#[test]
fn bad_today_and_bad_bytes() {
    let facts = br#"{"birth_date":"1990-06-15"}"#;
    assert_refused_with(&["rules", "--today", "2026-02-30"], facts, "Reference date");
    assert_refused_with(&["rules", "--today", "21/11/2026"], facts, "Reference date");
    assert_refused_with(
        &["rules", "--today", "1980-01-01"],
        facts,
        "“Reference date”. It cannot be earlier than “Date of birth”.",
    );
    assert_refused_with(
        &["rules", "--today", "2026-11-21"],
        b"\xff\xfe{}",
        "cannot be read as text",
    );
    let huge = vec![b' '; (1 << 20) + 10];
    assert_refused_with(&["rules", "--today", "2026-11-21"], &huge, "1048576 bytes");
    assert_refused_with(&["demo", "--lang", "fr"], b"", "“Language”");
}

/// The member reads the error in their language: Japanese without a word of English,
/// the field named as the form names it, and never the value they typed.
#[test]
fn a_bad_birth_date_is_named_in_the_members_language() {
    let facts = br#"{"birth_date":"1990-02-30"}"#;
    let (code, stdout, stderr) = run(&["--lang", "ja", "rules", "--today", "2026-11-21"], facts);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    let sentence = stderr.trim_end().strip_prefix("shikaku: ").unwrap();
    assert!(sentence.contains("生年月日"), "{sentence}");
    assert!(
        !sentence.chars().any(|c| c.is_ascii_alphabetic()),
        "English in {sentence}"
    );
    assert!(!sentence.contains("1990-02-30"), "{sentence}");
    let (code, _, stderr) = run(&["--lang", "en", "rules", "--today", "2026-11-21"], facts);
    assert_eq!(code, 2);
    assert!(stderr.contains("Date of birth"), "{stderr}");
    assert!(
        !stderr.contains("生年月日") && !stderr.contains("1990-02-30"),
        "{stderr}"
    );
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
