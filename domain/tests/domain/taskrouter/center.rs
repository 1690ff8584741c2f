//! Globex's contact center at work, for the tests of tasks and of the agent desktop: the
//! demo with Globex's agents signed in by SSO (their actors), the Console clock, and what
//! happens there (an agent changes activity, a call arrives, an offer is answered, time
//! passes). Every command is asked of `check` first, which must give `apply`'s answer.

use crate::common::*;
use flex_console_domain::taskrouter::TaskEvent;
use flex_console_domain::*;

pub const HANNAH: &str = "hannah.becker@globex.example.com";
pub const MATEO: &str = "mateo.silva@globex.example.com";
pub const DANIEL: &str = "daniel.wright@globex.example.com";

/// The demo, Globex in it, and the clock the next command runs at.
pub struct Center {
    pub c: Console,
    pub globex: AccountSid,
    pub t: Timestamp,
}

impl Center {
    pub fn new() -> Center {
        let c = demo();
        let globex = account(&c, GLOBEX);
        Center {
            c,
            globex,
            t: now(),
        }
    }

    /// The agent with this email, signed in to Flex by SSO with their Flex roles.
    pub fn agent(&self, address: &str) -> Actor {
        let w = worker_of(&self.c, &self.globex, address);
        let roles: Vec<String> = w.role_names();
        let roles: Vec<&str> = roles.iter().map(String::as_str).collect();
        sso(address, &w.full_name.clone(), &roles)
    }

    pub fn worker(&self, address: &str) -> &Worker {
        worker_of(&self.c, &self.globex, address)
    }

    pub fn sid(&self, address: &str) -> WorkerSid {
        self.worker(address).sid
    }

    pub fn activity(&self, name: &str) -> ActivitySid {
        let ws = self.c.workspace(&self.globex).unwrap();
        ws.activities
            .iter()
            .find(|a| a.friendly_name == name)
            .unwrap()
            .sid
    }

    /// Runs `command` at the clock's time, after asking `check`, which must agree.
    pub fn run(&mut self, actor: &Actor, command: Command) -> Result<Event, DomainError> {
        let asked = self.c.check(actor, &command, self.t);
        let applied = self.c.apply(actor, command, self.t);
        assert_eq!(
            asked,
            applied.as_ref().map(drop).map_err(Clone::clone),
            "check gives apply's answer"
        );
        applied
    }

    /// A change of Globex's tasks by `actor`.
    pub fn task_change(
        &mut self,
        actor: &Actor,
        change: TaskCommand,
    ) -> Result<Event, DomainError> {
        let account = self.globex;
        self.run(actor, Command::Task { account, change })
    }

    /// The agent moves into the activity of this name.
    pub fn set(&mut self, address: &str, activity: &str) {
        let actor = self.agent(address);
        let activity = self.activity(activity);
        let account = self.globex;
        self.run(&actor, Command::SetWorkerActivity { account, activity })
            .unwrap();
    }

    /// A call on Inbound Routing with these attributes.
    pub fn call(&mut self, attributes: &str) -> TaskSid {
        let ws = self.c.workspace(&self.globex).unwrap();
        let workflow = ws
            .workflows
            .iter()
            .find(|w| w.friendly_name == "Inbound Routing")
            .unwrap()
            .sid;
        let channel = ws.channel_named("voice").unwrap().sid;
        self.create(workflow, channel, attributes, 86_400)
    }

    /// A task Liam O'Brien creates.
    pub fn create(
        &mut self,
        workflow: WorkflowSid,
        channel: TaskChannelSid,
        attributes: &str,
        timeout: u32,
    ) -> TaskSid {
        let liam = user(&self.c, LIAM);
        let change = TaskCommand::CreateTask {
            workflow,
            channel,
            attributes: attributes.into(),
            priority: 0,
            timeout,
            origin: "Call from +14155550199 to (212) 555-0110".into(),
        };
        match self.task_change(&liam, change).unwrap().kind {
            EventKind::Task {
                change: TaskEvent::Created { task },
            } => task,
            other => panic!("{other:?}"),
        }
    }

    pub fn task(&self, sid: &TaskSid) -> &Task {
        self.c.task(&self.globex, sid).unwrap()
    }

    /// The offer of task `sid` ringing for this agent.
    pub fn pending_for(&self, sid: &TaskSid, address: &str) -> ReservationSid {
        let worker = self.sid(address);
        self.task(sid)
            .pending()
            .find(|r| r.worker == worker)
            .unwrap_or_else(|| panic!("no offer to {address}"))
            .sid
    }

    /// The agent accepts or rejects the offer of `task` ringing for them.
    pub fn answer(&mut self, address: &str, task: &TaskSid, accept: bool) {
        let reservation = self.pending_for(task, address);
        let change = if accept {
            TaskCommand::AcceptReservation { reservation }
        } else {
            TaskCommand::RejectReservation { reservation }
        };
        let actor = self.agent(address);
        self.task_change(&actor, change).unwrap();
    }

    /// The clock moves on by `secs` seconds, running what is due.
    pub fn wait(&mut self, secs: u64) {
        self.t = self.t.plus_millis(secs * 1_000);
        self.task_change(&Actor::Clock, TaskCommand::Advance)
            .unwrap();
    }
}
