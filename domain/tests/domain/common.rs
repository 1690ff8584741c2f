//! Helpers shared by the integration tests: find demo people and accounts by name.
#![allow(dead_code)]

use flex_console_domain::*;

/// The demo Console.
pub fn demo() -> Console {
    Console::demo()
}

/// The demo's "now".
pub fn now() -> Timestamp {
    DEMO_NOW
}

/// An email from text.
pub fn email(text: &str) -> Email {
    Email::parse(text).unwrap()
}

/// The Console user with this email, as an actor.
pub fn user(c: &Console, address: &str) -> Actor {
    Actor::User(user_sid(c, address))
}

/// The SID of the Console user with this email.
pub fn user_sid(c: &Console, address: &str) -> UserSid {
    c.user_by_email(&email(address))
        .unwrap_or_else(|| panic!("no user {address}"))
        .sid
}

/// The account with this name.
pub fn account(c: &Console, name: &str) -> AccountSid {
    c.accounts()
        .find(|a| a.friendly_name == name)
        .unwrap_or_else(|| panic!("no account {name}"))
        .sid
}

/// A role set from roles.
pub fn roles(list: &[ConsoleRole]) -> RoleSet {
    RoleSet::new(list.iter().copied()).unwrap()
}

/// An SSO actor.
pub fn sso(address: &str, name: &str, roles: &[&str]) -> Actor {
    Actor::Sso(SsoAssertion {
        email: email(address),
        full_name: name.to_owned(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    })
}

/// Applies and expects a refusal; returns its message, and checks nothing changed and that
/// `check` gave the same refusal beforehand.
pub fn refused(c: &mut Console, actor: &Actor, command: Command) -> String {
    let before = c.clone();
    let asked = c.check(actor, &command, now());
    let error = c
        .apply(actor, command, now())
        .expect_err("command should be refused");
    assert_eq!(*c, before, "a refused command must change nothing");
    assert_eq!(asked, Err(error.clone()), "check must give apply's refusal");
    error.to_string()
}

/// Applies and expects success, after `check` said yes.
pub fn ok(c: &mut Console, actor: &Actor, command: Command) -> Event {
    assert_eq!(
        c.check(actor, &command, now()),
        Ok(()),
        "check must allow {command:?}"
    );
    c.apply(actor, command, now())
        .unwrap_or_else(|e| panic!("refused: {e}"))
}

/// Acme Support (Flex trial), Globex Contact Center (paid), Initech Labs (no Flex),
/// Umbrella Retail (suspended), Hooli Sandbox (closed).
pub const ACME: &str = "Acme Support";
pub const GLOBEX: &str = "Globex Contact Center";
pub const INITECH: &str = "Initech Labs";
pub const UMBRELLA: &str = "Umbrella Retail";
pub const HOOLI: &str = "Hooli Sandbox";

pub const MARIA: &str = "maria.garcia@example.com";
pub const JAMES: &str = "james.chen@example.com";
pub const PRIYA: &str = "priya.patel@example.com";
pub const LIAM: &str = "liam.obrien@example.com";
pub const SOFIA: &str = "sofia.rossi@example.com";
pub const NOAH: &str = "noah.kim@example.com";
pub const EMMA: &str = "emma.dubois@example.com";
pub const AHMED: &str = "ahmed.hassan@example.com";
pub const GRACE: &str = "grace.lee@example.com";

/// `refused` by the Console user with this email.
pub fn refused_by(c: &mut Console, address: &str, command: Command) -> String {
    let actor = user(c, address);
    refused(c, &actor, command)
}

/// `ok` by the Console user with this email.
pub fn ok_by(c: &mut Console, address: &str, command: Command) -> Event {
    let actor = user(c, address);
    ok(c, &actor, command)
}

/// The invitation for `address` in `account`.
pub fn invitation_for(c: &Console, account: &AccountSid, address: &str) -> InvitationId {
    c.invitations(account, now())
        .into_iter()
        .find(|(i, _)| i.email.as_str() == address)
        .unwrap()
        .0
        .id
}

/// The worker of `address` in `account`.
pub fn worker_of<'a>(c: &'a Console, account: &AccountSid, address: &str) -> &'a Worker {
    c.worker_by_identity(account, &email(address))
        .unwrap_or_else(|| panic!("no worker {address}"))
}
