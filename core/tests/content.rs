//! Content refresh against a local HTTP server on loopback that the test starts: every
//! outcome, and after each the installed content is the new valid bundle or exactly the
//! previous one. The server records every request: no personal data is in any, no
//! Referer, no ETag echoed, only If-Modified-Since with a day. Signed bundles that say
//! too much are refused: a staff note overridden, every Tuesday a holiday, a version
//! that would freeze updates, a redirect away from https.

// Date versions read as dates: 2026_11_21_01 is the first bundle of 2026-11-21.
#![allow(clippy::inconsistent_digit_grouping)]
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use chrono::{NaiveDate, Utc};
use shikaku_core::content::ContentSource;
use shikaku_core::content::bundle::{ContentBundle, TrustedKey, generate_signing_key, sign_bundle};
use shikaku_core::content::fetch::{ContentFetcher, FetchLimits, RefreshOutcome};
use shikaku_core::error::Error;
use shikaku_core::household::{MemberDraft, Relationship};
use shikaku_core::rules::Facts;
use shikaku_core::secrets::MemorySecretStore;
use shikaku_core::store::Store;

/// The Last-Modified the server sends with a bundle (a whole day, so the client's
/// If-Modified-Since is the same text).
const LAST_MODIFIED: &str = "Fri, 20 Nov 2026 00:00:00 GMT";

/// What the server answers.
#[derive(Clone)]
enum Answer {
    /// 200 with this body, its Last-Modified and an ETag meant to track the device; 304
    /// when the request's If-Modified-Since is that day.
    Bundle {
        body: Vec<u8>,
        last_modified: String,
    },
    /// 302 to this address.
    Redirect(String),
    Status(u16),
    /// Announces more bytes than it sends, then closes.
    Truncated(Vec<u8>),
    /// Waits this long before answering.
    Slow(Duration),
    /// A body of this many bytes, with no Content-Length (streamed until close).
    Huge(usize),
}

struct Server {
    url: String,
    answer: Arc<Mutex<Answer>>,
    requests: Arc<Mutex<Vec<String>>>,
}

fn respond(mut stream: TcpStream, answer: &Answer) {
    let write = |stream: &mut TcpStream, head: String, body: &[u8]| {
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match answer {
        Answer::Bundle {
            body,
            last_modified,
        } => write(
            &mut stream,
            format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nLast-Modified: {last_modified}\r\nETag: \"device-4711\"\r\nConnection: close\r\n\r\n",
                body.len()
            ),
            body,
        ),
        Answer::Redirect(location) => write(
            &mut stream,
            format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            ),
            b"",
        ),
        Answer::Status(code) => write(
            &mut stream,
            format!("HTTP/1.1 {code} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
            b"",
        ),
        Answer::Truncated(body) => {
            let half = &body[..body.len() / 2];
            write(
                &mut stream,
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                ),
                half,
            );
        }
        Answer::Slow(delay) => {
            std::thread::sleep(*delay);
            write(
                &mut stream,
                "HTTP/1.1 500 X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
                b"",
            );
        }
        Answer::Huge(size) => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let chunk = vec![b'x'; 64 * 1024];
            let mut sent = 0;
            while sent < *size && stream.write_all(&chunk).is_ok() {
                sent += chunk.len();
            }
        }
    }
}

impl Server {
    fn start(answer: Answer) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!(
            "http://{}/content/bundle.json",
            listener.local_addr().unwrap()
        );
        let answer = Arc::new(Mutex::new(answer));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (a, r) = (answer.clone(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().take(50) {
                let Ok(stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut head = String::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    head.push_str(&line);
                }
                let current = a.lock().unwrap().clone();
                let answer = match current {
                    Answer::Bundle {
                        ref last_modified, ..
                    } if head.contains(&format!("if-modified-since: {last_modified}")) => {
                        Answer::Status(304)
                    }
                    other => other,
                };
                r.lock().unwrap().push(head);
                let (a2, stream2) = (answer, stream);
                std::thread::spawn(move || respond(stream2, &a2));
            }
        });
        Server {
            url,
            answer,
            requests,
        }
    }

    fn set(&self, answer: Answer) {
        *self.answer.lock().unwrap() = answer;
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

struct Publisher {
    key_id: String,
    secret: String,
    trusted: Vec<TrustedKey>,
}

impl Publisher {
    fn new() -> Self {
        Self::with_key_id("test-2026")
    }

    fn with_key_id(key_id: &str) -> Self {
        let (secret, key) = generate_signing_key(key_id).unwrap();
        Publisher {
            key_id: key_id.to_owned(),
            secret,
            trusted: vec![key],
        }
    }

    /// Signs any bytes, even a bundle `sign_bundle` would refuse to sign.
    fn sign_raw(&self, payload: &[u8]) -> Vec<u8> {
        use base64::engine::general_purpose::STANDARD;
        let secret = STANDARD.decode(&self.secret).unwrap();
        let signature = ring::signature::Ed25519KeyPair::from_seed_unchecked(&secret)
            .unwrap()
            .sign(payload);
        serde_json::to_vec(&serde_json::json!({
            "key_id": self.key_id,
            "payload": STANDARD.encode(payload),
            "signature": STANDARD.encode(signature.as_ref()),
        }))
        .unwrap()
    }

    fn bundle(&self, version: u64, f: impl FnOnce(&mut ContentBundle)) -> Vec<u8> {
        let mut bundle = ContentBundle::embedded();
        bundle.version = version;
        bundle.insurer.name.ja = format!("テスト健康保険組合 第{version}版");
        f(&mut bundle);
        sign_bundle(
            &serde_json::to_vec(&bundle).unwrap(),
            &self.secret,
            &self.key_id,
        )
        .unwrap()
        .into_bytes()
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn fetcher() -> ContentFetcher {
    ContentFetcher::new(FetchLimits {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_millis(800),
        max_bytes: 256 * 1024,
    })
    .unwrap()
}

/// Refreshes the store from `url`; installs what passed.
fn refresh(
    store: &mut Store,
    fetcher: &ContentFetcher,
    url: &str,
    trusted: &[TrustedKey],
) -> Result<RefreshOutcome, Error> {
    let mark = store.content_mark(today()).unwrap();
    let (outcome, new) = runtime().block_on(fetcher.refresh(url, &mark, trusted, today()))?;
    if let Some(new) = new {
        store.install_content(&new).unwrap();
    }
    Ok(outcome)
}

fn insurer_name(store: &Store, trusted: &[TrustedKey]) -> String {
    store
        .content(trusted, today())
        .unwrap()
        .bundle
        .insurer
        .name
        .ja
}

#[test]
fn every_outcome_leaves_the_new_bundle_or_exactly_the_previous_one() {
    let publisher = Publisher::new();
    let trusted = &publisher.trusted;
    let secrets = MemorySecretStore::default();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.sqlite3"), &secrets).unwrap();
    let member = MemberDraft {
        display_name: "秘密 太郎".into(),
        name_as_printed: None,
        relationship: Relationship::Myself,
        facts: Facts::born_on(NaiveDate::from_ymd_opt(1971, 3, 9).unwrap()),
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    };
    store.add_member(member, Utc::now()).unwrap();
    let fetcher = fetcher();

    // Offline start: the built-in content.
    let start = store.content(trusted, today()).unwrap();
    assert_eq!(start.source, ContentSource::Embedded);
    let embedded_name = start.bundle.insurer.name.ja.clone();

    let v2 = publisher.bundle(2, |_| {});
    let server = Server::start(Answer::Bundle {
        body: v2.clone(),
        last_modified: LAST_MODIFIED.into(),
    });
    assert_eq!(
        refresh(&mut store, &fetcher, &server.url, trusted).ok(),
        Some(RefreshOutcome::Updated { version: 2 })
    );
    assert_eq!(insurer_name(&store, trusted), "テスト健康保険組合 第2版");
    assert_eq!(
        store.content(trusted, today()).unwrap().source,
        ContentSource::Installed
    );

    // Each failure leaves version 2 exactly.
    let forged = {
        let mut envelope: serde_json::Value =
            serde_json::from_slice(&publisher.bundle(3, |_| {})).unwrap();
        let other = publisher.bundle(4, |b| b.insurer.name.ja = "偽の保険者".into());
        let other: serde_json::Value = serde_json::from_slice(&other).unwrap();
        envelope["payload"] = other["payload"].clone();
        serde_json::to_vec(&envelope).unwrap()
    };
    let stranger = Publisher::with_key_id("stranger").bundle(5, |_| {});
    let impostor = Publisher::new().bundle(5, |_| {});
    let bad_holidays = {
        let mut b = ContentBundle::embedded();
        b.version = 6;
        b.holidays_cp932_base64 =
            Some(base64::engine::general_purpose::STANDARD.encode("not a csv"));
        publisher.sign_raw(&serde_json::to_vec(&b).unwrap())
    };
    let expired = publisher.bundle(7, |b| b.valid_until = NaiveDate::from_ymd_opt(2026, 1, 1));
    let bundle = |body: Vec<u8>| Answer::Bundle {
        body,
        last_modified: "Sat, 21 Nov 2026 09:30:00 GMT".into(),
    };
    type Case = (
        &'static str,
        Answer,
        fn(&Result<RefreshOutcome, Error>) -> bool,
    );
    let cases: Vec<Case> = vec![
        (
            "unchanged (304)",
            Answer::Bundle {
                body: v2.clone(),
                last_modified: LAST_MODIFIED.into(),
            },
            |o| matches!(o, Ok(RefreshOutcome::Unchanged)),
        ),
        ("the same bundle again", bundle(v2.clone()), |o| {
            matches!(o, Ok(RefreshOutcome::Unchanged))
        }),
        (
            "bad signature",
            bundle(forged),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("signature")),
        ),
        (
            "unknown key",
            bundle(stranger),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("does not trust")),
        ),
        (
            "another key under our key id",
            bundle(impostor),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("signature")),
        ),
        (
            "older version",
            bundle(publisher.bundle(1, |_| {})),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("not newer")),
        ),
        (
            "bad holiday list",
            bundle(bad_holidays),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("holidays")),
        ),
        (
            "expired",
            bundle(expired),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("valid until")),
        ),
        (
            "truncated body",
            Answer::Truncated(publisher.bundle(8, |_| {})),
            |o| matches!(o, Err(Error::Network { .. })),
        ),
        (
            "oversized body",
            Answer::Huge(1024 * 1024),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("larger")),
        ),
        (
            "slow server",
            Answer::Slow(Duration::from_secs(3)),
            |o| matches!(o, Err(Error::Network { reason }) if reason.contains("in time")),
        ),
        (
            "HTTP 500",
            Answer::Status(500),
            |o| matches!(o, Err(Error::Network { reason }) if reason.contains("500")),
        ),
        (
            "HTTP 404",
            Answer::Status(404),
            |o| matches!(o, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("404")),
        ),
        ("not JSON", bundle(b"<html>".to_vec()), |o| {
            matches!(o, Ok(RefreshOutcome::Rejected { .. }))
        }),
    ];
    for (name, answer, expected) in cases {
        server.set(answer);
        let outcome = refresh(&mut store, &fetcher, &server.url, trusted);
        assert!(expected(&outcome), "{name}: {outcome:?}");
        assert_eq!(store.content_mark(today()).unwrap().version, 2, "{name}");
        assert_eq!(
            insurer_name(&store, trusted),
            "テスト健康保険組合 第2版",
            "{name}"
        );
    }

    // Connection refused: a port nobody listens on.
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/bundle.json", listener.local_addr().unwrap())
    };
    let outcome = refresh(&mut store, &fetcher, &closed, trusted);
    assert!(
        matches!(&outcome, Err(Error::Network { reason }) if reason.contains("connection")),
        "{outcome:?}"
    );
    // Plain HTTP elsewhere than this machine is refused before any request.
    let outcome = refresh(
        &mut store,
        &fetcher,
        "http://example.org/bundle.json",
        trusted,
    );
    assert!(
        matches!(&outcome, Ok(RefreshOutcome::Rejected { reason }) if reason.contains("https")),
        "{outcome:?}"
    );

    // A valid newer bundle with a holiday list and text overrides is installed and used.
    let csv = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/syukujitsu-2025-2027.cp932.csv"),
    )
    .unwrap();
    let v9 = publisher.bundle(9, |b| {
        b.holidays_cp932_base64 = Some(base64::engine::general_purpose::STANDARD.encode(&csv));
        b.text_overrides.en = Some("situation-eligibility_certificate-1 = Ask our counter.".into());
    });
    server.set(Answer::Bundle {
        body: v9,
        last_modified: "Sat, 21 Nov 2026 00:00:00 GMT".into(),
    });
    let outcome = refresh(&mut store, &fetcher, &server.url, trusted);
    assert!(
        matches!(outcome, Ok(RefreshOutcome::Updated { version: 9 })),
        "{outcome:?}"
    );
    let content = store.content(trusted, today()).unwrap();
    assert_eq!(content.calendar().years(), Some((2025, 2027)));
    assert_eq!(
        content
            .bundle
            .texts()
            .words(shikaku_core::i18n::Locale::En)
            .label(shikaku_core::i18n::ids::SITUATION_ELIGIBILITY_CERTIFICATE_1),
        "Ask our counter."
    );

    // If the key is no longer trusted, the installed bundle is set aside, not trusted.
    let content = store.content(&[], today()).unwrap();
    assert_eq!(content.source, ContentSource::Embedded);
    assert!(content.note.is_some());
    assert_eq!(content.bundle.insurer.name.ja, embedded_name);

    // No request carried anything personal: only the path and conditional headers.
    let requests = server.requests.lock().unwrap().join("\n");
    assert!(requests.lines().count() > 10);
    for secret in ["秘密", "太郎", "1971", "03-09"] {
        assert!(
            !requests.contains(secret),
            "{secret} in a request:\n{requests}"
        );
    }
    for request in server.requests.lock().unwrap().iter() {
        assert!(
            request.starts_with("GET /content/bundle.json HTTP/1.1\r\n"),
            "{request}"
        );
        assert_conditions_are_days(request);
        let headers: Vec<&str> = request
            .lines()
            .skip(1)
            .filter_map(|l| l.split(':').next())
            .collect();
        for header in headers {
            let allowed = [
                "host",
                "user-agent",
                "accept",
                "accept-encoding",
                "if-modified-since",
            ];
            assert!(
                allowed.contains(&header.to_ascii_lowercase().as_str()),
                "unexpected header {header}"
            );
        }
    }
}

/// The only condition a request carries is If-Modified-Since with a whole day, written
/// by the app; no Referer, no If-None-Match (the server's ETag is never echoed).
fn assert_conditions_are_days(request: &str) {
    let lower = request.to_ascii_lowercase();
    assert!(!lower.contains("referer"), "{request}");
    assert!(!lower.contains("if-none-match"), "{request}");
    assert!(!request.contains("device-4711"), "{request}");
    for line in lower.lines() {
        if let Some(day) = line.strip_prefix("if-modified-since: ") {
            assert!(day.ends_with(" 00:00:00 gmt"), "{request}");
        }
    }
}

/// The Cabinet Office list built into the app, as (date, name) rows.
fn built_in_holidays() -> Vec<(NaiveDate, String)> {
    let text = include_str!("../data/syukujitsu.csv");
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (date, name) = line.trim_end().split_once(',').unwrap();
            let parts: Vec<u32> = date.split('/').map(|p| p.parse().unwrap()).collect();
            let day = NaiveDate::from_ymd_opt(parts[0] as i32, parts[1], parts[2]).unwrap();
            (day, name.to_owned())
        })
        .collect()
}

/// Holiday rows as the Cabinet Office CSV, in base64 for a bundle.
fn holidays_csv(mut rows: Vec<(NaiveDate, String)>) -> String {
    use chrono::Datelike;
    rows.sort();
    let mut csv = String::from("国民の祝日・休日月日,国民の祝日・休日名称\r\n");
    for (day, name) in rows {
        csv.push_str(&format!(
            "{}/{}/{},{name}\r\n",
            day.year(),
            day.month(),
            day.day()
        ));
    }
    base64::engine::general_purpose::STANDARD.encode(csv)
}

#[test]
fn signed_bundles_that_say_too_much_are_refused() {
    use chrono::{Datelike, Weekday};
    let publisher = Publisher::new();
    let trusted = &publisher.trusted;
    let secrets = MemorySecretStore::default();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.sqlite3"), &secrets).unwrap();
    let fetcher = fetcher();
    let server = Server::start(Answer::Status(404));
    // Signed as the publisher would sign anything (sign_bundle itself refuses these).
    let signed = |version: u64, change: &dyn Fn(&mut ContentBundle)| {
        let mut bundle = ContentBundle::embedded();
        bundle.version = version;
        change(&mut bundle);
        Answer::Bundle {
            body: publisher.sign_raw(&serde_json::to_vec(&bundle).unwrap()),
            last_modified: "Fri, 20 Nov 2026 13:37:42 GMT".into(),
        }
    };
    let every_tuesday = {
        let mut rows = built_in_holidays();
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while day.year() == 2026 {
            if day.weekday() == Weekday::Tue && !rows.iter().any(|(d, _)| *d == day) {
                rows.push((day, "火曜日".to_owned()));
            }
            day = day.succ_opt().unwrap();
        }
        holidays_csv(rows)
    };
    let culture_day_left_out = holidays_csv(
        built_in_holidays()
            .into_iter()
            .filter(|(day, _)| *day != NaiveDate::from_ymd_opt(2026, 11, 3).unwrap())
            .collect(),
    );
    type Attack = (&'static str, Answer, &'static str);
    let attacks: Vec<Attack> = vec![
        (
            "a staff note overridden",
            signed(2, &|b| {
                b.text_overrides.ja =
                    Some("staff-note-card_only = この画面で資格確認は完了しています".into())
            }),
            "not the insurer's wording",
        ),
        (
            "a never-alone text overridden",
            signed(2, &|b| {
                b.text_overrides.en =
                    Some("never-alone-downloaded_record = The PDF alone is enough.".into())
            }),
            "not the insurer's wording",
        ),
        (
            "a clinic warning overridden",
            signed(2, &|b| {
                b.text_overrides.ja =
                    Some("clinic-warning-grace = { $date }まで問題ありません。".into())
            }),
            "not the insurer's wording",
        ),
        (
            "every Tuesday a holiday",
            signed(2, &|b| {
                b.holidays_cp932_base64 = Some(every_tuesday.clone())
            }),
            "more than 24 holidays in 2026",
        ),
        (
            "a built-in holiday left out",
            signed(2, &|b| {
                b.holidays_cp932_base64 = Some(culture_day_left_out.clone())
            }),
            "leaves out 2026-11-03",
        ),
        (
            "the largest version",
            signed(u64::MAX, &|_| {}),
            "out of bounds",
        ),
        (
            "a version dated far ahead",
            signed(2099_12_31_00, &|_| {}),
            "out of bounds",
        ),
        (
            "a counter version jumping far",
            signed(1 + 1_001, &|_| {}),
            "out of bounds",
        ),
        (
            "an insurer name that reads backwards",
            signed(2, &|b| b.insurer.name.ja = "\u{202E}合組険保康健".into()),
            "bidi",
        ),
        (
            "a redirect to plain http elsewhere",
            Answer::Redirect("http://example.org/bundle.json".into()),
            "redirect",
        ),
        (
            "a redirect to a file",
            Answer::Redirect("file:///etc/passwd".into()),
            "302",
        ),
        (
            "redirects without end",
            Answer::Redirect(server.url.clone()),
            "too many redirects",
        ),
    ];
    for (name, answer, expected) in attacks {
        server.set(answer);
        let outcome = refresh(&mut store, &fetcher, &server.url, trusted);
        assert!(
            matches!(&outcome, Ok(RefreshOutcome::Rejected { reason }) if reason.contains(expected)),
            "{name}: {outcome:?}"
        );
        assert_eq!(store.content_mark(today()).unwrap().version, 1, "{name}");
        assert_eq!(
            store.content(trusted, today()).unwrap().source,
            ContentSource::Embedded,
            "{name}"
        );
    }

    // Each redirect hop is checked like the first address: one to another server on
    // this machine is followed.
    let other = Server::start(signed(2026_11_21_01, &|_| {}));
    server.set(Answer::Redirect(other.url.clone()));
    assert_eq!(
        refresh(&mut store, &fetcher, &server.url, trusted).ok(),
        Some(RefreshOutcome::Updated {
            version: 2026_11_21_01
        })
    );
    // The server's time of day is not kept: the next request asks since that day.
    server.set(Answer::Status(404));
    refresh(&mut store, &fetcher, &server.url, trusted).unwrap();
    let requests = server.requests.lock().unwrap().clone();
    let last = requests.last().unwrap().to_ascii_lowercase();
    assert!(
        last.contains("if-modified-since: fri, 20 nov 2026 00:00:00 gmt"),
        "{last}"
    );
    for request in requests.iter().chain(other.requests.lock().unwrap().iter()) {
        assert_conditions_are_days(request);
    }
}

#[test]
fn an_implausible_version_installed_earlier_does_not_freeze_updates() {
    let publisher = Publisher::new();
    let trusted = &publisher.trusted;
    let secrets = MemorySecretStore::default();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.sqlite3"), &secrets).unwrap();
    // As a build without bounds would have installed it.
    let mut frozen = ContentBundle::embedded();
    frozen.version = u64::MAX;
    let envelope = publisher.sign_raw(&serde_json::to_vec(&frozen).unwrap());
    store
        .install_content(&shikaku_core::content::fetch::NewContent {
            envelope,
            bundle: frozen,
            last_modified: None,
        })
        .unwrap();
    let content = store.content(trusted, today()).unwrap();
    assert_eq!(content.source, ContentSource::Embedded);
    assert!(content.note.unwrap().contains("implausible version"));
    assert_eq!(store.content_mark(today()).unwrap().version, 1);
    let server = Server::start(Answer::Bundle {
        body: publisher.bundle(2, |_| {}),
        last_modified: LAST_MODIFIED.into(),
    });
    assert_eq!(
        refresh(&mut store, &fetcher(), &server.url, trusted).ok(),
        Some(RefreshOutcome::Updated { version: 2 })
    );
}

#[test]
fn at_most_one_refresh_is_in_flight() {
    let publisher = Publisher::new();
    let server = Server::start(Answer::Slow(Duration::from_millis(400)));
    let fetcher = Arc::new(fetcher());
    let mark = Default::default();
    let outcomes = runtime().block_on(async {
        let first = fetcher.refresh(&server.url, &mark, &publisher.trusted, today());
        let second = async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            fetcher
                .refresh(&server.url, &mark, &publisher.trusted, today())
                .await
        };
        tokio::join!(first, second)
    });
    assert!(matches!(outcomes.0, Err(Error::Network { .. })));
    assert!(matches!(outcomes.1, Ok((RefreshOutcome::Busy, None))));
}
