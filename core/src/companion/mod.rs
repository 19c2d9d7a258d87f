//! The Companion ([`ShikakuCompanion`]): the one stateful object a shell holds
//! (DESIGN.md). It owns the household store, the content in force with its texts, the
//! locale and the clock, and answers every question a screen asks — the dashboard, the
//! clinic card, documents, reminders, the calendar export, guidance, QR codes, content
//! refresh — with the core's own types. Shells render what it returns and call the
//! platform services only they can reach.
//!
//! Every method answers with [`ShikakuError`], the public error. Every write is one
//! SQLite transaction, rolled back if it does not finish, so a panic while the store's
//! lock was held leaves the data whole: the lock is taken over rather than refused
//! forever.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, RwLock, RwLockReadGuard};

use chrono::{DateTime, NaiveDate, Utc};

use crate::clock::{Clock, SystemClock};
use crate::content::bundle::{TrustedKey, embedded_trusted_keys};
use crate::content::fetch::ContentFetcher;
use crate::content::{ContentSource, InstalledContent};
use crate::error::{Field, Reason, Result, ShikakuError};
use crate::guidance::{
    FlowStep, PresentInput, Situation, SituationGuide, WrittenAdvice, insurer_for_member,
    situation_guide, walk_preparation, write_advice,
};
use crate::household::damaged::DamagedMember;
use crate::household::{
    DeadlineKind, Household, Member, MemberDraft, MemberStatus, Relationship, evaluate_member_in,
};
use crate::i18n::{Locale, Texts, Words, format_date};
use crate::rules::era::parse_era_date;
use crate::rules::facts::parse_iso_date;
use crate::rules::insurer_type;
use crate::secrets::SecretStore;
use crate::store::{MemberWithDocument, OpenMode, Store, WithPdf};
use crate::vault::DocumentInfo;
use crate::view::{
    FormModel, FormOutcome, FormValues, MemberRow, OtherMember, ShellTexts, TimelineEntry,
    describe_error, member_form, member_row, submit_member_form, timeline,
};

mod content;
mod documents;
mod reminders;
mod sharing;

pub use content::ContentStatus;

/// The file name of the database inside the data directory.
pub const DATABASE_FILE: &str = "shikaku.sqlite3";

/// The shikaku core as one object: open it on a data directory with a secret store.
/// (The Companion of DESIGN.md; a Kotlin class may not be named `Companion`, which is its
/// companion object's name, hence the prefix.)
#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
pub struct ShikakuCompanion {
    store: Mutex<Store>,
    content: RwLock<LoadedContent>,
    trusted: Vec<TrustedKey>,
    locale: RwLock<Locale>,
    clock: Arc<dyn Clock>,
    /// Made on the first refresh: building the TLS client (its root certificates) is
    /// work the clinic path never needs.
    fetcher: OnceLock<ContentFetcher>,
}

impl std::fmt::Debug for ShikakuCompanion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShikakuCompanion").finish_non_exhaustive()
    }
}

/// The content in force and the texts it brings (built in, under its signed
/// overrides): each Companion has its own.
#[derive(Debug)]
struct LoadedContent {
    installed: InstalledContent,
    texts: Texts,
}

impl LoadedContent {
    fn new(installed: InstalledContent) -> Self {
        LoadedContent {
            texts: installed.bundle.texts(),
            installed,
        }
    }

    fn calendar(&self) -> &crate::rules::HolidayCalendar {
        self.installed.calendar()
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
        Self::open_in_mode(
            data_dir,
            secret_store,
            locale,
            clock,
            trusted,
            OpenMode::CreateIfMissing,
        )
    }

    /// Opens as [`ShikakuCompanion::open_with`] does, creating the store only in
    /// [`OpenMode::CreateIfMissing`] (a command that only reads never creates one).
    pub fn open_in_mode(
        data_dir: PathBuf,
        secret_store: &dyn SecretStore,
        locale: Locale,
        clock: Arc<dyn Clock>,
        trusted: Vec<TrustedKey>,
        mode: OpenMode,
    ) -> Result<Self> {
        let (store, content) = Store::open_with_content(
            &data_dir.join(DATABASE_FILE),
            secret_store,
            mode,
            &trusted,
            clock.today(),
        )?;
        let content = LoadedContent::new(content);
        Ok(ShikakuCompanion {
            store: Mutex::new(store),
            content: RwLock::new(content),
            trusted,
            locale: RwLock::new(locale),
            clock,
            fetcher: OnceLock::new(),
        })
    }

    /// The store. A panic elsewhere while it was held left no half-written record
    /// (every write is one transaction, rolled back when dropped), so the lock is
    /// taken over.
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The content in force today (replaced whole, never left half-changed): installed
    /// content whose `valid_until` passed while the Companion was open gives way to the
    /// built-in content before it is used again.
    fn content(&self) -> RwLockReadGuard<'_, LoadedContent> {
        let read = || self.content.read().unwrap_or_else(PoisonError::into_inner);
        let today = self.today();
        if !read().installed.expired_on(today) {
            return read();
        }
        {
            let mut content = self.content.write().unwrap_or_else(PoisonError::into_inner);
            if content.installed.expired_on(today) {
                *content = LoadedContent::new(content.installed.clone().in_force_on(today));
            }
        }
        read()
    }

    fn with_content<T>(&self, f: impl FnOnce(&LoadedContent) -> T) -> T {
        f(&self.content())
    }

    /// `f` with the words of the member's language (the content's texts) and the
    /// content in force.
    fn with_words<T>(&self, f: impl FnOnce(Words<'_>, &LoadedContent) -> T) -> T {
        let locale = self.locale();
        self.with_content(|c| f(c.texts.words(locale), c))
    }

    /// The member-facing texts in force (built in, under the content's overrides).
    pub fn texts(&self) -> Texts {
        self.with_content(|c| c.texts.clone())
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The user's language.
    pub fn locale(&self) -> Locale {
        *self.locale.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The household's members other than `member_id`, as the member form offers them
    /// as the insured person (R13).
    fn other_members(&self, member_id: Option<&str>) -> Result<Vec<OtherMember>> {
        Ok(self
            .store()
            .members()?
            .members
            .into_iter()
            .filter(|m| Some(m.id.as_str()) != member_id)
            .map(|m| OtherMember {
                id: m.id,
                display_name: m.display_name,
            })
            .collect())
    }

    /// One member with what every member screen needs: their status in the household
    /// (following a dependent's link, R13), their stored document's details, and the
    /// insurer guidance speaks of: the installed insurer's content, else the defaults of
    /// the type their 保険者番号 tells (R13).
    fn member_context(&self, member_id: &str) -> Result<MemberContext> {
        self.member_context_of(self.member_with_document(member_id, WithPdf::No)?)
    }

    /// [`ShikakuCompanion::member_context`] of what was read of the member.
    fn member_context_of(&self, read: MemberWithDocument) -> Result<MemberContext> {
        let today = self.today();
        let MemberWithDocument {
            member,
            household,
            document,
            pdf: _,
        } = read;
        // Only the insured member a dependent is linked to matters (R13); a link to a
        // member who is gone or does not open is ignored, as in the household list.
        let household: Vec<Member> = member
            .dependent_of
            .as_deref()
            .and_then(|id| household.into_iter().find(|other| other.id == id))
            .into_iter()
            .collect();
        let insurer_type = document
            .as_ref()
            .and_then(|d| d.fields.insurer_number.as_deref())
            .or_else(|| {
                member
                    .insurance_fields
                    .as_ref()
                    .and_then(|f| f.insurer_number.as_deref())
            })
            .and_then(insurer_type);
        Ok(self.with_content(|c| {
            let bundle = &c.installed.bundle;
            let own = (c.installed.source == ContentSource::Installed).then_some(&bundle.insurer);
            MemberContext {
                status: evaluate_member_in(&member, &household, today, c.calendar()),
                insurer: insurer_for_member(own, &bundle.insurer, insurer_type, &c.texts, today),
                member,
                document,
            }
        }))
    }
}

/// One member, evaluated in the household, with their document and insurer.
struct MemberContext {
    member: Member,
    status: MemberStatus,
    document: Option<DocumentInfo>,
    insurer: crate::content::InsurerDetails,
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl ShikakuCompanion {
    /// Opens the household store in `data_dir` (created on first use), its master key
    /// kept in `secret_store` (the platform keychain or keystore), speaking `locale`.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn open(
        data_dir: String,
        secret_store: Arc<dyn SecretStore>,
        locale: Locale,
    ) -> Result<Arc<Self>, ShikakuError> {
        Ok(ShikakuCompanion::open_with(
            PathBuf::from(data_dir),
            secret_store.as_ref(),
            locale,
            Arc::new(SystemClock),
            embedded_trusted_keys(),
        )
        .map(Arc::new)?)
    }

    /// Changes the language of every text the Companion returns from now on.
    pub fn set_locale(&self, locale: Locale) {
        *self.locale.write().unwrap_or_else(PoisonError::into_inner) = locale;
    }

    /// Every member whose record opens, in the order they were added (the others are
    /// in [`ShikakuCompanion::damaged_members`]).
    pub fn members(&self) -> Result<Vec<Member>, ShikakuError> {
        Ok(self.store().members()?.members)
    }

    /// The members whose stored record could not be opened, each with a sentence for
    /// the household list; the other members still show everywhere.
    pub fn damaged_members(&self) -> Result<Vec<DamagedMember>, ShikakuError> {
        let damaged = self.store().members()?.damaged;
        Ok(self.with_words(|words, _| {
            damaged
                .into_iter()
                .map(|(id, damage)| DamagedMember::new(id, damage, words))
                .collect()
        }))
    }

    /// One member.
    pub fn member(&self, member_id: String) -> Result<Member, ShikakuError> {
        Ok(self.store().member(&member_id)?)
    }

    /// One member evaluated today, in the household.
    pub fn member_status(&self, member_id: String) -> Result<MemberStatus, ShikakuError> {
        let today = self.today();
        let (member, household) = {
            let store = self.store();
            (store.member(&member_id)?, store.members()?.members)
        };
        Ok(self.with_content(|c| evaluate_member_in(&member, &household, today, c.calendar())))
    }

    /// Adds a member (facts checked first); returns them with their id.
    pub fn add_member(&self, draft: MemberDraft) -> Result<Member, ShikakuError> {
        let now = self.now();
        Ok(self.store().add_member(draft, now)?)
    }

    /// Replaces a member's details.
    pub fn update_member(&self, member: Member) -> Result<(), ShikakuError> {
        let now = self.now();
        Ok(self.store().update_member(&member, now)?)
    }

    /// Removes a member and their documents.
    pub fn remove_member(&self, member_id: String) -> Result<(), ShikakuError> {
        Ok(self.store().remove_member(&member_id)?)
    }

    /// Every member evaluated today, most urgent first.
    pub fn dashboard(&self) -> Result<Vec<MemberStatus>, ShikakuError> {
        let members = self.store().members()?.members;
        let today = self.today();
        Ok(
            self.with_content(|c| {
                Household { members }.evaluate_with_calendar(today, c.calendar())
            }),
        )
    }

    /// The household screen's rows: every member today, most urgent first, worded.
    pub fn household_view(&self) -> Result<Vec<MemberRow>, ShikakuError> {
        let statuses = self.dashboard()?;
        Ok(self.with_words(|words, _| {
            statuses
                .iter()
                .map(|status| member_row(words, status))
                .collect()
        }))
    }

    /// Every upcoming and overdue step of the household, soonest first, worded.
    pub fn deadline_timeline(&self) -> Result<Vec<TimelineEntry>, ShikakuError> {
        let statuses = self.dashboard()?;
        Ok(self.with_words(|words, _| timeline(words, &statuses)))
    }

    /// Every fixed word of the screens, in the user's language.
    pub fn shell_texts(&self) -> ShellTexts {
        self.with_words(|words, _| ShellTexts::new(words))
    }

    /// The name of a kind of deadline, for its reminder toggle.
    pub fn deadline_kind_label(&self, kind: DeadlineKind) -> String {
        self.with_words(|words, _| words.label(kind.message_id()))
    }

    /// A relationship's name.
    pub fn relationship_label(&self, relationship: Relationship) -> String {
        self.with_words(|words, _| words.label(relationship.message_id()))
    }

    /// The member form: of `member_id`, or of a new member when none, with `values` (the
    /// form's values as the member changed them, by field id; empty: as stored) laid
    /// over it. A shell asks again after every change: fields appear when they apply.
    pub fn member_form(
        &self,
        member_id: Option<String>,
        values: FormValues,
    ) -> Result<FormModel, ShikakuError> {
        let others = self.other_members(member_id.as_deref())?;
        let draft = match member_id {
            Some(id) => Some(self.store().member(&id)?.to_draft()),
            None => None,
        };
        Ok(self.with_words(|words, _| member_form(words, draft.as_ref(), &others, &values))?)
    }

    /// Saves the member form's `values` (by field id; a value not given stays as it is):
    /// the member added or updated, or the form with an error beside each field that
    /// cannot be saved (nothing is saved then).
    pub fn submit_member_form(
        &self,
        member_id: Option<String>,
        values: FormValues,
    ) -> Result<FormOutcome, ShikakuError> {
        let base = match &member_id {
            Some(id) => Some(self.store().member(id)?),
            None => None,
        };
        let draft = base.as_ref().map(Member::to_draft);
        let others = self.other_members(member_id.as_deref())?;
        let submitted = self
            .with_words(|words, _| submit_member_form(words, draft.as_ref(), &others, &values))?;
        let draft = match submitted {
            Ok(draft) => draft,
            Err((form, errors)) => return Ok(FormOutcome::Invalid { form, errors }),
        };
        let member = match base {
            Some(base) => {
                let member = draft.into_member(base.id);
                self.update_member(member.clone())?;
                member
            }
            None => self.add_member(draft)?,
        };
        Ok(FormOutcome::Saved { member })
    }

    /// A date as the member reads it: 令和8年12月1日(火) or Tue 1 Dec 2026.
    pub fn format_date(&self, date: NaiveDate) -> String {
        format_date(self.locale(), date)
    }

    /// A typed date: `YYYY-MM-DD` or a Japanese era date such as 令和7年6月16日 (R9).
    pub fn parse_date_input(&self, text: String) -> Result<NaiveDate, ShikakuError> {
        parse_iso_date(text.trim())
            .or_else(|| parse_era_date(&text).ok())
            .ok_or(ShikakuError::InvalidInput {
                field: Field::DateInput,
                reason: Reason::NotADate,
            })
    }

    /// An error as a sentence for the member, in their language: what happened and what
    /// to do, naming the field as the form does.
    pub fn describe_error(&self, error: ShikakuError) -> String {
        self.with_words(|words, _| describe_error(words, &error))
    }

    /// What the member presents and what to prepare (R8).
    pub fn guidance(&self, member_id: String) -> Result<WrittenAdvice, ShikakuError> {
        let context = self.member_context(&member_id)?;
        let input =
            PresentInput::for_member(&context.member, &context.status, context.document.is_some());
        Ok(self.with_words(|words, _| write_advice(&input, words, &context.insurer)))
    }

    /// The preparation flowchart after `answers` (yes = true).
    pub fn walk_preparation(&self, answers: Vec<bool>) -> Result<FlowStep, ShikakuError> {
        Ok(self.with_words(|words, c| {
            walk_preparation(&answers, words, &c.installed.bundle.insurer)
        })?)
    }

    /// The guide to a situation, with the member's dates when a member is given.
    pub fn situation(
        &self,
        situation: Situation,
        member_id: Option<String>,
    ) -> Result<SituationGuide, ShikakuError> {
        let context = match member_id {
            Some(id) => Some(self.member_context(&id)?),
            None => None,
        };
        Ok(self.with_words(|words, c| match &context {
            Some(context) => situation_guide(
                situation,
                Some((&context.member, &context.status)),
                words,
                &context.insurer,
            ),
            None => situation_guide(situation, None, words, &c.installed.bundle.insurer),
        }))
    }

    /// The guide of every situation, for the member when one is named (with their dates)
    /// or in general.
    pub fn situation_guides(
        &self,
        member_id: Option<String>,
    ) -> Result<Vec<SituationGuide>, ShikakuError> {
        Situation::ALL
            .iter()
            .map(|&situation| self.situation(situation, member_id.clone()))
            .collect()
    }

    /// The situations a member's state calls for now.
    pub fn situations_for(&self, member_id: String) -> Result<Vec<Situation>, ShikakuError> {
        let context = self.member_context(&member_id)?;
        Ok(Situation::relevant(&context.member, &context.status))
    }

    /// The schema version of the store, for diagnostics.
    pub fn schema_version(&self) -> Result<u32, ShikakuError> {
        Ok(self.store().schema_version()?)
    }
}

/// The version of the core a shell runs, for its About screen.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::rules::Facts;
    use crate::rules::dates::civil;
    use crate::secrets::MemorySecretStore;

    #[test]
    fn a_panic_while_the_store_was_held_does_not_lock_the_household_out() {
        let dir = tempfile::tempdir().unwrap();
        let companion = ShikakuCompanion::open_with(
            dir.path().to_path_buf(),
            &MemorySecretStore::default(),
            Locale::Ja,
            Arc::new(FixedClock::noon_in_japan(civil(2026, 1, 5))),
            Vec::new(),
        )
        .unwrap();
        let draft = |name: &str| MemberDraft {
            display_name: name.to_owned(),
            name_as_printed: None,
            relationship: Relationship::Myself,
            facts: Facts::born_on(civil(1990, 6, 15)),
            eligibility_certificate_expires_on: None,
            holdings: Default::default(),
            insurance_fields: None,
            eligibility_certificate_issued_on: None,
            dependent_of: None,
        };
        companion.add_member(draft("A")).unwrap();
        std::thread::scope(|scope| {
            let crashed = scope.spawn(|| {
                let _store = companion.store();
                let _content = companion.content.write();
                panic!("a bug while the store and the content were held");
            });
            assert!(crashed.join().is_err());
        });
        assert!(companion.store.is_poisoned() && companion.content.is_poisoned());
        companion.add_member(draft("B")).unwrap();
        assert_eq!(companion.members().unwrap().len(), 2);
        assert_eq!(companion.household_view().unwrap().len(), 2);
    }
}
