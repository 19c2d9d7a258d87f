//! A member whose record the store could not open: the household list still shows
//! every other member, and this one in its place with a sentence saying what happened
//! (the store's integrity checks, `crate::store`).

use serde::Serialize;

use crate::i18n::{MessageId, Words, ids};

use super::Member;

/// What is wrong with a member's stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum MemberDamage {
    /// The sealed record does not open: it was altered or corrupted.
    Unreadable,
    /// The record is not the one the store last wrote: an older copy was put back.
    Outdated,
    /// The store lists the member, but their record is gone.
    Missing,
}

impl MemberDamage {
    /// The message of the sentence that explains it.
    pub fn message_id(self) -> MessageId {
        match self {
            MemberDamage::Unreadable => ids::MEMBER_DAMAGED_UNREADABLE,
            MemberDamage::Outdated => ids::MEMBER_DAMAGED_OUTDATED,
            MemberDamage::Missing => ids::MEMBER_DAMAGED_MISSING,
        }
    }
}

/// A member the store could not open, shown in the household list in their place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DamagedMember {
    pub member_id: String,
    pub damage: MemberDamage,
    /// What happened and what to do, in the member's language.
    pub text: String,
}

impl DamagedMember {
    /// The damaged member, worded with `words` (the member's language).
    pub fn new(member_id: String, damage: MemberDamage, words: Words<'_>) -> Self {
        DamagedMember {
            member_id,
            damage,
            text: words.label(damage.message_id()),
        }
    }
}

/// The household as stored: the members that opened, and those that did not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberListing {
    pub members: Vec<Member>,
    pub damaged: Vec<(String, MemberDamage)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_damage_is_worded_in_both_languages() {
        for damage in [
            MemberDamage::Unreadable,
            MemberDamage::Outdated,
            MemberDamage::Missing,
        ] {
            let ja = DamagedMember::new("m".to_owned(), damage, Words::built_in(Locale::Ja)).text;
            let en = DamagedMember::new("m".to_owned(), damage, Words::built_in(Locale::En)).text;
            assert_ne!(ja, damage.message_id().as_str());
            assert_ne!(en, damage.message_id().as_str());
            assert!(ja.contains("ほかの方"), "{ja}");
            assert!(en.contains("other members"), "{en}");
        }
    }
}
