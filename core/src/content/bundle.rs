//! Content bundles: the insurer's details, guidance parameters (reminder lead times),
//! text overrides and the holiday list (R7), as JSON with a version and a validity date,
//! signed with Ed25519 over the exact bytes.
//!
//! On the wire a bundle travels in an envelope: `{"key_id", "payload", "signature"}`,
//! payload and signature in base64. The app ships an unsigned default bundle (trusted
//! because it is compiled in) and the public keys it trusts. A bundle is accepted only
//! when its signature verifies with a trusted key, its format is known, its version is
//! newer than the installed one and within bounds, it is still valid, and every part of
//! it checks out.
//!
//! A signature says who published a bundle, not that what it says is sane, so a signed
//! bundle stays within limits too (a stolen or misused key must not be able to say
//! anything):
//! - only the insurer's own wording can be overridden ([`crate::i18n::OVERRIDABLE`]);
//!   never a staff note, a "never alone" text or a clinic warning;
//! - a holiday list (R7) keeps every holiday of the list built into the app for the
//!   years both cover, and has at most [`MAX_HOLIDAYS_PER_YEAR`] holidays a year;
//! - a version steps at most [`MAX_VERSION_STEP`] past the installed one, or is a date
//!   (`YYYYMMDD` or `YYYYMMDDNN`) at most a year ahead, so no version freezes updates;
//! - `valid_until` holds for use, not only at install
//!   ([`super::InstalledContent::in_force_on`]);
//! - every text passes [`crate::stored_text`] (no control or bidi characters, no
//!   マイナンバー).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{Datelike, Months, NaiveDate};
use ring::signature::{ED25519, UnparsedPublicKey};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::InsurerDetails;
use crate::i18n::{self, Locale, Texts};
use crate::reminders::{LeadTimes, ReminderSettings};
use crate::rules::HolidayCalendar;
use crate::stored_text::check_stored_text;

/// The bundle format this build reads.
pub const BUNDLE_FORMAT: u32 = 1;
/// The largest envelope accepted (the holiday list is about 20 KiB).
pub const MAX_BUNDLE_BYTES: usize = 2 * 1024 * 1024;
/// The most holidays a year of a bundle's list may have (the most any year has had is
/// 22, in 2019).
pub const MAX_HOLIDAYS_PER_YEAR: usize = 24;
/// How far past the installed version a counter version may step.
pub const MAX_VERSION_STEP: u64 = 1_000;
/// Versions from this number on are dates: `YYYYMMDD` or `YYYYMMDDNN`.
pub const FIRST_DATE_VERSION: u64 = 19_000_101;

const DEFAULT_BUNDLE_JSON: &str = include_str!("../../data/content-default.json");
const TRUSTED_KEYS_JSON: &str = include_str!("../../data/trusted-keys.json");

/// Fluent sources that replace messages of the built-in texts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextOverrides {
    #[serde(default)]
    pub ja: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
}

/// A content bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentBundle {
    pub format: u32,
    pub version: u64,
    /// After this day the bundle is not installed (an old one is still used, flagged).
    pub valid_until: Option<NaiveDate>,
    pub insurer: InsurerDetails,
    /// Default reminder lead times per kind (kinds not named keep the built-in ones).
    #[serde(default)]
    pub lead_times: Vec<LeadTimes>,
    #[serde(default)]
    pub text_overrides: TextOverrides,
    /// The Cabinet Office holiday CSV as published (CP932), in base64.
    #[serde(default)]
    pub holidays_cp932_base64: Option<String>,
}

/// A signed bundle as it travels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedEnvelope {
    pub key_id: String,
    /// The bundle's exact JSON bytes, in base64.
    pub payload: String,
    /// Ed25519 over those bytes, in base64.
    pub signature: String,
}

/// A public key the app trusts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedKey {
    pub key_id: String,
    /// The 32-byte Ed25519 public key, in base64.
    pub public_key: String,
}

/// Why a bundle was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Rejection {
    #[error("the bundle is larger than {MAX_BUNDLE_BYTES} bytes")]
    TooLarge,
    #[error("the bundle is not a signed envelope: {0}")]
    Malformed(String),
    #[error("the bundle is signed with key `{0}`, which this app does not trust")]
    UnknownKey(String),
    #[error("the bundle's signature does not verify")]
    BadSignature,
    #[error("the bundle has format {0}; this app reads format {BUNDLE_FORMAT}")]
    UnknownFormat(u32),
    #[error("the bundle's version {offered} is not newer than the installed {installed}")]
    NotNewer { offered: u64, installed: u64 },
    #[error(
        "the bundle's version {0} is out of bounds: a counter steps at most {MAX_VERSION_STEP} past the installed version, a date version (YYYYMMDD or YYYYMMDDNN) is at most a year ahead"
    )]
    VersionOutOfBounds(u64),
    #[error("the bundle was valid until {0}")]
    Expired(NaiveDate),
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
}

impl Rejection {
    /// A part of the bundle that does not check out, and why.
    pub fn invalid(field: &str, reason: impl Into<String>) -> Rejection {
        Rejection::Invalid {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

fn invalid(field: &str, reason: impl Into<String>) -> Rejection {
    Rejection::invalid(field, reason)
}

impl ContentBundle {
    /// The bundle compiled into the app (a test proves it parses and checks out), parsed
    /// and checked once: every Companion that opens starts from it.
    pub fn embedded() -> ContentBundle {
        static EMBEDDED: std::sync::OnceLock<ContentBundle> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(Self::parse_embedded).clone()
    }

    fn parse_embedded() -> ContentBundle {
        serde_json::from_str::<ContentBundle>(DEFAULT_BUNDLE_JSON)
            .ok()
            .filter(|bundle| bundle.check().is_ok())
            .unwrap_or_else(|| ContentBundle {
                format: BUNDLE_FORMAT,
                version: 0,
                valid_until: None,
                insurer: InsurerDetails::fallback(),
                lead_times: Vec::new(),
                text_overrides: TextOverrides::default(),
                holidays_cp932_base64: None,
            })
    }

    /// Checks every part: format, insurer details, lead times, texts, holidays.
    pub fn check(&self) -> Result<(), Rejection> {
        if self.format != BUNDLE_FORMAT {
            return Err(Rejection::UnknownFormat(self.format));
        }
        self.insurer.check()?;
        let settings = self.reminder_defaults();
        settings
            .validate()
            .map_err(|e| invalid("lead_times", e.to_string()))?;
        for (locale, source) in [
            (Locale::Ja, &self.text_overrides.ja),
            (Locale::En, &self.text_overrides.en),
        ] {
            if let Some(source) = source {
                i18n::check_overrides(locale, source).map_err(|reason| {
                    invalid(&format!("text_overrides.{}", locale.tag()), reason)
                })?;
            }
        }
        self.holiday_calendar()?;
        Ok(())
    }

    /// The holiday list this bundle carries, checked: it parses, its years are
    /// contiguous, it reaches at least as far as the list built into the app, it keeps
    /// every holiday of that list in the years both cover, it has at most
    /// [`MAX_HOLIDAYS_PER_YEAR`] holidays a year, and its names pass
    /// [`check_stored_text`].
    pub fn holiday_calendar(&self) -> Result<Option<HolidayCalendar>, Rejection> {
        const FIELD: &str = "holidays_cp932_base64";
        let Some(encoded) = &self.holidays_cp932_base64 else {
            return Ok(None);
        };
        let bytes = BASE64
            .decode(encoded)
            .map_err(|e| invalid(FIELD, e.to_string()))?;
        let calendar = HolidayCalendar::parse_cabinet_office_csv(&bytes)
            .map_err(|e| invalid(FIELD, e.to_string()))?;
        let built_in = HolidayCalendar::embedded();
        let reach = |c: &HolidayCalendar| c.years().map(|(_, last)| last);
        if reach(&calendar) < reach(built_in) {
            return Err(invalid(
                FIELD,
                "the list ends before the one built into the app",
            ));
        }
        if let Some(left_out) = built_in
            .holidays()
            .iter()
            .find(|h| calendar.covers(h.date) && calendar.holiday_on(h.date).is_none())
        {
            return Err(invalid(
                FIELD,
                format!(
                    "the list leaves out {}, a holiday of the list built into the app",
                    left_out.date
                ),
            ));
        }
        let mut per_year: std::collections::BTreeMap<i32, usize> = Default::default();
        for holiday in calendar.holidays() {
            check_stored_text(&holiday.name)
                .map_err(|reason| invalid(FIELD, format!("{}: {reason}", holiday.date)))?;
            let count = per_year.entry(holiday.date.year()).or_default();
            *count += 1;
            if *count > MAX_HOLIDAYS_PER_YEAR {
                return Err(invalid(
                    FIELD,
                    format!(
                        "more than {MAX_HOLIDAYS_PER_YEAR} holidays in {}",
                        holiday.date.year()
                    ),
                ));
            }
        }
        Ok(Some(calendar))
    }

    /// Reminder settings with this bundle's lead times as the defaults.
    pub fn reminder_defaults(&self) -> ReminderSettings {
        let mut settings = ReminderSettings::default();
        for lead in &self.lead_times {
            if let Some(slot) = settings.lead_times.iter_mut().find(|l| l.kind == lead.kind) {
                *slot = lead.clone();
            }
        }
        settings
    }

    /// The texts this bundle speaks with: the built-in messages under its overrides.
    pub fn texts(&self) -> Texts {
        Texts::with_overrides(
            self.text_overrides.ja.as_deref(),
            self.text_overrides.en.as_deref(),
        )
    }
}

/// The public keys built into the app.
pub fn embedded_trusted_keys() -> Vec<TrustedKey> {
    serde_json::from_str(TRUSTED_KEYS_JSON).unwrap_or_default()
}

fn decode_key(key: &TrustedKey) -> Option<UnparsedPublicKey<[u8; 32]>> {
    let bytes: [u8; 32] = BASE64.decode(&key.public_key).ok()?.try_into().ok()?;
    Some(UnparsedPublicKey::new(&ED25519, bytes))
}

/// The day a date version (`YYYYMMDD` or `YYYYMMDDNN`) names.
fn date_of_version(version: u64) -> Option<NaiveDate> {
    let day = match version {
        10_000_000..=99_999_999 => version,
        1_000_000_000..=9_999_999_999 => version / 100,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(day / 10_000).ok()?,
        u32::try_from(day / 100 % 100).ok()?,
        u32::try_from(day % 100).ok()?,
    )
}

/// Whether `version` could have been published by `today`: a counter (below
/// [`FIRST_DATE_VERSION`]), or a date version no later than a year after today.
pub fn version_is_plausible(version: u64, today: NaiveDate) -> bool {
    if version < FIRST_DATE_VERSION {
        return true;
    }
    let a_year_ahead = today.checked_add_months(Months::new(12)).unwrap_or(today);
    date_of_version(version).is_some_and(|day| day <= a_year_ahead)
}

/// Checks a bundle's version against the installed one: newer, and within bounds.
pub fn check_version(offered: u64, installed: u64, today: NaiveDate) -> Result<(), Rejection> {
    if offered <= installed {
        return Err(Rejection::NotNewer { offered, installed });
    }
    let counter_step_too_far =
        offered < FIRST_DATE_VERSION && offered.saturating_sub(installed) > MAX_VERSION_STEP;
    if counter_step_too_far || !version_is_plausible(offered, today) {
        return Err(Rejection::VersionOutOfBounds(offered));
    }
    Ok(())
}

/// Verifies an envelope and its bundle for installation over `installed_version` on
/// `today`.
pub fn verify_envelope(
    bytes: &[u8],
    trusted: &[TrustedKey],
    installed_version: u64,
    today: NaiveDate,
) -> Result<ContentBundle, Rejection> {
    let bundle = open_envelope(bytes, trusted)?;
    check_version(bundle.version, installed_version, today)?;
    if let Some(until) = bundle.valid_until
        && until < today
    {
        return Err(Rejection::Expired(until));
    }
    Ok(bundle)
}

/// Verifies the signature and the bundle's contents (not its version or validity).
pub fn open_envelope(bytes: &[u8], trusted: &[TrustedKey]) -> Result<ContentBundle, Rejection> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(Rejection::TooLarge);
    }
    let envelope: SignedEnvelope =
        serde_json::from_slice(bytes).map_err(|e| Rejection::Malformed(e.to_string()))?;
    let key = trusted
        .iter()
        .find(|k| k.key_id == envelope.key_id)
        .and_then(decode_key)
        .ok_or_else(|| Rejection::UnknownKey(envelope.key_id.clone()))?;
    let payload = BASE64
        .decode(&envelope.payload)
        .map_err(|e| Rejection::Malformed(format!("payload: {e}")))?;
    let signature_bytes: [u8; 64] = BASE64
        .decode(&envelope.signature)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or(Rejection::BadSignature)?;
    key.verify(&payload, &signature_bytes)
        .map_err(|_| Rejection::BadSignature)?;
    let bundle: ContentBundle =
        serde_json::from_slice(&payload).map_err(|e| invalid("bundle", e.to_string()))?;
    bundle.check()?;
    Ok(bundle)
}

#[cfg(feature = "publish")]
pub use publish::{generate_signing_key, sign_bundle};

/// What only a publisher does, built into the CLI (feature `publish`) and never into the
/// apps' library: make a signing key and sign a bundle.
#[cfg(feature = "publish")]
mod publish {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as BASE64;
    use ring::signature::{Ed25519KeyPair, KeyPair};

    use super::{ContentBundle, SignedEnvelope, TrustedKey};
    use crate::error::{Error, Field, Reason, Result};

    /// The key pair of a 32-byte Ed25519 secret (the seed of RFC 8032).
    fn key_pair(secret: &[u8; 32]) -> Result<Ed25519KeyPair> {
        Ed25519KeyPair::from_seed_unchecked(secret)
            .map_err(|_| Error::invalid(Field::SigningKey, Reason::NotASigningKey))
    }

    /// A new signing key: (the secret in base64, its trusted-key entry).
    pub fn generate_signing_key(key_id: &str) -> Result<(String, TrustedKey)> {
        let secret: [u8; 32] = crate::vault::seal::random_bytes()?;
        let public_key = BASE64.encode(key_pair(&secret)?.public_key().as_ref());
        Ok((
            BASE64.encode(secret),
            TrustedKey {
                key_id: key_id.to_owned(),
                public_key,
            },
        ))
    }

    /// Signs a bundle's exact bytes with a secret from [`generate_signing_key`]; the
    /// bundle is checked first, so a publisher cannot sign what the app would refuse.
    pub fn sign_bundle(bundle_bytes: &[u8], secret_base64: &str, key_id: &str) -> Result<String> {
        let refused =
            |detail: String| Error::invalid(Field::ContentBundle, Reason::BundleRefused { detail });
        let bundle: ContentBundle =
            serde_json::from_slice(bundle_bytes).map_err(|e| refused(e.to_string()))?;
        bundle.check().map_err(|e| refused(e.to_string()))?;
        let secret: [u8; 32] = BASE64
            .decode(secret_base64.trim())
            .ok()
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| Error::invalid(Field::SigningKey, Reason::NotASigningKey))?;
        let signature = key_pair(&secret)?.sign(bundle_bytes);
        let envelope = SignedEnvelope {
            key_id: key_id.to_owned(),
            payload: BASE64.encode(bundle_bytes),
            signature: BASE64.encode(signature.as_ref()),
        };
        serde_json::to_string_pretty(&envelope).map_err(|e| Error::Storage {
            reason: e.to_string(),
        })
    }
}
