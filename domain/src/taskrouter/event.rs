//! What happened in a workspace, for the activity log: each change names what it touched,
//! so the log still reads after the resource is gone.

use crate::sid::{ActivitySid, TaskChannelSid, TaskQueueSid, WorkerSid, WorkflowSid};
use serde::{Deserialize, Serialize};

/// A TaskRouter change that happened (inside [`crate::EventKind::TaskRouter`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum TaskRouterEvent {
    /// An activity was created.
    ActivityCreated {
        /// It.
        activity: ActivitySid,
        /// Its name.
        name: String,
        /// Whether workers in it receive tasks.
        available: bool,
    },
    /// An activity was renamed.
    ActivityRenamed {
        /// It.
        activity: ActivitySid,
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// An activity was deleted.
    ActivityDeleted {
        /// It.
        activity: ActivitySid,
        /// Its name.
        name: String,
    },
    /// The default and timeout activities were chosen.
    WorkspaceActivitiesSet {
        /// The default activity's name.
        default_activity: String,
        /// The timeout activity's name.
        timeout_activity: String,
    },
    /// A task channel was created.
    TaskChannelCreated {
        /// It.
        channel: TaskChannelSid,
        /// Its unique name.
        unique_name: String,
    },
    /// A task channel was deleted.
    TaskChannelDeleted {
        /// It.
        channel: TaskChannelSid,
        /// Its unique name.
        unique_name: String,
    },
    /// A task queue was created.
    TaskQueueCreated {
        /// It.
        queue: TaskQueueSid,
        /// Its name.
        name: String,
    },
    /// A task queue was changed.
    TaskQueueUpdated {
        /// It.
        queue: TaskQueueSid,
        /// Its name now.
        name: String,
    },
    /// A task queue was deleted.
    TaskQueueDeleted {
        /// It.
        queue: TaskQueueSid,
        /// Its name.
        name: String,
    },
    /// A workflow was created.
    WorkflowCreated {
        /// It.
        workflow: WorkflowSid,
        /// Its name.
        name: String,
    },
    /// A workflow was changed.
    WorkflowUpdated {
        /// It.
        workflow: WorkflowSid,
        /// Its name now.
        name: String,
    },
    /// A workflow was deleted.
    WorkflowDeleted {
        /// It.
        workflow: WorkflowSid,
        /// Its name.
        name: String,
    },
    /// A worker's attributes were replaced.
    WorkerAttributesSet {
        /// The worker.
        worker: WorkerSid,
    },
    /// A worker's capacity on a channel was set.
    WorkerChannelSet {
        /// The worker.
        worker: WorkerSid,
        /// The channel's unique name.
        channel: String,
        /// The capacity.
        capacity: u32,
        /// Whether the channel is switched on for the worker.
        available: bool,
    },
}

/// What happened to a task (inside [`crate::EventKind::Task`]). Kept on the task's own path,
/// not in the activity log: contacts come by the thousand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum TaskEvent {
    /// A task was created.
    Created {
        /// It.
        task: crate::sid::TaskSid,
    },
    /// A reservation was accepted.
    Accepted {
        /// The task.
        task: crate::sid::TaskSid,
        /// The worker.
        worker: WorkerSid,
    },
    /// A reservation was rejected.
    Rejected {
        /// The task.
        task: crate::sid::TaskSid,
        /// The worker.
        worker: WorkerSid,
    },
    /// A task went to wrap-up.
    WrappedUp {
        /// The task.
        task: crate::sid::TaskSid,
    },
    /// A task was completed.
    Completed {
        /// The task.
        task: crate::sid::TaskSid,
    },
    /// A task was canceled.
    Canceled {
        /// The task.
        task: crate::sid::TaskSid,
    },
    /// The workers simulated traffic answers for were chosen.
    SimulatedAgentsSet {
        /// How many.
        count: u32,
    },
    /// The clock moved on, running this many timers.
    Advanced {
        /// How many timers ran.
        timers: u32,
    },
}
