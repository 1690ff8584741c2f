//! All accounts of the signed-in user (`/accounts`, "View all accounts").

use leptos::prelude::*;

use crate::components::copyable_sid::InlineSid;
use crate::components::empty_state::EmptyState;
use crate::components::link::{href, sign_in_then};
use crate::components::page_header::PageHeader;
use crate::components::search::{SearchBox, summary};
use crate::domain::search::Query;
use crate::store::Store;

/// One account row.
#[derive(Clone, PartialEq)]
struct Row {
    sid: String,
    name: String,
    roles: String,
    status: String,
    account_type: String,
    flex: bool,
}

/// The accounts page.
#[component]
pub fn Accounts() -> impl IntoView {
    let store = Store::get();
    // Only signing in or out changes the page's shape; a search changes its rows.
    let signed_in = Memo::new(move |_| store.signed_in().is_some());
    move || {
        if signed_in.get() {
            view! { <AccountsList /> }.into_any()
        } else {
            view! {
                <section class="page" aria-labelledby="accounts-title">
                    <PageHeader id="accounts-title" title="Accounts" />
                    <p><a href=sign_in_then("/accounts")>"Sign in"</a> " to see your accounts."</p>
                </section>
            }
            .into_any()
        }
    }
}

/// The signed-in user's accounts, with a search.
#[component]
fn AccountsList() -> impl IntoView {
    let store = Store::get();
    let search = RwSignal::new(String::new());
    let all = Memo::new(move |_| {
        let Some(user) = store.signed_in() else {
            return vec![];
        };
        let mut rows: Vec<Row> = store.with(|c| {
            c.accounts_of(&user)
                .into_iter()
                .map(|(a, roles)| Row {
                    sid: a.sid.to_string(),
                    name: a.friendly_name.clone(),
                    roles: roles.to_string(),
                    status: a.status.to_string(),
                    account_type: a.account_type.to_string(),
                    flex: a.flex.is_some(),
                })
                .collect()
        });
        rows.sort_by_key(|r| r.name.to_lowercase());
        rows
    });
    let shown = Memo::new(move |_| {
        let query = Query::new(&search.get());
        all.with(|rows| {
            rows.iter()
                .filter(|r| query.matches(&[&r.name, &r.sid]))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page page-wide" aria-labelledby="accounts-title">
            <PageHeader
                id="accounts-title"
                title="Accounts"
                description="Every account you belong to, with your roles in it. Open one to manage it."
            />
            <SearchBox id="account-search" what="Accounts" placeholder="Name or Account SID"
                value=search on_input=Callback::new(move |text| search.set(text)) />
            <p class="table-summary" aria-live="polite" data-testid="account-count">
                {move || summary(shown.with(Vec::len), all.with(Vec::len), "account", "accounts")}
            </p>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Your accounts"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Account"</th>
                            <th scope="col">"Account SID"</th>
                            <th scope="col">"Your roles"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col" class="col-secondary">"Type"</th>
                            <th scope="col">"Flex"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|r| r.sid.clone() let:r>
                            <tr>
                                <th scope="row"><a href=href(&format!("/accounts/{}", r.sid))>{r.name}</a></th>
                                <td data-label="Account SID"><InlineSid label="Account SID" value=r.sid /></td>
                                <td data-label="Your roles">{r.roles}</td>
                                <td data-label="Status"><span class=format!("badge badge-{}", r.status.to_lowercase())>{r.status.clone()}</span></td>
                                <td data-label="Type" class="col-secondary">{r.account_type}</td>
                                <td data-label="Flex">{if r.flex { "Set up" } else { "Not set up" }}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || shown.with(Vec::is_empty)>
                <EmptyState message="No account matches this search.">
                    <button type="button" class="button" on:click=move |_| search.set(String::new())>"Clear search"</button>
                </EmptyState>
            </Show>
        </section>
    }
}
