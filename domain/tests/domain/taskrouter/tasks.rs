//! Tasks and reservations: a contact arrives, is routed, offered, accepted, wrapped up and
//! completed; offers time out, are rejected or rescinded; steps time out; time is a command.

use super::center::*;
use crate::common::*;
use flex_console_domain::*;

impl Center {
    /// The path in short words, to compare whole.
    fn path(&self, sid: &TaskSid) -> Vec<String> {
        self.task(sid)
            .path
            .iter()
            .map(|e| match &e.event {
                PathEvent::Created { .. } => "created".to_owned(),
                PathEvent::Matched { filter } => format!("matched {filter}"),
                PathEvent::Defaulted => "default queue".to_owned(),
                PathEvent::Entered { queue, .. } => format!("entered {queue}"),
                PathEvent::Skipped { step } => format!("skipped step {}", step + 1),
                PathEvent::StepTimedOut { step } => format!("step {} timed out", step + 1),
                PathEvent::Offered { worker, .. } => format!("offered to {worker}"),
                PathEvent::NotTaken { worker, status } => format!("{status} by {worker}"),
                PathEvent::Accepted { worker } => format!("accepted by {worker}"),
                PathEvent::WrappingUp => "wrapping up".to_owned(),
                PathEvent::Completed => "completed".to_owned(),
                PathEvent::Canceled { reason } => format!("canceled: {reason}"),
            })
            .collect()
    }
}

#[test]
fn a_call_is_routed_offered_accepted_wrapped_up_completed_and_deleted_five_minutes_later() {
    let mut s = Center::new();
    s.set(MATEO, "Available");
    let log = s.c.activity_log().len();
    let task = s.call(r#"{"type": "support", "name": "+14155550199"}"#);
    assert_eq!(s.task(&task).status, TaskStatus::Reserved);
    let offer = s.pending_for(&task, MATEO);
    let mateo = s.agent(MATEO);
    s.wait(5);
    s.task_change(
        &mateo,
        TaskCommand::AcceptReservation { reservation: offer },
    )
    .unwrap();
    assert_eq!(s.task(&task).status, TaskStatus::Assigned);
    let voice =
        s.c.workspace(&s.globex)
            .unwrap()
            .channel_named("voice")
            .unwrap()
            .sid;
    assert_eq!(s.c.held_on(&s.worker(MATEO).sid, &voice), 1);
    s.wait(60);
    s.task_change(&mateo, TaskCommand::WrapUpTask { task })
        .unwrap();
    assert_eq!(s.task(&task).status, TaskStatus::Wrapping);
    assert_eq!(
        s.c.held_on(&s.worker(MATEO).sid, &voice),
        1,
        "wrapping still holds capacity"
    );
    s.task_change(&mateo, TaskCommand::CompleteTask { task })
        .unwrap();
    assert_eq!(s.task(&task).status, TaskStatus::Completed);
    assert_eq!(s.c.held_on(&s.worker(MATEO).sid, &voice), 0);
    assert_eq!(
        s.path(&task),
        [
            "created",
            "matched Filter 4 (Support)",
            "entered Support",
            "offered to Mateo Silva",
            "accepted by Mateo Silva",
            "wrapping up",
            "completed"
        ]
    );
    assert_eq!(
        s.c.activity_log().len(),
        log,
        "tasks keep their own path, not the activity log"
    );
    s.wait(299);
    assert!(
        s.c.task(&s.globex, &task).is_some(),
        "kept five minutes after it ended"
    );
    s.wait(1);
    assert!(
        s.c.task(&s.globex, &task).is_none(),
        "then deleted, as TaskRouter does"
    );
}

#[test]
fn an_offer_left_unanswered_times_out_and_its_worker_goes_offline() {
    let mut s = Center::new();
    s.set(MATEO, "Available");
    let task = s.call(r#"{"type": "support"}"#);
    let offer = s.pending_for(&task, MATEO);
    s.wait(29);
    assert_eq!(
        s.task(&task).status,
        TaskStatus::Reserved,
        "Inbound Routing gives 30 s"
    );
    s.wait(1);
    assert_eq!(s.task(&task).status, TaskStatus::Pending);
    assert_eq!(
        s.task(&task).reservation(&offer).unwrap().status,
        ReservationStatus::Timeout
    );
    assert_eq!(
        s.worker(MATEO).activity,
        s.activity("Offline"),
        "the workspace's timeout activity"
    );
    let mateo = s.agent(MATEO);
    let late = s
        .task_change(
            &mateo,
            TaskCommand::AcceptReservation { reservation: offer },
        )
        .unwrap_err();
    assert_eq!(
        late.to_string(),
        "This offer is timeout already; only a pending offer can be accepted or rejected."
    );
    assert_eq!(s.path(&task)[4], "timeout by Mateo Silva");
}

#[test]
fn a_rejected_task_goes_to_the_next_worker_and_is_not_offered_again_in_that_step() {
    let mut s = Center::new();
    s.set(MATEO, "Available");
    s.set(DANIEL, "Available");
    let task = s.call(r#"{"type": "support"}"#);
    // Support orders by level: Daniel (9) before Mateo (4).
    let offer = s.pending_for(&task, DANIEL);
    let daniel = s.agent(DANIEL);
    s.task_change(
        &daniel,
        TaskCommand::RejectReservation { reservation: offer },
    )
    .unwrap();
    let next = s.pending_for(&task, MATEO);
    let mateo = s.agent(MATEO);
    s.task_change(&mateo, TaskCommand::RejectReservation { reservation: next })
        .unwrap();
    assert_eq!(
        s.task(&task).status,
        TaskStatus::Pending,
        "nobody left who has not said no"
    );
    assert_eq!(
        s.worker(DANIEL).activity,
        s.activity("Available"),
        "rejecting keeps the activity"
    );
    let answer = s.c.why_waiting(&s.globex, &task, s.t).unwrap();
    let why: Vec<String> = answer
        .candidates
        .iter()
        .map(|c| {
            format!(
                "{}: {}",
                c.name,
                c.not_offered
                    .as_ref()
                    .map_or("offered".into(), |n| n.to_string())
            )
        })
        .collect();
    assert_eq!(
        why,
        [
            "Daniel Wright: already offered this task",
            "Hannah Becker: Offline, not available",
            "Mateo Silva: already offered this task"
        ]
    );
}

#[test]
fn a_task_waits_until_a_worker_becomes_available_and_is_then_offered_at_once() {
    let mut s = Center::new();
    let task = s.call(r#"{"type": "sales"}"#);
    assert_eq!(s.task(&task).status, TaskStatus::Pending);
    s.wait(10);
    s.set(HANNAH, "Available");
    assert_eq!(s.task(&task).status, TaskStatus::Reserved);
    s.pending_for(&task, HANNAH);
}

#[test]
fn a_step_ends_at_its_timeout_on_the_task_s_age_and_the_last_one_cancels_the_task() {
    let mut s = Center::new();
    let task = s.call(r#"{"language": "es"}"#);
    assert_eq!(s.task(&task).placement.unwrap().queue, queue(&s, "Spanish"));
    s.wait(119);
    assert_eq!(s.task(&task).placement.unwrap().queue, queue(&s, "Spanish"));
    s.wait(1);
    assert_eq!(
        s.task(&task).placement.unwrap().queue,
        queue(&s, "Everyone"),
        "120 s in Spanish, then Everyone"
    );
    // A workflow whose only step times out: the task passes its final step and is canceled.
    let ws = s.c.workspace(&s.globex).unwrap();
    let sales = queue(&s, "Sales");
    let voice = ws.channel_named("voice").unwrap().sid;
    let spec = WorkflowSpec {
        friendly_name: "Short".into(),
        task_reservation_timeout: 10,
        configuration: WorkflowConfiguration {
            filters: vec![Filter {
                name: "All".into(),
                expression: "1==1".into(),
                targets: vec![Target {
                    queue: Some(sales),
                    timeout: Some(30),
                    ..Target::default()
                }],
            }],
            default_queue: None,
        },
    };
    let liam = user(&s.c, LIAM);
    let account = s.globex;
    s.run(
        &liam,
        Command::TaskRouter {
            account,
            change: TaskRouterCommand::CreateWorkflow { spec },
        },
    )
    .unwrap();
    let short =
        s.c.workspace(&s.globex)
            .unwrap()
            .workflows
            .iter()
            .find(|w| w.friendly_name == "Short")
            .unwrap()
            .sid;
    let doomed = s.create(short, voice, "{}", 86_400);
    s.wait(30);
    assert_eq!(s.task(&doomed).status, TaskStatus::Canceled);
    assert_eq!(
        s.task(&doomed).reason.as_deref(),
        Some("The task passed the final step of its workflow without an accepted reservation")
    );
    let ttl = s.create(short, voice, "{}", 20);
    s.wait(20);
    assert_eq!(s.task(&ttl).reason.as_deref(), Some("Task TTL Exceeded"));
}

fn queue(s: &Center, name: &str) -> TaskQueueSid {
    s.c.workspace(&s.globex)
        .unwrap()
        .task_queues
        .iter()
        .find(|q| q.friendly_name == name)
        .unwrap()
        .sid
}

#[test]
fn with_several_reserved_workers_the_first_to_accept_wins_and_the_others_are_rescinded() {
    let mut s = Center::new();
    let support = queue(&s, "Support");
    let q =
        s.c.workspace(&s.globex)
            .unwrap()
            .queue(&support)
            .unwrap()
            .clone();
    let spec = TaskQueueSpec {
        max_reserved_workers: 3,
        ..q.spec()
    };
    let liam = user(&s.c, LIAM);
    let account = s.globex;
    s.run(
        &liam,
        Command::TaskRouter {
            account,
            change: TaskRouterCommand::UpdateTaskQueue {
                queue: support,
                spec,
                revision: q.revision.number,
            },
        },
    )
    .unwrap();
    for who in [MATEO, DANIEL, HANNAH] {
        s.set(who, "Available");
    }
    let task = s.call(r#"{"type": "support"}"#);
    assert_eq!(s.task(&task).pending().count(), 3);
    let offer = s.pending_for(&task, MATEO);
    let mateo = s.agent(MATEO);
    s.task_change(
        &mateo,
        TaskCommand::AcceptReservation { reservation: offer },
    )
    .unwrap();
    let statuses: Vec<ReservationStatus> = s
        .task(&task)
        .reservations
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|st| **st == ReservationStatus::Rescinded)
            .count(),
        2
    );
    let daniel = s.agent(DANIEL);
    let his = s
        .task(&task)
        .reservations
        .iter()
        .find(|r| r.worker == s.worker(DANIEL).sid)
        .unwrap()
        .sid;
    assert_eq!(
        s.task_change(&daniel, TaskCommand::AcceptReservation { reservation: his })
            .unwrap_err()
            .to_string(),
        "Another agent accepted this task first; the offer was withdrawn."
    );
}

#[test]
fn capacity_is_per_channel_a_busy_voice_agent_still_gets_chat() {
    let mut s = Center::new();
    s.set(HANNAH, "Available");
    let first = s.call(r#"{"type": "sales"}"#);
    let second = s.call(r#"{"type": "sales"}"#);
    s.pending_for(&first, HANNAH);
    assert_eq!(
        s.task(&second).status,
        TaskStatus::Pending,
        "voice capacity 1 is held by the first"
    );
    let ws = s.c.workspace(&s.globex).unwrap();
    let workflow = ws
        .workflows
        .iter()
        .find(|w| w.friendly_name == "Inbound Routing")
        .unwrap()
        .sid;
    let chat = ws.channel_named("chat").unwrap().sid;
    let chat_task = s.create(workflow, chat, r#"{"type": "sales"}"#, 86_400);
    s.pending_for(&chat_task, HANNAH);
    let hannah = s.agent(HANNAH);
    let offer = s.pending_for(&first, HANNAH);
    s.task_change(
        &hannah,
        TaskCommand::RejectReservation { reservation: offer },
    )
    .unwrap();
    assert_eq!(
        s.task(&second).status,
        TaskStatus::Reserved,
        "freed, she is offered the next waiting call"
    );
}

#[test]
fn a_freed_worker_gets_the_highest_priority_then_the_oldest_waiting_task() {
    let mut s = Center::new();
    let normal = s.call(r#"{"type": "support"}"#);
    s.wait(5);
    let vip = s.call(r#"{"vip": true}"#);
    s.wait(5);
    s.set(DANIEL, "Available");
    assert_eq!(
        s.task(&vip).status,
        TaskStatus::Reserved,
        "VIP (priority 10) first, though newer"
    );
    assert_eq!(s.task(&normal).status, TaskStatus::Pending);
}

#[test]
fn only_the_offered_worker_answers_and_read_only_admins_take_no_tasks() {
    let mut s = Center::new();
    s.set(MATEO, "Available");
    let task = s.call(r#"{"type": "support"}"#);
    let offer = s.pending_for(&task, MATEO);
    let hannah = s.agent(HANNAH);
    assert_eq!(
        s.task_change(
            &hannah,
            TaskCommand::AcceptReservation { reservation: offer }
        )
        .unwrap_err()
        .to_string(),
        "This task is offered to another agent, not to you."
    );
    let maria = user(&s.c, MARIA);
    assert_eq!(
        s.task_change(
            &maria,
            TaskCommand::AcceptReservation { reservation: offer }
        )
        .unwrap_err()
        .to_string(),
        "Read-only admins cannot take or handle tasks."
    );
    assert_eq!(
        s.task_change(
            &Actor::Simulator,
            TaskCommand::AcceptReservation { reservation: offer }
        )
        .unwrap_err()
        .to_string(),
        "Simulated traffic answers only for the agents chosen as simulated agents."
    );
    let sofia = user(&s.c, SOFIA);
    let ws = s.c.workspace(&s.globex).unwrap();
    let change = TaskCommand::CreateTask {
        workflow: ws.workflows[0].sid,
        channel: ws.channel_named("voice").unwrap().sid,
        attributes: "{}".into(),
        priority: 0,
        timeout: 60,
        origin: String::new(),
    };
    assert_eq!(
        s.task_change(&sofia, change).unwrap_err().to_string(),
        "Creating tasks needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
    assert_eq!(
        s.task_change(&hannah, TaskCommand::Advance)
            .unwrap_err()
            .to_string(),
        "Moving the clock on needs the Console clock."
    );
}

#[test]
fn a_worker_with_a_task_is_not_deleted_and_queue_stats_count_the_service_level() {
    let mut s = Center::new();
    s.set(MATEO, "Available");
    let task = s.call(r#"{"type": "support"}"#);
    let offer = s.pending_for(&task, MATEO);
    let mateo_sid = s.worker(MATEO).sid;
    let liam = user(&s.c, LIAM);
    let account = s.globex;
    assert_eq!(
        s.run(
            &liam,
            Command::DeleteWorker {
                account,
                worker: mateo_sid
            }
        )
        .unwrap_err()
        .to_string(),
        "Mateo Silva is offered or handling a task now (1); a worker with tasks cannot be deleted until they are done."
    );
    s.wait(25);
    let mateo = s.agent(MATEO);
    s.task_change(
        &mateo,
        TaskCommand::AcceptReservation { reservation: offer },
    )
    .unwrap();
    let (rows, total) = s.c.queue_stats(&s.globex, s.t);
    let support = rows.iter().find(|r| r.name == "Support").unwrap();
    assert_eq!((support.active, support.waiting), (1, 0));
    assert_eq!(support.today.accepted, 1);
    assert_eq!(support.today.within, 0, "25 s is over the 20 s threshold");
    assert_eq!(support.today.service_level(), Some(0));
    assert_eq!(total.active, 1);
}

#[test]
fn the_service_level_counts_accepted_and_abandoned_tasks() {
    let day = QueueDay {
        accepted: 3,
        within: 2,
        canceled: 1,
        ..QueueDay::default()
    };
    assert_eq!(day.counted(), 4);
    assert_eq!(day.service_level(), Some(50));
    assert_eq!(QueueDay::default().counted(), 0);
    assert_eq!(QueueDay::default().service_level(), None);
}
