//! Activity (`/activity`): the log across every account of the signed-in user whose log
//! they may read, with sign-ups, newest first; each entry names its account (a link to that
//! account's Activity). Filters as on an account's log, plus the account, all in the URL.

use leptos::prelude::*;

use crate::components::activity::filters::ActivityFilters;
use crate::components::activity::query::ActivityView;
use crate::components::activity::table::{ActivityTable, entries};
use crate::components::link::sign_in_then;
use crate::components::page_header::PageHeader;
use crate::components::url_query::UrlView;
use crate::domain::UserSid;
use crate::store::Store;

/// The Console-wide Activity page.
#[component]
pub fn ConsoleActivity() -> impl IntoView {
    let store = Store::get();
    // Only signing in or out (or as someone else) changes the page's shape.
    let user = Memo::new(move |_| store.signed_in());
    move || {
        match user.get() {
        Some(user) => view! { <ConsoleLog user /> }.into_any(),
        None => view! {
            <section class="page" aria-labelledby="activity-title">
                <PageHeader id="activity-title" title="Activity" />
                <p><a href=sign_in_then("/activity")>"Sign in"</a> " to see the activity of your accounts."</p>
            </section>
        }
        .into_any(),
    }
    }
}

/// The signed-in user's log, with its filters.
#[component]
fn ConsoleLog(user: UserSid) -> impl IntoView {
    let store = Store::get();
    let view_state: ActivityView = UrlView::new("/activity".into());
    let me = user.to_string();
    let asker = user;
    let choices = Memo::new(move |_| store.with(|c| c.console_activity_choices(&asker)));
    let shown = Memo::new(move |_| {
        let Ok(filter) = view_state.query.with(|q| q.filter()) else {
            return vec![];
        };
        store.with(|c| entries(c, &c.console_activity(&user, &filter)))
    });
    view! {
        <section class="page page-wide" aria-labelledby="activity-title">
            <PageHeader
                id="activity-title"
                title="Activity"
                description="Every change in the accounts you belong to, and the sign-ups of the people in them: who made it, when and where, newest first."
            />
            <ActivityFilters
                view_state
                people=Signal::derive(move || choices.with(|c| c.people.clone()))
                accounts=Signal::derive(move || choices.with(|c| c.accounts.clone()))
                me
            />
            <ActivityTable view_state entries=shown caption="Changes in your accounts, newest first" with_account=true />
        </section>
    }
}
