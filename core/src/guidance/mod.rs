//! What to carry and present, and what to do when something changes (RULES.md R6, R8;
//! the seeds S0–S4), in the user's language; and the clinic card the staff read.
//!
//! - [`what_to_present`]: from the card state and what the member holds, the primary way
//!   (マイナ保険証, スマホ保険証, 資格確認書), the fallback when the reader fails (the card
//!   with the downloaded 資格情報, with the お知らせ, or with the 被保険者資格申立書 filled
//!   in at the counter), and what never works on its own (the PDF or the お知らせ).
//! - [`walk_preparation`]: the preparation flowchart (card and smartphone / card only /
//!   no card) as a walk of yes/no answers.
//! - [`situation_guide`]: card lost, certificate expired, moved, going abroad, new insurer,
//!   and the 資格確認書 with its 8 + 2 reasons.
//! - [`clinic`]: the card shown across the counter, its staff note always in Japanese.

pub mod clinic;

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use crate::content::InsurerDetails;
use crate::error::{Error, Result};
use crate::household::{CardCondition, Holdings, MemberStatus};
use crate::i18n::{Locale, format_date, label, text};
use crate::rules::CardState;

/// A way to prove insurance at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum PresentWay {
    /// The マイナンバーカード registered as insurance card, at the reader.
    MynaCard,
    /// マイナ保険証 on the smartphone, where the facility supports it.
    SmartphoneInsuranceCard,
    /// The paper 資格確認書 from the insurer.
    EligibilityCertificate,
}

/// What to show when the reader cannot confirm the card (or there is none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum FallbackWay {
    /// The card together with the 資格情報 downloaded from マイナポータル (this app).
    CardWithDownloadedRecord,
    /// The card together with the cut-out 資格情報のお知らせ.
    CardWithNotice,
    /// The card together with the 被保険者資格申立書 filled in at the counter.
    CardWithDeclarationForm,
}

/// What is never enough on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum NeverAlone {
    DownloadedRecord,
    Notice,
}

/// Something the member should do to be ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Preparation {
    GetCard,
    SuspendAndReissueCard,
    RegisterCardForInsurance,
    RenewCertificate,
    RestoreCardAtMunicipality,
    DownloadRecord,
    CarryNotice,
    ApplyForEligibilityCertificate,
    ReplaceEligibilityCertificate,
}

/// What the advice is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentInput {
    pub holdings: Holdings,
    pub card_state: CardState,
    /// A 資格情報 PDF is stored in the app.
    pub has_downloaded_record: bool,
    /// Whether the member's 資格確認書 is valid today (`None`: holds none).
    pub eligibility_certificate_valid: Option<bool>,
}

/// What to present now, and what to do to be ready.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PresentAdvice {
    /// The normal ways, best first; empty when the member cannot prove insurance.
    pub primary: Vec<PresentWay>,
    /// When the reader fails, in order; the last resort comes last.
    pub fallback: Vec<FallbackWay>,
    /// Never enough on its own.
    pub never_alone: Vec<NeverAlone>,
    pub to_do: Vec<Preparation>,
    /// Whether the member can be seen with insurance today.
    pub covered: bool,
}

impl PresentInput {
    /// Whether the card works as マイナ保険証: held, in hand, registered, and its
    /// certificate valid or in grace (or its dates not entered yet).
    pub fn card_usable(&self) -> bool {
        self.holdings.card_usable(self.card_state)
    }
}

/// R8: what the member presents, from their state and what they hold.
pub fn what_to_present(input: &PresentInput) -> PresentAdvice {
    let h = input.holdings;
    let card_usable = input.card_usable();
    let certificate_valid = input.eligibility_certificate_valid == Some(true);
    let mut primary = Vec::new();
    if card_usable {
        primary.push(PresentWay::MynaCard);
        if h.has_smartphone && h.smartphone_insurance_card {
            primary.push(PresentWay::SmartphoneInsuranceCard);
        }
    }
    if certificate_valid {
        primary.push(PresentWay::EligibilityCertificate);
    }
    let mut fallback = Vec::new();
    if card_usable {
        if input.has_downloaded_record {
            fallback.push(FallbackWay::CardWithDownloadedRecord);
        }
        if h.carries_notice {
            fallback.push(FallbackWay::CardWithNotice);
        }
        fallback.push(FallbackWay::CardWithDeclarationForm);
    }
    let mut to_do = Vec::new();
    let mut add = |p: Preparation| {
        if !to_do.contains(&p) {
            to_do.push(p);
        }
    };
    if !h.has_card {
        add(Preparation::GetCard);
    }
    if h.has_card && h.card_condition == CardCondition::Lost {
        add(Preparation::SuspendAndReissueCard);
    }
    if h.has_card && !h.registered_for_insurance && h.card_condition == CardCondition::InHand {
        add(Preparation::RegisterCardForInsurance);
    }
    if h.has_card
        && matches!(
            input.card_state,
            CardState::RenewalWindow | CardState::Grace | CardState::Expired
        )
    {
        add(Preparation::RenewCertificate);
    }
    if matches!(
        input.card_state,
        CardState::InvalidMoved | CardState::InvalidOverseas
    ) {
        add(Preparation::RestoreCardAtMunicipality);
    }
    if !card_usable && !certificate_valid {
        add(if input.eligibility_certificate_valid == Some(false) {
            Preparation::ReplaceEligibilityCertificate
        } else {
            Preparation::ApplyForEligibilityCertificate
        });
    }
    if card_usable && !input.has_downloaded_record {
        add(if h.has_smartphone {
            Preparation::DownloadRecord
        } else {
            Preparation::CarryNotice
        });
    }
    if card_usable && !input.has_downloaded_record && h.has_smartphone && !h.carries_notice {
        // Until the download is done, the お知らせ is the fallback.
        add(Preparation::CarryNotice);
    }
    PresentAdvice {
        covered: !primary.is_empty(),
        primary,
        fallback,
        never_alone: vec![NeverAlone::DownloadedRecord, NeverAlone::Notice],
        to_do,
    }
}

/// Why an insurer issues a 資格確認書: the eight reasons of S3 Q6 and the two S1 adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum EligibilityReason {
    CardLost,
    CardBeingRenewed,
    CertificateExpired,
    NotRegistered,
    NoCard,
    CardReturned,
    NeedsHelper,
    EligibilityCertificateLostOrDamaged,
    NoMyNumber,
    VoidAfterLeavingJapan,
}

impl EligibilityReason {
    /// All ten, in the order the insurers list them.
    pub const ALL: [EligibilityReason; 10] = [
        EligibilityReason::CardLost,
        EligibilityReason::CardBeingRenewed,
        EligibilityReason::CertificateExpired,
        EligibilityReason::NotRegistered,
        EligibilityReason::NoCard,
        EligibilityReason::CardReturned,
        EligibilityReason::NeedsHelper,
        EligibilityReason::EligibilityCertificateLostOrDamaged,
        EligibilityReason::NoMyNumber,
        EligibilityReason::VoidAfterLeavingJapan,
    ];

    fn message_id(self) -> &'static str {
        match self {
            EligibilityReason::CardLost => "reason-card_lost",
            EligibilityReason::CardBeingRenewed => "reason-card_being_renewed",
            EligibilityReason::CertificateExpired => "reason-certificate_expired",
            EligibilityReason::NotRegistered => "reason-not_registered",
            EligibilityReason::NoCard => "reason-no_card",
            EligibilityReason::CardReturned => "reason-card_returned",
            EligibilityReason::NeedsHelper => "reason-needs_helper",
            EligibilityReason::EligibilityCertificateLostOrDamaged => "reason-certificate_lost",
            EligibilityReason::NoMyNumber => "reason-no_my_number",
            EligibilityReason::VoidAfterLeavingJapan => "reason-void_abroad",
        }
    }
}

/// The reasons that apply to a member now (a lost 資格確認書 is for the member to say).
pub fn eligibility_reasons(input: &PresentInput) -> Vec<EligibilityReason> {
    let h = input.holdings;
    let mut reasons = Vec::new();
    let mut when = |applies: bool, reason| {
        if applies {
            reasons.push(reason);
        }
    };
    when(
        h.has_card && h.card_condition == CardCondition::Lost,
        EligibilityReason::CardLost,
    );
    when(
        h.has_card && h.card_condition == CardCondition::BeingRenewed,
        EligibilityReason::CardBeingRenewed,
    );
    when(
        h.has_card && matches!(input.card_state, CardState::Grace | CardState::Expired),
        EligibilityReason::CertificateExpired,
    );
    when(
        h.has_card && !h.registered_for_insurance,
        EligibilityReason::NotRegistered,
    );
    when(!h.has_card, EligibilityReason::NoCard);
    when(
        h.has_card && h.card_condition == CardCondition::Returned,
        EligibilityReason::CardReturned,
    );
    when(h.needs_helper, EligibilityReason::NeedsHelper);
    when(!h.has_my_number, EligibilityReason::NoMyNumber);
    when(
        input.card_state == CardState::InvalidOverseas,
        EligibilityReason::VoidAfterLeavingJapan,
    );
    reasons
}

/// A line of guidance: a sentence, or a labelled date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct GuideDate {
    pub label: String,
    pub date: NaiveDate,
    /// The date as the user reads it (令和8年12月1日(火) / Tue 1 Dec 2026).
    pub written: String,
}

/// Advice written out for a screen or the terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WrittenAdvice {
    pub advice: PresentAdvice,
    pub primary: Vec<String>,
    pub fallback: Vec<String>,
    pub never_alone: Vec<String>,
    pub to_do: Vec<String>,
    /// Reasons for a 資格確認書 that apply, written out.
    pub eligibility_reasons: Vec<String>,
}

fn insurer_args<'a>(
    insurer: &'a InsurerDetails,
    locale: Locale,
) -> Vec<(&'static str, FluentValue<'a>)> {
    vec![
        ("insurer", insurer.name.get(locale).into()),
        (
            "certificate_form",
            insurer
                .forms
                .eligibility_certificate_application
                .get(locale)
                .into(),
        ),
        (
            "notice_form",
            insurer.forms.notice_reissue_application.get(locale).into(),
        ),
        (
            "declaration_form",
            insurer.forms.counter_declaration.get(locale).into(),
        ),
        (
            "days",
            FluentValue::from(insurer.eligibility_certificate.issue_may_take_days),
        ),
        (
            "years",
            FluentValue::from(insurer.eligibility_certificate.max_years),
        ),
    ]
}

/// The advice with every item written in `locale`.
pub fn write_advice(
    input: &PresentInput,
    locale: Locale,
    insurer: &InsurerDetails,
) -> WrittenAdvice {
    let advice = what_to_present(input);
    let args = insurer_args(insurer, locale);
    let say = |id: String| text(locale, &id, &args);
    WrittenAdvice {
        primary: advice
            .primary
            .iter()
            .map(|w| say(format!("present-{}", snake(w))))
            .collect(),
        fallback: advice
            .fallback
            .iter()
            .map(|w| say(format!("fallback-{}", snake(w))))
            .collect(),
        never_alone: advice
            .never_alone
            .iter()
            .map(|w| say(format!("never-alone-{}", snake(w))))
            .collect(),
        to_do: advice
            .to_do
            .iter()
            .map(|p| say(format!("prepare-{}", snake(p))))
            .collect(),
        eligibility_reasons: eligibility_reasons(input)
            .into_iter()
            .map(|r| label(locale, r.message_id()))
            .collect(),
        advice,
    }
}

/// The serde name of a unit enum variant (`card_with_notice`).
fn snake<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

// ---- the preparation flowchart ----

/// A node of the preparation flowchart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum FlowNode {
    /// Question: a card and a smartphone?
    CardAndSmartphone,
    /// Question: a card (without a smartphone)?
    CardOnly,
    /// Outcome: download the 資格情報 to the phone.
    DownloadRecord,
    /// Outcome: carry the cut-out お知らせ with the card.
    CarryNotice,
    /// Outcome: get a card; until then a 資格確認書.
    NoCard,
}

/// Where a walk of the flowchart stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FlowStep {
    pub node: FlowNode,
    /// The question to answer yes or no (none at an outcome).
    pub question: Option<String>,
    /// The steps to take (at an outcome).
    pub steps: Vec<String>,
    pub finished: bool,
}

/// Walks the preparation flowchart (S0, S2) with yes/no `answers` from the start.
pub fn walk_preparation(
    answers: &[bool],
    locale: Locale,
    insurer: &InsurerDetails,
) -> Result<FlowStep> {
    let mut node = FlowNode::CardAndSmartphone;
    for (index, yes) in answers.iter().enumerate() {
        node = match (node, yes) {
            (FlowNode::CardAndSmartphone, true) => FlowNode::DownloadRecord,
            (FlowNode::CardAndSmartphone, false) => FlowNode::CardOnly,
            (FlowNode::CardOnly, true) => FlowNode::CarryNotice,
            (FlowNode::CardOnly, false) => FlowNode::NoCard,
            _ => {
                return Err(Error::invalid(
                    "answers",
                    format!("the flowchart ends after {index} answer(s)"),
                ));
            }
        };
    }
    let args = insurer_args(insurer, locale);
    let lines = |prefix: &str, count: usize| -> Vec<String> {
        (1..=count)
            .map(|i| text(locale, &format!("{prefix}-{i}"), &args))
            .collect()
    };
    Ok(match node {
        FlowNode::CardAndSmartphone => FlowStep {
            node,
            question: Some(label(locale, "flow-question-card_and_smartphone")),
            steps: Vec::new(),
            finished: false,
        },
        FlowNode::CardOnly => FlowStep {
            node,
            question: Some(label(locale, "flow-question-card_only")),
            steps: Vec::new(),
            finished: false,
        },
        FlowNode::DownloadRecord => FlowStep {
            node,
            question: None,
            steps: lines("flow-download", 6),
            finished: true,
        },
        FlowNode::CarryNotice => FlowStep {
            node,
            question: None,
            steps: lines("flow-notice", 3),
            finished: true,
        },
        FlowNode::NoCard => FlowStep {
            node,
            question: None,
            steps: lines("flow-no_card", 3),
            finished: true,
        },
    })
}

// ---- situations ----

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

/// How many steps each situation has in the locales.
fn step_count(situation: Situation) -> usize {
    match situation {
        Situation::CardLost => 4,
        Situation::CertificateExpired => 4,
        Situation::Moved => 4,
        Situation::GoingAbroad => 3,
        Situation::NewInsurer => 4,
        Situation::EligibilityCertificate => 3,
    }
}

/// The guide to `situation`, with the member's dates when their status is given.
pub fn situation_guide(
    situation: Situation,
    status: Option<&MemberStatus>,
    locale: Locale,
    insurer: &InsurerDetails,
) -> SituationGuide {
    let name = snake(&situation);
    let args = insurer_args(insurer, locale);
    let mut steps: Vec<String> = (1..=step_count(situation))
        .map(|i| text(locale, &format!("situation-{name}-{i}"), &args))
        .collect();
    if situation == Situation::EligibilityCertificate {
        steps.extend(
            EligibilityReason::ALL
                .iter()
                .map(|r| format!("・{}", label(locale, r.message_id()))),
        );
    }
    let mut dates = Vec::new();
    if let Some(status) = status {
        let r = &status.evaluation.results;
        let e = &status.evaluation;
        let wanted: Vec<(&str, Option<NaiveDate>)> = match situation {
            Situation::CertificateExpired => vec![
                ("deadline-cert_expires", r.cert_expires_on),
                ("deadline-grace_ends", r.insurance_use_until),
            ],
            Situation::Moved => vec![
                ("deadline-move_in_due", r.move_in_due_on),
                ("deadline-continued_use_due", r.continued_use_due_on),
            ],
            Situation::GoingAbroad => vec![
                ("deadline-overseas_apply_by", r.overseas_apply_by),
                (
                    "guide-last-weekday",
                    e.overseas_apply_by_last_business_day
                        .filter(|day| Some(*day) != r.overseas_apply_by),
                ),
            ],
            Situation::NewInsurer => {
                vec![("deadline-insurance_usable_from", r.insurance_usable_from)]
            }
            Situation::CardLost | Situation::EligibilityCertificate => Vec::new(),
        };
        for (id, date) in wanted {
            if let Some(date) = date {
                dates.push(GuideDate {
                    label: label(locale, id),
                    date,
                    written: format_date(locale, date),
                });
            }
        }
    }
    SituationGuide {
        situation,
        title: label(locale, &format!("situation-{name}")),
        steps,
        dates,
    }
}
