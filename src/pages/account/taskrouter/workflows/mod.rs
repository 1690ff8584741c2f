//! Workflows (`/accounts/:account_sid/taskrouter/workflows`): each workflow's filters, its
//! Default Task Queue and Task Reservation Timeout, marked when a step or the default routes
//! to a queue no worker matches; searched and paged; "Create workflow", which opens the new
//! workflow's page to add its filters.

mod editor;
mod form;
mod json;
mod try_task;
mod workflow;

use leptos::prelude::*;

use super::list::{ListPager, ListSearch, ListView, Paged, searched};
use super::matching::NoWorkerMatches;
use super::{TrPage, from_workspace, tr_path, trail_to};
use crate::components::command_dialog::CommandDialog;
use crate::components::empty_state::EmptyState;
use crate::components::link::href;
use crate::components::offer::ActionButton;
use crate::domain::search::searchable;
use crate::domain::{
    AccountPage, Command, Event, EventKind, TaskRouterCommand, TaskRouterEvent, WorkflowSid,
    WorkflowSpec,
};
use crate::pages::account::{AccountScope, Requires};
use editor::{QueueOption, QueueSelect};
pub use workflow::WorkflowPage;

/// One row of the workflows table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct WorkflowRow {
    sid: WorkflowSid,
    name: String,
    filters: usize,
    default_queue: Option<String>,
    timeout: u32,
    /// Whether a step or the default routes to a queue no worker matches.
    to_nobody: bool,
    text: String,
}

/// The workspace's queues as options (tracked).
pub fn queue_options() -> Memo<Vec<QueueOption>> {
    let queues = from_workspace(|c, ws| {
        ws.task_queues
            .iter()
            .map(|q| QueueOption {
                sid: q.sid,
                name: q.friendly_name.clone(),
                members: c.queue_member_count(&q.sid),
            })
            .collect::<Vec<_>>()
    });
    Memo::new(move |_| queues.get().unwrap_or_default())
}

/// The workflows page.
#[component]
pub fn Workflows() -> impl IntoView {
    let creating = RwSignal::new(false);
    let scope = AccountScope::get();
    let can_create = scope.offer(|account| Command::TaskRouter {
        account: *account,
        change: TaskRouterCommand::CreateWorkflow {
            spec: WorkflowSpec::default(),
        },
    });
    view! {
        <Requires page=AccountPage::Workflows>
            <TrPage id="workflows-title" title="Workflows"
                lead="How a task finds its queue: filters tried in order, each with routing steps, and a default queue."
                trail=trail_to(AccountPage::TaskRouter)
                actions=move || view! {
                    <ActionButton refused=can_create class="button-primary" on_press=Callback::new(move |()| creating.set(true))>
                        "Create workflow"
                    </ActionButton>
                }>
                <WorkflowList />
            </TrPage>
            {move || creating.get().then(|| view! { <CreateWorkflowDialog on_close=Callback::new(move |()| creating.set(false)) /> })}
        </Requires>
    }
}

#[component]
fn WorkflowList() -> impl IntoView {
    let rows = from_workspace(|c, ws| {
        let nobody = |q: &crate::domain::TaskQueueSid| c.queue_member_count(q) == 0;
        ws.workflows
            .iter()
            .map(|w| {
                let config = &w.configuration;
                let steps_to_nobody = (0..config.filters.len())
                    .flat_map(|i| config.step_queues(i))
                    .flatten()
                    .any(|q| nobody(&q));
                WorkflowRow {
                    sid: w.sid,
                    name: w.friendly_name.clone(),
                    filters: config.filters.len(),
                    default_queue: config
                        .default_queue
                        .and_then(|q| ws.queue(&q))
                        .map(|q| q.friendly_name.clone()),
                    timeout: w.task_reservation_timeout,
                    to_nobody: steps_to_nobody || config.default_queue.as_ref().is_some_and(nobody),
                    text: searchable(&[&w.friendly_name, w.sid.as_str()]),
                }
            })
            .collect::<Vec<_>>()
    });
    let view = ListView::new(tr_path("/workflows"));
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
        <ListSearch paged id="workflow-search" what="Workflows" placeholder="Name or SID" />
        <p class="table-summary" aria-live="polite">{move || paged.summary("workflow", "workflows", all())}</p>
        <div class="table-wrap">
            <table class="table tr-table" data-testid="workflows-table">
                <caption class="visually-hidden">"Workflows of the workspace"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Workflow Name"</th>
                        <th scope="col">"Filters"</th>
                        <th scope="col">"Default Task Queue"</th>
                        <th scope="col">"Task Reservation Timeout"</th>
                        <th scope="col">"Routes to"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|r| r.clone() let:row>
                        <tr data-testid="workflow-row">
                            <th scope="row"><a href=href(&tr_path(&format!("/workflows/{}", row.sid)))>{row.name.clone()}</a></th>
                            <td data-label="Filters">{row.filters}</td>
                            <td data-label="Default Task Queue">{row.default_queue.clone().unwrap_or_else(|| "None".to_owned())}</td>
                            <td data-label="Task Reservation Timeout">{format!("{} s", row.timeout)}</td>
                            <td data-label="Routes to">
                                {if row.to_nobody {
                                    view! { <span class="match-none">"A queue no worker matches "</span><NoWorkerMatches /> }.into_any()
                                } else {
                                    view! { <span class="muted">"Queues with workers"</span> }.into_any()
                                }}
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || { paged.total.get() == 0 && all() > 0 }>
            <EmptyState message="No workflow matches this search.">
                <button type="button" class="button" on:click=move |_| paged.view.update(|q| {
                    q.search.clear();
                    q.page = 1;
                })>"Clear search"</button>
            </EmptyState>
        </Show>
        <ListPager paged label="Pages of workflows" size_id="workflow-page-size" />
    }
}

/// "Create workflow": its name, Task Reservation Timeout and Default Task Queue; its filters
/// are added on its page, which opens once it is created.
#[component]
fn CreateWorkflowDialog(on_close: Callback<()>) -> impl IntoView {
    let scope = AccountScope::get();
    let queues = queue_options();
    let spec = RwSignal::new(WorkflowSpec::default());
    let command = move || Command::TaskRouter {
        account: scope.account,
        change: TaskRouterCommand::CreateWorkflow { spec: spec.get() },
    };
    let done = |event: &Event| match created(event) {
        Some((_, name)) => format!("The workflow {name} was created. Add its filters here."),
        None => String::new(),
    };
    let open_after: fn(&Event) -> Option<String> =
        |event| created(event).map(|(workflow, _)| tr_path(&format!("/workflows/{workflow}")));
    view! {
        <CommandDialog title="Create workflow" testid="create-workflow" submit="Create workflow" command done open_after on_close>
            <div class="form-field">
                <label class="field-label" for="new-workflow-name">"Workflow Name"</label>
                <input class="input" id="new-workflow-name" type="text" autocomplete="off" maxlength="64"
                    prop:value=move || spec.with(|s| s.friendly_name.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        spec.update(|s| s.friendly_name = text);
                    } />
            </div>
            <div class="form-field">
                <label class="field-label" for="new-workflow-timeout">"Task Reservation Timeout (seconds)"</label>
                <input class="input input-number" id="new-workflow-timeout" type="number" min="1" max="86400" inputmode="numeric"
                    prop:value=move || spec.with(|s| super::shown_number(s.task_reservation_timeout))
                    on:input=move |ev| {
                        let n = super::typed_number(&event_target_value(&ev));
                        spec.update(|s| s.task_reservation_timeout = n);
                    } />
            </div>
            <div class="form-field">
                <label class="field-label" for="new-workflow-default">"Default Task Queue"</label>
                <QueueSelect id="new-workflow-default".to_owned() queues empty="None: such a task is not routed"
                    chosen=Signal::derive(move || spec.with(|s| s.configuration.default_queue))
                    on_pick=Callback::new(move |q| spec.update(|s| s.configuration.default_queue = q)) />
                <p class="hint">"Where a task no filter matches waits. Filters are added on the workflow's page."</p>
            </div>
        </CommandDialog>
    }
}

/// The workflow a command created, and its name.
fn created(event: &Event) -> Option<(WorkflowSid, &str)> {
    match &event.kind {
        EventKind::TaskRouter {
            change: TaskRouterEvent::WorkflowCreated { workflow, name },
        } => Some((*workflow, name)),
        _ => None,
    }
}
