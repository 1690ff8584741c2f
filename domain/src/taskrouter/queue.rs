//! Task queues: where tasks wait, and which workers may take them (the Queue Expression).

use crate::revision::Revision;
use crate::sid::TaskQueueSid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest queue name.
pub const QUEUE_NAME_MAX: usize = 64;
/// Most workers reserved at once for one task (multi-reservation).
pub const MAX_RESERVED_WORKERS: u32 = 50;

/// The order a queue offers its tasks in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskOrder {
    /// Higher priority first, then oldest first.
    #[default]
    #[serde(rename = "FIFO")]
    Fifo,
    /// Newest first, whatever the priority.
    #[serde(rename = "LIFO")]
    Lifo,
}

impl fmt::Display for TaskOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TaskOrder::Fifo => "FIFO",
            TaskOrder::Lifo => "LIFO",
        })
    }
}

/// What a queue form edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskQueueSpec {
    /// Task Queue Name.
    pub friendly_name: String,
    /// Queue Expression: which workers it targets (`1==1`: everyone).
    pub target_workers: String,
    /// Max Reserved Workers, 1 to 50.
    pub max_reserved_workers: u32,
    /// Task Order.
    pub task_order: TaskOrder,
}

impl Default for TaskQueueSpec {
    fn default() -> Self {
        TaskQueueSpec {
            friendly_name: String::new(),
            target_workers: "1==1".to_owned(),
            max_reserved_workers: 1,
            task_order: TaskOrder::Fifo,
        }
    }
}

/// A TaskRouter task queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskQueue {
    /// The queue SID.
    pub sid: TaskQueueSid,
    /// Its name.
    pub friendly_name: String,
    /// Which workers it targets, e.g. `1==1` for everyone.
    pub target_workers: String,
    /// Most workers reserved at once for one of its tasks.
    #[serde(default = "one")]
    pub max_reserved_workers: u32,
    /// FIFO or LIFO.
    #[serde(default)]
    pub task_order: TaskOrder,
    /// Its edits, for forms (see [`Revision`]).
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub revision: Revision,
    /// The service level's threshold: a task accepted within this many seconds of entering
    /// the queue counts as within the service level.
    #[serde(default = "default_threshold")]
    pub sla_threshold: u32,
}

/// A queue's service level threshold unless changed (Flex's example value), in seconds.
pub const DEFAULT_SLA_THRESHOLD: u32 = 20;

fn default_threshold() -> u32 {
    DEFAULT_SLA_THRESHOLD
}

fn one() -> u32 {
    1
}

impl TaskQueue {
    /// What its form shows.
    pub fn spec(&self) -> TaskQueueSpec {
        TaskQueueSpec {
            friendly_name: self.friendly_name.clone(),
            target_workers: self.target_workers.clone(),
            max_reserved_workers: self.max_reserved_workers,
            task_order: self.task_order,
        }
    }
}
