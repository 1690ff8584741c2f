//! Ask before acting: a control learns from the domain, before it is pressed, whether it
//! may be used and why not, and learns again when the state changes (another tab's change
//! arrives the same way: as a command applied to the store).

use flex_console::components::offer::{ActionButton, offer};
use flex_console::components::toast::Toasts;
use flex_console::domain::{Actor, Command, Console, ConsoleRole, RoleSet};
use flex_console::pages::account::AccountScope;
use flex_console::pages::account::account_info::AccountInfo;
use flex_console::store::{Loaded, Store};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{button, mount, settle};

thread_local! {
    /// The store of the mounted page, and its Owner, to change the state from "elsewhere".
    static STORE: std::cell::Cell<Option<Store>> = const { std::cell::Cell::new(None) };
    static MARIA: std::cell::RefCell<Option<flex_console::domain::UserSid>> = const { std::cell::RefCell::new(None) };
}

/// The SID of the demo's Console user with this name.
fn user_sid(console: &Console, name: &str) -> flex_console::domain::UserSid {
    console.users().find(|u| u.full_name == name).unwrap().sid
}

/// Acme Support's Account Info as Priya Patel, its Administrator.
#[component]
fn AcmeInfoAsPriya() -> impl IntoView {
    let console = Console::demo();
    let sid = |name: &str| user_sid(&console, name);
    let (priya, maria) = (sid("Priya Patel"), sid("Maria Garcia"));
    let account = console
        .accounts()
        .find(|a| a.friendly_name == "Acme Support")
        .unwrap()
        .sid;
    let store = Store::provide(Loaded::in_memory(console));
    store.sign_in(priya);
    STORE.with(|s| s.set(Some(store)));
    Toasts::provide();
    MARIA.with(|m| m.replace(Some(maria)));
    provide_context(AccountScope {
        account,
        user: priya,
    });
    view! { <AccountInfo /> }
}

fn described_reason(control: &web_sys::HtmlElement) -> Option<String> {
    let id = control.get_attribute("aria-describedby")?;
    let reason = web_sys::window()?.document()?.get_element_by_id(&id)?;
    reason.text_content()
}

#[wasm_bindgen_test]
async fn a_control_is_refused_up_front_and_follows_role_changes_and_suspension() {
    let page = mount(|| view! { <Router><AcmeInfoAsPriya /></Router> });
    settle().await;
    let store = STORE.with(|s| s.get()).expect("mounted");
    let maria = MARIA.with(|m| *m.borrow()).expect("mounted");

    // An Administrator may rename; the Owner-only Close says who may and what Priya is.
    let rename = button(&page.root, "Rename");
    assert_eq!(rename.get_attribute("aria-disabled"), None);
    let close = button(&page.root, "Close account");
    assert_eq!(
        close.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        described_reason(&close).as_deref(),
        Some("Closing the account needs the Owner role. You are Administrator on Acme Support.")
    );
    // Pressing a refused control does nothing but show the reason.
    close.click();
    settle().await;
    assert!(
        page.root.query_selector("dialog[open]").unwrap().is_none(),
        "no confirmation opens for a refused control"
    );

    // The Owner makes Priya a Developer (as another tab would): Rename is refused at once.
    let account = store.with_untracked(|c| {
        c.accounts()
            .find(|a| a.friendly_name == "Acme Support")
            .unwrap()
            .sid
    });
    let priya = store.signed_in().unwrap();
    store
        .apply_as(
            &Actor::User(maria),
            Command::ChangeRoles {
                account,
                user: priya,
                roles: RoleSet::only(ConsoleRole::Developer),
                revision: None,
            },
        )
        .unwrap();
    settle().await;
    let rename = button(&page.root, "Rename");
    assert_eq!(
        rename.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        described_reason(&rename).as_deref(),
        Some(
            "Renaming the account needs the Owner or Administrator role. You are Developer on Acme Support."
        )
    );
    // A Developer still manages credentials, until the account is suspended.
    let create = button(&page.root, "Create secondary token");
    assert_eq!(create.get_attribute("aria-disabled"), None);
    store
        .apply_as(&Actor::User(maria), Command::SuspendAccount { account })
        .unwrap();
    settle().await;
    let create = button(&page.root, "Create secondary token");
    assert_eq!(
        create.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    let reason = described_reason(&create).unwrap_or_default();
    assert!(
        reason.contains("Acme Support is suspended"),
        "got {reason:?}"
    );
    let tokens_before = store.with_untracked(|c| c.activity_log().len());
    create.click();
    settle().await;
    assert_eq!(
        store.with_untracked(|c| c.activity_log().len()),
        tokens_before,
        "a refused control runs nothing"
    );
    store.sign_out();
}

/// The button alone, so nothing around it is rebuilt: its own answer must follow the state.
#[wasm_bindgen_test]
async fn the_button_asks_again_when_the_state_changes() {
    let console = Console::demo();
    let sid = |name: &str| user_sid(&console, name);
    let (priya, maria) = (sid("Priya Patel"), sid("Maria Garcia"));
    let account = console
        .accounts()
        .find(|a| a.friendly_name == "Acme Support")
        .unwrap()
        .sid;
    let pressed = RwSignal::new(0);
    let (asked, owner) = (account, Actor::User(maria));
    let page = mount(move || {
        let store = Store::provide(Loaded::in_memory(console));
        STORE.with(|s| s.set(Some(store)));
        let refused = offer(Actor::User(priya), move || Command::RenameAccount {
            account: asked,
            friendly_name: "Renamed".into(),
            revision: None,
        });
        view! {
            <ActionButton refused on_press=Callback::new(move |()| pressed.update(|n| *n += 1))>
                "Rename"
            </ActionButton>
        }
    });
    settle().await;
    let store = STORE.with(|s| s.get()).expect("mounted");
    let rename = button(&page.root, "Rename");
    assert_eq!(rename.get_attribute("aria-disabled"), None);
    rename.click();
    assert_eq!(pressed.get_untracked(), 1, "an allowed control runs");

    let priya = store.with_untracked(|c| {
        c.users()
            .find(|u| u.full_name == "Priya Patel")
            .unwrap()
            .sid
    });
    store
        .apply_as(
            &owner,
            Command::ChangeRoles {
                account,
                user: priya,
                roles: RoleSet::only(ConsoleRole::Developer),
                revision: None,
            },
        )
        .unwrap();
    settle().await;
    let rename = button(&page.root, "Rename");
    assert_eq!(
        rename.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        described_reason(&rename).as_deref(),
        Some(
            "Renaming the account needs the Owner or Administrator role. You are Developer on Acme Support."
        )
    );
    rename.click();
    assert_eq!(pressed.get_untracked(), 1, "a refused control runs nothing");
}
