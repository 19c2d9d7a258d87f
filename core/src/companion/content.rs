//! Content on the Companion: refreshing the signed content bundle and saying which
//! content is in force.

use std::sync::PoisonError;

use chrono::NaiveDate;

use super::{LoadedContent, ShikakuCompanion};
use crate::content::ContentSource;
use crate::content::LocalizedText;
use crate::content::fetch::{ContentFetcher, FetchLimits, RefreshOutcome};
use crate::error::{Result, ShikakuError};

#[cfg_attr(feature = "ffi", uniffi::export(async_runtime = "tokio"))]
impl ShikakuCompanion {
    /// Fetches newer signed content from `url` and installs it if it passes every check.
    /// When the server cannot be reached the answer is `Network`; whatever the answer,
    /// the installed content stays as it was unless a new bundle was installed whole.
    pub async fn refresh_content(&self, url: String) -> Result<RefreshOutcome, ShikakuError> {
        let mark = self.store().content_mark(self.today())?;
        let fetcher = match self.fetcher.get() {
            Some(fetcher) => fetcher,
            None => {
                let made = ContentFetcher::new(FetchLimits::default())?;
                self.fetcher.get_or_init(|| made)
            }
        };
        let (outcome, new) = fetcher
            .refresh(&url, &mark, &self.trusted, self.today())
            .await?;
        if let Some(new) = new {
            let content = {
                let mut store = self.store();
                store.install_content(&new)?;
                LoadedContent::new(store.content(&self.trusted, self.today())?)
            };
            *self.content.write().unwrap_or_else(PoisonError::into_inner) = content;
        }
        Ok(outcome)
    }

    /// The version of the content in force.
    pub fn content_version(&self) -> u64 {
        self.with_content(|c| c.installed.bundle.version)
    }

    /// Which content is in force, for a settings screen.
    pub fn content_status(&self) -> Result<ContentStatus, ShikakuError> {
        Ok(self.with_content(|c| {
            let years = c.calendar().years();
            ContentStatus {
                source: c.installed.source,
                version: c.installed.bundle.version,
                valid_until: c.installed.bundle.valid_until,
                insurer_name: c.installed.bundle.insurer.name.clone(),
                holidays_first_year: years.map(|(first, _)| first),
                holidays_last_year: years.map(|(_, last)| last),
                note: c.installed.note.clone(),
            }
        }))
    }
}

/// Which content is in force.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ContentStatus {
    pub source: ContentSource,
    pub version: u64,
    pub valid_until: Option<NaiveDate>,
    pub insurer_name: LocalizedText,
    pub holidays_first_year: Option<i32>,
    pub holidays_last_year: Option<i32>,
    /// Why installed content was set aside, if it was.
    pub note: Option<String>,
}
