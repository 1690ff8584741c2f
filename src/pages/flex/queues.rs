//! Queue stats (`/flex/:account_sid/queues`): the workspace's task queues, their target
//! expression, and how many workers are in each activity.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::domain::flex::view::FlexView;
use crate::store::Store;

/// What the queue stats show.
#[derive(Clone, Debug, PartialEq, Default)]
struct Stats {
    queues: Vec<(String, String, String)>,
    /// (activity, workers in it).
    by_activity: Vec<(String, usize)>,
    total: usize,
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
            let Some(flex) = c.account(scope.account()).and_then(|a| a.flex.as_ref()) else {
                return Stats::default();
            };
            let ws = &flex.workspace;
            let by_activity = ws
                .activities
                .iter()
                .map(|a| {
                    (
                        a.friendly_name.clone(),
                        ws.workers.values().filter(|w| w.activity == a.sid).count(),
                    )
                })
                .collect();
            Stats {
                queues: ws
                    .task_queues
                    .iter()
                    .map(|q| {
                        (
                            q.friendly_name.clone(),
                            q.sid.to_string(),
                            q.target_workers.clone(),
                        )
                    })
                    .collect(),
                by_activity,
                total: ws.workers.len(),
            }
        })
    });
    view! {
        <section class="page page-wide" aria-labelledby="queues-title">
            <h1 id="queues-title">"Queue stats"</h1>
            <p class="hint">"Workers by activity in each task queue. The target expression 1==1 matches every worker in the workspace."</p>
            <div class="table-wrap">
                <table class="table" data-testid="queues-table">
                    <caption class="visually-hidden">"Task queues with workers by activity"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Queue"</th>
                            <th scope="col">"Target workers"</th>
                            {move || stats.get().by_activity.into_iter().map(|(name, _)| view! { <th scope="col">{name}</th> }).collect_view()}
                            <th scope="col">"Total"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let s = stats.get();
                            s.queues.iter().cloned().map(|(name, sid, target)| view! {
                                <tr>
                                    <th scope="row">{name}<br /><code class="muted">{sid}</code></th>
                                    <td data-label="Target workers"><code>{target}</code></td>
                                    {s.by_activity.iter().map(|(name, n)| view! {
                                        <td data-testid=format!("queue-{}", name.to_lowercase()) data-label=name.clone()>{*n}</td>
                                    }).collect_view()}
                                    <td data-testid="queue-total" data-label="Total">{s.total}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
