//! Nothing a presenter does loses data: restore points (kept, shared, restored, dropped for
//! space), two stores on one database under a burst of 2,000 commands, and a burst written
//! while writing fails. Each test uses its own database.

use flex_console::domain::{Actor, Command, Console, EventKind};
use flex_console::store::scenario::Scenario;
use flex_console::store::{Loaded, Replacing, Store, open_named};
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::wait_for;

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

/// The account with this name and its Owner, as an actor.
fn account_and_owner(console: &Console, name: &str) -> (flex_console::domain::AccountSid, Actor) {
    let account = console
        .accounts()
        .find(|a| a.friendly_name == name)
        .unwrap();
    let owner = *account.owner().unwrap();
    (account.sid, Actor::User(owner))
}

fn rename(account: &flex_console::domain::AccountSid, to: &str) -> Command {
    Command::RenameAccount {
        account: *account,
        friendly_name: to.into(),
        revision: None,
    }
}

fn has_account(store: &Store, name: &str) -> bool {
    store.with_untracked(|c| c.accounts().any(|a| a.friendly_name == name))
}

#[wasm_bindgen_test]
async fn a_replaced_state_is_kept_shared_and_restored() {
    let name = unique_db("restore-points");
    let (_o, store) = new_store(open_named(&name).await);
    let (acme, maria) = store.with_untracked(|c| account_and_owner(c, "Acme Support"));
    store
        .apply_as(&maria, rename(&acme, "Renamed for the demo"))
        .unwrap();
    store.settled().await;
    assert_eq!(store.changes(), 1);

    store.replace(Scenario::demo(), Replacing::Scenario("demo".into()));
    store.settled().await;
    assert!(
        !has_account(&store, "Renamed for the demo"),
        "the demo replaced it"
    );
    assert_eq!(store.changes(), 0, "a fresh scenario has no changes");
    let points = store.restore_points().await.unwrap();
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].summary.replaced_by, "the demo scenario");
    assert_eq!(points[0].summary.changes, 1);

    // Another tab, or a reload, sees the same restore point.
    let (_o2, other) = new_store(open_named(&name).await);
    assert_eq!(other.restore_points().await.unwrap(), points);

    // Restoring puts the renamed account back, and keeps what it replaced in turn.
    store.restore(&points[0]).await.unwrap();
    store.settled().await;
    assert!(has_account(&store, "Renamed for the demo"));
    let after = store.restore_points().await.unwrap();
    assert_eq!(after.len(), 2);
    assert!(
        after[0]
            .summary
            .replaced_by
            .starts_with("restoring the data from before")
    );
    let reopened = open_named(&name).await;
    assert!(
        reopened
            .console()
            .accounts()
            .any(|a| a.friendly_name == "Renamed for the demo")
    );
    // Exports carry the state only, never the restore points.
    assert!(!store.export_text().contains("restore-point"));
}

#[wasm_bindgen_test]
async fn the_last_five_are_kept_and_storage_short_drops_the_oldest_first() {
    let name = unique_db("restore-room");
    let (_o, store) = new_store(open_named(&name).await);
    let (acme, maria) = store.with_untracked(|c| account_and_owner(c, "Acme Support"));
    for i in 1..=6 {
        store
            .apply_as(&maria, rename(&acme, &format!("Version {i}")))
            .unwrap();
        store.replace(Scenario::demo(), Replacing::Import(format!("{i}")));
        store.settled().await;
    }
    let points = store.restore_points().await.unwrap();
    let by: Vec<&str> = points
        .iter()
        .map(|p| p.summary.replaced_by.as_str())
        .collect();
    assert_eq!(
        by,
        [6, 5, 4, 3, 2].map(|i| format!("the imported file \u{201c}{i}\u{201d}"))
    );
    assert_eq!(store.dropped_for_space(), 0);

    // Room for three only: the two oldest go to make room, and the page is told.
    store.simulate_storage_room(Some(3));
    store.apply_as(&maria, rename(&acme, "Version 7")).unwrap();
    store.replace(Scenario::demo(), Replacing::Import("7".into()));
    store.settled().await;
    assert_eq!(store.save_status().error, None);
    let by: Vec<String> = store
        .restore_points()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.summary.replaced_by)
        .collect();
    assert_eq!(
        by,
        [7, 6, 5].map(|i| format!("the imported file \u{201c}{i}\u{201d}"))
    );
    assert_eq!(store.dropped_for_space(), 2);
}

#[wasm_bindgen_test]
async fn two_stores_on_one_database_keep_all_of_a_burst_of_two_thousand() {
    let name = unique_db("burst");
    let (_a_owner, a) = new_store(open_named(&name).await);
    let (_b_owner, b) = new_store(open_named(&name).await);
    let (acme, maria) = a.with_untracked(|c| account_and_owner(c, "Acme Support"));
    let (globex, james) = a.with_untracked(|c| account_and_owner(c, "Globex Contact Center"));
    for i in 0..1000 {
        a.apply_as(&maria, rename(&acme, &format!("Acme {i}")))
            .unwrap();
        b.apply_as(&james, rename(&globex, &format!("Globex {i}")))
            .unwrap();
    }
    wait_for("both stores to save and catch up", 15, || {
        a.save_status().unsaved == 0
            && b.save_status().unsaved == 0
            && a.revision() == 2000
            && b.revision() == 2000
    })
    .await;
    a.settled().await;
    b.settled().await;
    let renames = |store: &Store| {
        store.with_untracked(|c| {
            c.activity_log()
                .iter()
                .filter(|e| matches!(&e.kind, EventKind::AccountRenamed { to, .. } if to.starts_with("Acme ") || to.starts_with("Globex ")))
                .count()
        })
    };
    assert_eq!(renames(&a), 2000, "every command of both stores is applied");
    let state = |store: &Store| store.with_untracked(|c| c.to_json().unwrap());
    assert_eq!(state(&a), state(&b), "both stores end at the same state");
    let fresh = open_named(&name).await;
    assert_eq!(fresh.revision(), 2000);
    assert_eq!(
        fresh.console().to_json().unwrap(),
        state(&a),
        "and so does a fresh open"
    );
}

#[wasm_bindgen_test]
async fn a_burst_while_writing_fails_is_all_saved_once_writing_works() {
    let name = unique_db("failing-burst");
    let (_o, store) = new_store(open_named(&name).await);
    let (acme, maria) = store.with_untracked(|c| account_and_owner(c, "Acme Support"));
    store.simulate_write_failure(Some(
        "QuotaExceededError: the quota has been exceeded".into(),
    ));
    for i in 0..200 {
        store
            .apply_as(&maria, rename(&acme, &format!("Burst {i}")))
            .unwrap();
    }
    store.settled().await;
    let status = store.save_status();
    assert_eq!(status.unsaved, 200, "{status:?}");
    assert!(
        status
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("QuotaExceededError")
    );
    assert_eq!(
        open_named(&name).await.revision(),
        0,
        "nothing half-written"
    );

    store.simulate_write_failure(None);
    store.retry_save();
    wait_for("the burst to be saved", 15, || {
        store.save_status().unsaved == 0
    })
    .await;
    store.settled().await;
    assert_eq!(store.save_status().error, None);
    let stored = open_named(&name).await;
    assert_eq!(stored.revision(), 200);
    assert!(
        stored
            .console()
            .accounts()
            .any(|a| a.friendly_name == "Burst 199")
    );
    assert_eq!(
        stored.console().to_json().unwrap(),
        store.with_untracked(|c| c.to_json().unwrap())
    );
}
