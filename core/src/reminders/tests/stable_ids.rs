//! Reminder ids and calendar UIDs of a fixed household that never change, whatever the
//! messages say, and the ids the core still knows once a reminder was delivered.

use super::*;
use crate::i18n::Texts;

/// The reminder ids of [`fixed_household`] on 2026-01-05 12:00 in Tokyo, in plan order,
/// as the core gave them before message ids and stable names were separated. They must
/// never change: a shell reconciles notifications and the store keeps acknowledgements
/// by them.
const FIXED_REMINDER_IDS: [&str; 30] = [
    "6c8c18255cc1be174824be5d",
    "2d3d7ddb65cdcd4f39897d16",
    "569e6b4bcb5cd664f4c037aa",
    "add9d0b39251cdd639f5d835",
    "d28b7c243a0142b8db7085a2",
    "a6a4b518f25987356d6ac02d",
    "6397017ceb05dc64c3811045",
    "1bb1824c7e1fb8f93cf3cc46",
    "326db16ddb661e24eea376d8",
    "86db9fb2c3e26df5075cf52e",
    "9fd25a8ab00fd2789508abd2",
    "b562b4297b81f7744ed5dd9e",
    "f6e4e6d7ace1f194814968cb",
    "e3c09fc0bf4023abb4839bc1",
    "6a966339eba62eb2b71a0ba8",
    "70f8260eb56402f136cb1e2e",
    "d1d37b83979f94c55114e32f",
    "c8b1fe89a7151d381044a273",
    "634416ccabbb54e033c09c4a",
    "ea84f66ee0ef67e99ec16caf",
    "fa2e94e7d272dbf05f11e714",
    "0b54981a58da5f664b1da086",
    "89e508d21c1b0c79c60cb326",
    "3a4495c64046e64716e337c1",
    "198351af52cc761aa9f6a4bf",
    "c577c8021f83e13dd6dc1b52",
    "a1dd4a1df21eccbdb5d4acd1",
    "d3af97ae6cd2c31360d92958",
    "7b2c64eb17e39a0c9b31337c",
    "723312c0c09e6b70aef90406",
];

/// The calendar UIDs of [`fixed_household`], likewise.
const FIXED_EVENT_UIDS: [(&str, DeadlineKind, &str); 22] = [
    (
        "m-a",
        DeadlineKind::CertRenewalOpens,
        "6192e8d9cda366e57c342e02@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::CertExpires,
        "2044266b57e152edc15f77b2@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::GraceEnds,
        "7bf23cb9288da2b78ddc1a54@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::CardRenewalOpens,
        "6234a7c5f6a179699f4c6e5b@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::CardExpires,
        "3fdab850ed60848f3cf3febe@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::MoveInDue,
        "2e8513645ebffd05916da435@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::ContinuedUseDue,
        "ced793f2d4127bb27ad76783@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::OverseasApplyBy,
        "3c0355de217146094381842c@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::InsuranceUsableFrom,
        "b816588c7ca4aea6933b507b@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::EligibilityCertificateExpires,
        "5cff72294d79ce39da74b6b5@shikaku",
    ),
    (
        "m-a",
        DeadlineKind::RefreshDocument,
        "2380eb6a26d4c7c7c83fbfa7@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::CertRenewalOpens,
        "10e459c9134dd68e47ee0ddf@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::CertExpires,
        "9eb3705bfd40bd5af1fb06f4@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::GraceEnds,
        "273ac5bff678e4df1250529d@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::CardRenewalOpens,
        "79406670393e4c57c15986a6@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::CardExpires,
        "93ab475b44bd008d8159cda2@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::MoveInDue,
        "5c5756ca873cbfa2975cc97b@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::ContinuedUseDue,
        "2c0699996c0a7cd544f6b9b4@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::OverseasApplyBy,
        "6f8c07ec08cb402caf357dd0@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::InsuranceUsableFrom,
        "bd5141eb89d1d3c44dc8dda3@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::EligibilityCertificateExpires,
        "335b26af37459b41579b4950@shikaku",
    ),
    (
        "m-b",
        DeadlineKind::RefreshDocument,
        "df071610f11a2ad5cbe133d2@shikaku",
    ),
];

/// Two members whose deadlines cover every kind, a last-weekday lead and a stale PDF.
fn fixed_household() -> World {
    let mut a = member(
        "m-a",
        Facts {
            card_issued_on: Some(civil(2022, 3, 1)),
            moved_on: Some(civil(2026, 1, 2)),
            overseas_departure_on: Some(civil(2026, 9, 28)),
            insurer_registered_on: Some(civil(2026, 1, 9)),
            ..Facts::born_on(civil(1980, 10, 10))
        },
    );
    a.relationship = Relationship::Myself;
    a.eligibility_certificate_expires_on = Some(civil(2026, 9, 30));
    let b = member(
        "m-b",
        Facts {
            cert_expires_on: Some(civil(2026, 8, 20)),
            card_expires_on: Some(civil(2026, 12, 15)),
            moved_on: Some(civil(2025, 12, 20)),
            move_in_filed_on: Some(civil(2025, 12, 25)),
            ..Facts::born_on(civil(2015, 4, 2))
        },
    );
    let mut world = World::new(vec![a, b]);
    // The lead times the ids were recorded with (the card's defaults changed since).
    for lead in &mut world.settings.lead_times {
        match lead.kind {
            DeadlineKind::CardRenewalOpens => lead.days = vec![],
            DeadlineKind::CardExpires => lead.days = vec![90, 30],
            _ => {}
        }
    }
    world.documents.insert(
        "m-b".into(),
        DocumentTiming {
            imported_at: at(2025, 1, 10, 10),
            output_on: None,
            facts_changed_at: None,
        },
    );
    world
}

#[test]
fn reminder_ids_and_uids_stay_the_same_whatever_the_messages_say() {
    let world = fixed_household();
    let now = at(2026, 1, 5, 12);
    let built_in = world.plan(now, usize::MAX);
    let ids: Vec<&str> = built_in.reminders.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, FIXED_REMINDER_IDS);
    assert_eq!(
        built_in
            .reminders
            .iter()
            .take(4)
            .map(|r| r.notification_id)
            .collect::<Vec<_>>(),
        [1821120549, 759004635, 1453222731, 769249459]
    );
    // The other language: other deadline names, titles and bodies, the same ids.
    let texts = Texts::built_in();
    let other = plan(&world.input(now, texts.words(Locale::En)), usize::MAX);
    assert_ne!(other.reminders[0].title, built_in.reminders[0].title);
    assert_ne!(other.reminders[0].body, built_in.reminders[0].body);
    let other_ids: Vec<&str> = other.reminders.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(other_ids, FIXED_REMINDER_IDS);
    for (member_id, kind, uid) in FIXED_EVENT_UIDS {
        assert_eq!(ics::event_uid(member_id, kind), uid, "{member_id} {kind:?}");
    }
    let calendar = |locale: Locale| {
        ics::export_ics(
            &world.members,
            &world.settings,
            now,
            texts.words(locale),
            HolidayCalendar::embedded(),
            &ics::IcsOptions::default(),
        )
        .unwrap()
    };
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix("UID:"))
            .filter(|uid| uid.ends_with("@shikaku"))
            .map(str::to_owned)
            .collect()
    };
    let (before, after) = (calendar(Locale::Ja), calendar(Locale::En));
    assert_ne!(before, after);
    assert!(!uids(&before).is_empty());
    assert_eq!(uids(&before), uids(&after));
}

#[test]
fn delivered_and_past_reminders_stay_known_and_strangers_do_not() {
    let mut world = fixed_household();
    let now = at(2026, 1, 5, 12);
    let planned = world.plan(now, usize::MAX).reminders;
    let known = |world: &World, id: &str, now| {
        is_known_reminder(id, &world.input(now, Words::built_in(Locale::Ja)))
    };
    // Every planned reminder is known, and still is after it fired and left the plan.
    let first = &planned[0];
    assert!(known(&world, &first.id, now));
    let after_delivery = first.fire_at + chrono::Duration::minutes(5);
    assert!(
        !world
            .plan(after_delivery, usize::MAX)
            .reminders
            .iter()
            .any(|r| r.id == first.id)
    );
    assert!(known(&world, &first.id, after_delivery));
    // Weeks after its deadline, and once the step is done, too.
    assert!(known(&world, &first.id, at(2026, 3, 1, 12)));
    world.members[0].facts.move_in_filed_on = Some(civil(2026, 1, 6));
    assert!(known(&world, &first.id, at(2026, 3, 1, 12)));
    // A lead time the settings no longer use, and a delivered stale-document reminder.
    let old_lead = reminder_id(
        "m-a",
        DeadlineKind::CardExpires,
        civil(2031, 10, 10),
        days(120),
    );
    assert!(known(&world, &old_lead, now));
    let stale = planned
        .iter()
        .find(|r| r.kind == DeadlineKind::RefreshDocument)
        .unwrap();
    assert!(known(&world, &stale.id, at(2026, 1, 20, 12)));
    // Ids of no member's deadline, or of a removed member, are not.
    assert!(!known(&world, "0123456789abcdef01234567", now));
    assert!(!known(
        &world,
        &reminder_id("m-z", DeadlineKind::MoveInDue, civil(2026, 1, 16), days(7)),
        now
    ));
    world.members.remove(0);
    assert!(!known(&world, &first.id, now));
}
