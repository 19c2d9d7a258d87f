//! Content the product ships as data rather than code, so that an update can replace it
//! (DESIGN.md principle 4): the insurer's own details (name, phone, the names of its
//! forms, its 資格確認書 policy; R6, R8), reminder lead times, text overrides and the
//! holiday list (R7), in a signed [`bundle`], refreshed over the network by [`fetch`].
//! The default describes a generic 健康保険組合.

pub mod bundle;
pub mod fetch;

use serde::{Deserialize, Serialize};

use bundle::Rejection;

use chrono::NaiveDate;

use crate::i18n::Locale;
use crate::rules::HolidayCalendar;
use crate::stored_text::check_stored_text;

/// The format version this build reads.
pub const INSURER_FORMAT: u32 = 1;

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    pub ja: String,
    pub en: String,
}

impl LocalizedText {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Ja => &self.ja,
            Locale::En => &self.en,
        }
    }
}

/// The names of the insurer's forms that guidance mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct InsurerForms {
    pub eligibility_certificate_application: LocalizedText,
    pub notice_reissue_application: LocalizedText,
    pub counter_declaration: LocalizedText,
}

/// How the insurer handles 資格確認書.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct EligibilityCertificatePolicy {
    /// The longest validity it gives (at most 5 years by law).
    pub max_years: u32,
    /// How long issuing one may take, in days.
    pub issue_may_take_days: u32,
    /// Whether it issues them without an application (職権).
    pub issued_without_application: bool,
}

/// The insurer's own details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct InsurerDetails {
    pub format: u32,
    pub name: LocalizedText,
    pub phone: Option<String>,
    pub forms: InsurerForms,
    pub eligibility_certificate: EligibilityCertificatePolicy,
}

impl InsurerDetails {
    /// Checks the details (as part of a bundle).
    pub fn check(&self) -> Result<(), Rejection> {
        if self.format != INSURER_FORMAT {
            return Err(Rejection::invalid(
                "insurer.format",
                format!(
                    "this app reads format {INSURER_FORMAT}, not {}",
                    self.format
                ),
            ));
        }
        if !(1..=5).contains(&self.eligibility_certificate.max_years) {
            return Err(Rejection::invalid(
                "insurer.eligibility_certificate.max_years",
                "a 資格確認書 is valid for 1 to 5 years",
            ));
        }
        if self.name.ja.trim().is_empty() || self.name.en.trim().is_empty() {
            return Err(Rejection::invalid("insurer.name", "must not be empty"));
        }
        let forms = &self.forms;
        for (field, text) in [
            ("insurer.name", &self.name),
            (
                "insurer.forms.eligibility_certificate_application",
                &forms.eligibility_certificate_application,
            ),
            (
                "insurer.forms.notice_reissue_application",
                &forms.notice_reissue_application,
            ),
            (
                "insurer.forms.counter_declaration",
                &forms.counter_declaration,
            ),
        ] {
            for value in [&text.ja, &text.en] {
                check_stored_text(value)
                    .map_err(|reason| Rejection::invalid(field, reason.to_string()))?;
            }
        }
        if let Some(phone) = &self.phone {
            check_stored_text(phone)
                .map_err(|reason| Rejection::invalid("insurer.phone", reason.to_string()))?;
        }
        Ok(())
    }

    /// The details of the bundle built into the app.
    pub fn embedded() -> Self {
        bundle::ContentBundle::embedded().insurer
    }

    /// Generic details, used only if the built-in bundle were unreadable.
    pub(crate) fn fallback() -> Self {
        let same = |ja: &str, en: &str| LocalizedText {
            ja: ja.to_owned(),
            en: en.to_owned(),
        };
        InsurerDetails {
            format: INSURER_FORMAT,
            name: same("ご加入の保険者", "your insurer"),
            phone: None,
            forms: InsurerForms {
                eligibility_certificate_application: same(
                    "資格確認書交付申請書",
                    "資格確認書交付申請書",
                ),
                notice_reissue_application: same(
                    "資格情報のお知らせ交付申請書",
                    "資格情報のお知らせ交付申請書",
                ),
                counter_declaration: same("被保険者資格申立書", "被保険者資格申立書"),
            },
            eligibility_certificate: EligibilityCertificatePolicy {
                max_years: 5,
                issue_may_take_days: 30,
                issued_without_application: false,
            },
        }
    }
}

/// Where the content in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum ContentSource {
    Embedded,
    Installed,
}

/// The content in force, with its holiday list ready.
#[derive(Debug, Clone)]
pub struct InstalledContent {
    pub bundle: bundle::ContentBundle,
    pub source: ContentSource,
    /// Why installed content was set aside, if it was.
    pub note: Option<String>,
    calendar: Option<HolidayCalendar>,
}

impl InstalledContent {
    /// The content built into the app, with the reason installed content was set aside.
    pub fn embedded(note: Option<String>) -> Self {
        InstalledContent {
            note,
            ..Self::from_bundle(bundle::ContentBundle::embedded(), ContentSource::Embedded)
        }
    }

    /// A bundle that passed its checks (holidays included).
    pub fn from_bundle(bundle: bundle::ContentBundle, source: ContentSource) -> Self {
        let calendar = bundle.holiday_calendar().ok().flatten();
        InstalledContent {
            bundle,
            source,
            note: None,
            calendar,
        }
    }

    /// Whether this is installed content whose `valid_until` has passed by `today`.
    pub fn expired_on(&self, today: NaiveDate) -> bool {
        self.source == ContentSource::Installed
            && self.bundle.valid_until.is_some_and(|until| until < today)
    }

    /// The content to use on `today`: this one, or the built-in content once this
    /// one's `valid_until` has passed (valid_until holds for use, not only at install).
    pub fn in_force_on(self, today: NaiveDate) -> Self {
        match self.bundle.valid_until {
            Some(until) if self.expired_on(today) => Self::embedded(Some(format!(
                "the installed content was valid until {until}; using the built-in content"
            ))),
            _ => self,
        }
    }

    /// The holiday list in force (the bundle's, or the built-in one).
    pub fn calendar(&self) -> &HolidayCalendar {
        self.calendar
            .as_ref()
            .unwrap_or(HolidayCalendar::embedded())
    }
}

#[cfg(test)]
mod tests {
    use super::bundle::ContentBundle;
    use super::*;

    #[test]
    fn the_embedded_bundle_parses_and_checks_out() {
        let text = include_str!("../../data/content-default.json");
        let bundle: ContentBundle = serde_json::from_str(text).unwrap();
        assert_eq!(bundle.check(), Ok(()));
        assert_eq!(ContentBundle::embedded(), bundle);
        assert_eq!(
            InsurerDetails::embedded().name.get(Locale::Ja),
            "ご加入の健康保険組合"
        );
        assert_eq!(InsurerDetails::fallback().check(), Ok(()));
    }

    #[test]
    fn insurer_details_in_another_format_or_with_bad_values_are_refused() {
        let mut details = InsurerDetails::embedded();
        details.format = 2;
        assert!(details.check().is_err());
        let mut details = InsurerDetails::embedded();
        details.eligibility_certificate.max_years = 6;
        assert!(details.check().is_err());
    }
}
