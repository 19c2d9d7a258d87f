//! Content the product ships as data rather than code, so that an update can replace it:
//! the insurer's own details (name, phone, the names of its forms, its 資格確認書 policy;
//! R6, R8). The default describes a generic 健康保険組合; the format carries a version.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Locale;

/// The format version this build reads.
pub const INSURER_FORMAT: u32 = 1;

const DEFAULT_INSURER_JSON: &str = include_str!("../../data/insurer-default.json");

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
    /// Parses and checks insurer details (from the embedded default or an update).
    pub fn from_json(text: &str) -> Result<Self> {
        let details: InsurerDetails =
            serde_json::from_str(text).map_err(|e| Error::invalid("insurer", e.to_string()))?;
        if details.format != INSURER_FORMAT {
            return Err(Error::invalid(
                "insurer.format",
                format!(
                    "this app reads format {INSURER_FORMAT}, not {}",
                    details.format
                ),
            ));
        }
        if !(1..=5).contains(&details.eligibility_certificate.max_years) {
            return Err(Error::invalid(
                "insurer.eligibility_certificate.max_years",
                "a 資格確認書 is valid for 1 to 5 years",
            ));
        }
        Ok(details)
    }

    /// The details shipped with the app.
    pub fn embedded() -> Self {
        // A test proves the embedded file parses; this fallback is never expected.
        Self::from_json(DEFAULT_INSURER_JSON).unwrap_or_else(|_| InsurerDetails {
            format: INSURER_FORMAT,
            name: LocalizedText {
                ja: "ご加入の保険者".to_owned(),
                en: "your insurer".to_owned(),
            },
            phone: None,
            forms: InsurerForms {
                eligibility_certificate_application: LocalizedText {
                    ja: "資格確認書交付申請書".to_owned(),
                    en: "資格確認書交付申請書".to_owned(),
                },
                notice_reissue_application: LocalizedText {
                    ja: "資格情報のお知らせ交付申請書".to_owned(),
                    en: "資格情報のお知らせ交付申請書".to_owned(),
                },
                counter_declaration: LocalizedText {
                    ja: "被保険者資格申立書".to_owned(),
                    en: "被保険者資格申立書".to_owned(),
                },
            },
            eligibility_certificate: EligibilityCertificatePolicy {
                max_years: 5,
                issue_may_take_days: 30,
                issued_without_application: false,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_details_parse() {
        let parsed = InsurerDetails::from_json(DEFAULT_INSURER_JSON);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(
            InsurerDetails::embedded().name.get(Locale::Ja),
            "ご加入の健康保険組合"
        );
    }

    #[test]
    fn updates_in_another_format_or_with_bad_values_are_refused() {
        let newer = DEFAULT_INSURER_JSON.replace("\"format\": 1", "\"format\": 2");
        assert!(InsurerDetails::from_json(&newer).is_err());
        let too_long = DEFAULT_INSURER_JSON.replace("\"max_years\": 5", "\"max_years\": 6");
        assert!(InsurerDetails::from_json(&too_long).is_err());
        assert!(InsurerDetails::from_json("{}").is_err());
    }
}
