//! The date law of the マイナ保険証 (RULES.md R1–R7, R9–R13) as pure functions of facts
//! and `today`: no clock, no I/O.
//!
//! [`evaluate`] is the one entry point that turns [`Facts`] into every date and the card
//! state; the CLI's `shikaku rules`, the household and the tests all go through it.
//! Where RULES.md states a decision (29 February, printed dates), the code follows it
//! and says so where it is implemented.

pub mod business_days;
pub mod card;
pub mod certificate;
pub mod dates;
pub mod era;
pub mod facts;
pub mod insurer_number;
pub mod insurer_type;
pub mod legacy;
pub mod moving;
pub mod my_number;
pub mod old_age;
pub mod overseas;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use business_days::HolidayCalendar;
pub use facts::{Facts, FactsError};
pub use insurer_type::{InsurerType, insurer_type};

use moving::Move;
use overseas::Departure;

/// The state of a member's card as マイナ保険証 on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum CardState {
    /// The certificate is valid and its renewal window has not opened.
    Valid,
    /// The certificate is valid and can be renewed now (R2).
    RenewalWindow,
    /// The certificate expired; eligibility still works until the grace ends (R3).
    Grace,
    /// The grace is over: renew and register again; meanwhile a 資格確認書.
    Expired,
    /// The card became invalid after a move inside Japan (R4).
    InvalidMoved,
    /// The card became invalid on departure abroad (R5).
    InvalidOverseas,
    /// No certificate date is known.
    Unknown,
    /// The member reported the card lost: whatever its dates say, it is not usable. A
    /// member's state, from what they hold (the household gives it; the rules never do).
    Lost,
}

impl CardState {
    /// Whether the card can be used as マイナ保険証 in this state.
    pub fn usable_as_insurance_card(self) -> bool {
        matches!(
            self,
            CardState::Valid | CardState::RenewalWindow | CardState::Grace
        )
    }
}

/// The results of RULES.md's vocabulary: exactly what `shikaku rules` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RuleResults {
    pub card_expires_on: Option<NaiveDate>,
    pub cert_expires_on: Option<NaiveDate>,
    pub cert_renewal_opens_on: Option<NaiveDate>,
    pub insurance_use_until: Option<NaiveDate>,
    pub move_in_due_on: Option<NaiveDate>,
    pub continued_use_due_on: Option<NaiveDate>,
    pub overseas_apply_by: Option<NaiveDate>,
    pub insurance_usable_from: Option<NaiveDate>,
    pub card_state: CardState,
}

/// Where a date comes from: printed on the card (券面), or computed by the rules
/// (then the member is shown it is an estimate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum DateSource {
    Printed,
    Computed,
}

/// Everything the rules say about one member on one day: the vocabulary's results and
/// the extra dates a screen needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Evaluation {
    pub results: RuleResults,
    pub card_expiry_source: Option<DateSource>,
    pub cert_expiry_source: Option<DateSource>,
    /// R1: the card itself can be renewed from this day.
    pub card_renewal_opens_on: Option<NaiveDate>,
    /// R5: the last weekday a weekday-only counter takes the 国外継続利用 application.
    pub overseas_apply_by_last_business_day: Option<NaiveDate>,
    /// R4/R5: the first day the card is invalid, when it is by `today`.
    pub card_invalid_from: Option<NaiveDate>,
    /// R7: false when the holiday list does not cover the dates counted, so holidays
    /// may be missing from `insurance_usable_from`.
    pub holidays_known: bool,
    /// R1/R2: the certificate ends with the card (a child's 5-year card, the last years
    /// of an adult's): the step before that day is a new card, not a new certificate.
    pub certificate_ends_with_card: bool,
    /// R12: the card ends on the 在留期間満了日: the step is to change the card's
    /// validity at the municipality after the stay is extended, before that day.
    pub card_ends_with_residence_limit: bool,
    /// R7: when only the joining date is known, the earliest day マイナ保険証 may work
    /// with the new insurer (an estimate: registration follows the joining).
    pub insurance_usable_earliest_on: Option<NaiveDate>,
    /// R13: the first day the member is a 高齢受給者 (the copay share changes).
    pub elderly_copay_from: Option<NaiveDate>,
    /// R13: the first day the member is insured by 後期高齢者医療 (the 75th birthday).
    pub late_stage_elderly_from: Option<NaiveDate>,
}

/// Evaluates `facts` on `today` with the embedded holiday list.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn evaluate(facts: &Facts, today: NaiveDate) -> Evaluation {
    evaluate_with_calendar(facts, today, HolidayCalendar::embedded())
}

/// Evaluates `facts` on `today` with a given holiday list (a refreshed one, or a test's).
pub fn evaluate_with_calendar(
    facts: &Facts,
    today: NaiveDate,
    calendar: &HolidayCalendar,
) -> Evaluation {
    let birth = facts.birth_date;

    // R1: printed expiry overrides the computed one; the 在留期間 caps either.
    let (card_expires_on, card_expiry_source) = match (facts.card_expires_on, facts.card_issued_on)
    {
        (Some(printed), _) => (Some(printed), Some(DateSource::Printed)),
        (None, Some(issued)) => (
            card::card_expires_on(birth, issued, facts.card_applied_on),
            Some(DateSource::Computed),
        ),
        (None, None) => (None, None),
    };
    let card_expires_on =
        card_expires_on.map(|day| card::cap_by_residence_limit(day, facts.residence_limit_on));

    // R2: printed certificate expiry wins; otherwise the 5th birthday after its issue
    // (with the card unless renewed; the 6th when renewed inside the previous
    // certificate's window), never past the card.
    let (cert_expires_on, cert_expiry_source) = match facts.cert_expires_on {
        Some(printed) => (Some(printed), Some(DateSource::Printed)),
        None => match facts.cert_issued_on.or(facts.card_issued_on) {
            Some(issued) => (
                certificate::cert_expires_on(
                    birth,
                    issued,
                    previous_cert_expires_on(facts, card_expires_on),
                    card_expires_on,
                ),
                Some(DateSource::Computed),
            ),
            None => (None, None),
        },
    };
    let cert_renewal_opens_on = cert_expires_on.and_then(certificate::renewal_opens_on);
    let insurance_use_until = cert_expires_on.and_then(certificate::insurance_use_until);

    let domestic_move = Move {
        moved_out_planned_on: facts.moved_out_planned_on,
        moved_on: facts.moved_on,
        within_municipality: facts.moved_within_municipality,
        move_in_filed_on: facts.move_in_filed_on,
        continued_use_done_on: facts.continued_use_done_on,
    };
    let departure = Departure {
        overseas_departure_on: facts.overseas_departure_on,
        overseas_continued_use_applied_on: facts.overseas_continued_use_applied_on,
        foreign_national: facts.foreign_national,
    };

    // R7: counted from the registration; from the joining date only as an estimate.
    let registered = facts.insurer_registered_on;
    let insurance_usable_from = registered.and_then(|day| calendar.insurance_usable_from(day));
    let insurance_usable_earliest_on = match registered {
        Some(_) => None,
        None => facts
            .insurer_joined_on
            .and_then(|day| calendar.insurance_usable_from(day)),
    };
    let counted_from = registered.or(facts.insurer_joined_on);
    let holidays_known = [
        counted_from,
        insurance_usable_from,
        insurance_usable_earliest_on,
    ]
    .into_iter()
    .flatten()
    .all(|day| calendar.covers(day));

    // The state: an invalid card wins over the certificate's state; when both a move and
    // a departure made it invalid, the earlier invalidation names the state.
    let moved_invalid = domestic_move.card_invalid_from(today);
    let overseas_invalid = departure.card_invalid_from(today);
    let (card_state, card_invalid_from) = match (moved_invalid, overseas_invalid) {
        (Some(moved), Some(abroad)) if abroad < moved => (CardState::InvalidOverseas, Some(abroad)),
        (Some(moved), _) => (CardState::InvalidMoved, Some(moved)),
        (None, Some(abroad)) => (CardState::InvalidOverseas, Some(abroad)),
        (None, None) => (
            certificate_state(
                today,
                cert_expires_on,
                cert_renewal_opens_on,
                insurance_use_until,
            ),
            None,
        ),
    };

    Evaluation {
        results: RuleResults {
            card_expires_on,
            cert_expires_on,
            cert_renewal_opens_on,
            insurance_use_until,
            move_in_due_on: domestic_move.move_in_due_on(),
            continued_use_due_on: domestic_move.continued_use_due_on(),
            overseas_apply_by: departure.apply_by(),
            insurance_usable_from,
            card_state,
        },
        card_expiry_source,
        cert_expiry_source,
        card_renewal_opens_on: card_expires_on.and_then(certificate::renewal_opens_on),
        overseas_apply_by_last_business_day: departure.apply_by_last_business_day(calendar),
        card_invalid_from,
        holidays_known,
        certificate_ends_with_card: cert_expires_on.is_some() && cert_expires_on == card_expires_on,
        card_ends_with_residence_limit: card_expires_on.is_some()
            && card_expires_on == facts.residence_limit_on,
        insurance_usable_earliest_on,
        elderly_copay_from: old_age::elderly_copay_from(birth),
        late_stage_elderly_from: old_age::late_stage_elderly_from(birth),
    }
}

/// R2: the expiry of the certificate that `cert_issued_on`'s replaced: as given, or,
/// when the certificate was issued apart from the card, the one issued with the card.
fn previous_cert_expires_on(
    facts: &Facts,
    card_expires_on: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if facts.previous_cert_expires_on.is_some() {
        return facts.previous_cert_expires_on;
    }
    let (Some(card_issued), Some(cert_issued)) = (facts.card_issued_on, facts.cert_issued_on)
    else {
        return None;
    };
    if card_issued == cert_issued {
        return None;
    }
    certificate::cert_expires_on(facts.birth_date, card_issued, None, card_expires_on)
}

/// R2/R3: valid → renewal window → grace → expired, judged on `today`.
fn certificate_state(
    today: NaiveDate,
    expires_on: Option<NaiveDate>,
    renewal_opens_on: Option<NaiveDate>,
    use_until: Option<NaiveDate>,
) -> CardState {
    let Some(expires_on) = expires_on else {
        return CardState::Unknown;
    };
    if today <= expires_on {
        if renewal_opens_on.is_some_and(|opens| today >= opens) {
            CardState::RenewalWindow
        } else {
            CardState::Valid
        }
    } else if use_until.is_some_and(|until| today <= until) {
        CardState::Grace
    } else {
        CardState::Expired
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dates::civil;

    #[test]
    fn nothing_known_is_unknown() {
        let evaluation = evaluate(&Facts::born_on(civil(1990, 6, 15)), civil(2026, 11, 21));
        assert_eq!(evaluation.results.card_state, CardState::Unknown);
        assert_eq!(evaluation.results.card_expires_on, None);
        assert!(evaluation.holidays_known);
    }

    #[test]
    fn earlier_invalidation_names_the_state() {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.cert_issued_on = Some(civil(2024, 3, 1));
        facts.moved_on = Some(civil(2026, 4, 1));
        facts.overseas_departure_on = Some(civil(2026, 4, 10));
        let evaluation = evaluate(&facts, civil(2026, 5, 1));
        assert_eq!(evaluation.results.card_state, CardState::InvalidOverseas);
        assert_eq!(evaluation.card_invalid_from, Some(civil(2026, 4, 10)));
        facts.overseas_departure_on = Some(civil(2026, 4, 20));
        let evaluation = evaluate(&facts, civil(2026, 5, 1));
        assert_eq!(evaluation.results.card_state, CardState::InvalidMoved);
        assert_eq!(evaluation.card_invalid_from, Some(civil(2026, 4, 16)));
    }

    #[test]
    fn printed_card_expiry_caps_computed_certificate() {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.card_issued_on = Some(civil(2024, 3, 1));
        facts.card_expires_on = Some(civil(2026, 1, 31));
        let evaluation = evaluate(&facts, civil(2026, 1, 1));
        assert_eq!(evaluation.results.cert_expires_on, Some(civil(2026, 1, 31)));
        assert_eq!(evaluation.card_expiry_source, Some(DateSource::Printed));
        assert_eq!(evaluation.cert_expiry_source, Some(DateSource::Computed));
    }

    #[test]
    fn a_foreign_national_has_no_limit_to_apply_by_and_loses_the_card_on_departure() {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.card_issued_on = Some(civil(2024, 3, 1));
        facts.foreign_national = true;
        facts.overseas_departure_on = Some(civil(2026, 4, 1));
        facts.overseas_continued_use_applied_on = Some(civil(2026, 3, 20));
        let before = evaluate(&facts, civil(2026, 3, 31));
        assert_eq!(before.results.overseas_apply_by, None);
        assert_eq!(before.overseas_apply_by_last_business_day, None);
        assert_eq!(before.results.card_state, CardState::Valid);
        let after = evaluate(&facts, civil(2026, 4, 1));
        assert_eq!(after.results.card_state, CardState::InvalidOverseas);
        assert_eq!(after.card_invalid_from, Some(civil(2026, 4, 1)));
    }

    #[test]
    fn which_expiry_ends_the_certificate() {
        // A child's 5-year card: the certificate ends with it.
        let mut child = Facts::born_on(civil(2012, 7, 7));
        child.card_issued_on = Some(civil(2024, 2, 1));
        let evaluation = evaluate(&child, civil(2026, 11, 21));
        assert!(evaluation.certificate_ends_with_card);
        assert!(!evaluation.card_ends_with_residence_limit);
        // An adult's first certificate ends years before the card.
        let mut adult = Facts::born_on(civil(1990, 6, 15));
        adult.card_issued_on = Some(civil(2024, 3, 1));
        assert!(!evaluate(&adult, civil(2026, 11, 21)).certificate_ends_with_card);
        // The 在留期間満了日 caps both.
        let mut resident = Facts::born_on(civil(1995, 3, 3));
        resident.card_issued_on = Some(civil(2025, 3, 3));
        resident.residence_limit_on = Some(civil(2027, 9, 30));
        let evaluation = evaluate(&resident, civil(2026, 11, 21));
        assert!(evaluation.certificate_ends_with_card);
        assert!(evaluation.card_ends_with_residence_limit);
        // A later 在留期間 caps nothing.
        resident.residence_limit_on = Some(civil(2040, 9, 30));
        assert!(!evaluate(&resident, civil(2026, 11, 21)).card_ends_with_residence_limit);
    }

    #[test]
    fn the_joining_date_alone_gives_an_earliest_usable_day() {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.insurer_joined_on = Some(civil(2026, 11, 20));
        let evaluation = evaluate(&facts, civil(2026, 11, 21));
        assert_eq!(evaluation.results.insurance_usable_from, None);
        assert_eq!(
            evaluation.insurance_usable_earliest_on,
            Some(civil(2026, 11, 25))
        );
        facts.insurer_registered_on = Some(civil(2026, 12, 1));
        let evaluation = evaluate(&facts, civil(2026, 11, 21));
        assert_eq!(
            evaluation.results.insurance_usable_from,
            Some(civil(2026, 12, 3))
        );
        assert_eq!(evaluation.insurance_usable_earliest_on, None);
    }

    #[test]
    fn the_seventieth_and_seventy_fifth_birthdays() {
        let evaluation = evaluate(&Facts::born_on(civil(1956, 12, 15)), civil(2026, 1, 1));
        assert_eq!(evaluation.elderly_copay_from, Some(civil(2027, 1, 1)));
        assert_eq!(
            evaluation.late_stage_elderly_from,
            Some(civil(2031, 12, 15))
        );
    }

    #[test]
    fn registration_beyond_the_holiday_list_is_flagged() {
        let mut facts = Facts::born_on(civil(1990, 6, 15));
        facts.insurer_registered_on = Some(civil(2031, 6, 2));
        let evaluation = evaluate(&facts, civil(2031, 6, 2));
        assert!(!evaluation.holidays_known);
        assert_eq!(
            evaluation.results.insurance_usable_from,
            Some(civil(2031, 6, 4))
        );
    }
}
