//! What happens to tasks: a contact arrives, a worker accepts, rejects, wraps up or
//! completes, a task is canceled, and time passes. Each rides on
//! [`crate::Command::Task`]; who may do each is decided by its handler (the worker itself
//! for its reservations and tasks, the Console clock for time, simulated traffic for its
//! contacts and agents).

use crate::sid::{
    AddressSid, PhoneNumberSid, ReservationSid, TaskChannelSid, TaskSid, WorkerSid, WorkflowSid,
};
use serde::{Deserialize, Serialize};

/// A change to an account's tasks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum TaskCommand {
    /// A contact arrives: a task routed by `workflow` (a Studio flow's Send to Flex, or a
    /// task sent from a workflow's page). Actor: a Console user who manages products, or
    /// simulated traffic.
    CreateTask {
        /// The workflow routing it.
        workflow: WorkflowSid,
        /// Its channel.
        channel: TaskChannelSid,
        /// Its attributes, a JSON object as text.
        attributes: String,
        /// Its priority (0 to 2,147,483,647).
        priority: u32,
        /// Its TTL in seconds (1 to 1,209,600).
        timeout: u32,
        /// How it arrived, for its path ("Call from +1… to (212) 555-0110").
        origin: String,
    },
    /// A call arrives at one of the account's numbers: the number's Studio flow runs its
    /// Send to Flex step, making a task. Actor: as for `CreateTask`.
    SimulateCall {
        /// The number called.
        number: PhoneNumberSid,
        /// The caller, in E.164.
        from: String,
        /// Attributes to add to the step's, a JSON object as text (may be empty).
        extra: String,
    },
    /// A message arrives at a Conversations address: its Studio flow runs its Send to Flex
    /// step, making a task. Actor: as for `CreateTask`.
    SimulateMessage {
        /// The address written to.
        address: AddressSid,
        /// The sender: a number in E.164 (SMS, WhatsApp) or a name (Chat).
        from: String,
        /// The message.
        body: String,
        /// Attributes to add to the step's, a JSON object as text (may be empty).
        extra: String,
    },
    /// The presenter chooses the workers simulated traffic answers for (actor: simulated
    /// traffic). Newly chosen ones go to an available activity; ones no longer chosen go
    /// Offline once they hold no task.
    SetSimulatedAgents {
        /// The workers.
        workers: Vec<WorkerSid>,
    },
    /// The worker takes the task offered (actor: that worker's person).
    AcceptReservation {
        /// The reservation.
        reservation: ReservationSid,
    },
    /// The worker declines the task offered.
    RejectReservation {
        /// The reservation.
        reservation: ReservationSid,
    },
    /// The conversation ended: the task goes to wrap-up.
    WrapUpTask {
        /// The task.
        task: TaskSid,
    },
    /// The task is done.
    CompleteTask {
        /// The task.
        task: TaskSid,
    },
    /// A task still routing is canceled (the caller hung up, or an administrator).
    CancelTask {
        /// The task.
        task: TaskSid,
        /// Why.
        reason: String,
    },
    /// The Console clock moves on: every timer due runs (actor: the clock).
    Advance,
}

impl TaskCommand {
    /// What the change does, as the start of a sentence.
    pub fn action(&self) -> &'static str {
        match self {
            TaskCommand::CreateTask { .. } => "Creating tasks",
            TaskCommand::SimulateCall { .. } => "Simulating a call",
            TaskCommand::SimulateMessage { .. } => "Simulating a message",
            TaskCommand::SetSimulatedAgents { .. } => "Choosing simulated agents",
            TaskCommand::AcceptReservation { .. } => "Accepting a task",
            TaskCommand::RejectReservation { .. } => "Rejecting a task",
            TaskCommand::WrapUpTask { .. } => "Wrapping up a task",
            TaskCommand::CompleteTask { .. } => "Completing a task",
            TaskCommand::CancelTask { .. } => "Canceling a task",
            TaskCommand::Advance => "Moving the clock on",
        }
    }
}
