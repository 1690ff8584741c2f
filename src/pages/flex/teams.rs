//! Teams (`/flex/:account_sid/teams`): the workspace's workers as Flex shows them (avatar
//! initials, a status dot, the activity) with their skills and the tasks each one holds, live;
//! admins and supervisors change another worker's activity and an agent's skills here (the
//! domain decides; a read-only admin sees the skills and is told why they cannot change them).

use leptos::prelude::*;

use super::agent_skills::AgentSkillsDialog;
use super::status::{activity_options, dot_class};
use super::{FlexPage, FlexScope, initials_of};
use crate::components::breaks::Email;
use crate::components::offer::{ActionSelect, offer};
use crate::components::toast::Toasts;
use crate::domain::flex::view::{FlexView, activity_changed_in_teams};
use crate::domain::{ActivitySid, Command, EventKind, Presence, WorkerSid};
use crate::store::Store;

/// Workers per page: a workspace holds up to 15,000.
const PAGE: usize = 50;

/// One row of the teams table.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    sid: WorkerSid,
    name: String,
    identity: String,
    roles: String,
    activity: String,
    activity_sid: ActivitySid,
    /// "support (7), spanish", or "None".
    skills: String,
    presence: Presence,
    /// What the worker holds: "caller (channel, state)" per task, offers included.
    tasks: Vec<String>,
    me: bool,
    /// Whether Teams offers a control for the worker's activity (the domain's answer).
    activity_here: bool,
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
    // The agent whose Skills dialog is open: (worker, name).
    let skills_of = RwSignal::new(None::<(WorkerSid, String)>);
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
                let activities = activity_options(c, scope.account());
                let channel_name = |sid| {
                    flex.and_then(|f| f.workspace.channel(sid))
                        .map(|ch| ch.name().to_owned())
                        .unwrap_or_default()
                };
                let rows: Vec<Row> = c
                    .workers(scope.account())
                    .skip(start)
                    .take(PAGE)
                    .map(|w| Row {
                        presence: c.presence(scope.account(), &w.activity),
                        tasks: c
                            .worker_tasks(scope.account(), &w.sid)
                            .into_iter()
                            .map(|d| {
                                let state = if d.ringing() {
                                    "ringing".to_owned()
                                } else {
                                    d.task.status.to_string()
                                };
                                format!(
                                    "{} ({}, {state})",
                                    d.task.caller(),
                                    channel_name(&d.task.channel)
                                )
                            })
                            .collect(),
                        sid: w.sid,
                        name: w.full_name.clone(),
                        identity: w.identity.to_string(),
                        roles: w.role_names().join(", "),
                        activity: activity_name(&w.activity),
                        activity_sid: w.activity,
                        skills: crate::pages::account::taskrouter::workers::skills_text(w),
                        me: &w.sid == scope.worker(),
                        activity_here: activity_changed_in_teams(scope.worker(), &w.sid),
                    })
                    .collect();
                (rows, total, activities)
            })
        })
    };
    view! {
        <section class="page page-wide" aria-labelledby="teams-title">
            <h1 id="teams-title">"Teams"</h1>
            <p class="hint">"Who is working on what, as it happens. Your own activity is changed from the status in the top bar."</p>
            <div class="table-wrap">
                <table class="table tr-table" data-testid="teams-table">
                    <caption class="visually-hidden">"Workers and their activities"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Identity"</th>
                            <th scope="col" class="col-secondary">"Roles"</th>
                            <th scope="col">"Activity"</th>
                            <th scope="col">"Skills"</th>
                            <th scope="col">"Tasks"</th>
                            <th scope="col">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let (rows, _, activities) = data.get();
                            rows.into_iter().map(|row| {
                            let change = row.activity_here.then(|| view! {
                                <ChangeActivity row=row.clone() activities=activities.clone() />
                            });
                            view! {
                                <tr data-testid=format!("worker-{}", row.sid)>
                                    <th scope="row">
                                        <span class="team-member">
                                            <span class="avatar" aria-hidden="true">{initials_of(&row.name)}</span>
                                            <span>
                                                {row.name.clone()}
                                                {row.me.then(|| view! { <span class="muted">" (you)"</span> })}
                                            </span>
                                        </span>
                                    </th>
                                    <td data-label="Identity" class="wrap-anywhere"><Email text=row.identity /></td>
                                    <td data-label="Roles" class="col-secondary">{row.roles}</td>
                                    <td data-label="Activity">
                                        <span class=dot_class(row.presence) aria-hidden="true"></span>
                                        " "<span data-testid="worker-activity">{row.activity}</span>
                                    </td>
                                    <td data-testid="worker-skills" data-label="Skills">{row.skills.clone()}</td>
                                    <td data-label="Tasks" data-testid="worker-tasks">
                                        {if row.tasks.is_empty() {
                                            view! { <span class="muted">"None"</span> }.into_any()
                                        } else {
                                            view! { <ul class="plain-list">{row.tasks.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                                        }}
                                    </td>
                                    <td>
                                        <div class="team-actions">
                                        {change}
                                        <button type="button" class="button button-small" aria-label=format!("Skills of {}", row.name)
                                            on:click={
                                                let (sid, name) = (row.sid, row.name.clone());
                                                move |_| skills_of.set(Some((sid, name.clone())))
                                            }>
                                            "Skills"
                                        </button>
                                        </div>
                                    </td>
                                </tr>
                            }
                        }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || skills_of.get().map(|(worker, name)| view! {
                <AgentSkillsDialog worker name on_close=Callback::new(move |()| skills_of.set(None)) />
            })}
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

/// Another worker's activity, changed from Teams; refused up front with the domain's reason
/// (read-only admins and agents may not).
#[component]
fn ChangeActivity(row: Row, activities: Vec<(String, String)>) -> impl IntoView {
    let scope = FlexScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let current = row.activity_sid;
    let (account, worker) = (*scope.account(), row.sid);
    let refused = {
        let (account, worker) = (account, worker);
        offer(scope.actor(), move || Command::ChangeAgentActivity {
            account,
            worker,
            activity: current,
        })
    };
    let name = row.name.clone();
    let pick = move |value: String| {
        let Ok(activity) = value.parse::<ActivitySid>() else {
            return;
        };
        let command = Command::ChangeAgentActivity {
            account,
            worker,
            activity,
        };
        match store.apply_as(&scope.actor(), command) {
            Ok(event) => {
                if let EventKind::AgentActivityChanged { activity_name, .. } = event.kind {
                    toasts.success(format!("{name} is now {activity_name}."));
                }
            }
            Err(e) => toasts.error(e.to_string()),
        }
    };
    view! {
        <ActionSelect
            refused
            label=format!("Activity of {}", row.name)
            value=Signal::stored(row.activity_sid.to_string())
            options=Signal::stored(activities)
            on_pick=Callback::new(pick)
            class="input-small"
        />
    }
}
