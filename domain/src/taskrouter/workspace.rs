//! The TaskRouter workspace Flex routes with: its activities, task channels, task queues,
//! workflow and workers.

use crate::flex::instance::Named;
use crate::flex::worker::Worker;
use crate::random::Random;
use crate::sid::{ActivitySid, TaskChannelSid, TaskQueueSid, WorkerSid, WorkflowSid, WorkspaceSid};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most workers a Flex workspace holds.
pub const MAX_WORKERS: u32 = 15_000;
/// A TaskRouter activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// The activity SID.
    pub sid: ActivitySid,
    /// "Offline", "Available", "Unavailable".
    pub friendly_name: String,
    /// Whether workers in it receive tasks.
    pub available: bool,
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
}

/// A TaskRouter task channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskChannel {
    /// The channel SID.
    pub sid: TaskChannelSid,
    /// "voice", "chat", "sms", "email", "default".
    pub unique_name: String,
}

/// The TaskRouter workspace Flex routes with; it holds the workers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// The workspace SID.
    pub sid: WorkspaceSid,
    /// "Flex Task Assignment".
    pub friendly_name: String,
    /// Most workers it holds.
    pub max_workers: u32,
    /// "Assign To Anyone".
    pub workflow: Named<WorkflowSid>,
    /// "Everyone".
    pub task_queue: TaskQueue,
    /// Offline, Available, Unavailable.
    pub activities: Vec<Activity>,
    /// voice, chat, sms, email, default.
    pub task_channels: Vec<TaskChannel>,
    /// The workers (Flex users) by SID.
    pub workers: BTreeMap<WorkerSid, Worker>,
}

impl Workspace {
    /// The activity new workers start in.
    pub fn offline_activity(&self) -> Option<&Activity> {
        self.activities
            .iter()
            .find(|a| a.friendly_name == "Offline")
    }

    /// An activity of this workspace by SID.
    pub fn activity(&self, sid: &ActivitySid) -> Option<&Activity> {
        self.activities.iter().find(|a| &a.sid == sid)
    }
}

impl Workspace {
    /// Provisions Flex's workspace, "Flex Task Assignment", every resource with a fresh SID
    /// from `random` (in a fixed order, so a seed gives the same SIDs).
    pub(crate) fn provision(random: &mut Random) -> Workspace {
        let mut activity = |name: &str, available| Activity {
            sid: ActivitySid::generate(random),
            friendly_name: name.to_owned(),
            available,
        };
        let activities = vec![
            activity("Offline", false),
            activity("Available", true),
            activity("Unavailable", false),
        ];
        let task_channels = ["voice", "chat", "sms", "email", "default"]
            .iter()
            .map(|name| TaskChannel {
                sid: TaskChannelSid::generate(random),
                unique_name: (*name).to_owned(),
            })
            .collect();
        Workspace {
            sid: WorkspaceSid::generate(random),
            friendly_name: "Flex Task Assignment".to_owned(),
            max_workers: MAX_WORKERS,
            workflow: Named {
                sid: WorkflowSid::generate(random),
                friendly_name: "Assign To Anyone".to_owned(),
            },
            task_queue: TaskQueue {
                sid: TaskQueueSid::generate(random),
                friendly_name: "Everyone".to_owned(),
                target_workers: "1==1".to_owned(),
            },
            activities,
            task_channels,
            workers: BTreeMap::new(),
        }
    }
}
