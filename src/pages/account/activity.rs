//! Activity (`/accounts/:account_sid/activity`): every change made in the account, newest
//! first, filterable by text, dates, person and kind, the filters in the URL. Every member
//! may read it (viewing logs is allowed to every role).

use leptos::prelude::*;

use super::{AccountScope, Requires};
use crate::components::activity::filters::ActivityFilters;
use crate::components::activity::query::ActivityView;
use crate::components::activity::table::{ActivityTable, entries};
use crate::components::page_header::PageHeader;
use crate::components::url_query::UrlView;
use crate::domain::AccountPage;
use crate::domain::activity::actor_key;
use crate::store::Store;

/// The Activity page.
#[component]
pub fn Activity() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Activity>
            <ActivityLog />
        </Requires>
    }
}

#[component]
fn ActivityLog() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let view_state: ActivityView = UrlView::new(format!("/accounts/{}/activity", scope.account));
    let account = scope.account;
    let people = Memo::new(move |_| store.with(|c| c.activity_actors(&account)));
    let account = scope.account;
    let name =
        Memo::new(move |_| store.with(|c| c.account(&account).map(|a| a.friendly_name.clone())));
    let account = scope.account;
    let shown = Memo::new(move |_| {
        let Ok(filter) = view_state.query.with(|q| q.filter()) else {
            return vec![];
        };
        store.with(|c| entries(c, &c.activity(&account, &filter)))
    });

    view! {
        <section class="page page-wide" aria-labelledby="activity-title">
            <PageHeader
                id="activity-title"
                title="Activity"
                account=Signal::derive(move || name.get().unwrap_or_default())
                description="Every change made in this account: who made it and when, newest first. Refused actions change nothing and are not listed."
            />
            <ActivityFilters view_state people me=actor_key(&scope.actor()) />
            <ActivityTable view_state entries=shown caption="Changes made in this account, newest first" />
        </section>
    }
}
