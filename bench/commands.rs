//! Per-command cost, natively: `Console::apply` and the store's save of one command (the
//! log entry it appends, `LogEntry::to_json`), with 100 and with 15,000 workers in the
//! account's Flex workspace. The goal is flat: the 15,000 figure at most twice the 100 one.
//!
//! Run by `cargo xtask bench` as
//! `cargo run --profile bench --example bench_commands -- OUT.json`; it prints a table and
//! writes the figures (nanoseconds per command) as JSON to OUT.json when given.

use std::time::Instant;

use flex_console::domain::*;
use flex_console::store::persist::LogEntry;

/// Timed runs of each command, after as many untimed ones to warm caches up.
const RUNS: usize = 2_000;
const WORKER_COUNTS: [usize; 2] = [100, 15_000];
const AT: Timestamp = Timestamp::from_utc(2025, 1, 1, 0, 0);

fn email(text: &str) -> Email {
    Email::parse(text).expect("bench emails are valid")
}

fn run(c: &mut Console, actor: &Actor, command: Command) -> Event {
    c.apply(actor, command, AT)
        .unwrap_or_else(|e| panic!("bench step failed: {e}"))
}

/// A Console as the scale scenario builds it, with one account whose Flex workspace has
/// `workers` workers: its Owner (logged in from the Console) and SSO agents, every 50th a
/// supervisor. A second member (Developer) has their roles changed; the plan is paid so
/// Insights roles can be set.
struct Setup {
    console: Console,
    owner: Actor,
    account: AccountSid,
    member: UserSid,
    supervisor: WorkerSid,
    activities: Vec<ActivitySid>,
}

fn setup(workers: usize) -> Setup {
    let mut c = Console::new(7);
    let sign_up = |c: &mut Console, address: &str, name: &str| {
        let actor = Actor::Email(email(address));
        match run(
            c,
            &actor,
            Command::SignUp {
                full_name: name.into(),
            },
        )
        .kind
        {
            EventKind::SignedUp { user, .. } => user,
            _ => unreachable!("sign-up gives SignedUp"),
        }
    };
    let owner = Actor::User(sign_up(&mut c, "owner@bench.example.com", "Bench Owner"));
    let member = sign_up(&mut c, "member@bench.example.com", "Bench Member");
    let account = run(
        &mut c,
        &owner,
        Command::CreateAccount {
            friendly_name: "Bench Account".into(),
            account_type: AccountType::Full,
        },
    )
    .account
    .expect("account events name their account");
    let invitation = match run(
        &mut c,
        &owner,
        Command::Invite {
            account,
            email: email("member@bench.example.com"),
            roles: RoleSet::only(ConsoleRole::Developer),
        },
    )
    .kind
    {
        EventKind::Invited { invitation, .. } => invitation,
        _ => unreachable!("invite gives Invited"),
    };
    run(
        &mut c,
        &Actor::User(member),
        Command::AcceptInvitation {
            account,
            invitation,
            full_name: None,
        },
    );
    run(&mut c, &owner, Command::CreateFlexInstance { account });
    run(
        &mut c,
        &owner,
        Command::UpgradePlan {
            account,
            billing_model: BillingModel::NamedUser,
            accept_fair_usage_terms: true,
            payment_method: "Visa ending 4242".into(),
        },
    );
    run(&mut c, &owner, Command::LaunchFlex { account });
    for i in 1..workers {
        let assertion = SsoAssertion {
            email: email(&format!("agent{i}@contact.bench.example.com")),
            full_name: format!("Agent {i}"),
            roles: vec![if i % 50 == 0 { "supervisor" } else { "agent" }.to_owned()],
        };
        run(
            &mut c,
            &Actor::Sso(assertion),
            Command::SsoLogin { account },
        );
    }
    assert_eq!(c.workers(&account).count(), workers);
    let supervisor = c
        .worker_by_identity(&account, &email("agent50@contact.bench.example.com"))
        .expect("agent 50 is a supervisor")
        .sid;
    let activities = c
        .account(&account)
        .and_then(|a| a.flex.as_ref())
        .map(|f| f.workspace.activities.iter().map(|a| a.sid).collect())
        .unwrap_or_default();
    Setup {
        console: c,
        owner,
        account,
        member,
        supervisor,
        activities,
    }
}

/// A timed command: its name and, for the iteration number, who runs what.
type Timed = (&'static str, Box<dyn Fn(usize) -> (Actor, Command)>);

/// The commands timed, each as a function of the iteration number giving (actor, command),
/// chosen so every run succeeds and the state does not drift.
fn commands(s: &Setup, workers: usize) -> Vec<Timed> {
    let (owner, account) = (s.owner.clone(), s.account);
    let mut list: Vec<Timed> = Vec::new();
    {
        let (owner, account, activities) = (owner.clone(), account, s.activities.clone());
        list.push((
            "SetWorkerActivity",
            Box::new(move |i| {
                let activity = activities[1 + i % (activities.len() - 1)];
                (
                    owner.clone(),
                    Command::SetWorkerActivity { account, activity },
                )
            }),
        ));
    }
    {
        let (owner, account, worker) = (owner.clone(), account, s.supervisor);
        list.push((
            "SetInsightsRoles",
            Box::new(move |i| {
                let roles = if i % 2 == 0 {
                    vec![InsightsRole::TeamLeader]
                } else {
                    vec![InsightsRole::TeamLeader, InsightsRole::DataAnalyst]
                };
                (
                    owner.clone(),
                    Command::SetInsightsRoles {
                        account,
                        worker,
                        roles,
                    },
                )
            }),
        ));
    }
    {
        let (owner, account, member) = (owner.clone(), account, s.member);
        list.push((
            "ChangeRoles",
            Box::new(move |i| {
                let role = if i % 2 == 0 {
                    ConsoleRole::Support
                } else {
                    ConsoleRole::Developer
                };
                (
                    owner.clone(),
                    Command::ChangeRoles {
                        account,
                        user: member,
                        roles: RoleSet::only(role),
                        revision: None,
                    },
                )
            }),
        ));
    }
    {
        let (owner, account) = (owner.clone(), account);
        list.push((
            "Invite",
            Box::new(move |i| {
                (
                    owner.clone(),
                    Command::Invite {
                        account,
                        email: email(&format!("guest{i}@bench.example.com")),
                        roles: RoleSet::only(ConsoleRole::Support),
                    },
                )
            }),
        ));
    }
    // The same person logging in again and again (their worker stays in the CPU caches),
    // then a different person each time (spread over the whole workspace).
    for (name, spread) in [
        ("SsoLogin (same worker again)", false),
        ("SsoLogin (a different worker)", true),
    ] {
        list.push((
            name,
            Box::new(move |i| {
                let n = if spread {
                    1 + (i * 7919) % (workers - 1)
                } else {
                    42
                };
                let assertion = SsoAssertion {
                    email: email(&format!("agent{n}@contact.bench.example.com")),
                    full_name: format!("Agent {n}"),
                    roles: vec![if n % 50 == 0 { "supervisor" } else { "agent" }.to_owned()],
                };
                (Actor::Sso(assertion), Command::SsoLogin { account })
            }),
        ));
    }
    list
}

/// Median and mean of nanosecond samples.
fn stats(mut samples: Vec<u128>) -> (f64, f64) {
    samples.sort_unstable();
    let median = samples[samples.len() / 2] as f64;
    let mean = samples.iter().sum::<u128>() as f64 / samples.len() as f64;
    (median, mean)
}

struct Row {
    command: &'static str,
    workers: usize,
    apply: (f64, f64),
    save: (f64, f64),
}

fn measure(workers: usize) -> Vec<Row> {
    let started = Instant::now();
    let mut s = setup(workers);
    eprintln!(
        "bench: Console with {workers} workers built in {:?}",
        started.elapsed()
    );
    let list = commands(&s, workers);
    let mut rows = Vec::new();
    let mut rev = 0u64;
    for (name, make) in &list {
        let (mut apply, mut save) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
        for i in 0..2 * RUNS {
            let (actor, command) = make(i);
            let entry_command = command.clone();
            let t0 = Instant::now();
            let outcome = s.console.apply(&actor, command, AT);
            let t1 = Instant::now();
            if let Err(e) = outcome {
                panic!("{name} with {workers} workers was refused: {e}");
            }
            rev += 1;
            let entry = LogEntry {
                rev,
                actor,
                command: entry_command,
                at: AT,
            };
            let t2 = Instant::now();
            let json = entry.to_json();
            let t3 = Instant::now();
            std::hint::black_box(json);
            if i >= RUNS {
                apply.push((t1 - t0).as_nanos());
                save.push((t3 - t2).as_nanos());
            }
        }
        rows.push(Row {
            command: name,
            workers,
            apply: stats(apply),
            save: stats(save),
        });
    }
    rows
}

fn main() {
    let out = std::env::args().nth(1);
    let rows: Vec<Row> = WORKER_COUNTS.iter().flat_map(|n| measure(*n)).collect();
    println!(
        "\nper-command cost, native ({RUNS} timed runs each), median ns (mean ns):\n  {:<28} {:>22} {:>22} {:>22} {:>22}",
        "command", "apply @100", "apply @15000", "save @100", "save @15000"
    );
    let small: Vec<&Row> = rows
        .iter()
        .filter(|r| r.workers == WORKER_COUNTS[0])
        .collect();
    let large: Vec<&Row> = rows
        .iter()
        .filter(|r| r.workers == WORKER_COUNTS[1])
        .collect();
    let cell = |(median, mean): (f64, f64)| format!("{median:.0} ({mean:.0})");
    for (a, b) in small.iter().zip(&large) {
        println!(
            "  {:<28} {:>22} {:>22} {:>22} {:>22}",
            a.command,
            cell(a.apply),
            cell(b.apply),
            cell(a.save),
            cell(b.save)
        );
    }
    let json: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "command": r.command,
                "workers": r.workers,
                "apply_median_ns": r.apply.0,
                "apply_mean_ns": r.apply.1,
                "save_median_ns": r.save.0,
                "save_mean_ns": r.save.1,
            })
        })
        .collect();
    let doc = serde_json::json!({ "runs": RUNS, "workers": WORKER_COUNTS, "rows": json });
    if let Some(path) = out
        && let Err(e) = std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap())
    {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}
