//! The demo's routed contact center, in Globex Contact Center: what Twilio's skills-based
//! routing guide sets up. Skills in the Flex catalogue, given to agents with levels; queues
//! whose expressions use them; a workflow whose filters route by language, type and VIP,
//! with a timeout into an overflow step, and "Everyone" as the Default Task Queue.

use crate::command::Command;
use crate::event::EventKind;
use crate::flex::address::AddressType;
use crate::flex::skills::Skill;
use crate::identity::actor::Actor;
use crate::products::studio::{DEFAULT_VOICE_ATTRIBUTES, SendToFlex};
use crate::scenarios::demo::Builder;
use crate::sid::{AccountSid, TaskQueueSid, WorkerSid};
use crate::taskrouter::command::TaskRouterCommand;
use crate::taskrouter::event::TaskRouterEvent;
use crate::taskrouter::queue::{TaskOrder, TaskQueueSpec};
use crate::taskrouter::task::DEFAULT_TASK_TIMEOUT;
use crate::taskrouter::workflow::{Filter, Target, WorkflowConfiguration, WorkflowSpec};
use crate::time::Timestamp;
use std::collections::BTreeMap;

/// The Globex workers who get skills.
pub(super) struct RoutedAgents {
    /// Daniel Wright, supervisor.
    pub supervisor: WorkerSid,
    /// Hannah Becker, agent.
    pub hannah: WorkerSid,
    /// Mateo Silva, agent.
    pub mateo: WorkerSid,
}

impl Builder {
    /// Sets up `account`'s routing: `admin` (a Flex admin) defines skills and gives them,
    /// `developer` (manage products) creates the queues and the workflow.
    pub(super) fn route_contacts(
        &mut self,
        account: &AccountSid,
        admin: &Actor,
        developer: &Actor,
        agents: &RoutedAgents,
        at: Timestamp,
    ) {
        let skill = |name: &str, levels: Option<(u32, u32)>| Skill {
            name: name.to_owned(),
            multivalue: levels.is_some(),
            minimum: levels.map(|l| l.0),
            maximum: levels.map(|l| l.1),
        };
        for s in [
            skill("sales", None),
            skill("support", Some((1, 10))),
            skill("spanish", None),
        ] {
            let command = Command::CreateSkill {
                account: *account,
                skill: s,
            };
            self.run(admin, command, at);
        }
        let give = [
            (
                agents.hannah,
                vec!["sales", "support"],
                vec![("support", 7)],
            ),
            (
                agents.mateo,
                vec!["support", "spanish"],
                vec![("support", 4)],
            ),
            (
                agents.supervisor,
                vec!["support", "spanish"],
                vec![("support", 9)],
            ),
        ];
        for (worker, skills, levels) in give {
            let command = Command::SetAgentSkills {
                account: *account,
                worker,
                skills: skills.into_iter().map(str::to_owned).collect(),
                levels: levels
                    .into_iter()
                    .map(|(s, l)| (s.to_owned(), l))
                    .collect::<BTreeMap<_, _>>(),
                revision: 0,
            };
            self.run(admin, command, at.plus_millis(Timestamp::HOUR));
        }
        let later = at.plus_millis(2 * Timestamp::HOUR);
        let sales = self.queue(
            account,
            developer,
            "Sales",
            "routing.skills HAS 'sales'",
            later,
        );
        let support = self.queue(
            account,
            developer,
            "Support",
            "routing.skills HAS 'support'",
            later,
        );
        let tier2 = self.queue(
            account,
            developer,
            "Support Tier 2",
            "routing.levels.support >= 7",
            later,
        );
        let spanish = self.queue(
            account,
            developer,
            "Spanish",
            "routing.skills HAS 'spanish'",
            later,
        );
        let everyone = self
            .console
            .workspace(account)
            .map(|ws| ws.task_queues[0].sid)
            .expect("Flex provisions Everyone");
        let step = |queue: TaskQueueSid, timeout: Option<u32>| Target {
            queue: Some(queue),
            timeout,
            ..Target::default()
        };
        let filters = vec![
            Filter {
                name: "Spanish speakers".into(),
                expression: "language == 'es'".into(),
                targets: vec![step(spanish, Some(120)), step(everyone, None)],
            },
            Filter {
                name: "VIP".into(),
                expression: "vip == true".into(),
                targets: vec![
                    Target {
                        priority: Some(10),
                        expression: Some("worker.routing.levels.support >= 9".into()),
                        ..step(tier2, Some(60))
                    },
                    Target {
                        priority: Some(10),
                        ..step(support, None)
                    },
                ],
            },
            Filter {
                name: "Sales".into(),
                expression: "type == 'sales'".into(),
                targets: vec![step(sales, Some(300)), step(everyone, None)],
            },
            Filter {
                name: "Support".into(),
                expression: "type == 'support'".into(),
                targets: vec![
                    Target {
                        order_by: Some("worker.routing.levels.support DESC".into()),
                        ..step(support, Some(300))
                    },
                    step(everyone, None),
                ],
            },
        ];
        let spec = WorkflowSpec {
            friendly_name: "Inbound Routing".into(),
            task_reservation_timeout: 30,
            configuration: WorkflowConfiguration {
                filters,
                default_queue: Some(everyone),
            },
        };
        let create = Command::TaskRouter {
            account: *account,
            change: TaskRouterCommand::CreateWorkflow { spec },
        };
        self.run(developer, create, later.plus_millis(Timestamp::HOUR));
    }

    fn queue(
        &mut self,
        account: &AccountSid,
        by: &Actor,
        name: &str,
        expression: &str,
        at: Timestamp,
    ) -> TaskQueueSid {
        let spec = TaskQueueSpec {
            friendly_name: name.to_owned(),
            target_workers: expression.to_owned(),
            max_reserved_workers: 1,
            task_order: TaskOrder::Fifo,
        };
        let command = Command::TaskRouter {
            account: *account,
            change: TaskRouterCommand::CreateTaskQueue { spec },
        };
        match self.run(by, command, at).kind {
            EventKind::TaskRouter {
                change: TaskRouterEvent::TaskQueueCreated { queue, .. },
            } => queue,
            _ => unreachable!("creating a queue gives TaskQueueCreated"),
        }
    }

    /// Globex's Voice IVR sends calls to Flex with Inbound Routing (Twilio's default voice
    /// attributes), and a Chat address "Globex web chat" hands webchats to Webchat Flow.
    pub(super) fn contacts_arrive(
        &mut self,
        account: &AccountSid,
        developer: &Actor,
        at: Timestamp,
    ) {
        let later = at.plus_millis(4 * Timestamp::HOUR);
        let (voice_ivr, webchat, inbound, voice) = {
            let flex = self
                .console
                .account(account)
                .and_then(|a| a.flex.as_ref())
                .expect("Globex has Flex");
            let flow = |name: &str| {
                flex.studio_flows
                    .iter()
                    .find(|f| f.friendly_name == name)
                    .expect("Flex provisions the flow")
                    .sid
            };
            let ws = &flex.workspace;
            let inbound = ws
                .workflows
                .iter()
                .find(|w| w.friendly_name == "Inbound Routing")
                .expect("routed above")
                .sid;
            let voice = ws.channel_named("voice").expect("built in").sid;
            (flow("Voice IVR"), flow("Webchat Flow"), inbound, voice)
        };
        let step = SendToFlex {
            workflow: inbound,
            channel: voice,
            priority: 0,
            timeout: DEFAULT_TASK_TIMEOUT,
            attributes: DEFAULT_VOICE_ATTRIBUTES.to_owned(),
        };
        let set = Command::SetSendToFlex {
            account: *account,
            flow: voice_ivr,
            step: Some(step),
        };
        self.run(developer, set, later);
        let chat = Command::CreateAddress {
            account: *account,
            address_type: AddressType::Chat,
            address: "Globex web chat".into(),
            flow: Some(webchat),
        };
        self.run(developer, chat, later);
    }
}
