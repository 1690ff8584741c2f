//! The scale scenario: 1,000 accounts, 3,000 users, a workspace of 15,000 workers.

use crate::common;
use flex_console_domain::*;
use std::time::Instant;

#[test]
fn scale_builds_quickly_validates_and_takes_commands() {
    let started = Instant::now();
    let mut c = Console::scale(7);
    let built = started.elapsed();
    eprintln!("scale built in {built:?}");
    assert_eq!(c.accounts().count(), 1_000);
    assert_eq!(c.users().count(), 3_000);
    let flex_account = c.accounts().find(|a| a.flex.is_some()).unwrap().sid;
    assert_eq!(c.workers(&flex_account).count(), 15_000);
    assert_eq!(c.flex_overview(&flex_account).unwrap().worker_count, 15_000);
    c.validate().unwrap();

    // The workspace is full: a new SSO person is refused, with nothing changed.
    let newcomer = common::sso(
        "new.agent@contact.scale.example.com",
        "New Agent",
        &["agent"],
    );
    let before = c.clone();
    let error = c
        .apply(
            &newcomer,
            Command::SsoLogin {
                account: flex_account,
            },
            SCALE_START_PLUS,
        )
        .unwrap_err();
    assert_eq!(error, DomainError::WorkspaceFull { max: 15_000 });
    assert_eq!(
        error.to_string(),
        "The Flex workspace already has the maximum of 15,000 workers; delete workers to make room."
    );
    assert!(c == before);

    // An existing agent logs in again (found through the identity index), the Owner
    // deletes one worker, and then the newcomer fits.
    let again = common::sso("agent42@contact.scale.example.com", "Agent 42", &["agent"]);
    let started = Instant::now();
    let event = c
        .apply(
            &again,
            Command::SsoLogin {
                account: flex_account,
            },
            SCALE_START_PLUS,
        )
        .unwrap();
    assert!(matches!(
        event.kind,
        EventKind::SsoLoggedIn {
            worker_created: false,
            ..
        }
    ));
    let owner = Actor::User(*c.account(&flex_account).unwrap().owner().unwrap());
    let victim = c
        .worker_by_identity(
            &flex_account,
            &common::email("agent7@contact.scale.example.com"),
        )
        .unwrap()
        .sid;
    c.apply(
        &owner,
        Command::DeleteWorker {
            account: flex_account,
            worker: victim,
        },
        SCALE_START_PLUS,
    )
    .unwrap();
    let event = c
        .apply(
            &newcomer,
            Command::SsoLogin {
                account: flex_account,
            },
            SCALE_START_PLUS,
        )
        .unwrap();
    assert!(matches!(
        event.kind,
        EventKind::SsoLoggedIn {
            worker_created: true,
            ..
        }
    ));
    eprintln!("three commands at scale took {:?}", started.elapsed());
    assert_eq!(c.workers(&flex_account).count(), 15_000);

    // Queries at scale.
    let owner_sid = *owner.user().unwrap();
    assert_eq!(c.accounts_of(&owner_sid).len(), 1);
    let someone = c
        .user_by_email(&common::email("user2500@scale.example.com"))
        .unwrap();
    assert_eq!(c.accounts_of(&someone.sid).len(), 1);
    c.validate().unwrap();
}

const SCALE_START_PLUS: Timestamp = flex_console_domain::scenarios::SCALE_START.plus_days(1);

#[test]
fn scale_round_trips_through_json_and_is_deterministic() {
    let c = Console::scale(11);
    let json = c.to_json().unwrap();
    let back = Console::from_json(&json).unwrap();
    assert!(back == c, "scale must survive a save and load unchanged");
    let again = Console::scale(11);
    assert!(again == c, "the same seed gives the same Console");
}
