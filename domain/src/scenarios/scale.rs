//! A large, deterministic Console for performance tests: 3,000 Console users, 1,000
//! accounts of three members each, and one Flex workspace filled to its 15,000 workers
//! (its Owner plus 14,999 agents who signed in through SSO), routed by skills: a catalogue of
//! ten skills, two given to every worker, and 19 queues on them beside Everyone. Its
//! activity log starts empty.

use crate::command::Command;
use crate::console::Console;
use crate::event::{Event, EventKind};
use crate::flex::skills::Skill;
use crate::flex::sso::SsoAssertion;
use crate::identity::account::AccountType;
use crate::identity::actor::Actor;
use crate::identity::email::Email;
use crate::identity::roles::{ConsoleRole, RoleSet};
use crate::sid::{AccountSid, WorkerSid};
use crate::taskrouter::MAX_WORKERS;
use crate::taskrouter::command::TaskRouterCommand;
use crate::taskrouter::queue::{TaskOrder, TaskQueueSpec};
use crate::time::Timestamp;
use std::collections::BTreeMap;

/// How many accounts the scale scenario has.
pub const SCALE_ACCOUNTS: usize = 1_000;
/// How many Console users it has.
pub const SCALE_USERS: usize = 3_000;
/// When its commands happen.
pub const SCALE_START: Timestamp = Timestamp::from_utc(2025, 1, 1, 0, 0);

const FIRST: [&str; 20] = [
    "Ava", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Isla", "Jonas", "Kira",
    "Leo", "Maya", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara",
];
const LAST: [&str; 20] = [
    "Adams", "Baker", "Costa", "Dietrich", "Evans", "Fischer", "Garcia", "Haddad", "Ivanova",
    "Jensen", "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi",
    "Suzuki", "Tanaka",
];

fn person(i: usize) -> String {
    format!("{} {}", FIRST[i % 20], LAST[(i / 20) % 20])
}

fn run(console: &mut Console, actor: &Actor, command: Command, at: Timestamp) -> Event {
    console
        .apply(actor, command, at)
        .unwrap_or_else(|e| panic!("scale step failed: {e}"))
}

fn email(text: String) -> Email {
    Email::parse(&text).expect("scale emails are valid")
}

impl Console {
    /// The scale scenario described in this module's documentation, built through
    /// `apply` (so valid by construction); the same seed gives the same Console.
    pub fn scale(seed: u64) -> Console {
        let mut c = Console::new(seed);
        let at = SCALE_START;
        let users: Vec<Actor> = (0..SCALE_USERS)
            .map(|i| {
                let actor = Actor::Email(email(format!("user{i}@scale.example.com")));
                match run(
                    &mut c,
                    &actor,
                    Command::SignUp {
                        full_name: person(i),
                    },
                    at,
                )
                .kind
                {
                    EventKind::SignedUp { user, .. } => Actor::User(user),
                    _ => unreachable!("sign-up gives SignedUp"),
                }
            })
            .collect();
        let accounts: Vec<AccountSid> = (0..SCALE_ACCOUNTS)
            .map(|k| {
                let command = Command::CreateAccount {
                    friendly_name: format!("Scale Account {k:04}"),
                    account_type: if k % 3 == 0 {
                        AccountType::Trial
                    } else {
                        AccountType::Full
                    },
                };
                run(&mut c, &users[k], command, at)
                    .account
                    .expect("account events name their account")
            })
            .collect();
        for (k, account) in accounts.iter().enumerate() {
            let joiners = [
                (SCALE_ACCOUNTS + 2 * k, ConsoleRole::Developer),
                (SCALE_ACCOUNTS + 2 * k + 1, ConsoleRole::Support),
            ];
            for (i, role) in joiners {
                let invite = Command::Invite {
                    account: *account,
                    email: email(format!("user{i}@scale.example.com")),
                    roles: RoleSet::only(role),
                };
                let invitation = match run(&mut c, &users[k], invite, at).kind {
                    EventKind::Invited { invitation, .. } => invitation,
                    _ => unreachable!("invite gives Invited"),
                };
                let accept = Command::AcceptInvitation {
                    account: *account,
                    invitation,
                    full_name: None,
                };
                run(&mut c, &users[i], accept, at);
            }
        }
        let flex_account = accounts[0];
        run(
            &mut c,
            &users[0],
            Command::CreateFlexInstance {
                account: flex_account,
            },
            at,
        );
        run(
            &mut c,
            &users[0],
            Command::LaunchFlex {
                account: flex_account,
            },
            at,
        );
        for i in 1..MAX_WORKERS as usize {
            let assertion = SsoAssertion {
                email: email(format!("agent{i}@contact.scale.example.com")),
                full_name: person(i),
                roles: vec![if i % 50 == 0 { "supervisor" } else { "agent" }.to_owned()],
            };
            run(
                &mut c,
                &Actor::Sso(assertion),
                Command::SsoLogin {
                    account: flex_account,
                },
                at,
            );
        }
        route_by_skills(&mut c, &users[0], &flex_account, at);
        // The scenario is about the state at scale, not its history: the ~23,000 entries
        // of building it would double the file and its loading time.
        c.activity.clear();
        c.reindex();
        c
    }
}

/// The skills of the scale workspace's catalogue; `support` has levels 1 to 10.
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

/// The 19 queues beside Everyone, routing on skills and levels, as (name, expression).
fn queues() -> Vec<(String, String)> {
    let mut queues: Vec<(String, String)> = SKILLS
        .iter()
        .map(|s| (format!("Skill {s}"), format!("routing.skills HAS '{s}'")))
        .collect();
    for level in 1..=5 {
        queues.push((
            format!("Support level {}+", level * 2),
            format!("routing.levels.support >= {}", level * 2),
        ));
    }
    queues.extend([
        (
            "Sales or billing".to_owned(),
            "routing.skills HAS 'sales' OR routing.skills HAS 'billing'".to_owned(),
        ),
        (
            "Spanish support".to_owned(),
            "routing.skills HAS 'spanish' AND routing.skills HAS 'support'".to_owned(),
        ),
        (
            "Supervisors".to_owned(),
            "roles HAS 'supervisor'".to_owned(),
        ),
        (
            "European languages".to_owned(),
            "routing.skills HAS 'french' OR routing.skills HAS 'german'".to_owned(),
        ),
    ]);
    queues
}

/// A skills catalogue, 19 queues on it, and two skills for every agent (a level of support
/// for one in three), given the way Teams gives them, so queue membership is kept as it
/// would be in use.
fn route_by_skills(c: &mut Console, admin: &Actor, account: &AccountSid, at: Timestamp) {
    for name in SKILLS {
        let levels = name == "support";
        let skill = Skill {
            name: name.to_owned(),
            multivalue: levels,
            minimum: levels.then_some(1),
            maximum: levels.then_some(10),
        };
        run(
            c,
            admin,
            Command::CreateSkill {
                account: *account,
                skill,
            },
            at,
        );
    }
    for (name, expression) in queues() {
        let spec = TaskQueueSpec {
            friendly_name: name,
            target_workers: expression,
            max_reserved_workers: 1,
            task_order: TaskOrder::Fifo,
        };
        let change = TaskRouterCommand::CreateTaskQueue { spec };
        run(
            c,
            admin,
            Command::TaskRouter {
                account: *account,
                change,
            },
            at,
        );
    }
    let workers: Vec<WorkerSid> = c.workers(account).map(|w| w.sid).collect();
    for (i, worker) in workers.into_iter().enumerate() {
        let mut skills = vec![SKILLS[i % 10].to_owned()];
        let second = SKILLS[(i / 10 + 3) % 10].to_owned();
        if !skills.contains(&second) {
            skills.push(second);
        }
        let mut levels = BTreeMap::new();
        if i % 3 == 0 {
            if !skills.iter().any(|s| s == "support") {
                skills.push("support".to_owned());
            }
            levels.insert("support".to_owned(), (i % 10) as u32 + 1);
        } else if skills.iter().any(|s| s == "support") {
            levels.insert("support".to_owned(), 1);
        }
        let give = Command::SetAgentSkills {
            account: *account,
            worker,
            skills,
            levels,
            revision: 0,
        };
        run(c, admin, give, at);
    }
}
