//! The Companion driven as a shell drives it: open, add a member, the household rows and
//! the dashboard, a 資格情報 PDF imported, the clinic card (alone, and with its PDF for
//! the counter), the reminder plan with an
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
        eligibility_certificate_issued_on: None,
        dependent_of: None,
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
fn the_counter_display_is_the_clinic_card_with_the_pdf_it_speaks_of() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = MemorySecretStore::default();
    let companion = open(dir.path(), &secrets, TestClock::at(2026, 1, 5, 12));
    let facts = Facts {
        card_issued_on: Some(day(2022, 3, 1)),
        ..Facts::born_on(day(1980, 10, 10))
    };
    let member = companion.add_member(draft("山田 太郎", facts)).unwrap();

    // No PDF stored: the card alone, and it says so.
    let display = companion.counter_display(member.id.clone()).unwrap();
    assert!(!display.card.record_available_offline);
    assert_eq!(display.pdf, None);
    assert_eq!(
        display.card,
        companion.clinic_card(member.id.clone()).unwrap()
    );

    // Two versions stored: the card and the PDF are both of the current one.
    let first = fixture("shikaku-kenpo.pdf");
    companion
        .import_document(member.id.clone(), first.clone())
        .unwrap();
    let current = fixture("shikaku-kokuho.pdf");
    companion
        .import_document(member.id.clone(), current.clone())
        .unwrap();
    let display = companion.counter_display(member.id.clone()).unwrap();
    assert!(display.card.record_available_offline);
    assert_eq!(display.pdf.as_deref(), Some(current.as_slice()));
    assert_eq!(
        display.card,
        companion.clinic_card(member.id.clone()).unwrap()
    );
    companion.revert_document(member.id.clone()).unwrap();
    let display = companion.counter_display(member.id.clone()).unwrap();
    assert_eq!(display.pdf.as_deref(), Some(first.as_slice()));
    assert_eq!(
        display.card,
        companion.clinic_card(member.id.clone()).unwrap()
    );

    // A member who is not in the household is not found.
    assert!(matches!(
        companion.counter_display("0123456789abcdef".to_owned()),
        Err(ShikakuError::NotFound {
            what: Entity::Member
        })
    ));

    // The PDF's file gone: an integrity error, not a card that promises a PDF.
    let pdfs = dir.path().join(format!("{DATABASE_FILE}-pdfs"));
    for file in std::fs::read_dir(&pdfs).unwrap() {
        std::fs::remove_file(file.unwrap().path()).unwrap();
    }
    assert!(matches!(
        companion.counter_display(member.id.clone()),
        Err(ShikakuError::Integrity)
    ));
    assert!(
        companion
            .clinic_card(member.id)
            .unwrap()
            .record_available_offline
    );
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

/// A content bundle signed by a new publisher whose texts override the insurer's
/// wording of `situation-eligibility_certificate-1`, valid until `valid_until`.
fn install_overriding_content(
    dir: &Path,
    secrets: &MemorySecretStore,
    ja: &str,
    valid_until: Option<NaiveDate>,
) -> TrustedKey {
    let (secret, key) = generate_signing_key("two-companions").unwrap();
    let mut bundle = ContentBundle::embedded();
    bundle.version = 5;
    bundle.valid_until = valid_until;
    bundle.text_overrides.ja = Some(format!("situation-eligibility_certificate-1 = {ja}"));
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
            last_modified: None,
        })
        .unwrap();
    key
}

/// The last step of the guide for a new insurer, in the Companion's language.
fn insurer_step(companion: &ShikakuCompanion) -> String {
    let guide = companion
        .situation(Situation::EligibilityCertificate, None)
        .unwrap();
    guide.steps.first().unwrap().clone()
}

#[test]
fn two_companions_in_one_process_speak_with_their_own_contents_texts() {
    let (plain_dir, reworded_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (plain_secrets, reworded_secrets) =
        (MemorySecretStore::default(), MemorySecretStore::default());
    let reworded_text = "当組合の窓口にご相談ください。";
    let key =
        install_overriding_content(reworded_dir.path(), &reworded_secrets, reworded_text, None);
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
    let built_in = insurer_step(&plain);
    assert_ne!(built_in, reworded_text);
    assert_eq!(insurer_step(&reworded), reworded_text);
    // Opening the second changed nothing for the first, and the other way round.
    assert_eq!(insurer_step(&plain), built_in);
    plain.set_locale(Locale::En);
    reworded.set_locale(Locale::En);
    assert_eq!(
        insurer_step(&plain),
        insurer_step(&reworded),
        "no English override was given"
    );
}

#[test]
fn the_insurer_type_picks_whom_to_ask_and_a_dependent_is_linked_to_the_insured_member() {
    use shikaku_core::vault::DocumentFields;
    let dir = tempfile::tempdir().unwrap();
    let secrets = MemorySecretStore::default();
    let companion = open(dir.path(), &secrets, TestClock::at(2026, 11, 21, 12));
    // A 国民健康保険 member (6-digit 保険者番号) without a card: whom to ask is the
    // municipality's desk, and the 資格確認書 comes without an application (S4).
    let mut kokuho = draft("佐藤 一郎", Facts::born_on(day(1980, 4, 1)));
    kokuho.holdings = Holdings {
        has_card: false,
        registered_for_insurance: false,
        ..Holdings::default()
    };
    kokuho.insurance_fields = Some(DocumentFields {
        insurer_number: Some("138107".into()),
        ..DocumentFields::default()
    });
    let kokuho = companion.add_member(kokuho).unwrap();
    let advice = companion.guidance(kokuho.id.clone()).unwrap();
    let to_do = advice.to_do.join("\n");
    assert!(to_do.contains("国民健康保険の窓口"), "{to_do}");
    assert!(
        to_do.contains("申請しなくても資格確認書が交付されます"),
        "{to_do}"
    );
    // An employee insurer's member (06…) applies for it; no type known: the built-in
    // insurer.
    let mut society = draft("佐藤 花子", Facts::born_on(day(1980, 4, 1)));
    society.holdings = kokuho.holdings;
    society.insurance_fields = Some(DocumentFields {
        insurer_number: Some("06130017".into()),
        ..DocumentFields::default()
    });
    let society = companion.add_member(society).unwrap();
    let to_do = companion
        .guidance(society.id.clone())
        .unwrap()
        .to_do
        .join("\n");
    assert!(
        to_do.contains("ご加入の健康保険組合に「資格確認書（再）交付申請書」を提出"),
        "{to_do}"
    );

    // The insured member turns 75 on 2026-12-10; the dependent joins 国保 by 12-24.
    let insured = companion
        .add_member(draft("山田 一郎", Facts::born_on(day(1951, 12, 10))))
        .unwrap();
    let mut dependent = draft("山田 花子", Facts::born_on(day(1958, 4, 1)));
    dependent.relationship = Relationship::Spouse;
    dependent.dependent_of = Some(insured.id.clone());
    let dependent = companion.add_member(dependent).unwrap();
    let status = companion.member_status(dependent.id.clone()).unwrap();
    let step = status
        .upcoming
        .iter()
        .find(|d| d.kind == DeadlineKind::JoinOtherInsuranceDue)
        .unwrap();
    assert_eq!(step.date, day(2026, 12, 24));
    assert_eq!(
        step.related.dependent_status_ends_on,
        Some(day(2026, 12, 10))
    );
    let situations = companion.situations_for(dependent.id.clone()).unwrap();
    assert!(
        situations.contains(&Situation::InsuredTurnsSeventyFive),
        "{situations:?}"
    );
    let insured_status = companion.member_status(insured.id.clone()).unwrap();
    assert!(
        insured_status
            .upcoming
            .iter()
            .any(|d| d.kind == DeadlineKind::LateStageElderlyFrom && d.date == day(2026, 12, 10))
    );
    // A link to nobody in the household, or to oneself, is refused.
    let mut stray = draft("山田 次郎", Facts::born_on(day(1990, 1, 1)));
    stray.dependent_of = Some("nobody".into());
    assert_eq!(
        companion.add_member(stray).unwrap_err(),
        ShikakuError::InvalidInput {
            field: Field::DependentOf,
            reason: Reason::NotAnotherMember
        }
    );
    let mut itself = companion.member(dependent.id.clone()).unwrap();
    itself.dependent_of = Some(itself.id.clone());
    assert!(matches!(
        companion.update_member(itself),
        Err(ShikakuError::InvalidInput {
            field: Field::DependentOf,
            ..
        })
    ));
    // Removing the insured member leaves the dependent whole, without the step.
    companion.remove_member(insured.id).unwrap();
    let status = companion.member_status(dependent.id.clone()).unwrap();
    assert!(
        !status
            .upcoming
            .iter()
            .any(|d| d.kind == DeadlineKind::JoinOtherInsuranceDue)
    );
}

#[test]
fn an_eligibility_certificate_valid_beyond_five_years_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = MemorySecretStore::default();
    let companion = open(dir.path(), &secrets, TestClock::at(2026, 11, 21, 12));
    let mut member = draft("山田 太郎", Facts::born_on(day(1980, 10, 10)));
    member.eligibility_certificate_issued_on = Some(day(2024, 12, 2));
    member.eligibility_certificate_expires_on = Some(day(2029, 12, 3));
    assert_eq!(
        companion.add_member(member.clone()).unwrap_err(),
        ShikakuError::InvalidInput {
            field: Field::EligibilityCertificateExpiresOn,
            reason: Reason::ValidForAtMostYears { years: 5 }
        }
    );
    let sentence = describe_error_for(
        Locale::Ja,
        ShikakuError::InvalidInput {
            field: Field::EligibilityCertificateExpiresOn,
            reason: Reason::ValidForAtMostYears { years: 5 },
        },
    );
    assert!(sentence.contains("5年以内"), "{sentence}");
    member.eligibility_certificate_expires_on = Some(day(2029, 11, 30));
    assert!(companion.add_member(member.clone()).is_ok());
    member.eligibility_certificate_expires_on = Some(day(2024, 12, 1));
    assert!(matches!(
        companion.add_member(member).unwrap_err(),
        ShikakuError::InvalidInput {
            reason: Reason::EarlierThan {
                other: Field::EligibilityCertificateIssuedOn
            },
            ..
        }
    ));
}

#[test]
fn installed_content_gives_way_to_the_built_in_one_once_past_its_valid_until() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = MemorySecretStore::default();
    let reworded_text = "当組合の窓口にご相談ください。";
    let key =
        install_overriding_content(dir.path(), &secrets, reworded_text, Some(day(2026, 1, 31)));
    let clock = TestClock::at(2026, 1, 31, 23);
    let companion = open_trusting(dir.path(), &secrets, clock.clone(), vec![key.clone()]);
    assert_eq!(insurer_step(&companion), reworded_text);
    assert_eq!(companion.content_version(), 5);
    // The Companion stays open past the bundle's last day: the next use speaks with the
    // built-in content, and says why.
    clock.set(tokyo(2026, 2, 1, 0));
    assert_ne!(insurer_step(&companion), reworded_text);
    assert_eq!(companion.content_version(), 1);
    let status = companion.content_status().unwrap();
    assert!(
        status
            .note
            .as_deref()
            .is_some_and(|n| n.contains("2026-01-31")),
        "{status:?}"
    );
    // Opened after that day, it never uses the expired content.
    drop(companion);
    let reopened = open_trusting(dir.path(), &secrets, clock, vec![key]);
    assert_eq!(reopened.content_version(), 1);
}
