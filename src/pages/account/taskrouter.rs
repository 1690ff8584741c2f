//! TaskRouter (`/accounts/:account_sid/taskrouter`): the "Flex Task Assignment" workspace
//! Flex routes with, its workflow, task queue, activities and task channels, and how many
//! workers it holds (the workers themselves are on the Flex users page).

use leptos::prelude::*;

use super::{AccountScope, NoFlexYet, Requires};
use crate::components::copyable_sid::{CopyableSid, InlineSid};
use crate::components::count::thousands;
use crate::components::link::{href, linked_search};
use crate::components::search::{SearchBox, matches};
use crate::domain::AccountPage;
use crate::store::Store;

/// What the page shows of the workspace.
#[derive(Clone, Debug, PartialEq)]
struct WorkspaceView {
    name: String,
    sid: String,
    max_workers: u32,
    workers: usize,
    /// (name, SID)
    workflows: Vec<(String, String)>,
    /// (name, target expression, SID)
    queues: Vec<(String, String, String)>,
    /// (name, available, SID)
    activities: Vec<(String, bool, String)>,
    /// (unique name, SID)
    channels: Vec<(String, String)>,
}

/// The TaskRouter page.
#[component]
pub fn TaskRouter() -> impl IntoView {
    view! {
        <Requires page=AccountPage::TaskRouter>
            <TaskRouterPage />
        </Requires>
    }
}

#[component]
fn TaskRouterPage() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let account = scope.account;
    let model = Memo::new(move |_| {
        store.with(|c| {
            let a = c.account(&account)?;
            let workspace = a.flex.as_ref().map(|f| {
                let w = &f.workspace;
                WorkspaceView {
                    name: w.friendly_name.clone(),
                    sid: w.sid.to_string(),
                    max_workers: w.max_workers,
                    workers: w.workers.len(),
                    workflows: w
                        .workflows
                        .iter()
                        .map(|f| (f.friendly_name.clone(), f.sid.to_string()))
                        .collect(),
                    queues: w
                        .task_queues
                        .iter()
                        .map(|q| {
                            (
                                q.friendly_name.clone(),
                                q.target_workers.clone(),
                                q.sid.to_string(),
                            )
                        })
                        .collect(),
                    activities: w
                        .activities
                        .iter()
                        .map(|a| (a.friendly_name.clone(), a.available, a.sid.to_string()))
                        .collect(),
                    channels: w
                        .task_channels
                        .iter()
                        .map(|t| (t.unique_name.clone(), t.sid.to_string()))
                        .collect(),
                }
            });
            Some((a.friendly_name.clone(), workspace))
        })
    });
    let account_sid = scope.account.to_string();
    move || {
        let account_sid = account_sid.clone();
        model.get().map(move |(name, workspace)| {
            view! {
                <section class="page page-wide product-page" aria-labelledby="taskrouter-title">
                    <p class="eyebrow">{name}</p>
                    <h1 id="taskrouter-title">"TaskRouter"</h1>
                    {match workspace {
                        None => view! { <NoFlexYet what="TaskRouter resources" provisioned=true /> }.into_any(),
                        Some(w) => view! { <WorkspaceDetails w account_sid /> }.into_any(),
                    }}
                </section>
            }
        })
    }
}

/// The workspace's facts, then its lists, all filtered by one search.
#[component]
fn WorkspaceDetails(w: WorkspaceView, account_sid: String) -> impl IntoView {
    let query = RwSignal::new(linked_search());
    let flex_users = href(&format!("/accounts/{account_sid}/flex/users"));
    let WorkspaceView {
        name,
        sid,
        max_workers,
        workers,
        workflows,
        queues,
        activities,
        channels,
    } = w;
    let q = move || query.get();
    let workflow_rows = {
        move || {
            let q = q();
            let rows: Vec<_> = workflows
                .iter()
                .filter(|(n, s)| matches(&q, &[n.as_str(), s.as_str()]))
                .cloned()
                .collect();
            if rows.is_empty() {
                return no_match(2, "workflows", &q).into_any();
            }
            rows.into_iter()
                .map(|(n, s)| {
                    view! {
                        <tr>
                            <th scope="row">{n}</th>
                            <td class="sid-cell" data-label="SID"><InlineSid label="Workflow SID" value=s /></td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let queue_rows = move || {
        let q = q();
        let rows: Vec<_> = queues
            .iter()
            .filter(|(n, t, s)| matches(&q, &[n.as_str(), t.as_str(), s.as_str()]))
            .cloned()
            .collect();
        if rows.is_empty() {
            return no_match(3, "task queues", &q).into_any();
        }
        rows.into_iter()
            .map(|(n, t, s)| {
                view! {
                    <tr>
                        <th scope="row">{n}</th>
                        <td data-label="Target workers"><code data-testid="target-workers">{t}</code></td>
                        <td class="sid-cell" data-label="SID"><InlineSid label="Task queue SID" value=s /></td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let activity_rows = move || {
        let q = q();
        let rows: Vec<_> = activities
            .iter()
            .filter(|(n, _, s)| matches(&q, &[n.as_str(), s.as_str()]))
            .cloned()
            .collect();
        if rows.is_empty() {
            return no_match(3, "activities", &q).into_any();
        }
        rows.into_iter()
            .map(|(n, available, s)| {
                view! {
                    <tr>
                        <th scope="row">{n}</th>
                        <td data-label="Available">{if available { "Yes" } else { "No" }}</td>
                        <td class="sid-cell" data-label="SID"><InlineSid label="Activity SID" value=s /></td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let channel_rows = move || {
        let q = q();
        let rows: Vec<_> = channels
            .iter()
            .filter(|(n, s)| matches(&q, &[n.as_str(), s.as_str()]))
            .cloned()
            .collect();
        if rows.is_empty() {
            return no_match(2, "task channels", &q).into_any();
        }
        rows.into_iter()
            .map(|(n, s)| {
                view! {
                    <tr>
                        <th scope="row"><code>{n}</code></th>
                        <td class="sid-cell" data-label="SID"><InlineSid label="Task channel SID" value=s /></td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <p class="lead">"The workspace Flex routes tasks with: its workflow sends every task to its queue, and its workers are the Flex users."</p>
        <dl class="fields" data-testid="workspace">
            <div class="field"><dt>"Workspace"</dt><dd>{name}</dd></div>
            <CopyableSid label="Workspace SID" value=sid />
            <div class="field"><dt>"Max workers"</dt><dd>{thousands(max_workers as usize)}</dd></div>
            <div class="field">
                <dt>"Workers"</dt>
                <dd data-testid="worker-count">
                    {thousands(workers)} " "
                    <a href=flex_users>"View Flex users"</a>
                </dd>
            </div>
        </dl>
        <SearchBox id="taskrouter-search" what="TaskRouter resources" placeholder="Name, SID or expression" value=query on_input=Callback::new(move |text| query.set(text)) />
        <h2>"Workflows"</h2>
        <div class="table-wrap">
            <table class="table product-table">
                <caption class="visually-hidden">"Workflows"</caption>
                <thead><tr><th scope="col">"Name"</th><th scope="col">"SID"</th></tr></thead>
                <tbody>{workflow_rows}</tbody>
            </table>
        </div>
        <h2>"Task queues"</h2>
        <div class="table-wrap">
            <table class="table product-table">
                <caption class="visually-hidden">"Task queues"</caption>
                <thead><tr><th scope="col">"Name"</th><th scope="col">"Target workers"</th><th scope="col">"SID"</th></tr></thead>
                <tbody>{queue_rows}</tbody>
            </table>
        </div>
        <h2>"Activities"</h2>
        <div class="table-wrap">
            <table class="table product-table">
                <caption class="visually-hidden">"Activities"</caption>
                <thead><tr><th scope="col">"Name"</th><th scope="col">"Available"</th><th scope="col">"SID"</th></tr></thead>
                <tbody>{activity_rows}</tbody>
            </table>
        </div>
        <h2>"Task channels"</h2>
        <div class="table-wrap">
            <table class="table product-table">
                <caption class="visually-hidden">"Task channels"</caption>
                <thead><tr><th scope="col">"Unique name"</th><th scope="col">"SID"</th></tr></thead>
                <tbody>{channel_rows}</tbody>
            </table>
        </div>
    }
}

/// The row a table shows when the search leaves it empty.
pub(super) fn no_match(columns: u8, what: &str, query: &str) -> impl IntoView + use<> {
    let text = format!("No {what} match “{}”.", query.trim());
    view! { <tr><td colspan=columns.to_string() class="muted">{text}</td></tr> }
}
