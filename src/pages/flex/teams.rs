//! Teams (`/flex/:account_sid/teams`): the workspace's workers and their activities.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::domain::flex_view::{FlexChange, FlexView, may_change};
use crate::store::Store;

/// Workers per page: a workspace holds up to 15,000.
const PAGE: usize = 50;

/// One row of the teams table.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    sid: String,
    name: String,
    identity: String,
    roles: String,
    activity: String,
    me: bool,
}

/// The teams view.
#[component]
pub fn Teams() -> impl IntoView {
    view! { <FlexPage view=FlexView::Teams><TeamsTable /></FlexPage> }
}

#[component]
fn TeamsTable() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let page = RwSignal::new(0usize);
    let data = {
        let scope = scope.clone();
        Memo::new(move |_| {
            let start = page.get() * PAGE;
            store.with(|c| {
                let flex = c.account(scope.account()).and_then(|a| a.flex.as_ref());
                let activity_name = |sid| {
                    flex.and_then(|f| f.workspace.activity(sid))
                        .map(|a| a.friendly_name.clone())
                        .unwrap_or_default()
                };
                let total = c.workers(scope.account()).count();
                let rows: Vec<Row> = c
                    .workers(scope.account())
                    .skip(start)
                    .take(PAGE)
                    .map(|w| Row {
                        sid: w.sid.to_string(),
                        name: w.full_name.clone(),
                        identity: w.identity.to_string(),
                        roles: w.role_names().join(", "),
                        activity: activity_name(&w.activity),
                        me: &w.sid == scope.worker(),
                    })
                    .collect();
                (rows, total)
            })
        })
    };
    // Changing other agents: refused for read-only admins (and agents); for admins and
    // supervisors there is no domain command yet, so the control says so.
    let other_agents = {
        let scope = scope.clone();
        Memo::new(
            move |_| match may_change(&scope.roles(), FlexChange::OtherAgents) {
                Err(refused) => refused.to_string(),
                Ok(()) => "Agents change their own activity from the agent desktop.".to_owned(),
            },
        )
    };
    view! {
        <section class="page page-wide" aria-labelledby="teams-title">
            <h1 id="teams-title">"Teams"</h1>
            <p class="hint" id="teams-why" data-testid="teams-why">{move || other_agents.get()}</p>
            <div class="table-wrap">
                <table class="table" data-testid="teams-table">
                    <caption class="visually-hidden">"Workers and their activities"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Identity"</th>
                            <th scope="col">"Roles"</th>
                            <th scope="col">"Activity"</th>
                            <th scope="col">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || data.get().0.into_iter().map(|row| {
                            let label = format!("Change activity of {}", row.name);
                            view! {
                                <tr data-testid=format!("worker-{}", row.sid)>
                                    <th scope="row">
                                        {row.name.clone()}
                                        {row.me.then(|| view! { <span class="muted">" (you)"</span> })}
                                    </th>
                                    <td>{row.identity}</td>
                                    <td>{row.roles}</td>
                                    <td data-testid="worker-activity">{row.activity}</td>
                                    <td>
                                        {(!row.me).then(|| view! {
                                            <button type="button" class="button button-small" disabled=true
                                                aria-label=label aria-describedby="teams-why">
                                                "Change activity"
                                            </button>
                                        })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="pagination">
                <button type="button" class="button button-small"
                    disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"Previous"</button>
                <span class="table-summary" aria-live="polite">{move || {
                    let total = data.get().1;
                    let start = page.get() * PAGE;
                    if total == 0 {
                        "No workers yet.".to_owned()
                    } else {
                        format!("Workers {}–{} of {total}", start + 1, (start + PAGE).min(total))
                    }
                }}</span>
                <button type="button" class="button button-small"
                    disabled=move || { (page.get() + 1) * PAGE >= data.get().1 }
                    on:click=move |_| page.update(|p| *p += 1)>"Next"</button>
            </div>
        </section>
    }
}
