//! What to carry and present, and what to do when something changes (RULES.md R6, R8;
//! the seeds S0–S4), in the user's language; and the clinic card the staff read.
//!
//! - [`what_to_present`]: from the card state and what the member holds, the primary way
//!   (マイナ保険証, スマホ保険証, 資格確認書), the fallback when the reader fails (the card
//!   with the downloaded 資格情報, with the お知らせ, or with the 被保険者資格申立書 filled
//!   in at the counter), and what never works on its own (the PDF or the お知らせ).
//! - [`walk_preparation`]: the preparation flowchart (card and smartphone / card only /
//!   no card) as a walk of yes/no answers.
//! - [`situation_guide`]: card lost, certificate or card expiring, moved (to another
//!   municipality or within one), going abroad, new insurer, the 資格確認書 with its
//!   8 + 2 reasons, hospital stays and costs, the reader, スマホ保険証, foreign residents
//!   (R12), the 70th and 75th birthdays and a dependent's new insurance (R13), the
//!   legacy 健康保険証 (R6).
//! - [`clinic`]: the card shown across the counter, its staff note always in Japanese.
//! - [`insurers`]: whom to ask, by the insurer's own content or its type (R13).
//!
//! Two promises hold in every text: the 資格情報 (PDF or screen) or the お知らせ alone
//! never suffices, and the 資格確認書 is named whenever the card cannot be used.

pub mod advice;
pub mod clinic;
pub mod flowchart;
pub mod insurers;
pub mod situations;

use fluent_bundle::FluentValue;

pub use advice::{
    EligibilityReason, FallbackWay, NeverAlone, Preparation, PresentAdvice, PresentInput,
    PresentWay, RenewalStep, WrittenAdvice, eligibility_reasons, what_to_present, write_advice,
};
pub use flowchart::{FlowNode, FlowStep, walk_preparation};
pub use insurers::insurer_for_member;
pub use situations::{GuideDate, Situation, SituationGuide, situation_guide};

use crate::content::InsurerDetails;
use crate::i18n::{Words, ids};
use crate::rules::dates::plus_days;
use crate::rules::legacy::LEGACY_CARD_LAST_DAY;

/// The arguments every guidance text may use: the insurer, whom to contact (with the
/// phone number when known), its forms, its 資格確認書 policy, and the first day the
/// legacy 健康保険証 no longer worked (R6).
fn insurer_args<'a>(
    insurer: &'a InsurerDetails,
    words: Words<'_>,
) -> Vec<(&'static str, FluentValue<'a>)> {
    let locale = words.locale();
    let name = insurer.name.get(locale);
    let contact = match &insurer.phone {
        Some(phone) => words.text(
            ids::INSURER_CONTACT_WITH_PHONE,
            &[("insurer", name.into()), ("phone", phone.as_str().into())],
        ),
        None => name.to_owned(),
    };
    let legacy_unusable_from = plus_days(LEGACY_CARD_LAST_DAY, 1).unwrap_or(LEGACY_CARD_LAST_DAY);
    vec![
        ("insurer", name.into()),
        ("contact", contact.into()),
        (
            "legacy_unusable_from",
            words.date(legacy_unusable_from).into(),
        ),
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
