//! What an administrator can change in the workspace from the Console: activities, task
//! channels, task queues, workflows and workers' attributes and capacity. Each rides on
//! [`crate::Command::TaskRouter`] and needs "manage products" (Owner, Administrator,
//! Developer), as every TaskRouter resource does.

use crate::sid::{ActivitySid, TaskChannelSid, TaskQueueSid, WorkerSid, WorkflowSid};
use crate::taskrouter::queue::TaskQueueSpec;
use crate::taskrouter::workflow::WorkflowSpec;
use serde::{Deserialize, Serialize};

/// A change to an account's TaskRouter workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum TaskRouterCommand {
    /// Create an activity; whether it is available is chosen now and never changes.
    CreateActivity {
        /// Its name (up to 64 characters, unique).
        friendly_name: String,
        /// Whether workers in it receive tasks.
        available: bool,
    },
    /// Rename an activity.
    RenameActivity {
        /// The activity.
        activity: ActivitySid,
        /// The new name.
        friendly_name: String,
    },
    /// Delete an activity nobody is in and the workspace does not point to.
    DeleteActivity {
        /// The activity.
        activity: ActivitySid,
    },
    /// Choose the activity new workers start in and the one a timed-out reservation sends
    /// its worker to.
    SetWorkspaceActivities {
        /// Default activity.
        default_activity: ActivitySid,
        /// Timeout activity.
        timeout_activity: ActivitySid,
    },
    /// Create a custom task channel.
    CreateTaskChannel {
        /// Unique Name: letters, digits, `_` and `$`, not starting with a digit.
        unique_name: String,
        /// The name shown.
        friendly_name: String,
    },
    /// Delete a custom task channel (the built-in ones stay).
    DeleteTaskChannel {
        /// The channel.
        channel: TaskChannelSid,
    },
    /// Create a task queue.
    CreateTaskQueue {
        /// What the form gave.
        spec: TaskQueueSpec,
    },
    /// Change a task queue, from a form that showed revision `revision`.
    UpdateTaskQueue {
        /// The queue.
        queue: TaskQueueSid,
        /// What the form gave.
        spec: TaskQueueSpec,
        /// The revision the form showed.
        revision: u64,
    },
    /// Delete a task queue no workflow routes to.
    DeleteTaskQueue {
        /// The queue.
        queue: TaskQueueSid,
    },
    /// Create a workflow.
    CreateWorkflow {
        /// What the form gave.
        spec: WorkflowSpec,
    },
    /// Change a workflow, from a form that showed revision `revision`.
    UpdateWorkflow {
        /// The workflow.
        workflow: WorkflowSid,
        /// What the form gave.
        spec: WorkflowSpec,
        /// The revision the form showed.
        revision: u64,
    },
    /// Delete a workflow Flex does not use.
    DeleteWorkflow {
        /// The workflow.
        workflow: WorkflowSid,
    },
    /// Replace a worker's attributes with the JSON typed (Flex's own keys unchanged).
    SetWorkerAttributes {
        /// The worker.
        worker: WorkerSid,
        /// The attributes, as JSON text.
        attributes: String,
        /// The revision the form showed.
        revision: u64,
    },
    /// Set a worker's capacity on a channel, and whether the channel is switched on.
    SetWorkerChannel {
        /// The worker.
        worker: WorkerSid,
        /// The channel.
        channel: TaskChannelSid,
        /// How many of its tasks the worker holds at once (0 to 50).
        capacity: u32,
        /// Whether the worker takes its tasks at all.
        available: bool,
    },
}

impl TaskRouterCommand {
    /// What the change does, as the start of a sentence ("Creating task queues needs …").
    pub fn action(&self) -> &'static str {
        use TaskRouterCommand as T;
        match self {
            T::CreateActivity { .. } => "Creating activities",
            T::RenameActivity { .. } => "Renaming activities",
            T::DeleteActivity { .. } => "Deleting activities",
            T::SetWorkspaceActivities { .. } => "Changing the workspace's activities",
            T::CreateTaskChannel { .. } => "Creating task channels",
            T::DeleteTaskChannel { .. } => "Deleting task channels",
            T::CreateTaskQueue { .. } => "Creating task queues",
            T::UpdateTaskQueue { .. } => "Changing task queues",
            T::DeleteTaskQueue { .. } => "Deleting task queues",
            T::CreateWorkflow { .. } => "Creating workflows",
            T::UpdateWorkflow { .. } => "Changing workflows",
            T::DeleteWorkflow { .. } => "Deleting workflows",
            T::SetWorkerAttributes { .. } => "Changing workers' attributes",
            T::SetWorkerChannel { .. } => "Changing workers' capacity",
        }
    }
}
