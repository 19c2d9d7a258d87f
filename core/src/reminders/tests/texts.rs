//! Every kind of reminder, rendered in Japanese and English, names only dates of its own
//! step (its deadline, the expiry a window leads to, an open day, the day a dependent's
//! status ends), each with its true weekday; the calendar's descriptions likewise. And
//! the birthdays of R13 and the one chain per expiry, as a member meets them.

use std::collections::BTreeSet;

use chrono::Datelike;

use super::*;
use crate::household::RelatedDates;
use crate::rules::era::parse_era_date;

/// Six members whose plan on 2026-06-01 holds every kind of reminder, both kinds of
/// last-weekday lead, closed-day deadlines and an estimated first usable day.
fn every_kind_household() -> World {
    let mut a = member(
        "a",
        facts(|f| {
            f.cert_expires_on = Some(civil(2026, 11, 20));
            f.card_expires_on = Some(civil(2027, 3, 3));
            // The 転入届 is due on Sat 20 June: met on Mon 22 June.
            f.moved_on = Some(civil(2026, 6, 6));
            // Apply by Sun 3 January; the last weekday is Mon 28 December.
            f.overseas_departure_on = Some(civil(2027, 1, 4));
            f.insurer_joined_on = Some(civil(2026, 6, 10));
        }),
    );
    a.eligibility_certificate_expires_on = Some(civil(2026, 12, 31));
    // A foreign resident whose card ends with the 在留期間 on Sun 3 January, who moved
    // within her city.
    let b = member(
        "b",
        Facts {
            foreign_national: true,
            card_issued_on: Some(civil(2025, 3, 3)),
            residence_limit_on: Some(civil(2027, 1, 3)),
            moved_on: Some(civil(2026, 6, 1)),
            moved_within_municipality: true,
            ..Facts::born_on(civil(1990, 5, 5))
        },
    );
    // Turns 75 on 10 December; 継続利用 due on Sun 23 August.
    let c = member(
        "c",
        Facts {
            moved_on: Some(civil(2026, 5, 20)),
            move_in_filed_on: Some(civil(2026, 5, 25)),
            ..Facts::born_on(civil(1951, 12, 10))
        },
    );
    // Turns 70 on 15 December (高齢受給者 from 1 January); a dependent of c.
    let mut d = member("d", Facts::born_on(civil(1956, 12, 15)));
    d.dependent_of = Some("c".into());
    // A child's 5-year card: the certificate ends with it.
    let e = member(
        "e",
        Facts {
            card_issued_on: Some(civil(2024, 2, 1)),
            ..Facts::born_on(civil(2012, 7, 7))
        },
    );
    let f = member(
        "f",
        facts(|f| f.insurer_registered_on = Some(civil(2026, 6, 10))),
    );
    let mut world = World::new(vec![a, b, c, d, e, f]);
    world.documents.insert(
        "a".into(),
        DocumentTiming {
            imported_at: at(2025, 5, 1, 10),
            output_on: None,
            facts_changed_at: None,
        },
    );
    world
}

const JA_WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const EN_WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday_name(day: NaiveDate, names: [&'static str; 7]) -> &'static str {
    names[day.weekday().num_days_from_monday() as usize]
}

/// Every 令和8年12月1日(火) in `text`: the date and the weekday written after it.
fn ja_dates(text: &str) -> Vec<(NaiveDate, String)> {
    let mut out = Vec::new();
    for (start, _) in text.char_indices() {
        let rest = &text[start..];
        if !["令和", "平成", "昭和", "大正"]
            .iter()
            .any(|era| rest.starts_with(era))
        {
            continue;
        }
        let Some(end) = rest.find('日') else {
            continue;
        };
        let written = &rest[..end + '日'.len_utf8()];
        let Ok(day) = parse_era_date(written) else {
            continue;
        };
        let weekday = rest[written.len()..]
            .strip_prefix('(')
            .and_then(|after| after.split_once(')'))
            .map(|(weekday, _)| weekday.to_owned())
            .unwrap_or_else(|| panic!("no weekday after {written}: {text}"));
        out.push((day, weekday));
    }
    out
}

/// Every "Tue 1 Dec 2026" in `text`: the date and the weekday written before it.
fn en_dates(text: &str) -> Vec<(NaiveDate, String)> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', ';', ':', ')']))
        .collect();
    words
        .windows(4)
        .filter_map(|w| {
            EN_WEEKDAYS.contains(&w[0]).then_some(())?;
            let month = EN_MONTHS.iter().position(|m| *m == w[2])? as u32 + 1;
            let day = NaiveDate::from_ymd_opt(w[3].parse().ok()?, month, w[1].parse().ok()?)
                .unwrap_or_else(|| panic!("not a date: {}", w.join(" ")));
            Some((day, w[0].to_owned()))
        })
        .collect()
}

/// Whether `text` writes a date as `YYYY-MM-DD`.
fn has_iso_date(text: &str) -> bool {
    let shape = b"dddd-dd-dd";
    text.as_bytes().windows(shape.len()).any(|w| {
        w.iter().zip(shape).all(|(b, s)| match s {
            b'd' => b.is_ascii_digit(),
            _ => b == s,
        })
    })
}

/// Every date `text` names, checked to be written with its true weekday.
fn dates_named(text: &str, locale: Locale) -> Vec<NaiveDate> {
    assert!(!has_iso_date(text), "a date written as an ISO date: {text}");
    let (found, names) = match locale {
        Locale::Ja => (ja_dates(text), JA_WEEKDAYS),
        Locale::En => (en_dates(text), EN_WEEKDAYS),
    };
    found
        .into_iter()
        .map(|(day, weekday)| {
            assert_eq!(
                weekday,
                weekday_name(day, names),
                "weekday of {day}: {text}"
            );
            day
        })
        .collect()
}

/// The dates a reminder's step speaks of, as the plan gives them.
fn plan_dates(deadline: NaiveDate, related: RelatedDates) -> BTreeSet<NaiveDate> {
    [
        Some(deadline),
        related.expires_on,
        related.next_open_day,
        related.last_open_day,
        related.dependent_status_ends_on,
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[test]
fn every_reminder_kind_names_only_its_own_dates_in_both_languages() {
    let world = every_kind_household();
    let now = at(2026, 6, 1, 12);
    let calendar = HolidayCalendar::embedded();
    for locale in Locale::ALL {
        let plan = plan(&world.input(now, Words::built_in(locale)), usize::MAX);
        let kinds: BTreeSet<DeadlineKind> = plan.reminders.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            DeadlineKind::ALL.into_iter().collect(),
            "every kind is planned"
        );
        let last_weekday_kinds: BTreeSet<DeadlineKind> = plan
            .reminders
            .iter()
            .filter(|r| r.lead == Lead::LastBusinessDay)
            .map(|r| r.kind)
            .collect();
        assert_eq!(
            last_weekday_kinds,
            [
                DeadlineKind::OverseasApplyBy,
                DeadlineKind::ResidencePeriodEnds
            ]
            .into()
        );
        for reminder in &plan.reminders {
            let allowed = plan_dates(reminder.deadline, reminder.related);
            let named = dates_named(&format!("{} {}", reminder.title, reminder.body), locale);
            for day in &named {
                assert!(
                    allowed.contains(day),
                    "{:?} names {day}, not one of {allowed:?}: {}",
                    reminder.kind,
                    reminder.body
                );
            }
            let must_name: Vec<NaiveDate> = match (reminder.kind, reminder.lead) {
                (DeadlineKind::RefreshDocument, _) => vec![],
                (_, Lead::LastBusinessDay) => {
                    let last = reminder.related.last_open_day.unwrap_or(reminder.deadline);
                    assert!(calendar.is_business_day(last), "{}", reminder.body);
                    vec![reminder.deadline, last]
                }
                (DeadlineKind::CertRenewalOpens | DeadlineKind::CardRenewalOpens, _) => {
                    let expires = reminder.related.expires_on.unwrap_or(reminder.deadline);
                    assert_ne!(expires, reminder.deadline);
                    vec![reminder.deadline, expires]
                }
                _ => std::iter::once(reminder.deadline)
                    .chain(reminder.related.expires_on)
                    .chain(reminder.related.next_open_day)
                    .chain(reminder.related.last_open_day)
                    .chain(reminder.related.dependent_status_ends_on)
                    .collect(),
            };
            for day in must_name {
                assert!(
                    named.contains(&day),
                    "{:?} does not name {day}: {}",
                    reminder.kind,
                    reminder.body
                );
            }
        }
        // The calendar's descriptions name only dates of their event's step.
        let ics = ics::export_ics(
            &world.members,
            &world.settings,
            now,
            Words::built_in(locale),
            calendar,
            &ics::IcsOptions::default(),
        )
        .unwrap();
        let unfolded = ics
            .replace("\r\n ", "")
            .replace("\\,", ",")
            .replace("\\;", ";");
        let mut events = 0;
        for event in unfolded.split("BEGIN:VEVENT").skip(1) {
            let field = |name: &str| {
                event
                    .lines()
                    .find_map(|l| l.strip_prefix(name))
                    .unwrap_or_else(|| panic!("{name} in {event}"))
                    .to_owned()
            };
            let start = NaiveDate::parse_from_str(&field("DTSTART;VALUE=DATE:"), "%Y%m%d").unwrap();
            let kind = field("X-SHIKAKU-KIND:");
            let step_dates: BTreeSet<NaiveDate> = plan
                .reminders
                .iter()
                .filter(|r| r.kind.stable_name() == kind && r.deadline == start)
                .flat_map(|r| plan_dates(r.deadline, r.related))
                .chain([start])
                .collect();
            for day in dates_named(&field("DESCRIPTION:"), locale) {
                assert!(
                    step_dates.contains(&day),
                    "{kind} event names {day}: {event}"
                );
            }
            events += 1;
        }
        assert!(events >= DeadlineKind::ALL.len() - 1, "{events} events");
    }
}

#[test]
fn the_two_texts_that_named_wrong_dates_name_the_right_ones() {
    let world = every_kind_household();
    let now = at(2026, 6, 1, 12);
    let one = |locale: Locale, kind: DeadlineKind, lead: Lead| {
        plan(&world.input(now, Words::built_in(locale)), usize::MAX)
            .reminders
            .into_iter()
            .find(|r| r.member_id == "a" && r.kind == kind && r.lead == lead)
            .unwrap_or_else(|| panic!("{kind:?} {lead:?}"))
            .body
    };
    // Renewal opens on 21 August; the certificate expires on 20 November.
    let en = one(Locale::En, DeadlineKind::CertRenewalOpens, days(0));
    assert!(en.contains("expires on Fri 20 Nov 2026"), "{en}");
    assert!(en.contains("From Fri 21 Aug 2026"), "{en}");
    let ja = one(Locale::Ja, DeadlineKind::CertRenewalOpens, days(0));
    assert!(ja.contains("有効期限は令和8年11月20日(金)です"), "{ja}");
    let en = one(Locale::En, DeadlineKind::CardRenewalOpens, days(0));
    assert!(en.contains("expires on Wed 3 Mar 2027"), "{en}");
    // Departure Mon 4 January: apply by Sun 3 January; the last weekday is Mon 28
    // December, not the Sunday.
    let en = one(
        Locale::En,
        DeadlineKind::OverseasApplyBy,
        Lead::LastBusinessDay,
    );
    assert!(
        en.contains("the last weekday to apply is Mon 28 Dec 2026"),
        "{en}"
    );
    let ja = one(
        Locale::Ja,
        DeadlineKind::OverseasApplyBy,
        Lead::LastBusinessDay,
    );
    assert!(ja.contains("最後の平日は令和8年12月28日(月)です"), "{ja}");
    // A move-in notice due on a Saturday names the next open day.
    let ja = one(Locale::Ja, DeadlineKind::MoveInDue, days(7));
    assert!(
        ja.contains("令和8年6月20日(土)") && ja.contains("令和8年6月22日(月)"),
        "{ja}"
    );
}

#[test]
fn the_seventieth_and_seventy_fifth_birthdays_have_events_and_reminders_on_their_day() {
    let world = every_kind_household();
    let now = at(2026, 6, 1, 12);
    let reminders = world.plan(now, usize::MAX).reminders;
    let fires_on = |member: &str, kind: DeadlineKind, day: NaiveDate| {
        reminders.iter().any(|r| {
            r.member_id == member
                && r.kind == kind
                && r.deadline == day
                && r.fire_at.with_timezone(&japan_offset()).date_naive() == day
        })
    };
    // Born 1951-12-10: 後期高齢者医療 from the 75th birthday.
    assert!(fires_on(
        "c",
        DeadlineKind::LateStageElderlyFrom,
        civil(2026, 12, 10)
    ));
    // Born 1956-12-15: 高齢受給者 from 1 January 2027.
    assert!(fires_on(
        "d",
        DeadlineKind::ElderlyCopayFrom,
        civil(2027, 1, 1)
    ));
    let ics = ics::export_ics(
        &world.members,
        &world.settings,
        now,
        Words::built_in(Locale::Ja),
        HolidayCalendar::embedded(),
        &ics::IcsOptions::default(),
    )
    .unwrap();
    for (member, kind, day) in [
        ("c", DeadlineKind::LateStageElderlyFrom, "20261210"),
        ("d", DeadlineKind::ElderlyCopayFrom, "20270101"),
    ] {
        let uid = ics::event_uid(member, kind);
        let event = ics
            .split("BEGIN:VEVENT")
            .find(|e| e.contains(&uid))
            .unwrap_or_else(|| panic!("no event for {member} {kind:?}"));
        assert!(
            event.contains(&format!("DTSTART;VALUE=DATE:{day}")),
            "{event}"
        );
    }
    // The stored PDF of someone turning 75 goes stale on the birthday.
    let mut stale_world = World::new(vec![world.members[2].clone()]);
    stale_world.documents.insert(
        "c".into(),
        DocumentTiming {
            imported_at: at(2026, 11, 1, 10),
            output_on: None,
            facts_changed_at: None,
        },
    );
    assert_eq!(
        stale_world.of_kind(at(2026, 11, 2, 12), DeadlineKind::RefreshDocument),
        [(civil(2026, 12, 10), days(0))]
    );
}

#[test]
fn the_dependent_of_a_member_turning_75_joins_national_health_insurance_in_14_days() {
    let world = every_kind_household();
    let now = at(2026, 6, 1, 12);
    let steps = |world: &World| -> Vec<(NaiveDate, RelatedDates)> {
        world
            .plan(now, usize::MAX)
            .reminders
            .into_iter()
            .filter(|r| r.member_id == "d" && r.kind == DeadlineKind::JoinOtherInsuranceDue)
            .map(|r| (r.deadline, r.related))
            .collect()
    };
    let linked = steps(&world);
    assert!(!linked.is_empty());
    for (deadline, related) in linked {
        assert_eq!(deadline, civil(2026, 12, 24));
        assert_eq!(related.dependent_status_ends_on, Some(civil(2026, 12, 10)));
    }
    // Without the link, or once the dependent joined another insurance, no step.
    let mut unlinked = every_kind_household();
    unlinked.members[3].dependent_of = None;
    assert!(steps(&unlinked).is_empty());
    let mut joined = every_kind_household();
    joined.members[3].facts.insurer_registered_on = Some(civil(2026, 12, 15));
    assert!(steps(&joined).is_empty());
}

#[test]
fn a_card_that_ends_with_its_certificate_has_one_chain_of_reminders() {
    let world = every_kind_household();
    let reminders = world.plan(at(2026, 6, 1, 12), usize::MAX).reminders;
    let kinds_of = |member: &str| -> BTreeSet<DeadlineKind> {
        reminders
            .iter()
            .filter(|r| r.member_id == member)
            .map(|r| r.kind)
            .collect()
    };
    use DeadlineKind as K;
    // The child's card and certificate end on 2028-07-07: a new card, never a renewal.
    let child = kinds_of("e");
    assert!(child.contains(&K::CardRenewalOpens) && child.contains(&K::CardExpires));
    assert!(!child.contains(&K::CertRenewalOpens) && !child.contains(&K::CertExpires));
    let by_day: Vec<NaiveDate> = reminders
        .iter()
        .filter(|r| r.member_id == "e" && r.kind != K::GraceEnds)
        .map(|r| r.fire_at.with_timezone(&japan_offset()).date_naive())
        .collect();
    let distinct: BTreeSet<&NaiveDate> = by_day.iter().collect();
    assert_eq!(distinct.len(), by_day.len(), "two reminders on one day");
    // Its grace is ended by a new card, not by a renewed certificate.
    let grace = reminders
        .iter()
        .find(|r| r.member_id == "e" && r.kind == K::GraceEnds)
        .unwrap();
    assert_eq!(grace.related.expires_on, Some(civil(2028, 7, 7)));
    assert!(grace.body.contains("新しいカード"), "{}", grace.body);
    // The foreign resident's card ends with the 在留期間: change its validity, no card
    // or certificate renewal.
    let resident = kinds_of("b");
    assert!(resident.contains(&K::ResidencePeriodEnds));
    for kind in [
        K::CardRenewalOpens,
        K::CardExpires,
        K::CertRenewalOpens,
        K::CertExpires,
        K::OverseasApplyBy,
    ] {
        assert!(!resident.contains(&kind), "{kind:?}");
    }
    // A foreign national leaving Japan is never asked to apply for 国外継続利用.
    let mut leaving = every_kind_household();
    leaving.members[1].facts.overseas_departure_on = Some(civil(2026, 9, 1));
    assert!(
        !leaving
            .plan(at(2026, 6, 1, 12), usize::MAX)
            .reminders
            .iter()
            .any(|r| r.member_id == "b" && r.kind == K::OverseasApplyBy)
    );
}
