//! Contacts that arrive: a Studio flow's Send to Flex step (set, checked, provisioned, read
//! from old saves), Conversations addresses, and a simulated call or message becoming a task
//! through the flow, or saying why it does not.

use crate::common::*;
use flex_console_domain::taskrouter::TaskEvent;
use flex_console_domain::*;

struct Globex {
    c: Console,
    globex: AccountSid,
}

impl Globex {
    fn new() -> Globex {
        let c = demo();
        let globex = account(&c, GLOBEX);
        Globex { c, globex }
    }

    fn flex(&self) -> &FlexInstance {
        self.c.account(&self.globex).unwrap().flex.as_ref().unwrap()
    }

    fn flow(&self, name: &str) -> &StudioFlow {
        self.flex()
            .studio_flows
            .iter()
            .find(|f| f.friendly_name == name)
            .unwrap()
    }

    fn workflow(&self, name: &str) -> WorkflowSid {
        let ws = &self.flex().workspace;
        ws.workflows
            .iter()
            .find(|w| w.friendly_name == name)
            .unwrap()
            .sid
    }

    fn channel(&self, name: &str) -> TaskChannelSid {
        self.flex().workspace.channel_named(name).unwrap().sid
    }

    fn number(&self, e164: &str) -> PhoneNumberSid {
        let numbers = &self.c.account(&self.globex).unwrap().phone_numbers;
        numbers
            .values()
            .find(|n| n.phone_number == e164)
            .unwrap()
            .sid
    }

    fn address(&self, address: &str) -> AddressSid {
        self.flex()
            .addresses
            .iter()
            .find(|a| a.address == address)
            .unwrap()
            .sid
    }

    fn call(&mut self, number: &str, from: &str, extra: &str) -> Result<Event, DomainError> {
        let number = self.number(number);
        self.task(TaskCommand::SimulateCall {
            number,
            from: from.into(),
            extra: extra.into(),
        })
    }

    fn task(&mut self, change: TaskCommand) -> Result<Event, DomainError> {
        let liam = user(&self.c, LIAM);
        let command = Command::Task {
            account: self.globex,
            change,
        };
        let asked = self.c.check(&liam, &command, now());
        let applied = self.c.apply(&liam, command, now());
        assert_eq!(asked, applied.as_ref().map(drop).map_err(Clone::clone));
        applied
    }

    fn created(&self, event: &Event) -> &Task {
        let EventKind::Task {
            change: TaskEvent::Created { task },
        } = &event.kind
        else {
            panic!("{event:?}")
        };
        self.c.task(&self.globex, task).unwrap()
    }

    fn set_step(&mut self, flow: &str, step: Option<SendToFlex>) -> Result<Event, DomainError> {
        let flow = self.flow(flow).sid;
        let command = Command::SetSendToFlex {
            account: self.globex,
            flow,
            step,
        };
        let liam = user(&self.c, LIAM);
        let asked = self.c.check(&liam, &command, now());
        let applied = self.c.apply(&liam, command, now());
        assert_eq!(asked, applied.as_ref().map(drop).map_err(Clone::clone));
        applied
    }

    fn voice_step(&self) -> SendToFlex {
        self.flow("Voice IVR").send_to_flex.clone().unwrap()
    }
}

// ---------- Send to Flex ----------

#[test]
fn provisioning_gives_each_flow_a_send_to_flex_step_to_the_target_workflow() {
    let g = Globex::new();
    let acme = account(&g.c, ACME);
    let flex = g.c.account(&acme).unwrap().flex.as_ref().unwrap();
    let target = flex.config.taskrouter_target_workflow_sid;
    let channel = |n: &str| flex.workspace.channel_named(n).unwrap().sid;
    let steps: Vec<_> = flex
        .studio_flows
        .iter()
        .map(|f| (f.friendly_name.as_str(), f.send_to_flex.clone().unwrap()))
        .collect();
    assert_eq!(steps.len(), 3);
    for (name, step) in &steps {
        assert_eq!(step.workflow, target, "{name}");
        assert_eq!((step.priority, step.timeout), (0, 86_400), "{name}");
    }
    assert_eq!(steps[0].0, "Voice IVR");
    assert_eq!(steps[0].1.channel, channel("voice"));
    assert_eq!(
        steps[0].1.attributes,
        r#"{"type":"inbound","name":"{{trigger.call.From}}"}"#
    );
    assert_eq!(steps[1].1.channel, channel("sms"));
    assert_eq!(steps[2].1.channel, channel("chat"));
    assert!(steps[2].1.attributes.contains("{{trigger.message.From}}"));
}

#[test]
fn the_demo_voice_ivr_sends_to_inbound_routing() {
    let g = Globex::new();
    let step = g.voice_step();
    assert_eq!(step.workflow, g.workflow("Inbound Routing"));
    assert_eq!(step.channel, g.channel("voice"));
}

#[test]
fn an_old_saved_flow_reads_without_a_step_and_an_old_step_with_its_defaults() {
    let old: StudioFlow = serde_json::from_str(
        r#"{"sid":"FW0123456789abcdef0123456789abcdef","friendly_name":"Voice IVR"}"#,
    )
    .unwrap();
    assert_eq!(old.send_to_flex, None);
    let g = Globex::new();
    let step: SendToFlex = serde_json::from_value(serde_json::json!({
        "workflow": g.workflow("Inbound Routing"),
        "channel": g.channel("voice"),
    }))
    .unwrap();
    assert_eq!((step.priority, step.timeout), (0, 86_400));
    assert_eq!(step.attributes, "");
}

#[test]
fn a_step_is_saved_with_a_workflow_and_channel_of_the_workspace_and_good_values() {
    let mut g = Globex::new();
    let mut step = g.voice_step();
    step.priority = 5;
    step.timeout = 600;
    step.attributes = r#"{"type":"support","from":"{{trigger.call.From}}"}"#.into();
    g.set_step("Voice IVR", Some(step.clone())).unwrap();
    assert_eq!(g.voice_step(), step);

    let mut gone = step.clone();
    gone.workflow = "WW00000000000000000000000000000000".parse().unwrap();
    let e = g.set_step("Voice IVR", Some(gone)).unwrap_err().to_string();
    assert!(
        e.contains("does not exist (it may have been deleted)"),
        "{e}"
    );

    let mut long = step.clone();
    long.attributes = format!(r#"{{"note":"{}"}}"#, "x".repeat(1_020));
    let e = g.set_step("Voice IVR", Some(long)).unwrap_err().to_string();
    assert!(e.contains("at most 1,024 characters"), "{e}");

    let mut unknown = step.clone();
    unknown.attributes = r#"{"name":"{{trigger.call.Caller}}"}"#.into();
    let e = g
        .set_step("Voice IVR", Some(unknown))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("{{trigger.call.Caller}} is not a variable"),
        "{e}"
    );

    let mut unclosed = step.clone();
    unclosed.attributes = r#"{"name":"{{trigger.call.From"}"#.into();
    let e = g
        .set_step("Voice IVR", Some(unclosed))
        .unwrap_err()
        .to_string();
    assert!(e.contains("has no closing"), "{e}");

    let mut not_json = step.clone();
    not_json.attributes = r#"{"name":{{trigger.call.From}}}"#.into();
    let e = g
        .set_step("Voice IVR", Some(not_json))
        .unwrap_err()
        .to_string();
    assert!(e.contains("not JSON once filled in"), "{e}");

    let mut ttl = step.clone();
    ttl.timeout = 1_209_601;
    let e = g.set_step("Voice IVR", Some(ttl)).unwrap_err().to_string();
    assert!(e.contains("two weeks"), "{e}");
    assert_eq!(g.voice_step(), step, "a refused step changes nothing");

    // Billing managers do not manage Studio.
    let flow = g.flow("Voice IVR").sid;
    let globex = g.globex;
    let mut c = g.c;
    let e = refused_by(
        &mut c,
        SOFIA,
        Command::SetSendToFlex {
            account: globex,
            flow,
            step: None,
        },
    );
    assert!(!e.is_empty());
}

// ---------- simulated calls ----------

#[test]
fn a_call_to_a_number_routed_to_voice_ivr_becomes_a_task_with_the_caller_filled_in() {
    let mut g = Globex::new();
    let event = g
        .call("+12125550110", "+14155550199", r#"{"language":"es"}"#)
        .unwrap();
    let task = g.created(&event).clone();
    assert_eq!(task.workflow, g.workflow("Inbound Routing"));
    assert_eq!(task.channel, g.channel("voice"));
    assert_eq!(task.text("type"), Some("inbound"));
    assert_eq!(task.text("name"), Some("+14155550199"));
    assert_eq!(
        task.text("language"),
        Some("es"),
        "extra attributes are added"
    );
    assert_eq!(task.timeout, 86_400);
    let PathEvent::Created { origin } = &task.path[0].event else {
        panic!("{:?}", task.path)
    };
    assert_eq!(origin, "Call from +14155550199 to (212) 555-0110");
    assert!(
        task.path.iter().any(|e| e.event
            == PathEvent::Matched {
                filter: "Filter 1 (Spanish speakers)".into()
            })
            || format!("{:?}", task.path).contains("Spanish"),
        "routed by Inbound Routing: {:?}",
        task.path
    );
}

#[test]
fn a_call_says_why_it_makes_no_task() {
    let mut g = Globex::new();
    let e = g
        .call("+13125550120", "+14155550199", "")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "(312) 555-0120 is not routed to a Studio flow, so the call reaches no flow and no task is created. Choose a flow for it on the Phone Numbers page."
    );
    let e = g
        .call("+12125550110", "4155550199", "")
        .unwrap_err()
        .to_string();
    assert!(e.contains("E.164"), "{e}");
    let e = g
        .call("+12125550110", "+14155550199", "[1]")
        .unwrap_err()
        .to_string();
    assert!(e.contains("one JSON object"), "{e}");

    g.set_step("Voice IVR", None).unwrap();
    let e = g
        .call("+12125550110", "+14155550199", "")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "The Studio flow Voice IVR has no Send to Flex step, so the call ends in the flow and no task is created. Add the step on the Studio page."
    );
    assert!(!g.c.has_tasks(), "no task was created");
}

#[test]
fn a_step_whose_workflow_was_deleted_fails_to_create_the_task() {
    let mut g = Globex::new();
    // A workflow of its own, then deleted.
    let liam = user(&g.c, LIAM);
    let everyone = g.flex().workspace.task_queues[0].sid;
    let spec = WorkflowSpec {
        friendly_name: "Night".into(),
        task_reservation_timeout: 120,
        configuration: WorkflowConfiguration {
            filters: vec![],
            default_queue: Some(everyone),
        },
    };
    let globex = g.globex;
    let event = ok(
        &mut g.c,
        &liam,
        Command::TaskRouter {
            account: globex,
            change: TaskRouterCommand::CreateWorkflow { spec },
        },
    );
    let EventKind::TaskRouter {
        change: TaskRouterEvent::WorkflowCreated { workflow, .. },
    } = event.kind
    else {
        panic!()
    };
    let mut step = g.voice_step();
    step.workflow = workflow;
    g.set_step("Voice IVR", Some(step)).unwrap();
    ok(
        &mut g.c,
        &liam,
        Command::TaskRouter {
            account: globex,
            change: TaskRouterCommand::DeleteWorkflow { workflow },
        },
    );
    let e = g
        .call("+12125550110", "+14155550199", "")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(
            "The Send to Flex step of Voice IVR routes with a workflow that no longer exists"
        ),
        "{e}"
    );
}

#[test]
fn who_may_simulate_a_call() {
    let g = Globex::new();
    let number = g.number("+12125550110");
    let globex = g.globex;
    let call = || Command::Task {
        account: globex,
        change: TaskCommand::SimulateCall {
            number,
            from: "+14155550199".into(),
            extra: String::new(),
        },
    };
    let james = user(&g.c, JAMES);
    assert!(g.c.check(&james, &call(), now()).is_ok(), "an Owner may");
    let e =
        g.c.check(&user(&g.c, SOFIA), &call(), now())
            .unwrap_err()
            .to_string();
    assert!(
        e.contains("needs the Owner, Administrator or Developer role"),
        "a Billing Manager may not: {e}"
    );
    let e =
        g.c.check(&user(&g.c, MARIA), &call(), now())
            .unwrap_err()
            .to_string();
    assert!(
        e.contains("needs the Owner, Administrator or Developer role"),
        "nor Support: {e}"
    );
    assert!(g.c.check(&Actor::Simulator, &call(), now()).is_ok());
    assert!(g.c.check(&Actor::Clock, &call(), now()).is_err());
}

// ---------- Conversations addresses ----------

#[test]
fn addresses_are_a_number_of_the_account_or_a_chat_name_each_once() {
    let mut g = Globex::new();
    let globex = g.globex;
    let webchat = g.flow("Webchat Flow").sid;
    let messaging = g.flow("Messaging Flow").sid;
    let create = |kind, address: &str, flow| Command::CreateAddress {
        account: globex,
        address_type: kind,
        address: address.into(),
        flow,
    };
    // The demo's chat address.
    assert_eq!(g.flex().addresses.len(), 1);
    assert_eq!(g.flex().addresses[0].studio_flow, Some(webchat));

    let sms = ok_by(
        &mut g.c,
        LIAM,
        create(AddressType::Sms, "+13125550120", Some(messaging)),
    );
    assert!(matches!(sms.kind, EventKind::AddressCreated { .. }));
    let e = refused_by(
        &mut g.c,
        LIAM,
        create(AddressType::Sms, "+13125550120", None),
    );
    assert!(e.contains("exists already"), "{e}");
    let e = refused_by(
        &mut g.c,
        LIAM,
        create(AddressType::Sms, "+14155550177", None),
    );
    assert!(e.contains("not a phone number of this account"), "{e}");
    let e = refused_by(
        &mut g.c,
        LIAM,
        create(AddressType::Whatsapp, "4155550177", None),
    );
    assert!(e.contains("E.164"), "{e}");
    ok_by(
        &mut g.c,
        LIAM,
        create(AddressType::Whatsapp, "+13125550120", None),
    );
    assert_eq!(g.address("whatsapp:+13125550120").as_str().len(), 34);
    let e = refused_by(
        &mut g.c,
        LIAM,
        create(AddressType::Chat, "globex WEB chat", None),
    );
    assert!(e.contains("exists already"), "names ignore case: {e}");
    let e = refused_by(
        &mut g.c,
        LIAM,
        create(AddressType::Chat, &"n".repeat(65), None),
    );
    assert!(e.contains("at most 64"), "{e}");
    let e = refused_by(&mut g.c, LIAM, create(AddressType::Chat, "  ", None));
    assert!(e.contains("name"), "{e}");

    // A number used by an address is not released.
    let number = g.number("+13125550120");
    let e = refused_by(
        &mut g.c,
        LIAM,
        Command::ReleasePhoneNumber {
            account: globex,
            number,
        },
    );
    assert!(e.contains("is the Conversations address"), "{e}");

    // Route, delete.
    let sms = g.address("+13125550120");
    ok_by(
        &mut g.c,
        LIAM,
        Command::RouteAddress {
            account: globex,
            address: sms,
            flow: None,
        },
    );
    assert_eq!(
        g.flex()
            .addresses
            .iter()
            .find(|a| a.sid == sms)
            .unwrap()
            .studio_flow,
        None
    );
    ok_by(
        &mut g.c,
        LIAM,
        Command::DeleteAddress {
            account: globex,
            address: sms,
        },
    );
    assert!(g.flex().addresses.iter().all(|a| a.sid != sms));
    let e = refused_by(
        &mut g.c,
        LIAM,
        Command::DeleteAddress {
            account: globex,
            address: sms,
        },
    );
    assert!(e.contains("Conversations address"), "{e}");
}

#[test]
fn a_message_to_an_address_becomes_a_task_through_its_flow() {
    let mut g = Globex::new();
    let chat = g.address("Globex web chat");
    let event = g
        .task(TaskCommand::SimulateMessage {
            address: chat,
            from: "Ana".into(),
            body: "Hola".into(),
            extra: r#"{"language":"es"}"#.into(),
        })
        .unwrap();
    let task = g.created(&event).clone();
    assert_eq!(task.channel, g.channel("chat"));
    assert_eq!(task.text("name"), Some("Ana"));
    assert_eq!(task.text("channelType"), Some("chat"));
    let PathEvent::Created { origin } = &task.path[0].event else {
        panic!()
    };
    assert_eq!(origin, "Chat from Ana to Globex web chat");

    let e = g
        .task(TaskCommand::SimulateMessage {
            address: chat,
            from: String::new(),
            body: String::new(),
            extra: String::new(),
        })
        .unwrap_err()
        .to_string();
    assert!(e.contains("sender's name"), "{e}");

    // Deleting the flow leaves the address unrouted, and a message then says so.
    let webchat = g.flow("Webchat Flow").sid;
    let globex = g.globex;
    let event = ok_by(
        &mut g.c,
        LIAM,
        Command::DeleteStudioFlow {
            account: globex,
            flow: webchat,
        },
    );
    let EventKind::StudioFlowDeleted {
        addresses_unrouted, ..
    } = &event.kind
    else {
        panic!()
    };
    assert_eq!(addresses_unrouted, &vec!["Globex web chat".to_owned()]);
    let e = g
        .task(TaskCommand::SimulateMessage {
            address: chat,
            from: "Ana".into(),
            body: String::new(),
            extra: String::new(),
        })
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "The Chat address Globex web chat hands its messages to no Studio flow, so no task is created. Choose a flow for it on the Conversations addresses page."
    );
}

#[test]
fn the_state_with_addresses_and_steps_reads_back_and_validates() {
    let g = Globex::new();
    let text = serde_json::to_string(&g.c).unwrap();
    let back = Console::from_json(&text).unwrap();
    assert_eq!(
        back.account(&g.globex).unwrap().flex,
        g.c.account(&g.globex).unwrap().flex
    );
}
