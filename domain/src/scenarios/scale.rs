//! A large, deterministic Console for performance tests: 3,000 Console users, 1,000
//! accounts of three members each, and one Flex workspace filled to its 15,000 workers
//! (its Owner plus 14,999 agents who signed in through SSO). Its activity log starts empty.

use crate::command::Command;
use crate::console::Console;
use crate::event::{Event, EventKind};
use crate::flex::sso::SsoAssertion;
use crate::identity::account::AccountType;
use crate::identity::actor::Actor;
use crate::identity::email::Email;
use crate::identity::roles::{ConsoleRole, RoleSet};
use crate::sid::AccountSid;
use crate::taskrouter::MAX_WORKERS;
use crate::time::Timestamp;

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
        // The scenario is about the state at scale, not its history: the ~23,000 entries
        // of building it would double the file and its loading time.
        c.activity.clear();
        c.reindex();
        c
    }
}
