//! Where a task would go, and why: the filter that takes it, each routing step in order, the
//! workers who would be offered it now in the order TaskRouter offers them, and for each
//! other worker of the queue why not. "Try a task" asks this for attributes typed by hand;
//! a waiting task asks it to say why no one has it. It changes nothing.

use crate::console::Console;
use crate::error::DomainError;
use crate::flex::worker::Worker;
use crate::sid::{AccountSid, ActivitySid, TaskChannelSid, TaskQueueSid, WorkerSid, WorkflowSid};
use crate::taskrouter::apply_taskrouter::{filter_label, serde_message};
use crate::taskrouter::error::TaskRouterError;
use crate::taskrouter::expression::{Bindings, Expression, Scope};
use crate::taskrouter::matching::WorkerView;
use crate::taskrouter::ordering::Ordering;
use crate::taskrouter::task::MAX_TASK_ATTRIBUTES;
use crate::taskrouter::workflow::{Target, Workflow};
use crate::taskrouter::workspace::Workspace;
use crate::time::Timestamp;
use serde_json::Value;
use std::fmt;

/// Which part of the workflow takes the task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterMatch {
    /// The first filter whose Matching Tasks holds (its index and label).
    Filter {
        /// Its position, from 0.
        index: usize,
        /// "Filter 2 (Spanish)".
        label: String,
    },
    /// No filter matches: the Default Task Queue takes it.
    Default,
    /// No filter matches and there is no Default Task Queue: it is not routed.
    Nothing,
}

/// Why a worker of the queue would not be offered the task now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotOffered {
    /// Its activity is not available (e.g. Offline).
    Unavailable {
        /// The activity's name.
        activity: String,
    },
    /// It switched the task's channel off.
    ChannelOff {
        /// The channel's unique name.
        channel: String,
    },
    /// It holds as many of the channel's tasks as its capacity allows.
    NoCapacity {
        /// The channel's unique name.
        channel: String,
        /// Its capacity on the channel.
        capacity: u32,
    },
    /// The step's expression does not hold for it.
    OutsideExpression,
    /// It already had this task and did not take it (rejected or let it time out).
    AlreadyTried,
    /// The task is being offered to it now.
    Ringing,
    /// A read-only admin, who takes no tasks.
    ReadOnly,
}

impl fmt::Display for NotOffered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotOffered::Unavailable { activity } => write!(f, "{activity}, not available"),
            NotOffered::ChannelOff { channel } => write!(f, "{channel} switched off"),
            NotOffered::NoCapacity {
                channel,
                capacity: 0,
            } => {
                write!(f, "no capacity on {channel}")
            }
            NotOffered::NoCapacity { channel, capacity } => {
                write!(f, "busy: {capacity} of {capacity} {channel} tasks held")
            }
            NotOffered::OutsideExpression => f.write_str("outside the step's expression"),
            NotOffered::AlreadyTried => f.write_str("already offered this task"),
            NotOffered::Ringing => f.write_str("being offered it now"),
            NotOffered::ReadOnly => f.write_str("a read-only admin, who takes no tasks"),
        }
    }
}

/// A worker of the step's queue, and whether it would be offered the task now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The worker.
    pub worker: WorkerSid,
    /// Its name.
    pub name: String,
    /// None when it would be offered the task; else why not.
    pub not_offered: Option<NotOffered>,
}

/// What happens in a routing step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepOutcome {
    /// The task is offered here now, to the first of `offered` (up to Max Reserved Workers
    /// at once; the others next, in this order).
    Offers,
    /// Nobody can take it and Skip If holds: the task moves on to the next step.
    Skipped,
    /// Nobody can take it now: the task waits here (until the step's timeout, if any).
    Waits,
    /// Reached only if the task is still waiting at the earlier steps' timeouts.
    Later,
}

/// One routing step of the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepAnswer {
    /// The queue (after inheritance), if any.
    pub queue: Option<TaskQueueSid>,
    /// Its name ("" when none).
    pub queue_name: String,
    /// Max Reserved Workers of the queue.
    pub max_reserved_workers: u32,
    /// The priority the task takes in this step (None: it keeps its own).
    pub priority: Option<u32>,
    /// The task's age (seconds) at which it leaves this step (None: never).
    pub leaves_at: Option<u32>,
    /// The step's expression, as written.
    pub expression: Option<String>,
    /// Skip If, as written, and whether it holds now.
    pub skip_if: Option<(String, bool)>,
    /// What happens here.
    pub outcome: StepOutcome,
    /// The queue's workers in offering order: those who would be offered the task first,
    /// then the others with why not. Filled for the step the task is in now.
    pub candidates: Vec<Candidate>,
}

impl StepAnswer {
    /// The workers who would be offered the task now, in order.
    pub fn offered(&self) -> impl Iterator<Item = &Candidate> {
        self.candidates.iter().filter(|c| c.not_offered.is_none())
    }
}

/// Where a task would go and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutingAnswer {
    /// The filter that takes it, the default queue, or nothing.
    pub filter: FilterMatch,
    /// The routing steps in order (one for the default queue).
    pub steps: Vec<StepAnswer>,
}

impl RoutingAnswer {
    /// The step the task is in now, if routed.
    pub fn current(&self) -> Option<&StepAnswer> {
        self.steps
            .iter()
            .find(|s| matches!(s.outcome, StepOutcome::Offers | StepOutcome::Waits))
    }
}

/// A task to route: its attributes and channel, and the workers who already had it.
pub struct TaskProbe<'a> {
    /// Its attributes.
    pub attributes: &'a Value,
    /// Its channel.
    pub channel: &'a TaskChannelSid,
    /// Its age in seconds (0 for a new task).
    pub age: u32,
    /// Workers who rejected it or let it time out.
    pub tried: &'a [WorkerSid],
    /// Workers it is being offered to now.
    pub ringing: &'a [WorkerSid],
}

/// Reads task attributes typed as JSON ("Try a task"): one JSON object of at most 4,096
/// characters (nothing typed: `{}`); a mistake is named by line and column.
pub fn read_task_attributes(text: &str) -> Result<Value, TaskRouterError> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Default::default()));
    }
    let count = text.chars().count();
    if count > MAX_TASK_ATTRIBUTES {
        return Err(TaskRouterError::Invalid {
            field: "Task attributes".to_owned(),
            reason: format!(
                "TaskRouter keeps at most 4,096 characters of attributes, whitespace included; these have {count}."
            ),
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| TaskRouterError::Json {
        what: "The task attributes",
        line: e.line(),
        column: e.column(),
        message: serde_message(&e),
    })?;
    if !value.is_object() {
        return Err(TaskRouterError::Invalid {
            field: "Task attributes".to_owned(),
            reason: "The attributes must be one JSON object, in braces { }.".to_owned(),
        });
    }
    Ok(value)
}

impl Console {
    /// Where a task with `attributes` on `channel` would go in `workflow` of `account`, and
    /// why, at `now`. Changes nothing.
    pub fn try_task(
        &self,
        account: &AccountSid,
        workflow: &WorkflowSid,
        attributes: &Value,
        channel: &TaskChannelSid,
        now: Timestamp,
    ) -> Result<RoutingAnswer, DomainError> {
        let ws = self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
        let workflow = ws
            .workflow(workflow)
            .ok_or_else(|| TaskRouterError::Unknown {
                what: "workflow",
                id: workflow.to_string(),
            })?;
        ws.channel(channel)
            .ok_or_else(|| TaskRouterError::Unknown {
                what: "task channel",
                id: channel.to_string(),
            })?;
        let probe = TaskProbe {
            attributes,
            channel,
            age: 0,
            tried: &[],
            ringing: &[],
        };
        Ok(self.route(ws, workflow, &probe, now))
    }

    /// Why a waiting task has no worker yet, in its current step: the queue's workers in the
    /// order they would be offered it, each with why not. None when the task is not waiting
    /// in a step (assigned, ended, or not routed).
    pub fn why_waiting(
        &self,
        account: &AccountSid,
        task: &crate::sid::TaskSid,
        now: Timestamp,
    ) -> Option<StepAnswer> {
        let ws = self.workspace(account)?;
        let task = ws.tasks.get(task).filter(|t| t.status.routing())?;
        let placement = task.placement?;
        let workflow = ws.workflow(&task.workflow)?;
        let config = &workflow.configuration;
        let target = match placement.filter {
            Some(f) => config.filters.get(f)?.targets.get(placement.step)?.clone(),
            None => Target::default(),
        };
        let ringing: Vec<WorkerSid> = task.pending().map(|r| r.worker).collect();
        let probe = TaskProbe {
            attributes: &task.attributes,
            channel: &task.channel,
            age: task.age(now),
            tried: &task.tried,
            ringing: &ringing,
        };
        let queue = ws.queue(&placement.queue);
        let candidates = self.candidates(ws, Some(&placement.queue), &target, &probe, now);
        let outcome = if task.status == crate::taskrouter::task::TaskStatus::Reserved {
            StepOutcome::Offers
        } else {
            StepOutcome::Waits
        };
        Some(StepAnswer {
            queue: Some(placement.queue),
            queue_name: queue.map_or_else(String::new, |q| q.friendly_name.clone()),
            max_reserved_workers: queue.map_or(1, |q| q.max_reserved_workers),
            priority: Some(task.priority),
            leaves_at: placement.until_age,
            expression: target.expression.clone(),
            skip_if: target.skip_if.clone().map(|s| (s, false)),
            outcome,
            candidates,
        })
    }

    /// The routing answer for `task` in `workflow` of `ws` at `now`.
    pub(crate) fn route(
        &self,
        ws: &Workspace,
        workflow: &Workflow,
        task: &TaskProbe,
        now: Timestamp,
    ) -> RoutingAnswer {
        let config = &workflow.configuration;
        let bindings = Bindings::at(now).with_task(task.attributes);
        let matched = config.filters.iter().enumerate().find(|(_, f)| {
            Expression::parse(&f.expression, Scope::Filter).is_ok_and(|e| e.evaluate(&bindings))
        });
        let (filter, targets): (FilterMatch, Vec<Target>) = match (matched, config.default_queue) {
            (Some((index, f)), _) => (
                FilterMatch::Filter {
                    index,
                    label: filter_label(index, &f.name),
                },
                f.targets.clone(),
            ),
            (None, Some(queue)) => (
                FilterMatch::Default,
                vec![Target {
                    queue: Some(queue),
                    ..Target::default()
                }],
            ),
            (None, None) => (FilterMatch::Nothing, Vec::new()),
        };
        let mut steps = Vec::new();
        let mut queue = None;
        let mut settled = false;
        let mut leaves_at: Option<u32> = Some(0);
        for target in &targets {
            queue = target.queue.or(queue);
            // Timeouts add up on the task's age; a step without one ends nothing after it.
            leaves_at = match (leaves_at, target.timeout) {
                (Some(start), Some(t)) => Some(start.saturating_add(t)),
                _ => None,
            };
            let q = queue.and_then(|sid| ws.queue(&sid));
            let mut step = StepAnswer {
                queue,
                queue_name: q.map(|q| q.friendly_name.clone()).unwrap_or_default(),
                max_reserved_workers: q.map_or(1, |q| q.max_reserved_workers),
                priority: target.priority,
                leaves_at,
                expression: target.expression.clone(),
                skip_if: None,
                outcome: StepOutcome::Later,
                candidates: Vec::new(),
            };
            let timed_out = leaves_at.is_some_and(|end| task.age >= end);
            if !settled && !timed_out {
                let candidates = self.candidates(ws, queue.as_ref(), target, task, now);
                let any = candidates.iter().any(|c| c.not_offered.is_none());
                let skip = target
                    .skip_if
                    .as_deref()
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| (s.to_owned(), skip_holds(ws, &candidates, s, now)));
                step.outcome = match (&skip, any) {
                    (_, true) => StepOutcome::Offers,
                    (Some((_, true)), false) => StepOutcome::Skipped,
                    _ => StepOutcome::Waits,
                };
                settled = step.outcome != StepOutcome::Skipped;
                step.skip_if = skip;
                step.candidates = candidates;
            } else if let Some(s) = target.skip_if.as_deref().filter(|s| !s.trim().is_empty()) {
                step.skip_if = Some((s.to_owned(), false));
            }
            steps.push(step);
        }
        RoutingAnswer { filter, steps }
    }

    /// The queue's workers for a step, in the order TaskRouter offers a task: the eligible
    /// ones by the step's Ordering, then by longest idle; then the others, by name, with why
    /// not.
    pub(crate) fn candidates(
        &self,
        ws: &Workspace,
        queue: Option<&TaskQueueSid>,
        target: &Target,
        task: &TaskProbe,
        now: Timestamp,
    ) -> Vec<Candidate> {
        let Some(members) = queue.and_then(|q| self.queue_members(q)) else {
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
            .and_then(|o| Ordering::parse(o).ok());
        let mut eligible: Vec<&Worker> = Vec::new();
        let mut others: Vec<Candidate> = Vec::new();
        for worker in members.iter().filter_map(|sid| ws.workers.get(sid)) {
            match self.not_offered(ws, worker, expression.as_ref(), task, now) {
                None => eligible.push(worker),
                Some(why) => others.push(Candidate {
                    worker: worker.sid,
                    name: worker.full_name.clone(),
                    not_offered: Some(why),
                }),
            }
        }
        // Longest idle first, then the step's Ordering (a stable sort keeps idle order on ties).
        eligible.sort_by_key(|w| (ws.idle_since(w), w.sid));
        if let Some(ordering) = &ordering {
            eligible.sort_by(|a, b| ordering.compare(*a, *b));
        }
        others.sort_by(|a, b| a.name.cmp(&b.name));
        eligible
            .into_iter()
            .map(|w| Candidate {
                worker: w.sid,
                name: w.full_name.clone(),
                not_offered: None,
            })
            .chain(others)
            .collect()
    }
}

/// Whether a step's Skip If holds, counting the queue's workers: `workers.available`,
/// `workers.unavailable`, `workers.WA…` (in that activity).
fn skip_holds(ws: &Workspace, candidates: &[Candidate], skip_if: &str, now: Timestamp) -> bool {
    let Ok(expression) = Expression::parse(skip_if, Scope::SkipIf) else {
        return false;
    };
    let workers: Vec<&Worker> = candidates
        .iter()
        .filter_map(|c| ws.workers.get(&c.worker))
        .collect();
    let available = |w: &Worker| ws.activity(&w.activity).is_some_and(|a| a.available);
    let count = |name: &str| -> Option<usize> {
        match name {
            "available" => Some(workers.iter().filter(|w| available(w)).count()),
            "unavailable" => Some(workers.iter().filter(|w| !available(w)).count()),
            sid => {
                let sid: ActivitySid = sid.parse().ok()?;
                Some(workers.iter().filter(|w| w.activity == sid).count())
            }
        }
    };
    expression.evaluate(&Bindings::at(now).with_workers(&count))
}

impl Console {
    /// Why `worker` (of the queue) would not be offered `task` now, or None.
    pub(crate) fn not_offered(
        &self,
        ws: &Workspace,
        worker: &Worker,
        expression: Option<&Expression>,
        task: &TaskProbe,
        now: Timestamp,
    ) -> Option<NotOffered> {
        if crate::flex::view::may_change(&worker.flex_roles, crate::flex::view::FlexChange::Tasks)
            .is_err()
        {
            return Some(NotOffered::ReadOnly);
        }
        if task.ringing.contains(&worker.sid) {
            return Some(NotOffered::Ringing);
        }
        if task.tried.contains(&worker.sid) {
            return Some(NotOffered::AlreadyTried);
        }
        let activity = ws.activity(&worker.activity);
        if !activity.is_some_and(|a| a.available) {
            return Some(NotOffered::Unavailable {
                activity: activity
                    .map_or_else(|| "Unknown".to_owned(), |a| a.friendly_name.clone()),
            });
        }
        let channel_name = || {
            ws.channel(task.channel)
                .map_or_else(String::new, |c| c.unique_name.clone())
        };
        let setting = worker.channel(task.channel);
        if !setting.available {
            return Some(NotOffered::ChannelOff {
                channel: channel_name(),
            });
        }
        if self.held_on(&worker.sid, task.channel) >= setting.capacity {
            return Some(NotOffered::NoCapacity {
                channel: channel_name(),
                capacity: setting.capacity,
            });
        }
        let view = WorkerView {
            worker,
            workspace: ws,
            console: self,
        };
        let holds = expression.is_none_or(|e| {
            e.evaluate(
                &Bindings::at(now)
                    .with_task(task.attributes)
                    .with_worker(&view),
            )
        });
        (!holds).then_some(NotOffered::OutsideExpression)
    }
}
