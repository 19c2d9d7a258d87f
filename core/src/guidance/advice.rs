//! R8: what the member presents at the counter, what works when the reader fails, what
//! never works on its own, what to do to be ready, and the reasons for a 資格確認書 (R6),
//! from the card state and what the member holds.

use serde::{Deserialize, Serialize};

use super::insurer_args;
use crate::content::InsurerDetails;
use crate::household::{CardCondition, Holdings, Member, MemberStatus};
use crate::i18n::{MessageId, Words, ids};
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
    /// R1: the card itself expires (with the certificate): a new card, about a month.
    ApplyForNewCard,
    /// R12: the card ends on the 在留期間満了日: change its validity after the stay is
    /// extended.
    ChangeCardValidity,
}

/// What keeps the card working past the expiry that comes next (R1, R2, R12).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum RenewalStep {
    /// Renew the electronic certificate at the municipality (R2).
    #[default]
    Certificate,
    /// The certificate ends with the card: apply for a new card (R1).
    NewCard,
    /// The card ends on the 在留期間満了日: change its validity (R12).
    CardValidityChange,
}

impl RenewalStep {
    /// The step for a member's evaluated status.
    pub fn of(status: &MemberStatus) -> RenewalStep {
        let evaluation = &status.evaluation;
        if evaluation.card_ends_with_residence_limit && evaluation.certificate_ends_with_card {
            RenewalStep::CardValidityChange
        } else if evaluation.certificate_ends_with_card {
            RenewalStep::NewCard
        } else {
            RenewalStep::Certificate
        }
    }
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
    /// What keeps the card working past its next expiry.
    pub renewal: RenewalStep,
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
    /// The input for `member` evaluated as `status`, with or without a stored 資格情報.
    pub fn for_member(member: &Member, status: &MemberStatus, has_downloaded_record: bool) -> Self {
        PresentInput {
            holdings: member.holdings,
            card_state: status.card_state(),
            has_downloaded_record,
            eligibility_certificate_valid: status.eligibility_certificate_valid,
            renewal: RenewalStep::of(status),
        }
    }

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
    // Without a マイナンバー no card can be made (a child born abroad): the 資格確認書 is
    // the way, never an impossible step.
    if !h.has_card && h.has_my_number {
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
        add(match input.renewal {
            RenewalStep::Certificate => Preparation::RenewCertificate,
            RenewalStep::NewCard => Preparation::ApplyForNewCard,
            RenewalStep::CardValidityChange => Preparation::ChangeCardValidity,
        });
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

/// The advice with every item written in the member's language.
pub fn write_advice(
    input: &PresentInput,
    words: Words<'_>,
    insurer: &InsurerDetails,
) -> WrittenAdvice {
    let advice = what_to_present(input);
    let args = insurer_args(insurer, words);
    let say = |id: MessageId| words.text(id, &args);
    let preparation_id = |p: &Preparation| match p {
        Preparation::ApplyForEligibilityCertificate
            if insurer.eligibility_certificate.issued_without_application =>
        {
            ids::PREPARE_RECEIVE_ELIGIBILITY_CERTIFICATE
        }
        _ => p.message_id(),
    };
    WrittenAdvice {
        primary: advice.primary.iter().map(|w| say(w.message_id())).collect(),
        fallback: advice
            .fallback
            .iter()
            .map(|w| say(w.message_id()))
            .collect(),
        never_alone: advice
            .never_alone
            .iter()
            .map(|w| say(w.message_id()))
            .collect(),
        to_do: advice
            .to_do
            .iter()
            .map(|p| say(preparation_id(p)))
            .collect(),
        eligibility_reasons: eligibility_reasons(input)
            .into_iter()
            .map(|r| words.label(r.message_id()))
            .collect(),
        advice,
    }
}
