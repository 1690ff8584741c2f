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

    /// The last moment the Console keeps: 9999-12-31 23:59:59.999 UTC (dates are written
    /// with four-digit years). No stored time is later.
    pub const LATEST: Timestamp = Timestamp(Timestamp::from_utc(10_000, 1, 1, 0, 0).0 - 1);

    /// The latest the Console clock may read: a week before [`Timestamp::LATEST`], so that
    /// what a command dates ahead of its time (an invitation's expiry, seven days on) stays
    /// within it. Commands at a later time are refused, and so is data whose clock is later.
    pub const LATEST_NOW: Timestamp =
        Timestamp(Timestamp::LATEST.0 + 1 - 7 * Self::DAY - Self::MINUTE);

    /// Whether the moment is one the Console keeps (at most [`Timestamp::LATEST`]).
    pub const fn in_range(self) -> bool {
        self.0 <= Self::LATEST.0
    }

    /// Whether the Console clock may read this moment, and if not, what it must be (for a
    /// message that names the field): see [`Timestamp::LATEST_NOW`].
    pub fn check_clock(self) -> Result<(), String> {
        if self <= Self::LATEST_NOW {
            Ok(())
        } else {
            Err(format!(
                "must be a time from 1970-01-01 to {}",
                Self::LATEST_NOW
            ))
        }
    }

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

/// Seconds as a contact center reads a duration: minutes and seconds ("0:42", "12:05"),
/// with hours once there are any ("1:05:09").
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3_600, (seconds % 3_600) / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Whole seconds from `from` to `to` as their times of day read (none when `to` is earlier):
/// 10:00:00.9 to 10:00:04.3 is 4 seconds, as "10:00:00" and "10:00:04" say, not 3, so a
/// duration shown beside the two times agrees with them.
pub fn seconds_between(from: Timestamp, to: Timestamp) -> u64 {
    (to.0 / 1_000).saturating_sub(from.0 / 1_000)
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

/// A whole UTC day, as a date filter names it ("2025-03-03").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i64,
    month: u32,
    day: u32,
}

/// Why a text is not a [`Date`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// The text given.
    pub text: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "“{}” is not a date: write it as YYYY-MM-DD, e.g. 2025-03-03, from 1970 on.",
            self.text
        )
    }
}

impl std::error::Error for DateError {}

/// The first and last years a [`Date`] may have: the Console's clock starts at 1970, and
/// four digits are what YYYY-MM-DD holds.
const YEARS: std::ops::RangeInclusive<i64> = 1970..=9999;

impl Date {
    /// The date `YYYY-MM-DD` (what `<input type="date">` gives), checked against the calendar
    /// (2025-02-29 is not a date, 2024-02-29 is).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bad = || DateError {
            text: text.to_owned(),
        };
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes[range.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| text[range].parse::<i64>().ok())
                .flatten()
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(bad());
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(bad());
        };
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        let (month, day) = (month as u32, day as u32);
        if day < 1 || day > days_in_month(year, month) {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// The day a moment falls on, in UTC.
    pub fn of(moment: Timestamp) -> Date {
        let (year, month, day) = civil_from_days((moment.0 / Timestamp::DAY) as i64);
        Date { year, month, day }
    }

    /// The first moment of the day (00:00 UTC).
    pub fn start(self) -> Timestamp {
        Timestamp::from_utc(self.year, self.month, self.day, 0, 0)
    }
}

/// Written as YYYY-MM-DD, the form [`Date::parse`] reads.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whole UTC days from one date to another, both included; either end may be left open.
/// Valid by construction: "from" is never after "to".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    from: Option<Date>,
    to: Option<Date>,
}

/// Why two dates make no range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateRangeError {
    /// One end is not a date.
    NotADate {
        /// Which end: "from" or "to".
        end: &'static str,
        /// What is wrong with it.
        error: DateError,
    },
    /// "From" is after "to": no day is in between.
    FromAfterTo {
        /// The first day asked for.
        from: Date,
        /// The last day asked for.
        to: Date,
    },
}

impl fmt::Display for DateRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateRangeError::NotADate { end, error } => write!(f, "The “{end}” date: {error}"),
            DateRangeError::FromAfterTo { from, to } => write!(
                f,
                "The “from” date ({from}) is after the “to” date ({to}): no day is in between. Swap them or change one."
            ),
        }
    }
}

impl std::error::Error for DateRangeError {}

impl DateRange {
    /// Every day: neither end set.
    pub const ALL: DateRange = DateRange {
        from: None,
        to: None,
    };

    /// The days from `from` to `to`, both included; refused when `from` is after `to`.
    pub fn new(from: Option<Date>, to: Option<Date>) -> Result<DateRange, DateRangeError> {
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(DateRangeError::FromAfterTo { from, to });
        }
        Ok(DateRange { from, to })
    }

    /// The range two date fields ask for, each `YYYY-MM-DD` or empty for an open end.
    pub fn parse(from: &str, to: &str) -> Result<DateRange, DateRangeError> {
        let end = |end: &'static str, text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            Date::parse(text)
                .map(Some)
                .map_err(|error| DateRangeError::NotADate { end, error })
        };
        DateRange::new(end("from", from)?, end("to", to)?)
    }

    /// The first day, if set.
    pub fn from(&self) -> Option<Date> {
        self.from
    }

    /// The last day, if set.
    pub fn to(&self) -> Option<Date> {
        self.to
    }

    /// Whether `moment` falls on one of the days.
    pub fn contains(&self, moment: Timestamp) -> bool {
        self.from.is_none_or(|from| from.start() <= moment)
            && self.to.is_none_or(|to| moment < to.start().plus_days(1))
    }
}
