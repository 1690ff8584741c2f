//! Simulated traffic: contacts arriving at a rate with a channel mix and the demo's
//! attributes, simulated agents answering, everything a function of the seed; and the state
//! stays bounded while it runs.

use crate::common::*;
use flex_console_domain::taskrouter::TaskEvent;
use flex_console_domain::*;
use proptest::prelude::*;

const HANNAH: &str = "hannah.becker@globex.example.com";
const MATEO: &str = "mateo.silva@globex.example.com";

fn inbound(c: &Console, globex: &AccountSid) -> WorkflowSid {
    let ws = c.workspace(globex).unwrap();
    ws.workflows
        .iter()
        .find(|w| w.friendly_name == "Inbound Routing")
        .unwrap()
        .sid
}

fn agents_command(globex: AccountSid, workers: Vec<WorkerSid>) -> Command {
    Command::Task {
        account: globex,
        change: TaskCommand::SetSimulatedAgents { workers },
    }
}

/// The demo with Hannah and Mateo as simulated agents, traffic started at `now()`.
fn started(settings: impl FnOnce(&mut TrafficSettings)) -> (Console, Traffic) {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let agents = vec![
        worker_of(&c, &globex, HANNAH).sid,
        worker_of(&c, &globex, MATEO).sid,
    ];
    ok(&mut c, &Actor::Simulator, agents_command(globex, agents));
    let mut s = TrafficSettings::new(7, inbound(&c, &globex));
    settings(&mut s);
    let traffic = Traffic::start(&c, &globex, s, now()).unwrap();
    (c, traffic)
}

fn minutes(m: u64) -> u64 {
    m * 60_000
}

#[test]
fn only_simulated_traffic_chooses_its_agents_who_go_available() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let hannah = worker_of(&c, &globex, HANNAH).sid;
    let e = refused_by(&mut c, LIAM, agents_command(globex, vec![hannah]));
    assert!(e.contains("simulated traffic"), "{e}");
    ok(
        &mut c,
        &Actor::Simulator,
        agents_command(globex, vec![hannah]),
    );
    let ws = c.workspace(&globex).unwrap();
    assert!(ws.simulated_agents.contains(&hannah));
    let activity = ws.activity(&ws.workers[&hannah].activity).unwrap();
    assert_eq!(activity.friendly_name, "Available");
    // Grace is a read-only admin in Globex's Flex? Whoever cannot take tasks is refused.
    let readonly = ws
        .workers
        .values()
        .find(|w| w.flex_roles.contains(&FlexRole::ReadOnlyAdmin))
        .map(|w| w.sid);
    if let Some(sid) = readonly {
        let e = refused(&mut c, &Actor::Simulator, agents_command(globex, vec![sid]));
        assert!(e.contains("cannot take tasks"), "{e}");
    }
    // Stopping sends them Offline.
    ok(&mut c, &Actor::Simulator, agents_command(globex, vec![]));
    let ws = c.workspace(&globex).unwrap();
    assert!(ws.simulated_agents.is_empty());
    let activity = ws.activity(&ws.workers[&hannah].activity).unwrap();
    assert_eq!(activity.friendly_name, "Offline");
}

#[test]
fn settings_out_of_range_are_refused() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let base = TrafficSettings::new(1, inbound(&c, &globex));
    let refused = |change: fn(&mut TrafficSettings)| {
        let mut s = base.clone();
        change(&mut s);
        Traffic::start(&c, &globex, s, now())
            .unwrap_err()
            .to_string()
    };
    assert!(refused(|s| s.per_minute = 0).contains("1 to 600"));
    assert!(refused(|s| s.per_minute = 601).contains("1 to 600"));
    assert!(
        refused(|s| s.mix = ChannelMix {
            voice: 0,
            chat: 0,
            sms: 0
        })
        .contains("share")
    );
    assert!(refused(|s| s.answer_after = 0).contains("1 to 60"));
    let acme = account(&c, INITECH);
    assert!(
        Traffic::start(&c, &acme, base.clone(), now()).is_err(),
        "no Flex there"
    );
}

#[test]
fn contacts_arrive_at_the_rate_with_the_mix_and_the_demos_attributes() {
    let (c, t) = started(|s| s.per_minute = 30);
    // 30 a minute: contact n arrives within [2n, 2n+2) seconds.
    for n in 0..200 {
        let at = t.arrival(n).0 - t.started.0;
        assert!(
            (n * 2_000..(n + 1) * 2_000).contains(&at),
            "contact {n} at {at} ms"
        );
    }
    let mut voice = 0;
    let mut languages = std::collections::BTreeSet::new();
    let mut types = std::collections::BTreeSet::new();
    let mut vips = 0;
    for n in 0..1_000 {
        let Some(TaskCommand::CreateTask {
            channel,
            attributes,
            ..
        }) = t.contact(&c, n)
        else {
            panic!()
        };
        let ws = c.workspace(&t.account).unwrap();
        voice += u32::from(ws.channel(&channel).unwrap().unique_name == "voice");
        let a: serde_json::Value = serde_json::from_str(&attributes).unwrap();
        languages.insert(a["language"].as_str().unwrap().to_owned());
        types.insert(a["type"].as_str().unwrap().to_owned());
        vips += u32::from(a["vip"] == true);
    }
    assert!((540..=660).contains(&voice), "60% calls: {voice} of 1,000");
    assert_eq!(languages, ["en", "es"].map(String::from).into());
    assert_eq!(types, ["sales", "support"].map(String::from).into());
    assert!((50..=150).contains(&vips), "a tenth VIP: {vips}");
}

#[test]
fn simulated_agents_accept_wrap_up_and_complete_and_queues_fill_and_empty() {
    let (mut c, mut t) = started(|s| s.per_minute = 6);
    let globex = t.account;
    let mut at = now();
    t.run_until(&mut c, &mut at, now().plus_millis(minutes(10)));
    let ws = c.workspace(&globex).unwrap();
    let statuses: Vec<_> = ws.tasks.values().map(|t| t.status).collect();
    assert!(
        statuses.contains(&TaskStatus::Completed),
        "simulated agents complete tasks: {statuses:?}"
    );
    let hannah = worker_of(&c, &globex, HANNAH).sid;
    let handled_by_hannah = ws
        .tasks
        .values()
        .filter(|t| t.worker == Some(hannah))
        .count();
    assert!(handled_by_hannah > 0);
    // Accepted a few seconds after the offer (4 s on average, 2 to 6 s).
    for task in ws.tasks.values().filter(|t| t.accepted_at.is_some()) {
        let offered = task
            .reservations
            .iter()
            .find(|r| r.status != ReservationStatus::Rescinded && r.worker == task.worker.unwrap())
            .unwrap();
        let waited = task.accepted_at.unwrap().0 - offered.created.0;
        assert!(
            (2_000..=6_000).contains(&waited),
            "accepted after {waited} ms"
        );
    }
    // With nobody answering, stopping the agents leaves work waiting.
    ok(&mut c, &Actor::Simulator, agents_command(globex, vec![]));
    let mut at2 = at;
    t.run_until(&mut c, &mut at2, at.plus_millis(minutes(3)));
    let waiting = c
        .workspace(&globex)
        .unwrap()
        .tasks
        .values()
        .filter(|t| t.status.routing())
        .count();
    assert!(waiting >= 10, "queues fill: {waiting} waiting");
}

#[test]
fn the_simulator_answers_only_for_its_agents() {
    let (mut c, t) = started(|_| {});
    let globex = t.account;
    // Stop simulating Mateo; a task offered to him is not the simulator's to accept.
    let hannah = worker_of(&c, &globex, HANNAH).sid;
    ok(
        &mut c,
        &Actor::Simulator,
        agents_command(globex, vec![hannah]),
    );
    let mateo_actor = {
        let w = worker_of(&c, &globex, MATEO);
        sso(MATEO, &w.full_name.clone(), &["agent"])
    };
    let available = {
        let ws = c.workspace(&globex).unwrap();
        ws.activities
            .iter()
            .find(|a| a.friendly_name == "Available")
            .unwrap()
            .sid
    };
    ok(
        &mut c,
        &mateo_actor,
        Command::SetWorkerActivity {
            account: globex,
            activity: available,
        },
    );
    let ws = c.workspace(&globex).unwrap();
    let voice = ws.channel_named("voice").unwrap().sid;
    let workflow = inbound(&c, &globex);
    let event = ok(
        &mut c,
        &Actor::Simulator,
        Command::Task {
            account: globex,
            change: TaskCommand::CreateTask {
                workflow,
                channel: voice,
                attributes: r#"{"language":"es"}"#.into(),
                priority: 0,
                timeout: 3_600,
                origin: "Simulated call".into(),
            },
        },
    );
    let EventKind::Task {
        change: TaskEvent::Created { task },
    } = event.kind
    else {
        panic!()
    };
    let mateo = worker_of(&c, &globex, MATEO).sid;
    let offer = c
        .task(&globex, &task)
        .unwrap()
        .pending()
        .find(|r| r.worker == mateo)
        .expect("Spanish goes to Mateo")
        .sid;
    let e = refused(
        &mut c,
        &Actor::Simulator,
        Command::Task {
            account: globex,
            change: TaskCommand::AcceptReservation { reservation: offer },
        },
    );
    assert!(e.contains("only for the agents chosen"), "{e}");
    assert!(
        t.answers(&c).iter().all(|(_, a)| !matches!(a, TaskCommand::AcceptReservation { reservation } if *reservation == offer)),
        "the schedule leaves Mateo's offer alone"
    );
}

/// The state after `mins` minutes of traffic from `seed`, serialized.
fn run_json(seed: u64, per_minute: u32, mins: u64) -> (String, u64) {
    let (mut c, mut t) = started(|s| {
        s.seed = seed;
        s.per_minute = per_minute;
    });
    let mut at = now();
    t.run_until(&mut c, &mut at, now().plus_millis(minutes(mins)));
    (serde_json::to_string(&c).unwrap(), t.sent)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// The same seed and settings give the same contact center, and the contacts sent are
    /// the rate times the time.
    #[test]
    fn the_schedule_is_a_function_of_the_seed(seed in any::<u64>(), per_minute in 1u32..40, mins in 1u64..6) {
        let (first, sent) = run_json(seed, per_minute, mins);
        let (second, again) = run_json(seed, per_minute, mins);
        prop_assert_eq!(sent, again);
        prop_assert!(first == second, "two runs from seed {} differ", seed);
        prop_assert_eq!(sent, u64::from(per_minute) * mins);
    }

    /// Arrivals never go back in time, and each lies in its own slot.
    #[test]
    fn arrivals_are_ordered(seed in any::<u64>(), per_minute in 1u32..=600) {
        let (_, mut t) = started(|s| { s.seed = seed; s.per_minute = per_minute; });
        t.sent = 0;
        let mut last = t.arrival(0);
        for n in 1..300 {
            let at = t.arrival(n);
            prop_assert!(at >= last);
            last = at;
        }
    }
}

#[test]
fn different_seeds_give_different_traffic() {
    assert_ne!(run_json(1, 20, 3).0, run_json(2, 20, 3).0);
}

/// `mins` minutes at 60 contacts a minute with 50 simulated agents, routed by "Assign To
/// Anyone": the state's size at each of `checkpoints` minutes, the contacts sent, the tasks
/// kept and those waiting.
fn busy_center(checkpoints: &[u64]) -> (Vec<usize>, u64, usize, usize) {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let mut agents = Vec::new();
    for i in 0..48 {
        let address = format!("agent{i:02}@globex.example.com");
        let actor = sso(&address, &format!("Agent {i:02}"), &["agent"]);
        ok(&mut c, &actor, Command::SsoLogin { account: globex });
        agents.push(worker_of(&c, &globex, &address).sid);
    }
    agents.push(worker_of(&c, &globex, HANNAH).sid);
    agents.push(worker_of(&c, &globex, MATEO).sid);
    ok(&mut c, &Actor::Simulator, agents_command(globex, agents));
    let everyone = c.workspace(&globex).unwrap().workflows[0].sid;
    let mut s = TrafficSettings::new(27, everyone);
    s.per_minute = 60;
    let mut t = Traffic::start(&c, &globex, s, now()).unwrap();
    let mut at = now();
    let mut sizes = vec![serde_json::to_string(&c).unwrap().len()];
    for m in checkpoints {
        t.run_until(&mut c, &mut at, now().plus_millis(minutes(*m)));
        sizes.push(serde_json::to_string(&c).unwrap().len());
    }
    let ws = c.workspace(&globex).unwrap();
    let waiting = ws.tasks.values().filter(|t| t.status.routing()).count();
    (sizes, t.sent, ws.tasks.len(), waiting)
}

/// Ended tasks leave five minutes after they end, so under steady traffic the state stays
/// the size of what is live: as big at 12 minutes as at 8.
#[test]
fn steady_traffic_keeps_the_state_bounded() {
    let (sizes, sent, kept, _) = busy_center(&[8, 12]);
    assert_eq!(sent, 720);
    assert!(kept < 600, "ended tasks are deleted: {kept} kept");
    assert!(
        sizes[2] < sizes[1] * 5 / 4,
        "the state does not keep growing: {sizes:?}"
    );
}

/// The figure for the README: an hour at 60 a minute with 50 simulated agents (about two
/// minutes in a debug build, so run on demand:
/// `cargo test -p flex-console-domain --release --test domain an_hour -- --ignored --nocapture`).
#[test]
#[ignore = "slow; run on demand for the figure"]
fn an_hour_of_traffic_keeps_the_state_bounded() {
    let (sizes, sent, kept, waiting) = busy_center(&[15, 30, 45, 60]);
    // What one command of the log weighs (the store keeps at most 500 before folding them
    // into the snapshot): a contact, as the store saves it.
    let c = demo();
    let globex = account(&c, GLOBEX);
    let t = Traffic::start(
        &c,
        &globex,
        TrafficSettings::new(27, inbound(&c, &globex)),
        now(),
    )
    .unwrap();
    let entry = serde_json::json!({
        "actor": Actor::Simulator,
        "at": now(),
        "command": Command::Task { account: globex, change: t.contact(&c, 0).unwrap() },
    })
    .to_string()
    .len();
    println!("traffic hour: a contact's log entry is about {entry} bytes");
    println!(
        "traffic hour: {sent} contacts, {kept} tasks kept ({waiting} waiting); state in bytes at 0, 15, 30, 45, 60 minutes: {sizes:?}"
    );
    assert_eq!(sent, 3_600);
    assert!(sizes[4] < sizes[2] * 5 / 4, "{sizes:?}");
}

#[test]
fn the_simulated_agents_offered_are_those_who_may_take_tasks() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let choices: Vec<WorkerSid> = c.simulated_agent_choices(&globex).map(|w| w.sid).collect();
    let maria = worker_of(&c, &globex, MARIA).sid;
    assert!(
        !choices.contains(&maria),
        "a read-only admin takes no tasks"
    );
    assert!(choices.contains(&worker_of(&c, &globex, HANNAH).sid));
    // Each one offered is accepted, and each one left out refused.
    for w in c.workers(&globex).map(|w| w.sid).collect::<Vec<_>>() {
        let answer = c.check(&Actor::Simulator, &agents_command(globex, vec![w]), now());
        assert_eq!(answer.is_ok(), choices.contains(&w), "{w}");
    }
    ok(&mut c, &Actor::Simulator, agents_command(globex, choices));
}

#[test]
fn traffic_routes_with_the_workflow_chosen_else_the_last() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let ws = c.workspace(&globex).unwrap();
    let first = ws.workflows.first().unwrap().sid;
    assert_eq!(c.traffic_workflow(&globex, None), Ok(inbound(&c, &globex)));
    assert_eq!(c.traffic_workflow(&globex, Some(first)), Ok(first));
    let initech = account(&c, INITECH);
    assert_eq!(
        c.traffic_workflow(&initech, None),
        Err(DomainError::NoFlexInstance)
    );
    // Flex's own workflow cannot be deleted, so a workspace with Flex always has one.
}
