//! Setting TaskRouter up from the Console: activities, task channels, task queues and
//! workflows, each rule and refusal with its message (asked of `check` first, as `ok` and
//! `refused` do).

use crate::common::*;
use flex_console_domain::*;

fn tr(account: AccountSid, change: TaskRouterCommand) -> Command {
    Command::TaskRouter { account, change }
}

fn queue_spec(name: &str, expression: &str) -> TaskQueueSpec {
    TaskQueueSpec {
        friendly_name: name.into(),
        target_workers: expression.into(),
        max_reserved_workers: 1,
        task_order: TaskOrder::Fifo,
    }
}

fn queue_named(c: &Console, account: &AccountSid, name: &str) -> TaskQueueSid {
    c.workspace(account)
        .unwrap()
        .task_queues
        .iter()
        .find(|q| q.friendly_name == name)
        .unwrap_or_else(|| panic!("no queue {name}"))
        .sid
}

fn activity_named(c: &Console, account: &AccountSid, name: &str) -> ActivitySid {
    c.workspace(account)
        .unwrap()
        .activities
        .iter()
        .find(|a| a.friendly_name == name)
        .unwrap()
        .sid
}

#[test]
fn taskrouter_set_up_needs_manage_products() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let create = tr(
        globex,
        TaskRouterCommand::CreateTaskQueue {
            spec: queue_spec("Billing", "1==1"),
        },
    );
    assert_eq!(
        refused_by(&mut c, SOFIA, create.clone()),
        "Creating task queues needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
    ok_by(&mut c, LIAM, create);
    assert!(
        c.workspace(&globex)
            .unwrap()
            .queue(&queue_named(&c, &globex, "Billing"))
            .is_some()
    );
}

#[test]
fn a_queue_needs_a_unique_name_an_expression_that_parses_and_1_to_50_reserved_workers() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let create = |spec| tr(globex, TaskRouterCommand::CreateTaskQueue { spec });
    assert_eq!(
        refused_by(&mut c, LIAM, create(queue_spec("sales", "1==1"))),
        "There is already a task queue named sales; choose another name."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, create(queue_spec(" ", "1==1"))),
        "Task Queue Name: Enter a name."
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            create(queue_spec("Billing", "routing.skills HAS"))
        ),
        "Queue Expression: column 19: expected a value after HAS"
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            create(queue_spec("Billing", "skill-level > 3"))
        ),
        "Queue Expression: column 6: Hyphens are not supported in TaskRouter expressions"
    );
    assert_eq!(
        refused_by(&mut c, LIAM, create(queue_spec("Billing", ""))),
        "Queue Expression: Enter which workers the queue targets; 1==1 targets every worker."
    );
    let too_many = TaskQueueSpec {
        max_reserved_workers: 51,
        ..queue_spec("Billing", "1==1")
    };
    assert_eq!(
        refused_by(&mut c, LIAM, create(too_many)),
        "Max Reserved Workers: Choose from 1 to 50 workers reserved at once for one task."
    );
}

#[test]
fn a_queue_lists_the_workers_its_expression_targets_and_follows_their_skills() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let names = |c: &Console, queue: &str| -> Vec<String> {
        let sid = queue_named(c, &globex, queue);
        let mut names: Vec<String> = c
            .queue_members(&sid)
            .unwrap()
            .iter()
            .map(|w| c.worker(&globex, w).unwrap().full_name.clone())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(&c, "Sales"), ["Hannah Becker"]);
    assert_eq!(names(&c, "Spanish"), ["Daniel Wright", "Mateo Silva"]);
    assert_eq!(
        names(&c, "Support Tier 2"),
        ["Daniel Wright", "Hannah Becker"]
    );
    assert_eq!(
        c.queue_member_count(&queue_named(&c, &globex, "Everyone")),
        5
    );
    // Giving Mateo sales (by the admin, from Teams) puts him in Sales at once.
    let mateo = worker_of(&c, &globex, "mateo.silva@globex.example.com");
    let give = Command::SetAgentSkills {
        account: globex,
        worker: mateo.sid,
        skills: vec!["support".into(), "spanish".into(), "sales".into()],
        levels: [("support".to_owned(), 4)].into(),
        revision: mateo.revision.number,
    };
    ok_by(&mut c, JAMES, give);
    assert_eq!(names(&c, "Sales"), ["Hannah Becker", "Mateo Silva"]);
    let queues: Vec<&str> = c
        .queues_of_worker(
            &globex,
            &worker_of(&c, &globex, "mateo.silva@globex.example.com").sid,
        )
        .into_iter()
        .map(|q| q.friendly_name.as_str())
        .collect();
    assert_eq!(queues, ["Everyone", "Sales", "Support", "Spanish"]);
}

#[test]
fn which_workers_match_is_answered_as_the_expression_is_typed() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let answer = |text: &str| match c.match_queue_expression(&globex, text) {
        Ok(m) => m.to_string(),
        Err(e) => e,
    };
    assert_eq!(
        answer("routing.skills HAS 'support'"),
        "3 workers match: Daniel Wright, Hannah Becker, Mateo Silva"
    );
    assert_eq!(
        answer("routing.skills HAS 'sales'"),
        "1 worker matches: Hannah Becker"
    );
    assert_eq!(answer("routing.skills HAS 'french'"), "No worker matches");
    assert_eq!(
        answer("1==1"),
        "5 workers match: Daniel Wright, Hannah Becker, James Chen, …"
    );
    assert_eq!(
        answer("routing.skills HAS"),
        "column 19: expected a value after HAS"
    );
    let many = QueueMatch {
        count: 15_000,
        first: vec!["Ada Abbott".into(), "Ada Adams".into(), "Ada Ali".into()],
    };
    assert_eq!(
        many.to_string(),
        "15,000 workers match: Ada Abbott, Ada Adams, Ada Ali, …"
    );
}

#[test]
fn a_step_s_expression_is_answered_within_its_queue_as_it_is_typed() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let support = queue_named(&c, &globex, "Support");
    let answer = |text: &str| match c.match_step_expression(&globex, &support, text, now()) {
        Ok(m) => m.to_string(),
        Err(e) => e,
    };
    assert_eq!(
        answer(""),
        "3 workers match: Daniel Wright, Hannah Becker, Mateo Silva (of 3 in the queue)"
    );
    assert_eq!(
        answer("worker.routing.levels.support >= 7"),
        "2 workers match: Daniel Wright, Hannah Becker (of 3 in the queue)"
    );
    assert_eq!(
        answer("worker.routing.levels.support > 9"),
        "No worker matches (of 3 in the queue)"
    );
    assert_eq!(
        answer("worker.activity_name == 'Offline'"),
        "3 workers match: Daniel Wright, Hannah Becker, Mateo Silva (of 3 in the queue)",
        "a step reads the worker's activity too"
    );
    assert_eq!(
        answer("task.language == worker.language"),
        "Depends on the task's attributes: try a task to see whom it reaches"
    );
    assert_eq!(
        answer("routing.skills HAS 'x'"),
        "column 1: expected task. or worker. before routing.skills: a routing step's expression names whose attribute it reads (task.routing.skills or worker.routing.skills)"
    );
}

#[test]
fn a_queue_a_workflow_routes_to_cannot_be_deleted_and_says_which_workflow() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let sales = queue_named(&c, &globex, "Sales");
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            tr(globex, TaskRouterCommand::DeleteTaskQueue { queue: sales })
        ),
        "The task queue Sales is used by the workflow Inbound Routing. Route it to another queue first."
    );
    let everyone = queue_named(&c, &globex, "Everyone");
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            tr(
                globex,
                TaskRouterCommand::DeleteTaskQueue { queue: everyone }
            )
        ),
        "The task queue Everyone is the task queue Flex is configured with. Flex needs it."
    );
    ok_by(
        &mut c,
        LIAM,
        tr(
            globex,
            TaskRouterCommand::CreateTaskQueue {
                spec: queue_spec("Unused", "1==1"),
            },
        ),
    );
    let unused = queue_named(&c, &globex, "Unused");
    ok_by(
        &mut c,
        LIAM,
        tr(globex, TaskRouterCommand::DeleteTaskQueue { queue: unused }),
    );
    assert!(c.workspace(&globex).unwrap().queue(&unused).is_none());
    assert!(
        c.queue_members(&unused).is_none(),
        "its members are forgotten"
    );
}

#[test]
fn a_save_over_a_newer_change_to_a_queue_names_who_made_it() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let sales = queue_named(&c, &globex, "Sales");
    let seen = c
        .workspace(&globex)
        .unwrap()
        .queue(&sales)
        .unwrap()
        .revision
        .number;
    let update = |spec, revision| {
        tr(
            globex,
            TaskRouterCommand::UpdateTaskQueue {
                queue: sales,
                spec,
                revision,
            },
        )
    };
    ok_by(
        &mut c,
        JAMES,
        update(
            queue_spec("Sales", "routing.skills HAS 'sales' OR 1==0"),
            seen,
        ),
    );
    let message = refused_by(&mut c, LIAM, update(queue_spec("Sales EMEA", "1==1"), seen));
    assert_eq!(
        message,
        "James Chen changed this task queue at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
}

#[test]
fn activities_are_unique_and_go_only_when_nobody_is_in_them_and_nothing_points_to_them() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let create = |name: &str, available| {
        tr(
            acme,
            TaskRouterCommand::CreateActivity {
                friendly_name: name.into(),
                available,
            },
        )
    };
    assert_eq!(
        refused_by(&mut c, LIAM, create("available", true)),
        "There is already an activity named available; choose another name."
    );
    ok_by(&mut c, LIAM, create("Break", false));
    let brk = activity_named(&c, &acme, "Break");
    assert!(
        !c.workspace(&acme)
            .unwrap()
            .activity(&brk)
            .unwrap()
            .available
    );
    let available = activity_named(&c, &acme, "Available");
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            tr(
                acme,
                TaskRouterCommand::DeleteActivity {
                    activity: available
                }
            )
        ),
        "The activity Available has workers in it (Lucas Martin is). Move them to another activity first."
    );
    let offline = activity_named(&c, &acme, "Offline");
    ok_by(
        &mut c,
        LIAM,
        tr(
            acme,
            TaskRouterCommand::SetWorkspaceActivities {
                default_activity: offline,
                timeout_activity: brk,
            },
        ),
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            tr(acme, TaskRouterCommand::DeleteActivity { activity: brk })
        ),
        "The activity Break is the workspace's timeout activity, where a worker goes when a reservation times out. Choose another timeout activity first."
    );
    let unavailable = activity_named(&c, &acme, "Unavailable");
    ok_by(
        &mut c,
        LIAM,
        tr(
            acme,
            TaskRouterCommand::DeleteActivity {
                activity: unavailable,
            },
        ),
    );
    assert!(c.workspace(&acme).unwrap().activity(&unavailable).is_none());
}

#[test]
fn custom_task_channels_follow_taskrouter_s_name_rule_and_the_built_in_ones_stay() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let create = |name: &str| {
        tr(
            acme,
            TaskRouterCommand::CreateTaskChannel {
                unique_name: name.into(),
                friendly_name: String::new(),
            },
        )
    };
    assert_eq!(
        refused_by(&mut c, LIAM, create("2way")),
        "Unique Name: 2way must not start with a digit (TaskRouter's rule for channel names)."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, create("video-call")),
        "Unique Name: video-call may hold only letters, digits, _ and $ (TaskRouter's rule for channel names)."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, create("Voice")),
        "There is already a task channel named Voice; choose another name."
    );
    ok_by(&mut c, LIAM, create("video"));
    let ws = c.workspace(&acme).unwrap();
    let video = ws.channel_named("video").unwrap().sid;
    let voice = ws.channel_named("voice").unwrap().sid;
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            tr(
                acme,
                TaskRouterCommand::DeleteTaskChannel { channel: voice }
            )
        ),
        "The task channel voice is one of the five Flex creates. Flex's own channels cannot be deleted."
    );
    ok_by(
        &mut c,
        LIAM,
        tr(
            acme,
            TaskRouterCommand::DeleteTaskChannel { channel: video },
        ),
    );
    for n in 0..10 {
        ok_by(&mut c, LIAM, create(&format!("custom{n}")));
    }
    assert_eq!(
        refused_by(&mut c, LIAM, create("onemore")),
        "A workspace holds at most 15 task channels, the five built-in ones included; delete one first."
    );
}

#[test]
fn a_workflow_s_every_expression_and_queue_is_checked_and_named_by_filter_and_step() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let sales = queue_named(&c, &globex, "Sales");
    let spec = |filters| WorkflowSpec {
        friendly_name: "Test".into(),
        task_reservation_timeout: 120,
        configuration: WorkflowConfiguration {
            filters,
            default_queue: None,
        },
    };
    let create = |spec| tr(globex, TaskRouterCommand::CreateWorkflow { spec });
    let filter = |expression: &str, targets| Filter {
        name: "Sales".into(),
        expression: expression.into(),
        targets,
    };
    let step = |queue, expression: Option<&str>| Target {
        queue,
        expression: expression.map(str::to_owned),
        ..Target::default()
    };
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            create(spec(vec![filter("type ==", vec![step(Some(sales), None)])]))
        ),
        "Filter 1 (Sales), Matching Tasks: column 8: expected a value after =="
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            create(spec(vec![filter(
                "type == 'sales'",
                vec![step(None, None)]
            )]))
        ),
        "Filter 1 (Sales), step 1, Task Queue: Choose the task queue of the first step (later steps may keep it)."
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            create(spec(vec![filter(
                "type == 'sales'",
                vec![step(Some(sales), Some("routing.skills HAS 'sales'"))]
            )]))
        ),
        "Filter 1 (Sales), step 1, Expression: column 1: expected task. or worker. before routing.skills: a routing step's expression names whose attribute it reads (task.routing.skills or worker.routing.skills)"
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            create(spec(vec![filter("type == 'sales'", vec![])]))
        ),
        "Filter 1 (Sales): Add a routing step: a filter routes through its steps."
    );
    let timeout = WorkflowSpec {
        task_reservation_timeout: 0,
        ..spec(vec![])
    };
    assert_eq!(
        refused_by(&mut c, LIAM, create(timeout)),
        "Task Reservation Timeout: Choose from 1 to 86,400 seconds (a day)."
    );
    ok_by(
        &mut c,
        LIAM,
        create(spec(vec![filter(
            "type == 'sales'",
            vec![step(Some(sales), None)],
        )])),
    );
}

#[test]
fn flex_s_own_workflow_stays() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let workflow = c.workspace(&acme).unwrap().workflows[0].sid;
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            tr(acme, TaskRouterCommand::DeleteWorkflow { workflow })
        ),
        "The workflow Assign To Anyone is the workflow Flex is configured with. Flex needs it."
    );
}

#[test]
fn the_configuration_json_is_twilio_s_shape_and_a_mistake_names_its_line_and_column() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let ws = c.workspace(&globex).unwrap();
    let inbound = ws
        .workflows
        .iter()
        .find(|w| w.friendly_name == "Inbound Routing")
        .unwrap();
    let json = inbound.configuration.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &value["task_routing"]["filters"][0];
    assert_eq!(first["filter_friendly_name"], "Spanish speakers");
    assert_eq!(first["expression"], "language == 'es'");
    assert_eq!(first["targets"][0]["timeout"], 120);
    assert_eq!(
        value["task_routing"]["default_filter"]["queue"],
        ws.task_queues[0].sid.to_string()
    );
    assert_eq!(
        WorkflowConfiguration::from_json(&json).unwrap(),
        inbound.configuration,
        "the JSON view and the form are one value"
    );
    let broken = "{\n  \"task_routing\": {\n    \"filters\": [\n      {\"expression\": \"1==1\", \"targets\": [{\"queue\": \"WQ1\"}]}\n    ]\n  }\n}";
    let error = WorkflowConfiguration::from_json(broken).unwrap_err();
    assert_eq!((error.line, error.column), (4, 57));
    assert!(
        error
            .to_string()
            .starts_with("line 4, column 57: \"WQ1\" is not a valid task queue SID"),
        "{error}"
    );
    let typo = "{\"task_routing\": {\"filters\": [{\"expression\": \"1==1\", \"tiemout\": 5}]}}";
    let error = WorkflowConfiguration::from_json(typo).unwrap_err();
    assert!(error.message.contains("unknown field `tiemout`"), "{error}");
    let text = "{\"task_routing\": {\"filters\": [{\"expression\": \"1==1\", \"targets\": [{\"queue\": \"WQ00000000000000000000000000000000\", \"priority\": \"10\"}]}]}}";
    let read = WorkflowConfiguration::from_json(text).unwrap();
    assert_eq!(
        read.filters[0].targets[0].priority,
        Some(10),
        "Twilio writes priority as text too"
    );
}

#[test]
fn a_workspace_saved_before_taskrouter_could_be_set_up_reads_as_flex_provisioned_it() {
    let c = demo();
    let acme = account(&c, ACME);
    let mut value: serde_json::Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    let ws = &mut value["accounts"][acme.to_string()]["flex"]["workspace"];
    let queue = ws["task_queues"][0].clone();
    let workflow = ws["workflows"][0].clone();
    let object = ws.as_object_mut().unwrap();
    for key in [
        "task_queues",
        "workflows",
        "default_activity",
        "timeout_activity",
    ] {
        object.remove(key);
    }
    object.insert(
        "task_queue".into(),
        serde_json::json!({"sid": queue["sid"], "friendly_name": "Everyone", "target_workers": "1==1"}),
    );
    object.insert(
        "workflow".into(),
        serde_json::json!({"sid": workflow["sid"], "friendly_name": "Assign To Anyone"}),
    );
    for channel in object["task_channels"].as_array_mut().unwrap() {
        channel.as_object_mut().unwrap().remove("friendly_name");
    }
    let old = Console::from_json(&value.to_string()).expect("the old shape reads");
    assert_eq!(old, c, "it reads as what Flex provisioned");
}

#[test]
fn import_refuses_a_workspace_the_commands_would_refuse() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let mut value: serde_json::Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    value["accounts"][globex.to_string()]["flex"]["workspace"]["task_queues"][1]["target_workers"] =
        serde_json::json!("routing.skills HAS");
    let error = Console::from_json(&value.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("workspace.task_queues[1].target_workers")
            && error.contains("column 19: expected a value after HAS"),
        "{error}"
    );
}
