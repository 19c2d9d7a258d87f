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
use shikaku_core::guidance::clinic::{ClinicCard, ClinicWarningKind, clinic_card};
use shikaku_core::guidance::{
    FallbackWay, FlowNode, NeverAlone, Preparation, PresentInput, PresentWay, RenewalStep,
    Situation, situation_guide, walk_preparation, what_to_present, write_advice,
};
use shikaku_core::household::{
    CardCondition, Holdings, Member, MemberStatus, Relationship, evaluate_member,
    evaluate_member_in,
};
use shikaku_core::i18n::{Locale, Words};
use shikaku_core::rules::{CardState, Facts, HolidayCalendar};

const STATES: [CardState; 8] = [
    CardState::Valid,
    CardState::RenewalWindow,
    CardState::Grace,
    CardState::Expired,
    CardState::InvalidMoved,
    CardState::InvalidOverseas,
    CardState::Unknown,
    CardState::Lost,
];
const RENEWALS: [RenewalStep; 3] = [
    RenewalStep::Certificate,
    RenewalStep::NewCard,
    RenewalStep::CardValidityChange,
];
const CONDITIONS: [CardCondition; 4] = [
    CardCondition::InHand,
    CardCondition::Lost,
    CardCondition::BeingRenewed,
    CardCondition::Returned,
];

/// Every combination of the holding flags (a マイナンバー or none), the card state, a
/// stored record, a 資格確認書 (none, valid, expired) and what renews the card.
fn every_input() -> Vec<PresentInput> {
    let mut out = Vec::new();
    for bits in 0u32..(1 << 7) {
        let flag = |i: u32| bits & (1 << i) != 0;
        for condition in CONDITIONS {
            for card_state in STATES {
                for certificate in [None, Some(true), Some(false)] {
                    for renewal in RENEWALS {
                        out.push(PresentInput {
                            holdings: Holdings {
                                has_card: flag(0),
                                card_condition: condition,
                                registered_for_insurance: flag(1),
                                has_smartphone: flag(2),
                                smartphone_insurance_card: flag(3),
                                carries_notice: flag(4),
                                needs_helper: false,
                                has_my_number: !flag(6),
                            },
                            card_state,
                            has_downloaded_record: flag(5),
                            eligibility_certificate_valid: certificate,
                            renewal,
                        });
                    }
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
            CardState::Expired
                | CardState::InvalidMoved
                | CardState::InvalidOverseas
                | CardState::Lost
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
    assert_eq!(inputs.len(), 128 * 4 * 8 * 3 * 3);
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
        // Nobody is left without a way forward, and the way is the 資格確認書.
        if !advice.covered {
            assert!(
                advice.to_do.iter().any(|p| matches!(
                    p,
                    Preparation::ApplyForEligibilityCertificate
                        | Preparation::ReplaceEligibilityCertificate
                )),
                "{input:?}"
            );
        }
        // No impossible step: without a マイナンバー no card can be made.
        if !input.holdings.has_my_number {
            assert!(!advice.to_do.contains(&Preparation::GetCard), "{input:?}");
        }
        // What renews the card is the step asked for, never another one.
        let renewal_steps = [
            (RenewalStep::Certificate, Preparation::RenewCertificate),
            (RenewalStep::NewCard, Preparation::ApplyForNewCard),
            (
                RenewalStep::CardValidityChange,
                Preparation::ChangeCardValidity,
            ),
        ];
        for (renewal, step) in renewal_steps {
            if renewal != input.renewal {
                assert!(!advice.to_do.contains(&step), "{input:?}");
            }
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
            renewal: RenewalStep::Certificate,
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
    assert!(d.to_do.contains(&Preparation::SuspendAndReissueCard));
    assert!(
        d.to_do
            .contains(&Preparation::ApplyForEligibilityCertificate)
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
    for input in every_input().iter().step_by(11) {
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
        eligibility_certificate_issued_on: None,
        dependent_of: None,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Situations whose guide names no date of the member.
const WITHOUT_DATES: [Situation; 6] = [
    Situation::CardLost,
    Situation::EligibilityCertificate,
    Situation::HospitalStayOrHighCosts,
    Situation::AtTheReader,
    Situation::SmartphoneInsuranceCard,
    Situation::LegacyInsuranceCard,
];

#[test]
fn every_situation_is_written_with_the_members_dates() {
    let insurer = InsurerDetails::embedded();
    // 山田 一郎 turns 75 on 2026-12-10; his certificate is in grace, he moved to another
    // city (the 転入届 is due on Sun 29 November), leaves Japan on Mon 4 January (apply
    // by Sun 3 January), joined a new insurer and lost his card.
    let mut insured = member(
        |f| {
            f.birth_date = day(1951, 12, 10);
            f.cert_expires_on = Some(day(2026, 10, 31));
            f.moved_on = Some(day(2026, 11, 15));
            f.overseas_departure_on = Some(day(2027, 1, 4));
            f.insurer_registered_on = Some(day(2026, 11, 20));
        },
        Holdings {
            card_condition: CardCondition::Lost,
            smartphone_insurance_card: true,
            ..Holdings::default()
        },
    );
    insured.id = "insured".into();
    // His dependent is a foreign resident whose card ends with the 在留期間 on Sun
    // 3 January, moved within her city, and leaves Japan on 1 February.
    let mut dependent = member(
        |f| {
            f.birth_date = day(1960, 5, 5);
            f.foreign_national = true;
            f.card_issued_on = Some(day(2025, 3, 3));
            f.residence_limit_on = Some(day(2027, 1, 3));
            f.moved_on = Some(day(2026, 11, 10));
            f.moved_within_municipality = true;
            f.overseas_departure_on = Some(day(2027, 2, 1));
        },
        Holdings::default(),
    );
    dependent.id = "dependent".into();
    dependent.dependent_of = Some("insured".into());
    let household = vec![insured.clone(), dependent.clone()];
    let today = day(2026, 11, 21);
    let status_of =
        |m: &Member| evaluate_member_in(m, &household, today, HolidayCalendar::embedded());
    let (insured_status, dependent_status) = (status_of(&insured), status_of(&dependent));
    assert_eq!(
        Situation::relevant(&insured, &insured_status),
        [
            Situation::CardLost,
            Situation::CertificateExpired,
            Situation::Moved,
            Situation::GoingAbroad,
            Situation::NewInsurer,
            Situation::EligibilityCertificate,
            Situation::SmartphoneInsuranceCard,
            Situation::TurningSeventyFive,
        ]
    );
    assert_eq!(
        Situation::relevant(&dependent, &dependent_status),
        [
            Situation::MovedWithinMunicipality,
            Situation::ForeignResident,
            Situation::InsuredTurnsSeventyFive,
        ]
    );
    for (who, status) in [(&insured, &insured_status), (&dependent, &dependent_status)] {
        for situation in Situation::ALL {
            for locale in Locale::ALL {
                let guide = situation_guide(
                    situation,
                    Some((who, status)),
                    Words::built_in(locale),
                    &insurer,
                );
                no_untranslated(std::slice::from_ref(&guide.title));
                no_untranslated(&guide.steps);
                assert!(guide.steps.len() >= 2, "{situation:?}");
                let dates: Vec<NaiveDate> = guide.dates.iter().map(|d| d.date).collect();
                let expected: Vec<NaiveDate> = match (who.id.as_str(), situation) {
                    (_, s) if WITHOUT_DATES.contains(&s) => vec![],
                    ("insured", Situation::CertificateExpired) => {
                        vec![day(2026, 10, 31), day(2027, 1, 31)]
                    }
                    // Due Sun 29 November: met on Mon 30 November.
                    ("insured", Situation::Moved) => vec![day(2026, 11, 29), day(2026, 11, 30)],
                    ("insured", Situation::GoingAbroad) => {
                        vec![day(2027, 1, 3), day(2026, 12, 28)]
                    }
                    ("insured", Situation::NewInsurer) => vec![day(2026, 11, 25)],
                    ("insured", Situation::CardExpiring) => vec![day(2027, 1, 31)],
                    ("insured", Situation::TurningSeventy) => vec![day(2022, 1, 1)],
                    ("insured", Situation::TurningSeventyFive) => vec![day(2026, 12, 10)],
                    ("dependent", Situation::MovedWithinMunicipality) => vec![day(2026, 11, 24)],
                    // The 在留期間 ends on Sun 3 January: the last open day is Mon 28
                    // December; the card lapses on leaving Japan on 1 February.
                    ("dependent", Situation::ForeignResident) => {
                        vec![day(2027, 1, 3), day(2026, 12, 28), day(2027, 2, 1)]
                    }
                    ("dependent", Situation::InsuredTurnsSeventyFive) => {
                        vec![day(2026, 12, 10), day(2026, 12, 24)]
                    }
                    ("dependent", Situation::CardExpiring) => {
                        vec![day(2026, 10, 4), day(2027, 1, 3), day(2027, 4, 30)]
                    }
                    ("dependent", Situation::CertificateExpired) => {
                        vec![day(2027, 1, 3), day(2027, 4, 30)]
                    }
                    ("dependent", Situation::TurningSeventy) => vec![day(2030, 6, 1)],
                    ("dependent", Situation::TurningSeventyFive) => vec![day(2035, 5, 5)],
                    _ => vec![],
                };
                assert_eq!(dates, expected, "{} {situation:?}", who.id);
            }
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
        let usable = PresentInput::for_member(&m, &status, true).card_usable();
        for locale in Locale::ALL {
            let card = default_clinic_card(&m, &status, locale);
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

/// The clinic card of `m` with the built-in insurer and no stored record.
fn default_clinic_card(m: &Member, status: &MemberStatus, locale: Locale) -> ClinicCard {
    clinic_card(
        m,
        status,
        None,
        &InsurerDetails::embedded(),
        Words::built_in(locale),
    )
}

/// The guide to `situation` in general, its steps joined.
fn general_steps(situation: Situation, locale: Locale) -> String {
    situation_guide(
        situation,
        None,
        Words::built_in(locale),
        &InsurerDetails::embedded(),
    )
    .steps
    .join("\n")
}

#[test]
fn the_new_situations_say_what_rules_md_says() {
    let expect = |situation, locale, parts: &[&str]| {
        let text = general_steps(situation, locale);
        for part in parts {
            assert!(
                text.contains(part),
                "{situation:?} {locale:?} lacks {part}: {text}"
            );
        }
    };
    use Locale::{En, Ja};
    expect(
        Situation::HospitalStayOrHighCosts,
        Ja,
        &[
            "限度額適用認定証がなくても",
            "住民税非課税",
            "限度額適用・標準負担額減額認定",
            "特定疾病",
            "高齢受給者証は交付されません",
            "受給者証は",
            "資格確認書で受診する方は",
        ],
    );
    expect(
        Situation::HospitalStayOrHighCosts,
        En,
        &[
            "resident tax",
            "specified disease",
            "subsidy certificate",
            "eligibility certificate",
        ],
    );
    expect(
        Situation::AtTheReader,
        Ja,
        &[
            "カードリーダーに置",
            "顔認証か暗証番号",
            "提供するかどうか",
            "取り出",
            "指示",
        ],
    );
    expect(
        Situation::AtTheReader,
        En,
        &[
            "face recognition or your PIN",
            "share",
            "take your card back",
            "staff",
        ],
    );
    expect(
        Situation::SmartphoneInsuranceCard,
        Ja,
        &[
            "対応している医療機関",
            "マイナンバーカードも必ずお持ちください",
        ],
    );
    expect(
        Situation::CardLost,
        Ja,
        &[
            "一時停止",
            "0120-95-0178",
            "24時間",
            "再交付",
            "資格確認書",
            "30日以上",
        ],
    );
    expect(
        Situation::CardLost,
        En,
        &[
            "0120-95-0178",
            "around the clock",
            "online",
            "new card",
            "eligibility certificate",
        ],
    );
    expect(
        Situation::ForeignResident,
        Ja,
        &[
            "在留期間の満了日",
            "有効期間の変更",
            "手数料はかかりません",
            "案内は届きません",
            "国外継続利用を申請できません",
        ],
    );
    expect(
        Situation::TurningSeventy,
        Ja,
        &[
            "翌月1日",
            "1日生まれの方は誕生月",
            "2割または3割",
            "資格情報のお知らせ",
        ],
    );
    expect(
        Situation::TurningSeventyFive,
        Ja,
        &["75歳の誕生日から", "前日まで", "2026年7月31日", "14日以内"],
    );
    expect(
        Situation::InsuredTurnsSeventyFive,
        Ja,
        &["被扶養者ではなくなります", "14日以内", "国民健康保険"],
    );
    expect(
        Situation::LegacyInsuranceCard,
        Ja,
        &[
            "令和7年12月2日(火)から使えなくなりました",
            "返却する必要はありません",
        ],
    );
    expect(
        Situation::LegacyInsuranceCard,
        En,
        &["from Tue 2 Dec 2025", "do not need to return"],
    );
    expect(
        Situation::NewInsurer,
        Ja,
        &["翌々営業日", "早ければ", "被保険者資格申立書"],
    );
    expect(
        Situation::CardExpiring,
        Ja,
        &["新しいカードの申請", "1か月ほど"],
    );
    // The legacy card, the costs and the reader concern everyone: in every member's list
    // of guides, never hidden.
    for situation in [
        Situation::HospitalStayOrHighCosts,
        Situation::AtTheReader,
        Situation::LegacyInsuranceCard,
    ] {
        assert!(Situation::ALL.contains(&situation));
    }
}

#[test]
fn a_foreign_national_is_never_offered_continued_use_abroad() {
    let mut m = member(
        |f| {
            f.card_issued_on = Some(day(2024, 3, 1));
            f.foreign_national = true;
            f.overseas_departure_on = Some(day(2027, 1, 4));
        },
        Holdings::default(),
    );
    m.id = "m".into();
    let status = evaluate_member(&m, day(2026, 11, 21), HolidayCalendar::embedded());
    assert_eq!(status.evaluation.results.overseas_apply_by, None);
    let relevant = Situation::relevant(&m, &status);
    assert!(!relevant.contains(&Situation::GoingAbroad), "{relevant:?}");
    assert!(
        relevant.contains(&Situation::ForeignResident),
        "{relevant:?}"
    );
    for situation in Situation::ALL {
        for locale in Locale::ALL {
            let guide = situation_guide(
                situation,
                Some((&m, &status)),
                Words::built_in(locale),
                &InsurerDetails::embedded(),
            );
            for step in &guide.steps {
                for offer in [
                    "「国外継続利用」の申請をしてください",
                    "国外継続利用を申請してください",
                    "By the day before you leave, apply",
                ] {
                    assert!(!step.contains(offer), "{situation:?}: {step}");
                }
            }
        }
    }
    // In general (no member), the guide says foreign nationals cannot apply.
    assert!(
        general_steps(Situation::GoingAbroad, Locale::Ja)
            .contains("外国籍の方は国外継続利用を申請できません")
    );
}

#[test]
fn a_lost_card_is_not_valid_anywhere() {
    let mut m = member(
        |f| f.card_issued_on = Some(day(2024, 3, 1)),
        Holdings {
            card_condition: CardCondition::Lost,
            ..Holdings::default()
        },
    );
    m.id = "m".into();
    let status = evaluate_member(&m, day(2026, 11, 21), HolidayCalendar::embedded());
    assert_eq!(status.shown_state, CardState::Lost);
    assert!(!status.card_usable);
    for locale in Locale::ALL {
        let words = Words::built_in(locale);
        let row = shikaku_core::view::member_row(words, &status);
        assert_eq!(row.state, CardState::Lost);
        assert_ne!(row.state_label, words.label(CardState::Valid.message_id()));
        let card = default_clinic_card(&m, &status, locale);
        assert!(card.presenting.is_empty());
        assert!(card.staff_note_ja.contains("資格確認書"));
        let advice = write_advice(
            &PresentInput::for_member(&m, &status, false),
            words,
            &InsurerDetails::embedded(),
        );
        assert!(!advice.advice.covered);
        assert!(
            advice
                .advice
                .to_do
                .contains(&Preparation::SuspendAndReissueCard)
        );
        assert!(
            advice
                .advice
                .to_do
                .contains(&Preparation::ApplyForEligibilityCertificate)
        );
    }
}

#[test]
fn a_member_without_a_my_number_is_told_of_the_certificate_never_to_get_a_card() {
    let m = member(
        |_| {},
        Holdings {
            has_card: false,
            registered_for_insurance: false,
            has_my_number: false,
            ..Holdings::default()
        },
    );
    let status = evaluate_member(&m, day(2026, 11, 21), HolidayCalendar::embedded());
    for locale in Locale::ALL {
        let advice = write_advice(
            &PresentInput::for_member(&m, &status, false),
            Words::built_in(locale),
            &InsurerDetails::embedded(),
        );
        assert!(!advice.advice.to_do.contains(&Preparation::GetCard));
        assert_eq!(
            advice.advice.to_do,
            [Preparation::ApplyForEligibilityCertificate]
        );
        assert!(
            advice.eligibility_reasons.len() >= 2,
            "no card, no マイナンバー"
        );
    }
    assert!(Situation::relevant(&m, &status).contains(&Situation::EligibilityCertificate));
}

#[test]
fn while_a_new_insurer_has_not_registered_the_member_the_clinic_card_says_what_works() {
    use shikaku_core::guidance::clinic::ClinicWarningKind;
    let today = day(2026, 11, 21);
    for (joined_only, estimated) in [(false, false), (true, true)] {
        let m = member(
            |f| {
                f.card_issued_on = Some(day(2024, 3, 1));
                if joined_only {
                    f.insurer_joined_on = Some(day(2026, 11, 20));
                } else {
                    f.insurer_registered_on = Some(day(2026, 11, 20));
                }
            },
            Holdings::default(),
        );
        let status = evaluate_member(&m, today, HolidayCalendar::embedded());
        let usable_from = status
            .upcoming
            .iter()
            .find(|d| d.kind == shikaku_core::household::DeadlineKind::InsuranceUsableFrom)
            .unwrap();
        assert_eq!(
            (usable_from.date, usable_from.estimated),
            (day(2026, 11, 25), estimated)
        );
        let ja = default_clinic_card(&m, &status, Locale::Ja);
        assert!(
            ja.staff_note_ja.contains("資格情報")
                && ja.staff_note_ja.contains("被保険者資格申立書"),
            "{}",
            ja.staff_note_ja
        );
        let warning = ja
            .warnings
            .iter()
            .find(|w| w.kind == ClinicWarningKind::RegistrationPending)
            .unwrap();
        assert!(
            warning.text.contains("令和8年11月25日(水)"),
            "{}",
            warning.text
        );
        assert_eq!(
            warning.text.contains("早くても"),
            estimated,
            "{}",
            warning.text
        );
        // Once the day has come, the usual note.
        let later = evaluate_member(&m, day(2026, 11, 25), HolidayCalendar::embedded());
        let card = default_clinic_card(&m, &later, Locale::Ja);
        assert!(
            !card
                .warnings
                .iter()
                .any(|w| w.kind == ClinicWarningKind::RegistrationPending)
        );
    }
}

#[test]
fn the_insurers_phone_reaches_the_guidance_and_the_clinic_card() {
    use shikaku_core::guidance::clinic::ClinicFieldKind;
    let mut insurer = InsurerDetails::embedded();
    insurer.phone = Some("03-5217-3162".into());
    let m = member(
        |f| f.card_issued_on = Some(day(2024, 3, 1)),
        Holdings {
            card_condition: CardCondition::Lost,
            ..Holdings::default()
        },
    );
    let status = evaluate_member(&m, day(2026, 11, 21), HolidayCalendar::embedded());
    for locale in Locale::ALL {
        let words = Words::built_in(locale);
        let advice = write_advice(
            &PresentInput::for_member(&m, &status, false),
            words,
            &insurer,
        );
        assert!(
            advice.to_do.iter().any(|t| t.contains("03-5217-3162")),
            "{:?}",
            advice.to_do
        );
        let lost = situation_guide(Situation::CardLost, Some((&m, &status)), words, &insurer);
        assert!(lost.steps.iter().any(|t| t.contains("03-5217-3162")));
        let card = clinic_card(&m, &status, None, &insurer, words);
        let phone = card
            .fields
            .iter()
            .find(|f| f.kind == ClinicFieldKind::InsurerPhone)
            .unwrap();
        assert_eq!(phone.value.as_deref(), Some("03-5217-3162"));
    }
    // Without a number, no empty field.
    let card = default_clinic_card(&m, &status, Locale::Ja);
    assert!(
        !card
            .fields
            .iter()
            .any(|f| f.kind == ClinicFieldKind::InsurerPhone)
    );
}

#[test]
fn the_wording_reads_as_an_official_member_app_in_both_languages() {
    use shikaku_core::i18n::sources;
    let messages = |locale: Locale| -> Vec<(String, String)> {
        sources(locale)
            .iter()
            .flat_map(|(_, source)| source.lines())
            .filter_map(|line| line.split_once(" = "))
            .map(|(id, text)| (id.to_owned(), text.to_owned()))
            .collect()
    };
    for (id, text) in messages(Locale::Ja) {
        // Instructions ask politely; a state never names a same-city move as a loss.
        assert!(!text.contains("見せてください"), "{id}: {text}");
        assert!(!text.contains("失効（転居）"), "{id}: {text}");
        // The staff note is the member speaking: no honorific about themselves.
        if id.starts_with("staff-note-") {
            assert!(!text.contains("お持ち"), "{id}: {text}");
            assert!(
                text.contains("いたします") || text.contains("いたし"),
                "{id}: {text}"
            );
        }
        // Nothing says the record or the notice alone will do.
        for claim in [
            "だけで受診できます",
            "のみで受診できます",
            "だけで保険診療を受けられます",
        ] {
            assert!(!text.contains(claim), "{id}: {text}");
        }
    }
    for (id, text) in messages(Locale::En) {
        for missing_article in [" as insurance card", " as health insurance card"] {
            assert!(!text.contains(missing_article), "{id}: {text}");
        }
        assert!(!text.contains("alone is enough"), "{id}: {text}");
    }
    assert_eq!(
        Words::built_in(Locale::Ja).label(Relationship::Other.message_id()),
        "その他"
    );
    assert_eq!(
        Words::built_in(Locale::En).label(Relationship::Other.message_id()),
        "Other"
    );
}
