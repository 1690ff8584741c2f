//! TaskRouter (`/accounts/:account_sid/taskrouter/...`): the "Flex Task Assignment" workspace
//! Flex routes with, set up from the Console. The overview holds the workspace's settings and
//! leads to a page per kind of resource, each a URL: task queues, workflows, activities, task
//! channels and workers, and a page of its own for each queue, workflow and worker.
//!
//! Every page is a products page (manage products); every control asks the domain first, and
//! what the domain says (a refusal, an expression's column, "which workers match", where a
//! task would go) is what the page shows.

pub mod activities;
mod changed;
pub mod channels;
mod list;
mod matching;
mod overview;
pub mod queues;
pub mod workers;
pub mod workflows;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{AccountScope, NoFlexYet};
use crate::components::link::href;
use crate::components::page_header::PageHeader;
use crate::domain::taskrouter::Workspace;
use crate::domain::{AccountPage, Console};
use crate::store::Store;

pub use overview::TaskRouter;

/// A value read from the account's workspace, again whenever the store changes (None: the
/// account has no Flex, so no workspace).
pub fn from_workspace<T: PartialEq + Send + Sync + 'static>(
    read: impl Fn(&Console, &Workspace) -> T + Send + Sync + 'static,
) -> Memo<Option<T>> {
    let store = Store::get();
    let account = AccountScope::get().account;
    Memo::new(move |_| store.with(|c| c.workspace(&account).map(|ws| read(c, ws))))
}

/// The app path of a TaskRouter page of the account open now, e.g. `/taskrouter/queues`.
pub fn tr_path(rest: &str) -> String {
    format!("/accounts/{}/taskrouter{rest}", AccountScope::get().account)
}

/// The SID in the URL's `param` (`queue_sid`), as typed (tracked).
pub fn sid_param(param: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get(param)).unwrap_or_default())
}

/// A TaskRouter page's frame: the account above the title, the title, what the page is for,
/// its actions, and the page itself, or what an account without Flex says instead.
#[component]
pub fn TrPage(
    /// The title's element id.
    id: &'static str,
    /// The title.
    #[prop(into)]
    title: Signal<String>,
    /// One line saying what the page is for.
    #[prop(into)]
    lead: String,
    /// Where it sits: the pages above it, as (title, app path), TaskRouter first.
    #[prop(optional)]
    trail: Vec<(&'static str, String)>,
    /// The page's actions, shown right of the title.
    #[prop(optional, into)]
    actions: Option<ViewFn>,
    children: ChildrenFn,
) -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    let heading = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account)
                .map(|a| (a.friendly_name.clone(), a.flex.is_some()))
        })
    });
    let has_flex = Memo::new(move |_| heading.with(|h| h.as_ref().is_some_and(|(_, f)| *f)));
    let account_name = move || heading.with(|h| h.as_ref().map(|(n, _)| n.clone()));
    view! {
        <section class="page page-wide taskrouter-page" aria-labelledby=id>
            {(!trail.is_empty()).then(|| view! { <Breadcrumbs trail /> })}
            <PageHeader id title account=Signal::derive(move || account_name().unwrap_or_default()) description=lead>
                {actions.map(|a| view! { <Show when=move || has_flex.get()>{a.run()}</Show> })}
            </PageHeader>
            <Show when=move || has_flex.get() fallback=|| view! { <NoFlexYet what="TaskRouter resources" provisioned=true /> }>
                {children()}
            </Show>
        </section>
    }
}

/// Where a page sits: links to the pages above it.
#[component]
fn Breadcrumbs(trail: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                {trail.into_iter().map(|(title, path)| view! { <li><a href=href(&path)>{title}</a></li> }).collect_view()}
            </ol>
        </nav>
    }
}

/// The trail of a page under TaskRouter's list `list` (e.g. the task queues).
pub fn trail_to(list: AccountPage) -> Vec<(&'static str, String)> {
    let account = AccountScope::get().account;
    let mut trail = vec![(
        AccountPage::TaskRouter.title(),
        format!("/accounts/{account}{}", AccountPage::TaskRouter.path()),
    )];
    if list != AccountPage::TaskRouter {
        trail.push((list.title(), format!("/accounts/{account}{}", list.path())));
    }
    trail
}

/// What a page for one resource says when its SID is not in the workspace.
#[component]
pub fn NotInWorkspace(
    /// "task queue".
    what: &'static str,
    /// The SID from the URL.
    sid: String,
    /// The list to go back to.
    list: AccountPage,
) -> impl IntoView {
    let back = href(&format!(
        "/accounts/{}{}",
        AccountScope::get().account,
        list.path()
    ));
    view! {
        <div class="notice" data-testid="not-found">
            <p>"There is no " {what} " " <code>{sid}</code> " in this workspace; it may have been deleted."</p>
            <p><a href=back>{format!("View all {}", list.title().to_lowercase())}</a></p>
        </div>
    }
}

/// The row a table shows when the search leaves it empty.
pub(in crate::pages::account) fn no_match(
    columns: u8,
    what: &str,
    query: &str,
) -> impl IntoView + use<> {
    let text = format!("No {what} match “{}”.", query.trim());
    view! { <tr><td colspan=columns.to_string() class="muted">{text}</td></tr> }
}

/// A number typed in a field: the number, or 0 when the field is empty or not a number (0
/// shows as an empty field, so clearing a field does not write a 0 into it).
pub fn typed_number(text: &str) -> u32 {
    text.trim().parse().unwrap_or(0)
}

/// A number as a field shows it (0: empty, see [`typed_number`]).
pub fn shown_number(n: u32) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}

/// An optional number typed in a field (empty: none).
pub fn typed_optional(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}
