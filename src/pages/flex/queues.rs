//! Queue stats (`/flex/:account_sid/queues`), as Flex's Real-Time Queues view shows them:
//! tiles for all queues (active and waiting tasks, the longest wait, agents by availability,
//! today's service level) above the table of queues with the same figures per queue and
//! each queue's service level threshold, which admins change here. The figures are the
//! domain's ([`crate::domain::Console::queue_stats`]) and follow the routing clock.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::components::duration::clock;
use crate::components::offer::{ActionButton, offer};
use crate::components::toast::Toasts;
use crate::domain::flex::view::FlexView;
use crate::domain::taskrouter::stats::MAX_SERVICE_LEVEL_THRESHOLD;
use crate::domain::{Command, QueueNow, TaskQueueSid};
use crate::store::Store;
use crate::store::routing_clock::RoutingClock;

/// The queue stats view.
#[component]
pub fn Queues() -> impl IntoView {
    view! { <FlexPage view=FlexView::Queues><QueueStats /></FlexPage> }
}

/// The longest wait as a clock ("0:42"), or a dash when nothing waits.
fn longest(row: &QueueNow) -> String {
    row.longest_wait
        .map_or_else(|| "—".to_owned(), |s| clock(u64::from(s)))
}

/// Today's service level as a percentage, or a dash before any task counted.
fn service_level(row: &QueueNow) -> String {
    row.today
        .service_level()
        .map_or_else(|| "—".to_owned(), |p| format!("{p}%"))
}

#[component]
fn QueueStats() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let routing = RoutingClock::get();
    let account = *scope.account();
    let stats = Memo::new(move |_| {
        let now = routing.now(store);
        store.with(|c| c.queue_stats(&account, now))
    });
    // A figure, and under it on a line of its own what it counts (the service level's
    // "3 of 4 within SLA"): the two side by side wrapped at a laptop's width.
    let tile = |label: &'static str,
                testid: &'static str,
                value: Signal<String>,
                count: Signal<Option<String>>| {
        view! {
            <div class="stat-tile" data-testid=testid>
                <dt>{label}</dt>
                <dd>
                    {move || value.get()}
                    {move || count.get().map(|c| view! { " " <span class="stat-count">{c}</span> })}
                </dd>
            </div>
        }
    };
    let none = Signal::derive(|| None);
    let total = move || stats.get().1;
    view! {
        <section class="page page-wide" aria-labelledby="queues-title">
            <h1 id="queues-title">"Queue stats"</h1>
            <p class="hint">"Real-time figures of every task queue. The service level is the share of today's tasks accepted within the queue's threshold (abandoned ones count against it); it resets at midnight UTC."</p>
            <h2 class="visually-hidden">"All queues"</h2>
            <dl class="stat-tiles" data-testid="queue-tiles">
                {tile("Active tasks", "tile-active", Signal::derive(move || total().active.to_string()), none)}
                {tile("Waiting tasks", "tile-waiting", Signal::derive(move || total().waiting.to_string()), none)}
                {tile("Longest wait", "tile-longest", Signal::derive(move || longest(&total())), none)}
                {tile("Agents available", "tile-available", Signal::derive(move || total().available.to_string()), none)}
                {tile("Unavailable", "tile-unavailable", Signal::derive(move || total().unavailable.to_string()), none)}
                {tile("Offline", "tile-offline", Signal::derive(move || total().offline.to_string()), none)}
                {tile("Service level today", "tile-service-level", Signal::derive(move || service_level(&total())),
                    Signal::derive(move || {
                        let today = total().today;
                        let counted = today.counted();
                        (counted > 0).then(|| format!("{} of {counted} within SLA", today.within))
                    }))}
            </dl>
            <h2 id="queues-table-title">"Queues"</h2>
            <div class="table-wrap">
                <table class="table queue-stats" data-testid="queues-table" aria-labelledby="queues-table-title">
                    <thead>
                        <tr>
                            <th scope="col">"Queue"</th>
                            <th scope="col">"Active"</th>
                            <th scope="col">"Waiting"</th>
                            <th scope="col">"Longest wait"</th>
                            <th scope="col">"Agents"</th>
                            <th scope="col">"Service level"</th>
                            <th scope="col">"Handled today"</th>
                            <th scope="col">"Threshold"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || stats.get().0.into_iter().filter_map(|r| r.queue.map(|q| (q, r.name, r.threshold)))
                            key=|row| row.clone() let:row>
                            <QueueRow queue=row.0 name=row.1 threshold=row.2 stats=stats />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One queue's figures, following the clock, with its threshold (editable by those the
/// domain lets set it; the row is made again only when the queue's name or threshold
/// changes, so a threshold being typed is not lost as the figures move).
#[component]
fn QueueRow(
    queue: TaskQueueSid,
    name: String,
    threshold: u32,
    stats: Memo<(Vec<QueueNow>, QueueNow)>,
) -> impl IntoView {
    let scope = FlexScope::get();
    let account = *scope.account();
    // Whether this person may set it at all: asked with the threshold it has.
    let refused = offer(scope.actor(), move || Command::SetServiceLevel {
        account,
        queue,
        threshold,
    });
    let row = Memo::new(move |_| {
        stats.with(|(rows, _)| {
            rows.iter()
                .find(|r| r.queue == Some(queue))
                .cloned()
                .unwrap_or_default()
        })
    });
    let testid = format!("queue-row-{}", name.to_lowercase().replace(' ', "-"));
    let threshold = {
        let name = name.clone();
        move || {
            if refused.with(Option::is_none) {
                view! { <SetThreshold queue=queue name=name.clone() threshold=threshold /> }
                    .into_any()
            } else {
                view! { <span data-testid="queue-threshold">{format!("{threshold} s")}</span> }
                    .into_any()
            }
        }
    };
    view! {
        <tr data-testid=testid>
            <th scope="row">{name}</th>
            <td data-label="Active" data-testid="queue-active">{move || row.get().active}</td>
            <td data-label="Waiting" data-testid="queue-waiting">{move || row.get().waiting}</td>
            <td data-label="Longest wait" data-testid="queue-longest">{move || longest(&row.get())}</td>
            <td data-label="Agents" data-testid="queue-agents">
                {move || {
                    let r = row.get();
                    format!("{} available · {} unavailable · {} offline", r.available, r.unavailable, r.offline)
                }}
            </td>
            <td data-label="Service level" data-testid="queue-service-level">{move || service_level(&row.get())}</td>
            <td data-label="Handled today" data-testid="queue-handled">
                {move || {
                    let d = row.get().today;
                    format!("{} accepted · {} within · {} completed · {} abandoned", d.accepted, d.within, d.completed, d.canceled)
                }}
            </td>
            <td data-label="Threshold">{threshold}</td>
        </tr>
    }
}

/// A queue's service level threshold in seconds, set by a Flex admin.
#[component]
fn SetThreshold(queue: TaskQueueSid, name: String, threshold: u32) -> impl IntoView {
    let scope = FlexScope::get();
    let store = Store::get();
    let account = *scope.account();
    let value = RwSignal::new(threshold.to_string());
    let command = move || Command::SetServiceLevel {
        account,
        queue,
        threshold: value.get().trim().parse().unwrap_or(0),
    };
    let refused = offer(scope.actor(), command);
    let error = RwSignal::new(None::<String>);
    let input_id = crate::components::offer::unique_id("threshold");
    let save = {
        let name = name.clone();
        move |()| {
            let toasts = Toasts::get();
            match store.apply_as(&scope.actor(), command()) {
                Ok(_) => {
                    error.set(None);
                    toasts.success(format!(
                        "{name}'s service level threshold is now {} seconds.",
                        value.get_untracked().trim()
                    ));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    view! {
        <form class="threshold" on:submit=move |ev| ev.prevent_default()>
            <label class="visually-hidden" for=input_id.clone()>{format!("Service level threshold of {name}, in seconds")}</label>
            <input id=input_id type="number" min="1" max=MAX_SERVICE_LEVEL_THRESHOLD class="input input-small" inputmode="numeric"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
            <span aria-hidden="true">" s "</span>
            <ActionButton refused class="button-small" label=format!("Save the threshold of {name}") on_press=Callback::new(save)>
                "Save"
            </ActionButton>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </form>
    }
}
