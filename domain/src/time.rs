//! Points in time as the Console stores them: milliseconds since the Unix epoch.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A moment in UTC, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

impl Timestamp {
    /// One minute in milliseconds.
    pub const MINUTE: u64 = 60_000;
    /// One hour in milliseconds.
    pub const HOUR: u64 = 60 * Self::MINUTE;
    /// One day in milliseconds.
    pub const DAY: u64 = 24 * Self::HOUR;

    /// The moment at the given UTC date and time (years before 1970 clamp to the epoch).
    pub const fn from_utc(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> Timestamp {
        let days = days_from_civil(year, month, day);
        if days < 0 {
            return Timestamp(0);
        }
        Timestamp(days as u64 * Self::DAY + hour as u64 * Self::HOUR + minute as u64 * Self::MINUTE)
    }

    /// This moment plus a number of milliseconds (saturating, never wraps).
    pub const fn plus_millis(self, millis: u64) -> Timestamp {
        Timestamp(self.0.saturating_add(millis))
    }

    /// This moment plus whole days.
    pub const fn plus_days(self, days: u64) -> Timestamp {
        self.plus_millis(days.saturating_mul(Self::DAY))
    }

    /// Seven days later: how long an invitation stays valid after it is (re)sent.
    pub const fn plus_seven_days(self) -> Timestamp {
        self.plus_days(7)
    }
}

/// Shown to people as "2025-03-03 10:00 UTC".
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = (self.0 / Self::DAY) as i64;
        let (y, m, d) = civil_from_days(days);
        let in_day = self.0 % Self::DAY;
        let (hh, mm) = (in_day / Self::HOUR, (in_day % Self::HOUR) / Self::MINUTE);
        write!(f, "{y:04}-{m:02}-{d:02} {hh:02}:{mm:02} UTC")
    }
}

// Howard Hinnant's civil calendar algorithms (public domain): exact for the proleptic
// Gregorian calendar, no tables, no dependency.
const fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = ((m + 9) % 12) as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
