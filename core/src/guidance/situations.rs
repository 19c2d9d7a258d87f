//! Situations with their own steps (card lost, certificate expired, moved, going
//! abroad, new insurer, the 資格確認書), and the member's dates that matter in each
//! (R2–R7).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::advice::EligibilityReason;
use super::insurer_args;
use crate::content::InsurerDetails;
use crate::household::{CardCondition, DeadlineKind, Holdings, MemberStatus};
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
    Moved,
    GoingAbroad,
    NewInsurer,
    EligibilityCertificate,
}

impl Situation {
    /// Every situation.
    pub const ALL: [Situation; 6] = [
        Situation::CardLost,
        Situation::CertificateExpired,
        Situation::Moved,
        Situation::GoingAbroad,
        Situation::NewInsurer,
        Situation::EligibilityCertificate,
    ];

    /// The situations a member's state calls for now.
    pub fn relevant(status: &MemberStatus, holdings: &Holdings) -> Vec<Situation> {
        let results = &status.evaluation.results;
        let mut out = Vec::new();
        if holdings.card_condition == CardCondition::Lost {
            out.push(Situation::CardLost);
        }
        if matches!(
            results.card_state,
            CardState::Grace | CardState::Expired | CardState::RenewalWindow
        ) {
            out.push(Situation::CertificateExpired);
        }
        if results.move_in_due_on.is_some() || results.continued_use_due_on.is_some() {
            out.push(Situation::Moved);
        }
        if results.overseas_apply_by.is_some() {
            out.push(Situation::GoingAbroad);
        }
        if results.insurance_usable_from.is_some() {
            out.push(Situation::NewInsurer);
        }
        if !status.covered_today() || holdings.needs_helper || !holdings.has_my_number {
            out.push(Situation::EligibilityCertificate);
        }
        out
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

/// The guide to `situation`, with the member's dates when their status is given.
pub fn situation_guide(
    situation: Situation,
    status: Option<&MemberStatus>,
    words: Words<'_>,
    insurer: &InsurerDetails,
) -> SituationGuide {
    let args = insurer_args(insurer, words.locale());
    let mut steps: Vec<String> = situation
        .step_ids()
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
    let mut dates = Vec::new();
    if let Some(status) = status {
        let r = &status.evaluation.results;
        let e = &status.evaluation;
        let wanted: Vec<(MessageId, Option<NaiveDate>)> = match situation {
            Situation::CertificateExpired => vec![
                (DeadlineKind::CertExpires.message_id(), r.cert_expires_on),
                (DeadlineKind::GraceEnds.message_id(), r.insurance_use_until),
            ],
            Situation::Moved => vec![
                (DeadlineKind::MoveInDue.message_id(), r.move_in_due_on),
                (
                    DeadlineKind::ContinuedUseDue.message_id(),
                    r.continued_use_due_on,
                ),
            ],
            Situation::GoingAbroad => vec![
                (
                    DeadlineKind::OverseasApplyBy.message_id(),
                    r.overseas_apply_by,
                ),
                (
                    ids::GUIDE_LAST_WEEKDAY,
                    e.overseas_apply_by_last_business_day
                        .filter(|day| Some(*day) != r.overseas_apply_by),
                ),
            ],
            Situation::NewInsurer => {
                vec![(
                    DeadlineKind::InsuranceUsableFrom.message_id(),
                    r.insurance_usable_from,
                )]
            }
            Situation::CardLost | Situation::EligibilityCertificate => Vec::new(),
        };
        for (id, date) in wanted {
            if let Some(date) = date {
                dates.push(GuideDate {
                    label: words.label(id),
                    date,
                    written: words.date(date),
                });
            }
        }
    }
    SituationGuide {
        situation,
        title: words.label(situation.title_id()),
        steps,
        dates,
    }
}
