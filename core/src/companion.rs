//! The Companion ([`ShikakuCompanion`]): the one stateful object a shell holds (DESIGN.md). It owns the
//! household store, the content in force, the locale and the clock, and answers every
//! question a screen asks — the dashboard, the clinic card, documents, reminders, the
//! calendar export, guidance, QR codes, content refresh — with the core's own types.
//! Shells render what it returns and call the platform services only they can reach.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::{DateTime, NaiveDate, Utc};

use crate::clock::{Clock, SystemClock};
use crate::content::LocalizedText;
use crate::content::bundle::{TrustedKey, embedded_trusted_keys};
use crate::content::fetch::{ContentFetcher, FetchLimits, RefreshOutcome};
use crate::error::{Error, Result, ShikakuError};
use crate::guidance::clinic::{ClinicCard, clinic_card};
use crate::guidance::{
    FlowStep, PresentInput, Situation, SituationGuide, WrittenAdvice, situation_guide,
    walk_preparation, write_advice,
};
use crate::household::transfer::{decode_member, encode_member};
use crate::household::{
    DeadlineKind, Household, Member, MemberDraft, MemberStatus, Relationship, evaluate_member,
};
use crate::i18n::{Locale, format_date, label};
use crate::qr::{QrMatrix, qr_matrix, qr_svg};
use crate::reminders::ics::{IcsOptions, export_ics};
use crate::reminders::{PlanInput, ReminderPlan, ReminderSettings, plan};
use crate::rules::era::parse_era_date;
use crate::rules::facts::parse_iso_date;
use crate::secrets::SecretStore;
use crate::store::{ContentSource, DocumentInfo, ImportReport, InstalledContent, Store};
use crate::vault::DocumentFields;
use crate::view::{
    MemberRow, RelationshipChoice, ShellTexts, TimelineEntry, describe_error, member_row,
    relationship_choices, timeline,
};

/// The file name of the database inside the data directory.
pub const DATABASE_FILE: &str = "shikaku.sqlite3";

/// The shikaku core as one object: open it on a data directory with a secret store.
/// (The Companion of DESIGN.md; a Kotlin class may not be named `Companion`, which is its
/// companion object's name, hence the prefix.)
#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
pub struct ShikakuCompanion {
    store: Mutex<Store>,
    content: RwLock<InstalledContent>,
    trusted: Vec<TrustedKey>,
    locale: RwLock<Locale>,
    clock: Arc<dyn Clock>,
    fetcher: ContentFetcher,
}

impl std::fmt::Debug for ShikakuCompanion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShikakuCompanion").finish_non_exhaustive()
    }
}

fn poisoned() -> Error {
    Error::Storage {
        reason: "an earlier failure left the store unusable; open it again".to_owned(),
    }
}

impl ShikakuCompanion {
    /// Opens with a given clock and trust list (tests, and the CLI's `--today`).
    pub fn open_with(
        data_dir: PathBuf,
        secret_store: &dyn SecretStore,
        locale: Locale,
        clock: Arc<dyn Clock>,
        trusted: Vec<TrustedKey>,
    ) -> Result<Self> {
        let store = Store::open(&data_dir.join(DATABASE_FILE), secret_store)?;
        let content = store.content(&trusted)?;
        content.bundle.apply_text_overrides();
        Ok(ShikakuCompanion {
            store: Mutex::new(store),
            content: RwLock::new(content),
            trusted,
            locale: RwLock::new(locale),
            clock,
            fetcher: ContentFetcher::new(FetchLimits::default())?,
        })
    }

    fn store(&self) -> Result<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| poisoned())
    }

    fn with_content<T>(&self, f: impl FnOnce(&InstalledContent) -> T) -> Result<T> {
        let content = self.content.read().map_err(|_| poisoned())?;
        Ok(f(&content))
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The user's language.
    pub fn locale(&self) -> Locale {
        self.locale.read().map(|l| *l).unwrap_or(Locale::Ja)
    }

    fn status_of(&self, member: &Member) -> Result<MemberStatus> {
        let today = self.today();
        self.with_content(|c| evaluate_member(member, today, c.calendar()))
    }
}

#[cfg_attr(feature = "ffi", uniffi::export(async_runtime = "tokio"))]
impl ShikakuCompanion {
    /// Opens the household store in `data_dir` (created on first use), its master key
    /// kept in `secret_store` (the platform keychain or keystore), speaking `locale`.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn open(
        data_dir: String,
        secret_store: Arc<dyn SecretStore>,
        locale: Locale,
    ) -> Result<Arc<Self>> {
        ShikakuCompanion::open_with(
            PathBuf::from(data_dir),
            secret_store.as_ref(),
            locale,
            Arc::new(SystemClock),
            embedded_trusted_keys(),
        )
        .map(Arc::new)
    }

    /// Changes the language of every text the Companion returns from now on.
    pub fn set_locale(&self, locale: Locale) {
        if let Ok(mut slot) = self.locale.write() {
            *slot = locale;
        }
    }

    /// Every member, in the order they were added.
    pub fn members(&self) -> Result<Vec<Member>> {
        self.store()?.members()
    }

    /// One member.
    pub fn member(&self, member_id: String) -> Result<Member> {
        self.store()?.member(&member_id)
    }

    /// One member evaluated today.
    pub fn member_status(&self, member_id: String) -> Result<MemberStatus> {
        let member = self.store()?.member(&member_id)?;
        self.status_of(&member)
    }

    /// Adds a member (facts checked first); returns them with their id.
    pub fn add_member(&self, draft: MemberDraft) -> Result<Member> {
        let now = self.now();
        self.store()?.add_member(draft, now)
    }

    /// Replaces a member's details.
    pub fn update_member(&self, member: Member) -> Result<()> {
        let now = self.now();
        self.store()?.update_member(&member, now)
    }

    /// Removes a member and their documents.
    pub fn remove_member(&self, member_id: String) -> Result<()> {
        self.store()?.remove_member(&member_id)
    }

    /// Every member evaluated today, most urgent first.
    pub fn dashboard(&self) -> Result<Vec<MemberStatus>> {
        let members = self.store()?.members()?;
        let today = self.today();
        self.with_content(|c| Household { members }.evaluate_with_calendar(today, c.calendar()))
    }

    /// The household screen's rows: every member today, most urgent first, worded.
    pub fn household_view(&self) -> Result<Vec<MemberRow>> {
        let locale = self.locale();
        Ok(self
            .dashboard()?
            .iter()
            .map(|status| member_row(locale, status))
            .collect())
    }

    /// Every upcoming and overdue step of the household, soonest first, worded.
    pub fn deadline_timeline(&self) -> Result<Vec<TimelineEntry>> {
        Ok(timeline(self.locale(), &self.dashboard()?))
    }

    /// Every fixed word of the screens, in the user's language.
    pub fn shell_texts(&self) -> ShellTexts {
        ShellTexts::new(self.locale())
    }

    /// The name of a kind of deadline, for its reminder toggle.
    pub fn deadline_kind_label(&self, kind: DeadlineKind) -> String {
        label(self.locale(), kind.message_id())
    }

    /// A relationship's name.
    pub fn relationship_label(&self, relationship: Relationship) -> String {
        label(self.locale(), relationship.message_id())
    }

    /// The member form's relationship choices, named.
    pub fn relationship_choices(&self) -> Vec<RelationshipChoice> {
        relationship_choices(self.locale())
    }

    /// A date as the member reads it: 令和8年12月1日(火) or Tue 1 Dec 2026.
    pub fn format_date(&self, date: NaiveDate) -> String {
        format_date(self.locale(), date)
    }

    /// A typed date: `YYYY-MM-DD` or a Japanese era date such as 令和7年6月16日 (R9).
    pub fn parse_date_input(&self, text: String) -> Result<NaiveDate> {
        parse_iso_date(text.trim())
            .or_else(|| parse_era_date(&text).ok())
            .ok_or_else(|| {
                Error::invalid(
                    "date",
                    "not YYYY-MM-DD or an era date such as 令和7年6月16日",
                )
            })
    }

    /// An error as a sentence for the member: what happened and what to do.
    pub fn describe_error(&self, error: ShikakuError) -> String {
        describe_error(self.locale(), &error)
    }

    /// The card a member shows across the counter.
    pub fn clinic_card(&self, member_id: String) -> Result<ClinicCard> {
        let (member, document) = {
            let store = self.store()?;
            let member = store.member(&member_id)?;
            let document = match store.document_info(&member_id, self.now()) {
                Ok(info) => Some(info),
                Err(Error::NotFound { .. }) => None,
                Err(error) => return Err(error),
            };
            (member, document)
        };
        let status = self.status_of(&member)?;
        Ok(clinic_card(
            &member,
            &status,
            document.as_ref(),
            self.locale(),
        ))
    }

    /// Imports a member's 資格情報 PDF (checked, read, sealed; the previous one is kept).
    pub fn import_document(&self, member_id: String, pdf: Vec<u8>) -> Result<ImportReport> {
        let now = self.now();
        self.store()?.import_document(&member_id, &pdf, now)
    }

    /// The member's current PDF, exactly as imported, for the PDF viewer.
    pub fn document(&self, member_id: String) -> Result<Vec<u8>> {
        Ok(self.store()?.document(&member_id)?.to_vec())
    }

    /// What is known of the member's current PDF.
    pub fn document_info(&self, member_id: String) -> Result<DocumentInfo> {
        let now = self.now();
        self.store()?.document_info(&member_id, now)
    }

    /// Saves the fields the member confirmed or typed (R9–R11 checked).
    pub fn set_document_fields(
        &self,
        member_id: String,
        fields: DocumentFields,
    ) -> Result<DocumentInfo> {
        let now = self.now();
        self.store()?.set_document_fields(&member_id, fields, now)
    }

    /// Makes the previous PDF current again.
    pub fn revert_document(&self, member_id: String) -> Result<DocumentInfo> {
        let now = self.now();
        self.store()?.revert_document(&member_id, now)
    }

    /// The reminders to schedule now: the earliest `limit` (iOS keeps 64). A shell asks
    /// again after every change and reconciles its notifications by `id`.
    pub fn reminder_plan(&self, limit: u32) -> Result<ReminderPlan> {
        let now = self.now();
        let locale = self.locale();
        let (members, documents, state, settings) = {
            let store = self.store()?;
            let defaults = self.with_content(|c| c.bundle.reminder_defaults())?;
            (
                store.members()?,
                store.document_timings()?,
                store.reminder_state()?,
                store.reminder_settings(&defaults)?,
            )
        };
        self.with_content(|c| {
            plan(
                &PlanInput {
                    members: &members,
                    documents: &documents,
                    settings: &settings,
                    state: &state,
                    now,
                    locale,
                    calendar: c.calendar(),
                },
                limit as usize,
            )
        })
    }

    /// The member acknowledged a planned reminder: it never comes back for that deadline.
    pub fn acknowledge(&self, reminder_id: String) -> Result<()> {
        self.require_planned(&reminder_id)?;
        self.store()?.acknowledge_reminder(&reminder_id)
    }

    /// Fires a planned reminder at `until` instead.
    pub fn snooze(&self, reminder_id: String, until: DateTime<Utc>) -> Result<()> {
        if until <= self.now() {
            return Err(Error::invalid("until", "must be later than now"));
        }
        self.require_planned(&reminder_id)?;
        self.store()?.snooze_reminder(&reminder_id, until)
    }

    /// The reminder settings in force.
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        let defaults = self.with_content(|c| c.bundle.reminder_defaults())?;
        self.store()?.reminder_settings(&defaults)
    }

    /// Replaces the reminder settings (checked first).
    pub fn set_reminder_settings(&self, settings: ReminderSettings) -> Result<()> {
        self.store()?.set_reminder_settings(&settings)
    }

    /// The household's deadlines as the text of an .ics file.
    pub fn export_ics(&self, options: IcsOptions) -> Result<String> {
        let members = self.store()?.members()?;
        let settings = self.reminder_settings()?;
        let (now, locale) = (self.now(), self.locale());
        self.with_content(|c| export_ics(&members, &settings, now, locale, c.calendar(), &options))?
    }

    /// What the member presents and what to prepare (R8).
    pub fn guidance(&self, member_id: String) -> Result<WrittenAdvice> {
        let (member, has_record) = {
            let store = self.store()?;
            (
                store.member(&member_id)?,
                store.document_timings()?.contains_key(&member_id),
            )
        };
        let status = self.status_of(&member)?;
        let input = PresentInput {
            holdings: member.holdings,
            card_state: status.card_state(),
            has_downloaded_record: has_record,
            eligibility_certificate_valid: status.eligibility_certificate_valid,
        };
        let locale = self.locale();
        self.with_content(|c| write_advice(&input, locale, &c.bundle.insurer))
    }

    /// The preparation flowchart after `answers` (yes = true).
    pub fn walk_preparation(&self, answers: Vec<bool>) -> Result<FlowStep> {
        let locale = self.locale();
        self.with_content(|c| walk_preparation(&answers, locale, &c.bundle.insurer))?
    }

    /// The guide to a situation, with the member's dates when a member is given.
    pub fn situation(
        &self,
        situation: Situation,
        member_id: Option<String>,
    ) -> Result<SituationGuide> {
        let status = match member_id {
            Some(id) => {
                let member = self.store()?.member(&id)?;
                Some(self.status_of(&member)?)
            }
            None => None,
        };
        let locale = self.locale();
        self.with_content(|c| {
            situation_guide(situation, status.as_ref(), locale, &c.bundle.insurer)
        })
    }

    /// The guide of every situation, for the member when one is named (with their dates)
    /// or in general.
    pub fn situation_guides(&self, member_id: Option<String>) -> Result<Vec<SituationGuide>> {
        Situation::ALL
            .iter()
            .map(|&situation| self.situation(situation, member_id.clone()))
            .collect()
    }

    /// The situations a member's state calls for now.
    pub fn situations_for(&self, member_id: String) -> Result<Vec<Situation>> {
        let member = self.store()?.member(&member_id)?;
        let status = self.status_of(&member)?;
        Ok(Situation::relevant(&status, &member.holdings))
    }

    /// A QR code as a module matrix for the shell to draw.
    pub fn qr(&self, payload: String) -> Result<QrMatrix> {
        qr_matrix(&payload)
    }

    /// A QR code as an SVG document.
    pub fn qr_svg(&self, payload: String) -> Result<String> {
        qr_svg(&payload)
    }

    /// The code that moves a member to another device.
    pub fn share_member(
        &self,
        member_id: String,
        include_insurance_numbers: bool,
    ) -> Result<String> {
        encode_member(
            &self.store()?.member(&member_id)?.to_draft(),
            include_insurance_numbers,
        )
    }

    /// Adds the member a code from another device carries.
    pub fn receive_member(&self, code: String) -> Result<Member> {
        let draft = decode_member(&code)?;
        self.add_member(draft)
    }

    /// Fetches newer signed content from `url` and installs it if it passes every check;
    /// the installed content stays as it was otherwise.
    pub async fn refresh_content(&self, url: String) -> Result<RefreshOutcome> {
        let mark = self.store()?.content_mark()?;
        let (outcome, new) = self
            .fetcher
            .refresh(&url, &mark, &self.trusted, self.today())
            .await;
        if let Some(new) = new {
            let mut store = self.store()?;
            store.install_content(&new)?;
            let content = store.content(&self.trusted)?;
            content.bundle.apply_text_overrides();
            *self.content.write().map_err(|_| poisoned())? = content;
        }
        Ok(outcome)
    }

    /// The version of the content in force.
    pub fn content_version(&self) -> Result<u64> {
        self.with_content(|c| c.bundle.version)
    }

    /// Which content is in force, for a settings screen.
    pub fn content_status(&self) -> Result<ContentStatus> {
        let etag = self.store()?.content_mark()?.etag;
        self.with_content(|c| {
            let years = c.calendar().years();
            ContentStatus {
                source: c.source,
                version: c.bundle.version,
                valid_until: c.bundle.valid_until,
                insurer_name: c.bundle.insurer.name.clone(),
                holidays_first_year: years.map(|(first, _)| first),
                holidays_last_year: years.map(|(_, last)| last),
                etag,
                note: c.note.clone(),
            }
        })
    }

    /// The schema version of the store, for diagnostics.
    pub fn schema_version(&self) -> Result<u32> {
        self.store()?.schema_version()
    }
}

impl ShikakuCompanion {
    /// A reminder can be acknowledged or snoozed only while it is planned.
    fn require_planned(&self, reminder_id: &str) -> Result<()> {
        let planned = self.reminder_plan(u32::MAX)?;
        if planned.reminders.iter().any(|r| r.id == reminder_id) {
            Ok(())
        } else {
            Err(Error::not_found(format!("reminder {reminder_id}")))
        }
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
    pub etag: Option<String>,
    /// Why installed content was set aside, if it was.
    pub note: Option<String>,
}

/// The version of the core a shell runs, for its About screen.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
