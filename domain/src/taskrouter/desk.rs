//! One worker's work, as the agent desktop and Teams ask about it: the tasks offered to them
//! and those they handle, what their capacity on each channel leaves free, whether their
//! activity counts as available, unavailable or offline, and which tasks they may look at.

use crate::console::Console;
use crate::flex::worker::FlexRole;
use crate::sid::{AccountSid, ActivitySid, ReservationSid, TaskChannelSid, TaskSid, WorkerSid};
use crate::taskrouter::task::{Reservation, ReservationStatus, Task};
use crate::taskrouter::task_command::TaskCommand;
use std::fmt;

/// Where an activity puts a worker, as queue stats count agents and a status dot shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Presence {
    /// An activity that takes work (Available).
    Available,
    /// An activity that takes no work, other than Offline (Unavailable, Break).
    Unavailable,
    /// The Flex configuration's offline activity.
    Offline,
}

/// A task on a worker's desk, with the reservation that puts it there.
#[derive(Clone, Copy, Debug)]
pub struct DeskTask<'a> {
    /// The task.
    pub task: &'a Task,
    /// The worker's reservation of it: pending (ringing), accepted or wrapping.
    pub reservation: &'a Reservation,
}

impl DeskTask<'_> {
    /// Whether it is ringing: offered and not answered yet.
    pub fn ringing(&self) -> bool {
        self.reservation.status == ReservationStatus::Pending
    }

    /// What the worker can do with it now, the first the one to do next: Accept or Reject
    /// while it rings, Wrap up or Complete while they handle it, Complete while wrapping up.
    pub fn actions(&self) -> &'static [DeskAction] {
        match self.reservation.status {
            ReservationStatus::Pending => &[DeskAction::Accept, DeskAction::Reject],
            ReservationStatus::Accepted => &[DeskAction::WrapUp, DeskAction::Complete],
            ReservationStatus::Wrapping => &[DeskAction::Complete],
            _ => &[],
        }
    }
}

/// Something a worker does with a task on their desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeskAction {
    /// Take the offer.
    Accept,
    /// Decline the offer.
    Reject,
    /// End the conversation and start wrapping up.
    WrapUp,
    /// End the task.
    Complete,
}

impl DeskAction {
    /// The command it runs on `task`, offered to the worker by `reservation`.
    pub fn command(self, task: TaskSid, reservation: ReservationSid) -> TaskCommand {
        match self {
            DeskAction::Accept => TaskCommand::AcceptReservation { reservation },
            DeskAction::Reject => TaskCommand::RejectReservation { reservation },
            DeskAction::WrapUp => TaskCommand::WrapUpTask { task },
            DeskAction::Complete => TaskCommand::CompleteTask { task },
        }
    }
}

/// What a worker's capacity on one channel leaves free.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelRoom {
    /// The channel.
    pub channel: TaskChannelSid,
    /// Its unique name ("voice").
    pub name: String,
    /// The worker's capacity on it.
    pub capacity: u32,
    /// Offers and tasks holding that capacity now.
    pub held: u32,
    /// Whether the worker takes this channel's tasks at all.
    pub available: bool,
}

impl ChannelRoom {
    /// Whether the worker takes the channel's tasks: switched on, with a capacity above 0.
    pub fn takes(&self) -> bool {
        self.available && self.capacity > 0
    }

    /// How many more tasks of the channel the worker can be offered.
    pub fn free(&self) -> u32 {
        if self.available {
            self.capacity.saturating_sub(self.held)
        } else {
            0
        }
    }
}

/// Why a worker may not look at a task in Flex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskHidden {
    /// An agent sees only the tasks offered to them.
    NotOffered,
    /// The task does not exist (or was deleted, five minutes after it ended).
    Unknown,
}

impl fmt::Display for TaskHidden {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TaskHidden::NotOffered => {
                "Agents see only the tasks offered to them, and this one was not offered to you. Supervisors and admins see every task."
            }
            TaskHidden::Unknown => {
                "There is no such task: TaskRouter deletes a task five minutes after it ends."
            }
        })
    }
}

impl Console {
    /// The worker's tasks: offers still ringing first (oldest first), then the tasks they
    /// handle, accepted or wrapping up (oldest first).
    pub fn worker_tasks(&self, account: &AccountSid, worker: &WorkerSid) -> Vec<DeskTask<'_>> {
        let Some(ws) = self.workspace(account) else {
            return Vec::new();
        };
        let mut out: Vec<DeskTask> = ws
            .tasks
            .values()
            .filter_map(|task| {
                let reservation = task
                    .reservations
                    .iter()
                    .find(|r| &r.worker == worker && r.status.holds_capacity())?;
                Some(DeskTask { task, reservation })
            })
            .collect();
        out.sort_by_key(|d| (!d.ringing(), d.reservation.created, d.task.sid));
        out
    }

    /// What the worker's capacity on each channel of the workspace leaves free, in the
    /// workspace's order of channels.
    pub fn channel_room(&self, account: &AccountSid, worker: &WorkerSid) -> Vec<ChannelRoom> {
        let Some(ws) = self.workspace(account) else {
            return Vec::new();
        };
        let Some(w) = ws.workers.get(worker) else {
            return Vec::new();
        };
        ws.task_channels
            .iter()
            .map(|c| {
                let setting = w.channel(&c.sid);
                ChannelRoom {
                    channel: c.sid,
                    name: c.unique_name.clone(),
                    capacity: setting.capacity,
                    held: self.held_on(worker, &c.sid),
                    available: setting.available,
                }
            })
            .collect()
    }

    /// Where `activity` puts a worker of `account`: available, unavailable or offline.
    pub fn presence(&self, account: &AccountSid, activity: &ActivitySid) -> Presence {
        let Some(flex) = self.accounts.get(account).and_then(|a| a.flex.as_ref()) else {
            return Presence::Offline;
        };
        match flex.workspace.activity(activity) {
            Some(a) if a.available => Presence::Available,
            _ if *activity == flex.config.taskrouter_offline_activity_sid => Presence::Offline,
            _ => Presence::Unavailable,
        }
    }

    /// Whether `viewer` (a worker with `roles`) may look at `task` in Flex: those who see
    /// queue stats (admins, supervisors, read-only admins) see every task; an agent sees the
    /// tasks that were offered to them.
    pub fn task_visible_to(
        &self,
        account: &AccountSid,
        viewer: &WorkerSid,
        roles: &[FlexRole],
        task: &crate::sid::TaskSid,
    ) -> Result<&Task, TaskHidden> {
        let task = self.task(account, task).ok_or(TaskHidden::Unknown)?;
        let sees_all = roles.iter().any(|r| {
            matches!(
                r,
                FlexRole::Admin | FlexRole::Supervisor | FlexRole::ReadOnlyAdmin
            )
        });
        if sees_all || task.reservations.iter().any(|r| &r.worker == viewer) {
            Ok(task)
        } else {
            Err(TaskHidden::NotOffered)
        }
    }
}
