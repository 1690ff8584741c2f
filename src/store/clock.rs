//! The Console clock: a scenario is shown as of its own date, and time runs on from there.
//!
//! Scenarios are deterministic, so their invitations and events carry fixed dates; reading
//! them against today's date would make every invitation look long expired. The clock is
//! saved with the snapshot (its Console time and the browser time it was read at), so a
//! reload, or another tab, reads the same Console time.

use crate::domain::Timestamp;

/// Maps the browser's clock onto the scenario's clock.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    offset_ms: f64,
}

impl Clock {
    /// A clock that reads `start` now and runs on in real time.
    pub fn starting_at(start: Timestamp) -> Clock {
        Clock {
            offset_ms: start.0 as f64 - js_sys::Date::now(),
        }
    }

    /// A saved clock: it read `now` at browser time `wall` (starts at `now` without one).
    pub fn resume(now: Timestamp, wall: Option<f64>) -> Clock {
        match wall {
            Some(wall) => Clock {
                offset_ms: now.0 as f64 - wall,
            },
            None => Clock::starting_at(now),
        }
    }

    /// The current Console time.
    pub fn now(&self) -> Timestamp {
        Timestamp((js_sys::Date::now() + self.offset_ms).max(0.0) as u64)
    }

    /// What to save: the current Console time and the browser time it was read at.
    pub fn saved(&self) -> (Timestamp, f64) {
        let wall = js_sys::Date::now();
        (Timestamp((wall + self.offset_ms).max(0.0) as u64), wall)
    }
}
