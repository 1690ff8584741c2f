//! Workers as TaskRouter holds them: attributes edited as JSON, capacity per channel, and
//! skills from the Flex catalogue given in Teams.

use crate::common::*;
use flex_console_domain::*;

fn tr(account: AccountSid, change: TaskRouterCommand) -> Command {
    Command::TaskRouter { account, change }
}

#[test]
fn attributes_are_any_json_object_but_flex_s_own_keys_stay_as_flex_set_them() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let hannah = worker_of(&c, &globex, "hannah.becker@globex.example.com").clone();
    let set = |text: String, revision| {
        tr(
            globex,
            TaskRouterCommand::SetWorkerAttributes {
                worker: hannah.sid,
                attributes: text,
                revision,
            },
        )
    };
    let mut value: serde_json::Value = serde_json::from_str(&hannah.attributes_json()).unwrap();
    assert_eq!(
        value["routing"]["skills"],
        serde_json::json!(["sales", "support"])
    );
    assert_eq!(value["routing"]["levels"]["support"], 7);
    value["team"] = serde_json::json!("emea");
    value["languages"] = serde_json::json!(["en", "de"]);
    ok_by(&mut c, LIAM, set(value.to_string(), 1));
    let after = worker_of(&c, &globex, "hannah.becker@globex.example.com");
    assert_eq!(after.extra["team"], "emea");
    let matched = c
        .match_queue_expression(&globex, "team == 'emea' AND languages HAS 'de'")
        .unwrap();
    assert_eq!(matched.first, ["Hannah Becker"], "added attributes route");

    let mut renamed = value.clone();
    renamed["email"] = serde_json::json!("someone@example.com");
    renamed["roles"] = serde_json::json!(["admin"]);
    assert_eq!(
        refused_by(&mut c, LIAM, set(renamed.to_string(), 2)),
        "Attributes: Flex sets email, roles at every login; leave them as they are."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, set("{\n  \"team\": \"emea\",\n}".into(), 2)),
        "The attributes are not valid JSON at line 3, column 1: trailing comma."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, set("[1, 2]".into(), 2)),
        "Attributes: The attributes must be one JSON object, in braces { }."
    );
    let mut long = value.clone();
    long["notes"] = serde_json::json!("x".repeat(4_000));
    let message = refused_by(&mut c, LIAM, set(long.to_string(), 2));
    assert!(
        message.starts_with("Attributes: TaskRouter keeps at most 4,096 characters of attributes"),
        "{message}"
    );
    let mut bad_routing = value.clone();
    bad_routing["routing"] = serde_json::json!({"skills": "sales"});
    let message = refused_by(&mut c, LIAM, set(bad_routing.to_string(), 2));
    assert!(
        message.starts_with("Attributes: routing must be {\"skills\": [names]"),
        "{message}"
    );
    assert_eq!(
        refused_by(&mut c, LIAM, set(value.to_string(), 1)),
        "Liam O'Brien changed this worker's attributes at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
}

#[test]
fn capacity_is_per_channel_from_0_to_50_and_a_channel_switched_off_keeps_it() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let mateo = worker_of(&c, &globex, "mateo.silva@globex.example.com").sid;
    let chat = c
        .workspace(&globex)
        .unwrap()
        .channel_named("chat")
        .unwrap()
        .sid;
    let set = |capacity, available| {
        tr(
            globex,
            TaskRouterCommand::SetWorkerChannel {
                worker: mateo,
                channel: chat,
                capacity,
                available,
            },
        )
    };
    assert_eq!(
        c.worker(&globex, &mateo).unwrap().channel(&chat).capacity,
        1,
        "1 unless set"
    );
    assert_eq!(
        refused_by(&mut c, LIAM, set(51, true)),
        "Capacity: A worker holds from 0 to 50 tasks of a channel at once."
    );
    ok_by(&mut c, LIAM, set(3, true));
    ok_by(&mut c, LIAM, set(3, false));
    let setting = c.worker(&globex, &mateo).unwrap().channel(&chat);
    assert_eq!((setting.capacity, setting.available), (3, false));
    assert_eq!(
        refused_by(&mut c, SOFIA, set(2, true)),
        "Changing workers' capacity needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
}

#[test]
fn flex_admins_keep_the_skills_catalogue_and_a_skill_in_use_says_who_holds_it() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let billing = Skill {
        name: "billing".into(),
        multivalue: false,
        minimum: None,
        maximum: None,
    };
    let create = |skill: Skill| Command::CreateSkill {
        account: globex,
        skill,
    };
    // Maria is a read-only admin in Globex; Daniel a supervisor (by SSO).
    assert_eq!(
        refused_by(&mut c, MARIA, create(billing.clone())),
        "Read-only admins cannot change the skills catalogue."
    );
    let daniel = sso(
        "daniel.wright@globex.example.com",
        "Daniel Wright",
        &["supervisor"],
    );
    assert_eq!(
        refused(&mut c, &daniel, create(billing.clone())),
        "Managing the skills catalogue needs the admin Flex role."
    );
    let hyphen = Skill {
        name: "tier-2".into(),
        ..billing.clone()
    };
    assert_eq!(
        refused_by(&mut c, JAMES, create(hyphen)),
        "Skill: Hyphens are not supported in TaskRouter expressions, so a skill's name cannot hold one (use _ instead)."
    );
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            create(Skill {
                name: "Sales".into(),
                ..billing.clone()
            })
        ),
        "There is already a skill named Sales; choose another name."
    );
    ok_by(&mut c, JAMES, create(billing));
    ok_by(
        &mut c,
        JAMES,
        Command::DeleteSkill {
            account: globex,
            name: "billing".into(),
        },
    );
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            Command::DeleteSkill {
                account: globex,
                name: "support".into(),
            }
        ),
        "The skill support is held by Daniel Wright, Hannah Becker and Mateo Silva. Take it from them in Teams first."
    );
    let narrower = Skill {
        name: "support".into(),
        multivalue: true,
        minimum: Some(1),
        maximum: Some(5),
    };
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            Command::UpdateSkill {
                account: globex,
                skill: narrower
            }
        ),
        "The skill support is held by Daniel Wright and Hannah Becker at a level outside levels 1 to 5. Change their levels in Teams first."
    );
}

#[test]
fn admins_and_supervisors_give_agents_skills_within_their_levels() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let mateo = worker_of(&c, &globex, "mateo.silva@globex.example.com").clone();
    let give = |skills: &[&str], levels: &[(&str, u32)], revision| Command::SetAgentSkills {
        account: globex,
        worker: mateo.sid,
        skills: skills.iter().map(|s| (*s).to_owned()).collect(),
        levels: levels.iter().map(|(s, l)| ((*s).to_owned(), *l)).collect(),
        revision,
    };
    let daniel = sso(
        "daniel.wright@globex.example.com",
        "Daniel Wright",
        &["supervisor"],
    );
    assert_eq!(
        refused(&mut c, &daniel, give(&["support"], &[("support", 11)], 1)),
        "Level of support: Choose a level from 1 to 10."
    );
    assert_eq!(
        refused(&mut c, &daniel, give(&["french"], &[], 1)),
        "There is no skill french in this workspace; it may have been deleted."
    );
    assert_eq!(
        refused(&mut c, &daniel, give(&["sales"], &[("sales", 3)], 1)),
        "Level of sales: sales is not a skill with levels that the agent holds."
    );
    assert_eq!(
        refused_by(&mut c, MARIA, give(&["sales"], &[], 1)),
        "Read-only admins cannot change other agents."
    );
    let hannah = sso(
        "hannah.becker@globex.example.com",
        "Hannah Becker",
        &["agent"],
    );
    assert_eq!(
        refused(&mut c, &hannah, give(&["sales"], &[], 1)),
        "Changing other agents needs the admin or supervisor Flex role."
    );
    ok(
        &mut c,
        &daniel,
        give(&["support", "sales"], &[("support", 8)], 1),
    );
    let after = worker_of(&c, &globex, "mateo.silva@globex.example.com");
    assert_eq!(after.routing.skills, ["support", "sales"]);
    assert_eq!(after.routing.levels.get("support"), Some(&8));
    ok(&mut c, &daniel, give(&["support"], &[], 2));
    assert_eq!(
        worker_of(&c, &globex, "mateo.silva@globex.example.com")
            .routing
            .levels
            .get("support"),
        Some(&1),
        "a skill with levels given without one starts at its minimum"
    );
}

#[test]
fn a_skill_is_held_by_agents_who_have_it_switched_on_or_off() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let holders = |c: &Console, name: &str| -> Vec<String> {
        let mut names: Vec<String> = c
            .skill_holders(&globex, name)
            .iter()
            .map(|w| w.full_name.clone())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        holders(&c, "support"),
        ["Daniel Wright", "Hannah Becker", "Mateo Silva"]
    );
    let billing = Skill {
        name: "billing".into(),
        multivalue: false,
        minimum: None,
        maximum: None,
    };
    ok_by(
        &mut c,
        JAMES,
        Command::CreateSkill {
            account: globex,
            skill: billing,
        },
    );
    assert!(holders(&c, "billing").is_empty());
    // Mateo holds billing switched off (in disabled_skills): he still holds it.
    let mateo = worker_of(&c, &globex, "mateo.silva@globex.example.com").clone();
    let mut value: serde_json::Value = serde_json::from_str(&mateo.attributes_json()).unwrap();
    value["disabled_skills"] = serde_json::json!({"skills": ["billing"], "levels": {}});
    ok_by(
        &mut c,
        LIAM,
        tr(
            globex,
            TaskRouterCommand::SetWorkerAttributes {
                worker: mateo.sid,
                attributes: value.to_string(),
                revision: mateo.revision.number,
            },
        ),
    );
    assert_eq!(holders(&c, "billing"), ["Mateo Silva"]);
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            Command::DeleteSkill {
                account: globex,
                name: "billing".into(),
            }
        ),
        "The skill billing is held by Mateo Silva. Take it from them in Teams first."
    );
}
