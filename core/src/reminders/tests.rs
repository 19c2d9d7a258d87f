//! The plan, its stable ids, acknowledgements, snoozes and the calendar export, tested
//! together on small households.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::clock::japan_offset;
use crate::household::{DeadlineKind, Member, Relationship};
use crate::i18n::{Locale, Texts, Words};
use crate::rules::Facts;
use crate::rules::HolidayCalendar;
use crate::rules::dates::civil;

fn at(y: i32, m: u32, d: u32, hour: u32) -> DateTime<Utc> {
    japan_offset()
        .with_ymd_and_hms(y, m, d, hour, 0, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn member(id: &str, facts: Facts) -> Member {
    Member {
        id: id.to_owned(),
        display_name: id.to_owned(),
        relationship: Relationship::Child,
        facts,
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
    }
}

fn facts(f: impl FnOnce(&mut Facts)) -> Facts {
    let mut facts = Facts::born_on(civil(1990, 6, 15));
    f(&mut facts);
    facts
}

struct World {
    members: Vec<Member>,
    documents: HashMap<String, DocumentTiming>,
    settings: ReminderSettings,
    state: ReminderState,
}

impl World {
    fn new(members: Vec<Member>) -> Self {
        World {
            members,
            documents: HashMap::new(),
            settings: ReminderSettings::default(),
            state: ReminderState::default(),
        }
    }

    fn plan(&self, now: DateTime<Utc>, limit: usize) -> ReminderPlan {
        plan(
            &PlanInput {
                members: &self.members,
                documents: &self.documents,
                settings: &self.settings,
                state: &self.state,
                now,
                words: Words::built_in(Locale::Ja),
                calendar: HolidayCalendar::embedded(),
            },
            limit,
        )
    }

    fn of_kind(&self, now: DateTime<Utc>, kind: DeadlineKind) -> Vec<(NaiveDate, Lead)> {
        self.plan(now, usize::MAX)
            .reminders
            .into_iter()
            .filter(|r| r.kind == kind)
            .map(|r| {
                (
                    r.fire_at.with_timezone(&japan_offset()).date_naive(),
                    r.lead,
                )
            })
            .collect()
    }
}

fn days(d: u32) -> Lead {
    Lead::DaysBefore { days: d }
}

#[test]
fn every_kind_fires_at_its_lead_times_at_nine_in_tokyo() {
    let now = at(2026, 1, 5, 12);
    let mut m = member(
        "a",
        facts(|f| {
            f.cert_expires_on = Some(civil(2026, 8, 20));
            f.card_expires_on = Some(civil(2030, 6, 15));
            f.moved_on = Some(civil(2026, 1, 2));
            f.overseas_departure_on = Some(civil(2026, 5, 5));
            f.insurer_registered_on = Some(civil(2026, 1, 9));
        }),
    );
    m.eligibility_certificate_expires_on = Some(civil(2026, 9, 30));
    let mut filed = m.clone();
    filed.id = "b".into();
    filed.facts.move_in_filed_on = Some(civil(2026, 1, 5));
    let world = World::new(vec![m, filed]);
    use DeadlineKind as K;
    let a = |kind| {
        world
            .plan(now, usize::MAX)
            .reminders
            .into_iter()
            .filter(|r| r.kind == kind && r.member_id == "a")
            .map(|r| {
                (
                    r.fire_at.with_timezone(&japan_offset()).date_naive(),
                    r.lead,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(a(K::CertRenewalOpens), [(civil(2026, 5, 21), days(0))]);
    assert_eq!(
        a(K::CertExpires),
        [
            (civil(2026, 7, 21), days(30)),
            (civil(2026, 8, 13), days(7))
        ]
    );
    assert_eq!(
        a(K::GraceEnds),
        [
            (civil(2026, 10, 31), days(30)),
            (civil(2026, 11, 23), days(7)),
            (civil(2026, 11, 29), days(1))
        ]
    );
    assert_eq!(
        a(K::CardExpires),
        [
            (civil(2030, 3, 17), days(90)),
            (civil(2030, 5, 16), days(30))
        ]
    );
    assert_eq!(a(K::CardRenewalOpens), []);
    assert_eq!(
        a(K::MoveInDue),
        [
            (civil(2026, 1, 9), days(7)),
            (civil(2026, 1, 13), days(3)),
            (civil(2026, 1, 15), days(1))
        ]
    );
    // Departure Tue 5 May: apply by Mon 4 May (a holiday); the last weekday is Fri 1 May.
    assert_eq!(
        a(K::OverseasApplyBy),
        [
            (civil(2026, 4, 20), days(14)),
            (civil(2026, 5, 1), days(3)),
            (civil(2026, 5, 3), days(1)),
        ]
    );
    // Registered Fri 9 Jan; Mon 12 Jan is 成人の日: Tue 13th, then Wed 14th (翌々営業日).
    assert_eq!(a(K::InsuranceUsableFrom), [(civil(2026, 1, 14), days(0))]);
    assert_eq!(
        a(K::EligibilityCertificateExpires),
        [
            (civil(2026, 8, 1), days(60)),
            (civil(2026, 9, 16), days(14))
        ]
    );
    // Member b filed the 転入届: 継続利用 90 days on, no move-in reminders.
    let b: Vec<_> = world
        .plan(now, usize::MAX)
        .reminders
        .into_iter()
        .filter(|r| r.member_id == "b")
        .map(|r| (r.kind, r.deadline))
        .collect();
    assert!(!b.iter().any(|(k, _)| *k == K::MoveInDue));
    assert!(b.contains(&(K::ContinuedUseDue, civil(2026, 4, 5))));
    let first = world.plan(now, 1).reminders.remove(0);
    assert_eq!(first.fire_at, at(2026, 1, 9, 9));
    assert_eq!(first.title, "aさん：転入届の期限（あと7日）");
    assert!(first.body.contains("令和8年1月16日(金)"), "{}", first.body);
    assert_eq!(first.screen, Screen::Guidance);
}

#[test]
fn a_last_weekday_distinct_from_every_lead_gets_its_own_reminder() {
    // Departure Mon 2026-09-28: apply by Sun 27th; the last weekday is Fri 25th
    // (3 days before falls on Thu 24th, 1 day before on Sat 26th).
    let world = World::new(vec![member(
        "a",
        facts(|f| f.overseas_departure_on = Some(civil(2026, 9, 28))),
    )]);
    let got = world.of_kind(at(2026, 9, 1, 12), DeadlineKind::OverseasApplyBy);
    assert_eq!(
        got,
        [
            (civil(2026, 9, 13), days(14)),
            (civil(2026, 9, 24), days(3)),
            (civil(2026, 9, 25), Lead::LastBusinessDay),
            (civil(2026, 9, 26), days(1)),
        ]
    );
}

#[test]
fn lead_times_on_past_dates_and_passed_deadlines_give_no_reminder() {
    let world = World::new(vec![member(
        "a",
        facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
    )]);
    // Due 2026-01-16: on the 13th at noon the 7- and 3-day reminders are past.
    assert_eq!(
        world.of_kind(at(2026, 1, 13, 12), DeadlineKind::MoveInDue),
        [(civil(2026, 1, 15), days(1))]
    );
    // At 08:00 on the 13th the 3-day one has not fired yet.
    assert_eq!(
        world
            .of_kind(at(2026, 1, 13, 8), DeadlineKind::MoveInDue)
            .len(),
        2
    );
    // After the deadline: nothing (the dashboard lists it as overdue).
    assert_eq!(
        world.of_kind(at(2026, 1, 17, 12), DeadlineKind::MoveInDue),
        []
    );
}

#[test]
fn the_limit_keeps_the_earliest_and_cuts_chains_after_their_earliest_reminders() {
    let members: Vec<Member> = (0..40)
        .map(|i| {
            member(
                &format!("m{i:02}"),
                facts(|f| {
                    f.card_issued_on = Some(civil(2022, 1 + (i % 12), 1 + (i % 27)));
                    f.moved_on = Some(civil(2026, 1, 1 + (i % 20)));
                }),
            )
        })
        .collect();
    let world = World::new(members);
    let now = at(2026, 1, 1, 12);
    let all = world.plan(now, usize::MAX);
    let limited = world.plan(now, 64);
    assert!(all.reminders.len() > 64);
    assert_eq!(limited.reminders.len(), 64);
    assert_eq!(limited.omitted as usize, all.reminders.len() - 64);
    assert_eq!(limited.reminders, all.reminders[..64]);
    assert_eq!(
        limited.replan_at,
        limited.reminders.last().map(|r| r.fire_at)
    );
    assert!(
        limited
            .reminders
            .windows(2)
            .all(|w| w[0].fire_at <= w[1].fire_at)
    );
    // Each deadline keeps a prefix of its chain: nothing kept fires after one cut.
    let cut = limited.reminders.last().unwrap().fire_at;
    for r in &all.reminders[64..] {
        assert!(r.fire_at >= cut);
    }
    assert_eq!(world.plan(now, usize::MAX).replan_at, None);
}

#[test]
fn ids_are_stable_across_runs_and_unrelated_edits() {
    let a = member("a", facts(|f| f.card_issued_on = Some(civil(2024, 3, 1))));
    let b = member("b", facts(|f| f.moved_on = Some(civil(2026, 1, 2))));
    let mut world = World::new(vec![a.clone(), b]);
    let now = at(2026, 1, 5, 12);
    let ids_of = |plan: &ReminderPlan, id: &str| -> BTreeSet<String> {
        plan.reminders
            .iter()
            .filter(|r| r.member_id == id)
            .map(|r| r.id.clone())
            .collect()
    };
    let first = world.plan(now, usize::MAX);
    assert_eq!(first, world.plan(now, usize::MAX));
    // A day later: the same reminders keep their ids (fewer may remain).
    let later = world.plan(at(2026, 1, 10, 12), usize::MAX);
    assert!(ids_of(&later, "a").is_subset(&ids_of(&first, "a")));
    assert!(ids_of(&later, "b").is_subset(&ids_of(&first, "b")));
    // Editing b, or an unrelated fact of a, leaves a's certificate reminders alone.
    world.members[1].facts.move_in_filed_on = Some(civil(2026, 1, 6));
    world.members[0].facts.insurer_registered_on = Some(civil(2026, 1, 7));
    let edited = world.plan(now, usize::MAX);
    let cert_ids = |plan: &ReminderPlan| -> BTreeSet<String> {
        plan.reminders
            .iter()
            .filter(|r| r.member_id == "a" && r.kind != DeadlineKind::InsuranceUsableFrom)
            .map(|r| r.id.clone())
            .collect()
    };
    assert_eq!(cert_ids(&edited), cert_ids(&first));
    assert_ne!(ids_of(&edited, "b"), ids_of(&first, "b"));
    // A new certificate date is a new deadline: new ids for the certificate's chain.
    world.members[0] = a;
    world.members[0].facts.cert_issued_on = Some(civil(2025, 1, 1));
    let certificate_ids = |plan: &ReminderPlan| -> BTreeSet<String> {
        plan.reminders
            .iter()
            .filter(|r| {
                matches!(
                    r.kind,
                    DeadlineKind::CertExpires
                        | DeadlineKind::CertRenewalOpens
                        | DeadlineKind::GraceEnds
                )
            })
            .map(|r| r.id.clone())
            .collect()
    };
    let renewed = certificate_ids(&world.plan(now, usize::MAX));
    assert!(!renewed.is_empty());
    assert!(renewed.is_disjoint(&certificate_ids(&first)));
}

#[test]
fn acknowledged_reminders_never_return_and_snoozed_ones_move() {
    let mut world = World::new(vec![member(
        "a",
        facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
    )]);
    let now = at(2026, 1, 5, 12);
    let first = world.plan(now, usize::MAX).reminders;
    world.state.acknowledged.insert(first[0].id.clone());
    let after_ack = world.plan(now, usize::MAX).reminders;
    assert_eq!(after_ack.len(), first.len() - 1);
    assert!(!after_ack.iter().any(|r| r.id == first[0].id));
    assert!(
        !world
            .plan(at(2026, 1, 8, 12), usize::MAX)
            .reminders
            .iter()
            .any(|r| r.id == first[0].id)
    );

    let until = at(2026, 1, 14, 23); // inside quiet hours: moved to 08:00 next day
    world.state.snoozed_until.insert(first[1].id.clone(), until);
    let snoozed = world
        .plan(now, usize::MAX)
        .reminders
        .into_iter()
        .find(|r| r.id == first[1].id)
        .unwrap();
    assert!(snoozed.snoozed);
    assert_eq!(snoozed.fire_at, at(2026, 1, 15, 8));
}

#[test]
fn quiet_hours_move_the_fire_time() {
    let mut world = World::new(vec![member(
        "a",
        facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
    )]);
    world.settings.time_of_day = LocalTime {
        hour: 7,
        minute: 30,
    };
    world.settings.quiet_hours = Some(QuietHours {
        start: LocalTime {
            hour: 22,
            minute: 0,
        },
        end: LocalTime {
            hour: 8,
            minute: 15,
        },
    });
    let r = world.plan(at(2026, 1, 5, 12), 1).reminders.remove(0);
    assert_eq!(
        r.fire_at
            .with_timezone(&japan_offset())
            .format("%H:%M")
            .to_string(),
        "08:15"
    );
    assert!(
        world.settings.validate().is_err(),
        "07:30 is inside the quiet hours"
    );
    world.settings.time_of_day = LocalTime {
        hour: 12,
        minute: 0,
    };
    assert!(world.settings.validate().is_ok());
    world.settings.time_of_day = LocalTime {
        hour: 24,
        minute: 0,
    };
    assert!(world.settings.validate().is_err());
}

#[test]
fn disabled_kinds_and_custom_leads() {
    let mut world = World::new(vec![member(
        "a",
        facts(|f| f.moved_on = Some(civil(2026, 1, 2))),
    )]);
    let now = at(2026, 1, 5, 12);
    world
        .settings
        .lead_times
        .retain(|l| l.kind != DeadlineKind::MoveInDue);
    world.settings.lead_times.push(LeadTimes {
        kind: DeadlineKind::MoveInDue,
        days: vec![2],
        enabled: true,
    });
    assert_eq!(
        world.of_kind(now, DeadlineKind::MoveInDue),
        [(civil(2026, 1, 14), days(2))]
    );
    world.settings.lead_times.last_mut().unwrap().enabled = false;
    assert_eq!(world.of_kind(now, DeadlineKind::MoveInDue), []);
}

#[test]
fn a_stale_document_is_reminded_once_a_month() {
    let mut world = World::new(vec![member("a", Facts::born_on(civil(1990, 6, 15)))]);
    world.documents.insert(
        "a".into(),
        DocumentTiming {
            imported_at: at(2025, 1, 10, 10),
            facts_changed_at: None,
        },
    );
    // Fresh until 2026-01-10 10:00; the first slot after is 2026-01-11 09:00.
    assert_eq!(
        world.of_kind(at(2025, 6, 1, 12), DeadlineKind::RefreshDocument),
        [(civil(2026, 1, 11), days(0))]
    );
    // Later: the next monthly occurrence, one at a time.
    assert_eq!(
        world.of_kind(at(2026, 1, 11, 12), DeadlineKind::RefreshDocument),
        [(civil(2026, 2, 11), days(0))]
    );
    // Facts changed after the import: stale from then.
    world.documents.get_mut("a").unwrap().facts_changed_at = Some(at(2025, 3, 3, 20));
    assert_eq!(
        world.of_kind(at(2025, 3, 3, 21), DeadlineKind::RefreshDocument),
        [(civil(2025, 3, 4), days(0))]
    );
    let r = world.plan(at(2025, 3, 3, 21), 1).reminders.remove(0);
    assert_eq!((r.screen, r.severity), (Screen::Documents, Severity::Info));
}

#[test]
fn the_grace_end_is_planned_before_the_certificate_expires() {
    let world = World::new(vec![member(
        "a",
        facts(|f| f.cert_expires_on = Some(civil(2026, 3, 10))),
    )]);
    let got = world.of_kind(at(2026, 1, 5, 12), DeadlineKind::GraceEnds);
    // Expiry in March: the grace ends on 30 June; 30 days before is 31 May.
    assert_eq!(got.first(), Some(&(civil(2026, 5, 31), days(30))));
}

#[test]
fn ics_has_one_event_per_deadline_with_alarms_and_no_names_unless_asked() {
    let mut m = member("a", facts(|f| f.moved_on = Some(civil(2026, 1, 2))));
    m.display_name = "秘密 花子".into();
    let members = vec![
        m,
        member("b", facts(|f| f.cert_expires_on = Some(civil(2027, 1, 20)))),
    ];
    let settings = ReminderSettings::default();
    let now = at(2026, 1, 5, 12);
    let export = |options: &ics::IcsOptions| {
        ics::export_ics(
            &members,
            &settings,
            now,
            Words::built_in(Locale::Ja),
            HolidayCalendar::embedded(),
            options,
        )
        .unwrap()
    };
    let all = export(&ics::IcsOptions::default());
    assert!(!all.contains("秘密"), "{all}");
    assert!(all.contains("DTSTART;VALUE=DATE:20260116"), "{all}");
    assert!(all.contains("DTEND;VALUE=DATE:20260117"), "{all}");
    assert!(all.contains("X-SHIKAKU-KIND:move_in_due"));
    assert!(all.contains(&format!(
        "UID:{}",
        ics::event_uid("a", DeadlineKind::MoveInDue)
    )));
    // a: the move-in notice; b: renewal opens, expiry, end of grace.
    assert_eq!(all.matches("BEGIN:VEVENT").count(), 1 + 3, "{all}");
    // 7 days before at 09:00 = 6 days 15 hours before the day starts.
    assert!(all.contains("TRIGGER:-PT572400S"), "{all}");
    let named = export(&ics::IcsOptions {
        member_id: Some("a".into()),
        include_names: true,
    });
    assert!(named.contains("秘密 花子"));
    assert!(!named.contains("X-SHIKAKU-KIND:cert_expires"));
    let missing = ics::export_ics(
        &members,
        &settings,
        now,
        Words::built_in(Locale::Ja),
        HolidayCalendar::embedded(),
        &ics::IcsOptions {
            member_id: Some("zz".into()),
            include_names: false,
        },
    );
    assert!(missing.is_err());
}

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
    world.documents.insert(
        "m-b".into(),
        DocumentTiming {
            imported_at: at(2025, 1, 10, 10),
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
    // Content that rewords the deadline names, the title and a body: other texts, the
    // same ids.
    let reworded = Texts::with_overrides(
        Some(
            "deadline-move_in_due = 転入届の提出期限\n\
             reminder-title = { $what }：{ $name }さん（{ $when }）\n\
             reminder-body-move_in_due = { $date }が期限です。",
        ),
        None,
    );
    let plan_with = |texts: &Texts| {
        plan(
            &PlanInput {
                members: &world.members,
                documents: &world.documents,
                settings: &world.settings,
                state: &world.state,
                now,
                words: texts.words(Locale::Ja),
                calendar: HolidayCalendar::embedded(),
            },
            usize::MAX,
        )
    };
    let other = plan_with(&reworded);
    assert_ne!(other.reminders[0].title, built_in.reminders[0].title);
    assert_ne!(other.reminders[0].body, built_in.reminders[0].body);
    let other_ids: Vec<&str> = other.reminders.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(other_ids, FIXED_REMINDER_IDS);
    for (member_id, kind, uid) in FIXED_EVENT_UIDS {
        assert_eq!(ics::event_uid(member_id, kind), uid, "{member_id} {kind:?}");
    }
    let calendar = |texts: &Texts| {
        ics::export_ics(
            &world.members,
            &world.settings,
            now,
            texts.words(Locale::Ja),
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
    let (before, after) = (calendar(&Texts::built_in()), calendar(&reworded));
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
        is_known_reminder(
            id,
            &PlanInput {
                members: &world.members,
                documents: &world.documents,
                settings: &world.settings,
                state: &world.state,
                now,
                words: Words::built_in(Locale::Ja),
                calendar: HolidayCalendar::embedded(),
            },
        )
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
