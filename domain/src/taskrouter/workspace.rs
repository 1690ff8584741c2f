//! The TaskRouter workspace Flex routes with, "Flex Task Assignment": its activities, task
//! channels, task queues, workflows and workers.

use crate::flex::worker::Worker;
use crate::random::Random;
use crate::revision::Revision;
use crate::sid::{
    ActivitySid, TaskChannelSid, TaskQueueSid, TaskSid, WorkerSid, WorkflowSid, WorkspaceSid,
};
use crate::taskrouter::activity::Activity;
use crate::taskrouter::channel::{BUILT_IN_CHANNELS, TaskChannel, built_in_friendly_name};
use crate::taskrouter::queue::{DEFAULT_SLA_THRESHOLD, TaskOrder, TaskQueue};
use crate::taskrouter::stats::QueueDay;
use crate::taskrouter::task::Task;
use crate::taskrouter::workflow::{DEFAULT_RESERVATION_TIMEOUT, Workflow, WorkflowConfiguration};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Most workers a Flex workspace holds.
pub const MAX_WORKERS: u32 = 15_000;

/// The TaskRouter workspace Flex routes with; it holds the workers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredWorkspace")]
pub struct Workspace {
    /// The workspace SID.
    pub sid: WorkspaceSid,
    /// "Flex Task Assignment".
    pub friendly_name: String,
    /// Most workers it holds.
    pub max_workers: u32,
    /// The activity new workers start in (Offline unless changed).
    pub default_activity: ActivitySid,
    /// The activity a worker goes to when a reservation times out (Offline unless changed).
    pub timeout_activity: ActivitySid,
    /// Offline, Available, Unavailable and any an administrator created.
    pub activities: Vec<Activity>,
    /// voice, chat, sms, email, default and custom ones.
    pub task_channels: Vec<TaskChannel>,
    /// The task queues, in the order they were created ("Everyone" first).
    pub task_queues: Vec<TaskQueue>,
    /// The workflows, in the order they were created ("Assign To Anyone" first).
    pub workflows: Vec<Workflow>,
    /// The workers (Flex users) by SID.
    pub workers: BTreeMap<WorkerSid, Worker>,
    /// The tasks: routing, being handled, or ended in the last five minutes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tasks: BTreeMap<TaskSid, Task>,
    /// Each queue's figures since its daily reset (Real-Time Queues' "Today").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub queue_days: BTreeMap<TaskQueueSid, QueueDay>,
    /// The workers simulated traffic answers for (accepts, completes), chosen by the
    /// presenter.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub simulated_agents: BTreeSet<WorkerSid>,
}

impl Workspace {
    /// The activity called Offline, which Flex links as signed-out workers' activity.
    pub fn offline_activity(&self) -> Option<&Activity> {
        self.activities
            .iter()
            .find(|a| a.friendly_name == "Offline")
    }

    /// An activity of this workspace by SID.
    pub fn activity(&self, sid: &ActivitySid) -> Option<&Activity> {
        self.activities.iter().find(|a| &a.sid == sid)
    }

    /// A task channel by SID.
    pub fn channel(&self, sid: &TaskChannelSid) -> Option<&TaskChannel> {
        self.task_channels.iter().find(|c| &c.sid == sid)
    }

    /// A task channel by unique name ("voice").
    pub fn channel_named(&self, unique_name: &str) -> Option<&TaskChannel> {
        self.task_channels
            .iter()
            .find(|c| c.unique_name == unique_name)
    }

    /// A task queue by SID.
    pub fn queue(&self, sid: &TaskQueueSid) -> Option<&TaskQueue> {
        self.task_queues.iter().find(|q| &q.sid == sid)
    }

    /// A workflow by SID.
    pub fn workflow(&self, sid: &WorkflowSid) -> Option<&Workflow> {
        self.workflows.iter().find(|w| &w.sid == sid)
    }

    /// Since when `worker` has waited without a task: TaskRouter offers a task to the
    /// worker who has waited longest first. The later of its last task (taken or finished)
    /// and its entering its activity.
    pub fn idle_since(&self, worker: &Worker) -> Timestamp {
        let entered = worker.activity_since.unwrap_or(worker.created);
        worker.last_task_at.map_or(entered, |t| t.max(entered))
    }

    /// Provisions Flex's workspace, "Flex Task Assignment", every resource with a fresh SID
    /// from `random` (in a fixed order, so a seed gives the same SIDs): activities, task
    /// channels, the workspace, workflow "Assign To Anyone" and queue "Everyone" (`1==1`).
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
        let offline = activities[0].sid;
        let task_channels = BUILT_IN_CHANNELS
            .iter()
            .map(|name| TaskChannel {
                sid: TaskChannelSid::generate(random),
                unique_name: (*name).to_owned(),
                friendly_name: built_in_friendly_name(name),
            })
            .collect();
        let sid = WorkspaceSid::generate(random);
        let workflow = WorkflowSid::generate(random);
        let queue = TaskQueueSid::generate(random);
        Workspace {
            sid,
            friendly_name: "Flex Task Assignment".to_owned(),
            max_workers: MAX_WORKERS,
            default_activity: offline,
            timeout_activity: offline,
            activities,
            task_channels,
            task_queues: vec![everyone(queue)],
            workflows: vec![assign_to_anyone(workflow, queue)],
            workers: BTreeMap::new(),
            tasks: BTreeMap::new(),
            queue_days: BTreeMap::new(),
            simulated_agents: BTreeSet::new(),
        }
    }
}

/// Flex's queue "Everyone": every worker.
fn everyone(sid: TaskQueueSid) -> TaskQueue {
    TaskQueue {
        sid,
        friendly_name: "Everyone".to_owned(),
        target_workers: "1==1".to_owned(),
        max_reserved_workers: 1,
        task_order: TaskOrder::Fifo,
        revision: Revision::default(),
        sla_threshold: DEFAULT_SLA_THRESHOLD,
    }
}

/// Flex's workflow "Assign To Anyone": no filters, everything to `queue`.
fn assign_to_anyone(sid: WorkflowSid, queue: TaskQueueSid) -> Workflow {
    Workflow {
        sid,
        friendly_name: "Assign To Anyone".to_owned(),
        task_reservation_timeout: DEFAULT_RESERVATION_TIMEOUT,
        configuration: WorkflowConfiguration {
            filters: Vec::new(),
            default_queue: Some(queue),
        },
        revision: Revision::default(),
    }
}

/// A workspace as stored: today's shape, or the shape saved before TaskRouter could be set
/// up (one `workflow` and one `task_queue`, no default or timeout activity), which reads as
/// what Flex provisioned.
#[derive(Deserialize)]
struct StoredWorkspace {
    sid: WorkspaceSid,
    friendly_name: String,
    max_workers: u32,
    default_activity: Option<ActivitySid>,
    timeout_activity: Option<ActivitySid>,
    activities: Vec<Activity>,
    task_channels: Vec<TaskChannel>,
    task_queues: Option<Vec<TaskQueue>>,
    workflows: Option<Vec<Workflow>>,
    /// Before: the one queue.
    task_queue: Option<OldQueue>,
    /// Before: the one workflow.
    workflow: Option<OldWorkflow>,
    workers: BTreeMap<WorkerSid, Worker>,
    #[serde(default)]
    tasks: BTreeMap<TaskSid, Task>,
    #[serde(default)]
    queue_days: BTreeMap<TaskQueueSid, QueueDay>,
    #[serde(default)]
    simulated_agents: BTreeSet<WorkerSid>,
}

#[derive(Deserialize)]
struct OldQueue {
    sid: TaskQueueSid,
    friendly_name: String,
    target_workers: String,
}

#[derive(Deserialize)]
struct OldWorkflow {
    sid: WorkflowSid,
    friendly_name: String,
}

impl TryFrom<StoredWorkspace> for Workspace {
    type Error = &'static str;

    fn try_from(s: StoredWorkspace) -> Result<Self, Self::Error> {
        let offline = s
            .activities
            .iter()
            .find(|a| a.friendly_name == "Offline")
            .map(|a| a.sid);
        let fallback = || offline.ok_or("needs an Offline activity");
        let old_queue = s.task_queue.map(|q| TaskQueue {
            friendly_name: q.friendly_name,
            target_workers: q.target_workers,
            ..everyone(q.sid)
        });
        let task_queues = s
            .task_queues
            .unwrap_or_else(|| old_queue.clone().into_iter().collect());
        let workflows = match (s.workflows, s.workflow) {
            (Some(workflows), _) => workflows,
            (None, Some(w)) => vec![Workflow {
                friendly_name: w.friendly_name,
                configuration: WorkflowConfiguration {
                    filters: Vec::new(),
                    default_queue: old_queue.map(|q| q.sid),
                },
                sid: w.sid,
                task_reservation_timeout: DEFAULT_RESERVATION_TIMEOUT,
                revision: Revision::default(),
            }],
            (None, None) => Vec::new(),
        };
        let mut task_channels = s.task_channels;
        for channel in &mut task_channels {
            if channel.friendly_name.is_empty() {
                channel.friendly_name = built_in_friendly_name(&channel.unique_name);
            }
        }
        Ok(Workspace {
            sid: s.sid,
            friendly_name: s.friendly_name,
            max_workers: s.max_workers,
            default_activity: s.default_activity.map_or_else(fallback, Ok)?,
            timeout_activity: s.timeout_activity.map_or_else(fallback, Ok)?,
            activities: s.activities,
            task_channels,
            task_queues,
            workflows,
            workers: s.workers,
            tasks: s.tasks,
            queue_days: s.queue_days,
            simulated_agents: s.simulated_agents,
        })
    }
}
