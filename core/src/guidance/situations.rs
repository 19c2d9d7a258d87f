//! Situations with their own steps, and the member's dates that matter in each (R2–R8,
//! R12, R13): a lost card; a certificate, or the card itself, about to expire; a move to
//! another municipality or within one; going abroad; a new insurer; the 資格確認書; a
//! hospital stay or high costs; the card reader; スマホ保険証; a foreign resident's
//! 在留期間; the 70th and 75th birthdays; a dependent whose insured member turns 75; the
//! legacy 健康保険証.
//!
//! The steps follow the member when one is given: a foreign national is never offered
//! 国外継続利用 (R5, R12), and a move within one municipality is not told that the card
//! lapses (R4).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::advice::EligibilityReason;
use super::insurer_args;
use crate::content::InsurerDetails;
use crate::household::{CardCondition, DeadlineKind, Member, MemberStatus, RelatedDates};
use crate::i18n::{MessageId, Words, ids};
use crate::rules::CardState;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct GuideDate {
    pub label: String,
    pub date: NaiveDate,
    /// The date as the user reads it (令和8年12月1日(火) / Tue 1 Dec 2026).
    pub written: String,
}

/// Something that happened, with its own steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Situation {
    CardLost,
    CertificateExpired,
    /// Moved to another municipality (転出 → 転入, R4).
    Moved,
    GoingAbroad,
    NewInsurer,
    EligibilityCertificate,
    /// The card itself expires, with its certificate (R1): a new card.
    CardExpiring,
    /// Moved within one municipality (転居, R4): the card stays valid.
    MovedWithinMunicipality,
    /// A hospital stay or high costs: 限度額, 減額認定, 特定疾病, 受給者証 (R8).
    HospitalStayOrHighCosts,
    /// Using the card at the reader (R8).
    AtTheReader,
    /// スマホ保険証 (R8).
    SmartphoneInsuranceCard,
    /// A 在留カード holder: the card ends with the 在留期間; no 国外継続利用 (R12).
    ForeignResident,
    /// The 70th birthday: 高齢受給者 (R13).
    TurningSeventy,
    /// The 75th birthday: 後期高齢者医療 (R13).
    TurningSeventyFive,
    /// A dependent whose insured member turns 75 joins another insurance (R13).
    InsuredTurnsSeventyFive,
    /// The legacy 健康保険証 (R6).
    LegacyInsuranceCard,
}

impl Situation {
    /// Every situation.
    pub const ALL: [Situation; 16] = [
        Situation::CardLost,
        Situation::CertificateExpired,
        Situation::CardExpiring,
        Situation::Moved,
        Situation::MovedWithinMunicipality,
        Situation::GoingAbroad,
        Situation::NewInsurer,
        Situation::EligibilityCertificate,
        Situation::HospitalStayOrHighCosts,
        Situation::AtTheReader,
        Situation::SmartphoneInsuranceCard,
        Situation::ForeignResident,
        Situation::TurningSeventy,
        Situation::TurningSeventyFive,
        Situation::InsuredTurnsSeventyFive,
        Situation::LegacyInsuranceCard,
    ];

    /// The situations a member's state calls for now.
    pub fn relevant(member: &Member, status: &MemberStatus) -> Vec<Situation> {
        let holdings = &member.holdings;
        let facts = &member.facts;
        let evaluation = &status.evaluation;
        let results = &evaluation.results;
        let pending = |kind: DeadlineKind| {
            status
                .upcoming
                .iter()
                .chain(&status.overdue)
                .any(|d| d.kind == kind)
        };
        let mut out = Vec::new();
        let mut when = |applies: bool, situation| {
            if applies {
                out.push(situation);
            }
        };
        when(
            holdings.card_condition == CardCondition::Lost,
            Situation::CardLost,
        );
        let expiring = matches!(
            results.card_state,
            CardState::Grace | CardState::Expired | CardState::RenewalWindow
        );
        when(
            expiring && !evaluation.certificate_ends_with_card,
            Situation::CertificateExpired,
        );
        when(
            expiring
                && evaluation.certificate_ends_with_card
                && !evaluation.card_ends_with_residence_limit,
            Situation::CardExpiring,
        );
        let moved = results.move_in_due_on.is_some() || results.continued_use_due_on.is_some();
        when(moved && !facts.moved_within_municipality, Situation::Moved);
        when(
            moved && facts.moved_within_municipality,
            Situation::MovedWithinMunicipality,
        );
        when(results.overseas_apply_by.is_some(), Situation::GoingAbroad);
        when(
            pending(DeadlineKind::InsuranceUsableFrom),
            Situation::NewInsurer,
        );
        when(
            !status.covered_today() || holdings.needs_helper || !holdings.has_my_number,
            Situation::EligibilityCertificate,
        );
        when(
            holdings.smartphone_insurance_card,
            Situation::SmartphoneInsuranceCard,
        );
        when(
            facts.foreign_national || evaluation.card_ends_with_residence_limit,
            Situation::ForeignResident,
        );
        when(
            pending(DeadlineKind::ElderlyCopayFrom),
            Situation::TurningSeventy,
        );
        when(
            pending(DeadlineKind::LateStageElderlyFrom),
            Situation::TurningSeventyFive,
        );
        when(
            pending(DeadlineKind::JoinOtherInsuranceDue),
            Situation::InsuredTurnsSeventyFive,
        );
        out
    }

    /// The situation's steps for `member` (in general when none is given), in order.
    pub fn steps_for(self, member: Option<&Member>) -> &'static [MessageId] {
        let foreign = member.is_some_and(|m| m.facts.foreign_national);
        match self {
            Situation::GoingAbroad if foreign => &[
                ids::SITUATION_GOING_ABROAD_FOREIGN_1,
                ids::SITUATION_GOING_ABROAD_FOREIGN_2,
                ids::SITUATION_GOING_ABROAD_FOREIGN_3,
            ],
            _ => self.step_ids(),
        }
    }
}

/// One situation written out: its steps and, for a member, the dates that matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SituationGuide {
    pub situation: Situation,
    pub title: String,
    pub steps: Vec<String>,
    pub dates: Vec<GuideDate>,
}

/// The guide to `situation`, for a member (their steps and dates) when one is given with
/// their status.
pub fn situation_guide(
    situation: Situation,
    member: Option<(&Member, &MemberStatus)>,
    words: Words<'_>,
    insurer: &InsurerDetails,
) -> SituationGuide {
    let args = insurer_args(insurer, words);
    let mut steps: Vec<String> = situation
        .steps_for(member.map(|(m, _)| m))
        .iter()
        .map(|&id| words.text(id, &args))
        .collect();
    if situation == Situation::EligibilityCertificate {
        steps.extend(
            EligibilityReason::ALL
                .iter()
                .map(|r| format!("・{}", words.label(r.message_id()))),
        );
    }
    let dates = member
        .map(|(member, status)| {
            dates_of(situation, member, status)
                .into_iter()
                .filter_map(|(id, date)| {
                    let date = date?;
                    Some(GuideDate {
                        label: words.label(id),
                        date,
                        written: words.date(date),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    SituationGuide {
        situation,
        title: words.label(situation.title_id()),
        steps,
        dates,
    }
}

/// The member's dates that matter in `situation`, labelled.
fn dates_of(
    situation: Situation,
    member: &Member,
    status: &MemberStatus,
) -> Vec<(MessageId, Option<NaiveDate>)> {
    use DeadlineKind as K;
    let r = &status.evaluation.results;
    let e = &status.evaluation;
    let deadline = |kind: DeadlineKind| {
        status
            .overdue
            .iter()
            .chain(&status.upcoming)
            .find(|d| d.kind == kind)
    };
    let date_of = |kind| deadline(kind).map(|d| d.date);
    let related = |kind| deadline(kind).map_or(RelatedDates::default(), |d| d.related);
    match situation {
        Situation::CertificateExpired => vec![
            (K::CertExpires.message_id(), r.cert_expires_on),
            (K::GraceEnds.message_id(), r.insurance_use_until),
        ],
        Situation::CardExpiring => vec![
            (K::CardRenewalOpens.message_id(), e.card_renewal_opens_on),
            (K::CardExpires.message_id(), r.card_expires_on),
            (K::GraceEnds.message_id(), r.insurance_use_until),
        ],
        Situation::Moved => vec![
            (K::MoveInDue.message_id(), date_of(K::MoveInDue)),
            (
                ids::GUIDE_NEXT_OPEN_DAY,
                related(K::MoveInDue).next_open_day,
            ),
            (K::ContinuedUseDue.message_id(), r.continued_use_due_on),
            (
                ids::GUIDE_NEXT_OPEN_DAY,
                related(K::ContinuedUseDue).next_open_day,
            ),
        ],
        Situation::MovedWithinMunicipality => vec![
            (
                K::ChangeOfAddressDue.message_id(),
                date_of(K::ChangeOfAddressDue),
            ),
            (
                ids::GUIDE_NEXT_OPEN_DAY,
                related(K::ChangeOfAddressDue).next_open_day,
            ),
        ],
        Situation::GoingAbroad => vec![
            (K::OverseasApplyBy.message_id(), r.overseas_apply_by),
            (
                ids::GUIDE_LAST_WEEKDAY,
                e.overseas_apply_by_last_business_day
                    .filter(|day| Some(*day) != r.overseas_apply_by),
            ),
        ],
        Situation::NewInsurer => match r.insurance_usable_from {
            Some(day) => vec![(K::InsuranceUsableFrom.message_id(), Some(day))],
            None => vec![(
                ids::GUIDE_EARLIEST_USABLE_FROM,
                e.insurance_usable_earliest_on,
            )],
        },
        Situation::ForeignResident => vec![
            (
                K::ResidencePeriodEnds.message_id(),
                date_of(K::ResidencePeriodEnds),
            ),
            (
                ids::GUIDE_LAST_WEEKDAY,
                related(K::ResidencePeriodEnds).last_open_day,
            ),
            (
                ids::GUIDE_CARD_LAPSES_ON_DEPARTURE,
                member
                    .facts
                    .overseas_departure_on
                    .filter(|_| member.facts.foreign_national),
            ),
        ],
        Situation::TurningSeventy => {
            vec![(K::ElderlyCopayFrom.message_id(), e.elderly_copay_from)]
        }
        Situation::TurningSeventyFive => vec![(
            K::LateStageElderlyFrom.message_id(),
            e.late_stage_elderly_from,
        )],
        Situation::InsuredTurnsSeventyFive => vec![
            (
                ids::GUIDE_DEPENDENT_STATUS_ENDS,
                related(K::JoinOtherInsuranceDue).dependent_status_ends_on,
            ),
            (
                K::JoinOtherInsuranceDue.message_id(),
                date_of(K::JoinOtherInsuranceDue),
            ),
            (
                ids::GUIDE_NEXT_OPEN_DAY,
                related(K::JoinOtherInsuranceDue).next_open_day,
            ),
        ],
        Situation::CardLost
        | Situation::EligibilityCertificate
        | Situation::HospitalStayOrHighCosts
        | Situation::AtTheReader
        | Situation::SmartphoneInsuranceCard
        | Situation::LegacyInsuranceCard => Vec::new(),
    }
}
