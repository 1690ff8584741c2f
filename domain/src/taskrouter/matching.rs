//! Which workers a queue targets: a worker read by expressions, queue membership kept up to
//! date as workers and queues change (so saving one worker's skills re-checks that worker
//! against each queue, never every worker), and the "which workers match" answer a queue
//! form shows while its expression is typed.

use crate::console::Console;
use crate::flex::worker::{Skills, Worker, contact_uri};
use crate::sid::{AccountSid, TaskQueueSid, WorkerSid};
use crate::taskrouter::expression::{
    Attribute, Attributes, Bindings, Expression, Scope, Segment, Subject,
};
use crate::taskrouter::queue::TaskQueue;
use crate::taskrouter::workspace::Workspace;
use crate::time::Timestamp;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// How many names "which workers match" shows.
pub const MATCH_NAMES: usize = 3;

/// A worker's attributes as TaskRouter holds them, read without building JSON: Flex's own
/// keys from the worker's fields, anything else from the attributes an administrator added.
impl Attributes for Worker {
    fn lookup(&self, path: &[Segment]) -> Attribute<'_> {
        let Some((Segment::Name(first), rest)) = path.split_first() else {
            return Attribute::Null;
        };
        match (first.as_str(), rest) {
            ("full_name", []) => text(&self.full_name),
            ("email", []) => Attribute::Text(Cow::Borrowed(self.identity.as_str())),
            ("image_url", []) => text(&self.image_url),
            ("contact_uri", []) => Attribute::Text(Cow::Owned(contact_uri(self.identity.as_str()))),
            ("roles", rest) => list(Cow::Owned(self.role_names()), rest),
            ("routing", rest) => skills(&self.routing, rest),
            ("disabled_skills", rest) => skills(&self.disabled_skills, rest),
            ("full_name" | "email" | "image_url" | "contact_uri", _) => Attribute::Null,
            _ => self
                .extra
                .get(first)
                .map_or(Attribute::Null, |value| value.lookup(rest)),
        }
    }
}

fn text(s: &str) -> Attribute<'_> {
    Attribute::Text(Cow::Borrowed(s))
}

/// A list of names, or one of them by index.
fn list<'a>(items: Cow<'a, [String]>, rest: &[Segment]) -> Attribute<'a> {
    match rest {
        [] => Attribute::Texts(items),
        [Segment::Index(i)] => match items {
            Cow::Borrowed(items) => items.get(*i).map_or(Attribute::Null, |s| text(s)),
            Cow::Owned(items) => items
                .get(*i)
                .map_or(Attribute::Null, |s| Attribute::Text(Cow::Owned(s.clone()))),
        },
        _ => Attribute::Null,
    }
}

fn skills<'a>(skills: &'a Skills, rest: &[Segment]) -> Attribute<'a> {
    match rest {
        [] => Attribute::Object,
        [Segment::Name(key), rest @ ..] if key == "skills" => {
            list(Cow::Borrowed(&skills.skills), rest)
        }
        [Segment::Name(key)] if key == "levels" => Attribute::Object,
        [Segment::Name(key), Segment::Name(skill)] if key == "levels" => {
            skills.levels.get(skill).map_or(Attribute::Null, |level| {
                Attribute::Number(f64::from(*level))
            })
        }
        _ => Attribute::Null,
    }
}

/// What a queue form shows while its expression is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueMatch {
    /// How many of the workspace's workers match.
    pub count: usize,
    /// The first of them by name (at most [`MATCH_NAMES`]).
    pub first: Vec<String>,
}

impl std::fmt::Display for QueueMatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = self.first.join(", ");
        let more = if self.count > self.first.len() {
            ", …"
        } else {
            ""
        };
        match self.count {
            0 => f.write_str("No worker matches"),
            1 => write!(f, "1 worker matches: {names}"),
            n => write!(f, "{} workers match: {names}{more}", thousands(n)),
        }
    }
}

/// "15,000": a count as the Console writes it.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Which of a queue's workers a routing step's expression lets through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepMatch {
    /// These of the queue's `of` workers.
    Workers {
        /// How many match, and the first names.
        matched: QueueMatch,
        /// How many workers the queue has.
        of: usize,
    },
    /// The expression reads the task's attributes: only a task tells.
    DependsOnTask,
}

impl std::fmt::Display for StepMatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StepMatch::Workers { matched, of } => {
                write!(f, "{matched} (of {} in the queue)", thousands(*of))
            }
            StepMatch::DependsOnTask => {
                f.write_str("Depends on the task's attributes: try a task to see whom it reaches")
            }
        }
    }
}

/// The count of `workers` and the first of them by name, without sorting them all.
fn first_matches<'a>(workers: impl Iterator<Item = &'a Worker>) -> QueueMatch {
    let mut count = 0;
    let mut first: Vec<&str> = Vec::with_capacity(MATCH_NAMES + 1);
    for worker in workers {
        count += 1;
        // The smallest names, kept in order as they come: no sort of every match.
        let name = worker.full_name.as_str();
        if first.len() < MATCH_NAMES || name < first[first.len() - 1] {
            let at = first.partition_point(|n| *n <= name);
            first.insert(at, name);
            first.truncate(MATCH_NAMES);
        }
    }
    QueueMatch {
        count,
        first: first.into_iter().map(str::to_owned).collect(),
    }
}

/// Whether `worker` is in a queue whose expression is `target`.
fn targets(target: &Expression, worker: &Worker) -> bool {
    target.evaluate(&Bindings::at(Timestamp(0)).with_worker(worker))
}

impl Console {
    /// Which workers of `account` match a queue expression typed `text`: the count and the
    /// first names, or the parse error (its column and what was expected). Changes nothing.
    pub fn match_queue_expression(
        &self,
        account: &AccountSid,
        text: &str,
    ) -> Result<QueueMatch, String> {
        let expression = Expression::parse(text.trim(), Scope::Queue).map_err(|e| e.to_string())?;
        Ok(first_matches(
            self.workers(account).filter(|w| targets(&expression, w)),
        ))
    }

    /// Which workers of `queue` a routing step's expression typed `text` lets through, at
    /// `now` (an empty expression: all of them), or the parse error. An expression that
    /// reads the task's attributes has no answer without a task ("Try a task" gives it).
    /// Changes nothing.
    pub fn match_step_expression(
        &self,
        account: &AccountSid,
        queue: &TaskQueueSid,
        text: &str,
        now: Timestamp,
    ) -> Result<StepMatch, String> {
        let text = text.trim();
        let expression = if text.is_empty() {
            None
        } else {
            let parsed = Expression::parse(text, Scope::Target).map_err(|e| e.to_string())?;
            if parsed.keys().iter().any(|k| k.of == Subject::Task) {
                return Ok(StepMatch::DependsOnTask);
            }
            Some(parsed)
        };
        let (Some(ws), Some(members)) = (self.workspace(account), self.queue_members(queue)) else {
            return Ok(StepMatch::Workers {
                matched: first_matches(std::iter::empty()),
                of: 0,
            });
        };
        let members = members.iter().filter_map(|sid| ws.workers.get(sid));
        let matched = first_matches(members.clone().filter(|w| {
            expression.as_ref().is_none_or(|e| {
                let view = WorkerView {
                    worker: w,
                    workspace: ws,
                    console: self,
                };
                e.evaluate(&Bindings::at(now).with_worker(&view))
            })
        }));
        Ok(StepMatch::Workers {
            matched,
            of: members.count(),
        })
    }

    /// The workers a saved queue targets, by SID (kept up to date, not recomputed).
    pub fn queue_members(&self, queue: &TaskQueueSid) -> Option<&BTreeSet<WorkerSid>> {
        self.index.queue_members.get(queue)
    }

    /// How many workers a saved queue targets.
    pub fn queue_member_count(&self, queue: &TaskQueueSid) -> usize {
        self.queue_members(queue).map_or(0, BTreeSet::len)
    }

    /// The queues of `account` that target `worker`, in the workspace's order.
    pub fn queues_of_worker(&self, account: &AccountSid, worker: &WorkerSid) -> Vec<&TaskQueue> {
        let Some(ws) = self.workspace(account) else {
            return Vec::new();
        };
        ws.task_queues
            .iter()
            .filter(|q| {
                self.index
                    .queue_members
                    .get(&q.sid)
                    .is_some_and(|m| m.contains(worker))
            })
            .collect()
    }

    /// An account's TaskRouter workspace, if it has Flex.
    pub fn workspace(&self, account: &AccountSid) -> Option<&Workspace> {
        Some(&self.accounts.get(account)?.flex.as_ref()?.workspace)
    }

    /// Works out which workers `queue` targets, afresh (a new or changed expression).
    pub(crate) fn index_queue(&mut self, account: &AccountSid, queue: &TaskQueueSid) {
        let Some(ws) = self.workspace(account) else {
            return;
        };
        let Some(expression) = ws
            .queue(queue)
            .and_then(|q| Expression::parse(&q.target_workers, Scope::Queue).ok())
        else {
            self.unindex_queue(queue);
            return;
        };
        let members: BTreeSet<WorkerSid> = ws
            .workers
            .values()
            .filter(|w| targets(&expression, w))
            .map(|w| w.sid)
            .collect();
        self.index.queue_members.insert(*queue, members);
        self.index.queue_targets.insert(*queue, expression);
    }

    /// Forgets a deleted queue.
    pub(crate) fn unindex_queue(&mut self, queue: &TaskQueueSid) {
        self.index.queue_members.remove(queue);
        self.index.queue_targets.remove(queue);
    }

    /// Re-checks one worker against each queue of its workspace (its attributes changed, or
    /// it was created or deleted): the cost of one worker, whatever the workspace's size.
    pub(crate) fn index_worker(&mut self, account: &AccountSid, worker: &WorkerSid) {
        let Some(ws) = self.accounts.get(account).and_then(|a| a.flex.as_ref()) else {
            return;
        };
        let ws = &ws.workspace;
        let found = ws.workers.get(worker);
        for queue in &ws.task_queues {
            let Some(target) = self.index.queue_targets.get(&queue.sid) else {
                continue;
            };
            let member = found.is_some_and(|w| targets(target, w));
            let members = self.index.queue_members.entry(queue.sid).or_default();
            if member {
                members.insert(*worker);
            } else {
                members.remove(worker);
            }
        }
    }

    /// A worker's attributes changed (or it was created): its queues, and the waiting work
    /// it can now take.
    pub(crate) fn worker_changed(
        &mut self,
        account: &AccountSid,
        worker: &WorkerSid,
        now: Timestamp,
    ) {
        self.index_worker(account, worker);
        self.place_idle(account, worker);
        self.offer_worker(account, worker, now);
    }

    /// Works out every queue's members (after reading a saved state).
    pub(crate) fn index_every_queue(&mut self) {
        let queues: Vec<(AccountSid, TaskQueueSid)> = self
            .accounts
            .values()
            .filter_map(|a| a.flex.as_ref().map(|f| (a.sid, f)))
            .flat_map(|(account, f)| {
                f.workspace
                    .task_queues
                    .iter()
                    .map(move |q| (account, q.sid))
            })
            .collect();
        for (account, queue) in queues {
            self.index_queue(&account, &queue);
        }
    }
}

/// A worker as a routing step's expression reads it: its attributes, and beside them the
/// fields TaskRouter offers there (`worker.sid`, `worker.friendly_name`,
/// `worker.activity_sid`, `worker.activity_name`, and per channel
/// `worker.channel.voice.configured_capacity`, `assigned_tasks`,
/// `available_capacity_percentage`).
pub struct WorkerView<'a> {
    /// The worker.
    pub worker: &'a Worker,
    /// Its workspace (for activity names and channels).
    pub workspace: &'a Workspace,
    /// The Console (for what the worker holds on each channel).
    pub console: &'a Console,
}

impl Attributes for WorkerView<'_> {
    fn lookup(&self, path: &[Segment]) -> Attribute<'_> {
        let w = self.worker;
        let name = |i: usize| match path.get(i) {
            Some(Segment::Name(n)) => Some(n.as_str()),
            _ => None,
        };
        match (name(0), path.len()) {
            (Some("sid"), 1) => Attribute::Text(Cow::Borrowed(w.sid.as_str())),
            (Some("friendly_name"), 1) => Attribute::Text(Cow::Borrowed(w.identity.as_str())),
            (Some("activity_sid"), 1) => Attribute::Text(Cow::Borrowed(w.activity.as_str())),
            (Some("activity_name"), 1) => self
                .workspace
                .activity(&w.activity)
                .map_or(Attribute::Null, |a| text(&a.friendly_name)),
            (Some("channel"), 3) => {
                let Some(channel) = name(1).and_then(|n| self.workspace.channel_named(n)) else {
                    return Attribute::Null;
                };
                let setting = w.channel(&channel.sid);
                let held = self.console.held_on(&w.sid, &channel.sid);
                let value = match name(2) {
                    Some("configured_capacity") => setting.capacity,
                    Some("assigned_tasks") => self.console.assigned_on(&w.sid, &channel.sid),
                    Some("available_capacity_percentage") => {
                        available_percentage(held, setting.capacity)
                    }
                    _ => return Attribute::Null,
                };
                Attribute::Number(f64::from(value))
            }
            _ => w.lookup(path),
        }
    }
}

/// TaskRouter's `available_capacity_percentage`: floor((1 − held / capacity) × 100), 0 when
/// the capacity is 0.
pub fn available_percentage(held: u32, capacity: u32) -> u32 {
    if capacity == 0 || held >= capacity {
        0
    } else {
        (capacity - held) * 100 / capacity
    }
}
