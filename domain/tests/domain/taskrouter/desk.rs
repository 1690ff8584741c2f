//! One worker's work as the agent desktop and Teams ask about it (offers ringing, tasks
//! held, capacity left, presence, which tasks they may look at), and a task told as a person
//! reads it: its path as sentences and why it waits in one line.

use super::center::*;
use crate::common::*;
use flex_console_domain::*;

impl Center {
    /// The worker's desk as (caller, reservation status).
    fn desk(&self, address: &str) -> Vec<(String, ReservationStatus)> {
        self.c
            .worker_tasks(&self.globex, &self.sid(address))
            .iter()
            .map(|d| {
                (
                    d.task.attributes["name"].as_str().unwrap_or("").to_owned(),
                    d.reservation.status,
                )
            })
            .collect()
    }

    fn voice_room(&self, address: &str) -> (u32, u32, u32) {
        let room = self.c.channel_room(&self.globex, &self.sid(address));
        let voice = room.iter().find(|r| r.name == "voice").unwrap();
        (voice.capacity, voice.held, voice.free())
    }
}

#[test]
fn a_desk_shows_offers_ringing_first_then_the_tasks_held_and_what_capacity_is_left() {
    let mut f = Center::new();
    f.set(HANNAH, "Available");
    assert!(f.desk(HANNAH).is_empty(), "no tasks yet");
    assert_eq!(f.voice_room(HANNAH), (1, 0, 1));
    let first = f.call(r#"{"type": "sales", "name": "Ada"}"#);
    assert_eq!(
        f.desk(HANNAH),
        [("Ada".to_owned(), ReservationStatus::Pending)]
    );
    assert_eq!(
        f.voice_room(HANNAH),
        (1, 1, 0),
        "a ringing offer holds capacity"
    );
    f.answer(HANNAH, &first, true);
    f.wait(5);
    // Chat is free beside voice: a chat task rings while she handles the call.
    let ws = f.c.workspace(&f.globex).unwrap();
    let chat = ws.channel_named("chat").unwrap().sid;
    let workflow = f.c.task(&f.globex, &first).unwrap().workflow;
    let liam = user(&f.c, LIAM);
    f.task_change(
        &liam,
        TaskCommand::CreateTask {
            workflow,
            channel: chat,
            attributes: r#"{"type": "sales", "name": "Bo"}"#.into(),
            priority: 0,
            timeout: 600,
            origin: String::new(),
        },
    )
    .unwrap();
    assert_eq!(
        f.desk(HANNAH),
        [
            ("Bo".to_owned(), ReservationStatus::Pending),
            ("Ada".to_owned(), ReservationStatus::Accepted)
        ],
        "the offer ringing comes first"
    );
    let hannah = f.agent(HANNAH);
    f.task_change(&hannah, TaskCommand::WrapUpTask { task: first })
        .unwrap();
    assert_eq!(f.desk(HANNAH)[1].1, ReservationStatus::Wrapping);
    assert_eq!(f.voice_room(HANNAH), (1, 1, 0), "wrapping still holds it");
    f.task_change(&hannah, TaskCommand::CompleteTask { task: first })
        .unwrap();
    assert_eq!(
        f.desk(HANNAH),
        [("Bo".to_owned(), ReservationStatus::Pending)]
    );
    assert_eq!(f.voice_room(HANNAH), (1, 0, 1));
    assert!(f.desk(MATEO).is_empty(), "nobody else's");
}

#[test]
fn a_worker_s_activity_is_available_unavailable_or_offline() {
    let mut f = Center::new();
    let presence = |f: &Center, address: &str| {
        let w = worker_of(&f.c, &f.globex, address);
        f.c.presence(&f.globex, &w.activity)
    };
    assert_eq!(presence(&f, HANNAH), Presence::Offline);
    f.set(HANNAH, "Available");
    assert_eq!(presence(&f, HANNAH), Presence::Available);
    f.set(HANNAH, "Unavailable");
    assert_eq!(presence(&f, HANNAH), Presence::Unavailable);
}

#[test]
fn an_agent_sees_only_the_tasks_offered_to_them_supervisors_and_admins_every_task() {
    let mut f = Center::new();
    f.set(MATEO, "Available");
    let task = f.call(r#"{"type": "support"}"#);
    let roles = |f: &Center, a: &str| worker_of(&f.c, &f.globex, a).flex_roles.clone();
    let mateo = (f.sid(MATEO), roles(&f, MATEO));
    assert!(
        f.c.task_visible_to(&f.globex, &mateo.0, &mateo.1, &task)
            .is_ok()
    );
    let hannah = (f.sid(HANNAH), roles(&f, HANNAH));
    assert_eq!(
        f.c.task_visible_to(&f.globex, &hannah.0, &hannah.1, &task)
            .unwrap_err()
            .to_string(),
        "Agents see only the tasks offered to them, and this one was not offered to you. Supervisors and admins see every task."
    );
    let daniel = (f.sid(DANIEL), roles(&f, DANIEL));
    assert!(
        f.c.task_visible_to(&f.globex, &daniel.0, &daniel.1, &task)
            .is_ok(),
        "a supervisor sees every task"
    );
    let maria = worker_of(&f.c, &f.globex, MARIA);
    assert!(
        f.c.task_visible_to(&f.globex, &maria.sid, &maria.flex_roles, &task)
            .is_ok(),
        "a read-only admin too"
    );
    let gone: TaskSid = "WT00000000000000000000000000000000".parse().unwrap();
    assert_eq!(
        f.c.task_visible_to(&f.globex, &daniel.0, &daniel.1, &gone)
            .unwrap_err(),
        TaskHidden::Unknown
    );
}

#[test]
fn a_task_s_path_reads_as_sentences() {
    let mut f = Center::new();
    f.set(MATEO, "Available");
    f.set(DANIEL, "Available");
    let task = f.call(r#"{"type": "support", "name": "Ada"}"#);
    f.answer(DANIEL, &task, false);
    f.wait(30);
    f.set(DANIEL, "Available");
    let spanish = f.call(r#"{"language": "es", "name": "Bo"}"#);
    f.answer(DANIEL, &spanish, true);
    let said = |f: &Center, t: &TaskSid| -> Vec<String> {
        f.c.task(&f.globex, t)
            .unwrap()
            .path
            .iter()
            .map(|e| e.event.to_string())
            .collect()
    };
    assert_eq!(
        said(&f, &task),
        [
            "Created: Call from +14155550199 to (212) 555-0110",
            "Matched Filter 4 (Support)",
            "Entered step 1: queue Support",
            "Offered to Daniel Wright",
            "Rejected by Daniel Wright",
            "Offered to Mateo Silva",
            "Mateo Silva did not answer in time: the offer timed out",
        ]
    );
    assert_eq!(
        said(&f, &spanish)[1..4],
        [
            "Matched Filter 1 (Spanish speakers)",
            "Entered step 1: queue Spanish",
            "Offered to Daniel Wright",
        ]
    );
    assert_eq!(said(&f, &spanish)[4], "Accepted by Daniel Wright");
    let words = |event: PathEvent| event.to_string();
    assert_eq!(
        words(PathEvent::StepTimedOut { step: 0 }),
        "Left step 1: its timeout was reached"
    );
    assert_eq!(
        words(PathEvent::Skipped { step: 1 }),
        "Left step 2: nobody could take it and its Skip If held"
    );
    assert_eq!(
        words(PathEvent::Defaulted),
        "No filter matched; the Default Task Queue took it"
    );
    assert_eq!(
        words(PathEvent::NotTaken {
            worker: "Ada".into(),
            status: ReservationStatus::Rescinded
        }),
        "Offer to Ada rescinded: another agent accepted first"
    );
    assert_eq!(
        words(PathEvent::Canceled {
            reason: "Task TTL Exceeded".into()
        }),
        "Canceled: Task TTL Exceeded"
    );
}

#[test]
fn an_acceptance_says_how_long_after_the_task_arrived_and_after_the_offer() {
    let mut f = Center::new();
    // The call arrives 0.9 s into a second; nobody is Available.
    f.t = f.t.plus_millis(900);
    let task = f.call(r#"{"type": "support", "name": "Ada"}"#);
    // 8.5 s later Mateo goes Available and is offered it; 3.9 s later he accepts.
    f.t = f.t.plus_millis(8_500);
    f.set(MATEO, "Available");
    f.t = f.t.plus_millis(3_900);
    f.answer(MATEO, &task, true);
    let told = f.c.task(&f.globex, &task).unwrap().told_path();
    let line = |what: &str| told.iter().find(|l| l.what.starts_with(what)).unwrap();
    assert_eq!(line("Created").after, 0);
    // 10:00:00.9 to 10:00:09.4: the times of day read 10:00:00 and 10:00:09, so +0:09.
    assert_eq!(line("Offered to Mateo Silva").after, 9);
    let accepted = line("Accepted by Mateo Silva");
    // 10:00:13.3: 13 seconds after it arrived, 4 after the offer, as the times read.
    assert_eq!(accepted.after, 13);
    assert_eq!(
        accepted.what,
        "Accepted by Mateo Silva, 0:13 after it arrived (0:04 after the offer)"
    );
}

#[test]
fn why_a_task_waits_is_told_in_one_line() {
    let mut f = Center::new();
    // Spanish has Mateo and Daniel; both Offline.
    let first = f.call(r#"{"language": "es", "name": "Ada"}"#);
    let why = |f: &Center, t: &TaskSid| f.c.why_waiting(&f.globex, t, f.t).unwrap().summary();
    assert_eq!(why(&f, &first), "2 agents match Spanish; both are Offline.");
    // Mateo takes the first call; Daniel goes on a break: a second call waits.
    f.set(MATEO, "Available");
    f.answer(MATEO, &first, true);
    f.set(DANIEL, "Unavailable");
    let second = f.call(r#"{"language": "es", "name": "Bo"}"#);
    assert_eq!(
        why(&f, &second),
        "2 agents match Spanish; 1 is busy on voice; 1 is Unavailable."
    );
    f.set(DANIEL, "Available");
    assert_eq!(
        why(&f, &second),
        "2 agents match Spanish; 1 is being offered it now; 1 is busy on voice."
    );
    f.answer(DANIEL, &second, false);
    assert_eq!(
        why(&f, &second),
        "2 agents match Spanish; 1 is busy on voice; 1 already had it and did not take it."
    );
    // Sales has Hannah only.
    let sales = f.call(r#"{"type": "sales"}"#);
    assert_eq!(why(&f, &sales), "1 agent matches Sales; they are Offline.");
    assert!(
        f.c.why_waiting(&f.globex, &first, f.t).is_none(),
        "an assigned task is not waiting"
    );
}

#[test]
fn a_desk_task_offers_the_actions_the_worker_may_take_now() {
    let mut f = Center::new();
    f.set(HANNAH, "Available");
    let task = f.call(r#"{"type": "sales", "name": "Ada"}"#);
    let hannah = f.agent(HANNAH);
    let account = f.globex;
    let offered = |f: &Center| -> Vec<DeskAction> {
        let desk = f.c.worker_tasks(&f.globex, &f.sid(HANNAH));
        let d = desk.first().unwrap();
        let actions = d.actions().to_vec();
        // Every action offered is one the domain accepts now.
        for a in &actions {
            let change = a.command(d.task.sid, d.reservation.sid);
            assert!(
                f.c.check(&hannah, &Command::Task { account, change }, f.t)
                    .is_ok(),
                "{a:?}"
            );
        }
        actions
    };
    assert_eq!(offered(&f), [DeskAction::Accept, DeskAction::Reject]);
    f.answer(HANNAH, &task, true);
    assert_eq!(offered(&f), [DeskAction::WrapUp, DeskAction::Complete]);
    f.run(
        &hannah,
        Command::Task {
            account,
            change: TaskCommand::WrapUpTask { task },
        },
    )
    .unwrap();
    assert_eq!(offered(&f), [DeskAction::Complete]);
}

#[test]
fn a_worker_takes_a_channel_switched_on_with_capacity() {
    let mut f = Center::new();
    let (hannah, account) = (f.sid(HANNAH), f.globex);
    let sms =
        f.c.workspace(&account)
            .unwrap()
            .channel_named("sms")
            .unwrap()
            .sid;
    let takes = |f: &Center, name: &str| {
        f.c.channel_room(&f.globex, &hannah)
            .iter()
            .find(|r| r.name == name)
            .unwrap()
            .takes()
    };
    assert!(takes(&f, "voice"));
    let liam = user(&f.c, LIAM);
    let set = |capacity, available| Command::TaskRouter {
        account,
        change: TaskRouterCommand::SetWorkerChannel {
            worker: hannah,
            channel: sms,
            capacity,
            available,
        },
    };
    f.run(&liam, set(0, true)).unwrap();
    assert!(!takes(&f, "sms"), "no capacity");
    f.run(&liam, set(2, false)).unwrap();
    assert!(!takes(&f, "sms"), "switched off");
    f.run(&liam, set(2, true)).unwrap();
    assert!(takes(&f, "sms"));
}
