//! Tasks and reservations: one contact to handle, and its offers to workers, with the
//! statuses TaskRouter gives them and the path each task took (every filter, step and offer,
//! with times), so a task can always say where it went and why.

use crate::sid::{ReservationSid, TaskChannelSid, TaskQueueSid, TaskSid, WorkerSid, WorkflowSid};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A task's TTL when none is given: a day.
pub const DEFAULT_TASK_TIMEOUT: u32 = 86_400;
/// The longest TTL TaskRouter accepts: two weeks.
pub const MAX_TASK_TIMEOUT: u32 = 1_209_600;
/// The highest priority.
pub const MAX_PRIORITY: u32 = 2_147_483_647;
/// How many times a task may move from pending to reserved before it is canceled.
pub const MAX_ASSIGNMENT_COUNT: u32 = 1_000;
/// How long a completed or canceled task stays before TaskRouter deletes it (5 minutes).
pub const KEPT_AFTER_END_MS: u64 = 5 * 60 * 1_000;
/// The longest attributes a task holds, in characters.
pub const MAX_TASK_ATTRIBUTES: usize = 4_096;

/// A task's assignment status, as TaskRouter names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    /// Waiting for a worker.
    Pending,
    /// Offered to one or more workers, none has accepted yet.
    Reserved,
    /// Accepted by a worker.
    Assigned,
    /// The conversation is over; the worker is wrapping up (capacity still held).
    Wrapping,
    /// Done.
    Completed,
    /// Ended without being handled (its reason says why).
    Canceled,
}

impl TaskStatus {
    /// Whether the task has ended (completed or canceled).
    pub fn ended(self) -> bool {
        matches!(self, TaskStatus::Completed | TaskStatus::Canceled)
    }

    /// Whether it is still looking for a worker (pending or reserved).
    pub fn routing(self) -> bool {
        matches!(self, TaskStatus::Pending | TaskStatus::Reserved)
    }
}

impl fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TaskStatus::Pending => "pending",
            TaskStatus::Reserved => "reserved",
            TaskStatus::Assigned => "assigned",
            TaskStatus::Wrapping => "wrapping",
            TaskStatus::Completed => "completed",
            TaskStatus::Canceled => "canceled",
        })
    }
}

/// A reservation's status, as TaskRouter names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReservationStatus {
    /// Offered, not answered yet (holds the worker's capacity).
    Pending,
    /// Taken: the task is the worker's.
    Accepted,
    /// Declined by the worker.
    Rejected,
    /// Not answered within the workflow's Task Reservation Timeout.
    Timeout,
    /// Withdrawn before an answer (the task moved on or ended).
    Canceled,
    /// Withdrawn because another worker accepted the task first.
    Rescinded,
    /// The worker is wrapping the task up.
    Wrapping,
    /// The task is done.
    Completed,
}

impl ReservationStatus {
    /// Whether it holds the worker's capacity on the channel (pending, accepted, wrapping).
    pub fn holds_capacity(self) -> bool {
        matches!(
            self,
            ReservationStatus::Pending | ReservationStatus::Accepted | ReservationStatus::Wrapping
        )
    }
}

impl fmt::Display for ReservationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReservationStatus::Pending => "pending",
            ReservationStatus::Accepted => "accepted",
            ReservationStatus::Rejected => "rejected",
            ReservationStatus::Timeout => "timeout",
            ReservationStatus::Canceled => "canceled",
            ReservationStatus::Rescinded => "rescinded",
            ReservationStatus::Wrapping => "wrapping",
            ReservationStatus::Completed => "completed",
        })
    }
}

/// A task offered to one worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    /// The reservation SID.
    pub sid: ReservationSid,
    /// The worker offered the task.
    pub worker: WorkerSid,
    /// Its status.
    pub status: ReservationStatus,
    /// When it was offered.
    pub created: Timestamp,
    /// When it times out if still pending.
    pub timeout_at: Timestamp,
    /// When it was answered or withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
}

/// Where a task is in its workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// The filter that took it (None: the Default Task Queue).
    pub filter: Option<usize>,
    /// The routing step within it, from 0.
    pub step: usize,
    /// The queue of that step.
    pub queue: TaskQueueSid,
    /// When the task entered this queue.
    pub since: Timestamp,
    /// The task's age (seconds) at which it leaves this step (None: never; it waits there
    /// until its TTL).
    pub until_age: Option<u32>,
}

/// One thing that happened to a task, for its path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum PathEvent {
    /// The task was created in a workflow.
    Created {
        /// How it arrived, e.g. "Call from +14155550199 to (212) 555-0110".
        origin: String,
    },
    /// A filter matched it.
    Matched {
        /// "Filter 2 (VIP)".
        filter: String,
    },
    /// No filter matched: the Default Task Queue took it.
    Defaulted,
    /// It entered a routing step.
    Entered {
        /// The step, from 0.
        step: usize,
        /// Its queue's name.
        queue: String,
    },
    /// Nobody could take it and the step's Skip If held.
    Skipped {
        /// The step, from 0.
        step: usize,
    },
    /// It reached the step's timeout.
    StepTimedOut {
        /// The step, from 0.
        step: usize,
    },
    /// It was offered to a worker.
    Offered {
        /// The reservation.
        reservation: ReservationSid,
        /// The worker's name.
        worker: String,
    },
    /// A reservation ended without acceptance.
    NotTaken {
        /// The worker's name.
        worker: String,
        /// rejected, timeout, canceled or rescinded.
        status: ReservationStatus,
    },
    /// A worker accepted it.
    Accepted {
        /// The worker's name.
        worker: String,
    },
    /// The conversation ended; wrap-up started.
    WrappingUp,
    /// Completed.
    Completed,
    /// Canceled.
    Canceled {
        /// Why.
        reason: String,
    },
}

/// An entry of a task's path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathEntry {
    /// When.
    pub at: Timestamp,
    /// What.
    #[serde(flatten)]
    pub event: PathEvent,
}

/// One contact to handle: its attributes, channel and priority, where it is in its
/// workflow, its reservations and the path it took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// The task SID.
    pub sid: TaskSid,
    /// Its attributes (a JSON object; kept as a value so routing reads it as it is).
    pub attributes: serde_json::Value,
    /// Its channel.
    pub channel: TaskChannelSid,
    /// The workflow routing it.
    pub workflow: WorkflowSid,
    /// Its priority now (a step with a priority sets it).
    pub priority: u32,
    /// Seconds from creation after which it is canceled if still routing (its TTL).
    pub timeout: u32,
    /// When it was created.
    pub created: Timestamp,
    /// Its assignment status.
    pub status: TaskStatus,
    /// Where it is in its workflow: while routing, the step it waits in; once accepted, the
    /// queue it was taken from (None when nothing routed it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<Placement>,
    /// Its reservations, oldest first.
    #[serde(default)]
    pub reservations: Vec<Reservation>,
    /// Workers who rejected it or let it time out in the current step: not offered it again
    /// there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tried: Vec<WorkerSid>,
    /// How many times it moved from pending to reserved.
    #[serde(default)]
    pub assignment_count: u32,
    /// The worker handling it, once accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker: Option<WorkerSid>,
    /// When a worker accepted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_at: Option<Timestamp>,
    /// When it ended (completed or canceled); deleted 5 minutes later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
    /// Why it was canceled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What happened to it, oldest first.
    #[serde(default)]
    pub path: Vec<PathEntry>,
}

impl Task {
    /// Its age in whole seconds at `now`.
    pub fn age(&self, now: Timestamp) -> u32 {
        (now.0.saturating_sub(self.created.0) / 1_000).min(u64::from(u32::MAX)) as u32
    }

    /// A reservation of this task by SID.
    pub fn reservation(&self, sid: &ReservationSid) -> Option<&Reservation> {
        self.reservations.iter().find(|r| &r.sid == sid)
    }

    /// The reservations still waiting for an answer.
    pub fn pending(&self) -> impl Iterator<Item = &Reservation> {
        self.reservations
            .iter()
            .filter(|r| r.status == ReservationStatus::Pending)
    }

    /// The reservation holding the task for its worker (accepted or wrapping), if any.
    pub fn held(&self) -> Option<&Reservation> {
        self.reservations.iter().find(|r| {
            matches!(
                r.status,
                ReservationStatus::Accepted | ReservationStatus::Wrapping
            )
        })
    }

    /// A text attribute, e.g. the caller's `name` or `from`.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.attributes.get(key).and_then(|v| v.as_str())
    }

    /// Who the contact is, as a person reads it: the `name` attribute (Flex's), else `from`,
    /// else `customerName`.
    pub fn caller(&self) -> String {
        ["name", "from", "customerName", "customerAddress"]
            .iter()
            .find_map(|k| self.text(k).filter(|s| !s.is_empty()))
            .unwrap_or("Unknown caller")
            .to_owned()
    }
}
