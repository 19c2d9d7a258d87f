//! A member's dated steps: the deadlines that follow from the rules' results (R1 card,
//! R2/R3 certificate and grace, R4 move, R5 departure, R6 資格確認書, R7 first usable
//! day), pending or done, upcoming or overdue on a day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Member;
use crate::rules::dates::days_between;
use crate::rules::{DateSource, Evaluation};

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

/// The member's pending steps on `today`, split into upcoming (soonest first) and
/// overdue.
pub(crate) fn pending(
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
