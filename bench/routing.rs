//! Routing's cost, natively, with 100 and with 15,000 workers in a workspace routed by skills
//! (ten skills, 19 queues on them beside Everyone, two skills per worker): saving a worker's
//! skills (queue membership kept, not recomputed), a task arriving, a worker accepting and a
//! clock step, each with 1,000 tasks waiting. The goal is flat: the 15,000 figure at most
//! twice the 100 one.
//!
//! Run by `cargo xtask bench` as `cargo run --profile bench --example bench_routing`.

use std::collections::BTreeMap;
use std::time::Instant;

use flex_console::domain::*;

/// Timed runs of each step (each on a fresh copy of the prepared Console).
const RUNS: usize = 200;
const WORKER_COUNTS: [usize; 2] = [100, 15_000];
/// Agents available and busy, each on one call; one more stays free for the new task.
const BUSY: usize = 50;
/// Tasks waiting when a step is timed.
const WAITING: usize = 1_000;
const AT: Timestamp = Timestamp::from_utc(2025, 1, 1, 0, 0);
const SKILLS: [&str; 10] = [
    "sales",
    "support",
    "billing",
    "spanish",
    "french",
    "german",
    "vip",
    "tech",
    "retention",
    "claims",
];

fn email(text: &str) -> Email {
    Email::parse(text).expect("bench emails are valid")
}

fn run(c: &mut Console, actor: &Actor, command: Command, at: Timestamp) -> Event {
    c.apply(actor, command, at)
        .unwrap_or_else(|e| panic!("bench step failed: {e}"))
}

fn agent(i: usize) -> Actor {
    Actor::Sso(SsoAssertion {
        email: email(&format!("agent{i}@bench.example.com")),
        full_name: format!("Agent {i}"),
        roles: vec!["agent".to_owned()],
    })
}

/// The prepared contact center: `workers` workers with skills, 20 queues, BUSY agents each
/// on a call, one agent free, WAITING calls waiting.
struct Center {
    c: Console,
    owner: Actor,
    account: AccountSid,
    workflow: WorkflowSid,
    voice: TaskChannelSid,
    free: Actor,
    skilled: WorkerSid,
}

fn prepare(workers: usize) -> Center {
    let mut c = Console::new(11);
    let owner = match run(
        &mut c,
        &Actor::Email(email("owner@bench.example.com")),
        Command::SignUp {
            full_name: "Bench Owner".into(),
        },
        AT,
    )
    .kind
    {
        EventKind::SignedUp { user, .. } => Actor::User(user),
        _ => unreachable!(),
    };
    let account = run(
        &mut c,
        &owner,
        Command::CreateAccount {
            friendly_name: "Bench".into(),
            account_type: AccountType::Full,
        },
        AT,
    )
    .account
    .expect("account events name it");
    run(&mut c, &owner, Command::CreateFlexInstance { account }, AT);
    run(&mut c, &owner, Command::LaunchFlex { account }, AT);
    for i in 1..workers {
        run(&mut c, &agent(i), Command::SsoLogin { account }, AT);
    }
    for name in SKILLS {
        let levels = name == "support";
        let skill = Skill {
            name: name.to_owned(),
            multivalue: levels,
            minimum: levels.then_some(1),
            maximum: levels.then_some(10),
        };
        run(&mut c, &owner, Command::CreateSkill { account, skill }, AT);
    }
    for (k, name) in SKILLS.iter().enumerate() {
        for expression in [
            format!("routing.skills HAS '{name}'"),
            format!(
                "routing.skills HAS '{name}' AND routing.levels.support >= {}",
                k % 10
            ),
        ]
        .into_iter()
        .take(if k == 9 { 1 } else { 2 })
        .enumerate()
        {
            // Twilio's limit on a queue's name is 64 characters: the skill and which of its two.
            let (j, expression) = expression;
            let spec = TaskQueueSpec {
                friendly_name: format!("Queue {name} {}", j + 1),
                target_workers: expression,
                max_reserved_workers: 1,
                task_order: TaskOrder::Fifo,
            };
            let change = TaskRouterCommand::CreateTaskQueue { spec };
            run(&mut c, &owner, Command::TaskRouter { account, change }, AT);
        }
    }
    let sids: Vec<WorkerSid> = c.workers(&account).map(|w| w.sid).collect();
    for (i, worker) in sids.iter().enumerate() {
        let skills = vec![SKILLS[i % 10].to_owned(), "support".to_owned()];
        let skills: Vec<String> = if SKILLS[i % 10] == "support" {
            vec!["support".to_owned()]
        } else {
            skills
        };
        let levels: BTreeMap<String, u32> = [("support".to_owned(), (i % 10) as u32 + 1)].into();
        let give = Command::SetAgentSkills {
            account,
            worker: *worker,
            skills,
            levels,
            revision: 0,
        };
        run(&mut c, &owner, give, AT);
    }
    let ws = c.workspace(&account).expect("Flex is set up");
    let available = ws.activities[1].sid;
    let workflow = ws.workflows[0].sid;
    let voice = ws.channel_named("voice").expect("voice").sid;
    let call = |c: &mut Console, owner: &Actor| {
        let change = TaskCommand::CreateTask {
            workflow,
            channel: voice,
            attributes: r#"{"type": "support", "language": "en"}"#.into(),
            priority: 0,
            timeout: 86_400,
            origin: "Bench call".into(),
        };
        run(c, owner, Command::Task { account, change }, AT)
    };
    for i in 1..=BUSY {
        let person = agent(i);
        run(
            &mut c,
            &person,
            Command::SetWorkerActivity {
                account,
                activity: available,
            },
            AT,
        );
        call(&mut c, &owner);
        let me = c
            .worker_by_identity(&account, &email(&format!("agent{i}@bench.example.com")))
            .expect("agent")
            .sid;
        let offer = c
            .workspace(&account)
            .and_then(|ws| {
                ws.tasks
                    .values()
                    .flat_map(|t| t.pending())
                    .find(|r| r.worker == me)
            })
            .expect("offered")
            .sid;
        let accept = TaskCommand::AcceptReservation { reservation: offer };
        run(
            &mut c,
            &person,
            Command::Task {
                account,
                change: accept,
            },
            AT,
        );
    }
    for _ in 0..WAITING {
        call(&mut c, &owner);
    }
    let free = agent(BUSY + 1);
    run(
        &mut c,
        &free,
        Command::SetWorkerActivity {
            account,
            activity: available,
        },
        AT,
    );
    // An Offline agent (never made available), the same kind of worker at both sizes.
    let skilled = c
        .worker_by_identity(
            &account,
            &email(&format!("agent{}@bench.example.com", BUSY + 2)),
        )
        .expect("agent")
        .sid;
    Center {
        c,
        owner,
        account,
        workflow,
        voice,
        free,
        skilled,
    }
}

/// Lets the allocator tidy up after a copy of the Console was made and the last one dropped,
/// before the clock starts. Dropping a 15,000-worker Console frees hundreds of thousands of
/// small blocks; glibc keeps them in its fast lists and merges them all (`malloc_consolidate`)
/// at the next request of a kilobyte or more, which the timed step would otherwise pay: a cost
/// of the copy, growing with the Console copied, not with the step. The app never copies the
/// Console to run a command (and its wasm build has another allocator).
fn settle_heap() {
    std::hint::black_box(vec![0u8; 16 * 1024]);
}

/// One timed apply of `command` on `c`, in nanoseconds, after asking `check` first, as every
/// control of the app does before it runs a command (untimed: the check's own cost is the
/// apply's first half, timed with it).
fn timed(c: &mut Console, actor: &Actor, command: Command, at: Timestamp) -> u128 {
    c.check(actor, &command, at)
        .unwrap_or_else(|e| panic!("bench step refused: {e}"));
    settle_heap();
    let t0 = Instant::now();
    let done = c.apply(actor, command, at);
    let ns = t0.elapsed().as_nanos();
    done.unwrap_or_else(|e| panic!("bench step failed: {e}"));
    ns
}

fn median(mut samples: Vec<u128>) -> f64 {
    samples.sort_unstable();
    samples[samples.len() / 2] as f64
}

/// Median nanoseconds of the command `make` gives, each applied to a fresh copy of `base`
/// (the copy is not timed).
fn time_fresh(base: &Console, actor: &Actor, mut make: impl FnMut(&Console) -> Command) -> f64 {
    median(
        (0..RUNS)
            .map(|_| {
                let mut c = base.clone();
                let command = make(&c);
                timed(&mut c, actor, command, AT)
            })
            .collect(),
    )
}

/// Median nanoseconds of RUNS commands `make` gives, applied one after another to one copy of
/// `base`: for a change that can be made again and again (the copy's activity log has no room
/// to spare, so the first of them pays for copying it, as the app never does).
fn time_in_a_row(
    base: &Console,
    actor: &Actor,
    mut make: impl FnMut(&Console, usize) -> Command,
) -> f64 {
    let mut c = base.clone();
    median(
        (0..RUNS)
            .map(|i| {
                let command = make(&c, i);
                timed(&mut c, actor, command, AT)
            })
            .collect(),
    )
}

fn measure(workers: usize) -> Vec<(&'static str, f64)> {
    let started = Instant::now();
    let s = prepare(workers);
    eprintln!(
        "bench: contact center with {workers} workers prepared in {:?}",
        started.elapsed()
    );
    let (account, owner) = (s.account, s.owner.clone());
    let mut rows = Vec::new();
    rows.push((
        "saving an Offline worker's skills (20 queues), in a row",
        time_in_a_row(&s.c, &owner, |c, i| Command::SetAgentSkills {
            account,
            worker: s.skilled,
            skills: vec![SKILLS[i % 10].to_owned()],
            levels: BTreeMap::new(),
            revision: c
                .worker(&account, &s.skilled)
                .map_or(0, |w| w.revision.number),
        }),
    ));
    let (workflow, voice) = (s.workflow, s.voice);
    rows.push((
        "routing an arriving task (1,000 waiting)",
        time_fresh(&s.c, &owner, |_| {
            let change = TaskCommand::CreateTask {
                workflow,
                channel: voice,
                attributes: r#"{"type": "sales"}"#.into(),
                priority: 5,
                timeout: 86_400,
                origin: "Bench call".into(),
            };
            Command::Task { account, change }
        }),
    ));
    // The free agent took the first waiting call when it became available: accept it.
    let free =
        s.c.worker_by_identity(
            &account,
            &email(&format!("agent{}@bench.example.com", BUSY + 1)),
        )
        .expect("free agent")
        .sid;
    let offer =
        s.c.workspace(&account)
            .and_then(|ws| {
                ws.tasks
                    .values()
                    .flat_map(|t| t.pending())
                    .find(|r| r.worker == free)
            })
            .expect("the free agent was offered the oldest call")
            .sid;
    rows.push((
        "accepting a reservation (1,000 waiting)",
        time_fresh(&s.c, &s.free, |_| Command::Task {
            account,
            change: TaskCommand::AcceptReservation { reservation: offer },
        }),
    ));
    let due = s.c.next_deadline(&account).expect("the offer times out");
    let step = Command::Task {
        account,
        change: TaskCommand::Advance,
    };
    rows.push((
        "a clock step: an offer times out (1,000 waiting)",
        median(
            (0..RUNS)
                .map(|_| {
                    let mut c = s.c.clone();
                    timed(&mut c, &Actor::Clock, step.clone(), due)
                })
                .collect(),
        ),
    ));
    rows
}

fn main() {
    let small = measure(WORKER_COUNTS[0]);
    let large = measure(WORKER_COUNTS[1]);
    println!(
        "routing, native ({RUNS} timed runs each, median ns): {} workers vs {} workers",
        WORKER_COUNTS[0], WORKER_COUNTS[1]
    );
    println!(
        "  {:<50} {:>12} {:>12} {:>7} {:>7}",
        "step", "@100", "@15000", "ratio", "<= 2x?"
    );
    for ((name, a), (_, b)) in small.iter().zip(&large) {
        let ratio = b / a;
        let met = if ratio <= 2.0 { "yes" } else { "NO" };
        println!("  {name:<50} {a:>12.0} {b:>12.0} {ratio:>6.2}x {met:>7}");
    }
}
