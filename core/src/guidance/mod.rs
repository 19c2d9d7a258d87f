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

pub mod advice;
pub mod clinic;
pub mod flowchart;
pub mod situations;

use fluent_bundle::FluentValue;

pub use advice::{
    EligibilityReason, FallbackWay, NeverAlone, Preparation, PresentAdvice, PresentInput,
    PresentWay, WrittenAdvice, eligibility_reasons, what_to_present, write_advice,
};
pub use flowchart::{FlowNode, FlowStep, walk_preparation};
pub use situations::{GuideDate, Situation, SituationGuide, situation_guide};

use crate::content::InsurerDetails;
use crate::i18n::Locale;

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
