//! Domain rules: determinism, queries, events.

use crate::common::*;
use flex_console_domain::*;

#[test]
fn the_demo_is_deterministic_and_valid() {
    let a = demo();
    let b = demo();
    assert!(a == b);
    a.validate().unwrap();
    assert_eq!(a.accounts().count(), 5);
    assert!(a.users().count() >= 6);
    let statuses: Vec<AccountStatus> = a.accounts().map(|x| x.status).collect();
    assert!(
        statuses.contains(&AccountStatus::Suspended) && statuses.contains(&AccountStatus::Closed)
    );
    let globex = account(&a, GLOBEX);
    assert!(a.flex_overview(&globex).unwrap().plan.is_paid());
    assert!(a.workers(&globex).count() >= 3);
    assert_eq!(Console::new(5), Console::new(5));
}

#[test]
fn the_same_seed_and_commands_give_the_same_sids() {
    let run = |seed| {
        let mut c = Console::new(seed);
        let e = Actor::Email(email("a@example.com"));
        let EventKind::SignedUp { user, .. } = c
            .apply(
                &e,
                Command::SignUp {
                    full_name: "A".into(),
                },
                now(),
            )
            .unwrap()
            .kind
        else {
            panic!()
        };
        let ev = c
            .apply(
                &Actor::User(user),
                Command::CreateAccount {
                    friendly_name: "A".into(),
                    account_type: AccountType::Trial,
                },
                now(),
            )
            .unwrap();
        (c, ev.account.unwrap())
    };
    let (a, sid_a) = run(1);
    let (b, sid_b) = run(1);
    let (_, sid_c) = run(2);
    assert_eq!(sid_a, sid_b);
    assert!(a == b);
    assert_ne!(sid_a, sid_c);
}

#[test]
fn capabilities_query_follows_the_roles() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    assert_eq!(
        c.capabilities(&user(&c, SOFIA), &globex),
        [Capability::ViewLogsAndUsage, Capability::ManageBilling]
    );
    assert!(c.can(&user(&c, JAMES), &globex, Capability::TransferOwnership));
    assert!(
        !c.can(&user(&c, NOAH), &globex, Capability::ViewLogsAndUsage),
        "not a member"
    );
    assert!(
        c.capabilities(&Actor::Email(email(JAMES)), &globex)
            .is_empty()
    );
}

#[test]
fn events_serialize_for_the_activity_log() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let event = ok_by(
        &mut c,
        LIAM,
        Command::CreateSecondaryToken { account: acme },
    );
    let json = serde_json::to_value(&event).unwrap();
    assert_eq!(json["kind"]["kind"], "secondary_token_created");
    assert_eq!(json["account"], acme.as_str());
    assert_eq!(json["at"], now().0);
    let token = c
        .account(&acme)
        .unwrap()
        .secondary_auth_token
        .clone()
        .unwrap();
    assert!(
        !json.to_string().contains(token.as_str()),
        "no secrets in events"
    );
    let back: Event = serde_json::from_value(json).unwrap();
    assert_eq!(back, event);
}

#[test]
fn unknown_things_are_named() {
    let mut c = demo();
    let ghost_account: AccountSid = format!("AC{}", "0".repeat(32)).parse().unwrap();
    let ghost_user: UserSid = format!("US{}", "0".repeat(32)).parse().unwrap();
    assert_eq!(
        refused_by(
            &mut c,
            MARIA,
            Command::LeaveAccount {
                account: ghost_account
            }
        ),
        format!("There is no account {ghost_account}.")
    );
    let acme = account(&c, ACME);
    assert_eq!(
        refused(
            &mut c,
            &Actor::User(ghost_user),
            Command::LeaveAccount { account: acme }
        ),
        format!("There is no Console user {ghost_user}.")
    );
}
