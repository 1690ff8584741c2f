//! The Manage users page: the role picker's rules and the invite dialog's validation.

use flex_console::components::role_picker::RolePicker;
use flex_console::components::toast::Toasts;
use flex_console::domain::{Console, ConsoleRole};
use flex_console::pages::account::AccountScope;
use flex_console::pages::users::ManageUsers;
use flex_console::store::{Loaded, Store};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlDialogElement, HtmlInputElement};

use crate::support::{all, button, mount, settle};

/// The checkbox labelled `label` inside `root`.
fn checkbox(root: &web_sys::HtmlElement, label: &str) -> HtmlInputElement {
    all(root, "label")
        .into_iter()
        .find(|l| l.text_content().unwrap_or_default().trim() == label)
        .and_then(|l| l.query_selector("input").unwrap())
        .unwrap_or_else(|| panic!("no checkbox labelled {label}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn picking_administrator_clears_the_other_roles_and_the_reverse() {
    let roles = RwSignal::new(vec![ConsoleRole::Developer, ConsoleRole::Support]);
    let picker = mount(
        move || view! { <RolePicker roles on_pick=Callback::new(move |picked| roles.set(picked)) /> },
    );
    settle().await;
    assert!(checkbox(&picker.root, "Developer").checked());
    assert!(
        !picker.root.inner_text().contains("Owner"),
        "Owner is never offered"
    );

    checkbox(&picker.root, "Administrator").click();
    settle().await;
    assert_eq!(roles.get_untracked(), vec![ConsoleRole::Administrator]);
    assert!(checkbox(&picker.root, "Administrator").checked());
    assert!(!checkbox(&picker.root, "Developer").checked());
    assert!(!checkbox(&picker.root, "Support").checked());

    checkbox(&picker.root, "Billing Manager").click();
    settle().await;
    assert_eq!(roles.get_untracked(), vec![ConsoleRole::BillingManager]);
    assert!(!checkbox(&picker.root, "Administrator").checked());
}

/// The Manage users page of Acme Support, as its Owner Maria Garcia, with the app's providers.
#[component]
fn AcmeUsersAsMaria() -> impl IntoView {
    let console = Console::demo();
    let account = console
        .accounts()
        .find(|a| a.friendly_name == "Acme Support")
        .unwrap()
        .sid;
    let user = console
        .users()
        .find(|u| u.full_name == "Maria Garcia")
        .unwrap()
        .sid;
    let store = Store::provide(Loaded::in_memory(console));
    store.sign_in(user);
    STORE.with(|s| s.set(Some(store)));
    Toasts::provide();
    provide_context(AccountScope { account, user });
    view! { <ManageUsers /> }
}

#[wasm_bindgen_test]
async fn the_invite_dialog_shows_the_email_error_and_stays_open() {
    let page = mount(|| view! { <Router><AcmeUsersAsMaria /></Router> });
    settle().await;
    let invitations_before = invitation_count(&page);

    button(&page.root, "Invite user").click();
    settle().await;
    let dialog: HtmlDialogElement = page
        .find("dialog[aria-labelledby='dialog-invite-user']")
        .unchecked_into();
    assert!(dialog.open(), "the dialog opens");

    let email: HtmlInputElement = page.find("#invite-email").unchecked_into();
    email.set_value("not-an-email");
    email
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    checkbox(&dialog.clone().unchecked_into(), "Developer").click();
    settle().await;
    page.find("form[data-testid='invite-form'] button[type='submit']")
        .click();
    settle().await;

    let error = page.find("#invite-email-error");
    assert!(
        error.inner_text().contains("is not a valid email address"),
        "got {:?}",
        error.inner_text()
    );
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("invite-email-error")
    );
    assert!(dialog.open(), "the dialog stays open");
    assert_eq!(
        invitation_count(&page),
        invitations_before,
        "nothing was invited"
    );
    // Other tests mount the whole app: leave nobody signed in for them.
    STORE
        .with(|s| s.get())
        .expect("the page is mounted")
        .sign_out();
}

thread_local! {
    /// The store of the mounted page, to check what changed.
    static STORE: std::cell::Cell<Option<Store>> = const { std::cell::Cell::new(None) };
}

fn invitation_count(_page: &crate::support::Mounted) -> usize {
    let store = STORE.with(|s| s.get()).expect("the page is mounted");
    store.with_untracked(|c| c.accounts().map(|a| a.invitations.len()).sum())
}

/// Acme Support with `extra` more members, each invited and accepted through the domain.
fn acme_with_members(
    extra: usize,
) -> (
    Console,
    flex_console::domain::AccountSid,
    flex_console::domain::UserSid,
) {
    use flex_console::domain::{Actor, Command, DEMO_NOW, Email, InvitationId, RoleSet};
    let mut console = Console::demo();
    let account = console
        .accounts()
        .find(|a| a.friendly_name == "Acme Support")
        .unwrap()
        .sid;
    let maria = console
        .users()
        .find(|u| u.full_name == "Maria Garcia")
        .unwrap()
        .sid;
    for n in 0..extra {
        let email = Email::parse(&format!("agent{n:03}@example.com")).unwrap();
        let roles = RoleSet::only(ConsoleRole::Support);
        let invite = Command::Invite {
            account,
            email: email.clone(),
            roles,
        };
        let event = console
            .apply(&Actor::User(maria), invite, DEMO_NOW)
            .unwrap();
        let flex_console::domain::EventKind::Invited { invitation, .. } = event.kind else {
            panic!("not an invitation")
        };
        let invitation: InvitationId = invitation;
        let accept = Command::AcceptInvitation {
            account,
            invitation,
            full_name: Some(format!("Agent {n:03}")),
        };
        console
            .apply(&Actor::Email(email), accept, DEMO_NOW)
            .unwrap();
    }
    (console, account, maria)
}

#[wasm_bindgen_test]
async fn only_the_open_page_of_members_is_rendered() {
    let start_url = web_sys::window().unwrap().location().href().unwrap();
    let page = mount(|| {
        view! {
            <Router>
                {
                    let (console, account, user) = acme_with_members(60);
                    let store = Store::provide(Loaded::in_memory(console));
                    store.sign_in(user);
                    STORE.with(|s| s.set(Some(store)));
                    Toasts::provide();
                    provide_context(AccountScope { account, user });
                    view! { <ManageUsers /> }
                }
            </Router>
        }
    });
    settle().await;
    let rows = || all(&page.root, "table[aria-label='Active users'] tbody tr").len();
    assert_eq!(
        page.find("[data-testid='page-status']").inner_text(),
        "1–25 of 64"
    );
    assert_eq!(
        page.find("[data-testid='member-count']").inner_text(),
        "64 members"
    );
    assert_eq!(rows(), 25);

    let next = button(&page.root, "Next page");
    next.click();
    settle().await;
    next.click();
    settle().await;
    assert_eq!(
        page.find("[data-testid='page-status']").inner_text(),
        "51–64 of 64"
    );
    assert_eq!(
        page.find("[data-testid='member-count']").inner_text(),
        "64 members"
    );
    assert_eq!(rows(), 14);

    STORE
        .with(|s| s.get())
        .expect("the page is mounted")
        .sign_out();
    let _ = web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start_url));
}
