//! Product pages and the activity log, mounted with the app's providers: the TwiML Bin
//! editor's live check and refusal, and the activity log's kind filter.

use flex_console::components::toast::Toasts;
use flex_console::domain::{AccountSid, Console, UserSid};
use flex_console::pages::account::AccountScope;
use flex_console::pages::account::activity::Activity;
use flex_console::pages::account::twiml_bins::TwimlBins;
use flex_console::store::{Loaded, Store};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlDialogElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::support::{all, button, mount, settle};

thread_local! {
    static STORE: std::cell::Cell<Option<Store>> = const { std::cell::Cell::new(None) };
}

/// Globex Contact Center as its Developer Liam O'Brien, with the app's providers.
fn provide_globex_as_liam() {
    let console = Console::demo();
    let find_account = |c: &Console| -> AccountSid {
        let a = c
            .accounts()
            .find(|a| a.friendly_name == "Globex Contact Center");
        a.unwrap().sid
    };
    let find_user = |c: &Console| -> UserSid {
        let u = c.users().find(|u| u.full_name == "Liam O'Brien");
        u.unwrap().sid
    };
    let (account, user) = (find_account(&console), find_user(&console));
    let store = Store::provide(Loaded::in_memory(console));
    store.sign_in(user);
    STORE.with(|s| s.set(Some(store)));
    Toasts::provide();
    provide_context(AccountScope { account, user });
}

fn bin_count() -> usize {
    let store = STORE.with(|s| s.get()).expect("mounted");
    store.with_untracked(|c| c.accounts().map(|a| a.twiml_bins.len()).sum())
}

fn input(element: &web_sys::HtmlElement) {
    element
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_twiml_editor_checks_as_you_type_and_keeps_a_refused_bin_open() {
    let page = mount(|| {
        view! {
            <Router>
                {provide_globex_as_liam();
                view! { <TwimlBins /> }}
            </Router>
        }
    });
    settle().await;
    assert_eq!(bin_count(), 1);
    button(&page.root, "Create new TwiML Bin").click();
    settle().await;
    let dialog: HtmlDialogElement = page.find("dialog").unchecked_into();
    assert!(dialog.open(), "the editor opens");

    let twiml: HtmlTextAreaElement = page.find("#bin-twiml").unchecked_into();
    twiml.set_value("<Response><Say>Hi</Response>");
    input(&twiml.clone().unchecked_into());
    settle().await;
    let check = page.find("#bin-twiml-check");
    assert_eq!(
        check.inner_text(),
        "Not valid TwiML: line 1, column 18: </Response> closes <Say>; close it with </Say> first."
    );
    assert_eq!(twiml.get_attribute("aria-invalid").as_deref(), Some("true"));

    let name: web_sys::HtmlInputElement = page.find("#bin-name").unchecked_into();
    name.set_value("Greeting");
    input(&name.clone().unchecked_into());
    page.find("form[data-testid='bin-form'] button[type='submit']")
        .click();
    settle().await;
    let alert = page.find("[role='alert']");
    assert!(
        alert
            .inner_text()
            .starts_with("The TwiML is not valid at line 1, column 18"),
        "got {:?}",
        alert.inner_text()
    );
    assert!(dialog.open(), "a refused bin stays open");
    assert_eq!(
        twiml.value(),
        "<Response><Say>Hi</Response>",
        "nothing typed is lost"
    );
    assert_eq!(bin_count(), 1, "nothing was created");

    twiml.set_value("<Response><Say>Hi</Say></Response>");
    input(&twiml.clone().unchecked_into());
    settle().await;
    assert_eq!(page.find("#bin-twiml-check").inner_text(), "Valid TwiML.");
    page.find("form[data-testid='bin-form'] button[type='submit']")
        .click();
    settle().await;
    assert!(!dialog.open(), "a saved bin closes the editor");
    assert_eq!(bin_count(), 2);
    let names: Vec<String> = all(&page.root, "tbody th")
        .iter()
        .map(|th| th.inner_text())
        .collect();
    assert_eq!(names, ["After-hours message", "Greeting"]);
}

#[wasm_bindgen_test]
async fn the_activity_log_filters_by_kind() {
    let page = mount(|| {
        view! {
            <Router>
                {provide_globex_as_liam();
                view! { <Activity /> }}
            </Router>
        }
    });
    settle().await;
    let rows = || all(&page.root, "[data-testid='activity-row']");
    let everything = rows().len();
    assert!(
        everything > 10,
        "the demo's Globex log has {everything} entries"
    );
    let kind: HtmlSelectElement = page.find("#activity-kind").unchecked_into();
    kind.set_value("twiml_bins");
    kind.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let texts: Vec<String> = rows().iter().map(|r| r.inner_text()).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(
        texts[0].contains("Liam O'Brien")
            && texts[0].contains("Created the TwiML Bin After-hours message")
    );
    assert_eq!(
        page.find("[data-testid='activity-count']").inner_text(),
        "1 change"
    );
}
