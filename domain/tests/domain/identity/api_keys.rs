//! Domain rules: API keys (`SK…`), Standard or Main, their secret shown once.

use crate::common::*;
use flex_console_domain::*;

fn create(account: &AccountSid, name: &str, key_type: ApiKeyType) -> Command {
    Command::CreateApiKey {
        account: *account,
        friendly_name: name.into(),
        key_type,
    }
}

/// Creates a key as `by` and gives its SID and secret.
fn created(c: &mut Console, by: &str, account: &AccountSid, name: &str) -> (ApiKeySid, String) {
    let event = ok_by(c, by, create(account, name, ApiKeyType::Standard));
    let EventKind::ApiKeyCreated { key, secret, .. } = event.kind else {
        panic!("not a key: {event:?}")
    };
    (
        key,
        secret.expect("the secret comes back").as_str().to_owned(),
    )
}

#[test]
fn a_new_key_hands_out_its_secret_once_and_the_console_keeps_none_of_it() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let event = ok_by(
        &mut c,
        LIAM,
        create(&globex, "  Deploy pipeline ", ApiKeyType::Main),
    );
    let EventKind::ApiKeyCreated {
        key,
        friendly_name,
        key_type,
        secret,
    } = &event.kind
    else {
        panic!("not a key: {event:?}")
    };
    let secret = secret.as_ref().expect("the secret comes back").as_str();
    assert_eq!(secret.len(), 32);
    assert!(secret.chars().all(|ch| ch.is_ascii_alphanumeric()));
    assert!(key.as_str().starts_with("SK"));
    assert_eq!(
        (friendly_name.as_str(), *key_type),
        ("Deploy pipeline", ApiKeyType::Main)
    );
    let stored = &c.account(&globex).unwrap().api_keys[key];
    assert_eq!(stored.friendly_name, "Deploy pipeline");
    assert_eq!(stored.key_type, ApiKeyType::Main);
    assert_eq!(stored.created, now());
    // Never again: not in the log, not in what is saved or exported.
    let logged = c.activity_log().last().unwrap();
    assert!(matches!(
        &logged.kind,
        EventKind::ApiKeyCreated { secret: None, .. }
    ));
    assert!(!c.to_json().unwrap().contains(secret));
    assert!(
        !format!("{event:?}").contains(secret),
        "Debug must not leak it"
    );
    assert_eq!(
        c.describe(logged),
        "Created the Main API key Deploy pipeline"
    );
    assert_eq!(logged.kind.activity_kind(), ActivityKind::Credentials);
}

#[test]
fn every_key_has_its_own_sid_and_secret() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let (first, first_secret) = created(&mut c, JAMES, &globex, "One");
    let (second, second_secret) = created(&mut c, JAMES, &globex, "One");
    assert_ne!(first, second);
    assert_ne!(first_secret, second_secret);
    assert_eq!(c.account(&globex).unwrap().api_keys.len(), 2);
}

#[test]
fn only_the_api_credentials_roles_manage_keys_and_open_the_page() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    // Owner, Administrator (Grace is Developer + Support: the Developer role counts), Developer.
    for allowed in [JAMES, LIAM, GRACE] {
        let actor = user(&c, allowed);
        assert_eq!(c.may_open(&actor, &globex, AccountPage::ApiKeys), Ok(()));
        created(&mut c, allowed, &globex, "Allowed");
    }
    let sofia = user(&c, SOFIA);
    assert_eq!(
        c.may_open(&sofia, &globex, AccountPage::ApiKeys)
            .unwrap_err()
            .to_string(),
        "Managing API keys needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
    assert_eq!(
        refused_by(&mut c, SOFIA, create(&globex, "Mine", ApiKeyType::Standard)),
        "Creating API keys needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
    // Maria is Support in Globex.
    let (key, _) = created(&mut c, JAMES, &globex, "Theirs");
    let maria_refused = refused_by(
        &mut c,
        MARIA,
        Command::DeleteApiKey {
            account: globex,
            key,
        },
    );
    assert_eq!(
        maria_refused,
        "Deleting API keys needs the Owner, Administrator or Developer role. You are Support on Globex Contact Center."
    );
    assert!(
        c.may_open(&user(&c, MARIA), &globex, AccountPage::ApiKeys)
            .is_err()
    );
}

#[test]
fn a_key_needs_a_name_of_at_most_64_characters() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    assert_eq!(
        refused_by(&mut c, JAMES, create(&globex, "   ", ApiKeyType::Standard)),
        "The API key name must not be empty."
    );
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            create(&globex, &"k".repeat(65), ApiKeyType::Standard)
        ),
        "The API key name is too long: it can have at most 64 characters."
    );
    created(&mut c, JAMES, &globex, &"k".repeat(64));
    // A name is the person's to correct: the control that asks stays offered.
    let empty = c.check(
        &user(&c, JAMES),
        &create(&globex, "", ApiKeyType::Main),
        now(),
    );
    assert!(empty.unwrap_err().concerns_input());
}

#[test]
fn renaming_changes_the_name_and_nothing_else() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let (key, _) = created(&mut c, LIAM, &globex, "Old name");
    let before = c.account(&globex).unwrap().api_keys[&key].clone();
    let rename = |name: &str| Command::RenameApiKey {
        account: globex,
        key,
        friendly_name: name.into(),
        revision: None,
    };
    assert_eq!(
        refused_by(&mut c, LIAM, rename("")),
        "The API key name must not be empty."
    );
    let event = ok_by(&mut c, LIAM, rename("New name"));
    let after = &c.account(&globex).unwrap().api_keys[&key];
    assert_eq!(after.friendly_name, "New name");
    assert_eq!(
        (after.sid, after.key_type, after.created),
        (before.sid, before.key_type, before.created)
    );
    assert_eq!(
        c.describe(&event),
        "Renamed the API key Old name to New name"
    );
    let gone: ApiKeySid = format!("SK{}", "0".repeat(32)).parse().unwrap();
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            Command::RenameApiKey {
                account: globex,
                key: gone,
                friendly_name: "X".into(),
                revision: None,
            }
        ),
        format!("There is no API key {gone} in this account.")
    );
}

#[test]
fn deleting_revokes_the_key_for_good() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let (key, _) = created(&mut c, JAMES, &globex, "Old integration");
    assert_eq!(c.locate(key.as_str()).len(), 1);
    let event = ok_by(
        &mut c,
        JAMES,
        Command::DeleteApiKey {
            account: globex,
            key,
        },
    );
    assert_eq!(c.describe(&event), "Deleted the API key Old integration");
    assert!(c.account(&globex).unwrap().api_keys.is_empty());
    assert!(c.locate(key.as_str()).is_empty());
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            Command::DeleteApiKey {
                account: globex,
                key
            }
        ),
        "The API key Old integration was deleted from this account."
    );
}

#[test]
fn a_suspended_or_closed_account_takes_no_keys() {
    let mut c = demo();
    let umbrella = account(&c, UMBRELLA);
    let suspended = refused_by(
        &mut c,
        AHMED,
        create(&umbrella, "Nope", ApiKeyType::Standard),
    );
    assert!(suspended.contains("suspended"), "{suspended}");
    let hooli = account(&c, HOOLI);
    let closed = refused_by(&mut c, AHMED, create(&hooli, "Nope", ApiKeyType::Standard));
    assert!(closed.contains("closed"), "{closed}");
}

#[test]
fn a_key_is_found_by_its_sid_on_the_api_keys_page() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let (key, _) = created(&mut c, JAMES, &globex, "Reporting");
    let found = c.locate(key.as_str());
    assert_eq!(found.len(), 1);
    let (at, resource) = &found[0];
    assert_eq!(*at, globex);
    assert_eq!(resource.kind.page(), AccountPage::ApiKeys);
    assert_eq!(
        (resource.name.as_str(), resource.detail.as_str()),
        ("Reporting", "Standard key")
    );
}

#[test]
fn saved_keys_load_back_and_a_bad_one_is_named() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let (key, _) = created(&mut c, JAMES, &globex, "Saved");
    let loaded = Console::from_json(&c.to_json().unwrap()).unwrap();
    assert_eq!(
        loaded.account(&globex).unwrap().api_keys[&key].friendly_name,
        "Saved"
    );
    // Data saved before keys existed has none.
    let mut old: serde_json::Value = serde_json::from_str(&demo().to_json().unwrap()).unwrap();
    for acc in old["accounts"].as_object_mut().unwrap().values_mut() {
        acc.as_object_mut().unwrap().remove("api_keys");
    }
    assert!(Console::from_json(&old.to_string()).is_ok());
    // A key whose name was emptied by hand is refused, by its path.
    let mut bad: serde_json::Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    bad["accounts"][globex.as_str()]["api_keys"][key.as_str()]["friendly_name"] = "".into();
    let error = Console::from_json(&bad.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(&format!("accounts.{globex}.api_keys.{key}.friendly_name")),
        "{error}"
    );
}

#[test]
fn replaying_a_key_creation_from_saved_data_does_not_give_its_secret_back() {
    // What the store keeps: a snapshot, then the commands run since. The secret is drawn from
    // a source outside that state, seeded by the store from the browser's crypto.
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let snapshot = c.to_json().unwrap();
    c.seed_secrets(0x2f1e_99a0_c3d4_5e6f);
    let (key, secret) = created(&mut c, JAMES, &globex, "Replayed");

    let mut replayed = Console::from_json(&snapshot).unwrap();
    let (replayed_key, replayed_secret) = created(&mut replayed, JAMES, &globex, "Replayed");
    assert_eq!(replayed_key, key, "the state replays exactly");
    assert!(replayed == c, "the same state, whatever the secret source");
    assert_ne!(
        replayed_secret, secret,
        "the saved data must not give the secret back"
    );
}
