//! A task told as a person reads it: each entry of its path as a sentence, and why it is
//! still waiting in one line ("3 agents match Spanish; 2 are busy on voice; 1 is Offline.").

use crate::taskrouter::explain::{NotOffered, StepAnswer};
use crate::taskrouter::task::{PathEvent, ReservationStatus, Task};
use crate::time::{Timestamp, clock, seconds_between};
use std::fmt;

/// One entry of a task's path as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathLine {
    /// When it happened.
    pub at: Timestamp,
    /// Whole seconds after the task arrived, as the two times of day read
    /// ([`seconds_between`]).
    pub after: u64,
    /// What happened; an acceptance also says how long after the task arrived and after the
    /// offer, as Flex's task view and TaskRouter's acceptance time count it (from creation).
    pub what: String,
}

impl Task {
    /// Its path told: each entry with its time since the task arrived, in sentences.
    pub fn told_path(&self) -> Vec<PathLine> {
        self.path
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let after = seconds_between(self.created, entry.at);
                let what = match &entry.event {
                    PathEvent::Accepted { worker } => {
                        // The offer it answered: the last one to the same worker before it.
                        let offered = self.path[..i].iter().rev().find_map(|e| match &e.event {
                            PathEvent::Offered { worker: w, .. } if w == worker => Some(e.at),
                            _ => None,
                        });
                        let rang = offered.map_or_else(String::new, |o| {
                            format!(" ({} after the offer)", clock(seconds_between(o, entry.at)))
                        });
                        format!("{}, {} after it arrived{rang}", entry.event, clock(after))
                    }
                    event => event.to_string(),
                };
                PathLine {
                    at: entry.at,
                    after,
                    what,
                }
            })
            .collect()
    }
}

impl fmt::Display for PathEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathEvent::Created { origin } if origin.trim().is_empty() => f.write_str("Created"),
            PathEvent::Created { origin } => write!(f, "Created: {origin}"),
            PathEvent::Matched { filter } => write!(f, "Matched {filter}"),
            PathEvent::Defaulted => {
                f.write_str("No filter matched; the Default Task Queue took it")
            }
            PathEvent::Entered { step, queue } => {
                write!(f, "Entered step {}: queue {queue}", step + 1)
            }
            PathEvent::Skipped { step } => write!(
                f,
                "Left step {}: nobody could take it and its Skip If held",
                step + 1
            ),
            PathEvent::StepTimedOut { step } => {
                write!(f, "Left step {}: its timeout was reached", step + 1)
            }
            PathEvent::Offered { worker, .. } => write!(f, "Offered to {worker}"),
            PathEvent::NotTaken { worker, status } => match status {
                ReservationStatus::Rejected => write!(f, "Rejected by {worker}"),
                ReservationStatus::Timeout => {
                    write!(f, "{worker} did not answer in time: the offer timed out")
                }
                ReservationStatus::Rescinded => write!(
                    f,
                    "Offer to {worker} rescinded: another agent accepted first"
                ),
                ReservationStatus::Canceled => {
                    write!(f, "Offer to {worker} withdrawn: the task moved on")
                }
                other => write!(f, "Offer to {worker} {other}"),
            },
            PathEvent::Accepted { worker } => write!(f, "Accepted by {worker}"),
            PathEvent::WrappingUp => f.write_str("Wrap-up started"),
            PathEvent::Completed => f.write_str("Completed"),
            PathEvent::Canceled { reason } => write!(f, "Canceled: {reason}"),
        }
    }
}

/// The groups of a why-waiting line, in the order they are told.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Why {
    Free,
    Ringing,
    Busy(String),
    NoCapacity(String),
    ChannelOff(String),
    Unavailable(String),
    Tried,
    Outside,
    ReadOnly,
}

impl Why {
    fn of(reason: Option<&NotOffered>) -> Why {
        match reason {
            None => Why::Free,
            Some(NotOffered::Ringing) => Why::Ringing,
            Some(NotOffered::NoCapacity {
                channel,
                capacity: 0,
            }) => Why::NoCapacity(channel.clone()),
            Some(NotOffered::NoCapacity { channel, .. }) => Why::Busy(channel.clone()),
            Some(NotOffered::ChannelOff { channel }) => Why::ChannelOff(channel.clone()),
            Some(NotOffered::Unavailable { activity }) => Why::Unavailable(activity.clone()),
            Some(NotOffered::AlreadyTried) => Why::Tried,
            Some(NotOffered::OutsideExpression) => Why::Outside,
            Some(NotOffered::ReadOnly) => Why::ReadOnly,
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Why::Free => 0,
            Why::Ringing => 1,
            Why::Busy(_) => 2,
            Why::NoCapacity(_) => 3,
            Why::ChannelOff(_) => 4,
            Why::Unavailable(_) => 5,
            Why::Tried => 6,
            Why::Outside => 7,
            Why::ReadOnly => 8,
        }
    }

    /// The predicate, singular or plural.
    fn said(&self, one: bool) -> String {
        let (is, has) = if one { ("is", "has") } else { ("are", "have") };
        match self {
            Why::Free => format!("{is} free to take it"),
            Why::Ringing => format!("{is} being offered it now"),
            Why::Busy(channel) => format!("{is} busy on {channel}"),
            Why::NoCapacity(channel) => format!("{has} no {channel} capacity"),
            Why::ChannelOff(channel) => format!("{has} {channel} switched off"),
            Why::Unavailable(activity) => format!("{is} {activity}"),
            Why::Tried => "already had it and did not take it".to_owned(),
            Why::Outside => format!("{is} outside the step's expression"),
            Why::ReadOnly if one => "is a read-only admin".to_owned(),
            Why::ReadOnly => "are read-only admins".to_owned(),
        }
    }
}

impl StepAnswer {
    /// Why the task waits here, in one line: how many agents the queue has, then how many
    /// are in each situation, e.g. "3 agents match Spanish; 2 are busy on voice; 1 is
    /// Offline."
    pub fn summary(&self) -> String {
        let queue = if self.queue_name.is_empty() {
            "the queue".to_owned()
        } else {
            self.queue_name.clone()
        };
        let n = self.candidates.len();
        if n == 0 {
            return format!("No agent matches {queue}.");
        }
        let mut groups: Vec<(Why, usize)> = Vec::new();
        for c in &self.candidates {
            let why = Why::of(c.not_offered.as_ref());
            match groups.iter_mut().find(|(w, _)| *w == why) {
                Some((_, count)) => *count += 1,
                None => groups.push((why, 1)),
            }
        }
        groups.sort_by_key(|(why, _)| why.rank());
        let head = if n == 1 {
            format!("1 agent matches {queue}")
        } else {
            format!("{n} agents match {queue}")
        };
        let parts = groups.iter().map(|(why, k)| {
            let (subject, one) = match (*k == n, n) {
                (true, 1) => ("they".to_owned(), false),
                (true, 2) => ("both".to_owned(), false),
                (true, _) => (format!("all {n}"), false),
                (false, _) => (k.to_string(), *k == 1),
            };
            format!("{subject} {}", why.said(one))
        });
        let mut line = head;
        for part in parts {
            line.push_str("; ");
            line.push_str(&part);
        }
        line.push('.');
        line
    }
}
