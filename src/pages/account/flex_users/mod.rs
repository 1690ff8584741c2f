//! Flex users (`/accounts/:account_sid/flex/users`): the TaskRouter workers of the account's
//! "Flex Task Assignment" workspace, their roles and attributes; Insights roles and deletion.
//!
//! Workers are TaskRouter resources, so the page needs [`Capability::ManageProducts`];
//! Insights roles additionally need what the domain asks (see `insights_dialog`).

mod attributes_dialog;
mod delete_dialog;
mod insights_dialog;
mod query;
mod table;

use crate::components::page_header::PageHeader;
use leptos::prelude::*;

use crate::domain::AccountPage;
use crate::pages::account::{AccountScope, NoFlexYet, Requires};
use crate::store::Store;

use table::WorkersTable;

/// The Flex users page.
#[component]
pub fn FlexUsers() -> impl IntoView {
    view! {
        <Requires page=AccountPage::FlexUsers>
            <FlexUsersPage />
        </Requires>
    }
}

/// The page for a user who may manage the account's products.
#[component]
fn FlexUsersPage() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let account = scope.account;
    // Only whether Flex exists decides the page's shape, so other changes do not rebuild it.
    let heading = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account).map(|a| {
                let workspace = a.flex.as_ref().map(|f| f.workspace.friendly_name.clone());
                (a.friendly_name.clone(), workspace)
            })
        })
    });
    let account_name =
        move || heading.with(|h| h.as_ref().map(|(name, _)| name.clone()).unwrap_or_default());
    let has_flex =
        Memo::new(move |_| heading.with(|h| h.as_ref().is_some_and(|(_, w)| w.is_some())));
    view! {
        <section class="page page-wide flex-users-page" aria-labelledby="flex-users-title">
            <PageHeader
                id="flex-users-title"
                title="Flex users"
                account=Signal::derive(account_name)
                description=Signal::derive(move || heading.with(|h| {
                    h.as_ref()
                        .and_then(|(_, w)| w.clone())
                        .map(|w| format!("The workers of the TaskRouter workspace “{w}”: a person becomes one by logging in to Flex."))
                }))
            />
            <Show
                when=move || has_flex.get()
                fallback=|| view! { <NoFlexYet what="Flex users" /> }
            >
                <RolesNote />
                <WorkersSection />
            </Show>
        </section>
    }
}

/// Why edits here do not last: every login sets the worker's roles afresh.
#[component]
fn RolesNote() -> impl IntoView {
    view! {
        <div class="notice flex-users-note" data-testid="roles-note">
            <p>
                <strong>"Roles are overwritten at every login. "</strong>
                "Each time a person logs in to Flex, from the Console or through SSO, their worker's Flex and "
                "Insights roles are set again from their Console roles or from the identity provider's assertion. "
                "Roles changed on this page last only until that person's next login."
            </p>
        </div>
    }
}

/// The search, filters, table and pages, with the URL's view state.
#[component]
fn WorkersSection() -> impl IntoView {
    let scope = AccountScope::get();
    let view_state = query::workers_view(&scope.account);
    view! { <WorkersTable view_state /> }
}
