//! The preparation flowchart (seeds S0, S2): card and smartphone → download the
//! 資格情報; card only → carry the お知らせ; no card → get one, and a 資格確認書 until then.

use serde::{Deserialize, Serialize};

use super::insurer_args;
use crate::content::InsurerDetails;
use crate::error::{Error, Field, Reason, Result};
use crate::i18n::Words;

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
    words: Words<'_>,
    insurer: &InsurerDetails,
) -> Result<FlowStep> {
    let mut node = FlowNode::CardAndSmartphone;
    for yes in answers {
        node = match (node, yes) {
            (FlowNode::CardAndSmartphone, true) => FlowNode::DownloadRecord,
            (FlowNode::CardAndSmartphone, false) => FlowNode::CardOnly,
            (FlowNode::CardOnly, true) => FlowNode::CarryNotice,
            (FlowNode::CardOnly, false) => FlowNode::NoCard,
            _ => {
                return Err(Error::invalid(
                    Field::FlowchartAnswers,
                    Reason::TooManyAnswers {
                        answered: u32::try_from(answers.len()).unwrap_or(u32::MAX),
                    },
                ));
            }
        };
    }
    let args = insurer_args(insurer, words);
    let question = node.question_id();
    Ok(FlowStep {
        node,
        question: question.map(|id| words.label(id)),
        steps: node
            .step_ids()
            .iter()
            .map(|&id| words.text(id, &args))
            .collect(),
        finished: question.is_none(),
    })
}
