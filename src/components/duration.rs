//! Times as the contact center reads them: how long something has lasted ("0:42", "1:05:09")
//! and the Console clock's time of day ("10:02:05"), for waits, countdowns and a task's path.

use crate::domain::Timestamp;

/// Seconds as minutes and seconds ("0:42"), and the seconds between two moments as their
/// times of day read: the domain's, which tells a task's path with them.
pub use crate::domain::time::{clock, seconds_between};

/// The time of day of a moment, in UTC like the rest of the Console ("10:02:05").
pub fn time_of_day(at: Timestamp) -> String {
    let in_day = (at.0 % Timestamp::DAY) / 1_000;
    format!(
        "{:02}:{:02}:{:02}",
        in_day / 3_600,
        (in_day % 3_600) / 60,
        in_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_a_clock() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(42), "0:42");
        assert_eq!(clock(725), "12:05");
        assert_eq!(clock(3_909), "1:05:09");
        assert_eq!(seconds_between(Timestamp(5_999), Timestamp(1_000)), 0);
        assert_eq!(seconds_between(Timestamp(1_000), Timestamp(5_999)), 4);
        // As the two times of day read: 10:00:01 to 10:00:10 is 9 s, though 8.2 s passed.
        assert_eq!(seconds_between(Timestamp(1_900), Timestamp(10_100)), 9);
        assert_eq!(
            time_of_day(Timestamp::from_utc(2025, 3, 3, 10, 2).plus_millis(5_000)),
            "10:02:05"
        );
    }
}
