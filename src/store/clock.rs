//! The Console clock: a scenario is shown as of its own date, and time runs on from there.
//!
//! Scenarios are deterministic, so their invitations and events carry fixed dates; reading
//! them against today's date would make every invitation look long expired.

use crate::domain::Timestamp;

/// Maps the browser's clock onto the scenario's clock.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    offset_ms: f64,
}

impl Clock {
    /// A clock that reads `start` now and runs on in real time.
    pub fn starting_at(start: Timestamp) -> Clock {
        Clock { offset_ms: start.0 as f64 - js_sys::Date::now() }
    }

    /// The current Console time.
    pub fn now(&self) -> Timestamp {
        Timestamp((js_sys::Date::now() + self.offset_ms).max(0.0) as u64)
    }
}
