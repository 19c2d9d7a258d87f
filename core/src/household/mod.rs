//! A household: members, their facts, and their status evaluated on one day.
//!
//! Each member's facts go through [`crate::rules::evaluate`] (R1–R7, R12, R13); the
//! status adds the deadlines that follow from the results (R1 card, R2/R3 certificate
//! and grace, R4 move, R5 departure, R6 資格確認書, R7 first usable day, R12 在留期間,
//! R13 the 70th and 75th birthdays), split into upcoming and overdue, and the household
//! is sorted so the member who needs action first comes first. A dependent's link to the
//! insured member (R13) is followed within the household.

pub mod damaged;
pub mod deadlines;
pub mod member;
pub mod transfer;

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub(crate) use deadlines::grace_related_dates;
pub use deadlines::{Deadline, DeadlineKind, RelatedDates, every_dated_step};
pub use member::{
    CardCondition, Holdings, MAX_DISPLAY_NAME_CHARS, Member, MemberDraft, Relationship, check_name,
};

use crate::rules::legacy::eligibility_certificate_valid;
use crate::rules::old_age::late_stage_elderly_from;
use crate::rules::{CardState, Evaluation, HolidayCalendar, evaluate_with_calendar};

/// One member evaluated on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct MemberStatus {
    pub member_id: String,
    pub display_name: String,
    pub relationship: Relationship,
    pub evaluation: Evaluation,
    /// The card's state as the member's screens show it: the rules' state, or `Lost`
    /// when the member reported the card lost (a lost card is never shown as valid).
    pub shown_state: CardState,
    /// Whether the card works as マイナ保険証 today, given what the member holds.
    pub card_usable: bool,
    /// Upcoming steps, soonest first (today included).
    pub upcoming: Vec<Deadline>,
    /// Limits that passed without the step being recorded, oldest first.
    pub overdue: Vec<Deadline>,
    /// R6: whether the member's 資格確認書 is valid today (`None`: holds none).
    pub eligibility_certificate_valid: Option<bool>,
}

impl MemberStatus {
    /// The card state on the evaluated day, as the rules give it from the dates.
    pub fn card_state(&self) -> CardState {
        self.evaluation.results.card_state
    }

    /// The soonest upcoming step.
    pub fn next_deadline(&self) -> Option<&Deadline> {
        self.upcoming.first()
    }

    /// Whether the member can be seen at a clinic with insurance today: a usable
    /// マイナ保険証, or a valid 資格確認書.
    pub fn covered_today(&self) -> bool {
        self.card_usable || self.eligibility_certificate_valid == Some(true)
    }

    /// 0 is most urgent: not covered, then grace or overdue steps, then a window open or
    /// a step within 30 days, then unknown, then nothing to do.
    pub fn urgency_rank(&self) -> u8 {
        const SOON_DAYS: i64 = 30;
        let state = self.card_state();
        if !self.covered_today() {
            0
        } else if state == CardState::Grace || !self.overdue.is_empty() {
            1
        } else if state == CardState::RenewalWindow
            || self
                .next_deadline()
                .is_some_and(|d| d.days_left <= SOON_DAYS && !d.kind.is_start())
        {
            2
        } else if state == CardState::Unknown {
            3
        } else {
            4
        }
    }

    fn urgency_order(&self, other: &Self) -> Ordering {
        let next = |s: &Self| s.next_deadline().map_or(NaiveDate::MAX, |d| d.date);
        self.urgency_rank()
            .cmp(&other.urgency_rank())
            .then_with(|| next(self).cmp(&next(other)))
            .then_with(|| self.display_name.cmp(&other.display_name))
    }
}

/// Evaluates one member on `today` on their own, without the household (a link to an
/// insured member is not followed); see [`evaluate_member_in`].
pub fn evaluate_member(
    member: &Member,
    today: NaiveDate,
    calendar: &HolidayCalendar,
) -> MemberStatus {
    evaluate_member_in(member, &[], today, calendar)
}

/// Evaluates one member of `household` on `today`, following their link to the insured
/// member (R13).
pub fn evaluate_member_in(
    member: &Member,
    household: &[Member],
    today: NaiveDate,
    calendar: &HolidayCalendar,
) -> MemberStatus {
    let evaluation = evaluate_with_calendar(&member.facts, today, calendar);
    let insured = member.insured_in(household);
    let (upcoming, overdue) = deadlines::pending(member, insured, &evaluation, today, calendar);
    let shown_state = if member.holdings.card_condition == CardCondition::Lost {
        CardState::Lost
    } else {
        evaluation.results.card_state
    };
    MemberStatus {
        member_id: member.id.clone(),
        display_name: member.display_name.clone(),
        relationship: member.relationship,
        card_usable: member.holdings.card_usable(evaluation.results.card_state),
        shown_state,
        evaluation,
        upcoming,
        overdue,
        eligibility_certificate_valid: member
            .eligibility_certificate_expires_on
            .map(|expires| eligibility_certificate_valid(expires, today)),
    }
}

/// R13: the days a member's 資格情報 changes with their age, or their insured member's:
/// a record made before one of them is stale from it.
pub fn insurance_change_days(member: &Member, household: &[Member]) -> Vec<NaiveDate> {
    let birth = member.facts.birth_date;
    let insured_turns_75 = member
        .insured_in(household)
        .and_then(|insured| late_stage_elderly_from(insured.facts.birth_date));
    [
        crate::rules::old_age::elderly_copay_from(birth),
        late_stage_elderly_from(birth),
        insured_turns_75,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The members a household keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Household {
    pub members: Vec<Member>,
}

impl Household {
    /// Every member evaluated on `today`, most urgent first.
    pub fn evaluate(&self, today: NaiveDate) -> Vec<MemberStatus> {
        self.evaluate_with_calendar(today, HolidayCalendar::embedded())
    }

    /// As [`Household::evaluate`], with a given holiday list.
    pub fn evaluate_with_calendar(
        &self,
        today: NaiveDate,
        calendar: &HolidayCalendar,
    ) -> Vec<MemberStatus> {
        let mut statuses: Vec<MemberStatus> = self
            .members
            .iter()
            .map(|member| evaluate_member_in(member, &self.members, today, calendar))
            .collect();
        statuses.sort_by(MemberStatus::urgency_order);
        statuses
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Facts;
    use crate::rules::dates::civil;

    fn member(id: &str, facts: Facts) -> Member {
        Member {
            id: id.to_owned(),
            display_name: id.to_owned(),
            name_as_printed: None,
            relationship: Relationship::Other,
            facts,
            eligibility_certificate_expires_on: None,
            eligibility_certificate_issued_on: None,
            holdings: Holdings::default(),
            insurance_fields: None,
            dependent_of: None,
        }
    }

    fn facts(birth: NaiveDate, f: impl FnOnce(&mut Facts)) -> Facts {
        let mut facts = Facts::born_on(birth);
        f(&mut facts);
        facts
    }

    #[test]
    fn sorted_by_urgency() {
        let today = civil(2026, 11, 21);
        let household = Household {
            members: vec![
                member(
                    "valid",
                    facts(civil(1990, 6, 15), |f| {
                        f.card_issued_on = Some(civil(2024, 3, 1));
                    }),
                ),
                member("unknown", Facts::born_on(civil(1990, 6, 15))),
                member(
                    "expired",
                    facts(civil(1980, 10, 10), |f| {
                        f.card_issued_on = Some(civil(2020, 5, 15));
                    }),
                ),
                member(
                    "grace",
                    facts(civil(1975, 8, 20), |f| {
                        f.card_issued_on = Some(civil(2017, 1, 10));
                        f.cert_issued_on = Some(civil(2022, 5, 1));
                    }),
                ),
                member(
                    "window",
                    facts(civil(1985, 1, 20), |f| {
                        f.cert_expires_on = Some(civil(2027, 1, 20));
                    }),
                ),
            ],
        };
        let order: Vec<String> = household
            .evaluate(today)
            .into_iter()
            .map(|s| s.member_id)
            .collect();
        assert_eq!(order, ["expired", "grace", "window", "unknown", "valid"]);
    }

    #[test]
    fn done_steps_are_not_deadlines_and_missed_ones_are_overdue() {
        let today = civil(2026, 4, 20);
        let moved = member(
            "m",
            facts(civil(1990, 6, 15), |f| {
                f.card_issued_on = Some(civil(2024, 3, 1));
                f.moved_on = Some(civil(2026, 4, 1));
            }),
        );
        let status = evaluate_member(&moved, today, HolidayCalendar::embedded());
        assert_eq!(status.card_state(), CardState::InvalidMoved);
        assert_eq!(
            status.overdue.iter().map(|d| d.kind).collect::<Vec<_>>(),
            [DeadlineKind::MoveInDue]
        );
        assert_eq!(status.overdue.first().map(|d| d.days_left), Some(-5));
        assert_eq!(status.urgency_rank(), 0);

        let mut filed = moved.clone();
        filed.facts.move_in_filed_on = Some(civil(2026, 4, 10));
        let status = evaluate_member(&filed, today, HolidayCalendar::embedded());
        assert!(status.overdue.is_empty());
        assert_eq!(
            status.next_deadline().map(|d| (d.kind, d.date)),
            Some((DeadlineKind::ContinuedUseDue, civil(2026, 7, 9)))
        );
    }

    #[test]
    fn a_lost_card_is_not_usable_whatever_its_dates() {
        let today = civil(2026, 11, 21);
        let mut lost = member(
            "lost",
            facts(civil(1990, 6, 15), |f| {
                f.card_issued_on = Some(civil(2024, 3, 1));
            }),
        );
        let status = evaluate_member(&lost, today, HolidayCalendar::embedded());
        assert!(status.card_usable && status.covered_today());
        lost.holdings.card_condition = CardCondition::Lost;
        let status = evaluate_member(&lost, today, HolidayCalendar::embedded());
        assert_eq!(
            status.card_state(),
            CardState::Valid,
            "the dates alone say valid"
        );
        assert_eq!(
            status.shown_state,
            CardState::Lost,
            "but it is shown as lost"
        );
        assert!(!status.card_usable && !status.covered_today());
        assert_eq!(status.urgency_rank(), 0);
    }

    #[test]
    fn a_valid_eligibility_certificate_covers_an_unusable_card() {
        let today = civil(2026, 11, 21);
        let mut expired = member(
            "e",
            facts(civil(1980, 10, 10), |f| {
                f.card_issued_on = Some(civil(2020, 5, 15));
            }),
        );
        expired.eligibility_certificate_expires_on = Some(civil(2029, 11, 30));
        let status = evaluate_member(&expired, today, HolidayCalendar::embedded());
        assert!(status.covered_today());
        assert_eq!(status.eligibility_certificate_valid, Some(true));
        assert_ne!(status.urgency_rank(), 0);
    }

    /// These names are stored (members, reminder settings, the content's lead times) and
    /// hashed into reminder ids and calendar UIDs: they never change.
    #[test]
    fn stored_names_are_explicit_and_stay_the_same() {
        fn json<T: Serialize>(value: &T) -> String {
            serde_json::to_value(value)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        }
        let kinds: Vec<(String, &str)> = DeadlineKind::ALL
            .iter()
            .map(|kind| (json(kind), kind.stable_name()))
            .collect();
        for (serde_name, stable_name) in &kinds {
            assert_eq!(serde_name, stable_name);
        }
        assert_eq!(
            kinds.iter().map(|(_, name)| *name).collect::<Vec<_>>(),
            [
                "cert_renewal_opens",
                "cert_expires",
                "grace_ends",
                "card_renewal_opens",
                "card_expires",
                "move_in_due",
                "continued_use_due",
                "overseas_apply_by",
                "insurance_usable_from",
                "eligibility_certificate_expires",
                "refresh_document",
                "residence_period_ends",
                "elderly_copay_from",
                "late_stage_elderly_from",
                "join_other_insurance_due",
                "change_of_address_due",
            ]
        );
        let relationships: Vec<String> = Relationship::ALL.iter().map(json).collect();
        assert_eq!(
            relationships,
            ["myself", "spouse", "child", "parent", "other"]
        );
        for relationship in Relationship::ALL {
            assert_eq!(json(&relationship), relationship.stable_name());
        }
        let conditions: Vec<String> = [
            CardCondition::InHand,
            CardCondition::Lost,
            CardCondition::BeingRenewed,
            CardCondition::Returned,
        ]
        .iter()
        .map(json)
        .collect();
        assert_eq!(conditions, ["in_hand", "lost", "being_renewed", "returned"]);
    }
}
