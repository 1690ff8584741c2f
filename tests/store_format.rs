//! The stored form of the store and the scenario file format, checked natively.

use flex_console::domain::{AccountType, Actor, Command, Console, DEMO_NOW};
use flex_console::store::persist::{LogEntry, Meta, SCHEMA, meta_json, migrate, restore};
use flex_console::store::scenario::{Scenario, valid_name};

fn owner_of_first_account(console: &Console) -> Actor {
    let account = console.accounts().next().unwrap();
    let owner = account
        .members
        .iter()
        .find(|(_, m)| m.roles.is_owner())
        .map(|(u, _)| u.clone())
        .unwrap();
    Actor::User(owner)
}

#[test]
fn a_snapshot_plus_its_log_restores_the_same_state() {
    let mut console = Console::demo();
    let snapshot = console.to_json().unwrap();
    let actor = owner_of_first_account(&console);
    let command = Command::CreateAccount {
        friendly_name: "Logged".into(),
        account_type: AccountType::Trial,
    };
    let at = DEMO_NOW.plus_millis(5);
    console.apply(&actor, command.clone(), at).unwrap();
    let entry = LogEntry {
        rev: 8,
        actor,
        command,
        at,
    }
    .to_json();
    let meta = meta_json(&Meta {
        schema: SCHEMA,
        revision: 7,
        now: DEMO_NOW,
        wall: Some(1.0),
        since: 2,
    });
    let restored = restore(&meta, snapshot, &[entry]).unwrap();
    assert!(restored.console == console);
    assert_eq!(
        (
            restored.revision,
            restored.snapshot_revision,
            restored.replayed
        ),
        (8, 7, 1)
    );
    assert_eq!(restored.since, 2, "the revision of the last replacement is kept");
}

#[test]
fn a_record_from_before_restore_points_counts_changes_from_zero() {
    let (meta, _) = migrate(r#"{"schema":1,"revision":9,"now":1,"wall":null}"#, "{}".into()).unwrap();
    assert_eq!((meta.revision, meta.since), (9, 0));
}

#[test]
fn a_gap_in_the_log_makes_the_data_unreadable() {
    let console = Console::demo();
    let actor = owner_of_first_account(&console);
    let command = Command::CreateAccount {
        friendly_name: "Gap".into(),
        account_type: AccountType::Trial,
    };
    let entry = LogEntry {
        rev: 3,
        actor,
        command,
        at: DEMO_NOW,
    }
    .to_json();
    let meta = meta_json(&Meta {
        schema: SCHEMA,
        revision: 1,
        now: DEMO_NOW,
        wall: None,
        since: 0,
    });
    let error = restore(&meta, console.to_json().unwrap(), &[entry]).unwrap_err();
    assert!(error.contains("saved change 2 is missing"), "{error}");
}

#[test]
fn schema_zero_migrates_to_the_current_schema() {
    // Schema 0 saved no clock.
    let (meta, console) = migrate(r#"{"schema":0,"revision":4}"#, "{}".into()).unwrap();
    assert_eq!(
        meta,
        Meta {
            schema: SCHEMA,
            revision: 4,
            now: DEMO_NOW,
            wall: None,
            since: 0,
        }
    );
    assert_eq!(console, "{}");
}

#[test]
fn a_snapshot_from_a_newer_version_is_refused() {
    let error = migrate(r#"{"schema":99,"revision":1}"#, "{}".into()).unwrap_err();
    assert!(error.contains("newer version"), "{error}");
}

#[test]
fn scenario_files_round_trip() {
    let demo = Scenario::demo();
    let back = Scenario::parse(&demo.to_json()).unwrap();
    assert!(back == demo);
    assert_eq!(back.now, DEMO_NOW);
}

#[test]
fn a_bad_scenario_names_the_path_of_the_bad_field() {
    let mut value: serde_json::Value = serde_json::from_str(&Scenario::demo().to_json()).unwrap();
    let users = value["console"]["users"].as_object_mut().unwrap();
    let first = users.keys().next().unwrap().clone();
    users.get_mut(&first).unwrap()["email"] = "not an email".into();
    let error = Scenario::parse(&value.to_string()).unwrap_err();
    assert_eq!(
        error.path,
        format!("console.users.{first}.email"),
        "{error}"
    );

    let error =
        Scenario::parse(r#"{"format":1,"name":"x","now":"soon","console":{}}"#).unwrap_err();
    assert_eq!(error.path, "now", "{error}");
    let error = Scenario::parse(r#"{"format":2,"name":"x","now":1,"console":{}}"#).unwrap_err();
    assert_eq!(error.path, "format", "{error}");
    assert!(Scenario::parse("not json").is_err());
}

#[test]
fn scenario_names_cannot_leave_the_scenarios_folder() {
    assert!(valid_name("scale") && valid_name("demo-2"));
    assert!(!valid_name("../secret") && !valid_name("") && !valid_name("a/b"));
}
