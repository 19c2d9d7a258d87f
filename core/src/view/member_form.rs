//! What the member form starts from: a new member's defaults and the relationship
//! choices, named in the member's language.

use chrono::NaiveDate;
use serde::Serialize;

use crate::household::{Holdings, MemberDraft, Relationship};
use crate::i18n::Words;
use crate::rules::Facts;

/// A new member for the form: no name yet, the member themselves, born on `birth_date`
/// (the one fact the rules need), holding what most members hold.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn new_member_draft(birth_date: NaiveDate) -> MemberDraft {
    MemberDraft {
        display_name: String::new(),
        relationship: Relationship::Myself,
        facts: Facts::born_on(birth_date),
        eligibility_certificate_expires_on: None,
        eligibility_certificate_issued_on: None,
        holdings: Holdings::default(),
        insurance_fields: None,
        dependent_of: None,
    }
}

/// One choice of a picker: the value and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RelationshipChoice {
    pub relationship: Relationship,
    pub label: String,
}

/// The relationships a member form offers, named in the member's language.
pub fn relationship_choices(words: Words<'_>) -> Vec<RelationshipChoice> {
    Relationship::ALL
        .iter()
        .map(|&relationship| RelationshipChoice {
            relationship,
            label: words.label(relationship.message_id()),
        })
        .collect()
}
