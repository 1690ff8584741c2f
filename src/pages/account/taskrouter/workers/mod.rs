//! Workers (`/accounts/:account_sid/taskrouter/workers`): the workspace's workers as
//! TaskRouter sees them (activity, skills, how many queues target each), searched and
//! paged, each leading to its page.

mod worker;

use leptos::prelude::*;

use super::list::{ListPager, ListSearch, ListView, Paged, searched};
use super::{TrPage, from_workspace, tr_path, trail_to};
use crate::components::breaks::Email;
use crate::components::count::thousands;
use crate::components::link::href;
use crate::domain::search::searchable;
use crate::domain::{AccountPage, WorkerSid};
use crate::pages::account::{AccountScope, Requires};
use crate::store::Store;
pub use worker::WorkerPage;

/// One row of the workers table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct WorkerRow {
    sid: WorkerSid,
    name: String,
    email: String,
    activity: String,
    skills: String,
    queues: usize,
}

/// The workers page.
#[component]
pub fn Workers() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Workers>
            <TrPage id="workers-title" title="Workers"
                lead="The workspace's workers (the Flex users): their attributes, their capacity on each task channel and the queues that target them."
                trail=trail_to(AccountPage::TaskRouter)>
                <WorkerList />
            </TrPage>
        </Requires>
    }
}

#[component]
fn WorkerList() -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    // Name-sorted, folded once per change of the state, never per keystroke.
    let index = from_workspace(|_, ws| {
        let mut index: Vec<(String, WorkerSid, String)> = ws
            .workers
            .values()
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
    });
    let view = ListView::new(tr_path("/workers"));
    let matching = Memo::new(move |_| {
        let query = searched(view);
        index.with(|ix| {
            ix.iter()
                .flatten()
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
                .map(|w| WorkerRow {
                    sid: w.sid,
                    name: w.full_name.clone(),
                    email: w.identity.to_string(),
                    activity: ws
                        .activity(&w.activity)
                        .map_or_else(String::new, |a| a.friendly_name.clone()),
                    skills: skills_text(w),
                    queues: c.queues_of_worker(&account, &w.sid).len(),
                })
                .collect::<Vec<_>>()
        })
    });
    let all = move || index.with(|ix| ix.as_ref().map_or(0, Vec::len));
    view! {
        <ListSearch paged id="tr-worker-search" what="Workers" placeholder="Name, email or worker SID" />
        <p class="table-summary" aria-live="polite" data-testid="tr-worker-count">{move || paged.summary("worker", "workers", all())}</p>
        <div class="table-wrap">
            <table class="table tr-table" data-testid="workers-table">
                <caption class="visually-hidden">"Workers of the workspace"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Activity"</th>
                        <th scope="col">"Skills"</th>
                        <th scope="col">"Queues"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|r| r.clone() let:row>
                        <tr data-testid="tr-worker-row">
                            <th scope="row"><a href=href(&tr_path(&format!("/workers/{}", row.sid)))>{row.name.clone()}</a></th>
                            <td data-label="Email" class="wrap-anywhere"><Email text=row.email.clone() /></td>
                            <td data-label="Activity">{row.activity.clone()}</td>
                            <td data-label="Skills">{row.skills.clone()}</td>
                            <td data-label="Queues">{thousands(row.queues)}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <ListPager paged label="Pages of workers" size_id="tr-worker-page-size" />
    }
}

/// A worker's skills as a line: "support (7), spanish", or "None".
pub fn skills_text(worker: &crate::domain::Worker) -> String {
    let routing = &worker.routing;
    if routing.skills.is_empty() {
        return "None".to_owned();
    }
    routing
        .skills
        .iter()
        .map(|s| match routing.levels.get(s) {
            Some(level) => format!("{s} ({level})"),
            None => s.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
