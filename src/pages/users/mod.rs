//! Manage users (`/accounts/:account_sid/users`): active members and invitations.
//!
//! The whole page needs what [`AccountPage::ManageUsers`] needs; every control still asks
//! the domain whether its command is allowed.

mod active;
mod change_roles_dialog;
mod invite_dialog;
mod invited;
pub mod leave;
mod query;
mod remove_dialog;
mod transfer_dialog;

use leptos::prelude::*;

use crate::components::link::{href, take_request};
use crate::components::offer::ActionButton;
use crate::components::page_header::PageHeader;
use crate::domain::{AccountPage, Command};
use crate::pages::account::{AccountScope, Requires};
use crate::store::Store;

use active::ActiveUsers;
use invite_dialog::InviteDialog;
use invited::InvitedUsers;
use leave::LeaveAccount;
use query::Tab;
use transfer_dialog::TransferOwnership;

/// The Manage users page.
#[component]
pub fn ManageUsers() -> impl IntoView {
    view! {
        <Requires page=AccountPage::ManageUsers>
            <UsersPage />
        </Requires>
    }
}

/// The page for a user who may manage users.
#[component]
fn UsersPage() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let view_state = query::users_view(&scope.account);
    let account = scope.account;
    let account_name = move || {
        store
            .with(|c| c.account(&account).map(|a| a.friendly_name.clone()))
            .unwrap_or_default()
    };
    let tab = Memo::new(move |_| view_state.query.with(|q| q.tab));
    let base = format!("/accounts/{}/users", scope.account);
    view! {
        <section class="page users-page" aria-labelledby="users-title">
            <PageHeader
                id="users-title"
                title="Manage users"
                account=Signal::derive(account_name)
                description="The people who may sign in to this account, their roles, and the invitations waiting for an answer."
            >
                <InviteButton />
                <TransferOwnership />
                <LeaveAccount />
            </PageHeader>
            <div role="tablist" aria-label="Users" class="tabs">
                <TabLink id="tab-active" to=href(&base) selected=Signal::derive(move || tab.get() == Tab::Active)>
                    "Active users"
                </TabLink>
                <TabLink
                    id="tab-invited"
                    to=href(&format!("{base}?tab=invited"))
                    selected=Signal::derive(move || tab.get() == Tab::Invited)
                >
                    "Invited users"
                </TabLink>
            </div>
            <div
                role="tabpanel"
                id="users-panel"
                class="tab-panel"
                aria-labelledby=move || if tab.get() == Tab::Active { "tab-active" } else { "tab-invited" }
            >
                {move || match tab.get() {
                    Tab::Active => view! { <ActiveUsers view_state /> }.into_any(),
                    Tab::Invited => view! { <InvitedUsers view_state /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// A tab that is a real link, so each tab has its own URL.
#[component]
fn TabLink(
    /// The element id, named by the tab panel.
    id: &'static str,
    /// Where the tab leads (with the base path).
    to: String,
    /// Whether this tab is open.
    selected: Signal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <a
            id=id
            role="tab"
            class="tab"
            href=to
            aria-selected=move || selected.get().to_string()
            aria-controls="users-panel"
        >
            {children()}
        </a>
    }
}

/// "Invite user", refused up front with the domain's reason (a suspended account, roles
/// that do not manage users).
#[component]
fn InviteButton() -> impl IntoView {
    let scope = AccountScope::get();
    let open = RwSignal::new(false);
    // Any well-formed invitation asks the question: only refusals disable, not values.
    let refused = scope.offer(|account| Command::invite_anyone(*account));
    // The palette's "Invite user" comes here with `?do=invite`.
    if take_request("invite") && refused.get_untracked().is_none() {
        open.set(true);
    }
    view! {
        <ActionButton refused class="button-primary" on_press=Callback::new(move |()| open.set(true))>
            "Invite user"
        </ActionButton>
        <InviteDialog open refused />
    }
}
