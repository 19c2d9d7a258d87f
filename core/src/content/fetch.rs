//! Refreshing content over the network (DESIGN.md principle 4: only public content is
//! fetched, and no personal data is ever sent): a conditional GET with timeouts and a
//! size cap, at most one request in flight, over reqwest with rustls on ring (no
//! OpenSSL, no aws-lc) and the Mozilla root store built in, so no platform set-up is
//! needed on Android or iOS.
//!
//! Nothing the server chooses comes back to it: no `Referer` is sent, an ETag is
//! neither stored nor echoed (it can be an id per device), and the only condition sent
//! is `If-Modified-Since` with the day of the server's `Last-Modified`, parsed and
//! written by the app (never the server's string). Every redirect hop is checked as the
//! first address is ([`check_url`]: https only, plain http only to this machine), at
//! most [`MAX_REDIRECTS`] of them.
//!
//! [`ContentFetcher::refresh`] turns the answer into an outcome — updated, unchanged,
//! rejected with its reason, busy — and, only for a bundle that passed every check, the
//! bytes to install; a server that cannot be reached is [`Error::Network`]. The caller
//! installs the bytes in one transaction; on any failure the installed content stays as
//! it was.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use reqwest::header::{IF_MODIFIED_SINCE, LAST_MODIFIED};
use serde::{Deserialize, Serialize};

use super::bundle::{ContentBundle, MAX_BUNDLE_BYTES, TrustedKey, verify_envelope};

/// The most redirects one refresh follows.
pub const MAX_REDIRECTS: usize = 5;
use crate::error::{Error, Field, Reason, Result};

/// Limits of one refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchLimits {
    pub connect_timeout: Duration,
    /// The whole request, body included.
    pub total_timeout: Duration,
    pub max_bytes: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: MAX_BUNDLE_BYTES,
        }
    }
}

/// What the installed content is, for a conditional request. A mark stored by an
/// earlier version may carry an `etag`: it is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledMark {
    pub version: u64,
    /// The day the installed bundle was last modified on the server, as an HTTP date
    /// ([`http_day`]).
    pub last_modified: Option<String>,
}

/// A bundle that passed every check, with the day the server last modified it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContent {
    pub envelope: Vec<u8>,
    pub bundle: ContentBundle,
    pub last_modified: Option<String>,
}

/// The day (midnight UTC) of an HTTP date, written by the app as an HTTP date; `None`
/// for anything that is not an HTTP date, or a day after `today`. Whatever the server
/// wrote, only a day goes back to it.
pub fn http_day(text: &str, today: NaiveDate) -> Option<String> {
    let day = DateTime::parse_from_rfc2822(text.trim())
        .ok()?
        .with_timezone(&Utc)
        .date_naive();
    (day <= today).then(|| day.format("%a, %d %b %Y 00:00:00 GMT").to_string())
}

/// How a refresh ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum RefreshOutcome {
    /// A newer bundle was accepted.
    Updated { version: u64 },
    /// The server has nothing newer (304, or the same bundle again).
    Unchanged,
    /// The server answered with something the app refuses; the installed content stays.
    Rejected { reason: String },
    /// Another refresh is under way.
    Busy,
}

/// Fetches bundles; holds the HTTP client and the one-request-at-a-time guard.
#[derive(Debug)]
pub struct ContentFetcher {
    client: reqwest::Client,
    limits: FetchLimits,
    in_flight: tokio::sync::Mutex<()>,
}

/// The TLS set-up: rustls with the ring provider and the Mozilla roots.
fn tls_config() -> Result<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Storage {
            reason: format!("TLS set-up: {e}"),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// Only HTTPS, except plain HTTP to this machine (a local test server).
pub fn check_url(url: &str) -> Result<reqwest::Url> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|_| Error::invalid(Field::ContentAddress, Reason::NotAnAddress))?;
    let loopback = matches!(parsed.host(), Some(url::Host::Domain("localhost")))
        || match parsed.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            _ => false,
        };
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if loopback => Ok(parsed),
        _ => Err(Error::invalid(Field::ContentAddress, Reason::HttpsOnly)),
    }
}

impl ContentFetcher {
    /// A fetcher with the given limits.
    pub fn new(limits: FetchLimits) -> Result<Self> {
        let redirects = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error(RedirectRefused("too many redirects"))
            } else if check_url(attempt.url().as_str()).is_err() {
                attempt.error(RedirectRefused(
                    "a redirect to an address content is not fetched from (https only)",
                ))
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            .connect_timeout(limits.connect_timeout)
            .timeout(limits.total_timeout)
            .redirect(redirects)
            .referer(false)
            .no_proxy()
            .user_agent(concat!("shikaku/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Storage {
                reason: format!("HTTP client: {e}"),
            })?;
        Ok(ContentFetcher {
            client,
            limits,
            in_flight: tokio::sync::Mutex::new(()),
        })
    }

    /// Fetches `url` and checks what comes back against `installed` (see
    /// [`RefreshOutcome`]); [`Error::Network`] when no answer came (no network, a
    /// timeout, a refused connection, a server error).
    pub async fn refresh(
        &self,
        url: &str,
        installed: &InstalledMark,
        trusted: &[TrustedKey],
        today: NaiveDate,
    ) -> Result<(RefreshOutcome, Option<NewContent>)> {
        let Ok(_guard) = self.in_flight.try_lock() else {
            return Ok((RefreshOutcome::Busy, None));
        };
        let url = match check_url(url) {
            Ok(url) => url,
            Err(error) => {
                return Ok((
                    RefreshOutcome::Rejected {
                        reason: error.to_string(),
                    },
                    None,
                ));
            }
        };
        let since = installed
            .last_modified
            .as_deref()
            .and_then(|day| http_day(day, today));
        Ok(match self.download(url, since).await {
            Err(Failure::Unreachable(reason)) => return Err(Error::Network { reason }),
            Err(Failure::Refused(reason)) => (RefreshOutcome::Rejected { reason }, None),
            Ok(None) => (RefreshOutcome::Unchanged, None),
            Ok(Some((bytes, last_modified))) => {
                match verify_envelope(&bytes, trusted, installed.version, today) {
                    Ok(bundle) => (
                        RefreshOutcome::Updated {
                            version: bundle.version,
                        },
                        Some(NewContent {
                            envelope: bytes,
                            bundle,
                            last_modified: last_modified
                                .as_deref()
                                .and_then(|text| http_day(text, today)),
                        }),
                    ),
                    Err(super::bundle::Rejection::NotNewer { offered, installed })
                        if offered == installed =>
                    {
                        (RefreshOutcome::Unchanged, None)
                    }
                    Err(rejection) => (
                        RefreshOutcome::Rejected {
                            reason: rejection.to_string(),
                        },
                        None,
                    ),
                }
            }
        })
    }

    /// The body (with its Last-Modified), or `None` for 304 Not Modified; `since` is
    /// the day sent as If-Modified-Since.
    async fn download(
        &self,
        url: reqwest::Url,
        since: Option<String>,
    ) -> std::result::Result<Option<(Vec<u8>, Option<String>)>, Failure> {
        let offline = |e: reqwest::Error| {
            if e.is_redirect() {
                return Failure::Refused(redirect_reason(&e));
            }
            Failure::Unreachable(if e.is_timeout() {
                "the server did not answer in time".to_owned()
            } else if e.is_connect() {
                "no connection to the server".to_owned()
            } else {
                format!("the transfer failed ({})", without_url(&e))
            })
        };
        let mut request = self.client.get(url);
        if let Some(day) = since {
            request = request.header(IF_MODIFIED_SINCE, day);
        }
        let mut response = request.send().await.map_err(offline)?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        if status.is_server_error() {
            return Err(Failure::Unreachable(format!(
                "the server answered {status}"
            )));
        }
        if !status.is_success() {
            return Err(Failure::Refused(format!("the server answered {status}")));
        }
        let too_large = || {
            Failure::Refused(format!(
                "the bundle is larger than {} bytes",
                self.limits.max_bytes
            ))
        };
        if response
            .content_length()
            .is_some_and(|length| length > self.limits.max_bytes as u64)
        {
            return Err(too_large());
        }
        let last_modified = response
            .headers()
            .get(LAST_MODIFIED)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(offline)? {
            if body.len() + chunk.len() > self.limits.max_bytes {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Some((body, last_modified)))
    }
}

/// Why a redirect was not followed.
#[derive(Debug)]
struct RedirectRefused(&'static str);

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for RedirectRefused {}

/// The reason a redirect was refused, without any address.
fn redirect_reason(error: &reqwest::Error) -> String {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if let Some(refused) = cause.downcast_ref::<RedirectRefused>() {
            return refused.0.to_owned();
        }
        source = cause.source();
    }
    "a redirect that is not followed".to_owned()
}

/// Why a download gave no bundle.
#[derive(Debug)]
enum Failure {
    /// No answer: no network, a timeout, a refused connection, a server error.
    Unreachable(String),
    /// An answer the app refuses.
    Refused(String),
}

/// An HTTP error's text without the URL it names.
fn without_url(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    if let Some(url) = error.url() {
        text = text.replace(url.as_str(), "…");
    }
    text
}
