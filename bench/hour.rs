//! An hour of demo traffic, natively: the demo's Globex Contact Center with 50 agents (the
//! demo's own and SSO agents added with its skills), simulated traffic at 60 contacts a
//! minute with all 50 as simulated agents, run for one simulated hour stepping as the store
//! does: whenever the routing clock's next deadline is due, `Advance` as the Console clock;
//! whenever the traffic's next moment comes, what `Traffic::take_due` gives, as simulated
//! traffic. It prints what was applied and how long the slowest applies took, the state's
//! stored size (the snapshot JSON the store writes) every 10 minutes, what tasks are left,
//! and the most the stored log holds between compactions.
//!
//! With a path as its argument it also writes the state after the hour there as a scenario
//! file (`bench/run.mjs` loads it in the browser and runs the traffic on from it).
//!
//! Run by `cargo xtask bench` as `cargo run --profile bench --example bench_hour -- <path>`.

use std::collections::BTreeMap;
use std::time::Instant;

use flex_console::domain::*;
use flex_console::store::persist::{COMPACT_AFTER, LogEntry};
use flex_console::store::scenario::Scenario;

/// Simulated agents, all of the account's workers who take tasks.
const AGENTS: usize = 50;
/// Contacts a minute.
const RATE: u32 = 60;
/// Minutes simulated.
const MINUTES: u64 = 60;

fn email(text: &str) -> Email {
    Email::parse(text).expect("bench emails are valid")
}

/// The demo with Globex brought to AGENTS workers who take tasks, each with skills like the
/// demo's agents (sales, support at a level, Spanish). Gives the account and its workflow.
fn contact_center() -> (Console, AccountSid, WorkflowSid) {
    let mut c = Console::demo();
    let at = DEMO_NOW;
    let globex = c
        .accounts()
        .find(|a| a.friendly_name == "Globex Contact Center")
        .expect("the demo has Globex")
        .sid;
    let admin = Actor::User(
        c.user_by_email(&email("james.chen@example.com"))
            .expect("James runs Globex")
            .sid,
    );
    let takers = |c: &Console| {
        c.workers(&globex)
            .filter(|w| may_change(&w.flex_roles, FlexChange::Tasks).is_ok())
            .count()
    };
    let mut n = 0;
    while takers(&c) < AGENTS {
        n += 1;
        let person = Actor::Sso(SsoAssertion {
            email: email(&format!("agent{n:02}@globex.example.com")),
            full_name: format!("Agent {n:02}"),
            roles: vec!["agent".to_owned()],
        });
        let worker = match c
            .apply(&person, Command::SsoLogin { account: globex }, at)
            .expect("SSO login")
            .kind
        {
            EventKind::SsoLoggedIn { worker, .. } => worker,
            _ => unreachable!("SSO login gives SsoLoggedIn"),
        };
        let skills: &[&str] = match n % 4 {
            0 => &["sales", "support"],
            1 => &["support", "spanish"],
            2 => &["support"],
            _ => &["sales", "spanish"],
        };
        let levels: BTreeMap<String, u32> = if skills.contains(&"support") {
            [("support".to_owned(), (n % 10) as u32 + 1)].into()
        } else {
            BTreeMap::new()
        };
        let give = Command::SetAgentSkills {
            account: globex,
            worker,
            skills: skills.iter().map(|s| (*s).to_owned()).collect(),
            levels,
            revision: 0,
        };
        c.apply(&admin, give, at).expect("skills given");
    }
    let workflow = c
        .workspace(&globex)
        .and_then(|ws| {
            ws.workflows
                .iter()
                .find(|w| w.friendly_name == "Inbound Routing")
        })
        .expect("the demo routes Globex with Inbound Routing")
        .sid;
    (c, globex, workflow)
}

/// The state as the store saves it: the snapshot's Console JSON, in bytes.
fn stored(c: &Console) -> usize {
    c.to_json().expect("the Console serializes").len()
}

fn tasks_by_status(c: &Console, account: &AccountSid) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    if let Some(ws) = c.workspace(account) {
        for t in ws.tasks.values() {
            *out.entry(format!("{:?}", t.status).to_lowercase())
                .or_insert(0) += 1;
        }
    }
    out
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// What one run of the hour gives.
struct Hour {
    /// Each apply's nanoseconds (refusals too: a page pays for them as well).
    applies: Vec<u128>,
    /// Each applied command's log entry, in bytes, as the store appends it.
    entries: Vec<usize>,
    refused: u64,
    by_kind: BTreeMap<&'static str, u64>,
    /// Every 10 minutes: the minute, the snapshot's size, the tasks by status.
    samples: Vec<(u64, usize, BTreeMap<String, usize>)>,
    elapsed: std::time::Duration,
    console: Console,
    now: Timestamp,
}

/// Runs the traffic for MINUTES from `start`, as the store's timers do.
fn hour(mut c: Console, mut traffic: Traffic, account: AccountSid, start: Timestamp) -> Hour {
    let mut applies: Vec<u128> = Vec::new();
    let mut entries: Vec<usize> = Vec::new();
    let mut refused = 0u64;
    let mut by_kind: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut apply = |c: &mut Console, actor: &Actor, command: Command, at: Timestamp| {
        let kind = match &command {
            Command::Task { change, .. } => match change {
                TaskCommand::Advance => "Advance (clock)",
                TaskCommand::CreateTask { .. } => "CreateTask",
                TaskCommand::AcceptReservation { .. } => "AcceptReservation",
                TaskCommand::WrapUpTask { .. } => "WrapUpTask",
                TaskCommand::CompleteTask { .. } => "CompleteTask",
                _ => "other",
            },
            _ => "other",
        };
        let entry = LogEntry {
            rev: 1_000_000 + entries.len() as u64,
            actor: actor.clone(),
            command: command.clone(),
            at,
        };
        let t0 = Instant::now();
        let ok = c.apply(actor, command, at).is_ok();
        applies.push(t0.elapsed().as_nanos());
        if ok {
            entries.push(entry.to_json().len());
            *by_kind.entry(kind).or_insert(0) += 1;
        } else {
            refused += 1;
        }
    };
    let mut now = start;
    let mut samples = Vec::new();
    let wall = Instant::now();
    for minute in (10..=MINUTES).step_by(10) {
        let until = start.plus_millis(minute * Timestamp::MINUTE);
        // As `Traffic::run_until`, with each apply timed: at each moment something is due,
        // the clock's Advance first (the routing clock's timer), then the traffic's.
        loop {
            let next_traffic = traffic.next_at(&c, now);
            let next = c
                .next_deadline(&account)
                .map_or(next_traffic, |d| d.max(now).min(next_traffic));
            if next > until {
                break;
            }
            now = next;
            if c.next_deadline(&account).is_some_and(|d| d <= next) {
                let advance = Command::Task {
                    account,
                    change: TaskCommand::Advance,
                };
                apply(&mut c, &Actor::Clock, advance, next);
            }
            for command in traffic.take_due(&c, next) {
                apply(&mut c, &Actor::Simulator, command, next);
            }
            if c.next_deadline(&account).is_some_and(|d| d <= next) {
                now = next.plus_millis(1);
            }
        }
        now = until;
        samples.push((minute, stored(&c), tasks_by_status(&c, &account)));
    }
    Hour {
        applies,
        entries,
        refused,
        by_kind,
        samples,
        elapsed: wall.elapsed(),
        console: c,
        now,
    }
}

fn main() {
    let out = std::env::args().nth(1);
    let (mut c, account, workflow) = contact_center();
    let agents: Vec<WorkerSid> = c
        .workers(&account)
        .filter(|w| may_change(&w.flex_roles, FlexChange::Tasks).is_ok())
        .map(|w| w.sid)
        .collect();
    assert_eq!(agents.len(), AGENTS);
    let start = DEMO_NOW;
    let mut settings = TrafficSettings::new(1, workflow);
    settings.per_minute = RATE;
    let traffic = Traffic::start(&c, &account, settings, start).expect("traffic starts");
    let set = Command::Task {
        account,
        change: TaskCommand::SetSimulatedAgents { workers: agents },
    };
    c.apply(&Actor::Simulator, set, start)
        .expect("simulated agents");
    let size_before = stored(&c);

    // The hour, three times over from the same start (it is deterministic: the same commands
    // each time); each apply's time is the least of its three, so an apply the shared machine
    // preempted does not show as slow.
    let mut runs: Vec<Hour> = (0..3)
        .map(|_| hour(c.clone(), traffic.clone(), account, start))
        .collect();
    let last = runs.pop().expect("three runs");
    let applies: Vec<u128> = (0..last.applies.len())
        .map(|i| {
            runs.iter()
                .map(|r| r.applies[i])
                .chain([last.applies[i]])
                .min()
                .unwrap_or(0)
        })
        .collect();
    assert!(runs.iter().all(|r| r.applies.len() == last.applies.len()));
    let Hour {
        entries,
        refused,
        by_kind,
        samples,
        elapsed,
        console: c,
        now,
        ..
    } = last;

    let mut sorted = applies;
    sorted.sort_unstable();
    let p = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize] as f64 / 1_000.0;
    let applied = entries.len();
    let mean_entry = entries.iter().sum::<usize>() as f64 / applied.max(1) as f64;
    // The store folds the log into a snapshot once it holds more than COMPACT_AFTER entries.
    let window = COMPACT_AFTER as usize + 1;
    let widest = entries
        .windows(window.min(entries.len()))
        .map(|w| w.iter().sum::<usize>())
        .max()
        .unwrap_or(0);

    println!(
        "an hour of demo traffic, native: Globex Contact Center (demo), {AGENTS} simulated agents, {RATE} contacts a minute, {MINUTES} simulated minutes in {:.2} s",
        elapsed.as_secs_f64()
    );
    println!(
        "  commands applied {applied} ({}), refused {refused} (an offer gone the same moment)",
        by_kind
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  apply (each the least of 3 runs of the same hour): median {:.1} µs, p99 {:.1} µs, slowest {:.1} µs (of {} applies)",
        p(0.5),
        p(0.99),
        sorted.last().copied().unwrap_or(0) as f64 / 1_000.0,
        sorted.len()
    );
    println!(
        "  stored state (snapshot JSON) before the traffic: {}",
        kb(size_before)
    );
    println!("  {:>6} {:>14}  tasks in the state", "minute", "snapshot");
    for (minute, size, tasks) in &samples {
        let total: usize = tasks.values().sum();
        let split = tasks
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        println!("  {minute:>6} {:>14}  {total} ({split})", kb(*size));
    }
    println!(
        "  stored log between compactions: at most {window} entries (COMPACT_AFTER {COMPACT_AFTER} + 1) x {mean_entry:.0} bytes mean = {}; the widest {window} in a row measured {}",
        kb((window as f64 * mean_entry) as usize),
        kb(widest)
    );
    let (_, after, _) = samples.last().expect("an hour sampled");
    println!(
        "  so stored after the hour: at most {} (snapshot + the longest log)",
        kb(after + widest)
    );

    if let Some(path) = out {
        let scenario = Scenario {
            name: "bench-hour".into(),
            description: format!(
                "The demo after an hour of simulated traffic into Globex Contact Center ({RATE} contacts a minute, {AGENTS} simulated agents)."
            ),
            now,
            console: c,
        };
        std::fs::write(&path, scenario.to_json()).expect("the hour's state is written");
        eprintln!("bench: wrote the state after the hour to {path}");
    }
}
