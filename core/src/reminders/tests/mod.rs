//! The plan, acknowledgements, snoozes and the calendar export, tested together on small
//! households; [`stable_ids`]: ids and UIDs that never change, and the ids the core
//! knows after delivery; [`texts`]: every kind's text names its own dates, the birthdays
//! of R13 and one chain per expiry.

mod stable_ids;
mod texts;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::clock::japan_offset;
use crate::household::{DeadlineKind, Member, Relationship};
use crate::i18n::{Locale, Words};
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
        name_as_printed: None,
        relationship: Relationship::Child,
        facts,
        eligibility_certificate_expires_on: None,
        holdings: Default::default(),
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: None,
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

    /// What a plan is made from at `now`, worded by `words`.
    fn input<'a>(&'a self, now: DateTime<Utc>, words: Words<'a>) -> PlanInput<'a> {
        PlanInput {
            members: &self.members,
            documents: &self.documents,
            settings: &self.settings,
            state: &self.state,
            now,
            words,
            calendar: HolidayCalendar::embedded(),
        }
    }

    fn plan(&self, now: DateTime<Utc>, limit: usize) -> ReminderPlan {
        plan(&self.input(now, Words::built_in(Locale::Ja)), limit)
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
    // The card expires years after the certificate: its own chain, a month's lead.
    assert_eq!(
        a(K::CardExpires),
        [
            (civil(2030, 4, 16), days(60)),
            (civil(2030, 5, 11), days(35))
        ]
    );
    assert_eq!(a(K::CardRenewalOpens), [(civil(2030, 3, 16), days(0))]);
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
            output_on: None,
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
