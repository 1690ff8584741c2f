//! The in-browser store: IndexedDB persistence, unreadable data, failed writes, import,
//! and two writers on one database. Each test uses its own database.

use flex_console::App;
use flex_console::domain::{AccountType, Actor, Command, Console};
use flex_console::pages::data::DataPage;
use flex_console::store::db::Db;
use flex_console::store::{Loaded, Store, open_named};
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{mount, settle, sleep, wait_for};

/// A database name no other test (or earlier run) uses.
fn unique_db(test: &str) -> String {
    format!(
        "test-{test}-{}-{}",
        js_sys::Date::now(),
        (js_sys::Math::random() * 1e9) as u64
    )
}

/// The Owner of the first demo account, as an actor.
fn owner(console: &Console) -> Actor {
    let account = console.accounts().next().unwrap();
    let (user, _) = account
        .members
        .iter()
        .find(|(_, m)| m.roles.is_owner())
        .unwrap();
    Actor::User(*user)
}

fn create_account(name: &str) -> Command {
    Command::CreateAccount {
        friendly_name: name.into(),
        account_type: AccountType::Trial,
    }
}

fn new_store(loaded: Loaded) -> (Owner, Store) {
    let owner = Owner::new();
    let store = owner.with(|| Store::new(loaded));
    (owner, store)
}

fn state(store: &Store) -> Console {
    store.with_untracked(Console::clone)
}

#[wasm_bindgen_test]
async fn a_saved_change_is_there_after_opening_again() {
    let name = unique_db("round-trip");
    let loaded = open_named(&name).await;
    assert_eq!(loaded.revision(), 0);
    assert!(loaded.recovered().is_none());
    let (_owner, store) = new_store(loaded);
    let actor = store.with_untracked(owner);
    store.apply_as(&actor, create_account("Persisted")).unwrap();
    store.settled().await;
    assert_eq!(store.save_status().error, None);

    let again = open_named(&name).await;
    assert_eq!(again.revision(), 1);
    assert!(*again.console() == state(&store));
    assert!(
        again
            .console()
            .accounts()
            .any(|a| a.friendly_name == "Persisted")
    );
}

#[wasm_bindgen_test]
async fn unreadable_data_is_kept_aside_and_the_app_starts_from_the_demo() {
    let name = unique_db("corrupt");
    let db = Db::open(&name).await.unwrap();
    db.write_raw(
        Some(r#"{"schema":1,"revision":3,"now":0,"wall":null}"#),
        Some("{ garbage"),
        &[],
    )
    .await
    .unwrap();

    let loaded = open_named(&name).await;
    let recovered = loaded
        .recovered()
        .cloned()
        .expect("the data is reported unreadable");
    assert!(recovered.text.contains("{ garbage"));
    assert!(*loaded.console() == Console::demo());
    let kept = db.kept_aside().await.unwrap();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains("{ garbage"));

    let app = mount(move || view! { <App loaded /> });
    settle().await;
    let banner = app.find("[data-testid=banner-recovered]");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner.inner_text().contains("demo scenario"));

    // Started afresh: opening again reads the demo, no longer the unreadable data.
    let again = open_named(&name).await;
    assert!(again.recovered().is_none());
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_is_kept_aside() {
    let name = unique_db("future");
    let db = Db::open(&name).await.unwrap();
    let demo = Console::demo().to_json().unwrap();
    db.write_raw(
        Some(r#"{"schema":99,"revision":1,"now":0,"wall":null}"#),
        Some(&demo),
        &[],
    )
    .await
    .unwrap();
    let loaded = open_named(&name).await;
    assert!(loaded.recovered().unwrap().reason.contains("newer version"));
}

#[wasm_bindgen_test]
async fn a_failed_write_is_reported_and_leaves_the_saved_state_intact() {
    let name = unique_db("failing");
    let (_owner, store) = new_store(open_named(&name).await);
    let actor = store.with_untracked(owner);
    store.apply_as(&actor, create_account("Saved")).unwrap();
    store.settled().await;
    let saved = state(&store);

    store.simulate_write_failure(Some(
        "QuotaExceededError: the quota has been exceeded".into(),
    ));
    store.apply_as(&actor, create_account("Not saved")).unwrap();
    store.settled().await;
    let status = store.save_status();
    assert!(
        status
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("QuotaExceededError"),
        "{status:?}"
    );
    assert_eq!(status.unsaved, 1);
    // Kept in memory…
    assert!(store.with_untracked(|c| c.accounts().any(|a| a.friendly_name == "Not saved")));
    // …and the stored state is exactly the last saved one.
    let stored = open_named(&name).await;
    assert_eq!(stored.revision(), 1);
    assert!(*stored.console() == saved);

    // Writing works again: the change kept in memory is saved.
    store.simulate_write_failure(None);
    store.retry_save();
    store.settled().await;
    assert_eq!(store.save_status().error, None);
    let stored = open_named(&name).await;
    assert_eq!(stored.revision(), 2);
    assert!(*stored.console() == state(&store));
}

#[wasm_bindgen_test]
async fn two_writers_on_one_database_keep_both_changes() {
    let name = unique_db("two-writers");
    let (_a_owner, a) = new_store(open_named(&name).await);
    let (_b_owner, b) = new_store(open_named(&name).await);
    let actor = a.with_untracked(owner);
    // Both change the same revision before either has saved.
    a.apply_as(&actor, create_account("From A")).unwrap();
    b.apply_as(&actor, create_account("From B")).unwrap();
    a.settled().await;
    b.settled().await;
    wait_for("both stores at revision 2", 2, || {
        a.revision() == 2 && b.revision() == 2
    })
    .await;

    let stored = open_named(&name).await;
    assert_eq!(stored.revision(), 2);
    let names: Vec<String> = stored
        .console()
        .accounts()
        .map(|x| x.friendly_name.clone())
        .collect();
    assert!(
        names.contains(&"From A".to_owned()) && names.contains(&"From B".to_owned()),
        "{names:?}"
    );
    assert!(*stored.console() == state(&a));
    assert!(*stored.console() == state(&b));
}

#[wasm_bindgen_test]
async fn importing_a_malformed_file_names_the_path_and_changes_nothing() {
    let page = mount(|| {
        Store::provide(Loaded::in_memory(Console::demo()));
        // The Data page holds the simulated traffic controls, which run in this tab.
        flex_console::store::traffic::TrafficRunner::provide();
        view! { <DataPage /> }
    });
    settle().await;
    let before = page.find("[data-testid=store-accounts]").inner_text();
    // A file picked by the user; its first user has an invalid email.
    let mut scenario: serde_json::Value =
        serde_json::from_str(&flex_console::store::scenario::Scenario::demo().to_json()).unwrap();
    let users = scenario["console"]["users"].as_object_mut().unwrap();
    let first = users.keys().next().unwrap().clone();
    users.get_mut(&first).unwrap()["email"] = "<b>not an email</b>".into();
    let text = scenario.to_string();
    let script = format!(
        "const dt = new DataTransfer(); dt.items.add(new File([{}], 'bad.json', {{type: 'application/json'}})); \
         const input = document.getElementById('data-import-file'); input.files = dt.files; \
         input.dispatchEvent(new Event('change', {{bubbles: true}}));",
        serde_json::to_string(&text).unwrap()
    );
    js_sys::eval(&script).unwrap();
    let mut message = String::new();
    for _ in 0..100 {
        if let Some(el) = page
            .root
            .query_selector("[data-testid=import-error]")
            .unwrap()
        {
            message = el.text_content().unwrap_or_default();
            break;
        }
        sleep(10).await;
    }
    assert!(
        message.contains(&format!("console.users.{first}.email")),
        "{message}"
    );
    assert!(message.contains("nothing changed"), "{message}");
    // Shown as text, never as HTML.
    assert!(
        page.root
            .query_selector("[data-testid=import-error] b")
            .unwrap()
            .is_none()
    );
    assert_eq!(
        page.find("[data-testid=store-accounts]").inner_text(),
        before
    );
}
