//! Simulated traffic for a demo: a stream of contacts into an account (a rate per minute, a
//! mix of channels, attributes drawn from the demo's languages and types) and simulated
//! agents who accept what they are offered after a few seconds, wrap up after a handling
//! time and complete. What happens next, and when, is a pure function of the seed, the
//! settings, the state and the time: the same seed and the same commands give the same
//! contact center, minute after minute. The store only keeps the timers.

use crate::apply::{Checked, Ctx, change, check_status};
use crate::command::Command;
use crate::console::Console;
use crate::error::DomainError;
use crate::flex::view::{FlexChange, may_change};
use crate::flex::worker::Worker;
use crate::identity::actor::Actor;
use crate::resources::ResourceKind;
use crate::sid::{AccountSid, WorkerSid, WorkflowSid};
use crate::taskrouter::apply_tasks::task_event;
use crate::taskrouter::error::TaskRouterError;
use crate::taskrouter::event::TaskEvent;
use crate::taskrouter::task::{PathEvent, TaskStatus};
use crate::taskrouter::task_command::TaskCommand;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The most contacts a minute simulated traffic sends.
pub const MAX_RATE: u32 = 600;
/// The most simulated agents.
pub const MAX_SIMULATED_AGENTS: usize = 200;
/// The most contacts sent at once after the tab slept: older ones are skipped.
const MAX_BURST: u64 = 600;

/// The demo's callers' first names, for chat contacts.
const NAMES: [&str; 12] = [
    "Ana", "Ben", "Carla", "Dev", "Elif", "Femi", "Greta", "Hiro", "Inés", "Jonas", "Kemi", "Luis",
];
/// Area codes of the fictional callers (+1 AAA 555-01XX).
const AREAS: [&str; 6] = ["206", "212", "312", "415", "512", "617"];

/// How contacts split between channels, as weights (e.g. 60 / 30 / 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelMix {
    /// Calls (task channel `voice`).
    pub voice: u32,
    /// Webchats (task channel `chat`).
    pub chat: u32,
    /// Text messages (task channel `sms`).
    pub sms: u32,
}

/// What the presenter chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrafficSettings {
    /// The seed every draw comes from.
    pub seed: u64,
    /// Contacts a minute (1 to 600).
    pub per_minute: u32,
    /// The channel mix.
    pub mix: ChannelMix,
    /// The workflow routing the contacts.
    pub workflow: WorkflowSid,
    /// Seconds a simulated agent takes to accept, on average (1 to 60).
    pub answer_after: u32,
    /// Seconds a simulated agent talks, on average, before wrapping up (1 to 3,600).
    pub handling: u32,
    /// Seconds of wrap-up before completing (1 to 600).
    pub wrap_up: u32,
}

impl TrafficSettings {
    /// The demo's defaults for `workflow`: 12 contacts a minute, mostly calls, answered
    /// after 4 seconds, a minute's talk and 10 seconds of wrap-up.
    pub fn new(seed: u64, workflow: WorkflowSid) -> TrafficSettings {
        TrafficSettings {
            seed,
            per_minute: 12,
            mix: ChannelMix {
                voice: 60,
                chat: 30,
                sms: 10,
            },
            workflow,
            answer_after: 4,
            handling: 60,
            wrap_up: 10,
        }
    }
}

/// Simulated traffic running in one account since `started`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Traffic {
    /// The account the contacts arrive in.
    pub account: AccountSid,
    /// The settings.
    pub settings: TrafficSettings,
    /// When it started.
    pub started: Timestamp,
    /// How many contacts it has sent (the next one's number).
    pub sent: u64,
}

/// A draw from `seed` for `key` and `salt`: the same arguments, the same number.
fn draw(seed: u64, key: u64, salt: u64) -> u64 {
    // SplitMix64's finaliser over the mixed inputs.
    let mut z =
        seed ^ key.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A key for a SID: its hex digits folded.
fn key_of(sid: &str) -> u64 {
    sid.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
    })
}

/// Whether a worker may take tasks in Flex, and so be a simulated agent.
fn takes_tasks(w: &Worker) -> bool {
    may_change(&w.flex_roles, FlexChange::Tasks).is_ok()
}

/// `mean` seconds give or take half, as milliseconds, drawn from `d`.
fn around(mean: u32, d: u64) -> u64 {
    let mean = u64::from(mean.max(1)) * 1_000;
    mean / 2 + d % (mean + 1)
}

impl Traffic {
    /// Starts traffic into `account` at `now`, or says why it cannot run there.
    pub fn start(
        console: &Console,
        account: &AccountSid,
        settings: TrafficSettings,
        now: Timestamp,
    ) -> Result<Traffic, DomainError> {
        let ws = console
            .workspace(account)
            .ok_or(DomainError::NoFlexInstance)?;
        let invalid = |field: &str, reason: &str| -> DomainError {
            TaskRouterError::Invalid {
                field: field.into(),
                reason: reason.into(),
            }
            .into()
        };
        if ws.workflow(&settings.workflow).is_none() {
            return Err(invalid(
                "Workflow",
                "Choose one of the workspace's workflows.",
            ));
        }
        if !(1..=MAX_RATE).contains(&settings.per_minute) {
            return Err(invalid("Contacts a minute", "Choose from 1 to 600."));
        }
        let m = settings.mix;
        if m.voice + m.chat + m.sms == 0 {
            return Err(invalid("Channel mix", "Give at least one channel a share."));
        }
        for (weight, name) in [(m.voice, "voice"), (m.chat, "chat"), (m.sms, "sms")] {
            if weight > 0 && ws.channel_named(name).is_none() {
                return Err(invalid(
                    "Channel mix",
                    &format!("The workspace has no {name} task channel."),
                ));
            }
        }
        if !(1..=60).contains(&settings.answer_after) {
            return Err(invalid("Answer after", "Choose from 1 to 60 seconds."));
        }
        if !(1..=3_600).contains(&settings.handling) {
            return Err(invalid("Handling time", "Choose from 1 to 3,600 seconds."));
        }
        if !(1..=600).contains(&settings.wrap_up) {
            return Err(invalid("Wrap-up", "Choose from 1 to 600 seconds."));
        }
        Ok(Traffic {
            account: *account,
            settings,
            started: now,
            sent: 0,
        })
    }

    /// When contact `n` (from 0) arrives: evenly spaced at the rate, each at a drawn moment
    /// within its own interval, so arrivals never go back in time.
    pub fn arrival(&self, n: u64) -> Timestamp {
        let interval = 60_000_000 / u64::from(self.settings.per_minute.max(1)); // µs
        let within = draw(self.settings.seed, n, 1) % interval;
        self.started.plus_millis((n * interval + within) / 1_000)
    }

    /// Contact `n`: its channel, attributes and origin, as the task it becomes.
    pub fn contact(&self, console: &Console, n: u64) -> Option<TaskCommand> {
        let s = &self.settings;
        let ws = console.workspace(&self.account)?;
        let d = |salt| draw(s.seed, n, salt);
        let m = s.mix;
        let pick = d(2) % u64::from((m.voice + m.chat + m.sms).max(1));
        let channel = if pick < u64::from(m.voice) {
            "voice"
        } else if pick < u64::from(m.voice + m.chat) {
            "chat"
        } else {
            "sms"
        };
        let language = if d(3) % 10 < 3 { "es" } else { "en" };
        let kind = if d(4) % 10 < 4 { "sales" } else { "support" };
        let vip = d(5) % 10 == 0;
        let number = format!(
            "+1{}55501{:02}",
            AREAS[(d(6) % AREAS.len() as u64) as usize],
            d(7) % 100
        );
        let (name, origin) = match channel {
            "chat" => {
                let name = NAMES[(d(8) % NAMES.len() as u64) as usize].to_owned();
                let origin = format!("Simulated chat from {name}");
                (name, origin)
            }
            "sms" => (number.clone(), format!("Simulated SMS from {number}")),
            _ => (number.clone(), format!("Simulated call from {number}")),
        };
        let mut attributes = serde_json::Map::new();
        attributes.insert("type".into(), kind.into());
        attributes.insert("language".into(), language.into());
        attributes.insert("vip".into(), vip.into());
        attributes.insert("name".into(), name.into());
        attributes.insert("channelType".into(), channel.into());
        Some(TaskCommand::CreateTask {
            workflow: s.workflow,
            channel: ws.channel_named(channel)?.sid,
            attributes: serde_json::Value::Object(attributes).to_string(),
            priority: 0,
            timeout: crate::taskrouter::task::DEFAULT_TASK_TIMEOUT,
            origin,
        })
    }

    /// What the simulated agents do next, each with when: accept a pending offer a few
    /// seconds after it was made, wrap up after the handling time, complete after wrap-up.
    pub fn answers(&self, console: &Console) -> Vec<(Timestamp, TaskCommand)> {
        let Some(ws) = console.workspace(&self.account) else {
            return Vec::new();
        };
        let s = &self.settings;
        let agents = &ws.simulated_agents;
        let mut out = Vec::new();
        for task in ws.tasks.values() {
            for r in task.pending().filter(|r| agents.contains(&r.worker)) {
                let d = draw(s.seed, key_of(r.sid.as_str()), 9);
                out.push((
                    r.created.plus_millis(around(s.answer_after, d)),
                    TaskCommand::AcceptReservation { reservation: r.sid },
                ));
            }
            let Some(worker) = task.worker.filter(|w| agents.contains(w)) else {
                continue;
            };
            let _ = worker;
            let d = draw(s.seed, key_of(task.sid.as_str()), 10);
            match (task.status, task.accepted_at) {
                (TaskStatus::Assigned, Some(at)) => out.push((
                    at.plus_millis(around(s.handling, d)),
                    TaskCommand::WrapUpTask { task: task.sid },
                )),
                (TaskStatus::Wrapping, _) => {
                    let since = task
                        .path
                        .iter()
                        .rev()
                        .find(|e| e.event == PathEvent::WrappingUp)
                        .map_or(task.created, |e| e.at);
                    out.push((
                        since.plus_millis(around(s.wrap_up, d)),
                        TaskCommand::CompleteTask { task: task.sid },
                    ));
                }
                _ => {}
            }
        }
        out
    }

    /// The commands due at `now` (actor: simulated traffic), in order: the contacts that
    /// arrived since the last call (counted as sent), then the agents' answers due.
    pub fn take_due(&mut self, console: &Console, now: Timestamp) -> Vec<Command> {
        let mut due = Vec::new();
        let mut last = self.sent;
        while self.arrival(last) <= now {
            last += 1;
        }
        // After a long sleep, only the latest contacts arrive: a burst stays bounded.
        let first = self.sent.max(last.saturating_sub(MAX_BURST));
        due.extend((first..last).filter_map(|n| self.contact(console, n)));
        self.sent = last;
        let mut answers: Vec<_> = self
            .answers(console)
            .into_iter()
            .filter(|(at, _)| *at <= now)
            .collect();
        answers.sort_by_key(|(at, _)| *at);
        due.extend(answers.into_iter().map(|(_, c)| c));
        due.into_iter()
            .map(|change| Command::Task {
                account: self.account,
                change,
            })
            .collect()
    }

    /// When something is next due after `now`: the next contact or the next answer.
    pub fn next_at(&self, console: &Console, now: Timestamp) -> Timestamp {
        self.answers(console)
            .into_iter()
            .map(|(at, _)| at)
            .filter(|at| *at > now)
            .fold(self.arrival(self.sent), Timestamp::min)
    }

    /// Runs the traffic and the Console clock together from `now` to `until`, as the store
    /// does with its timers: at each moment something is due, the clock's `Advance` first,
    /// then the contacts and answers due. Refusals are skipped (an offer that timed out the
    /// same moment). Gives how many commands were applied; `now` ends at `until`.
    pub fn run_until(
        &mut self,
        console: &mut Console,
        now: &mut Timestamp,
        until: Timestamp,
    ) -> u64 {
        let mut applied = 0;
        loop {
            let next = console
                .next_deadline(&self.account)
                .map_or(self.next_at(console, *now), |d| {
                    d.max(*now).min(self.next_at(console, *now))
                });
            if next > until {
                break;
            }
            *now = next;
            if console
                .next_deadline(&self.account)
                .is_some_and(|d| d <= next)
            {
                let advance = Command::Task {
                    account: self.account,
                    change: TaskCommand::Advance,
                };
                applied += u64::from(console.apply(&Actor::Clock, advance, next).is_ok());
            }
            for command in self.take_due(console, next) {
                applied += u64::from(console.apply(&Actor::Simulator, command, next).is_ok());
            }
            if console
                .next_deadline(&self.account)
                .is_some_and(|d| d <= next)
            {
                // A timer set for the moment just passed: run it a millisecond on.
                *now = next.plus_millis(1);
            }
        }
        *now = until;
        applied
    }
}

impl Console {
    /// The workers of `account` who may be simulated agents: those who may take tasks in
    /// Flex (not read-only admins), by SID.
    pub fn simulated_agent_choices(&self, account: &AccountSid) -> impl Iterator<Item = &Worker> {
        self.workers(account).filter(|w| takes_tasks(w))
    }

    /// The workflow simulated traffic into `account` routes with: `chosen` while the
    /// workspace has it, else its last (the demo's Inbound Routing); or why there is none.
    pub fn traffic_workflow(
        &self,
        account: &AccountSid,
        chosen: Option<WorkflowSid>,
    ) -> Result<WorkflowSid, DomainError> {
        let ws = self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
        ws.workflows
            .iter()
            .find(|w| Some(w.sid) == chosen)
            .or(ws.workflows.last())
            .map(|w| w.sid)
            .ok_or_else(|| {
                TaskRouterError::Refused(
                    "The workspace has no workflow to route contacts with: add one in TaskRouter first.".into(),
                )
                .into()
            })
    }

    /// Only simulated traffic chooses its agents; they must be workers of the account who
    /// may take tasks (not read-only admins).
    pub(crate) fn set_simulated_agents<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        workers: &'c [WorkerSid],
    ) -> Checked<'c> {
        if *ctx.actor != Actor::Simulator {
            return Err(DomainError::WrongActor {
                action: ctx.action,
                needed: "simulated traffic",
            });
        }
        check_status(self.account_ref(account)?, false)?;
        let ws = self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
        if workers.len() > MAX_SIMULATED_AGENTS {
            return Err(TaskRouterError::TooMany {
                what: "simulated agents",
                max: MAX_SIMULATED_AGENTS,
            }
            .into());
        }
        for sid in workers {
            let w = ws.workers.get(sid).ok_or_else(|| DomainError::Missing {
                kind: ResourceKind::Worker,
                sid: sid.to_string(),
                gone: None,
            })?;
            if !takes_tasks(w) {
                return Err(TaskRouterError::Refused(format!(
                    "{} cannot take tasks in Flex (a read-only admin), so cannot be a simulated agent.",
                    w.full_name
                ))
                .into());
            }
        }
        let available = ws
            .activities
            .iter()
            .find(|a| a.available && a.friendly_name == "Available")
            .or_else(|| ws.activities.iter().find(|a| a.available))
            .map(|a| a.sid);
        let Some(available) = available.or(workers.is_empty().then_some(ws.default_activity))
        else {
            return Err(TaskRouterError::Refused(
                "The workspace has no available activity for simulated agents to go to.".into(),
            )
            .into());
        };
        let offline = ws.offline_activity().map_or(ws.default_activity, |a| a.sid);
        let chosen: BTreeSet<WorkerSid> = workers.iter().copied().collect();
        let added: Vec<WorkerSid> = chosen.difference(&ws.simulated_agents).copied().collect();
        let removed: Vec<WorkerSid> = ws.simulated_agents.difference(&chosen).copied().collect();
        change(move |c, ctx| {
            let count = chosen.len() as u32;
            if let Some(flex) = c.account_mut(account).and_then(|a| a.flex.as_mut()) {
                flex.workspace.simulated_agents = chosen;
                for w in &added {
                    flex.set_activity(w, &available, ctx.now);
                }
                for w in &removed {
                    flex.set_activity(w, &offline, ctx.now);
                }
            }
            // Their places among the available workers follow their new activities.
            for w in added.iter().chain(&removed) {
                c.place_idle(account, w);
            }
            for w in &added {
                c.offer_worker(account, w, ctx.now);
            }
            task_event(account, TaskEvent::SimulatedAgentsSet { count })
        })
    }
}
