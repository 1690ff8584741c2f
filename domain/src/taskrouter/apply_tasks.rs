//! The checks of the task commands; the routing they set off is in [`super::routing`].

use crate::apply::{Checked, Ctx, change, check_status};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::flex::view::{FlexChange, may_change};
use crate::identity::actor::Actor;
use crate::identity::capability::{Capability, can};
use crate::sid::{AccountSid, ReservationSid, TaskSid, WorkerSid};
use crate::taskrouter::contact::NewTask;
use crate::taskrouter::error::TaskRouterError;
use crate::taskrouter::event::TaskEvent;
use crate::taskrouter::task::{
    MAX_PRIORITY, MAX_TASK_ATTRIBUTES, MAX_TASK_TIMEOUT, PathEntry, PathEvent, ReservationStatus,
    Task, TaskStatus,
};
use crate::taskrouter::task_command::TaskCommand;

type Result<T> = std::result::Result<T, DomainError>;

fn refused(reason: impl Into<String>) -> DomainError {
    TaskRouterError::Refused(reason.into()).into()
}

fn invalid(field: &str, reason: &str) -> DomainError {
    TaskRouterError::Invalid {
        field: field.to_owned(),
        reason: reason.to_owned(),
    }
    .into()
}

impl Console {
    /// Checks a task command in `account` and gives the change to make.
    pub(crate) fn task_command<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        command: &'c TaskCommand,
    ) -> Checked<'c> {
        use TaskCommand as T;
        match command {
            T::CreateTask {
                workflow,
                channel,
                attributes,
                priority,
                timeout,
                origin,
            } => {
                self.may_create_tasks(ctx, account)?;
                let ws = self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
                ws.workflow(workflow)
                    .ok_or_else(|| TaskRouterError::Unknown {
                        what: "workflow",
                        id: workflow.to_string(),
                    })?;
                ws.channel(channel)
                    .ok_or_else(|| TaskRouterError::Unknown {
                        what: "task channel",
                        id: channel.to_string(),
                    })?;
                let attributes = task_attributes(attributes)?;
                if *priority > MAX_PRIORITY {
                    return Err(invalid("Priority", "Choose from 0 to 2,147,483,647."));
                }
                if !(1..=MAX_TASK_TIMEOUT).contains(timeout) {
                    return Err(invalid(
                        "Timeout",
                        "Choose from 1 second to 1,209,600 (two weeks).",
                    ));
                }
                Ok(create(
                    account,
                    NewTask {
                        workflow: *workflow,
                        channel: *channel,
                        attributes,
                        priority: *priority,
                        timeout: *timeout,
                        origin: origin.clone(),
                    },
                ))
            }
            T::SimulateCall {
                number,
                from,
                extra,
            } => {
                self.may_create_tasks(ctx, account)?;
                Ok(create(
                    account,
                    self.call_task(account, number, from, extra)?,
                ))
            }
            T::SimulateMessage {
                address,
                from,
                body,
                extra,
            } => {
                self.may_create_tasks(ctx, account)?;
                Ok(create(
                    account,
                    self.message_task(account, address, from, body, extra)?,
                ))
            }
            T::SetSimulatedAgents { workers } => self.set_simulated_agents(ctx, account, workers),
            T::AcceptReservation { reservation } | T::RejectReservation { reservation } => {
                let accept = matches!(command, T::AcceptReservation { .. });
                let (task, worker) = self.answerable(ctx, account, reservation)?;
                change(move |c, ctx| {
                    let event = if accept {
                        c.accept(account, &task, reservation, ctx.now);
                        TaskEvent::Accepted { task, worker }
                    } else {
                        c.reject(account, &task, reservation, ctx.now);
                        TaskEvent::Rejected { task, worker }
                    };
                    task_event(account, event)
                })
            }
            T::WrapUpTask { task } => {
                let t = self.handled_task(ctx, account, task)?;
                if t.status != TaskStatus::Assigned {
                    return Err(refused(format!(
                        "This task is {}; only an assigned task goes to wrap-up.",
                        t.status
                    )));
                }
                change(move |c, ctx| {
                    c.wrap_up(account, task, ctx.now);
                    task_event(account, TaskEvent::WrappedUp { task: *task })
                })
            }
            T::CompleteTask { task } => {
                let t = self.handled_task(ctx, account, task)?;
                if !matches!(t.status, TaskStatus::Assigned | TaskStatus::Wrapping) {
                    return Err(refused(format!(
                        "This task is {}; only an assigned or wrapping task can be completed.",
                        t.status
                    )));
                }
                change(move |c, ctx| {
                    c.complete(account, task, ctx.now);
                    task_event(account, TaskEvent::Completed { task: *task })
                })
            }
            T::CancelTask { task, reason } => {
                self.may_create_tasks(ctx, account)?;
                let t = self.task(account, task).ok_or_else(|| unknown_task(task))?;
                if !t.status.routing() {
                    return Err(refused(format!(
                        "This task is {}; only a task still waiting for a worker can be canceled.",
                        t.status
                    )));
                }
                let reason = match reason.trim() {
                    "" => "Canceled".to_owned(),
                    r => r.to_owned(),
                };
                change(move |c, ctx| {
                    c.cancel_task(account, task, &reason, ctx.now);
                    task_event(account, TaskEvent::Canceled { task: *task })
                })
            }
            T::Advance => {
                if *ctx.actor != Actor::Clock {
                    return Err(DomainError::WrongActor {
                        action: ctx.action,
                        needed: "the Console clock",
                    });
                }
                self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
                change(move |c, ctx| {
                    let timers = c.advance(account, ctx.now);
                    task_event(account, TaskEvent::Advanced { timers })
                })
            }
        }
    }

    /// Contacts arrive from the Console (a member who manages products: "Simulate a call",
    /// a task sent from a workflow's page) or from simulated traffic.
    fn may_create_tasks(&self, ctx: &Ctx, account: &AccountSid) -> Result<()> {
        match ctx.actor {
            Actor::Simulator => {
                check_status(self.account_ref(account)?, false)?;
                Ok(())
            }
            _ => {
                let (_, roles, acc) = self.authorize(ctx, account)?;
                if !can(roles, Capability::ManageProducts) {
                    return Err(DomainError::not_allowed(
                        ctx.action,
                        Capability::ManageProducts,
                        roles,
                        acc,
                    ));
                }
                Ok(())
            }
        }
    }

    /// The worker acting: the actor's own worker (a Console user or an SSO person whose Flex
    /// roles let them handle tasks), or, for simulated traffic, `worker` when the presenter
    /// chose it as a simulated agent.
    fn acting_worker(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        worker: &WorkerSid,
    ) -> Result<WorkerSid> {
        if *ctx.actor == Actor::Simulator {
            let ws = self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
            return if ws.simulated_agents.contains(worker) {
                Ok(*worker)
            } else {
                Err(refused(
                    "Simulated traffic answers only for the agents chosen as simulated agents.",
                ))
            };
        }
        let (_, me) = self.flex_actor(ctx, account)?;
        may_change(&me.flex_roles, FlexChange::Tasks).map_err(DomainError::FlexRole)?;
        Ok(me.sid)
    }

    /// A pending reservation of `account` the acting worker may answer now: its task and
    /// worker.
    fn answerable(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        reservation: &ReservationSid,
    ) -> Result<(TaskSid, WorkerSid)> {
        let unknown = || TaskRouterError::Unknown {
            what: "reservation",
            id: reservation.to_string(),
        };
        let (owner, task_sid) = self.reservation_task(reservation).ok_or_else(unknown)?;
        if owner != *account {
            return Err(unknown().into());
        }
        let task = self.task(account, &task_sid).ok_or_else(unknown)?;
        let r = task.reservation(reservation).ok_or_else(unknown)?;
        let me = self.acting_worker(ctx, account, &r.worker)?;
        if me != r.worker {
            return Err(refused(
                "This task is offered to another agent, not to you.",
            ));
        }
        match r.status {
            ReservationStatus::Pending if ctx.now < r.timeout_at => Ok((task_sid, r.worker)),
            ReservationStatus::Pending => Err(refused(format!(
                "This offer timed out at {}; the task went back to its queue.",
                r.timeout_at
            ))),
            ReservationStatus::Rescinded => Err(refused(
                "Another agent accepted this task first; the offer was withdrawn.",
            )),
            status => Err(refused(format!(
                "This offer is {status} already; only a pending offer can be accepted or rejected."
            ))),
        }
    }

    /// A task of `account` the acting worker is handling.
    fn handled_task(&self, ctx: &Ctx, account: &AccountSid, task: &TaskSid) -> Result<&Task> {
        let t = self.task(account, task).ok_or_else(|| unknown_task(task))?;
        let Some(worker) = t.worker else {
            return Err(refused(format!(
                "This task is {}; nobody has accepted it yet.",
                t.status
            )));
        };
        let me = self.acting_worker(ctx, account, &worker)?;
        if me != worker {
            return Err(refused("This task is another agent's, not yours."));
        }
        Ok(t)
    }
}

/// The change that adds `new` as a task and routes it.
fn create<'c>(account: &'c AccountSid, new: NewTask) -> crate::apply::Change<'c> {
    Box::new(move |c: &mut Console, ctx: &Ctx| {
        let sid = TaskSid::generate(&mut c.random);
        let task = Task {
            sid,
            attributes: new.attributes,
            channel: new.channel,
            workflow: new.workflow,
            priority: new.priority,
            timeout: new.timeout,
            created: ctx.now,
            status: TaskStatus::Pending,
            placement: None,
            reservations: Vec::new(),
            tried: Vec::new(),
            assignment_count: 0,
            worker: None,
            accepted_at: None,
            ended: None,
            reason: None,
            path: vec![PathEntry {
                at: ctx.now,
                event: PathEvent::Created { origin: new.origin },
            }],
        };
        c.add_task(account, task, ctx.now);
        task_event(account, TaskEvent::Created { task: sid })
    })
}

fn unknown_task(task: &TaskSid) -> DomainError {
    TaskRouterError::Unknown {
        what: "task",
        id: task.to_string(),
    }
    .into()
}

pub(crate) fn task_event(
    account: &AccountSid,
    event: TaskEvent,
) -> (Option<AccountSid>, EventKind) {
    (Some(*account), EventKind::Task { change: event })
}

/// A task's attributes as typed: a JSON object of at most 4,096 characters ("{}" when empty).
pub fn task_attributes(text: &str) -> Result<serde_json::Value> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    let count = text.chars().count();
    if count > MAX_TASK_ATTRIBUTES {
        return Err(invalid(
            "Attributes",
            &format!(
                "TaskRouter keeps at most 4,096 characters of task attributes; these have {count}."
            ),
        ));
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(object @ serde_json::Value::Object(_)) => Ok(object),
        Ok(_) => Err(invalid(
            "Attributes",
            "The attributes must be one JSON object, in braces { }.",
        )),
        Err(e) => {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.clone(), |(m, _)| m.to_owned());
            Err(TaskRouterError::Json {
                what: "The attributes",
                line: e.line(),
                column: e.column(),
                message,
            }
            .into())
        }
    }
}
