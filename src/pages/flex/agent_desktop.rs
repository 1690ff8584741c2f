//! Agent desktop (`/flex/:account_sid/agent-desktop`), laid out as Flex lays it out: the
//! worker's tasks on the left (offers ringing first, then what they handle; "No tasks" when
//! there are none) with what their capacity per channel leaves free, and the selected task
//! on the right: caller, channel, queue, how long it has waited, its attributes, and its
//! actions (Accept and Reject with the offer's countdown; Wrap up and Complete). Every action
//! asks the domain first; the clock comes from [`RoutingClock`].

use leptos::prelude::*;

use super::status::{dot_class, own_status};
use super::{FlexPage, FlexScope};
use crate::components::duration::{clock, seconds_between};
use crate::components::focus;
use crate::components::link::href;
use crate::components::offer::{ActionButton, offer};
use crate::components::toast::Toasts;
use crate::domain::flex::view::FlexView;
use crate::domain::{
    AccountSid, Command, DeskAction, ReservationSid, ReservationStatus, TaskSid, Timestamp,
};
use crate::store::Store;
use crate::store::routing_clock::RoutingClock;

/// A task on the desk, as the list and the panel show it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskItem {
    /// The task.
    pub task: TaskSid,
    /// The worker's reservation of it.
    pub reservation: ReservationSid,
    /// Ringing (pending), accepted or wrapping.
    pub status: ReservationStatus,
    /// Whether it rings: offered, not answered yet (the domain's answer).
    pub ringing: bool,
    /// What the worker can do with it now, the next step first (the domain's answer).
    pub actions: Vec<DeskAction>,
    /// Who the contact is.
    pub caller: String,
    /// The channel's name ("Voice").
    pub channel: String,
    /// The queue it came from.
    pub queue: String,
    /// When the task was created.
    pub created: Timestamp,
    /// When it was offered to this worker.
    pub offered: Timestamp,
    /// When the offer times out if not answered.
    pub timeout_at: Timestamp,
    /// When the worker accepted it.
    pub accepted: Option<Timestamp>,
    /// Its priority.
    pub priority: u32,
    /// Its attributes: (key, value as JSON text, strings without quotes).
    pub attributes: Vec<(String, String)>,
}

impl DeskItem {
    /// What the task is doing, in a word or two.
    fn state(&self) -> &'static str {
        match self.status {
            ReservationStatus::Pending => "Incoming",
            ReservationStatus::Wrapping => "Wrapping up",
            _ => "Assigned",
        }
    }
}

/// The worker's desk: their tasks and what each channel has free.
fn desk_items(
    c: &crate::domain::Console,
    account: &AccountSid,
    worker: &crate::domain::WorkerSid,
) -> Vec<DeskItem> {
    let Some(ws) = c.workspace(account) else {
        return Vec::new();
    };
    c.worker_tasks(account, worker)
        .into_iter()
        .map(|d| {
            let t = d.task;
            DeskItem {
                task: t.sid,
                reservation: d.reservation.sid,
                status: d.reservation.status,
                ringing: d.ringing(),
                actions: d.actions().to_vec(),
                caller: t.caller(),
                channel: ws
                    .channel(&t.channel)
                    .map_or_else(String::new, |ch| ch.name().to_owned()),
                queue: t
                    .placement
                    .and_then(|p| ws.queue(&p.queue))
                    .map_or_else(String::new, |q| q.friendly_name.clone()),
                created: t.created,
                offered: d.reservation.created,
                timeout_at: d.reservation.timeout_at,
                accepted: t.accepted_at,
                priority: t.priority,
                attributes: t
                    .attributes
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| {
                        let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                        (k.clone(), text)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The agent desktop.
#[component]
pub fn AgentDesktop() -> impl IntoView {
    view! { <FlexPage view=FlexView::AgentDesktop><Desk /></FlexPage> }
}

#[component]
fn Desk() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let (account, worker) = (*scope.account(), *scope.worker());
    let items = Memo::new(move |_| store.with(|c| desk_items(c, &account, &worker)));
    let room = Memo::new(move |_| {
        store.with(|c| {
            c.channel_room(&account, &worker)
                .into_iter()
                .filter(|r| r.takes())
                .map(|r| {
                    // The channel's own name ("SMS"), the unique name ("sms") as the test id.
                    let shown = c
                        .workspace(&account)
                        .and_then(|ws| ws.channel(&r.channel))
                        .map_or_else(|| r.name.clone(), |ch| ch.name().to_owned());
                    (r.name.clone(), shown, r.held, r.capacity, r.free())
                })
                .collect::<Vec<_>>()
        })
    });
    let status = own_status(&scope);
    let picked = RwSignal::new(None::<TaskSid>);
    // The task shown: the one picked while it is on the desk, else the first (a new offer
    // rings first).
    let shown = Memo::new(move |_| {
        items.with(|list| {
            picked
                .get()
                .and_then(|p| list.iter().find(|i| i.task == p))
                .or_else(|| list.first())
                .cloned()
        })
    });
    let ringing = Memo::new(move |_| items.with(|l| l.iter().filter(|i| i.ringing).count()));
    view! {
        <section class="page desk-page" aria-labelledby="agent-desktop-title">
            <h1 id="agent-desktop-title" class="desk-title">"Agent desktop"</h1>
            <div class="desk">
                <section class="desk-list" aria-labelledby="desk-tasks-title">
                    <h2 id="desk-tasks-title" class="desk-list-title">
                        "Tasks"
                        <span class="desk-count" data-testid="desk-count">{move || items.with(Vec::len)}</span>
                    </h2>
                    // A new offer is announced, not only shown.
                    <p class="visually-hidden" aria-live="polite" data-testid="desk-announce">{move || match ringing.get() {
                        0 => String::new(),
                        1 => "A task is ringing for you.".to_owned(),
                        n => format!("{n} tasks are ringing for you."),
                    }}</p>
                    {move || {
                        let list = items.get();
                        if list.is_empty() {
                            view! {
                                <div class="desk-empty" data-testid="desk-empty">
                                    <p class="desk-empty-title">"No tasks"</p>
                                    <p class="muted">"While your status is Available, the tasks offered to you ring here."</p>
                                </div>
                            }.into_any()
                        } else {
                            view! {
                                <ul class="task-cards" data-testid="desk-tasks">
                                    {list.into_iter().map(|item| view! { <TaskCard item picked shown /> }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }}
                    <div class="desk-room" data-testid="desk-room">
                        <h3 class="desk-room-title">"Capacity"</h3>
                        <ul class="room-list">
                            {move || room.get().into_iter().map(|(name, shown, held, capacity, free)| view! {
                                <li data-testid=format!("room-{name}")>
                                    <span class="room-name">{shown}</span>
                                    <span class="room-free" class:room-full=free == 0>
                                        {format!("{free} free")}
                                    </span>
                                    <span class="muted">{format!("{held} of {capacity} in use")}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                </section>
                <section class="desk-panel" aria-label="Selected task">
                    {move || match shown.get() {
                        Some(item) => view! { <TaskPanel item /> }.into_any(),
                        None => view! {
                            <div class="desk-panel-empty">
                                <p class="desk-status">
                                    "Your status: "
                                    <span class=move || dot_class(status.get().presence) aria-hidden="true"></span>
                                    " "
                                    <strong data-testid="own-activity">{move || status.get().current_name}</strong>
                                </p>
                                <p class="muted">"Change it from the status in the top bar. A task offered to you shows here, with Accept and Reject."</p>
                            </div>
                        }.into_any(),
                    }}
                </section>
            </div>
        </section>
    }
}

/// A task in the list: its channel, caller, state and time; pressing it shows it.
#[component]
fn TaskCard(
    item: DeskItem,
    picked: RwSignal<Option<TaskSid>>,
    shown: Memo<Option<DeskItem>>,
) -> impl IntoView {
    let store = Store::get();
    let routing = RoutingClock::get();
    let task = item.task;
    let selected = move || shown.with(|s| s.as_ref().is_some_and(|s| s.task == task));
    let ringing = item.ringing;
    let time = {
        let item = item.clone();
        move || {
            let now = routing.now(store);
            if item.ringing {
                format!("{} left", clock(seconds_between(now, item.timeout_at)))
            } else {
                clock(seconds_between(item.accepted.unwrap_or(item.created), now))
            }
        }
    };
    view! {
        <li>
            <button
                type="button"
                class="task-card"
                class:task-card-ringing=ringing
                aria-pressed=move || selected().to_string()
                data-testid="task-card"
                on:click=move |_| picked.set(Some(task))
            >
                <span class="channel-badge" aria-hidden="true">{channel_mark(&item.channel)}</span>
                <span class="task-card-text">
                    <span class="task-card-caller">{item.caller.clone()}</span>
                    <span class="task-card-meta">
                        {format!("{} · {} · {}", item.state(), item.channel, item.queue)}
                    </span>
                </span>
                <span class="task-card-time">{time}</span>
            </button>
        </li>
    }
}

/// A channel's mark for its badge: its first letter ("V" for Voice).
fn channel_mark(channel: &str) -> String {
    channel
        .chars()
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default()
}

/// The selected task: who, where from, how long, its attributes and actions.
#[component]
fn TaskPanel(item: DeskItem) -> impl IntoView {
    let scope = FlexScope::get();
    let store = Store::get();
    let routing = RoutingClock::get();
    let waited = {
        let item = item.clone();
        move || {
            // Waiting runs on until someone accepts it.
            let until = item.accepted.unwrap_or_else(|| routing.now(store));
            clock(seconds_between(item.created, until))
        }
    };
    let handling = item
        .accepted
        .map(|accepted| move || clock(seconds_between(accepted, routing.now(store))));
    let task_page = href(&format!("/flex/{}/tasks/{}", scope.account(), item.task));
    view! {
        <article class="task-panel" aria-labelledby="task-panel-title" data-testid="task-panel">
            <header class="task-panel-head">
                <span class="channel-badge channel-badge-large" aria-hidden="true">{channel_mark(&item.channel)}</span>
                <div>
                    <h2 id="task-panel-title">{item.caller.clone()}</h2>
                    <p class="task-panel-state" data-testid="task-state">{format!("{} · {}", item.state(), item.channel)}</p>
                </div>
            </header>
            <TaskActions item=item.clone() />
            <dl class="fields task-facts">
                <div class="field"><dt>"Channel"</dt><dd>{item.channel.clone()}</dd></div>
                <div class="field"><dt>"Queue"</dt><dd data-testid="task-queue">{item.queue.clone()}</dd></div>
                <div class="field"><dt>{if item.accepted.is_some() { "Waited" } else { "Waiting" }}</dt><dd data-testid="task-waited">{waited}</dd></div>
                {handling.map(|h| view! { <div class="field"><dt>"Handling"</dt><dd data-testid="task-handling">{h}</dd></div> })}
                <div class="field"><dt>"Priority"</dt><dd>{item.priority}</dd></div>
                <div class="field"><dt>"Task"</dt><dd><a href=task_page data-testid="task-page-link"><code>{item.task.to_string()}</code></a></dd></div>
            </dl>
            <h3 class="task-panel-subtitle">"Attributes"</h3>
            {if item.attributes.is_empty() {
                view! { <p class="muted">"None."</p> }.into_any()
            } else {
                view! {
                    <dl class="attribute-list" data-testid="task-attributes">
                        {item.attributes.iter().map(|(k, v)| view! {
                            <div><dt>{k.clone()}</dt><dd>{v.clone()}</dd></div>
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
        </article>
    }
}

/// The task's actions, those the domain says it offers now, each asked first: Accept and
/// Reject while it rings, with the time left to answer; Wrap up and Complete while they
/// handle it.
#[component]
fn TaskActions(item: DeskItem) -> impl IntoView {
    let store = Store::get();
    let routing = RoutingClock::get();
    let buttons = item
        .actions
        .iter()
        .enumerate()
        .map(|(i, action)| view! { <DeskActionButton item=item.clone() action=*action first=i == 0 /> })
        .collect_view();
    if item.ringing {
        let total = seconds_between(item.offered, item.timeout_at).max(1);
        let left = move || seconds_between(routing.now(store), item.timeout_at);
        view! {
            <div class="ring" role="group" aria-labelledby="ring-title" data-testid="ring">
                <p id="ring-title" class="ring-title">
                    <span class="ring-dot" aria-hidden="true"></span>
                    {format!("Incoming {} task", item.channel.to_lowercase())}
                </p>
                <p class="ring-countdown">
                    "Answer within "
                    <strong data-testid="ring-countdown">{move || clock(left())}</strong>
                </p>
                <progress class="ring-progress" max=total value=left aria-label="Time left to answer"></progress>
                <div class="actions">{buttons}</div>
            </div>
        }
        .into_any()
    } else {
        view! { <div class="actions task-actions">{buttons}</div> }.into_any()
    }
}

/// How an action shows: its words, test id, and where focus goes once it is done (the
/// pressed button is gone: to the next step, else the task list).
fn shown(action: DeskAction) -> (&'static str, &'static str, &'static str) {
    match action {
        DeskAction::Accept => ("Accept", "accept", "[data-testid=wrap-up]"),
        DeskAction::Reject => ("Reject", "reject", "[data-testid=task-card]"),
        DeskAction::WrapUp => ("Wrap up", "wrap-up", "[data-testid=complete]"),
        DeskAction::Complete => ("Complete", "complete", "[data-testid=task-card]"),
    }
}

/// One action on the selected task, asked first; the first one offered is the primary.
#[component]
fn DeskActionButton(item: DeskItem, action: DeskAction, first: bool) -> impl IntoView {
    let scope = FlexScope::get();
    let store = Store::get();
    let account = *scope.account();
    let (task, reservation) = (item.task, item.reservation);
    let command = move || Command::Task {
        account,
        change: action.command(task, reservation),
    };
    let refused = offer(scope.actor(), command);
    let (text, testid, next) = shown(action);
    let caller = item.caller;
    let done = match action {
        DeskAction::Accept => format!("You accepted the task from {caller}."),
        DeskAction::Reject => format!("You rejected the task from {caller}."),
        DeskAction::WrapUp => format!("Wrapping up the task from {caller}."),
        DeskAction::Complete => format!("The task from {caller} is completed."),
    };
    let class = match action {
        DeskAction::Reject => "button-danger",
        _ if first => "button-primary",
        _ => "",
    };
    let run = move |()| {
        let toasts = Toasts::get();
        match store.apply_as(&scope.actor(), command()) {
            Ok(_) => {
                toasts.success(done.clone());
                focus::soon(move || {
                    if !focus::to(next) {
                        focus::to("#desk-tasks-title");
                    }
                });
            }
            Err(e) => toasts.error(e.to_string()),
        }
    };
    view! {
        <ActionButton refused class testid on_press=Callback::new(run)>
            {text}
        </ActionButton>
    }
}
