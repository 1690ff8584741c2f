//! Queue stats (`/flex/:account_sid/queues`): every task queue of the workspace, its target
//! expression, and how many of its workers (those the expression targets, as the domain
//! keeps them) are in each activity.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::domain::flex::view::FlexView;
use crate::store::Store;

/// One queue's row: its name, SID, expression, workers per activity and in all.
#[derive(Clone, Debug, PartialEq)]
struct QueueRow {
    name: String,
    sid: String,
    target: String,
    /// Workers of the queue in each activity, in the activities' order.
    by_activity: Vec<usize>,
    total: usize,
}

/// What the queue stats show.
#[derive(Clone, Debug, PartialEq, Default)]
struct Stats {
    activities: Vec<String>,
    queues: Vec<QueueRow>,
}

/// The queue stats view.
#[component]
pub fn Queues() -> impl IntoView {
    view! { <FlexPage view=FlexView::Queues><QueueStats /></FlexPage> }
}

#[component]
fn QueueStats() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let stats = Memo::new(move |_| {
        store.with(|c| {
            let Some(ws) = c.workspace(scope.account()) else {
                return Stats::default();
            };
            let queues = ws
                .task_queues
                .iter()
                .map(|q| {
                    // Each queue's own workers (kept by the domain as workers change).
                    let members: Vec<_> = c
                        .queue_members(&q.sid)
                        .into_iter()
                        .flatten()
                        .filter_map(|sid| ws.workers.get(sid))
                        .collect();
                    QueueRow {
                        name: q.friendly_name.clone(),
                        sid: q.sid.to_string(),
                        target: q.target_workers.clone(),
                        by_activity: ws
                            .activities
                            .iter()
                            .map(|a| members.iter().filter(|w| w.activity == a.sid).count())
                            .collect(),
                        total: members.len(),
                    }
                })
                .collect();
            Stats {
                activities: ws
                    .activities
                    .iter()
                    .map(|a| a.friendly_name.clone())
                    .collect(),
                queues,
            }
        })
    });
    view! {
        <section class="page page-wide" aria-labelledby="queues-title">
            <h1 id="queues-title">"Queue stats"</h1>
            <p class="hint">"Every task queue with its workers by activity: a queue's workers are those its expression targets."</p>
            <div class="table-wrap">
                <table class="table tr-table" data-testid="queues-table">
                    <caption class="visually-hidden">"Task queues with workers by activity"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Queue"</th>
                            <th scope="col">"Target workers"</th>
                            {move || stats.get().activities.into_iter().map(|name| view! { <th scope="col">{name}</th> }).collect_view()}
                            <th scope="col">"Total"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let s = stats.get();
                            s.queues.into_iter().map(|q| {
                                let cells = s.activities.iter().zip(q.by_activity).map(|(name, n)| view! {
                                    <td data-testid=format!("queue-{}", name.to_lowercase()) data-label=name.clone()>{n}</td>
                                }).collect_view();
                                view! {
                                    <tr data-testid="queue-stats-row">
                                        <th scope="row">{q.name}<br /><code class="muted">{q.sid}</code></th>
                                        <td data-label="Target workers"><code>{q.target}</code></td>
                                        {cells}
                                        <td data-testid="queue-total" data-label="Total">{q.total}</td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
