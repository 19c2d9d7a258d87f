//! The Companion driven as a shell drives it: open, add a member, the household rows and
//! the dashboard, a 資格情報 PDF imported, the clinic card, the reminder plan with an
//! acknowledgement and a snooze (also after delivery, when the plan no longer holds the
//! reminder), the calendar export, guidance, and errors worded in both languages; and
//! two Companions in one process, each speaking with its own content's texts.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use shikaku_core::clock::{Clock, japan_offset};
use shikaku_core::companion::{DATABASE_FILE, ShikakuCompanion};
use shikaku_core::content::bundle::{
    ContentBundle, TrustedKey, generate_signing_key, sign_bundle, verify_envelope,
};
use shikaku_core::content::fetch::NewContent;
use shikaku_core::error::{Entity, Field, Reason, ShikakuError};
use shikaku_core::guidance::{FlowNode, Situation};
use shikaku_core::household::{DeadlineKind, Holdings, MemberDraft, Relationship};
use shikaku_core::i18n::Locale;
use shikaku_core::reminders::ics::IcsOptions;
use shikaku_core::rules::{CardState, Facts};
use shikaku_core::secrets::MemorySecretStore;
use shikaku_core::store::Store;
use shikaku_core::view::describe_error_for;

/// A clock the test moves, as time passes for a shell.
struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    fn at(y: i32, m: u32, d: u32, hour: u32) -> Arc<Self> {
        Arc::new(TestClock(Mutex::new(tokyo(y, m, d, hour))))
    }

    fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap() = at;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

fn tokyo(y: i32, m: u32, d: u32, hour: u32) -> DateTime<Utc> {
    japan_offset()
        .with_ymd_and_hms(y, m, d, hour, 0, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn draft(name: &str, facts: Facts) -> MemberDraft {
    MemberDraft {
        display_name: name.to_owned(),
        name_as_printed: None,
        relationship: Relationship::Myself,
        facts,
        eligibility_certificate_expires_on: None,
        holdings: Holdings::default(),
        insurance_fields: None,
    }
}

fn open(dir: &Path, secrets: &MemorySecretStore, clock: Arc<TestClock>) -> ShikakuCompanion {
    open_trusting(dir, secrets, clock, Vec::new())
}

fn open_trusting(
    dir: &Path,
    secrets: &MemorySecretStore,
    clock: Arc<TestClock>,
    trusted: Vec<TrustedKey>,
) -> ShikakuCompanion {
    ShikakuCompanion::open_with(dir.to_path_buf(), secrets, Locale::Ja, clock, trusted).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn a_shell_drives_the_companion_from_start_to_clinic() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = MemorySecretStore::default();
    let clock = TestClock::at(2026, 1, 5, 12);
    let companion = open(dir.path(), &secrets, clock.clone());

    // Add a member who moved three days ago: the 転入届 is due in 11 days.
    let member = companion
        .add_member(draft(
            "山田 太郎",
            Facts {
                card_issued_on: Some(day(2022, 3, 1)),
                moved_on: Some(day(2026, 1, 2)),
                ..Facts::born_on(day(1980, 10, 10))
            },
        ))
        .unwrap();
    let rows = companion.household_view().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].display_name, "山田 太郎");
    assert_eq!(rows[0].state, CardState::Valid);
    let next = rows[0].next_deadline.as_ref().unwrap();
    assert_eq!(next.kind, DeadlineKind::MoveInDue);
    assert_eq!(next.date_text, "令和8年1月16日(金)");
    assert_eq!(
        companion.dashboard().unwrap()[0].upcoming[0].kind,
        DeadlineKind::MoveInDue
    );

    // The 資格情報 PDF, imported and shown at the counter.
    let report = companion
        .import_document(member.id.clone(), fixture("shikaku-kenpo.pdf"))
        .unwrap();
    assert_eq!(
        report.info.fields.insurer_number.as_deref(),
        Some("06139992")
    );
    let card = companion.clinic_card(member.id.clone()).unwrap();
    assert!(card.record_available_offline);
    assert!(
        card.staff_note_ja.contains("マイナンバーカードと一緒に"),
        "{}",
        card.staff_note_ja
    );

    // Reminders: acknowledge the first, snooze the second.
    let plan = companion.reminder_plan(64).unwrap();
    let (first, second) = (plan.reminders[0].clone(), plan.reminders[1].clone());
    assert_eq!(first.kind, DeadlineKind::MoveInDue);
    assert!(
        first.title.starts_with("山田 太郎さん："),
        "{}",
        first.title
    );
    companion.acknowledge(first.id.clone()).unwrap();
    let until = second.fire_at + Duration::days(1);
    companion.snooze(second.id.clone(), until).unwrap();
    let plan = companion.reminder_plan(64).unwrap();
    assert!(!plan.reminders.iter().any(|r| r.id == first.id));
    let snoozed = plan.reminders.iter().find(|r| r.id == second.id).unwrap();
    assert!(snoozed.snoozed);

    // A reminder is acknowledged when the member taps it, after it was delivered and
    // left the plan: it is still the household's, so it is accepted.
    let third = plan
        .reminders
        .iter()
        .find(|r| r.id != second.id)
        .unwrap()
        .clone();
    clock.set(third.fire_at + Duration::minutes(1));
    assert!(
        !companion
            .reminder_plan(64)
            .unwrap()
            .reminders
            .iter()
            .any(|r| r.id == third.id)
    );
    companion.acknowledge(third.id.clone()).unwrap();
    companion
        .snooze(third.id.clone(), third.fire_at + Duration::hours(3))
        .unwrap();
    assert_eq!(
        companion.acknowledge("0123456789abcdef01234567".to_owned()),
        Err(ShikakuError::NotFound {
            what: Entity::Reminder
        })
    );
    assert_eq!(
        companion.snooze(third.id, third.fire_at),
        Err(ShikakuError::InvalidInput {
            field: Field::SnoozeUntil,
            reason: Reason::NotInFuture
        })
    );

    // The calendar, guidance and the flowchart.
    let ics = companion.export_ics(IcsOptions::default()).unwrap();
    assert!(ics.contains("X-SHIKAKU-KIND:move_in_due"));
    assert!(!ics.contains("山田"));
    let advice = companion.guidance(member.id.clone()).unwrap();
    assert!(!advice.primary.is_empty());
    assert!(
        companion
            .situations_for(member.id.clone())
            .unwrap()
            .contains(&Situation::Moved)
    );
    assert_eq!(
        companion.walk_preparation(vec![false, false]).unwrap().node,
        FlowNode::NoCard
    );

    // Errors: typed, free of what was typed, worded in the member's language.
    let refused = companion
        .add_member(draft(
            "花子",
            Facts {
                card_issued_on: Some(day(1970, 1, 1)),
                ..Facts::born_on(day(1985, 4, 12))
            },
        ))
        .unwrap_err();
    assert_eq!(
        refused,
        ShikakuError::InvalidInput {
            field: Field::CardIssuedOn,
            reason: Reason::EarlierThan {
                other: Field::BirthDate
            }
        }
    );
    assert!(!format!("{refused:?} {refused}").contains("1970"));
    assert_eq!(
        companion.describe_error(refused.clone()),
        "「マイナンバーカードの発行日」を確認してください。「生年月日」より前の日付にはできません。"
    );
    companion.set_locale(Locale::En);
    assert_eq!(
        companion.describe_error(refused.clone()),
        "Please check “My Number Card issued on”. It cannot be earlier than “Date of birth”."
    );
    assert_eq!(
        companion.describe_error(refused.clone()),
        describe_error_for(Locale::En, refused)
    );
    let missing = companion.clinic_card("nobody".to_owned()).unwrap_err();
    assert_eq!(
        missing,
        ShikakuError::NotFound {
            what: Entity::Member
        }
    );
    assert_eq!(
        companion.describe_error(missing),
        "The family member could not be found. Please open the screen again."
    );
    let date = companion
        .parse_date_input("令和8年2月30日".to_owned())
        .unwrap_err();
    assert!(describe_error_for(Locale::Ja, date).starts_with("「日付」を確認してください。"));
    assert_eq!(
        companion.parse_date_input("令和8年2月3日".to_owned()),
        Ok(day(2026, 2, 3))
    );
}

/// A content bundle signed by a new publisher whose texts override `state-valid`.
fn install_overriding_content(dir: &Path, secrets: &MemorySecretStore, ja: &str) -> TrustedKey {
    let (secret, key) = generate_signing_key("two-companions").unwrap();
    let mut bundle = ContentBundle::embedded();
    bundle.version = 5;
    bundle.text_overrides.ja = Some(format!("state-valid = {ja}"));
    let envelope = sign_bundle(
        &serde_json::to_vec(&bundle).unwrap(),
        &secret,
        "two-companions",
    )
    .unwrap()
    .into_bytes();
    let checked =
        verify_envelope(&envelope, std::slice::from_ref(&key), 1, day(2026, 1, 5)).unwrap();
    let mut store = Store::open(&dir.join(DATABASE_FILE), secrets).unwrap();
    store
        .install_content(&NewContent {
            envelope,
            bundle: checked,
            etag: None,
            last_modified: None,
        })
        .unwrap();
    key
}

#[test]
fn two_companions_in_one_process_speak_with_their_own_contents_texts() {
    let (plain_dir, reworded_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (plain_secrets, reworded_secrets) =
        (MemorySecretStore::default(), MemorySecretStore::default());
    let key = install_overriding_content(
        reworded_dir.path(),
        &reworded_secrets,
        "有効（保険者の案内）",
    );
    let plain = open(
        plain_dir.path(),
        &plain_secrets,
        TestClock::at(2026, 1, 5, 12),
    );
    let reworded = open_trusting(
        reworded_dir.path(),
        &reworded_secrets,
        TestClock::at(2026, 1, 5, 12),
        vec![key],
    );
    assert_eq!(reworded.content_version(), 5);
    let facts = Facts {
        card_issued_on: Some(day(2024, 3, 1)),
        ..Facts::born_on(day(1990, 6, 15))
    };
    plain.add_member(draft("A", facts.clone())).unwrap();
    reworded.add_member(draft("B", facts)).unwrap();
    let state_of =
        |companion: &ShikakuCompanion| companion.household_view().unwrap()[0].state_label.clone();
    assert_eq!(state_of(&plain), "有効");
    assert_eq!(state_of(&reworded), "有効（保険者の案内）");
    // Opening the second changed nothing for the first, and the other way round.
    assert_eq!(state_of(&plain), "有効");
    plain.set_locale(Locale::En);
    reworded.set_locale(Locale::En);
    assert_eq!(
        state_of(&plain),
        state_of(&reworded),
        "no English override was given"
    );
}
