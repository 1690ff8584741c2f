//! The workers table: search, Flex role and activity filters, and pages. A search index is
//! built once per change of the store and the filtered list is a memo of positions in it,
//! so a keystroke filters 15,000 short strings and renders only the open page.

use leptos::prelude::*;

use super::attributes_dialog::AttributesDialog;
use super::delete_dialog::DeleteWorkerDialog;
use super::insights_dialog::InsightsRolesDialog;
use super::query::{WorkerSort, WorkersView};
use crate::components::breaks::Email;
use crate::components::copyable_sid::InlineSid;
use crate::components::empty_state::EmptyState;
use crate::components::pagination::{Pagination, paging};
use crate::components::row_menu::{MenuAction, RowMenu};
use crate::components::search::{SearchBox, summary};
use crate::components::sort_header::SortHeader;
use crate::domain::search::{Query, searchable};
use crate::domain::{AccountSid, ActivitySid, Command, FlexRole, InsightsRole, Worker, WorkerSid};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// A worker as a row of the table shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WorkerItem {
    /// The worker SID.
    pub sid: WorkerSid,
    /// The person's name (shown as text).
    pub name: String,
    /// The Flex identity (email).
    pub email: String,
    /// Flex roles.
    pub flex_roles: Vec<FlexRole>,
    /// Insights roles.
    pub insights_roles: Vec<InsightsRole>,
    /// The current activity's name.
    pub activity: String,
    /// `Worker::attributes()` as pretty JSON, or why it could not be written.
    pub attributes: String,
}

impl WorkerItem {
    fn new(worker: &Worker, activity: &str) -> WorkerItem {
        let attributes = serde_json::to_string_pretty(&worker.attributes())
            .unwrap_or_else(|e| format!("The attributes could not be written as JSON: {e}"));
        WorkerItem {
            sid: worker.sid,
            name: worker.full_name.clone(),
            email: worker.identity.to_string(),
            flex_roles: worker.flex_roles.clone(),
            insights_roles: worker.insights_roles.clone(),
            activity: activity.to_owned(),
            attributes,
        }
    }
}

/// What a search, the filters and the sorts look at, for one worker.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    sid: WorkerSid,
    /// Name, email and SID, folded for searching (once per change of the state).
    text: String,
    /// The name and the email in lower case, for sorting.
    name: String,
    email: String,
    roles: Vec<FlexRole>,
    activity: ActivitySid,
}

/// The workspace's workers and activities, as the filters need them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Index {
    entries: Vec<Entry>,
    activities: Vec<(ActivitySid, String)>,
}

/// The Flex users table with its search, filters and pages.
#[component]
pub fn WorkersTable(
    /// The page's state in the URL.
    view_state: WorkersView,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let query = view_state.query;
    let account = scope.account;
    let index = Memo::new(move |_| {
        store.with(|c| {
            let Some(flex) = c.account(&account).and_then(|a| a.flex.as_ref()) else {
                return Index::default();
            };
            let workspace = &flex.workspace;
            let entries = workspace
                .workers
                .values()
                .map(|w| Entry {
                    sid: w.sid,
                    text: searchable(&[&w.full_name, w.identity.as_str(), w.sid.as_str()]),
                    name: w.full_name.to_lowercase(),
                    email: w.identity.as_str().to_lowercase(),
                    roles: w.flex_roles.clone(),
                    activity: w.activity,
                })
                .collect();
            let activities = workspace
                .activities
                .iter()
                .map(|a| (a.sid, a.friendly_name.clone()))
                .collect();
            Index {
                entries,
                activities,
            }
        })
    });
    // The workers' positions in the sort's order: once per change of the state or of the
    // sort, not per keystroke (None: the workspace's own order).
    let sort = Memo::new(move |_| query.with(|q| q.sort));
    let order = Memo::new(move |_| {
        let sort = sort.get()?;
        Some(index.with(|ix| sorted(ix, sort)))
    });
    let matching = Memo::new(move |_| {
        let (wanted, role, activity, descending) = query.with(|q| {
            (
                Query::new(&q.search),
                q.role,
                q.activity.clone(),
                q.sort.is_some() && q.descending,
            )
        });
        let found = order.with(|order| {
            index.with(|ix| {
                // An activity name the workspace does not have matches nobody.
                let activity = activity.map(|name| {
                    ix.activities
                        .iter()
                        .find(|(_, n)| *n == name)
                        .map(|(sid, _)| *sid)
                });
                let positions: Box<dyn Iterator<Item = usize>> = match order {
                    Some(order) => Box::new(order.iter().copied()),
                    None => Box::new(0..ix.entries.len()),
                };
                positions
                    .filter(|i| {
                        let e = &ix.entries[*i];
                        role.is_none_or(|r| e.roles.contains(&r))
                            && activity
                                .as_ref()
                                .is_none_or(|a| a.as_ref() == Some(&e.activity))
                            && wanted.matches_folded(&e.text)
                    })
                    .collect::<Vec<usize>>()
            })
        });
        if descending {
            found.into_iter().rev().collect()
        } else {
            found
        }
    });
    let total = Memo::new(move |_| matching.with(Vec::len));
    let (pages, page) = paging(
        total,
        Signal::derive(move || query.with(|q| q.page)),
        Signal::derive(move || query.with(|q| q.page_size)),
    );
    let account = scope.account;
    let shown = Memo::new(move |_| {
        let size = query.with(|q| q.page_size);
        let start = (page.get() - 1) * size;
        let sids: Vec<WorkerSid> = matching.with(|m| {
            index.with(|ix| {
                m.iter()
                    .skip(start)
                    .take(size)
                    .map(|i| ix.entries[*i].sid)
                    .collect()
            })
        });
        store.with(|c| {
            let workspace = c
                .account(&account)
                .and_then(|a| a.flex.as_ref())
                .map(|f| &f.workspace);
            let Some(workspace) = workspace else {
                return vec![];
            };
            sids.iter()
                .filter_map(|sid| workspace.workers.get(sid))
                .map(|w| {
                    let activity = workspace
                        .activity(&w.activity)
                        .map(|a| a.friendly_name.as_str());
                    WorkerItem::new(w, activity.unwrap_or("Unknown"))
                })
                .collect::<Vec<_>>()
        })
    });
    let all = Memo::new(move |_| index.with(|ix| ix.entries.len()));
    // How many match, of the workspace's workers; the pager says which are shown.
    let range = move || match total.get() {
        0 => "No workers match.".to_string(),
        n => summary(n, all.get(), "worker", "workers"),
    };

    // The worker a dialog is open for, and which dialog.
    let target = RwSignal::new(None::<(WorkerAction, WorkerItem)>);
    let close = Callback::new(move |()| target.set(None));
    let activity_names = Memo::new(move |_| {
        index.with(|ix| {
            ix.activities
                .iter()
                .map(|(_, n)| n.clone())
                .collect::<Vec<_>>()
        })
    });

    view! {
        <SearchBox
            id="worker-search"
            what="Flex users"
            placeholder="Name, email or worker SID"
            value=Signal::derive(move || query.with(|q| q.search.clone()))
            on_input=Callback::new(move |text| view_state.update(|q| {
                q.search = text;
                q.page = 1;
            }))
        >
            <div class="form-field">
                <label class="field-label" for="worker-role">"Flex role"</label>
                <select
                    class="input"
                    id="worker-role"
                    prop:value=move || query.with(|q| q.role.map(FlexRole::as_str).unwrap_or_default())
                    on:change=move |ev| {
                        let role = FlexRole::parse(&event_target_value(&ev));
                        view_state.update(|q| {
                            q.role = role;
                            q.page = 1;
                        });
                    }
                >
                    <option value="">"All Flex roles"</option>
                    {FlexRole::ALL
                        .into_iter()
                        .map(|r| view! { <option value=r.as_str()>{r.as_str()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label class="field-label" for="worker-activity">"Activity"</label>
                <select
                    class="input"
                    id="worker-activity"
                    prop:value=move || query.with(|q| q.activity.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        view_state.update(|q| {
                            q.activity = (!name.is_empty()).then_some(name);
                            q.page = 1;
                        });
                    }
                >
                    <option value="">"All activities"</option>
                    <For each=move || activity_names.get() key=|n| n.clone() let:name>
                        <option value=name.clone()>{name.clone()}</option>
                    </For>
                </select>
            </div>
        </SearchBox>
        <p class="table-summary" aria-live="polite" data-testid="worker-count">{range}</p>
        <div class="table-wrap">
            <table class="table workers-table">
                <caption class="visually-hidden">"Flex users: the workers of the Flex Task Assignment workspace"</caption>
                <thead>
                    <tr>
                        <SortBy label="Name" key=WorkerSort::Name view_state />
                        <SortBy label="Email" key=WorkerSort::Email view_state />
                        <SortBy label="Flex roles" key=WorkerSort::FlexRole view_state />
                        <th scope="col" class="col-secondary">"Insights roles"</th>
                        <SortBy label="Activity" key=WorkerSort::Activity view_state />
                        <th scope="col" class="col-secondary">"Worker SID"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|w| w.sid let:worker>
                        <WorkerRow worker shown target />
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || { total.get() == 0 && all.get() > 0 }>
            <EmptyState message="No worker matches this search and these filters.">
                <button type="button" class="button" on:click=move |_| view_state.update(|q| {
                    q.search.clear();
                    q.role = None;
                    q.activity = None;
                    q.page = 1;
                })>
                    "Clear search and filters"
                </button>
            </EmptyState>
        </Show>
        <Pagination
            label="Pages of Flex users"
            size_id="worker-page-size"
            total
            page
            pages
            page_size=Signal::derive(move || view_state.query.with(|q| q.page_size))
            on_size=move |size| view_state.update(|q| {
                q.page_size = size;
                q.page = 1;
            })
            on_page=move |to| view_state.update(|q| q.page = to)
        />
        // Mounted for each opening, so its state starts from its worker.
        {move || target.get().map(|(action, worker)| match action {
            WorkerAction::Attributes => view! { <AttributesDialog worker on_close=close /> }.into_any(),
            WorkerAction::InsightsRoles => view! { <InsightsRolesDialog worker on_close=close /> }.into_any(),
            WorkerAction::Delete => view! { <DeleteWorkerDialog worker on_close=close /> }.into_any(),
        })}
    }
}

/// The index's positions in the order of `sort`, ascending; ties by name, then by SID.
fn sorted(ix: &Index, sort: WorkerSort) -> Vec<usize> {
    let activity_name = |e: &Entry| {
        ix.activities
            .iter()
            .find(|(sid, _)| *sid == e.activity)
            .map_or("", |(_, name)| name.as_str())
    };
    let role_rank = |e: &Entry| {
        let mut rank: Vec<usize> = e
            .roles
            .iter()
            .map(|r| {
                FlexRole::ALL
                    .iter()
                    .position(|x| x == r)
                    .unwrap_or(usize::MAX)
            })
            .collect();
        rank.sort_unstable();
        rank.push(usize::MAX);
        rank
    };
    let mut positions: Vec<usize> = (0..ix.entries.len()).collect();
    let entry = |i: &usize| &ix.entries[*i];
    let tie = |a: &usize, b: &usize| entry(a).name.cmp(&entry(b).name).then_with(|| a.cmp(b));
    match sort {
        WorkerSort::Name => positions.sort_by(tie),
        WorkerSort::Email => {
            positions.sort_by(|a, b| entry(a).email.cmp(&entry(b).email).then_with(|| tie(a, b)))
        }
        WorkerSort::Activity => positions.sort_by(|a, b| {
            activity_name(entry(a))
                .cmp(activity_name(entry(b)))
                .then_with(|| tie(a, b))
        }),
        WorkerSort::FlexRole => {
            let ranks: Vec<Vec<usize>> = ix.entries.iter().map(role_rank).collect();
            positions.sort_by(|a, b| ranks[*a].cmp(&ranks[*b]).then_with(|| tie(a, b)));
        }
    }
    positions
}

/// The header of a column the workers sort by, the sort kept in the URL.
#[component]
fn SortBy(label: &'static str, key: WorkerSort, view_state: WorkersView) -> impl IntoView {
    let query = view_state.query;
    let sorted =
        Signal::derive(move || query.with(|q| (q.sort == Some(key)).then_some(q.descending)));
    let on_sort = Callback::new(move |()| {
        view_state.update(|q| {
            q.descending = q.sort == Some(key) && !q.descending;
            q.sort = Some(key);
            q.page = 1;
        })
    });
    view! { <SortHeader label sorted on_sort /> }
}

/// A dialog a worker's row opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WorkerAction {
    /// The attributes JSON, to read.
    Attributes,
    /// Insights roles.
    InsightsRoles,
    /// Delete the worker.
    Delete,
}

/// The question the Insights roles button asks: may this worker be given an Insights role?
/// (Taking them all away is always allowed; giving any is what the rules are about.)
pub fn insights_probe(account: &AccountSid, worker: &WorkerSid) -> Command {
    Command::SetInsightsRoles {
        account: *account,
        worker: *worker,
        roles: vec![InsightsRole::FullAccess],
    }
}

/// A list of roles as text, or "None".
fn role_text(roles: impl Iterator<Item = &'static str>) -> String {
    let text = roles.collect::<Vec<_>>().join(", ");
    if text.is_empty() {
        "None".to_string()
    } else {
        text
    }
}

/// One worker: its facts, its SID and a menu of what may be done to it. The row is keyed by
/// the worker's SID and reads what changes (roles, activity, attributes) from `shown`, so a
/// change updates its cells instead of rebuilding the row.
#[component]
fn WorkerRow(
    worker: WorkerItem,
    shown: Memo<Vec<WorkerItem>>,
    target: RwSignal<Option<(WorkerAction, WorkerItem)>>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let sid = worker.sid;
    let item = Memo::new(move |_| {
        shown
            .with(|list| list.iter().find(|w| w.sid == sid).cloned())
            .unwrap_or_else(|| worker.clone())
    });
    let text = move |read: fn(&WorkerItem) -> String| move || item.with(read);
    let open_dialog = move |action: WorkerAction| {
        Callback::new(move |()| target.set(Some((action, item.get_untracked()))))
    };
    let actions = vec![
        MenuAction::always("Attributes", open_dialog(WorkerAction::Attributes)),
        MenuAction::new(
            "Insights roles",
            scope.offer(move |account| insights_probe(account, &sid)),
            open_dialog(WorkerAction::InsightsRoles),
        ),
        MenuAction::new(
            "Delete",
            scope.offer(move |account| Command::DeleteWorker {
                account: *account,
                worker: sid,
            }),
            open_dialog(WorkerAction::Delete),
        )
        .danger(),
    ];
    let menu_label =
        Signal::derive(move || format!("Actions for {}", item.with(|w| w.name.clone())));
    view! {
        <tr>
            <th scope="row" class="worker-name">{text(|w| w.name.clone())}</th>
            <td class="worker-email" data-testid="worker-email" data-label="Email"><Email text=Signal::derive(text(|w| w.email.clone())) /></td>
            <td data-testid="flex-roles" data-label="Flex roles">{text(|w| role_text(w.flex_roles.iter().map(|r| r.as_str())))}</td>
            <td data-testid="insights-roles" data-label="Insights roles" class="col-secondary">{text(|w| role_text(w.insights_roles.iter().map(|r| r.as_str())))}</td>
            <td data-testid="worker-activity" data-label="Activity">{text(|w| w.activity.clone())}</td>
            <td data-label="Worker SID" class="col-secondary"><InlineSid label="Worker SID" value=sid.to_string() /></td>
            <td class="row-actions"><RowMenu label=menu_label actions /></td>
        </tr>
    }
}
