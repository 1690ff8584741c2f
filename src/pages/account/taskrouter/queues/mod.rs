//! Task queues (`/accounts/:account_sid/taskrouter/queues`): each queue's name, Queue
//! Expression, Max Reserved Workers, Task Order and how many workers it targets (a queue
//! that targets nobody is marked); searched and paged; "Create task queue".

mod fields;
mod queue;

use leptos::prelude::*;

use super::list::{ListPager, ListSearch, ListView, Paged, searched};
use super::matching::NoWorkerMatches;
use super::{TrPage, from_workspace, tr_path};
use crate::components::command_dialog::CommandDialog;
use crate::components::count::thousands;
use crate::components::empty_state::EmptyState;
use crate::components::link::href;
use crate::components::offer::ActionButton;
use crate::domain::search::searchable;
use crate::domain::{
    AccountPage, Command, Event, EventKind, TaskQueueSid, TaskQueueSpec, TaskRouterCommand,
    TaskRouterEvent,
};
use crate::pages::account::{AccountScope, Requires};
pub use fields::QueueFields;
pub use queue::TaskQueuePage;

/// One row of the queues table.
#[derive(Clone, Debug, PartialEq)]
struct QueueRow {
    sid: TaskQueueSid,
    name: String,
    expression: String,
    max_reserved: u32,
    order: String,
    members: usize,
    /// Name, SID and expression, folded for searching.
    text: String,
}

/// The task queues page.
#[component]
pub fn TaskQueues() -> impl IntoView {
    let creating = RwSignal::new(false);
    let scope = AccountScope::get();
    // Asked with nothing typed yet: only refusals disable, not the values.
    let can_create = scope.offer(|account| Command::TaskRouter {
        account: *account,
        change: TaskRouterCommand::CreateTaskQueue {
            spec: TaskQueueSpec::default(),
        },
    });
    view! {
        <Requires page=AccountPage::TaskQueues>
            <TrPage id="queues-title" title="Task queues"
                lead="Where tasks wait for a worker. A queue's expression decides which workers it targets."
                trail=super::trail_to(AccountPage::TaskRouter)
                actions=move || view! {
                    <ActionButton refused=can_create class="button-primary" on_press=Callback::new(move |()| creating.set(true))>
                        "Create task queue"
                    </ActionButton>
                }>
                <QueueList />
            </TrPage>
            {move || creating.get().then(|| view! { <CreateQueueDialog on_close=Callback::new(move |()| creating.set(false)) /> })}
        </Requires>
    }
}

#[component]
fn QueueList() -> impl IntoView {
    let rows = from_workspace(|c, ws| {
        ws.task_queues
            .iter()
            .map(|q| QueueRow {
                sid: q.sid,
                name: q.friendly_name.clone(),
                expression: q.target_workers.clone(),
                max_reserved: q.max_reserved_workers,
                order: q.task_order.to_string(),
                members: c.queue_member_count(&q.sid),
                text: searchable(&[&q.friendly_name, q.sid.as_str(), &q.target_workers]),
            })
            .collect::<Vec<_>>()
    });
    let view = ListView::new(tr_path("/queues"));
    let matching = Memo::new(move |_| {
        let query = searched(view);
        rows.with(|r| {
            r.iter()
                .flatten()
                .filter(|row| query.matches_folded(&row.text))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let paged = Paged::new(view, move || matching.with(Vec::len));
    let shown = Memo::new(move |_| {
        let (skip, take) = paged.window();
        matching.with(|m| m.iter().skip(skip).take(take).cloned().collect::<Vec<_>>())
    });
    let all = move || rows.with(|r| r.as_ref().map_or(0, Vec::len));
    view! {
        <ListSearch paged id="queue-search" what="Task queues" placeholder="Name, SID or expression" />
        <p class="table-summary" aria-live="polite" data-testid="queue-count">
            {move || paged.summary("task queue", "task queues", all())}
        </p>
        <div class="table-wrap">
            <table class="table tr-table" data-testid="queues-table">
                <caption class="visually-hidden">"Task queues of the workspace"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Task Queue Name"</th>
                        <th scope="col">"Queue Expression"</th>
                        <th scope="col">"Max Reserved Workers"</th>
                        <th scope="col">"Task Order"</th>
                        <th scope="col">"Workers matching"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|r| (r.sid, r.name.clone(), r.expression.clone(), r.members, r.max_reserved, r.order.clone()) let:row>
                        <tr data-testid="queue-row">
                            <th scope="row"><a href=href(&tr_path(&format!("/queues/{}", row.sid)))>{row.name.clone()}</a></th>
                            <td data-label="Queue Expression"><code class="expression">{row.expression.clone()}</code></td>
                            <td data-label="Max Reserved Workers">{row.max_reserved}</td>
                            <td data-label="Task Order">{row.order.clone()}</td>
                            <td data-label="Workers matching" data-testid="queue-members">
                                {if row.members == 0 {
                                    view! { <NoWorkerMatches /> }.into_any()
                                } else {
                                    thousands(row.members).into_any()
                                }}
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || { paged.total.get() == 0 && all() > 0 }>
            <EmptyState message="No task queue matches this search.">
                <button type="button" class="button" on:click=move |_| paged.view.update(|q| {
                    q.search.clear();
                    q.page = 1;
                })>"Clear search"</button>
            </EmptyState>
        </Show>
        <ListPager paged label="Pages of task queues" size_id="queue-page-size" />
    }
}

/// "Create task queue": the queue's fields, with the workers its expression targets as it
/// is typed. It stays open with the domain's reason until the queue is created, then opens
/// the new queue's page.
#[component]
fn CreateQueueDialog(on_close: Callback<()>) -> impl IntoView {
    let scope = AccountScope::get();
    let spec = RwSignal::new(TaskQueueSpec::default());
    let command = move || Command::TaskRouter {
        account: scope.account,
        change: TaskRouterCommand::CreateTaskQueue { spec: spec.get() },
    };
    let done = |event: &Event| match created(event) {
        Some((_, name)) => format!("The task queue {name} was created."),
        None => String::new(),
    };
    let open_after: fn(&Event) -> Option<String> =
        |event| created(event).map(|(queue, _)| tr_path(&format!("/queues/{queue}")));
    view! {
        <CommandDialog title="Create task queue" testid="create-queue" submit="Create task queue" command done open_after on_close>
            <QueueFields prefix="new-queue" spec=spec edit=Callback::new(move |s| spec.set(s)) />
        </CommandDialog>
    }
}

/// The queue a command created, and its name.
fn created(event: &Event) -> Option<(TaskQueueSid, &str)> {
    match &event.kind {
        EventKind::TaskRouter {
            change: TaskRouterEvent::TaskQueueCreated { queue, name },
        } => Some((*queue, name)),
        _ => None,
    }
}
