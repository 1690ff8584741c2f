//! A task queue's page (`/accounts/:account_sid/taskrouter/queues/WQ…`): its settings, edited
//! with the workers its expression targets answered as it is typed; the workflows that route
//! to it; its matching workers, searched and paged (a queue may target 15,000); and deleting
//! it, which the domain refuses while a workflow routes to it, naming the workflow.

use leptos::prelude::*;

use super::QueueFields;
use crate::components::breaks::Email;
use crate::components::confirm::ConfirmCommand;
use crate::components::copyable_sid::CopyableSid;
use crate::components::count::count;
use crate::components::draft::Draft;
use crate::components::form_problem::FormProblem;
use crate::components::link::href;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::search::searchable;
use crate::domain::{
    AccountPage, Command, TaskQueueSid, TaskQueueSpec, TaskRouterCommand, WorkerSid, WorkflowSid,
};
use crate::pages::account::taskrouter::changed::ChangedElsewhere;
use crate::pages::account::taskrouter::list::{ListPager, ListSearch, ListView, Paged, searched};
use crate::pages::account::taskrouter::matching::NoWorkerMatches;
use crate::pages::account::taskrouter::{NotInWorkspace, TrPage, sid_param, tr_path, trail_to};
use crate::pages::account::{AccountScope, Requires};
use crate::store::Store;

/// A task queue's page.
#[component]
pub fn TaskQueuePage() -> impl IntoView {
    let sid = sid_param("queue_sid");
    view! {
        <Requires page=AccountPage::TaskQueues>
            // Built anew for another queue, so no form carries over.
            {move || {
                let raw = sid.get();
                match raw.parse::<TaskQueueSid>() {
                    Ok(queue) => view! { <QueuePage queue /> }.into_any(),
                    Err(_) => view! { <Missing raw /> }.into_any(),
                }
            }}
        </Requires>
    }
}

#[component]
fn Missing(raw: String) -> impl IntoView {
    view! {
        <TrPage id="queue-title" title="Task queue not found" lead="" trail=trail_to(AccountPage::TaskQueues)>
            <NotInWorkspace what="task queue" sid=raw.clone() list=AccountPage::TaskQueues />
        </TrPage>
    }
}

/// What the page shows of the queue besides its form.
#[derive(Clone, Debug, PartialEq)]
struct Facts {
    name: String,
    members: usize,
    /// The workflows routing to it: (SID, name).
    used_by: Vec<(WorkflowSid, String)>,
}

#[component]
fn QueuePage(queue: TaskQueueSid) -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    let facts = Memo::new(move |_| {
        store.with(|c| {
            let ws = c.workspace(&account)?;
            let q = ws.queue(&queue)?;
            Some(Facts {
                name: q.friendly_name.clone(),
                members: c.queue_member_count(&queue),
                used_by: ws
                    .workflows
                    .iter()
                    .filter(|w| w.configuration.routes_to(&queue))
                    .map(|w| (w.sid, w.friendly_name.clone()))
                    .collect(),
            })
        })
    });
    let exists = Memo::new(move |_| facts.with(Option::is_some));
    let title = Signal::derive(move || {
        facts.with(|f| {
            f.as_ref()
                .map_or_else(|| "Task queue not found".to_owned(), |f| f.name.clone())
        })
    });
    view! {
        <TrPage id="queue-title" title lead="A task queue: where tasks wait, and which workers may take them."
            trail=trail_to(AccountPage::TaskQueues)>
            <Show when=move || exists.get() fallback=move || view! {
                <NotInWorkspace what="task queue" sid=queue.to_string() list=AccountPage::TaskQueues />
            }>
                <dl class="fields" data-testid="queue-facts">
                    <CopyableSid label="Task queue SID" value=queue.to_string() />
                    <div class="field">
                        <dt>"Workers matching"</dt>
                        <dd data-testid="queue-member-count">{move || facts.with(|f| {
                            let n = f.as_ref().map_or(0, |f| f.members);
                            if n == 0 { view! { <NoWorkerMatches /> }.into_any() } else { count(n, "worker", "workers").into_any() }
                        })}</dd>
                    </div>
                    <div class="field">
                        <dt>"Used by"</dt>
                        <dd data-testid="queue-used-by">{move || facts.with(|f| {
                            let used: Vec<(WorkflowSid, String)> = f.as_ref().map(|f| f.used_by.clone()).unwrap_or_default();
                            if used.is_empty() {
                                view! { <span class="muted">"No workflow routes here."</span> }.into_any()
                            } else {
                                view! { <ul class="plain-list">{used.into_iter().map(|(sid, name)| view! {
                                    <li><a href=href(&tr_path(&format!("/workflows/{sid}")))>{name}</a></li>
                                }).collect_view()}</ul> }.into_any()
                            }
                        })}</dd>
                    </div>
                </dl>
                <QueueForm queue />
                <Members queue />
                <DeleteQueue queue name=Signal::derive(move || facts.with(|f| f.as_ref().map(|f| f.name.clone()).unwrap_or_default())) />
            </Show>
        </TrPage>
    }
}

/// The queue's settings: a [`Draft`] over its spec and revision, so a change saved elsewhere
/// shows at once while nothing is typed, and a save over it is refused and offers the newer
/// values.
#[component]
fn QueueForm(queue: TaskQueueSid) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let account = scope.account;
    let stored = Memo::new(move |_| {
        store.with(|c| {
            let q = c.workspace(&account)?.queue(&queue)?;
            Some((q.spec(), q.revision.number))
        })
    });
    let draft = Draft::new(stored);
    let problem = RwSignal::new(None::<String>);
    let command = move |spec: TaskQueueSpec, revision: u64| Command::TaskRouter {
        account,
        change: TaskRouterCommand::UpdateTaskQueue {
            queue,
            spec,
            revision,
        },
    };
    let refused = scope.offer(move |_| {
        command(
            draft.values().unwrap_or_default(),
            draft.seen().unwrap_or_default(),
        )
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (spec, seen) = untrack(|| (draft.values().unwrap_or_default(), draft.seen()));
        let name = spec.friendly_name.trim().to_owned();
        match store.apply(command(spec, seen.unwrap_or_default())) {
            Ok(_) => {
                problem.set(None);
                draft.reload();
                toasts.success(format!("The task queue {name} was saved."));
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let load_newer = move |_| {
        draft.reload();
        problem.set(None);
    };
    let spec = Signal::derive(move || draft.values().unwrap_or_default());
    view! {
        <form class="card tr-form" aria-labelledby="queue-settings" on:submit=save novalidate data-testid="queue-form">
            <h2 id="queue-settings">"Settings"</h2>
            <ChangedElsewhere stale=Signal::derive(move || draft.stale()) refused on_load=Callback::new(load_newer) />
            <QueueFields prefix="queue" spec edit=Callback::new(move |s| draft.edit(|d| *d = s)) />
            <FormProblem problem />
            <div class="actions">
                <ActionButton refused class="button-primary" testid="save-queue">"Save task queue"</ActionButton>
            </div>
        </form>
    }
}

/// A worker as the members table lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Member {
    sid: WorkerSid,
    name: String,
    email: String,
    activity: String,
}

/// The workers the queue targets, searched and paged.
#[component]
fn Members(queue: TaskQueueSid) -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    // Name-sorted positions with their folded text: once per change of the state.
    let index = Memo::new(move |_| {
        store.with(|c| {
            let (Some(ws), Some(members)) = (c.workspace(&account), c.queue_members(&queue)) else {
                return Vec::new();
            };
            let mut index: Vec<(String, WorkerSid, String)> = members
                .iter()
                .filter_map(|sid| ws.workers.get(sid))
                .map(|w| {
                    (
                        w.full_name.to_lowercase(),
                        w.sid,
                        searchable(&[&w.full_name, w.identity.as_str(), w.sid.as_str()]),
                    )
                })
                .collect();
            index.sort();
            index
        })
    });
    let view = ListView::new(tr_path(&format!("/queues/{queue}")));
    let matching = Memo::new(move |_| {
        let query = searched(view);
        index.with(|ix| {
            ix.iter()
                .filter(|(_, _, text)| query.matches_folded(text))
                .map(|(_, sid, _)| *sid)
                .collect::<Vec<_>>()
        })
    });
    let paged = Paged::new(view, move || matching.with(Vec::len));
    let shown = Memo::new(move |_| {
        let (skip, take) = paged.window();
        let sids: Vec<WorkerSid> =
            matching.with(|m| m.iter().skip(skip).take(take).copied().collect());
        store.with(|c| {
            let Some(ws) = c.workspace(&account) else {
                return Vec::new();
            };
            sids.iter()
                .filter_map(|sid| ws.workers.get(sid))
                .map(|w| Member {
                    sid: w.sid,
                    name: w.full_name.clone(),
                    email: w.identity.to_string(),
                    activity: ws
                        .activity(&w.activity)
                        .map_or_else(String::new, |a| a.friendly_name.clone()),
                })
                .collect::<Vec<_>>()
        })
    });
    let all = move || index.with(Vec::len);
    view! {
        <section aria-labelledby="queue-members">
            <h2 id="queue-members">"Matching workers"</h2>
            <ListSearch paged id="member-search" what="Matching workers" placeholder="Name, email or worker SID" />
            <p class="table-summary" aria-live="polite" data-testid="member-count">
                {move || if all() == 0 {
                    "No worker matches the Queue Expression.".to_owned()
                } else {
                    paged.summary("worker", "workers", all())
                }}
            </p>
            <Show when=move || { paged.total.get() > 0 }>
                <div class="table-wrap">
                    <table class="table tr-table" data-testid="members-table">
                        <caption class="visually-hidden">"Workers the queue targets"</caption>
                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Activity"</th></tr></thead>
                        <tbody>
                            <For each=move || shown.get() key=|m| m.clone() let:m>
                                <tr data-testid="member-row">
                                    <th scope="row"><a href=href(&tr_path(&format!("/workers/{}", m.sid)))>{m.name.clone()}</a></th>
                                    <td data-label="Email" class="wrap-anywhere"><Email text=m.email.clone() /></td>
                                    <td data-label="Activity">{m.activity.clone()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
                <ListPager paged label="Pages of matching workers" size_id="member-page-size" />
            </Show>
        </section>
    }
}

/// Deleting the queue: the domain's refusal written under the button (a workflow routes to
/// it, or Flex uses it), else a confirmation, then back to the list.
#[component]
fn DeleteQueue(queue: TaskQueueSid, name: Signal<String>) -> impl IntoView {
    let scope = AccountScope::get();
    let account = scope.account;
    let command = move || Command::TaskRouter {
        account,
        change: TaskRouterCommand::DeleteTaskQueue { queue },
    };
    let refused = scope.offer(move |_| command());
    let confirm = RwSignal::new(false);
    let done = move || format!("The task queue {} was deleted.", name.get_untracked());
    view! {
        <section class="card danger-zone" aria-labelledby="delete-queue">
            <h2 id="delete-queue">"Delete this task queue"</h2>
            <p>"Tasks can no longer wait here. A queue a workflow routes to cannot be deleted."</p>
            <ActionButton refused class="button-danger" inline=true on_press=Callback::new(move |()| confirm.set(true))>
                "Delete task queue"
            </ActionButton>
            <ConfirmCommand open=confirm title="Delete this task queue?" confirm="Delete task queue" command done leave_to=tr_path("/queues")>
                <p>{move || format!("{} will be deleted. This cannot be undone.", name.get())}</p>
            </ConfirmCommand>
        </section>
    }
}
