//! How reminders are planned (R1–R7, R12, R13 deadlines): the time of day, quiet hours, and the
//! lead times of each kind of deadline, as the member sets them or the content's
//! defaults give them.

use std::collections::BTreeSet;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::household::DeadlineKind;

/// A time of day in Asia/Tokyo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LocalTime {
    pub hour: u8,
    pub minute: u8,
}

impl LocalTime {
    pub(crate) fn to_naive(self) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(u32::from(self.hour), u32::from(self.minute), 0)
    }

    pub(crate) fn minutes(self) -> u32 {
        u32::from(self.hour) * 60 + u32::from(self.minute)
    }
}

/// Hours in which no reminder fires: from `start` up to `end`, across midnight when
/// `end` is earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct QuietHours {
    pub start: LocalTime,
    pub end: LocalTime,
}

/// The lead times of one kind, in days before the deadline (0: on the day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LeadTimes {
    pub kind: DeadlineKind,
    pub days: Vec<u32>,
    pub enabled: bool,
}

/// How reminders are planned; kept in the store's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ReminderSettings {
    pub time_of_day: LocalTime,
    pub quiet_hours: Option<QuietHours>,
    pub lead_times: Vec<LeadTimes>,
}

/// The default lead times of each kind.
pub fn default_lead_days(kind: DeadlineKind) -> Vec<u32> {
    use DeadlineKind as K;
    match kind {
        K::CertRenewalOpens | K::CardRenewalOpens | K::InsuranceUsableFrom => vec![0],
        K::RefreshDocument => vec![0],
        K::CertExpires => vec![30, 7],
        K::GraceEnds | K::ContinuedUseDue => vec![30, 7, 1],
        // A new card takes about a month from the application (R1).
        K::CardExpires => vec![60, 35],
        K::MoveInDue | K::ChangeOfAddressDue => vec![7, 3, 1],
        K::OverseasApplyBy => vec![14, 3, 1],
        K::EligibilityCertificateExpires => vec![60, 14],
        // The stay is extended at immigration first, then the card at the municipality.
        K::ResidencePeriodEnds => vec![90, 30, 7],
        K::ElderlyCopayFrom | K::LateStageElderlyFrom => vec![30, 0],
        K::JoinOtherInsuranceDue => vec![14, 7, 1],
    }
}

/// The most days ahead a lead time may be.
pub const MAX_LEAD_DAYS: u32 = 366;

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            time_of_day: LocalTime { hour: 9, minute: 0 },
            quiet_hours: Some(QuietHours {
                start: LocalTime {
                    hour: 21,
                    minute: 0,
                },
                end: LocalTime { hour: 8, minute: 0 },
            }),
            lead_times: DeadlineKind::ALL
                .into_iter()
                .map(|kind| LeadTimes {
                    kind,
                    days: default_lead_days(kind),
                    enabled: true,
                })
                .collect(),
        }
    }
}

impl ReminderSettings {
    /// The lead days of `kind` (none when it is switched off); kinds the settings do not
    /// name use their defaults.
    pub fn lead_days(&self, kind: DeadlineKind) -> Vec<u32> {
        match self.lead_times.iter().find(|lead| lead.kind == kind) {
            Some(lead) if lead.enabled => lead.days.clone(),
            Some(_) => Vec::new(),
            None => default_lead_days(kind),
        }
    }

    /// Checks the settings; the first problem names its field.
    pub fn validate(&self) -> crate::error::Result<()> {
        use crate::error::{Error, Field, Reason};
        let times = [(Field::TimeOfDay, Some(self.time_of_day))]
            .into_iter()
            .chain(self.quiet_hours.iter().flat_map(|q| {
                [
                    (Field::QuietHoursStart, Some(q.start)),
                    (Field::QuietHoursEnd, Some(q.end)),
                ]
            }));
        for (field, time) in times {
            if time.and_then(LocalTime::to_naive).is_none() {
                return Err(Error::invalid(field, Reason::NotATimeOfDay));
            }
        }
        if self
            .quiet_hours
            .is_some_and(|q| q.contains(self.time_of_day) && q.start != q.end)
        {
            return Err(Error::invalid(Field::TimeOfDay, Reason::InsideQuietHours));
        }
        let mut seen = BTreeSet::new();
        for lead in &self.lead_times {
            if !seen.insert(lead.kind) {
                return Err(Error::invalid(
                    Field::LeadTimes,
                    Reason::KindTwice { kind: lead.kind },
                ));
            }
            if lead.days.iter().any(|d| *d > MAX_LEAD_DAYS) {
                return Err(Error::invalid(
                    Field::LeadTimes,
                    Reason::LeadTooLong {
                        kind: lead.kind,
                        max_days: MAX_LEAD_DAYS,
                    },
                ));
            }
        }
        Ok(())
    }
}

impl QuietHours {
    pub(crate) fn contains(self, time: LocalTime) -> bool {
        let (start, end, t) = (self.start.minutes(), self.end.minutes(), time.minutes());
        if start <= end {
            (start..end).contains(&t)
        } else {
            t >= start || t < end
        }
    }
}
