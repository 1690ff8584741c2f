//! Activities (`/accounts/:account_sid/taskrouter/activities`): what workers can be doing and
//! whether they receive tasks there (chosen once, at creation); which is the workspace's
//! default and timeout activity; create, rename, set as default or timeout, delete (refused
//! while workers are in it or something points to it, the domain naming which).

use leptos::prelude::*;

use super::list::{ListPager, ListSearch, ListView, Paged, searched};
use super::{TrPage, from_workspace, tr_path, trail_to};
use crate::components::command_dialog::CommandDialog;
use crate::components::confirm::ConfirmCommand;
use crate::components::copyable_sid::InlineSid;
use crate::components::count::thousands;
use crate::components::offer::ActionButton;
use crate::components::row_menu::{MenuAction, RowMenu};
use crate::components::toast::Toasts;
use crate::domain::search::searchable;
use crate::domain::{AccountPage, ActivitySid, Command, TaskRouterCommand};
use crate::pages::account::{AccountScope, Requires};
use crate::store::Store;

/// One row of the activities table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ActivityRow {
    sid: ActivitySid,
    name: String,
    available: bool,
    is_default: bool,
    is_timeout: bool,
    workers: usize,
    text: String,
}

/// What a row's menu opened.
#[derive(Clone, Debug, PartialEq)]
enum Open {
    Create,
    Rename(ActivityRow),
    Delete(ActivityRow),
}

fn change(account: crate::domain::AccountSid, change: TaskRouterCommand) -> Command {
    Command::TaskRouter { account, change }
}

/// The activities page.
#[component]
pub fn Activities() -> impl IntoView {
    let open = RwSignal::new(None::<Open>);
    let scope = AccountScope::get();
    let can_create = scope.offer(|account| {
        change(
            *account,
            TaskRouterCommand::CreateActivity {
                friendly_name: String::new(),
                available: false,
            },
        )
    });
    let close = Callback::new(move |()| open.set(None));
    view! {
        <Requires page=AccountPage::Activities>
            <TrPage id="activities-title" title="Activities"
                lead="What workers can be doing. Only workers in an available activity are offered tasks."
                trail=trail_to(AccountPage::TaskRouter)
                actions=move || view! {
                    <ActionButton refused=can_create class="button-primary" on_press=Callback::new(move |()| open.set(Some(Open::Create)))>
                        "Create activity"
                    </ActionButton>
                }>
                <ActivityList open />
            </TrPage>
            {move || open.get().map(|o| match o {
                Open::Create => view! { <CreateActivity on_close=close /> }.into_any(),
                Open::Rename(row) => view! { <RenameActivity row on_close=close /> }.into_any(),
                Open::Delete(row) => view! { <DeleteActivity row /> }.into_any(),
            })}
        </Requires>
    }
}

#[component]
fn ActivityList(open: RwSignal<Option<Open>>) -> impl IntoView {
    let rows = from_workspace(|_, ws| {
        ws.activities
            .iter()
            .map(|a| ActivityRow {
                sid: a.sid,
                name: a.friendly_name.clone(),
                available: a.available,
                is_default: ws.default_activity == a.sid,
                is_timeout: ws.timeout_activity == a.sid,
                workers: ws.workers.values().filter(|w| w.activity == a.sid).count(),
                text: searchable(&[&a.friendly_name, a.sid.as_str()]),
            })
            .collect::<Vec<_>>()
    });
    let slots = from_workspace(|_, ws| (ws.default_activity, ws.timeout_activity));
    let view = ListView::new(tr_path("/activities"));
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
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    // Making an activity the default (or the timeout) keeps the other setting as it is.
    let set_slot = move |sid: ActivitySid, default: bool| {
        let (d, t) = slots.get().unwrap_or((sid, sid));
        let (default_activity, timeout_activity) = if default { (sid, t) } else { (d, sid) };
        change(
            scope.account,
            TaskRouterCommand::SetWorkspaceActivities {
                default_activity,
                timeout_activity,
            },
        )
    };
    view! {
        <ListSearch paged id="activity-search" what="Activities" placeholder="Name or SID" />
        <p class="table-summary" aria-live="polite">{move || paged.summary("activity", "activities", all())}</p>
        <div class="table-wrap">
            <table class="table tr-table" data-testid="activities-table">
                <caption class="visually-hidden">"Activities of the workspace"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Available"</th>
                        <th scope="col">"Workspace setting"</th>
                        <th scope="col">"Workers in it"</th>
                        <th scope="col">"SID"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|r| r.clone() let:row>
                        {
                            let sid = row.sid;
                            let (rename_row, delete_row) = (row.clone(), row.clone());
                            let asked = row.name.clone();
                            let actions = vec![
                                MenuAction::new("Rename", scope.offer(move |a| change(*a, TaskRouterCommand::RenameActivity { activity: sid, friendly_name: asked.clone() })),
                                    Callback::new(move |()| open.set(Some(Open::Rename(rename_row.clone()))))),
                                MenuAction::new("Make default activity", scope.offer(move |_| set_slot(sid, true)),
                                    Callback::new(move |()| {
                                        toasts.outcome(&store.apply(set_slot(sid, true)), "New workers now start in this activity.");
                                    })),
                                MenuAction::new("Make timeout activity", scope.offer(move |_| set_slot(sid, false)),
                                    Callback::new(move |()| {
                                        toasts.outcome(&store.apply(set_slot(sid, false)), "A worker whose reservation times out now goes to this activity.");
                                    })),
                                MenuAction::new("Delete", scope.offer(move |a| change(*a, TaskRouterCommand::DeleteActivity { activity: sid })),
                                    Callback::new(move |()| open.set(Some(Open::Delete(delete_row.clone()))))).danger(),
                            ];
                            view! {
                                <tr data-testid="activity-row">
                                    <th scope="row">{row.name.clone()}</th>
                                    <td data-label="Available">{if row.available { "Yes: offered tasks" } else { "No" }}</td>
                                    <td data-label="Workspace setting">
                                        {row.is_default.then(|| view! { <span class="badge">"Default activity"</span> })}
                                        {row.is_timeout.then(|| view! { <span class="badge">"Timeout activity"</span> })}
                                        {(!row.is_default && !row.is_timeout).then(|| view! { <span class="muted">"None"</span> })}
                                    </td>
                                    <td data-label="Workers in it">{thousands(row.workers)}</td>
                                    <td data-label="SID"><InlineSid label="Activity SID" value=row.sid.to_string() /></td>
                                    <td class="row-actions"><RowMenu label=format!("Actions for {}", row.name) actions /></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        <ListPager paged label="Pages of activities" size_id="activity-page-size" />
    }
}

/// Creating an activity: its name and, once and for all, whether it is available.
#[component]
fn CreateActivity(on_close: Callback<()>) -> impl IntoView {
    let scope = AccountScope::get();
    let name = RwSignal::new(String::new());
    let available = RwSignal::new(false);
    let command = move || {
        change(
            scope.account,
            TaskRouterCommand::CreateActivity {
                friendly_name: name.get(),
                available: available.get(),
            },
        )
    };
    let done = move |_: &_| format!("The activity {} was created.", name.get_untracked().trim());
    view! {
        <CommandDialog title="Create activity" testid="create-activity" submit="Create activity" command done on_close>
            <div class="form-field">
                <label class="field-label" for="activity-name">"Activity name"</label>
                <input class="input" id="activity-name" type="text" autocomplete="off" maxlength="64"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <fieldset class="form-field">
                <legend class="field-label">"Availability"</legend>
                <label class="check">
                    <input type="radio" name="activity-available" prop:checked=move || available.get()
                        on:change=move |_| available.set(true) />
                    "Available: workers in it are offered tasks"
                </label>
                <label class="check">
                    <input type="radio" name="activity-available" prop:checked=move || !available.get()
                        on:change=move |_| available.set(false) />
                    "Unavailable: workers in it are offered nothing"
                </label>
                <p class="hint">"Chosen once: an activity's availability never changes after it is created."</p>
            </fieldset>
        </CommandDialog>
    }
}

/// Renaming an activity (its availability stays).
#[component]
fn RenameActivity(row: ActivityRow, on_close: Callback<()>) -> impl IntoView {
    let scope = AccountScope::get();
    let name = RwSignal::new(row.name.clone());
    let sid = row.sid;
    let command = move || {
        change(
            scope.account,
            TaskRouterCommand::RenameActivity {
                activity: sid,
                friendly_name: name.get(),
            },
        )
    };
    let done = move |_: &_| {
        format!(
            "The activity is now called {}.",
            name.get_untracked().trim()
        )
    };
    view! {
        <CommandDialog title="Rename activity" testid="rename-activity" submit="Save" command done on_close>
            <div class="form-field">
                <label class="field-label" for="rename-activity-name">"Activity name"</label>
                <input class="input" id="rename-activity-name" type="text" autocomplete="off" maxlength="64"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
        </CommandDialog>
    }
}

/// The confirmation before deleting an activity, mounted for each opening.
#[component]
fn DeleteActivity(row: ActivityRow) -> impl IntoView {
    let scope = AccountScope::get();
    let sid = row.sid;
    let command = move || {
        change(
            scope.account,
            TaskRouterCommand::DeleteActivity { activity: sid },
        )
    };
    let done = format!("The activity {} was deleted.", row.name);
    view! {
        <ConfirmCommand open=RwSignal::new(true) title="Delete this activity?" confirm="Delete activity" command done=move || done.clone()>
            <p>{format!("{} will be deleted. This cannot be undone.", row.name)}</p>
        </ConfirmCommand>
    }
}
