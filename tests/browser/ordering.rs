//! The store's ordering: a replacement of the whole state is done only once its transaction has
//! committed, one made while another is being written is written after it, and what a read
//! begun before a replacement brings back never lands on the new state. The database is held
//! busy by a read-write transaction kept open (as another tab's could be), so each of these
//! moments is reached on any machine, however fast. Each test uses its own database.

use flex_console::components::save_state::SaveState;
use flex_console::domain::{AccountSid, Actor, Command, Console, DEMO_NOW};
use flex_console::store::db::Db;
use flex_console::store::persist::LogEntry;
use flex_console::store::scenario::Scenario;
use flex_console::store::{Loaded, ReplaceStatus, Replacing, Store, open_named};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{button, mount, settle, wait_for};

#[wasm_bindgen(inline_js = r#"
export function hold(name) {
  return new Promise((held, fail) => {
    const open = indexedDB.open(name);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(["snapshot", "log"], "readwrite");
      tx.oncomplete = () => db.close();
      const state = { released: false };
      let first = true;
      const ask = () => {
        tx.objectStore("snapshot").get("meta").onsuccess = () => {
          if (first) { first = false; held(state); }
          if (!state.released) ask();
        };
      };
      ask();
    };
  });
}
export function release(state) { state.released = true; }
"#)]
extern "C" {
    fn hold(name: &str) -> js_sys::Promise;
    fn release(state: &JsValue);
}

/// The database held busy: every read and write of the store's waits until this is dropped.
struct Held(JsValue);

impl Drop for Held {
    fn drop(&mut self) {
        release(&self.0);
    }
}

async fn held(name: &str) -> Held {
    Held(
        wasm_bindgen_futures::JsFuture::from(hold(name))
            .await
            .unwrap(),
    )
}

fn unique_db(test: &str) -> String {
    format!(
        "test-{test}-{}-{}",
        js_sys::Date::now(),
        (js_sys::Math::random() * 1e9) as u64
    )
}

fn new_store(loaded: Loaded) -> (Owner, Store) {
    let owner = Owner::new();
    let store = owner.with(|| Store::new(loaded));
    (owner, store)
}

/// Acme Support (found by its SID, whatever it is named now) and its Owner, as an actor.
fn acme_and_owner(console: &Console) -> (AccountSid, Actor) {
    let demo = Console::demo();
    let acme = demo
        .accounts()
        .find(|a| a.friendly_name == "Acme Support")
        .unwrap()
        .sid;
    let account = console.account(&acme).unwrap();
    (acme, Actor::User(*account.owner().unwrap()))
}

fn rename(account: &AccountSid, to: &str) -> Command {
    Command::RenameAccount {
        account: *account,
        friendly_name: to.into(),
        revision: None,
    }
}

/// The demo with Acme Support renamed: a state told apart from the demo by one name.
fn demo_named(name: &str) -> Scenario {
    let mut scenario = Scenario::demo();
    let (acme, maria) = acme_and_owner(&scenario.console);
    scenario
        .console
        .apply(&maria, rename(&acme, name), DEMO_NOW)
        .unwrap();
    scenario.name = name.into();
    scenario
}

fn acme_name(console: &Console) -> String {
    let (acme, _) = acme_and_owner(console);
    console.account(&acme).unwrap().friendly_name.clone()
}

#[wasm_bindgen_test]
async fn a_replacement_is_done_only_once_written_and_leaving_asks_until_then() {
    let name = unique_db("done-when-written");
    let (_o, store) = new_store(open_named(&name).await);
    store.settled().await;
    let hold = held(&name).await;
    store.replace(demo_named("First"), Replacing::Import("First".into()));
    // The write waits behind the held transaction.
    settle().await;
    assert_eq!(
        store.replace_status(),
        ReplaceStatus::Saving(Replacing::Import("First".into()))
    );
    assert_eq!(store.save_status().unsaved, 1, "not saved, so leaving asks");
    drop(hold);
    wait_for("the replacement to be written", 10, || {
        matches!(store.replace_status(), ReplaceStatus::Done(_))
    })
    .await;
    assert_eq!(store.save_status().unsaved, 0);
    assert_eq!(acme_name(open_named(&name).await.console()), "First");
}

#[wasm_bindgen_test]
async fn a_replacement_made_while_another_is_written_is_written_after_it() {
    let name = unique_db("replaced-twice");
    let (_o, store) = new_store(open_named(&name).await);
    store.settled().await;
    let hold = held(&name).await;
    store.replace(demo_named("First"), Replacing::Import("First".into()));
    // The first replacement's write has begun, and waits.
    settle().await;
    store.replace(demo_named("Second"), Replacing::Import("Second".into()));
    let (acme, maria) = store.with_untracked(acme_and_owner);
    store
        .apply_as(&maria, rename(&acme, "Second, then changed"))
        .unwrap();
    drop(hold);
    wait_for("every write", 10, || store.save_status().unsaved == 0).await;
    store.settled().await;
    assert_eq!(
        store.replace_status(),
        ReplaceStatus::Done(Replacing::Import("Second".into()))
    );
    let stored = open_named(&name).await;
    assert_eq!(acme_name(stored.console()), "Second, then changed");
    assert!(
        *stored.console() == store.with_untracked(Console::clone),
        "what a reload finds is what the page shows"
    );
    let by: Vec<String> = store
        .restore_points()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.summary.replaced_by)
        .collect();
    assert_eq!(
        by,
        [
            "the imported file \u{201c}Second\u{201d}",
            "the imported file \u{201c}First\u{201d}"
        ],
        "both states replaced are kept"
    );
}

#[wasm_bindgen_test]
async fn another_tabs_change_read_before_a_replacement_does_not_land_on_it() {
    let name = unique_db("catch-up-then-replaced");
    let (_o, store) = new_store(open_named(&name).await);
    store.settled().await;
    // Another tab renamed Acme Support (revision 1) and is about to say so.
    let (acme, maria) = store.with_untracked(acme_and_owner);
    let entry = LogEntry {
        rev: 1,
        actor: maria,
        command: rename(&acme, "Renamed in another tab"),
        at: DEMO_NOW,
    };
    Db::open(&name)
        .await
        .unwrap()
        .write_raw(None, None, &[(1, &entry.to_json())])
        .await
        .unwrap();
    let hold = held(&name).await;
    let channel = web_sys::BroadcastChannel::new(flex_console::store::sync::CHANNEL).unwrap();
    let notice = serde_json::json!({ "db": name, "rev": 1 }).to_string();
    channel.post_message(&notice.into()).unwrap();
    // This tab begins reading the other's change, and waits.
    wait_for("this tab to catch up", 5, || store.writing()).await;
    settle().await;
    store.replace(Scenario::demo(), Replacing::Scenario("demo".into()));
    drop(hold);
    wait_for("every write", 10, || store.save_status().unsaved == 0).await;
    store.settled().await;
    channel.close();
    assert_eq!(
        store.with_untracked(acme_name),
        "Acme Support",
        "the demo, whole: no change of the state it replaced"
    );
    let stored = open_named(&name).await;
    assert!(*stored.console() == Scenario::demo().console);
}

#[wasm_bindgen_test]
async fn the_top_bar_says_saving_saved_or_not_saved_with_retry() {
    let name = unique_db("save-state");
    let loaded = open_named(&name).await;
    let provided = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = provided.clone();
    let page = mount(move || {
        slot.set(Some(Store::provide(loaded)));
        view! { <SaveState /> }
    });
    let store = provided.get().unwrap();
    store.settled().await;
    settle().await;
    let words = || page.find("[data-testid=save-state]").inner_text();
    assert_eq!(words(), "All changes saved");
    let (acme, maria) = store.with_untracked(acme_and_owner);

    let hold = held(&name).await;
    store.apply_as(&maria, rename(&acme, "Held")).unwrap();
    settle().await;
    assert_eq!(words(), "Saving\u{2026}");
    drop(hold);
    wait_for("the change to be written", 10, || {
        words() == "All changes saved"
    })
    .await;

    store.simulate_write_failure(Some("QuotaExceededError: full".into()));
    store.apply_as(&maria, rename(&acme, "Not saved")).unwrap();
    store.settled().await;
    settle().await;
    assert_eq!(words(), "Not saved");
    store.simulate_write_failure(None);
    button(&page.root, "Retry").click();
    wait_for("Retry to save it", 10, || words() == "All changes saved").await;
    assert_eq!(acme_name(open_named(&name).await.console()), "Not saved");
}
