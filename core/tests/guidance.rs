//! Guidance (R6, R8) over every combination of what a member holds, the flowchart's
//! paths, every situation, and the clinic card's promises.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use shikaku_core::content::InsurerDetails;
use shikaku_core::guidance::clinic::{ClinicWarningKind, clinic_card};
use shikaku_core::guidance::{
    FallbackWay, FlowNode, NeverAlone, PresentInput, PresentWay, Situation, situation_guide,
    walk_preparation, what_to_present, write_advice,
};
use shikaku_core::household::{CardCondition, Holdings, Member, Relationship, evaluate_member};
use shikaku_core::i18n::{Locale, Words};
use shikaku_core::rules::{CardState, Facts, HolidayCalendar};

const STATES: [CardState; 7] = [
    CardState::Valid,
    CardState::RenewalWindow,
    CardState::Grace,
    CardState::Expired,
    CardState::InvalidMoved,
    CardState::InvalidOverseas,
    CardState::Unknown,
];
const CONDITIONS: [CardCondition; 4] = [
    CardCondition::InHand,
    CardCondition::Lost,
    CardCondition::BeingRenewed,
    CardCondition::Returned,
];

/// Every combination of the holding flags, the card state, a stored record and a
/// 資格確認書 (none, valid, expired).
fn every_input() -> Vec<PresentInput> {
    let mut out = Vec::new();
    for bits in 0u32..(1 << 6) {
        let flag = |i: u32| bits & (1 << i) != 0;
        for condition in CONDITIONS {
            for card_state in STATES {
                for certificate in [None, Some(true), Some(false)] {
                    out.push(PresentInput {
                        holdings: Holdings {
                            has_card: flag(0),
                            card_condition: condition,
                            registered_for_insurance: flag(1),
                            has_smartphone: flag(2),
                            smartphone_insurance_card: flag(3),
                            carries_notice: flag(4),
                            needs_helper: false,
                            has_my_number: true,
                        },
                        card_state,
                        has_downloaded_record: flag(5),
                        eligibility_certificate_valid: certificate,
                    });
                }
            }
        }
    }
    out
}

/// The answer of R8, stated from the seeds: the card counts when it is held, in hand,
/// registered and its certificate valid or in grace (or not yet entered); a valid
/// 資格確認書 counts on its own; the PDF and the お知らせ only ever back the card up.
fn expected(input: &PresentInput) -> (Vec<PresentWay>, Vec<FallbackWay>) {
    let h = input.holdings;
    let card = h.has_card
        && h.card_condition == CardCondition::InHand
        && h.registered_for_insurance
        && !matches!(
            input.card_state,
            CardState::Expired | CardState::InvalidMoved | CardState::InvalidOverseas
        );
    let mut primary = Vec::new();
    let mut fallback = Vec::new();
    if card {
        primary.push(PresentWay::MynaCard);
        if h.has_smartphone && h.smartphone_insurance_card {
            primary.push(PresentWay::SmartphoneInsuranceCard);
        }
        if input.has_downloaded_record {
            fallback.push(FallbackWay::CardWithDownloadedRecord);
        }
        if h.carries_notice {
            fallback.push(FallbackWay::CardWithNotice);
        }
        fallback.push(FallbackWay::CardWithDeclarationForm);
    }
    if input.eligibility_certificate_valid == Some(true) {
        primary.push(PresentWay::EligibilityCertificate);
    }
    (primary, fallback)
}

#[test]
fn every_combination_of_holdings_gets_the_expected_answer() {
    let inputs = every_input();
    assert_eq!(inputs.len(), 64 * 4 * 7 * 3);
    for input in &inputs {
        let advice = what_to_present(input);
        let (primary, fallback) = expected(input);
        assert_eq!(advice.primary, primary, "{input:?}");
        assert_eq!(advice.fallback, fallback, "{input:?}");
        assert_eq!(
            advice.never_alone,
            [NeverAlone::DownloadedRecord, NeverAlone::Notice]
        );
        assert_eq!(advice.covered, !primary.is_empty(), "{input:?}");
        // The PDF or the お知らせ never stand alone as a way to present.
        for way in &advice.fallback {
            assert!(
                advice.primary.contains(&PresentWay::MynaCard),
                "{way:?} without the card"
            );
        }
        // Nobody is left without a way forward.
        if !advice.covered {
            assert!(!advice.to_do.is_empty(), "{input:?}");
        }
    }
}

#[test]
fn literal_rows_of_the_table() {
    use FallbackWay::*;
    use PresentWay::*;
    let base = Holdings::default();
    let row = |holdings: Holdings, state, record, certificate| {
        what_to_present(&PresentInput {
            holdings,
            card_state: state,
            has_downloaded_record: record,
            eligibility_certificate_valid: certificate,
        })
    };
    // Card and phone, record downloaded: card; fallback card + record, then 申立書.
    let a = row(base, CardState::Valid, true, None);
    assert_eq!(
        (a.primary, a.fallback),
        (
            vec![MynaCard],
            vec![CardWithDownloadedRecord, CardWithDeclarationForm]
        )
    );
    // Card, no phone, carries the お知らせ.
    let no_phone = Holdings {
        has_smartphone: false,
        carries_notice: true,
        ..base
    };
    let b = row(no_phone, CardState::Grace, false, None);
    assert_eq!(
        (b.primary, b.fallback),
        (
            vec![MynaCard],
            vec![CardWithNotice, CardWithDeclarationForm]
        )
    );
    // Expired past grace, 資格確認書 valid: only the 資格確認書.
    let c = row(base, CardState::Expired, true, Some(true));
    assert_eq!(
        (c.primary, c.fallback),
        (vec![EligibilityCertificate], vec![])
    );
    // Lost card, nothing else: not covered; suspend, reissue, apply.
    let lost = Holdings {
        card_condition: CardCondition::Lost,
        ..base
    };
    let d = row(lost, CardState::Valid, true, None);
    assert!(!d.covered);
    assert!(
        d.to_do
            .contains(&shikaku_core::guidance::Preparation::SuspendAndReissueCard)
    );
    assert!(
        d.to_do
            .contains(&shikaku_core::guidance::Preparation::ApplyForEligibilityCertificate)
    );
    // スマホ保険証 set up: both ways.
    let phone = Holdings {
        smartphone_insurance_card: true,
        ..base
    };
    assert_eq!(
        row(phone, CardState::Valid, true, None).primary,
        vec![MynaCard, SmartphoneInsuranceCard]
    );
}

fn no_untranslated(texts: &[String]) {
    for t in texts {
        let looks_like_id = !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_' || c.is_ascii_digit());
        assert!(!looks_like_id, "a message is missing: {t}");
        assert!(!t.contains('{'), "an unfilled placeable: {t}");
    }
}

#[test]
fn every_advice_is_written_in_both_languages() {
    let insurer = InsurerDetails::embedded();
    for input in every_input().iter().step_by(7) {
        for locale in Locale::ALL {
            let written = write_advice(input, Words::built_in(locale), &insurer);
            no_untranslated(&written.primary);
            no_untranslated(&written.fallback);
            no_untranslated(&written.never_alone);
            no_untranslated(&written.to_do);
            no_untranslated(&written.eligibility_reasons);
            assert_eq!(written.primary.len(), written.advice.primary.len());
        }
    }
}

#[test]
fn the_flowchart_has_three_outcomes_and_refuses_extra_answers() {
    let insurer = InsurerDetails::embedded();
    for locale in Locale::ALL {
        let start = walk_preparation(&[], Words::built_in(locale), &insurer).unwrap();
        assert_eq!(start.node, FlowNode::CardAndSmartphone);
        assert!(start.question.is_some() && !start.finished);
        let paths: [(&[bool], FlowNode); 3] = [
            (&[true], FlowNode::DownloadRecord),
            (&[false, true], FlowNode::CarryNotice),
            (&[false, false], FlowNode::NoCard),
        ];
        for (answers, outcome) in paths {
            let step = walk_preparation(answers, Words::built_in(locale), &insurer).unwrap();
            assert_eq!(step.node, outcome);
            assert!(step.finished && step.question.is_none());
            assert!(step.steps.len() >= 3);
            no_untranslated(&step.steps);
            let mut more = answers.to_vec();
            more.push(true);
            assert!(walk_preparation(&more, Words::built_in(locale), &insurer).is_err());
        }
    }
    let download = walk_preparation(&[true], Words::built_in(Locale::Ja), &insurer).unwrap();
    let all = download.steps.join("");
    for part in ["マイナポータル", "健康保険証", "端末に保存"] {
        assert!(all.contains(part), "the download path names {part}");
    }
}

fn member(f: impl FnOnce(&mut Facts), holdings: Holdings) -> Member {
    let mut facts = Facts::born_on(NaiveDate::from_ymd_opt(1990, 6, 15).unwrap());
    f(&mut facts);
    Member {
        id: "m".into(),
        display_name: "山田 さくら".into(),
        name_as_printed: None,
        relationship: Relationship::Child,
        facts,
        eligibility_certificate_expires_on: None,
        holdings,
        insurance_fields: None,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_situation_is_written_with_the_members_dates() {
    let insurer = InsurerDetails::embedded();
    let m = member(
        |f| {
            f.cert_expires_on = Some(day(2026, 10, 31));
            f.moved_on = Some(day(2026, 11, 15));
            f.overseas_departure_on = Some(day(2027, 1, 4));
            f.insurer_registered_on = Some(day(2026, 11, 20));
        },
        Holdings {
            card_condition: CardCondition::Lost,
            ..Holdings::default()
        },
    );
    let today = day(2026, 11, 21);
    let status = evaluate_member(&m, today, HolidayCalendar::embedded());
    let relevant = Situation::relevant(&status, &m.holdings);
    assert_eq!(relevant.len(), Situation::ALL.len(), "{relevant:?}");
    for situation in Situation::ALL {
        for locale in Locale::ALL {
            let guide =
                situation_guide(situation, Some(&status), Words::built_in(locale), &insurer);
            no_untranslated(std::slice::from_ref(&guide.title));
            no_untranslated(&guide.steps);
            assert!(guide.steps.len() >= 3);
            let dates: Vec<NaiveDate> = guide.dates.iter().map(|d| d.date).collect();
            let expected: Vec<NaiveDate> = match situation {
                Situation::CertificateExpired => vec![day(2026, 10, 31), day(2027, 1, 31)],
                Situation::Moved => vec![day(2026, 11, 29)],
                Situation::GoingAbroad => vec![day(2027, 1, 3), day(2026, 12, 28)],
                Situation::NewInsurer => vec![day(2026, 11, 25)],
                Situation::CardLost | Situation::EligibilityCertificate => vec![],
            };
            assert_eq!(dates, expected, "{situation:?}");
        }
    }
    let reasons = situation_guide(
        Situation::EligibilityCertificate,
        None,
        Words::built_in(Locale::Ja),
        &insurer,
    );
    assert_eq!(
        reasons.steps.iter().filter(|s| s.starts_with('・')).count(),
        10,
        "8 + 2 reasons"
    );
}

#[test]
fn the_clinic_card_never_calls_the_record_enough_and_points_to_the_certificate() {
    let today = day(2026, 11, 21);
    let cases = [
        (
            "valid",
            member(
                |f| f.card_issued_on = Some(day(2024, 3, 1)),
                Holdings::default(),
            ),
            None,
        ),
        (
            "grace",
            member(
                |f| f.cert_expires_on = Some(day(2026, 10, 31)),
                Holdings::default(),
            ),
            None,
        ),
        (
            "expired",
            member(
                |f| f.card_issued_on = Some(day(2014, 3, 1)),
                Holdings::default(),
            ),
            None,
        ),
        (
            "moved",
            member(
                |f| {
                    f.card_issued_on = Some(day(2024, 3, 1));
                    f.moved_on = Some(day(2026, 10, 1));
                },
                Holdings::default(),
            ),
            None,
        ),
        (
            "expired with certificate",
            member(
                |f| f.card_issued_on = Some(day(2014, 3, 1)),
                Holdings::default(),
            ),
            Some(day(2029, 11, 30)),
        ),
        (
            "lost",
            member(
                |f| f.card_issued_on = Some(day(2024, 3, 1)),
                Holdings {
                    card_condition: CardCondition::Lost,
                    ..Holdings::default()
                },
            ),
            None,
        ),
    ];
    for (name, mut m, certificate) in cases {
        m.eligibility_certificate_expires_on = certificate;
        let status = evaluate_member(&m, today, HolidayCalendar::embedded());
        let usable = PresentInput {
            holdings: m.holdings,
            card_state: status.card_state(),
            has_downloaded_record: true,
            eligibility_certificate_valid: status.eligibility_certificate_valid,
        }
        .card_usable();
        for locale in Locale::ALL {
            let card = clinic_card(&m, &status, None, Words::built_in(locale));
            let note = &card.staff_note_ja;
            assert!(!note.is_empty() && !note.contains('{'), "{name}");
            // The staff note is Japanese whatever the user's language.
            assert!(
                note.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{name}: {note}"
            );
            if usable {
                assert!(note.contains("マイナ保険証"), "{name}: {note}");
                assert!(card.presenting.contains(&PresentWay::MynaCard));
            } else {
                assert!(note.contains("資格確認書"), "{name}: {note}");
                let warning = card
                    .warnings
                    .iter()
                    .find(|w| w.kind == ClinicWarningKind::CardNotUsable);
                let warning = warning.unwrap_or_else(|| panic!("{name}: no warning"));
                let word = if locale == Locale::Ja {
                    "資格確認書"
                } else {
                    "eligibility certificate"
                };
                assert!(warning.text.contains(word), "{name}: {}", warning.text);
                assert!(!card.presenting.contains(&PresentWay::MynaCard));
            }
            if certificate.is_none() && !usable {
                assert!(
                    note.contains("だけでは"),
                    "{name}: the record alone is not enough: {note}"
                );
            }
            if name == "grace" {
                assert!(
                    card.warnings
                        .iter()
                        .any(|w| w.kind == ClinicWarningKind::CertificateInGrace)
                );
                assert!(note.contains("令和9年1月31日"), "{note}");
            }
            // Never a sentence saying the record or the notice alone will do.
            for text in
                std::iter::once(note.as_str()).chain(card.warnings.iter().map(|w| w.text.as_str()))
            {
                assert!(
                    !text.contains("だけで受診") && !text.contains("のみで受診"),
                    "{name}: {text}"
                );
            }
        }
    }
}
