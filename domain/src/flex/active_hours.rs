//! Active User Hours: the time workers spend in an activity that is `available`
//! (TaskRouter's "Available"), counted from the upgrade to a paid plan, which grants
//! [`crate::flex::instance::FREE_ACTIVE_USER_HOURS`] of them for free.
//!
//! The state keeps only what the count needs: each worker's moment of entering its current
//! activity ([`Worker::activity_since`]) and, on the instance, the milliseconds of the
//! intervals already closed ([`FlexInstance::closed_available_ms`]). Usage at `now` is those plus the open intervals up to `now`.

use crate::flex::instance::{FlexInstance, FlexPlan};
use crate::flex::worker::Worker;
use crate::sid::{ActivitySid, WorkerSid};
use crate::time::Timestamp;
use std::fmt;

/// Milliseconds in a tenth of an hour: the unit hours are shown in.
const TENTH_OF_AN_HOUR_MS: u64 = Timestamp::HOUR / 10;

/// A number of hours to one decimal, written as the Console shows it: "4,987.5".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hours {
    /// Tenths of an hour.
    pub tenths: u64,
}

impl Hours {
    /// Whole hours.
    pub const fn whole(hours: u64) -> Hours {
        Hours {
            tenths: hours.saturating_mul(10),
        }
    }

    /// The tenths of an hour that `ms` milliseconds have completed (a tenth counts once it
    /// is over; hours left are the free ones less those, so the two shown always add up to
    /// the free hours).
    pub const fn from_ms(ms: u64) -> Hours {
        Hours {
            tenths: ms / TENTH_OF_AN_HOUR_MS,
        }
    }
}

/// "4,987.5", "0.0", "12,345.6".
impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = (self.tenths / 10).to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "{grouped}.{}", self.tenths % 10)
    }
}

/// An account's Active User Hours at a moment: what the Flex overview and Billing show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveUserHours {
    /// Free hours the upgrade granted.
    pub free_hours: u32,
    /// Milliseconds workers have been Available since the upgrade.
    pub used_ms: u64,
}

impl ActiveUserHours {
    /// Hours used, to the tenth completed.
    pub fn used(&self) -> Hours {
        Hours::from_ms(self.used_ms)
    }

    /// Free hours left: never below zero.
    pub fn left(&self) -> Hours {
        let free = Hours::whole(u64::from(self.free_hours));
        Hours {
            tenths: free.tenths.saturating_sub(self.used().tenths),
        }
    }

    /// Hours used beyond the free ones (billed): zero while free hours are left.
    pub fn beyond_free(&self) -> Hours {
        let free = Hours::whole(u64::from(self.free_hours));
        Hours {
            tenths: self.used().tenths.saturating_sub(free.tenths),
        }
    }
}

impl FlexInstance {
    /// Active User Hours at `now`; None on a trial, which has no free hours and counts none.
    pub fn active_user_hours(&self, now: Timestamp) -> Option<ActiveUserHours> {
        let FlexPlan::Paid {
            free_active_user_hours,
            ..
        } = &self.plan
        else {
            return None;
        };
        let open: u64 = self
            .workspace
            .workers
            .values()
            .map(|w| self.open_available_ms(w, now))
            .fold(0, u64::saturating_add);
        Some(ActiveUserHours {
            free_hours: *free_active_user_hours,
            used_ms: self.closed_available_ms.saturating_add(open),
        })
    }

    /// How long `worker` has been in its current activity, if that is available, since the
    /// later of its entering it and the upgrade, up to `now` (0 on a trial, or when the
    /// moment it entered it is not known).
    fn open_available_ms(&self, worker: &Worker, now: Timestamp) -> u64 {
        let FlexPlan::Paid { since: paid, .. } = &self.plan else {
            return 0;
        };
        let available = self
            .workspace
            .activity(&worker.activity)
            .is_some_and(|a| a.available);
        match worker.activity_since {
            Some(entered) if available => now.0.saturating_sub(entered.max(*paid).0),
            _ => 0,
        }
    }

    /// Closes `worker`'s open interval at `now` (it leaves its activity, or the workspace):
    /// the time it was available is added to the plan's closed total.
    pub(crate) fn close_activity(&mut self, worker: &WorkerSid, now: Timestamp) {
        let open = self
            .workspace
            .workers
            .get(worker)
            .map_or(0, |w| self.open_available_ms(w, now));
        self.closed_available_ms = self.closed_available_ms.saturating_add(open);
    }

    /// Moves `worker` into `activity` at `now`, closing the interval of the one it leaves.
    pub(crate) fn set_activity(
        &mut self,
        worker: &WorkerSid,
        activity: &ActivitySid,
        now: Timestamp,
    ) {
        self.close_activity(worker, now);
        if let Some(w) = self.workspace.workers.get_mut(worker) {
            w.activity = *activity;
            w.activity_since = Some(now);
        }
    }
}
