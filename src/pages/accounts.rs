//! All accounts of the signed-in user (`/accounts`, "View all accounts").

use leptos::prelude::*;

use crate::components::link::{href, sign_in_then};
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
    let search = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let user = store.signed_in()?;
        let query = Query::new(&search.get());
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
                .filter(|r| query.matches(&[&r.name, &r.sid]))
                .collect()
        });
        rows.sort_by_key(|r| r.name.to_lowercase());
        Some(rows)
    });

    move || {
        match rows.get() {
        None => view! {
            <section class="page" aria-labelledby="accounts-title">
                <h1 id="accounts-title">"Accounts"</h1>
                <p><a href=sign_in_then("/accounts")>"Sign in"</a> " to see your accounts."</p>
            </section>
        }
        .into_any(),
        Some(rows) => view! {
            <section class="page page-wide" aria-labelledby="accounts-title">
                <h1 id="accounts-title">"Accounts"</h1>
                <label class="field-label" for="account-search">"Search accounts"</label>
                <input
                    id="account-search"
                    class="input"
                    type="search"
                    placeholder="Name or Account SID"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Your accounts"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Account"</th>
                                <th scope="col">"Account SID"</th>
                                <th scope="col">"Your roles"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Type"</th>
                                <th scope="col">"Flex"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {if rows.is_empty() {
                                view! { <tr><td colspan="6" class="muted">"No account matches."</td></tr> }.into_any()
                            } else {
                                rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td><a href=href(&format!("/accounts/{}", r.sid))>{r.name}</a></td>
                                        <td><code>{r.sid}</code></td>
                                        <td>{r.roles}</td>
                                        <td><span class=format!("badge badge-{}", r.status.to_lowercase())>{r.status.clone()}</span></td>
                                        <td>{r.account_type}</td>
                                        <td>{if r.flex { "Set up" } else { "Not set up" }}</td>
                                    </tr>
                                }).collect_view().into_any()
                            }}
                        </tbody>
                    </table>
                </div>
            </section>
        }
        .into_any(),
    }
    }
}
