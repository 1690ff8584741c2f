//! TaskRouter's tasks in the Console (`/accounts/:account_sid/taskrouter/tasks`): every task
//! of the workspace (routing, handled, or ended in the last five minutes, as TaskRouter keeps
//! them), each linking to its own page where it explains itself; and "Create a task", as the
//! Console's Tasks page offers it, to send one through a workflow by hand.

mod create;
pub mod task;

use leptos::prelude::*;

use super::{AccountScope, NoFlexYet, Requires};
use crate::components::duration::{clock, seconds_between, time_of_day};
use crate::components::empty_state::EmptyState;
use crate::components::link::href;
use crate::components::task_story::status_word;
use crate::domain::{AccountPage, TaskSid, TaskStatus, Timestamp};
use crate::store::Store;
use crate::store::routing_clock::RoutingClock;
use create::CreateTask;

/// One row of the tasks table.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    sid: TaskSid,
    caller: String,
    status: TaskStatus,
    channel: String,
    queue: String,
    agent: String,
    created: Timestamp,
    /// When it stopped waiting (accepted or ended), if it did.
    waited_until: Option<Timestamp>,
}

/// The Tasks page.
#[component]
pub fn Tasks() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Tasks>
            <TasksPage />
        </Requires>
    }
}

#[component]
fn TasksPage() -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    let model = Memo::new(move |_| {
        store.with(|c| {
            let a = c.account(&account)?;
            let rows = c.workspace(&account).map(|ws| {
                let mut rows: Vec<Row> = ws
                    .tasks
                    .values()
                    .map(|t| Row {
                        sid: t.sid,
                        caller: t.caller(),
                        status: t.status,
                        channel: ws
                            .channel(&t.channel)
                            .map_or_else(String::new, |c| c.name().to_owned()),
                        queue: t
                            .placement
                            .and_then(|p| ws.queue(&p.queue))
                            .map_or_else(String::new, |q| q.friendly_name.clone()),
                        agent: t
                            .worker
                            .and_then(|w| ws.workers.get(&w))
                            .map_or_else(String::new, |w| w.full_name.clone()),
                        created: t.created,
                        waited_until: t.accepted_at.or(t.ended),
                    })
                    .collect();
                // Those still open first, newest first within each.
                rows.sort_by_key(|r| (r.status.ended(), std::cmp::Reverse(r.created), r.sid));
                rows
            });
            Some((a.friendly_name.clone(), rows))
        })
    });
    move || {
        model.get().map(|(name, rows)| {
            view! {
                <section class="page page-wide product-page" aria-labelledby="tasks-title">
                    <p class="eyebrow">{name}</p>
                    <h1 id="tasks-title">"Tasks"</h1>
                    <p class="lead">"Every task of the Flex workspace: waiting, offered, handled, or ended in the last five minutes. Each explains where it went and why."</p>
                    {match rows {
                        None => view! { <NoFlexYet what="TaskRouter resources" provisioned=true /> }.into_any(),
                        Some(rows) => view! {
                            <CreateTask />
                            <TaskTable rows />
                        }.into_any(),
                    }}
                </section>
            }
        })
    }
}

#[component]
fn TaskTable(rows: Vec<Row>) -> impl IntoView {
    let store = Store::get();
    let routing = RoutingClock::get();
    let account = AccountScope::get().account;
    if rows.is_empty() {
        return view! {
            <EmptyState
                message="No tasks yet. A task is created when a call or message reaches a Studio flow's Send to Flex step, or with \"Create a task\" above."
                testid="no-tasks"
            />
        }
        .into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="tasks-table">
                <caption class="visually-hidden">"Tasks, those still open first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Task"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Channel"</th>
                        <th scope="col">"Queue"</th>
                        <th scope="col">"Agent"</th>
                        <th scope="col">"Waited"</th>
                        <th scope="col">"Created"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let page = href(&format!("/accounts/{account}/taskrouter/tasks/{}", r.sid));
                        let (created, until) = (r.created, r.waited_until);
                        let waited = move || {
                            let end = until.unwrap_or_else(|| routing.now(store));
                            clock(seconds_between(created, end))
                        };
                        view! {
                            <tr data-testid="task-row">
                                <th scope="row">
                                    <a href=page>{r.caller}</a>
                                    <br /><code class="muted sid-cell">{r.sid.to_string()}</code>
                                </th>
                                <td data-label="Status"><span class="badge">{status_word(r.status)}</span></td>
                                <td data-label="Channel">{r.channel}</td>
                                <td data-label="Queue">{r.queue}</td>
                                <td data-label="Agent">{r.agent}</td>
                                <td data-label="Waited">{waited}</td>
                                <td data-label="Created">{time_of_day(r.created)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
