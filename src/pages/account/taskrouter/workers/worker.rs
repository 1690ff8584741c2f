//! A worker's page (`/accounts/:account_sid/taskrouter/workers/WK…`): its attributes edited as
//! JSON (at most 4,096 characters; a mistake named by line and column, by the domain), its
//! capacity on each task channel (0 to 50, and whether it takes the channel's tasks at all),
//! and the task queues it belongs to.

use leptos::prelude::*;

use crate::components::copyable_sid::CopyableSid;
use crate::components::count::thousands;
use crate::components::draft::Draft;
use crate::components::form_problem::FormProblem;
use crate::components::link::href;
use crate::components::offer::{ActionButton, refusal};
use crate::components::toast::Toasts;
use crate::domain::taskrouter::MAX_CAPACITY;
use crate::domain::{
    AccountPage, Command, TaskChannelSid, TaskQueueSid, TaskRouterCommand, WorkerSid,
};
use crate::pages::account::taskrouter::changed::ChangedElsewhere;
use crate::pages::account::taskrouter::matching::NoWorkerMatches;
use crate::pages::account::taskrouter::{
    NotInWorkspace, TrPage, sid_param, tr_path, trail_to, typed_number,
};
use crate::pages::account::{AccountScope, Requires};
use crate::store::Store;

use crate::domain::flex::worker::MAX_WORKER_ATTRIBUTES as MAX_ATTRIBUTES;

/// A worker's page.
#[component]
pub fn WorkerPage() -> impl IntoView {
    let sid = sid_param("worker_sid");
    view! {
        <Requires page=AccountPage::Workers>
            {move || {
                let raw = sid.get();
                match raw.parse::<WorkerSid>() {
                    Ok(worker) => view! { <Page worker /> }.into_any(),
                    Err(_) => view! {
                        <TrPage id="worker-title" title="Worker not found" lead="" trail=trail_to(AccountPage::Workers)>
                            <NotInWorkspace what="worker" sid=raw.clone() list=AccountPage::Workers />
                        </TrPage>
                    }.into_any(),
                }
            }}
        </Requires>
    }
}

/// What the page shows of the worker besides its forms.
#[derive(Clone, Debug, PartialEq)]
struct Facts {
    name: String,
    email: String,
    roles: String,
    activity: String,
    /// The queues that target it: (SID, name).
    queues: Vec<(TaskQueueSid, String)>,
}

#[component]
fn Page(worker: WorkerSid) -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    let facts = Memo::new(move |_| {
        store.with(|c| {
            let ws = c.workspace(&account)?;
            let w = ws.workers.get(&worker)?;
            Some(Facts {
                name: w.full_name.clone(),
                email: w.identity.to_string(),
                roles: w.role_names().join(", "),
                activity: ws
                    .activity(&w.activity)
                    .map_or_else(String::new, |a| a.friendly_name.clone()),
                queues: c
                    .queues_of_worker(&account, &worker)
                    .into_iter()
                    .map(|q| (q.sid, q.friendly_name.clone()))
                    .collect(),
            })
        })
    });
    let exists = Memo::new(move |_| facts.with(Option::is_some));
    let title = Signal::derive(move || {
        facts.with(|f| {
            f.as_ref()
                .map_or_else(|| "Worker not found".to_owned(), |f| f.name.clone())
        })
    });
    let fact = move |read: fn(&Facts) -> String| move || facts.with(|f| f.as_ref().map(read));
    view! {
        <TrPage id="worker-title" title lead="A worker of the workspace: what TaskRouter knows of them, how much work they take on each channel, and which queues target them."
            trail=trail_to(AccountPage::Workers)>
            <Show when=move || exists.get() fallback=move || view! {
                <NotInWorkspace what="worker" sid=worker.to_string() list=AccountPage::Workers />
            }>
                <dl class="fields" data-testid="worker-facts">
                    <CopyableSid label="Worker SID" value=worker.to_string() />
                    <div class="field"><dt>"Email"</dt><dd>{fact(|f| f.email.clone())}</dd></div>
                    <div class="field"><dt>"Roles"</dt><dd>{fact(|f| f.roles.clone())}</dd></div>
                    <div class="field"><dt>"Activity"</dt><dd data-testid="worker-activity">{fact(|f| f.activity.clone())}</dd></div>
                </dl>
                <AttributesForm worker />
                <Capacity worker />
                <section aria-labelledby="worker-queues">
                    <h2 id="worker-queues">"Task queues"</h2>
                    {move || {
                        let queues = facts.with(|f| f.as_ref().map(|f| f.queues.clone()).unwrap_or_default());
                        if queues.is_empty() {
                            view! { <p class="muted" data-testid="worker-queue-list"><NoWorkerMatches />" No queue's expression targets this worker."</p> }.into_any()
                        } else {
                            view! {
                                <p class="muted">{format!("The expressions of {} target this worker.", if queues.len() == 1 { "1 queue".to_owned() } else { format!("{} queues", thousands(queues.len())) })}</p>
                                <ul class="plain-list tr-chips" data-testid="worker-queue-list">
                                    {queues.into_iter().map(|(sid, name)| view! {
                                        <li><a href=href(&tr_path(&format!("/queues/{sid}")))>{name}</a></li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }}
                </section>
            </Show>
        </TrPage>
    }
}

/// The attributes as JSON: a [`Draft`] over the worker's attributes and revision. The
/// domain checks the text as it is typed (the line and column of a mistake, the 4,096
/// characters, Flex's own keys) and decides the save.
#[component]
fn AttributesForm(worker: WorkerSid) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let account = scope.account;
    let stored = Memo::new(move |_| {
        store.with(|c| {
            let w = c.workspace(&account)?.workers.get(&worker)?;
            Some((w.attributes_json(), w.revision.number))
        })
    });
    let draft = Draft::new(stored);
    let problem = RwSignal::new(None::<String>);
    let command = move |attributes: String, revision: u64| Command::TaskRouter {
        account,
        change: TaskRouterCommand::SetWorkerAttributes {
            worker,
            attributes,
            revision,
        },
    };
    let text = move || draft.values().unwrap_or_default();
    let refused = scope.offer(move |_| command(text(), draft.seen().unwrap_or_default()));
    // What is wrong with the text typed, in the domain's words (refusals are the button's).
    let mistake = Memo::new(move |_| {
        let command = command(text(), draft.seen().unwrap_or_default());
        store
            .check(&scope.actor(), &command)
            .err()
            .filter(|e| refusal(Err(e.clone())).is_none())
            .map(|e| e.to_string())
    });
    let length = move || draft.read(|t| t.chars().count()).unwrap_or(0);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (text, seen) = untrack(|| (text(), draft.seen().unwrap_or_default()));
        match store.apply(command(text, seen)) {
            Ok(_) => {
                problem.set(None);
                draft.reload();
                toasts.success("The worker's attributes were saved.");
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let invalid = move || mistake.with(Option::is_some);
    view! {
        <form class="card tr-form" aria-labelledby="worker-attributes" on:submit=save novalidate data-testid="attributes-form">
            <h2 id="worker-attributes">"Attributes"</h2>
            <ChangedElsewhere stale=Signal::derive(move || draft.stale()) refused on_load=Callback::new(move |()| {
                draft.reload();
                problem.set(None);
            }) />
            <div class="form-field">
                <label class="field-label" for="attributes-json">"Attributes (JSON)"</label>
                <textarea class="input json-editor" id="attributes-json" rows="14" spellcheck="false"
                    aria-describedby="attributes-check attributes-hint"
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=text
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        draft.edit(|t| *t = typed);
                    }></textarea>
                <p id="attributes-check" class=move || if invalid() { "field-error" } else { "hint" } aria-live="polite" data-testid="attributes-check">
                    {move || mistake.get().unwrap_or_else(|| format!("{} of {} characters.", thousands(length()), thousands(MAX_ATTRIBUTES)))}
                </p>
                <p class="hint" id="attributes-hint">
                    "Skills are in " <code>"routing.skills"</code> " and their levels in " <code>"routing.levels"</code>
                    ". Flex sets full_name, email, roles and contact_uri at every login: they stay as they are."
                </p>
            </div>
            <FormProblem problem />
            <div class="actions">
                <ActionButton refused class="button-primary" testid="save-attributes">"Save attributes"</ActionButton>
            </div>
        </form>
    }
}

/// One channel of the capacity table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ChannelRow {
    sid: TaskChannelSid,
    name: String,
    capacity: u32,
    available: bool,
}

/// The worker's capacity on each channel: changed as soon as a value is committed (the
/// domain refuses a capacity outside 0 to 50 and the field goes back).
#[component]
fn Capacity(worker: WorkerSid) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let account = scope.account;
    let rows = Memo::new(move |_| {
        store.with(|c| {
            let Some(ws) = c.workspace(&account) else {
                return Vec::new();
            };
            let Some(w) = ws.workers.get(&worker) else {
                return Vec::new();
            };
            ws.task_channels
                .iter()
                .map(|ch| {
                    let setting = w.channel(&ch.sid);
                    ChannelRow {
                        sid: ch.sid,
                        name: ch.unique_name.clone(),
                        capacity: setting.capacity,
                        available: setting.available,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let command = move |channel, capacity, available| Command::TaskRouter {
        account,
        change: TaskRouterCommand::SetWorkerChannel {
            worker,
            channel,
            capacity,
            available,
        },
    };
    // Whether this person may change the worker's capacity at all (asked of the first
    // channel as it is: the answer is about who they are, not about the values).
    let refused = Memo::new(move |_| {
        let (sid, capacity, available) =
            rows.with(|r| r.first().map(|r| (r.sid, r.capacity, r.available)))?;
        refusal(store.check(&scope.actor(), &command(sid, capacity, available)))
    });
    // The row of `sid` as it is now.
    let current = move |sid: TaskChannelSid| {
        rows.with_untracked(|r| r.iter().find(|r| r.sid == sid).cloned())
    };
    let set = move |sid: TaskChannelSid, capacity: Option<u32>, available: Option<bool>| {
        let Some(row) = current(sid) else {
            return false;
        };
        let capacity = capacity.unwrap_or(row.capacity);
        let available = available.unwrap_or(row.available);
        let done = if !available {
            format!(
                "{} is switched off for this worker; its capacity stays {capacity}.",
                row.name
            )
        } else {
            format!(
                "The worker now takes up to {capacity} {} tasks at once.",
                row.name
            )
        };
        let result = store.apply(command(sid, capacity, available));
        toasts.outcome(&result, done);
        result.is_ok()
    };
    view! {
        <section class="card" aria-labelledby="worker-capacity">
            <h2 id="worker-capacity">"Capacity"</h2>
            <p class="muted">{format!("How many tasks of each channel the worker holds at once (0 to {MAX_CAPACITY}); switching a channel off keeps its capacity for later.")}</p>
            {move || refused.get().map(|why| view! { <p class="hint" id="capacity-why" data-testid="capacity-why">{why}</p> })}
            <div class="table-wrap">
                <table class="table tr-table capacity-table" data-testid="capacity-table">
                    <caption class="visually-hidden">"Capacity per task channel"</caption>
                    <thead><tr><th scope="col">"Task channel"</th><th scope="col">"Capacity"</th><th scope="col">"Takes its tasks"</th></tr></thead>
                    <tbody>
                        // Keyed by channel: a change updates the row's fields in place, so
                        // focus stays where it was.
                        <For each=move || rows.get() key=|r| (r.sid, r.name.clone()) let:row>
                            {
                                let sid = row.sid;
                                let capacity_id = format!("capacity-{}", row.name);
                                let value = move || rows.with(|r| r.iter().find(|r| r.sid == sid).map(|r| (r.capacity, r.available)));
                                view! {
                                    <tr data-testid="capacity-row">
                                        <th scope="row"><label for=capacity_id.clone()>{row.name.clone()}</label></th>
                                        <td data-label="Capacity">
                                            <input class="input input-number" id=capacity_id type="number" min="0" max=MAX_CAPACITY.to_string()
                                                inputmode="numeric"
                                                aria-describedby=move || refused.with(|r| r.is_some().then_some("capacity-why"))
                                                disabled=move || refused.with(Option::is_some)
                                                prop:value=move || value().map(|(c, _)| c.to_string()).unwrap_or_default()
                                                on:change=move |ev| {
                                                    let n = typed_number(&event_target_value(&ev));
                                                    if !set(sid, Some(n), None) {
                                                        let before = current(sid).map(|r| r.capacity.to_string()).unwrap_or_default();
                                                        set_input_value(&ev, &before);
                                                    }
                                                } />
                                        </td>
                                        <td data-label="Takes its tasks">
                                            <label class="check">
                                                <input type="checkbox"
                                                    prop:checked=move || value().is_some_and(|(_, on)| on)
                                                    aria-describedby=move || refused.with(|r| r.is_some().then_some("capacity-why"))
                                                    disabled=move || refused.with(Option::is_some)
                                                    on:change=move |ev| {
                                                        set(sid, None, Some(event_target_checked(&ev)));
                                                    } />
                                                {format!("On for {}", row.name)}
                                            </label>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn set_input_value(ev: &leptos::ev::Event, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(value);
    }
}
