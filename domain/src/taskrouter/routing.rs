//! Routing, as TaskRouter does it: a new task takes the first filter that matches it (or the
//! Default Task Queue), enters its steps in order, and is offered to the eligible workers of
//! each step's queue (up to Max Reserved Workers at once, longest idle first or by the
//! step's Ordering); the first to accept wins and the others are rescinded. A reservation not
//! answered in time times out and its worker goes to the timeout activity; a step ends at
//! its timeout on the task's age; a task no step takes is canceled; a worker who becomes able
//! to take work is offered the waiting task that comes first (priority, then age).
//!
//! Everything here is a change that cannot fail: the commands check first, then call these.
//! Time comes in as an argument only (the Console clock), so the same commands at the same
//! times always route the same way. Every change to a task ends with [`Console::reschedule`],
//! which keeps its timers in the index; `Console::advance` runs the timers that are due.

use crate::console::Console;
use crate::sid::{AccountSid, ReservationSid, TaskChannelSid, TaskQueueSid, TaskSid, WorkerSid};
use crate::taskrouter::apply_taskrouter::filter_label;
use crate::taskrouter::explain::TaskProbe;
use crate::taskrouter::expression::{Bindings, Expression, Scope};
use crate::taskrouter::queue::{TaskOrder, TaskQueue};
use crate::taskrouter::task::{
    KEPT_AFTER_END_MS, MAX_ASSIGNMENT_COUNT, PathEntry, PathEvent, Placement, Reservation,
    ReservationStatus, Task, TaskStatus,
};
use crate::taskrouter::workflow::Target;
use crate::taskrouter::workspace::Workspace;
use crate::time::Timestamp;
use std::cmp::Reverse;

/// Why a task is canceled when it passes the last step of its filter and no later filter
/// matches (TaskRouter: "The Task passes the final step in a Workflow without an accepted
/// Reservation").
pub const PASSED_FINAL_STEP: &str =
    "The task passed the final step of its workflow without an accepted reservation";
/// TaskRouter's reason when a task outlives its TTL.
pub const TTL_EXCEEDED: &str = "Task TTL Exceeded";
/// Why a task no filter matched is canceled when the workflow has no Default Task Queue.
pub const NOT_ROUTED: &str =
    "No filter of the workflow matched the task, and it has no Default Task Queue";
/// Which waiting task a freed worker takes first (smallest first): the queue's Task Order,
/// then priority, then age, then SID.
type OfferRank = (u8, Reverse<u32>, i128, TaskSid);

/// TaskRouter's reason after 1,000 moves from pending to reserved.
pub const MAX_ASSIGNMENTS: &str = "The task reached the Max Assignment Count (1,000)";

/// A timer of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deadline {
    /// A pending reservation times out.
    Reservation(TaskSid, ReservationSid),
    /// The task leaves its step.
    Step(TaskSid),
    /// The task outlives its TTL.
    Ttl(TaskSid),
    /// An ended task is deleted.
    Delete(TaskSid),
}

/// What a worker holds on a channel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Load {
    /// Reservations holding capacity (pending, accepted, wrapping).
    pub held: u32,
    /// Tasks accepted and not yet wrapping.
    pub assigned: u32,
}

impl Console {
    /// How many of `worker`'s reservations on `channel` hold its capacity now (pending,
    /// accepted or wrapping).
    pub fn held_on(&self, worker: &WorkerSid, channel: &TaskChannelSid) -> u32 {
        self.index
            .load
            .get(&(*worker, *channel))
            .map_or(0, |l| l.held)
    }

    /// How many tasks of `channel` `worker` has accepted and not yet wrapped up.
    pub fn assigned_on(&self, worker: &WorkerSid, channel: &TaskChannelSid) -> u32 {
        self.index
            .load
            .get(&(*worker, *channel))
            .map_or(0, |l| l.assigned)
    }

    /// When the next timer of `account` is due (a reservation's timeout, a step's, a TTL, a
    /// deletion), if any: the moment the Console clock must step to.
    pub fn next_deadline(&self, account: &AccountSid) -> Option<Timestamp> {
        self.index
            .deadlines
            .get(account)
            .and_then(|d| d.first())
            .map(|(at, _)| *at)
    }

    /// The next timer due in any account, and its account: when the Console clock must step.
    pub fn next_deadline_anywhere(&self) -> Option<(Timestamp, AccountSid)> {
        self.index
            .deadlines
            .iter()
            .filter_map(|(account, set)| set.first().map(|(at, _)| (*at, *account)))
            .min()
    }

    /// Whether any account has a task (routing, handled, or ended in the last five minutes):
    /// while one does, pages that show tasks follow the clock by the second.
    pub fn has_tasks(&self) -> bool {
        !self.index.task_account.is_empty()
    }

    /// The account and task a reservation belongs to.
    pub fn reservation_task(&self, reservation: &ReservationSid) -> Option<(AccountSid, TaskSid)> {
        let task = self.index.reservation_task.get(reservation)?;
        let account = self.index.task_account.get(task)?;
        Some((*account, *task))
    }

    /// A task of `account` by SID.
    pub fn task(&self, account: &AccountSid, task: &TaskSid) -> Option<&Task> {
        self.workspace(account)?.tasks.get(task)
    }

    /// Puts `worker` in its place among the account's available workers, longest idle first
    /// (or takes it out: not available, or deleted). Called whenever its activity, the time
    /// it entered it, or its last task changes.
    pub(crate) fn place_idle(&mut self, account: &AccountSid, worker: &WorkerSid) {
        if let Some((old_account, since)) = self.index.idle_at.remove(worker)
            && let Some(set) = self.index.idle.get_mut(&old_account)
        {
            set.remove(&(since, *worker));
            if set.is_empty() {
                self.index.idle.remove(&old_account);
            }
        }
        let Some(ws) = self.workspace(account) else {
            return;
        };
        let Some(w) = ws.workers.get(worker) else {
            return;
        };
        if !ws.activity(&w.activity).is_some_and(|a| a.available) {
            return;
        }
        let since = ws.idle_since(w);
        self.index
            .idle
            .entry(*account)
            .or_default()
            .insert((since, *worker));
        self.index.idle_at.insert(*worker, (*account, since));
    }

    /// The workers of `queue` a task could be offered now, at most `want` (all with an
    /// Ordering, which may reorder them), in the order TaskRouter offers: by the Ordering,
    /// then longest idle. Looks only at available workers.
    fn offerable(
        &self,
        account: &AccountSid,
        queue: &TaskQueueSid,
        target: &Target,
        probe: &TaskProbe,
        now: Timestamp,
        want: usize,
    ) -> Vec<WorkerSid> {
        let (Some(ws), Some(members), Some(idle)) = (
            self.workspace(account),
            self.queue_members(queue),
            self.index.idle.get(account),
        ) else {
            return Vec::new();
        };
        let expression = target
            .expression
            .as_deref()
            .filter(|e| !e.trim().is_empty())
            .and_then(|e| Expression::parse(e, Scope::Target).ok());
        let ordering = target
            .order_by
            .as_deref()
            .filter(|o| !o.trim().is_empty())
            .and_then(|o| crate::taskrouter::ordering::Ordering::parse(o).ok());
        let mut eligible: Vec<&crate::flex::worker::Worker> = Vec::new();
        for (_, sid) in idle {
            if !members.contains(sid) {
                continue;
            }
            let Some(worker) = ws.workers.get(sid) else {
                continue;
            };
            if self
                .not_offered(ws, worker, expression.as_ref(), probe, now)
                .is_none()
            {
                eligible.push(worker);
                if ordering.is_none() && eligible.len() == want {
                    break;
                }
            }
        }
        if let Some(ordering) = &ordering {
            eligible.sort_by(|a, b| ordering.compare(*a, *b));
        }
        eligible.into_iter().take(want).map(|w| w.sid).collect()
    }

    // ---- changes (no checks: the commands checked) ----

    fn ws_mut(&mut self, account: &AccountSid) -> Option<&mut Workspace> {
        Some(&mut self.accounts.get_mut(account)?.flex.as_mut()?.workspace)
    }

    fn task_mut(&mut self, account: &AccountSid, task: &TaskSid) -> Option<&mut Task> {
        self.ws_mut(account)?.tasks.get_mut(task)
    }

    fn note(&mut self, account: &AccountSid, task: &TaskSid, at: Timestamp, event: PathEvent) {
        if let Some(t) = self.task_mut(account, task) {
            t.path.push(PathEntry { at, event });
        }
    }

    /// Adds a new task and routes it from its workflow's first filter.
    pub(crate) fn add_task(&mut self, account: &AccountSid, task: Task, now: Timestamp) {
        let sid = task.sid;
        if let Some(ws) = self.ws_mut(account) {
            ws.tasks.insert(sid, task);
        }
        self.index.task_account.insert(sid, *account);
        self.route_from(account, &sid, 0, now);
        self.reschedule(account, &sid);
    }

    /// Finds the first filter from `first` that matches the task and enters its first step;
    /// with none, the Default Task Queue (only for a new task) or the task is canceled.
    fn route_from(&mut self, account: &AccountSid, sid: &TaskSid, first: usize, now: Timestamp) {
        let Some(ws) = self.workspace(account) else {
            return;
        };
        let Some(task) = ws.tasks.get(sid) else {
            return;
        };
        let Some(workflow) = ws.workflow(&task.workflow) else {
            self.cancel_task(account, sid, NOT_ROUTED, now);
            return;
        };
        let bindings = Bindings::at(now).with_task(&task.attributes);
        let filters = &workflow.configuration.filters;
        let matched = (first..filters.len())
            .find(|&i| {
                Expression::parse(&filters[i].expression, Scope::Filter)
                    .is_ok_and(|e| e.evaluate(&bindings))
            })
            .map(|i| (i, filter_label(i, &filters[i].name)));
        let age = task.age(now);
        match (matched, workflow.configuration.default_queue) {
            (Some((i, label)), _) => {
                self.note(account, sid, now, PathEvent::Matched { filter: label });
                self.enter_step(account, sid, Some(i), 0, age, now);
            }
            (None, Some(_)) if first == 0 => {
                self.note(account, sid, now, PathEvent::Defaulted);
                self.enter_step(account, sid, None, 0, 0, now);
            }
            (None, _) if first == 0 => self.cancel_task(account, sid, NOT_ROUTED, now),
            (None, _) => self.cancel_task(account, sid, PASSED_FINAL_STEP, now),
        }
    }

    /// The routing step `step` of `filter` (None: the default queue), as a target with its
    /// queue resolved, and the age at which it ends counted from `start_age` (the task's age
    /// on entering the filter): timeouts add up on the task's age.
    fn step_of(
        ws: &Workspace,
        workflow: &crate::sid::WorkflowSid,
        filter: Option<usize>,
        step: usize,
        start_age: u32,
    ) -> Option<(Target, TaskQueueSid, Option<u32>)> {
        let config = &ws.workflow(workflow)?.configuration;
        match filter {
            None => {
                let queue = config.default_queue?;
                (step == 0).then(|| {
                    let target = Target {
                        queue: Some(queue),
                        ..Target::default()
                    };
                    (target, queue, None)
                })
            }
            Some(f) => {
                let targets = &config.filters.get(f)?.targets;
                let target = targets.get(step)?.clone();
                let queue = config.step_queues(f).get(step).copied().flatten()?;
                let until = target.timeout.map(|_| {
                    let sum: u32 = targets[..=step].iter().filter_map(|t| t.timeout).sum();
                    start_age.saturating_add(sum)
                });
                Some((target, queue, until))
            }
        }
    }

    /// Enters routing step `step` of `filter`: its queue, its priority, its timeout; offers
    /// the task at once, or skips the step when nobody can take it and Skip If holds.
    fn enter_step(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        filter: Option<usize>,
        step: usize,
        start_age: u32,
        now: Timestamp,
    ) {
        let Some(ws) = self.workspace(account) else {
            return;
        };
        let Some(task) = ws.tasks.get(sid) else {
            return;
        };
        let Some((target, queue, until_age)) =
            Self::step_of(ws, &task.workflow, filter, step, start_age)
        else {
            // Past the filter's last step: the next matching filter, or canceled.
            match filter {
                Some(f) => self.route_from(account, sid, f + 1, now),
                None => self.cancel_task(account, sid, PASSED_FINAL_STEP, now),
            }
            return;
        };
        let queue_name = ws
            .queue(&queue)
            .map_or_else(String::new, |q| q.friendly_name.clone());
        let age = task.age(now);
        if until_age.is_some_and(|end| age >= end) {
            // Its time here is already over (a late start): on to the next step.
            self.note(account, sid, now, PathEvent::StepTimedOut { step });
            self.enter_step(account, sid, filter, step + 1, start_age, now);
            return;
        }
        if let Some(t) = self.task_mut(account, sid) {
            if let Some(priority) = target.priority {
                t.priority = priority;
            }
            t.placement = Some(Placement {
                filter,
                step,
                queue,
                since: now,
                until_age,
            });
            t.tried.clear();
            t.path.push(PathEntry {
                at: now,
                event: PathEvent::Entered {
                    step,
                    queue: queue_name,
                },
            });
        }
        if let Some(ws) = self.ws_mut(account) {
            ws.queue_days.entry(queue).or_default().today(now).entered += 1;
        }
        if self.offer_task(account, sid, now) {
            return;
        }
        let skip = target
            .skip_if
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .is_some_and(|s| self.skip_holds(account, &queue, s, now));
        if skip {
            self.note(account, sid, now, PathEvent::Skipped { step });
            self.enter_step(account, sid, filter, step + 1, start_age, now);
        }
    }

    /// Whether a Skip If holds now over the queue's workers.
    fn skip_holds(
        &self,
        account: &AccountSid,
        queue: &TaskQueueSid,
        skip_if: &str,
        now: Timestamp,
    ) -> bool {
        let (Some(ws), Ok(expression)) = (
            self.workspace(account),
            Expression::parse(skip_if, Scope::SkipIf),
        ) else {
            return false;
        };
        let members: Vec<&crate::flex::worker::Worker> = self
            .queue_members(queue)
            .into_iter()
            .flatten()
            .filter_map(|w| ws.workers.get(w))
            .collect();
        let available =
            |w: &crate::flex::worker::Worker| ws.activity(&w.activity).is_some_and(|a| a.available);
        let count = |name: &str| -> Option<usize> {
            match name {
                "available" => Some(members.iter().filter(|w| available(w)).count()),
                "unavailable" => Some(members.iter().filter(|w| !available(w)).count()),
                sid => {
                    let sid: crate::sid::ActivitySid = sid.parse().ok()?;
                    Some(members.iter().filter(|w| w.activity == sid).count())
                }
            }
        };
        expression.evaluate(&Bindings::at(now).with_workers(&count))
    }

    /// Offers a routing task to the eligible workers of its step, up to the queue's Max
    /// Reserved Workers at once; gives whether it made any reservation.
    fn offer_task(&mut self, account: &AccountSid, sid: &TaskSid, now: Timestamp) -> bool {
        let Some(ws) = self.workspace(account) else {
            return false;
        };
        let Some(task) = ws.tasks.get(sid).filter(|t| t.status.routing()) else {
            return false;
        };
        let Some(placement) = task.placement else {
            return false;
        };
        let Some((target, queue, _)) =
            Self::step_of(ws, &task.workflow, placement.filter, placement.step, 0)
        else {
            return false;
        };
        let max = ws.queue(&queue).map_or(1, |q| q.max_reserved_workers) as usize;
        let ringing: Vec<WorkerSid> = task.pending().map(|r| r.worker).collect();
        let slots = max.saturating_sub(ringing.len());
        if slots == 0 {
            return false;
        }
        let probe = TaskProbe {
            attributes: &task.attributes,
            channel: &task.channel,
            age: task.age(now),
            tried: &task.tried,
            ringing: &ringing,
        };
        let chosen = self.offerable(account, &queue, &target, &probe, now, slots);
        if chosen.is_empty() {
            return false;
        }
        let timeout_ms = ws
            .workflow(&task.workflow)
            .map_or(120, |w| w.task_reservation_timeout) as u64
            * 1_000;
        for worker in chosen {
            self.reserve(account, sid, &worker, now, timeout_ms);
        }
        true
    }

    /// Creates a pending reservation of the task for the worker.
    fn reserve(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        worker: &WorkerSid,
        now: Timestamp,
        timeout_ms: u64,
    ) {
        let reservation = ReservationSid::generate(&mut self.random);
        let name = self
            .worker(account, worker)
            .map_or_else(String::new, |w| w.full_name.clone());
        let Some(task) = self.task_mut(account, sid) else {
            return;
        };
        let channel = task.channel;
        task.reservations.push(Reservation {
            sid: reservation,
            worker: *worker,
            status: ReservationStatus::Pending,
            created: now,
            timeout_at: now.plus_millis(timeout_ms),
            ended: None,
        });
        if task.status == TaskStatus::Pending {
            task.status = TaskStatus::Reserved;
            task.assignment_count += 1;
        }
        task.path.push(PathEntry {
            at: now,
            event: PathEvent::Offered {
                reservation,
                worker: name,
            },
        });
        let over = task.assignment_count > MAX_ASSIGNMENT_COUNT;
        self.index.reservation_task.insert(reservation, *sid);
        self.index.load.entry((*worker, channel)).or_default().held += 1;
        if over {
            self.cancel_task(account, sid, MAX_ASSIGNMENTS, now);
        }
    }

    /// Sets a reservation's status, keeping the worker's load.
    fn set_reservation(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        reservation: &ReservationSid,
        status: ReservationStatus,
        at: Timestamp,
    ) -> Option<WorkerSid> {
        let task = self.task_mut(account, sid)?;
        let channel = task.channel;
        let r = task
            .reservations
            .iter_mut()
            .find(|r| &r.sid == reservation)?;
        let before = r.status;
        r.status = status;
        if !status.holds_capacity() {
            r.ended = Some(at);
        }
        let worker = r.worker;
        let load = self.index.load.entry((worker, channel)).or_default();
        let holds = |s: ReservationStatus| i64::from(s.holds_capacity());
        let assigned = |s: ReservationStatus| i64::from(s == ReservationStatus::Accepted);
        let moved = |n: u32, by: i64| (i64::from(n) + by).max(0) as u32;
        load.held = moved(load.held, holds(status) - holds(before));
        load.assigned = moved(load.assigned, assigned(status) - assigned(before));
        if *load == Load::default() {
            self.index.load.remove(&(worker, channel));
        }
        Some(worker)
    }

    /// Ends a pending reservation without acceptance (rejected, timeout, canceled,
    /// rescinded), noting it on the task's path.
    fn end_reservation(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        reservation: &ReservationSid,
        status: ReservationStatus,
        at: Timestamp,
    ) -> Option<WorkerSid> {
        let worker = self.set_reservation(account, sid, reservation, status, at)?;
        let name = self
            .worker(account, &worker)
            .map_or_else(String::new, |w| w.full_name.clone());
        self.note(
            account,
            sid,
            at,
            PathEvent::NotTaken {
                worker: name,
                status,
            },
        );
        if let Some(task) = self.task_mut(account, sid) {
            if matches!(
                status,
                ReservationStatus::Rejected | ReservationStatus::Timeout
            ) && !task.tried.contains(&worker)
            {
                task.tried.push(worker);
            }
            if task.status == TaskStatus::Reserved && task.pending().next().is_none() {
                task.status = TaskStatus::Pending;
            }
        }
        Some(worker)
    }

    /// A worker accepts: the task is theirs, the other offers are rescinded.
    pub(crate) fn accept(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        reservation: &ReservationSid,
        now: Timestamp,
    ) {
        let Some(worker) =
            self.set_reservation(account, sid, reservation, ReservationStatus::Accepted, now)
        else {
            return;
        };
        let others: Vec<ReservationSid> = self
            .task(account, sid)
            .map(|t| t.pending().map(|r| r.sid).collect())
            .unwrap_or_default();
        let mut freed = Vec::new();
        for other in others {
            freed.extend(self.end_reservation(
                account,
                sid,
                &other,
                ReservationStatus::Rescinded,
                now,
            ));
        }
        let name = self
            .worker(account, &worker)
            .map_or_else(String::new, |w| w.full_name.clone());
        let mut entered = None;
        if let Some(task) = self.task_mut(account, sid) {
            task.status = TaskStatus::Assigned;
            task.worker = Some(worker);
            task.accepted_at = Some(now);
            task.path.push(PathEntry {
                at: now,
                event: PathEvent::Accepted { worker: name },
            });
            entered = task.placement.map(|p| (p.queue, p.since));
        }
        if let Some(ws) = self.ws_mut(account) {
            if let Some(w) = ws.workers.get_mut(&worker) {
                w.last_task_at = Some(now);
            }
            if let Some((queue, since)) = entered {
                let threshold = ws.queue(&queue).map_or(20, |q| q.sla_threshold);
                let waited = now.0.saturating_sub(since.0);
                let day = ws.queue_days.entry(queue).or_default().today(now);
                day.accepted += 1;
                day.wait_ms += waited;
                if waited <= u64::from(threshold) * 1_000 {
                    day.within += 1;
                }
            }
        }
        self.place_idle(account, &worker);
        self.reschedule(account, sid);
        for w in freed {
            self.offer_worker(account, &w, now);
        }
    }

    /// A worker rejects: the task is offered to others, and the worker to other tasks.
    pub(crate) fn reject(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        reservation: &ReservationSid,
        now: Timestamp,
    ) {
        let worker =
            self.end_reservation(account, sid, reservation, ReservationStatus::Rejected, now);
        self.offer_task(account, sid, now);
        self.reschedule(account, sid);
        if let Some(worker) = worker {
            self.offer_worker(account, &worker, now);
        }
    }

    /// The conversation ended: the task is wrapping up (the worker's capacity still held).
    pub(crate) fn wrap_up(&mut self, account: &AccountSid, sid: &TaskSid, now: Timestamp) {
        let held = self
            .task(account, sid)
            .and_then(|t| t.held())
            .map(|r| r.sid);
        if let Some(reservation) = held {
            self.set_reservation(account, sid, &reservation, ReservationStatus::Wrapping, now);
        }
        if let Some(task) = self.task_mut(account, sid) {
            task.status = TaskStatus::Wrapping;
            task.path.push(PathEntry {
                at: now,
                event: PathEvent::WrappingUp,
            });
        }
        self.reschedule(account, sid);
    }

    /// The task is done: the worker's capacity is free again, and waiting work is offered.
    pub(crate) fn complete(&mut self, account: &AccountSid, sid: &TaskSid, now: Timestamp) {
        let held = self
            .task(account, sid)
            .and_then(|t| t.held())
            .map(|r| r.sid);
        let worker = held.and_then(|r| {
            self.set_reservation(account, sid, &r, ReservationStatus::Completed, now)
        });
        let mut queue = None;
        if let Some(task) = self.task_mut(account, sid) {
            task.status = TaskStatus::Completed;
            task.ended = Some(now);
            task.path.push(PathEntry {
                at: now,
                event: PathEvent::Completed,
            });
            queue = task.placement.map(|p| p.queue);
        }
        if let Some(ws) = self.ws_mut(account) {
            if let Some(w) = worker.and_then(|w| ws.workers.get_mut(&w)) {
                w.last_task_at = Some(now);
            }
            if let Some(queue) = queue {
                ws.queue_days.entry(queue).or_default().today(now).completed += 1;
            }
        }
        self.reschedule(account, sid);
        if let Some(worker) = worker {
            self.place_idle(account, &worker);
            self.offer_worker(account, &worker, now);
        }
    }

    /// Cancels a routing task: its pending offers are withdrawn.
    pub(crate) fn cancel_task(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        reason: &str,
        at: Timestamp,
    ) {
        let pending: Vec<ReservationSid> = self
            .task(account, sid)
            .map(|t| t.pending().map(|r| r.sid).collect())
            .unwrap_or_default();
        let mut freed = Vec::new();
        for r in pending {
            freed.extend(self.end_reservation(account, sid, &r, ReservationStatus::Canceled, at));
        }
        let mut queue = None;
        if let Some(task) = self.task_mut(account, sid) {
            task.status = TaskStatus::Canceled;
            task.ended = Some(at);
            task.reason = Some(reason.to_owned());
            task.path.push(PathEntry {
                at,
                event: PathEvent::Canceled {
                    reason: reason.to_owned(),
                },
            });
            queue = task.placement.map(|p| p.queue);
        }
        if let (Some(queue), Some(ws)) = (queue, self.ws_mut(account)) {
            ws.queue_days.entry(queue).or_default().today(at).canceled += 1;
        }
        self.reschedule(account, sid);
        for w in freed {
            self.offer_worker(account, &w, at);
        }
    }

    /// Offers `worker` the waiting tasks it can take, first the one TaskRouter would pick:
    /// FIFO queues before LIFO ones; in a FIFO queue higher priority, then older first; in a
    /// LIFO queue newest first; until it can take no more.
    pub(crate) fn offer_worker(
        &mut self,
        account: &AccountSid,
        worker: &WorkerSid,
        now: Timestamp,
    ) {
        // Each round reserves one task or ends; a worker's capacity bounds the rounds.
        for _ in 0..64 {
            let Some((sid, timeout_ms)) = self.best_task_for(account, worker, now) else {
                return;
            };
            self.reserve(account, &sid, worker, now, timeout_ms);
            self.reschedule(account, &sid);
        }
    }

    /// The waiting task `worker` would be offered now, and its reservation timeout in ms.
    fn best_task_for(
        &self,
        account: &AccountSid,
        worker: &WorkerSid,
        now: Timestamp,
    ) -> Option<(TaskSid, u64)> {
        let ws = self.workspace(account)?;
        let w = ws.workers.get(worker)?;
        if !ws.activity(&w.activity).is_some_and(|a| a.available) {
            return None;
        }
        // The worker's queues, asked once each: every waiting task is in one of a few queues,
        // and asking a queue of 15,000 members for every one of 1,000 tasks is what would
        // grow with the workspace.
        let mine: Vec<&TaskQueue> = ws
            .task_queues
            .iter()
            .filter(|q| {
                self.queue_members(&q.sid)
                    .is_some_and(|m| m.contains(worker))
            })
            .collect();
        let mut best: Option<(OfferRank, u64)> = None;
        for task in ws.tasks.values().filter(|t| t.status.routing()) {
            let Some(placement) = task.placement else {
                continue;
            };
            let Some(queue) = mine.iter().find(|q| q.sid == placement.queue) else {
                continue;
            };
            if task.pending().count() >= queue.max_reserved_workers as usize {
                continue;
            }
            let key = match queue.task_order {
                TaskOrder::Fifo => (
                    0,
                    Reverse(task.priority),
                    i128::from(task.created.0),
                    task.sid,
                ),
                TaskOrder::Lifo => (1, Reverse(0), -i128::from(task.created.0), task.sid),
            };
            if best.as_ref().is_some_and(|(b, _)| *b <= key) {
                continue;
            }
            let Some((target, _, _)) =
                Self::step_of(ws, &task.workflow, placement.filter, placement.step, 0)
            else {
                continue;
            };
            let ringing: Vec<WorkerSid> = task.pending().map(|r| r.worker).collect();
            let probe = TaskProbe {
                attributes: &task.attributes,
                channel: &task.channel,
                age: task.age(now),
                tried: &task.tried,
                ringing: &ringing,
            };
            let expression = target
                .expression
                .as_deref()
                .filter(|e| !e.trim().is_empty())
                .and_then(|e| Expression::parse(e, Scope::Target).ok());
            if self
                .not_offered(ws, w, expression.as_ref(), &probe, now)
                .is_some()
            {
                continue;
            }
            let timeout = ws
                .workflow(&task.workflow)
                .map_or(120, |f| f.task_reservation_timeout);
            best = Some((key, u64::from(timeout) * 1_000));
        }
        best.map(|((.., sid), timeout)| (sid, timeout))
    }

    /// Runs every timer of `account` due at or before `now`, each at its own time, in time
    /// order (a step run by one timer may set another that is also due).
    pub(crate) fn advance(&mut self, account: &AccountSid, now: Timestamp) -> u32 {
        let mut ran = 0;
        loop {
            let due = self
                .index
                .deadlines
                .get(account)
                .and_then(|d| d.first().copied())
                .filter(|(at, _)| *at <= now);
            let Some((at, deadline)) = due else {
                return ran;
            };
            ran += 1;
            self.unschedule(account, &deadline_task(&deadline));
            match deadline {
                Deadline::Reservation(task, reservation) => {
                    self.time_out(account, &task, &reservation, at)
                }
                Deadline::Step(task) => self.leave_step(account, &task, at),
                Deadline::Ttl(task) => self.cancel_task(account, &task, TTL_EXCEEDED, at),
                Deadline::Delete(task) => self.delete_task(account, &task),
            }
            let task = deadline_task(&deadline);
            self.reschedule(account, &task);
        }
    }

    /// A reservation was not answered in time: its worker goes to the timeout activity and
    /// the task is offered to others.
    fn time_out(
        &mut self,
        account: &AccountSid,
        sid: &TaskSid,
        reservation: &ReservationSid,
        at: Timestamp,
    ) {
        let pending = self
            .task(account, sid)
            .and_then(|t| t.reservation(reservation))
            .is_some_and(|r| r.status == ReservationStatus::Pending);
        if !pending {
            return;
        }
        let worker =
            self.end_reservation(account, sid, reservation, ReservationStatus::Timeout, at);
        if let (Some(worker), Some(flex)) = (
            worker,
            self.accounts.get_mut(account).and_then(|a| a.flex.as_mut()),
        ) {
            let timeout_activity = flex.workspace.timeout_activity;
            flex.set_activity(&worker, &timeout_activity, at);
            self.place_idle(account, &worker);
        }
        self.offer_task(account, sid, at);
    }

    /// A step's timeout: its offers are withdrawn and the task goes on to the next step (or
    /// the next matching filter, or is canceled).
    fn leave_step(&mut self, account: &AccountSid, sid: &TaskSid, at: Timestamp) {
        let Some(task) = self.task(account, sid).filter(|t| t.status.routing()) else {
            return;
        };
        let Some(placement) = task.placement else {
            return;
        };
        let start_age = self.filter_start_age(account, sid, &placement);
        let pending: Vec<ReservationSid> = task.pending().map(|r| r.sid).collect();
        let mut freed = Vec::new();
        for r in pending {
            freed.extend(self.end_reservation(account, sid, &r, ReservationStatus::Canceled, at));
        }
        self.note(
            account,
            sid,
            at,
            PathEvent::StepTimedOut {
                step: placement.step,
            },
        );
        self.enter_step(
            account,
            sid,
            placement.filter,
            placement.step + 1,
            start_age,
            at,
        );
        for w in freed {
            self.offer_worker(account, &w, at);
        }
    }

    /// The task's age when it entered its current filter: its step's end less the step
    /// timeouts up to it.
    fn filter_start_age(&self, account: &AccountSid, sid: &TaskSid, placement: &Placement) -> u32 {
        let Some(task) = self.task(account, sid) else {
            return 0;
        };
        let (Some(filter), Some(until)) = (placement.filter, placement.until_age) else {
            return 0;
        };
        let sum: u32 = self
            .workspace(account)
            .and_then(|ws| ws.workflow(&task.workflow))
            .and_then(|w| w.configuration.filters.get(filter))
            .map(|f| {
                f.targets[..=placement.step.min(f.targets.len().saturating_sub(1))]
                    .iter()
                    .filter_map(|t| t.timeout)
                    .sum()
            })
            .unwrap_or(0);
        until.saturating_sub(sum)
    }

    /// Deletes an ended task (five minutes after it ended, as TaskRouter does).
    fn delete_task(&mut self, account: &AccountSid, sid: &TaskSid) {
        let removed = self.ws_mut(account).and_then(|ws| ws.tasks.remove(sid));
        if let Some(task) = removed {
            for r in &task.reservations {
                self.index.reservation_task.remove(&r.sid);
            }
        }
        self.index.task_account.remove(sid);
    }

    /// Forgets a task's timers.
    fn unschedule(&mut self, account: &AccountSid, sid: &TaskSid) {
        if let Some(keys) = self.index.task_deadlines.remove(sid)
            && let Some(set) = self.index.deadlines.get_mut(account)
        {
            for key in keys {
                set.remove(&key);
            }
            if set.is_empty() {
                self.index.deadlines.remove(account);
            }
        }
    }

    /// Sets a task's timers afresh from its state: its pending reservations' timeouts, its
    /// step's timeout and its TTL while routing; its deletion once ended.
    pub(crate) fn reschedule(&mut self, account: &AccountSid, sid: &TaskSid) {
        self.unschedule(account, sid);
        let Some(task) = self.task(account, sid) else {
            return;
        };
        let keys = timers(task);
        if keys.is_empty() {
            return;
        }
        let set = self.index.deadlines.entry(*account).or_default();
        for key in &keys {
            set.insert(*key);
        }
        self.index.task_deadlines.insert(*sid, keys);
    }

    /// Builds the routing index afresh from the saved tasks (after reading a saved state).
    pub(crate) fn index_tasks(&mut self) {
        let mut entries = Vec::new();
        for account in self.accounts.values() {
            let Some(flex) = &account.flex else { continue };
            for task in flex.workspace.tasks.values() {
                entries.push((account.sid, task.sid));
                self.index.task_account.insert(task.sid, account.sid);
                for r in &task.reservations {
                    self.index.reservation_task.insert(r.sid, task.sid);
                    let load = self.index.load.entry((r.worker, task.channel)).or_default();
                    load.held += u32::from(r.status.holds_capacity());
                    load.assigned += u32::from(r.status == ReservationStatus::Accepted);
                }
            }
        }
        self.index.load.retain(|_, l| *l != Load::default());
        for (account, task) in entries {
            self.reschedule(&account, &task);
        }
        let workers: Vec<(AccountSid, WorkerSid)> = self
            .accounts
            .values()
            .filter_map(|a| a.flex.as_ref().map(|f| (a.sid, f)))
            .flat_map(|(account, f)| f.workspace.workers.keys().map(move |w| (account, *w)))
            .collect();
        for (account, worker) in workers {
            self.place_idle(&account, &worker);
        }
    }
}

/// The task a timer belongs to.
fn deadline_task(deadline: &Deadline) -> TaskSid {
    match deadline {
        Deadline::Reservation(t, _)
        | Deadline::Step(t)
        | Deadline::Ttl(t)
        | Deadline::Delete(t) => *t,
    }
}

/// A task's timers, from its state.
fn timers(task: &Task) -> Vec<(Timestamp, Deadline)> {
    let mut keys = Vec::new();
    let sid = task.sid;
    if task.status.routing() {
        keys.push((
            task.created.plus_millis(u64::from(task.timeout) * 1_000),
            Deadline::Ttl(sid),
        ));
        if let Some(until) = task.placement.and_then(|p| p.until_age) {
            keys.push((
                task.created.plus_millis(u64::from(until) * 1_000),
                Deadline::Step(sid),
            ));
        }
        for r in task.pending() {
            keys.push((r.timeout_at, Deadline::Reservation(sid, r.sid)));
        }
    }
    if let Some(ended) = task.ended {
        keys.push((ended.plus_millis(KEPT_AFTER_END_MS), Deadline::Delete(sid)));
    }
    keys
}
