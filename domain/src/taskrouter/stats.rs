//! Real-Time Queues, as Flex's queue stats show them: per queue, now (active and waiting
//! tasks, the longest wait, agents by availability) and today (tasks accepted, how many
//! within the service level's threshold, canceled, completed). "Today" resets daily at
//! midnight UTC.

use crate::console::Console;
use crate::sid::{AccountSid, TaskQueueSid};
use crate::taskrouter::task::TaskStatus;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The longest service level threshold a queue may have, in seconds (from 1).
pub const MAX_SERVICE_LEVEL_THRESHOLD: u32 = 3_600;

/// A queue's figures since its last daily reset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueDay {
    /// The day they count, as days since 1970-01-01 (UTC).
    pub day: Option<u64>,
    /// Tasks that entered the queue.
    pub entered: u32,
    /// Tasks accepted from the queue.
    pub accepted: u32,
    /// Of those, accepted within the threshold of entering it.
    pub within: u32,
    /// Tasks canceled while in the queue (abandoned).
    pub canceled: u32,
    /// Tasks completed after being accepted from the queue.
    pub completed: u32,
    /// Milliseconds from entering the queue to acceptance, summed (for the average).
    pub wait_ms: u64,
}

impl QueueDay {
    /// The figures for the day of `now`, starting afresh on a new day.
    pub(crate) fn today(&mut self, now: Timestamp) -> &mut QueueDay {
        let day = now.0 / Timestamp::DAY;
        if self.day != Some(day) {
            *self = QueueDay {
                day: Some(day),
                ..QueueDay::default()
            };
        }
        self
    }

    /// The service level: the share of accepted and abandoned tasks accepted within the
    /// threshold, as a percentage (None before any).
    pub fn service_level(&self) -> Option<u32> {
        let counted = self.counted();
        (counted > 0).then(|| self.within * 100 / counted)
    }

    /// The tasks the service level counts: accepted and abandoned (its denominator).
    pub fn counted(&self) -> u32 {
        self.accepted + self.canceled
    }

    /// The average speed of answer in seconds (None before any acceptance).
    pub fn average_wait(&self) -> Option<u64> {
        (self.accepted > 0).then(|| self.wait_ms / u64::from(self.accepted) / 1_000)
    }
}

/// A queue's real-time figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueueNow {
    /// The queue.
    pub queue: Option<TaskQueueSid>,
    /// Its name ("All queues" for the total).
    pub name: String,
    /// Tasks assigned or wrapping from it.
    pub active: usize,
    /// Tasks waiting in it (pending or reserved).
    pub waiting: usize,
    /// Seconds the longest-waiting task has waited in it.
    pub longest_wait: Option<u32>,
    /// Its workers in an available activity.
    pub available: usize,
    /// In an unavailable activity other than Offline.
    pub unavailable: usize,
    /// Offline.
    pub offline: usize,
    /// Its threshold, in seconds.
    pub threshold: u32,
    /// Today's figures.
    pub today: QueueDay,
}

impl Console {
    /// The Real-Time Queues figures of every queue of `account` at `now`, and their total
    /// (sums; the longest wait the longest; the service level over all counted tasks).
    pub fn queue_stats(&self, account: &AccountSid, now: Timestamp) -> (Vec<QueueNow>, QueueNow) {
        let Some(flex) = self.accounts.get(account).and_then(|a| a.flex.as_ref()) else {
            return (Vec::new(), QueueNow::default());
        };
        let ws = &flex.workspace;
        let offline = flex.config.taskrouter_offline_activity_sid;
        let today = now.0 / Timestamp::DAY;
        let mut rows: Vec<QueueNow> = ws
            .task_queues
            .iter()
            .map(|q| {
                let mut row = QueueNow {
                    queue: Some(q.sid),
                    name: q.friendly_name.clone(),
                    threshold: q.sla_threshold,
                    ..QueueNow::default()
                };
                if let Some(members) = self.queue_members(&q.sid) {
                    for w in members.iter().filter_map(|sid| ws.workers.get(sid)) {
                        match ws.activity(&w.activity) {
                            Some(a) if a.available => row.available += 1,
                            _ if w.activity == offline => row.offline += 1,
                            _ => row.unavailable += 1,
                        }
                    }
                }
                if let Some(day) = ws.queue_days.get(&q.sid).filter(|d| d.day == Some(today)) {
                    row.today = day.clone();
                }
                row
            })
            .collect();
        for task in ws.tasks.values() {
            let Some(queue) = task.placement.map(|p| p.queue) else {
                continue;
            };
            let Some(row) = rows.iter_mut().find(|r| r.queue == Some(queue)) else {
                continue;
            };
            match task.status {
                TaskStatus::Pending | TaskStatus::Reserved => {
                    row.waiting += 1;
                    let since = task.placement.map_or(task.created, |p| p.since);
                    let wait = (now.0.saturating_sub(since.0) / 1_000) as u32;
                    row.longest_wait = Some(row.longest_wait.map_or(wait, |w| w.max(wait)));
                }
                TaskStatus::Assigned | TaskStatus::Wrapping => row.active += 1,
                _ => {}
            }
        }
        let mut total = QueueNow {
            name: "All queues".to_owned(),
            ..QueueNow::default()
        };
        for row in &rows {
            total.active += row.active;
            total.waiting += row.waiting;
            total.longest_wait = match (total.longest_wait, row.longest_wait) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            total.today.accepted += row.today.accepted;
            total.today.within += row.today.within;
            total.today.canceled += row.today.canceled;
            total.today.completed += row.today.completed;
            total.today.entered += row.today.entered;
            total.today.wait_ms += row.today.wait_ms;
        }
        // Agents are counted once each, not once per queue.
        for w in ws.workers.values() {
            match ws.activity(&w.activity) {
                Some(a) if a.available => total.available += 1,
                _ if w.activity == offline => total.offline += 1,
                _ => total.unavailable += 1,
            }
        }
        (rows, total)
    }
}
