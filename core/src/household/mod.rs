//! A household: members, their facts, and their status evaluated on one day.
//!
//! Each member's facts go through [`crate::rules::evaluate`] (R1–R7); the status adds
//! the deadlines that follow from the results (R1 card, R2/R3 certificate and grace,
//! R4 move, R5 departure, R6 資格確認書, R7 first usable day), split into upcoming and
//! overdue, and the household is sorted so the member who needs action first comes
//! first.

pub mod transfer;

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::rules::dates::days_between;
use crate::rules::legacy::eligibility_certificate_valid;
use crate::rules::{
    CardState, DateSource, Evaluation, Facts, HolidayCalendar, evaluate_with_calendar,
};

/// How a member is related to the person who keeps the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Relationship {
    #[serde(rename = "myself")]
    Myself,
    #[serde(rename = "spouse")]
    Spouse,
    #[serde(rename = "child")]
    Child,
    #[serde(rename = "parent")]
    Parent,
    #[serde(rename = "other")]
    Other,
}

impl Relationship {
    /// Every relationship, in the order a form offers them.
    pub const ALL: [Relationship; 5] = [
        Relationship::Myself,
        Relationship::Spouse,
        Relationship::Child,
        Relationship::Parent,
        Relationship::Other,
    ];

    /// The relationship's stable name: its key in JSON and in stored members.
    pub fn stable_name(self) -> &'static str {
        match self {
            Relationship::Myself => "myself",
            Relationship::Spouse => "spouse",
            Relationship::Child => "child",
            Relationship::Parent => "parent",
            Relationship::Other => "other",
        }
    }
}

/// What happened to a member's card, beyond its dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum CardCondition {
    /// In hand and in use.
    #[default]
    #[serde(rename = "in_hand")]
    InHand,
    /// Lost (and suspended, or to be).
    #[serde(rename = "lost")]
    Lost,
    /// Handed in for renewal or reissue.
    #[serde(rename = "being_renewed")]
    BeingRenewed,
    /// Given back to the municipality (返納).
    #[serde(rename = "returned")]
    Returned,
}

/// What a member holds and can use at the counter (R6, R8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(default, deny_unknown_fields)]
pub struct Holdings {
    /// Has a マイナンバーカード.
    pub has_card: bool,
    pub card_condition: CardCondition,
    /// The card is registered for use as health insurance card (保険証利用登録).
    pub registered_for_insurance: bool,
    pub has_smartphone: bool,
    /// マイナ保険証 set up on the smartphone (スマホ保険証, since 2025-09).
    pub smartphone_insurance_card: bool,
    /// Keeps the cut-out 資格情報のお知らせ with the card.
    pub carries_notice: bool,
    /// Needs a helper to use マイナ保険証 at the reader (a reason for a 資格確認書).
    pub needs_helper: bool,
    /// Has a マイナンバー at all (children born abroad may not).
    pub has_my_number: bool,
}

impl Default for Holdings {
    fn default() -> Self {
        Holdings {
            has_card: true,
            card_condition: CardCondition::InHand,
            registered_for_insurance: true,
            has_smartphone: true,
            smartphone_insurance_card: false,
            carries_notice: false,
            needs_helper: false,
            has_my_number: true,
        }
    }
}

impl Holdings {
    /// Whether the card works as マイナ保険証 in `state`: held, in hand, registered, and
    /// its certificate valid or in grace (or its dates not entered yet). The one place
    /// this is decided; guidance and the dashboard both ask here.
    pub fn card_usable(&self, state: CardState) -> bool {
        self.has_card
            && self.card_condition == CardCondition::InHand
            && self.registered_for_insurance
            && (state.usable_as_insurance_card() || state == CardState::Unknown)
    }
}

/// One person whose cards the household keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Member {
    pub id: String,
    pub display_name: String,
    pub relationship: Relationship,
    pub facts: Facts,
    /// R6: the expiry printed on the member's 資格確認書, when they hold one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_certificate_expires_on: Option<NaiveDate>,
    #[serde(default)]
    pub holdings: Holdings,
    /// Insurance numbers typed from the お知らせ or received from another device, used
    /// where no 資格情報 PDF is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_fields: Option<crate::vault::DocumentFields>,
}

/// A member as typed in, before the store gives them an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MemberDraft {
    pub display_name: String,
    pub relationship: Relationship,
    pub facts: Facts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub eligibility_certificate_expires_on: Option<NaiveDate>,
    #[serde(default)]
    pub holdings: Holdings,
    /// Insurance numbers typed from the お知らせ or received from another device, used
    /// where no 資格情報 PDF is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub insurance_fields: Option<crate::vault::DocumentFields>,
}

/// The longest display name kept.
pub const MAX_DISPLAY_NAME_CHARS: usize = 60;

impl MemberDraft {
    /// Checks the draft: a display name of 1–60 characters without control characters,
    /// facts that can be true together, a 資格確認書 date after birth.
    pub fn validate(&self) -> crate::error::Result<()> {
        use crate::error::{Error, Field, Reason};
        let name = self.display_name.trim();
        if name.is_empty() || name.chars().count() > MAX_DISPLAY_NAME_CHARS {
            return Err(Error::invalid(
                Field::DisplayName,
                Reason::Length {
                    min: 1,
                    max: MAX_DISPLAY_NAME_CHARS as u32,
                },
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(Error::invalid(
                Field::DisplayName,
                Reason::ControlCharacters,
            ));
        }
        self.facts.validate()?;
        if let Some(fields) = &self.insurance_fields {
            fields.validate()?;
        }
        if self
            .eligibility_certificate_expires_on
            .is_some_and(|day| day < self.facts.birth_date)
        {
            return Err(Error::invalid(
                Field::EligibilityCertificateExpiresOn,
                Reason::EarlierThan {
                    other: Field::BirthDate,
                },
            ));
        }
        Ok(())
    }

    /// The member this draft becomes under `id`.
    pub fn into_member(self, id: String) -> Member {
        Member {
            id,
            display_name: self.display_name.trim().to_owned(),
            relationship: self.relationship,
            facts: self.facts,
            eligibility_certificate_expires_on: self.eligibility_certificate_expires_on,
            holdings: self.holdings,
            insurance_fields: self.insurance_fields,
        }
    }
}

impl Member {
    /// The member without their id.
    pub fn to_draft(&self) -> MemberDraft {
        MemberDraft {
            display_name: self.display_name.clone(),
            relationship: self.relationship,
            facts: self.facts.clone(),
            eligibility_certificate_expires_on: self.eligibility_certificate_expires_on,
            holdings: self.holdings,
            insurance_fields: self.insurance_fields.clone(),
        }
    }
}

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum DeadlineKind {
    /// R2: the certificate can be renewed from this day.
    #[serde(rename = "cert_renewal_opens")]
    CertRenewalOpens,
    /// R2: the certificate's last valid day.
    #[serde(rename = "cert_expires")]
    CertExpires,
    /// R3: the last day the card works as マイナ保険証 after the certificate expired.
    #[serde(rename = "grace_ends")]
    GraceEnds,
    /// R1: the card itself can be renewed from this day.
    #[serde(rename = "card_renewal_opens")]
    CardRenewalOpens,
    /// R1: the card's last valid day.
    #[serde(rename = "card_expires")]
    CardExpires,
    /// R4: the last day for the 転入届.
    #[serde(rename = "move_in_due")]
    MoveInDue,
    /// R4: the last day for 継続利用 at the new municipality.
    #[serde(rename = "continued_use_due")]
    ContinuedUseDue,
    /// R5: the last day to apply for 国外継続利用.
    #[serde(rename = "overseas_apply_by")]
    OverseasApplyBy,
    /// R7: マイナ保険証 works with the new insurer from this day.
    #[serde(rename = "insurance_usable_from")]
    InsuranceUsableFrom,
    /// R6: the 資格確認書's last valid day.
    #[serde(rename = "eligibility_certificate_expires")]
    EligibilityCertificateExpires,
    /// The stored 資格情報 PDF is over 12 months old or older than the member's last
    /// change of facts: download a fresh one (a reminder, not a legal deadline).
    #[serde(rename = "refresh_document")]
    RefreshDocument,
}

impl DeadlineKind {
    /// Every kind, in a fixed order.
    pub const ALL: [DeadlineKind; 11] = [
        DeadlineKind::CertRenewalOpens,
        DeadlineKind::CertExpires,
        DeadlineKind::GraceEnds,
        DeadlineKind::CardRenewalOpens,
        DeadlineKind::CardExpires,
        DeadlineKind::MoveInDue,
        DeadlineKind::ContinuedUseDue,
        DeadlineKind::OverseasApplyBy,
        DeadlineKind::InsuranceUsableFrom,
        DeadlineKind::EligibilityCertificateExpires,
        DeadlineKind::RefreshDocument,
    ];

    /// The kind's stable name: its key in JSON, in the stored reminder settings and the
    /// content's lead times, and part of every reminder id and calendar UID. A name
    /// never changes: acknowledged reminders would come back and calendars would hold
    /// each event twice.
    pub fn stable_name(self) -> &'static str {
        use DeadlineKind as K;
        match self {
            K::CertRenewalOpens => "cert_renewal_opens",
            K::CertExpires => "cert_expires",
            K::GraceEnds => "grace_ends",
            K::CardRenewalOpens => "card_renewal_opens",
            K::CardExpires => "card_expires",
            K::MoveInDue => "move_in_due",
            K::ContinuedUseDue => "continued_use_due",
            K::OverseasApplyBy => "overseas_apply_by",
            K::InsuranceUsableFrom => "insurance_usable_from",
            K::EligibilityCertificateExpires => "eligibility_certificate_expires",
            K::RefreshDocument => "refresh_document",
        }
    }

    /// Whether the day marks a start (a window opening, a first usable day) rather than
    /// a limit; a start that has passed is not overdue.
    pub fn is_start(self) -> bool {
        matches!(
            self,
            DeadlineKind::CertRenewalOpens
                | DeadlineKind::CardRenewalOpens
                | DeadlineKind::InsuranceUsableFrom
                | DeadlineKind::RefreshDocument
        )
    }
}

/// A dated step for one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    /// Days from today to `date` (negative when past).
    pub days_left: i64,
    /// Whether the date is computed from facts rather than printed on the card (or, for
    /// R7, counted past the end of the holiday list): shown as an estimate.
    pub estimated: bool,
}

/// One member evaluated on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct MemberStatus {
    pub member_id: String,
    pub display_name: String,
    pub relationship: Relationship,
    pub evaluation: Evaluation,
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
    /// The card state on the evaluated day.
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

/// Evaluates one member on `today`.
pub fn evaluate_member(
    member: &Member,
    today: NaiveDate,
    calendar: &HolidayCalendar,
) -> MemberStatus {
    let evaluation = evaluate_with_calendar(&member.facts, today, calendar);
    let (upcoming, overdue) = deadlines(member, &evaluation, today);
    MemberStatus {
        member_id: member.id.clone(),
        display_name: member.display_name.clone(),
        relationship: member.relationship,
        card_usable: member.holdings.card_usable(evaluation.results.card_state),
        evaluation,
        upcoming,
        overdue,
        eligibility_certificate_valid: member
            .eligibility_certificate_expires_on
            .map(|expires| eligibility_certificate_valid(expires, today)),
    }
}

/// The member's pending steps, split into upcoming (soonest first) and overdue.
fn deadlines(
    member: &Member,
    evaluation: &Evaluation,
    today: NaiveDate,
) -> (Vec<Deadline>, Vec<Deadline>) {
    let mut upcoming = Vec::new();
    let mut overdue = Vec::new();
    for (kind, date, pending, estimated) in candidates(member, evaluation, today) {
        let Some(date) = date.filter(|_| pending) else {
            continue;
        };
        let deadline = Deadline {
            kind,
            date,
            days_left: days_between(today, date),
            estimated,
        };
        if date >= today {
            upcoming.push(deadline);
        } else if !kind.is_start() {
            overdue.push(deadline);
        }
    }
    upcoming.sort_by_key(|d| (d.date, d.kind));
    overdue.sort_by_key(|d| (d.date, d.kind));
    (upcoming, overdue)
}

/// Every dated step the rules know for the member, whether still pending or done, past
/// or to come (a reminder about any of them may still be on the member's screen).
pub fn every_dated_step(
    member: &Member,
    evaluation: &Evaluation,
    today: NaiveDate,
) -> Vec<(DeadlineKind, NaiveDate)> {
    candidates(member, evaluation, today)
        .into_iter()
        .filter_map(|(kind, date, _, _)| Some((kind, date?)))
        .collect()
}

/// Each kind's date, whether it is still pending on `today`, and whether it is an
/// estimate.
fn candidates(
    member: &Member,
    evaluation: &Evaluation,
    today: NaiveDate,
) -> [(DeadlineKind, Option<NaiveDate>, bool, bool); 10] {
    use DeadlineKind as K;
    let facts = &member.facts;
    let results = &evaluation.results;
    let cert_expired = results.cert_expires_on.is_some_and(|day| day < today);
    let card_renewal_differs = evaluation.card_renewal_opens_on != results.cert_renewal_opens_on;
    let card_estimated = evaluation.card_expiry_source == Some(DateSource::Computed);
    let cert_estimated = evaluation.cert_expiry_source == Some(DateSource::Computed);
    // (kind, date, still pending, estimated)
    [
        (
            K::CertRenewalOpens,
            results.cert_renewal_opens_on,
            true,
            cert_estimated,
        ),
        (
            K::CertExpires,
            results.cert_expires_on,
            true,
            cert_estimated,
        ),
        (
            K::GraceEnds,
            results.insurance_use_until,
            cert_expired,
            cert_estimated,
        ),
        (
            K::CardRenewalOpens,
            evaluation.card_renewal_opens_on,
            card_renewal_differs,
            card_estimated,
        ),
        (
            K::CardExpires,
            results.card_expires_on,
            true,
            card_estimated,
        ),
        (
            K::MoveInDue,
            results.move_in_due_on,
            facts.move_in_filed_on.is_none(),
            false,
        ),
        (
            K::ContinuedUseDue,
            results.continued_use_due_on,
            facts.continued_use_done_on.is_none(),
            false,
        ),
        (
            K::OverseasApplyBy,
            results.overseas_apply_by,
            facts.overseas_continued_use_applied_on.is_none(),
            false,
        ),
        (
            K::InsuranceUsableFrom,
            results.insurance_usable_from,
            true,
            !evaluation.holidays_known,
        ),
        (
            K::EligibilityCertificateExpires,
            member.eligibility_certificate_expires_on,
            true,
            false,
        ),
    ]
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
            .map(|member| evaluate_member(member, today, calendar))
            .collect();
        statuses.sort_by(MemberStatus::urgency_order);
        statuses
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    fn member(id: &str, facts: Facts) -> Member {
        Member {
            id: id.to_owned(),
            display_name: id.to_owned(),
            relationship: Relationship::Other,
            facts,
            eligibility_certificate_expires_on: None,
            holdings: Holdings::default(),
            insurance_fields: None,
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
