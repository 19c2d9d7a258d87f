//! A member's dated steps: the deadlines that follow from the rules' results (R1 card,
//! R2/R3 certificate and grace, R4 move, R5 departure, R6 資格確認書, R7 first usable
//! day, R12 在留期間, R13 the 70th and 75th birthdays and a dependent's new insurance),
//! pending or done, upcoming or overdue on a day, with the other dates their texts name.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Member;
use crate::rules::dates::days_between;
use crate::rules::old_age;
use crate::rules::{DateSource, Evaluation, HolidayCalendar};

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
    /// R4: the last day for the 転入届 after a move to another municipality.
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
    /// The stored 資格情報 PDF is stale (over 12 months old, older than the member's
    /// last change of facts or than a change of insurance): download a fresh one (a
    /// reminder, not a legal deadline).
    #[serde(rename = "refresh_document")]
    RefreshDocument,
    /// R12: the 在留期間満了日 that ends the card: after the stay is extended, the card's
    /// validity is changed at the municipality before this day.
    #[serde(rename = "residence_period_ends")]
    ResidencePeriodEnds,
    /// R13: the member is a 高齢受給者 from this day (the month after the 70th birthday).
    #[serde(rename = "elderly_copay_from")]
    ElderlyCopayFrom,
    /// R13: the member is insured by 後期高齢者医療 from this day (the 75th birthday).
    #[serde(rename = "late_stage_elderly_from")]
    LateStageElderlyFrom,
    /// R13: a dependent of a member who turned 75 joins another insurance by this day
    /// (国民健康保険: within 14 days).
    #[serde(rename = "join_other_insurance_due")]
    JoinOtherInsuranceDue,
    /// R4: the last day for the 転居届 after a move inside one municipality (the card
    /// stays valid).
    #[serde(rename = "change_of_address_due")]
    ChangeOfAddressDue,
}

impl DeadlineKind {
    /// Every kind, in a fixed order.
    pub const ALL: [DeadlineKind; 16] = [
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
        DeadlineKind::ResidencePeriodEnds,
        DeadlineKind::ElderlyCopayFrom,
        DeadlineKind::LateStageElderlyFrom,
        DeadlineKind::JoinOtherInsuranceDue,
        DeadlineKind::ChangeOfAddressDue,
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
            K::ResidencePeriodEnds => "residence_period_ends",
            K::ElderlyCopayFrom => "elderly_copay_from",
            K::LateStageElderlyFrom => "late_stage_elderly_from",
            K::JoinOtherInsuranceDue => "join_other_insurance_due",
            K::ChangeOfAddressDue => "change_of_address_due",
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
                | DeadlineKind::ElderlyCopayFrom
                | DeadlineKind::LateStageElderlyFrom
        )
    }
}

/// Other dates a step's texts name besides its own (R1, R2, R4, R5, R12, R13).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RelatedDates {
    /// The expiry the step is about: for a renewal window that opens, the expiry it
    /// leads to (R1, R2); for the end of the grace after the card itself expired, the
    /// card's expiry (R1, R3).
    pub expires_on: Option<NaiveDate>,
    /// A municipal deadline that falls on a closed day is met on this next open day
    /// (R4's decision; the deadline itself stays as computed).
    pub next_open_day: Option<NaiveDate>,
    /// A step due by a closed day, at a counter that may open on weekdays only: the last
    /// open day before it (R5, R12).
    pub last_open_day: Option<NaiveDate>,
    /// For a dependent's step: the day they stop being a dependent, the insured
    /// member's 75th birthday (R13).
    pub dependent_status_ends_on: Option<NaiveDate>,
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
    /// R7, counted from the joining or past the end of the holiday list: then it is the
    /// earliest the day can be).
    pub estimated: bool,
    pub related: RelatedDates,
}

/// Days before an age step (R13) from which it is listed: two years.
pub const AGE_STEP_NOTICE_DAYS: i64 = 731;

/// The member's pending steps on `today`, split into upcoming (soonest first) and
/// overdue; `insured` is the member they are a dependent of, if any (R13).
pub(crate) fn pending(
    member: &Member,
    insured: Option<&Member>,
    evaluation: &Evaluation,
    today: NaiveDate,
    calendar: &HolidayCalendar,
) -> (Vec<Deadline>, Vec<Deadline>) {
    let mut upcoming = Vec::new();
    let mut overdue = Vec::new();
    for candidate in candidates(member, insured, evaluation, today) {
        let Some(date) = candidate.date.filter(|_| candidate.pending) else {
            continue;
        };
        let deadline = Deadline {
            kind: candidate.kind,
            date,
            days_left: days_between(today, date),
            estimated: candidate.estimated,
            related: related_dates(candidate.kind, date, evaluation, insured, calendar),
        };
        if date >= today {
            upcoming.push(deadline);
        } else if !candidate.kind.is_start() {
            overdue.push(deadline);
        }
    }
    upcoming.sort_by_key(|d| (d.date, d.kind));
    overdue.sort_by_key(|d| (d.date, d.kind));
    (upcoming, overdue)
}

/// The other dates the texts of a step of `kind` on `date` name.
pub(crate) fn related_dates(
    kind: DeadlineKind,
    date: NaiveDate,
    evaluation: &Evaluation,
    insured: Option<&Member>,
    calendar: &HolidayCalendar,
) -> RelatedDates {
    use DeadlineKind as K;
    let results = &evaluation.results;
    let mut related = RelatedDates::default();
    match kind {
        K::CertRenewalOpens => related.expires_on = results.cert_expires_on,
        K::CardRenewalOpens => related.expires_on = results.card_expires_on,
        K::GraceEnds => return grace_related_dates(evaluation),
        K::MoveInDue | K::ChangeOfAddressDue | K::ContinuedUseDue => {
            related.next_open_day = calendar.next_open_day_when_closed(date);
        }
        K::JoinOtherInsuranceDue => {
            related.next_open_day = calendar.next_open_day_when_closed(date);
            related.dependent_status_ends_on =
                insured.and_then(|m| old_age::late_stage_elderly_from(m.facts.birth_date));
        }
        K::OverseasApplyBy | K::ResidencePeriodEnds => {
            related.last_open_day = calendar.last_open_day_when_closed(date);
        }
        _ => {}
    }
    related
}

/// The dates the end of the grace (R3) speaks of: the card's expiry when the certificate
/// ended with the card (a new card, not a renewed certificate, ends the grace).
pub(crate) fn grace_related_dates(evaluation: &Evaluation) -> RelatedDates {
    RelatedDates {
        expires_on: evaluation
            .results
            .card_expires_on
            .filter(|_| evaluation.certificate_ends_with_card),
        ..RelatedDates::default()
    }
}

/// Every dated step the rules know for the member, whether still pending or done, past
/// or to come (a reminder about any of them may still be on the member's screen).
pub fn every_dated_step(
    member: &Member,
    insured: Option<&Member>,
    evaluation: &Evaluation,
    today: NaiveDate,
) -> Vec<(DeadlineKind, NaiveDate)> {
    candidates(member, insured, evaluation, today)
        .into_iter()
        .filter_map(|c| Some((c.kind, c.date?)))
        .collect()
}

/// A kind's date for one member, whether it is still pending on `today`, and whether it
/// is an estimate.
struct Candidate {
    kind: DeadlineKind,
    date: Option<NaiveDate>,
    pending: bool,
    estimated: bool,
}

/// Each kind's candidate. One chain of steps leads to each expiry: the certificate's own
/// (renew it, R2), the card's when the certificate ends with it (a new card, R1), or the
/// 在留期間満了日 when it ends the card (change the card's validity, R12).
fn candidates(
    member: &Member,
    insured: Option<&Member>,
    evaluation: &Evaluation,
    today: NaiveDate,
) -> Vec<Candidate> {
    use DeadlineKind as K;
    let facts = &member.facts;
    let results = &evaluation.results;
    let cert_expired = results.cert_expires_on.is_some_and(|day| day < today);
    let card_estimated = evaluation.card_expiry_source == Some(DateSource::Computed);
    let cert_estimated = evaluation.cert_expiry_source == Some(DateSource::Computed);
    let certificate_chain = !evaluation.certificate_ends_with_card;
    let card_chain = !evaluation.card_ends_with_residence_limit;
    let within_notice = |date: Option<NaiveDate>| {
        date.is_some_and(|d| days_between(today, d) <= AGE_STEP_NOTICE_DAYS)
    };
    let (usable_from, usable_estimated) = match results.insurance_usable_from {
        Some(day) => (Some(day), !evaluation.holidays_known),
        None => (evaluation.insurance_usable_earliest_on, true),
    };
    let join_due = insured.and_then(|insured| {
        old_age::former_dependent_join_due(facts.birth_date, insured.facts.birth_date)
    });
    // Done once the former dependent joined (or was registered by) another insurer on
    // or after the day the status ended.
    let dependent_status_ends =
        insured.and_then(|insured| old_age::late_stage_elderly_from(insured.facts.birth_date));
    let joined_since = dependent_status_ends.is_some_and(|ends| {
        facts
            .insurer_registered_on
            .or(facts.insurer_joined_on)
            .is_some_and(|day| day >= ends)
    });
    let candidate = |kind, date, pending, estimated| Candidate {
        kind,
        date,
        pending,
        estimated,
    };
    vec![
        candidate(
            K::CertRenewalOpens,
            results.cert_renewal_opens_on,
            certificate_chain,
            cert_estimated,
        ),
        candidate(
            K::CertExpires,
            results.cert_expires_on,
            certificate_chain,
            cert_estimated,
        ),
        candidate(
            K::GraceEnds,
            results.insurance_use_until,
            cert_expired,
            cert_estimated,
        ),
        candidate(
            K::CardRenewalOpens,
            evaluation.card_renewal_opens_on,
            card_chain,
            card_estimated,
        ),
        candidate(
            K::CardExpires,
            results.card_expires_on,
            card_chain,
            card_estimated,
        ),
        candidate(
            K::ResidencePeriodEnds,
            facts.residence_limit_on,
            evaluation.card_ends_with_residence_limit,
            false,
        ),
        candidate(
            if facts.moved_within_municipality {
                K::ChangeOfAddressDue
            } else {
                K::MoveInDue
            },
            results.move_in_due_on,
            facts.move_in_filed_on.is_none(),
            false,
        ),
        candidate(
            K::ContinuedUseDue,
            results.continued_use_due_on,
            facts.continued_use_done_on.is_none(),
            false,
        ),
        candidate(
            K::OverseasApplyBy,
            results.overseas_apply_by,
            facts.overseas_continued_use_applied_on.is_none(),
            false,
        ),
        candidate(K::InsuranceUsableFrom, usable_from, true, usable_estimated),
        candidate(
            K::EligibilityCertificateExpires,
            member.eligibility_certificate_expires_on,
            true,
            false,
        ),
        candidate(
            K::ElderlyCopayFrom,
            evaluation.elderly_copay_from,
            within_notice(evaluation.elderly_copay_from),
            false,
        ),
        candidate(
            K::LateStageElderlyFrom,
            evaluation.late_stage_elderly_from,
            within_notice(evaluation.late_stage_elderly_from),
            false,
        ),
        candidate(K::JoinOtherInsuranceDue, join_due, !joined_since, false),
    ]
}
