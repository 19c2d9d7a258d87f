//! R4: moving inside Japan (転出 → 転入).
//!
//! The 転入届 is due by the earlier of `moved_on + 14 days` and `moved_out_planned_on +
//! 30 days` (one of them alone when the other is unknown). 継続利用 of the card is due
//! `move_in_filed_on + 90 days`. The card becomes invalid the day after either deadline
//! passes without the step, or when the step was done late.
//!
//! A move inside one municipality (転居届) is due `moved_on + 14 days`; the card's
//! address is updated and the card stays valid: no 継続利用, never invalid.

use chrono::NaiveDate;

use super::dates::plus_days;

/// Days after the actual move within which the 転入届 is due.
pub const MOVE_IN_DAYS_AFTER_MOVE: u64 = 14;
/// Days after the planned move-out date (転出予定日) within which the 転入届 is due.
pub const MOVE_IN_DAYS_AFTER_PLANNED_MOVE_OUT: u64 = 30;
/// Days after the 転入届 within which 継続利用 must be done.
pub const CONTINUED_USE_DAYS_AFTER_MOVE_IN: u64 = 90;

/// The facts of one domestic move.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Move {
    pub moved_out_planned_on: Option<NaiveDate>,
    pub moved_on: Option<NaiveDate>,
    /// A 転居 inside one municipality rather than a 転出 → 転入.
    pub within_municipality: bool,
    pub move_in_filed_on: Option<NaiveDate>,
    pub continued_use_done_on: Option<NaiveDate>,
}

impl Move {
    /// The last day for the 転入届, if a move is known.
    pub fn move_in_due_on(&self) -> Option<NaiveDate> {
        if self.within_municipality {
            return self
                .moved_on
                .and_then(|day| plus_days(day, MOVE_IN_DAYS_AFTER_MOVE));
        }
        let after_move = self
            .moved_on
            .and_then(|day| plus_days(day, MOVE_IN_DAYS_AFTER_MOVE));
        let after_planned = self
            .moved_out_planned_on
            .and_then(|day| plus_days(day, MOVE_IN_DAYS_AFTER_PLANNED_MOVE_OUT));
        match (after_move, after_planned) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The last day for 継続利用 at the new municipality, once the 転入届 is filed.
    pub fn continued_use_due_on(&self) -> Option<NaiveDate> {
        if self.within_municipality {
            return None;
        }
        self.move_in_filed_on
            .and_then(|day| plus_days(day, CONTINUED_USE_DAYS_AFTER_MOVE_IN))
    }

    /// The first day the card is invalid because of this move, if it is by `today`.
    pub fn card_invalid_from(&self, today: NaiveDate) -> Option<NaiveDate> {
        if self.within_municipality {
            return None;
        }
        let missed = |due: Option<NaiveDate>, done: Option<NaiveDate>| -> Option<NaiveDate> {
            let due = due?;
            let done_in_time = done.is_some_and(|day| day <= due);
            let invalid_from = due.succ_opt()?;
            (!done_in_time && invalid_from <= today).then_some(invalid_from)
        };
        let move_in = missed(self.move_in_due_on(), self.move_in_filed_on);
        let continued = missed(self.continued_use_due_on(), self.continued_use_done_on);
        match (move_in, continued) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    #[test]
    fn the_earlier_limit_binds() {
        let moved = Move {
            moved_out_planned_on: Some(civil(2026, 3, 31)),
            moved_on: Some(civil(2026, 4, 1)),
            ..Move::default()
        };
        assert_eq!(moved.move_in_due_on(), Some(civil(2026, 4, 15)));
        let planned_early = Move {
            moved_out_planned_on: Some(civil(2026, 3, 1)),
            moved_on: Some(civil(2026, 3, 25)),
            ..Move::default()
        };
        assert_eq!(planned_early.move_in_due_on(), Some(civil(2026, 3, 31)));
        let only_planned = Move {
            moved_out_planned_on: Some(civil(2026, 3, 1)),
            ..Move::default()
        };
        assert_eq!(only_planned.move_in_due_on(), Some(civil(2026, 3, 31)));
        assert_eq!(Move::default().move_in_due_on(), None);
    }

    #[test]
    fn invalid_from_the_day_after_a_missed_deadline() {
        let moved = Move {
            moved_on: Some(civil(2026, 4, 1)),
            ..Move::default()
        };
        assert_eq!(moved.card_invalid_from(civil(2026, 4, 15)), None);
        assert_eq!(
            moved.card_invalid_from(civil(2026, 4, 16)),
            Some(civil(2026, 4, 16))
        );
        let filed_late = Move {
            move_in_filed_on: Some(civil(2026, 4, 16)),
            ..moved
        };
        assert_eq!(
            filed_late.card_invalid_from(civil(2026, 4, 20)),
            Some(civil(2026, 4, 16))
        );
        let filed = Move {
            move_in_filed_on: Some(civil(2026, 4, 10)),
            ..moved
        };
        assert_eq!(filed.continued_use_due_on(), Some(civil(2026, 7, 9)));
        assert_eq!(filed.card_invalid_from(civil(2026, 7, 9)), None);
        assert_eq!(
            filed.card_invalid_from(civil(2026, 7, 10)),
            Some(civil(2026, 7, 10))
        );
        let done = Move {
            continued_use_done_on: Some(civil(2026, 7, 9)),
            ..filed
        };
        assert_eq!(done.card_invalid_from(civil(2027, 1, 1)), None);
    }

    #[test]
    fn a_move_within_the_municipality_never_invalidates_the_card() {
        let moved = Move {
            moved_out_planned_on: Some(civil(2026, 3, 1)),
            moved_on: Some(civil(2026, 4, 1)),
            within_municipality: true,
            ..Move::default()
        };
        assert_eq!(moved.move_in_due_on(), Some(civil(2026, 4, 15)));
        assert_eq!(moved.card_invalid_from(civil(2027, 1, 1)), None);
        let filed = Move {
            move_in_filed_on: Some(civil(2026, 4, 10)),
            ..moved
        };
        assert_eq!(filed.continued_use_due_on(), None);
        assert_eq!(filed.card_invalid_from(civil(2027, 1, 1)), None);
    }
}
