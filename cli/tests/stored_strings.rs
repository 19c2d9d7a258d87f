//! Every string the CLI would store passes the core's one check, wherever it comes in:
//! every written form of a マイナンバー (R10) — spaces, hyphens, dots, slashes, a `No.`
//! prefix, full-width and other-script digits, in a name too — is refused in
//! `member add`, `member receive`, `doc fields` and `doc import`, and so are control and
//! bidi characters, each with the core's error and its sentence in the member's
//! language (exit 2), and nothing is stored. What the CLI prints from outside (here a
//! content server's answer) is escaped.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use chrono::Utc;
use common::{GOOD, Member, text_pdf};
use serde_json::{Value, json};
use shikaku_core::error::{Field, Reason, ShikakuError};
use shikaku_core::household::MemberDraft;
use shikaku_core::household::transfer::encode_member;
use shikaku_core::i18n::Locale;
use shikaku_core::view::describe_error_for;

/// A マイナンバー (check digit valid) in every written form.
const MY_NUMBERS: &[&str] = &[
    "123456789018",
    "1234 5678 9018",
    "1234-5678-9018",
    "1234.5678.9018",
    "1234/5678/9018",
    "No.123456789018",
    "１２３４５６７８９０１８",
    "１２３４－５６７８－９０１８",
    "١٢٣٤٥٦٧٨٩٠١٨",
    "१२३४५६७८९०१८",
    "𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖",
    "987654321093",
];

/// Control and bidi characters, with the reason each is refused for.
const INVISIBLES: &[(&str, Reason)] = &[
    ("\u{1b}[2J", Reason::ControlCharacters),
    ("\t", Reason::ControlCharacters),
    ("\u{9b}31m", Reason::ControlCharacters),
    ("\u{2028}", Reason::ControlCharacters),
    ("\u{202E}", Reason::DirectionControls),
    ("\u{2066}", Reason::DirectionControls),
    ("\u{200F}", Reason::DirectionControls),
];

fn locale(lang: &str) -> Locale {
    if lang == "ja" { Locale::Ja } else { Locale::En }
}

/// The one line the CLI prints for `error`, in `lang` (escaped as everything it prints).
fn sentence(lang: &str, error: ShikakuError) -> String {
    let text = describe_error_for(locale(lang), error);
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("shikaku: {one_line}\n")
}

fn invalid(field: Field, reason: Reason) -> ShikakuError {
    ShikakuError::InvalidInput { field, reason }
}

fn draft(name: &str, insurance_fields: Value) -> Value {
    json!({
        "display_name": name,
        "relationship": "child",
        "facts": {"birth_date": "2015-05-05"},
        "insurance_fields": insurance_fields,
    })
}

/// A member with the 資格情報 of [`GOOD`] imported.
fn member_with_document(lang: &'static str) -> Member {
    let member = Member::speaking(lang);
    let path = member.dir.path().join("good.pdf");
    std::fs::write(&path, text_pdf(&[GOOD], 0, "")).unwrap();
    assert!(member.import(&path).status.success());
    member
}

/// What the store holds: the members, and the member's document fields.
fn stored(member: &Member) -> (Value, Value) {
    let list = member.shikaku(&["member", "list", "--json"], None);
    assert!(list.status.success(), "{list:?}");
    let members: Value = serde_json::from_slice(&list.stdout).unwrap();
    (members, member.info()["fields"].clone())
}

/// Runs `args` with `stdin` and expects the refusal `error`: exit 2, its sentence.
fn assert_refused(member: &Member, args: &[&str], stdin: Option<&str>, error: ShikakuError) {
    let output = member.shikaku(args, stdin);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?} {stdin:?}: {stderr}"
    );
    assert_eq!(stderr, sentence(member.lang, error), "{args:?} {stdin:?}");
    assert!(output.stdout.is_empty(), "{args:?}");
}

/// A member code as another device would make it, carrying `draft` (as it is: the
/// sending app is not asked to check it).
fn code_for(draft: &Value) -> (String, Option<String>) {
    let draft: MemberDraft = serde_json::from_value(draft.clone()).unwrap();
    let share = encode_member(&draft, true, Utc::now()).unwrap();
    (share.code, share.one_time_code)
}

fn receive_args(one_time_code: &Option<String>) -> Vec<&str> {
    let mut args = vec!["member", "receive"];
    if let Some(code) = one_time_code {
        args.extend(["--one-time-code", code.as_str()]);
    }
    args
}

/// `text` refused with `reason` in a name and in an insurance number typed, received
/// and confirmed; nothing stored.
fn assert_refused_everywhere(member: &Member, text: &str, reason: &Reason) {
    let before = stored(member);
    // Inside the text, where trimming its ends cannot take it away.
    let name = format!("佐藤{text}花子");
    let number = format!("41 {text} 5");
    let refusals = [
        (draft(&name, Value::Null), Field::DisplayName),
        (
            draft("佐藤", json!({ "insurer_name": name })),
            Field::InsurerName,
        ),
        (
            draft("佐藤", json!({ "number": number })),
            Field::InsuranceNumber,
        ),
    ];
    for (typed, field) in &refusals {
        let error = invalid(*field, reason.clone());
        assert_refused(
            member,
            &["member", "add"],
            Some(&typed.to_string()),
            error.clone(),
        );
        let (code, one_time_code) = code_for(typed);
        assert_refused(member, &receive_args(&one_time_code), Some(&code), error);
    }
    for (key, field) in [
        ("name", Field::InsuredName),
        ("insurer_name", Field::InsurerName),
        ("number", Field::InsuranceNumber),
        ("symbol", Field::InsuranceSymbol),
    ] {
        let value = if field == Field::InsuranceNumber || field == Field::InsuranceSymbol {
            &number
        } else {
            &name
        };
        assert_refused(
            member,
            &["doc", "fields", "--member", &member.id],
            Some(&json!({ key: value }).to_string()),
            invalid(field, reason.clone()),
        );
    }
    assert_eq!(stored(member), before, "{text:?}");
}

#[test]
fn every_written_form_of_a_my_number_is_refused_wherever_it_would_be_stored() {
    for lang in ["ja", "en"] {
        let member = member_with_document(lang);
        for my_number in MY_NUMBERS {
            assert_refused_everywhere(&member, my_number, &Reason::MyNumberRefused);
            // In a PDF's text, the document is refused whole.
            let path = member.dir.path().join("candidate.pdf");
            let lines = [GOOD[0], GOOD[1], my_number];
            std::fs::write(&path, text_pdf(&[&lines], 0, "")).unwrap();
            let output = member.import(&path);
            assert_eq!(output.status.code(), Some(2), "{my_number}");
            assert_eq!(
                String::from_utf8_lossy(&output.stderr),
                sentence(lang, ShikakuError::DocumentCarriesMyNumber),
                "{my_number}"
            );
        }
        // A 12-digit number whose check digit fails is no マイナンバー in a name.
        let near = draft("佐藤 1234 5678 9012", Value::Null).to_string();
        assert!(
            member
                .shikaku(&["member", "add"], Some(&near))
                .status
                .success()
        );
    }
}

#[test]
fn control_and_bidi_characters_are_refused_wherever_they_would_be_stored() {
    let member = member_with_document("en");
    for (text, reason) in INVISIBLES {
        assert_refused_everywhere(&member, text, reason);
    }
    // Other scripts and emoji are names like any other.
    for name in ["عائشة", "שרה", "👨\u{200D}👩\u{200D}👧 山田"] {
        let typed = draft(name, Value::Null).to_string();
        assert!(
            member
                .shikaku(&["member", "add"], Some(&typed))
                .status
                .success(),
            "{name}"
        );
    }
}

/// Serves `body` to every request on loopback; returns the address.
fn serve(body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/bundle.json", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 2 {
                line.clear();
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    url
}

#[test]
fn what_comes_from_outside_is_escaped_when_printed() {
    // A server names a signing key whose id would clear the screen and reverse the line.
    let hostile_key = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{202E}yek";
    let envelope = json!({"key_id": hostile_key, "payload": "", "signature": ""});
    let url = serve(envelope.to_string().into_bytes());
    let member = Member::new();
    for json in [false, true] {
        let mut args = vec!["content", "refresh", "--url", url.as_str()];
        if json {
            args.push("--json");
        }
        let output = member.shikaku(&args, None);
        assert!(output.status.success(), "{output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            !stdout
                .chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202E}'),
            "{stdout:?}"
        );
        if json {
            let answer: Value = serde_json::from_str(&stdout).unwrap();
            assert!(
                answer["reason"].as_str().unwrap().contains(hostile_key),
                "the JSON still says what the server sent: {stdout}"
            );
        } else {
            assert!(
                stdout.contains("\\u{001B}[2J\\u{001B}]0;owned\\u{0007}\\u{202E}yek"),
                "{stdout}"
            );
        }
    }
}
