//! Where a task would go and why ("Try a task"): the filter that takes it, each step, the
//! workers offered it in TaskRouter's order and why the others are not. Changes nothing.

use crate::common::*;
use flex_console_domain::*;
use serde_json::json;

const HANNAH: &str = "hannah.becker@globex.example.com";
const MATEO: &str = "mateo.silva@globex.example.com";
const DANIEL: &str = "daniel.wright@globex.example.com";

/// Signs `address` in by SSO (as Flex knows them) and makes them Available.
fn available(c: &mut Console, account: AccountSid, address: &str, roles: &[&str]) {
    let name = c
        .worker_by_identity(&account, &email(address))
        .unwrap()
        .full_name
        .clone();
    let activity = c
        .workspace(&account)
        .unwrap()
        .activities
        .iter()
        .find(|a| a.friendly_name == "Available")
        .unwrap()
        .sid;
    let person = sso(address, &name, roles);
    let login = Command::SsoLogin { account };
    ok(c, &person, login);
    ok(c, &person, Command::SetWorkerActivity { account, activity });
}

fn inbound(c: &Console, account: &AccountSid) -> WorkflowSid {
    c.workspace(account)
        .unwrap()
        .workflows
        .iter()
        .find(|w| w.friendly_name == "Inbound Routing")
        .unwrap()
        .sid
}

fn voice(c: &Console, account: &AccountSid) -> TaskChannelSid {
    c.workspace(account)
        .unwrap()
        .channel_named("voice")
        .unwrap()
        .sid
}

/// Names of the workers offered the task in the step it is in, in order.
fn offered(answer: &RoutingAnswer) -> Vec<String> {
    answer
        .current()
        .map(|s| s.offered().map(|c| c.name.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn a_task_goes_to_the_first_matching_filter_and_is_offered_to_the_available_workers_of_its_queue() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    available(&mut c, globex, MATEO, &["agent"]);
    available(&mut c, globex, DANIEL, &["supervisor"]);
    let before = c.clone();
    let answer = c
        .try_task(
            &globex,
            &inbound(&c, &globex),
            &json!({"language": "es"}),
            &voice(&c, &globex),
            now(),
        )
        .unwrap();
    assert_eq!(c, before, "trying a task changes nothing");
    assert_eq!(
        answer.filter,
        FilterMatch::Filter {
            index: 0,
            label: "Filter 1 (Spanish speakers)".into()
        }
    );
    let step = answer.current().unwrap();
    assert_eq!(step.queue_name, "Spanish");
    assert_eq!(step.outcome, StepOutcome::Offers);
    assert_eq!(step.leaves_at, Some(120));
    // Daniel became Available after Mateo: Mateo has waited longer, so he is first.
    assert_eq!(offered(&answer), ["Mateo Silva", "Daniel Wright"]);
    assert_eq!(answer.steps[1].queue_name, "Everyone");
    assert_eq!(answer.steps[1].outcome, StepOutcome::Later);
    assert_eq!(answer.steps[1].leaves_at, None);
}

#[test]
fn every_other_worker_of_the_queue_is_told_why_not() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    available(&mut c, globex, MATEO, &["agent"]);
    let voice = voice(&c, &globex);
    let mateo = worker_of(&c, &globex, MATEO).sid;
    let switch_off = Command::TaskRouter {
        account: globex,
        change: TaskRouterCommand::SetWorkerChannel {
            worker: mateo,
            channel: voice,
            capacity: 1,
            available: false,
        },
    };
    ok_by(&mut c, LIAM, switch_off);
    let answer = c
        .try_task(
            &globex,
            &inbound(&c, &globex),
            &json!({"type": "support"}),
            &voice,
            now(),
        )
        .unwrap();
    let step = answer.current().unwrap();
    assert_eq!(step.queue_name, "Support");
    assert_eq!(step.outcome, StepOutcome::Waits, "nobody can take it now");
    let why: Vec<(String, String)> = step
        .candidates
        .iter()
        .map(|c| (c.name.clone(), c.not_offered.as_ref().unwrap().to_string()))
        .collect();
    assert_eq!(
        why,
        [
            (
                "Daniel Wright".to_owned(),
                "Offline, not available".to_owned()
            ),
            (
                "Hannah Becker".to_owned(),
                "Offline, not available".to_owned()
            ),
            ("Mateo Silva".to_owned(), "voice switched off".to_owned()),
        ]
    );
}

#[test]
fn a_step_s_expression_and_ordering_decide_who_is_offered_first() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    for (who, roles) in [
        (MATEO, &["agent"][..]),
        (HANNAH, &["agent"]),
        (DANIEL, &["supervisor"]),
    ] {
        available(&mut c, globex, who, roles);
    }
    let voice = voice(&c, &globex);
    // Support orders by level, highest first: Daniel (9), Hannah (7), Mateo (4).
    let answer = c
        .try_task(
            &globex,
            &inbound(&c, &globex),
            &json!({"type": "support"}),
            &voice,
            now(),
        )
        .unwrap();
    assert_eq!(
        offered(&answer),
        ["Daniel Wright", "Hannah Becker", "Mateo Silva"]
    );
    // VIP goes to Support Tier 2 with priority 10, and only to level 9 or more.
    let vip = c
        .try_task(
            &globex,
            &inbound(&c, &globex),
            &json!({"vip": true}),
            &voice,
            now(),
        )
        .unwrap();
    let step = vip.current().unwrap();
    assert_eq!(
        (step.queue_name.as_str(), step.priority),
        ("Support Tier 2", Some(10))
    );
    assert_eq!(offered(&vip), ["Daniel Wright"]);
    let hannah = step
        .candidates
        .iter()
        .find(|c| c.name == "Hannah Becker")
        .unwrap();
    assert_eq!(hannah.not_offered, Some(NotOffered::OutsideExpression));
}

#[test]
fn a_task_no_filter_matches_goes_to_the_default_queue_or_nowhere() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let voice = voice(&c, &globex);
    let answer = c
        .try_task(
            &globex,
            &inbound(&c, &globex),
            &json!({"type": "billing"}),
            &voice,
            now(),
        )
        .unwrap();
    assert_eq!(answer.filter, FilterMatch::Default);
    assert_eq!(answer.steps.len(), 1);
    assert_eq!(answer.steps[0].queue_name, "Everyone");
    let workflow = inbound(&c, &globex);
    let w = c
        .workspace(&globex)
        .unwrap()
        .workflow(&workflow)
        .unwrap()
        .clone();
    let mut spec = w.spec();
    spec.configuration.default_queue = None;
    ok_by(
        &mut c,
        LIAM,
        Command::TaskRouter {
            account: globex,
            change: TaskRouterCommand::UpdateWorkflow {
                workflow,
                spec,
                revision: w.revision.number,
            },
        },
    );
    let answer = c
        .try_task(
            &globex,
            &workflow,
            &json!({"type": "billing"}),
            &voice,
            now(),
        )
        .unwrap();
    assert_eq!(answer.filter, FilterMatch::Nothing);
    assert!(answer.steps.is_empty());
}

#[test]
fn skip_if_moves_a_task_on_when_nobody_can_take_it() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let ws = c.workspace(&globex).unwrap();
    let spanish = ws
        .task_queues
        .iter()
        .find(|q| q.friendly_name == "Spanish")
        .unwrap()
        .sid;
    let everyone = ws.task_queues[0].sid;
    let spec = WorkflowSpec {
        friendly_name: "Skipping".into(),
        task_reservation_timeout: 30,
        configuration: WorkflowConfiguration {
            filters: vec![Filter {
                name: "Spanish".into(),
                expression: "language == 'es'".into(),
                targets: vec![
                    Target {
                        queue: Some(spanish),
                        skip_if: Some("workers.available == 0".into()),
                        ..Target::default()
                    },
                    Target {
                        queue: Some(everyone),
                        ..Target::default()
                    },
                ],
            }],
            default_queue: None,
        },
    };
    ok_by(
        &mut c,
        LIAM,
        Command::TaskRouter {
            account: globex,
            change: TaskRouterCommand::CreateWorkflow { spec },
        },
    );
    let workflow = c
        .workspace(&globex)
        .unwrap()
        .workflows
        .iter()
        .find(|w| w.friendly_name == "Skipping")
        .unwrap()
        .sid;
    let voice = voice(&c, &globex);
    let answer = c
        .try_task(
            &globex,
            &workflow,
            &json!({"language": "es"}),
            &voice,
            now(),
        )
        .unwrap();
    assert_eq!(answer.steps[0].outcome, StepOutcome::Skipped);
    assert_eq!(
        answer.steps[0].skip_if,
        Some(("workers.available == 0".into(), true))
    );
    assert_eq!(answer.steps[1].outcome, StepOutcome::Waits);
    available(&mut c, globex, MATEO, &["agent"]);
    let answer = c
        .try_task(
            &globex,
            &workflow,
            &json!({"language": "es"}),
            &voice,
            now(),
        )
        .unwrap();
    assert_eq!(
        answer.steps[0].outcome,
        StepOutcome::Offers,
        "Skip If only when nobody can take it"
    );
    assert_eq!(offered(&answer), ["Mateo Silva"]);
}

/// Twilio's skills-based routing guide, step by step: create a skill, give it to an agent with
/// a level, create a queue for it and see the agent match, route to it with a workflow
/// filter; a task with matching attributes goes there, others fall to the default queue.
#[test]
fn the_skills_based_routing_guide_works_end_to_end() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let skill = Skill {
        name: "billing".into(),
        multivalue: true,
        minimum: Some(1),
        maximum: Some(5),
    };
    ok_by(
        &mut c,
        MARIA,
        Command::CreateSkill {
            account: acme,
            skill,
        },
    );
    let lucas = worker_of(&c, &acme, "lucas.martin@acme-support.example.com").clone();
    let give = Command::SetAgentSkills {
        account: acme,
        worker: lucas.sid,
        skills: vec!["billing".into()],
        levels: [("billing".to_owned(), 3)].into(),
        revision: lucas.revision.number,
    };
    ok_by(&mut c, MARIA, give);
    let preview = c
        .match_queue_expression(&acme, "routing.skills HAS 'billing'")
        .unwrap();
    assert_eq!(preview.to_string(), "1 worker matches: Lucas Martin");
    let queue = TaskQueueSpec {
        friendly_name: "Billing".into(),
        target_workers: "routing.skills HAS 'billing'".into(),
        max_reserved_workers: 1,
        task_order: TaskOrder::Fifo,
    };
    ok_by(
        &mut c,
        LIAM,
        Command::TaskRouter {
            account: acme,
            change: TaskRouterCommand::CreateTaskQueue { spec: queue },
        },
    );
    let ws = c.workspace(&acme).unwrap();
    let billing = ws
        .task_queues
        .iter()
        .find(|q| q.friendly_name == "Billing")
        .unwrap()
        .sid;
    let everyone = ws.task_queues[0].sid;
    let assign = ws.workflows[0].clone();
    let mut spec = assign.spec();
    spec.configuration.filters.push(Filter {
        name: "Billing".into(),
        expression: "type == 'billing'".into(),
        targets: vec![Target {
            queue: Some(billing),
            ..Target::default()
        }],
    });
    ok_by(
        &mut c,
        LIAM,
        Command::TaskRouter {
            account: acme,
            change: TaskRouterCommand::UpdateWorkflow {
                workflow: assign.sid,
                spec,
                revision: assign.revision.number,
            },
        },
    );
    let voice = voice(&c, &acme);
    let answer = c
        .try_task(
            &acme,
            &assign.sid,
            &json!({"type": "billing"}),
            &voice,
            now(),
        )
        .unwrap();
    assert_eq!(answer.steps[0].queue, Some(billing));
    assert_eq!(
        offered(&answer),
        ["Lucas Martin"],
        "Lucas is Available in the demo"
    );
    let other = c
        .try_task(&acme, &assign.sid, &json!({"type": "sales"}), &voice, now())
        .unwrap();
    assert_eq!(other.filter, FilterMatch::Default);
    assert_eq!(other.steps[0].queue, Some(everyone));
}

#[test]
fn task_attributes_typed_for_a_try_are_one_json_object_and_a_mistake_names_line_and_column() {
    assert_eq!(read_task_attributes("  "), Ok(json!({})));
    assert_eq!(
        read_task_attributes("{\"type\": \"support\"}"),
        Ok(json!({"type": "support"}))
    );
    let said = |text: &str| read_task_attributes(text).unwrap_err().to_string();
    assert_eq!(
        said("{\n  \"type\": support\n}"),
        "The task attributes are not valid JSON at line 2, column 11: expected value."
    );
    assert_eq!(
        said("[1]"),
        "Task attributes: The attributes must be one JSON object, in braces { }."
    );
    let long = format!("{{\"note\": \"{}\"}}", "x".repeat(4_090));
    assert_eq!(
        said(&long),
        "Task attributes: TaskRouter keeps at most 4,096 characters of attributes, whitespace included; these have 4102."
    );
}
