//! Saving, loading, validating: serde round trips and JSON paths of bad fields.

use crate::common::*;
use flex_console_domain::*;
use serde_json::Value;

fn demo_json() -> Value {
    serde_json::to_value(demo()).unwrap()
}

fn import(value: &Value) -> Result<Console, ImportError> {
    Console::from_json(&serde_json::to_string_pretty(value).unwrap())
}

fn first_key(value: &Value) -> String {
    value.as_object().unwrap().keys().next().unwrap().clone()
}

#[test]
fn demo_round_trips_through_json() {
    let c = demo();
    let json = c.to_json().unwrap();
    let back = Console::from_json(&json).unwrap();
    assert!(back == c);
    // Plain serde leaves the indexes empty; reindex restores them.
    let mut plain: Console = serde_json::from_str(&json).unwrap();
    assert!(plain != c || c.users().count() == 0);
    plain.reindex();
    assert!(plain == c);
    assert!(plain.user_by_email(&email(MARIA)).is_some());
}

#[test]
fn a_bad_role_set_is_named_by_its_path() {
    let c = demo();
    let acme = account(&c, ACME);
    let liam = user_sid(&c, LIAM);
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["members"][liam.as_str()]["roles"] =
        serde_json::json!(["administrator", "developer"]);
    let ImportError::Json { path, message, .. } = import(&v).unwrap_err() else {
        panic!("expected a reading error")
    };
    assert_eq!(path, format!("accounts.{acme}.members.{liam}.roles"));
    assert!(
        message.contains("the Administrator role cannot be combined with other roles"),
        "{message}"
    );
}

#[test]
fn a_bad_sid_is_named_by_its_path() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let mut v = demo_json();
    v["accounts"][globex.as_str()]["flex"]["config"]["taskrouter_workspace_sid"] =
        Value::from("WSnothex");
    let error = import(&v).unwrap_err();
    let ImportError::Json {
        path,
        message,
        line,
        ..
    } = &error
    else {
        panic!()
    };
    assert_eq!(
        path,
        &format!("accounts.{globex}.flex.config.taskrouter_workspace_sid")
    );
    assert!(message.contains("is not a valid TaskRouter workspace SID"));
    assert!(*line > 1);
    assert!(error.to_string().starts_with(&format!(
        "accounts.{globex}.flex.config.taskrouter_workspace_sid: "
    )));
}

#[test]
fn a_bad_map_key_or_array_item_is_named() {
    let c = demo();
    let acme = account(&c, ACME);
    let mut v = demo_json();
    let flex = &mut v["accounts"][acme.as_str()]["flex"];
    flex["workspace"]["activities"][1]["sid"] = Value::from(format!("WK{}", "0".repeat(32)));
    let ImportError::Json { path, .. } = import(&v).unwrap_err() else {
        panic!()
    };
    assert_eq!(
        path,
        format!("accounts.{acme}.flex.workspace.activities[1].sid")
    );
}

#[test]
fn a_missing_field_names_its_object() {
    let c = demo();
    let acme = account(&c, ACME);
    let mut v = demo_json();
    v["accounts"][acme.as_str()]
        .as_object_mut()
        .unwrap()
        .remove("auth_token");
    let ImportError::Json { path, message, .. } = import(&v).unwrap_err() else {
        panic!()
    };
    assert_eq!(path, format!("accounts.{acme}"));
    assert_eq!(message, "the field auth_token is missing");
}

#[test]
fn broken_json_reports_line_and_column() {
    let error =
        Console::from_json("{\n  \"random\": {\"state\": 1},\n  \"users\": {,\n}").unwrap_err();
    let ImportError::Json { path, line, .. } = &error else {
        panic!()
    };
    assert_eq!(*line, 3);
    assert_eq!(path, "users");
    assert!(error.to_string().contains("(line 3, column"));
}

#[test]
fn two_owners_fail_validation_with_the_members_path() {
    let c = demo();
    let acme = account(&c, ACME);
    let priya = user_sid(&c, PRIYA);
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["members"][priya.as_str()]["roles"] = serde_json::json!(["owner"]);
    let ImportError::Invalid(error) = import(&v).unwrap_err() else {
        panic!("expected a validation error")
    };
    assert_eq!(error.path, format!("accounts.{acme}.members"));
    assert_eq!(error.problem, "an account needs exactly one Owner, found 2");
}

#[test]
fn insights_on_a_trial_plan_fail_validation() {
    let c = demo();
    let acme = account(&c, ACME);
    let maria = c.worker_by_identity(&acme, &email(MARIA)).unwrap().sid;
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["flex"]["workspace"]["workers"][maria.as_str()]["insights_roles"] =
        serde_json::json!(["wfo.full_access", "wfo.team_leader"]);
    let ImportError::Invalid(error) = import(&v).unwrap_err() else {
        panic!()
    };
    assert_eq!(
        error.path,
        format!("accounts.{acme}.flex.workspace.workers.{maria}.insights_roles")
    );
    assert_eq!(error.problem, "Insights roles need a paid Flex plan");
}

#[test]
fn worker_roles_must_match_the_console_roles_of_the_last_login() {
    let c = demo();
    let acme = account(&c, ACME);
    let noah = c.worker_by_identity(&acme, &email(NOAH)).unwrap().sid;
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["flex"]["workspace"]["workers"][noah.as_str()]["flex_roles"] =
        serde_json::json!(["admin"]);
    let ImportError::Invalid(error) = import(&v).unwrap_err() else {
        panic!()
    };
    assert_eq!(
        error.path,
        format!("accounts.{acme}.flex.workspace.workers.{noah}.flex_roles")
    );
    assert_eq!(
        error.problem,
        "do not match the Console roles at the last login"
    );
}

#[test]
fn duplicate_sids_and_dangling_references_fail_validation() {
    let c = demo();
    let acme = account(&c, ACME);
    let globex = account(&c, GLOBEX);
    let mut v = demo_json();
    let other_ws = v["accounts"][globex.as_str()]["flex"]["workspace"]["sid"].clone();
    v["accounts"][acme.as_str()]["flex"]["config"]["taskrouter_workspace_sid"] = other_ws;
    let ImportError::Invalid(error) = import(&v).unwrap_err() else {
        panic!()
    };
    assert_eq!(
        error.path,
        format!("accounts.{acme}.flex.config.taskrouter_workspace_sid")
    );

    let mut v = demo_json();
    let acme_ws = v["accounts"][acme.as_str()]["flex"]["workspace"]["sid"].clone();
    v["accounts"][globex.as_str()]["flex"]["workspace"]["sid"] = acme_ws.clone();
    v["accounts"][globex.as_str()]["flex"]["config"]["taskrouter_workspace_sid"] = acme_ws;
    let ImportError::Invalid(error) = import(&v).unwrap_err() else {
        panic!()
    };
    assert_eq!(error.problem, "this SID is used more than once");
    assert!(
        error.path.ends_with(".flex.workspace.sid"),
        "{}",
        error.path
    );

    let mut v = demo_json();
    let ghost = format!("US{}", "0".repeat(32));
    let member = v["accounts"][acme.as_str()]["members"]
        [first_key(&v["accounts"][acme.as_str()]["members"])]
    .clone();
    v["accounts"][acme.as_str()]["members"][ghost.as_str()] = member;
    let ImportError::Invalid(error) = import(&v).unwrap_err() else {
        panic!()
    };
    assert_eq!(error.path, format!("accounts.{acme}.members.{ghost}"));
    assert_eq!(error.problem, "no Console user has this SID");
}

#[test]
fn a_key_that_does_not_match_its_sid_fails_validation() {
    let c = demo();
    let maria = user_sid(&c, MARIA);
    let mut v = demo_json();
    let other = format!("US{}", "1".repeat(32));
    let record = v["users"][maria.as_str()].clone();
    v["users"]
        .as_object_mut()
        .unwrap()
        .insert(other.clone(), record);
    let ImportError::Invalid(error) = import(&v).unwrap_err() else {
        panic!()
    };
    assert!(
        error.path == format!("users.{other}.sid") || error.path == format!("users.{maria}.email"),
        "{}",
        error.path
    );
}

#[test]
fn json_path_at_points_into_nested_values() {
    let text = "{\"a\": [1, {\"b\": \"x\"}], \"c\": 2}";
    let col = text.find("\"x\"").unwrap() + 3;
    assert_eq!(json_path_at(text, 1, col, false), "a[1].b");
    let col = text.find('2').unwrap() + 1;
    assert_eq!(json_path_at(text, 1, col, false), "c");
    let close = text.find('}').unwrap() + 1;
    assert_eq!(json_path_at(text, 1, close, false), "a[1].b");
    assert_eq!(json_path_at(text, 1, close, true), "a[1]");
    assert_eq!(json_path_at(text, 1, text.len(), true), "");
    let bracket = text.find(']').unwrap() + 1;
    assert_eq!(json_path_at(text, 1, bracket, false), "a");
}

// ---------- every way in keeps the commands' rules ----------

/// The validation error of `v`, which must read fine and break a rule.
fn invalid(v: &Value) -> ValidationError {
    match import(v) {
        Err(ImportError::Invalid(error)) => error,
        Err(other) => panic!("expected a validation error, got {other}"),
        Ok(_) => panic!("expected a validation error, the import was accepted"),
    }
}

#[test]
fn names_longer_than_the_forms_allow_are_refused() {
    let c = demo();
    let acme = account(&c, ACME);
    let maria = user_sid(&c, MARIA);
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["friendly_name"] = Value::from("A".repeat(10_000));
    let error = invalid(&v);
    assert_eq!(error.path, format!("accounts.{acme}.friendly_name"));
    assert_eq!(error.problem, "can have at most 64 characters");

    // 64 is what Rename allows, so it is what import allows.
    v["accounts"][acme.as_str()]["friendly_name"] = Value::from("A".repeat(64));
    import(&v).expect("64 characters");

    let mut v = demo_json();
    v["users"][maria.as_str()]["full_name"] = Value::from("M".repeat(101));
    let error = invalid(&v);
    assert_eq!(error.path, format!("users.{maria}.full_name"));
    assert_eq!(error.problem, "can have at most 100 characters");

    let globex = account(&c, GLOBEX);
    let mut v = demo_json();
    let bins = &mut v["accounts"][globex.as_str()]["twiml_bins"];
    let bin = first_key(bins);
    bins[bin.as_str()]["friendly_name"] = Value::from("B".repeat(65));
    let error = invalid(&v);
    assert_eq!(
        error.path,
        format!("accounts.{globex}.twiml_bins.{bin}.friendly_name")
    );
    assert_eq!(error.problem, "can have at most 64 characters");
}

#[test]
fn an_activity_entry_by_a_person_who_does_not_exist_is_refused() {
    let mut v = demo_json();
    let ghost = format!("US{}", "0".repeat(32));
    v["activity"][3]["by"] = serde_json::json!({ "user": ghost });
    let error = invalid(&v);
    assert_eq!(error.path, "activity[3].by");
    assert_eq!(error.problem, "no Console user has this SID");
}

#[test]
fn times_beyond_the_consoles_range_are_refused() {
    let c = demo();
    let acme = account(&c, ACME);
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["created"] = Value::from(u64::MAX);
    let error = invalid(&v);
    assert_eq!(error.path, format!("accounts.{acme}.created"));
    assert_eq!(
        error.problem,
        "must be a time from 1970-01-01 to 9999-12-31 23:59 UTC"
    );
    let mut v = demo_json();
    v["activity"][0]["at"] = Value::from(u64::MAX);
    assert_eq!(invalid(&v).path, "activity[0].at");
}

#[test]
fn the_clock_stays_where_every_command_can_date_what_it_makes() {
    // Reported: data whose clock read u64::MAX was accepted; one invitation later its own
    // export was refused (the invitation's expiry could not be after its sending).
    assert!(Timestamp(u64::MAX).check_clock().is_err());
    assert_eq!(
        Timestamp(u64::MAX).check_clock().unwrap_err(),
        "must be a time from 1970-01-01 to 9999-12-24 23:59 UTC"
    );
    assert_eq!(Timestamp::LATEST_NOW.check_clock(), Ok(()));
    let mut c = demo();
    let acme = account(&c, ACME);
    let invite = Command::Invite {
        account: acme,
        email: email("late@example.com"),
        roles: RoleSet::only(ConsoleRole::Support),
    };
    let maria = user(&c, MARIA);
    assert_eq!(
        c.apply(&maria, invite.clone(), Timestamp(u64::MAX))
            .unwrap_err()
            .to_string(),
        "The Console's clock reads a time after 9999-12-24 23:59 UTC, the latest it works at; load data with an earlier time."
    );
    c.apply(&maria, invite, Timestamp::LATEST_NOW).unwrap();
    Console::from_json(&c.to_json().unwrap()).expect("its own export imports again");
}

#[test]
fn reading_errors_are_said_in_plain_words() {
    // Reported: "invalid length 0, expected struct Envelope with 5 elements".
    let message = |text: &str| match Console::from_json(text).unwrap_err() {
        ImportError::Json { path, message, .. } => (path, message),
        ImportError::Invalid(e) => panic!("read fine: {e}"),
    };
    assert_eq!(
        message("[]"),
        ("".into(), "must be a JSON object, not a list".into())
    );
    let c = demo();
    let acme = account(&c, ACME);
    let maria = user_sid(&c, MARIA);
    let mut v = demo_json();
    v["users"][maria.as_str()]["created"] = Value::from("soon");
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert_eq!(
        message(&text),
        (
            format!("users.{maria}.created"),
            "must be a whole number, not the text \"soon\"".into()
        )
    );
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["account_type"] = Value::from("gold");
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert_eq!(
        message(&text),
        (
            format!("accounts.{acme}.account_type"),
            "must be one of Trial or Full, not \"gold\"".into()
        )
    );
    let mut v = demo_json();
    v["accounts"][acme.as_str()]["created"] = Value::from(-1);
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert_eq!(
        message(&text).1,
        "must be a whole number of 0 or more, not -1"
    );
    assert_eq!(
        message("{\"users\": {}").1,
        "the text ends before the JSON does: is the file cut short?"
    );
    let whole = demo().to_json().unwrap();
    assert_eq!(
        message(&format!("{whole} x")).1,
        "something follows the end of the JSON"
    );
    assert_eq!(
        message("{\"users\" {}}").1,
        "a : is missing after the field name"
    );
}

#[test]
fn the_scenarios_open_at_a_clock_their_data_allows() {
    assert_eq!(demo().check_now(DEMO_NOW), Ok(()));
    let scale = Console::scale(1);
    assert_eq!(
        scale.check_now(flex_console_domain::scenarios::SCALE_START.plus_days(1)),
        Ok(())
    );
    let error = demo().check_now(Timestamp(0)).unwrap_err();
    assert_eq!(error.path, "now");
    assert_eq!(
        error.problem,
        "is before the latest change the data records (2025-03-02 10:00 UTC); it must be that moment or later"
    );
}
