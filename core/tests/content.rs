//! Content refresh against a local HTTP server on loopback that the test starts: every
//! outcome, and after each the installed content is the new valid bundle or exactly the
//! previous one. The server records every request, and no personal data is in any.

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
use shikaku_core::content::bundle::{ContentBundle, TrustedKey, generate_signing_key, sign_bundle};
use shikaku_core::content::fetch::{ContentFetcher, FetchLimits, RefreshOutcome};
use shikaku_core::error::Error;
use shikaku_core::household::{MemberDraft, Relationship};
use shikaku_core::rules::Facts;
use shikaku_core::secrets::MemorySecretStore;
use shikaku_core::store::{ContentSource, Store};

/// What the server answers.
#[derive(Clone)]
enum Answer {
    /// 200 with this body and ETag; 304 when the request's If-None-Match matches.
    Bundle {
        body: Vec<u8>,
        etag: String,
    },
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
        Answer::Bundle { body, etag } => write(
            &mut stream,
            format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nETag: {etag}\r\nConnection: close\r\n\r\n",
                body.len()
            ),
            body,
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
                    Answer::Bundle { ref etag, .. }
                        if head.contains(&format!("if-none-match: {etag}")) =>
                    {
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
        use ed25519_dalek::Signer;
        let secret: [u8; 32] = STANDARD.decode(&self.secret).unwrap().try_into().unwrap();
        let signature = ed25519_dalek::SigningKey::from_bytes(&secret).sign(payload);
        serde_json::to_vec(&serde_json::json!({
            "key_id": self.key_id,
            "payload": STANDARD.encode(payload),
            "signature": STANDARD.encode(signature.to_bytes()),
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
    let mark = store.content_mark().unwrap();
    let (outcome, new) = runtime().block_on(fetcher.refresh(url, &mark, trusted, today()))?;
    if let Some(new) = new {
        store.install_content(&new).unwrap();
    }
    Ok(outcome)
}

fn insurer_name(store: &Store, trusted: &[TrustedKey]) -> String {
    store.content(trusted).unwrap().bundle.insurer.name.ja
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
    };
    store.add_member(member, Utc::now()).unwrap();
    let fetcher = fetcher();

    // Offline start: the built-in content.
    let start = store.content(trusted).unwrap();
    assert_eq!(start.source, ContentSource::Embedded);
    let embedded_name = start.bundle.insurer.name.ja.clone();

    let v2 = publisher.bundle(2, |_| {});
    let server = Server::start(Answer::Bundle {
        body: v2.clone(),
        etag: "\"v2\"".into(),
    });
    assert_eq!(
        refresh(&mut store, &fetcher, &server.url, trusted).ok(),
        Some(RefreshOutcome::Updated { version: 2 })
    );
    assert_eq!(insurer_name(&store, trusted), "テスト健康保険組合 第2版");
    assert_eq!(
        store.content(trusted).unwrap().source,
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
        etag: "\"other\"".into(),
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
                etag: "\"v2\"".into(),
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
        assert_eq!(store.content_mark().unwrap().version, 2, "{name}");
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
        b.text_overrides.en = Some("state-grace = Grace (eligibility only)".into());
    });
    server.set(Answer::Bundle {
        body: v9,
        etag: "\"v9\"".into(),
    });
    assert!(matches!(
        refresh(&mut store, &fetcher, &server.url, trusted),
        Ok(RefreshOutcome::Updated { version: 9 })
    ));
    let content = store.content(trusted).unwrap();
    assert_eq!(content.calendar().years(), Some((2025, 2027)));
    assert_eq!(
        content
            .bundle
            .texts()
            .words(shikaku_core::i18n::Locale::En)
            .label(shikaku_core::i18n::ids::STATE_GRACE),
        "Grace (eligibility only)"
    );

    // If the key is no longer trusted, the installed bundle is set aside, not trusted.
    let content = store.content(&[]).unwrap();
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
                "if-none-match",
                "if-modified-since",
            ];
            assert!(
                allowed.contains(&header.to_ascii_lowercase().as_str()),
                "unexpected header {header}"
            );
        }
    }
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
