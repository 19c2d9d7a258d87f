//! The household's evaluation and reminder plan for 8 members, every deadline of the
//! next ten years planned (no limit), and the calendar export of the same.
//! `scripts/bench.sh` runs this and writes docs/performance.md from the estimates.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashMap;
use std::hint::black_box;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use shikaku_core::household::{Household, Member, Relationship};
use shikaku_core::i18n::{Locale, Words};
use shikaku_core::reminders::ics::{IcsOptions, export_ics};
use shikaku_core::reminders::{DocumentTiming, PlanInput, ReminderSettings, ReminderState, plan};
use shikaku_core::rules::{Facts, HolidayCalendar};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Eight members with every kind of deadline somewhere in the household.
fn household() -> Vec<Member> {
    (0..8u32)
        .map(|i| {
            let mut facts = Facts::born_on(day(1950 + 9 * i as i32, 1 + i, 3 + 2 * i));
            facts.card_issued_on = Some(day(2019 + (i % 6) as i32, 1 + i, 10));
            match i {
                0 => facts.moved_on = Some(day(2026, 11, 10)),
                1 => facts.overseas_departure_on = Some(day(2027, 2, 1)),
                2 => facts.insurer_registered_on = Some(day(2026, 11, 20)),
                3 => {
                    facts.moved_on = Some(day(2026, 10, 1));
                    facts.move_in_filed_on = Some(day(2026, 10, 5));
                }
                4 => facts.residence_limit_on = Some(day(2028, 3, 31)),
                _ => {}
            }
            Member {
                id: format!("member-{i}"),
                display_name: format!("Member {i}"),
                name_as_printed: None,
                relationship: Relationship::Other,
                facts,
                eligibility_certificate_expires_on: (i == 5).then(|| day(2029, 11, 30)),
                holdings: Default::default(),
                insurance_fields: None,
                eligibility_certificate_issued_on: None,
                dependent_of: None,
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let members = household();
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 3, 0, 0)
        .single()
        .unwrap();
    let today = day(2026, 11, 21);
    let documents: HashMap<String, DocumentTiming> = members
        .iter()
        .map(|m| {
            let timing = DocumentTiming {
                imported_at: now - chrono::Duration::days(200),
                output_on: None,
                facts_changed_at: None,
            };
            (m.id.clone(), timing)
        })
        .collect();
    let settings = ReminderSettings::default();
    let state = ReminderState::default();
    let calendar = HolidayCalendar::embedded();
    let input = PlanInput {
        members: &members,
        documents: &documents,
        settings: &settings,
        state: &state,
        now,
        words: Words::built_in(Locale::Ja),
        calendar,
    };
    let planned = plan(&input, usize::MAX).reminders.len();
    assert!(planned >= 40, "the household plans {planned} reminders");

    let household = Household {
        members: members.clone(),
    };
    let mut group = c.benchmark_group("household_8");
    group.bench_function("dashboard", |b| {
        b.iter(|| black_box(household.evaluate(today).len()))
    });
    group.bench_function("reminder_plan", |b| {
        b.iter(|| black_box(plan(&input, usize::MAX).reminders.len()));
    });
    group.bench_function("reminder_plan_64", |b| {
        b.iter(|| black_box(plan(&input, 64).reminders.len()))
    });
    group.bench_function("ics_export", |b| {
        b.iter(|| {
            black_box(
                export_ics(
                    &members,
                    &settings,
                    now,
                    Words::built_in(Locale::Ja),
                    calendar,
                    &IcsOptions::default(),
                )
                .unwrap()
                .len(),
            )
        });
    });
    group.finish();
}

criterion_group!(reminder_benches, benches);
criterion_main!(reminder_benches);
