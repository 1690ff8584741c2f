//! Activity (`/accounts/:account_sid/activity`): every change made in the account, newest
//! first, filterable by person and by kind. Every member may read it (viewing logs is
//! allowed to every role).

use leptos::prelude::*;

use super::{AccountScope, Requires};
use crate::components::pagination::{PAGE_SIZES, Pagination, page_count};
use crate::domain::activity::actor_key;
use crate::domain::{AccountPage, ActivityFilter, ActivityKind};
use crate::store::Store;

/// One line of the log.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Entry {
    /// Position in the filtered list, so equal entries keep apart.
    n: usize,
    at: String,
    who: String,
    kind: &'static str,
    what: String,
}

/// The Activity page.
#[component]
pub fn Activity() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Activity>
            <ActivityLog />
        </Requires>
    }
}

#[component]
fn ActivityLog() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let actor = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<ActivityKind>);
    let page = RwSignal::new(1usize);
    let page_size = RwSignal::new(PAGE_SIZES[0]);
    let account = scope.account.clone();
    let people = Memo::new(move |_| store.with(|c| c.activity_actors(&account)));
    let account = scope.account.clone();
    let name =
        Memo::new(move |_| store.with(|c| c.account(&account).map(|a| a.friendly_name.clone())));
    let account = scope.account.clone();
    let entries = Memo::new(move |_| {
        let filter = ActivityFilter {
            actor: actor.with(|a| (!a.is_empty()).then(|| a.clone())),
            kind: kind.get(),
        };
        store.with(|c| {
            c.activity(&account, &filter)
                .into_iter()
                .enumerate()
                .map(|(n, e)| Entry {
                    n,
                    at: e.at.to_string(),
                    who: c.actor_name(&e.by),
                    kind: e.kind.activity_kind().label(),
                    what: c.describe(e),
                })
                .collect::<Vec<_>>()
        })
    });
    let pages = Memo::new(move |_| page_count(entries.with(Vec::len), page_size.get()));
    let current = Memo::new(move |_| page.get().clamp(1, pages.get()));
    let shown = Memo::new(move |_| {
        let size = page_size.get();
        entries.with(|e| {
            e.iter()
                .skip((current.get() - 1) * size)
                .take(size)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // The signed-in user, marked "(you)" in the Person filter.
    let me = actor_key(&scope.actor());

    view! {
        <section class="page page-wide" aria-labelledby="activity-title">
            <p class="eyebrow">{move || name.get()}</p>
            <h1 id="activity-title">"Activity"</h1>
            <p class="lead">"Every change made in this account: who made it and when, newest first. Refused actions change nothing and are not listed."</p>
            <div class="inline-form" role="search" aria-label="Filter the activity">
                <div class="form-field">
                    <label class="field-label" for="activity-person">"Person"</label>
                    <select
                        class="input"
                        id="activity-person"
                        on:change=move |ev| {
                            actor.set(event_target_value(&ev));
                            page.set(1);
                        }
                    >
                        <option value="">"Everyone"</option>
                        {move || people.get().into_iter().map(|(key, who)| {
                            let label = if key == me { format!("{who} (you)") } else { who };
                            view! { <option value=key>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label class="field-label" for="activity-kind">"Kind"</label>
                    <select
                        class="input"
                        id="activity-kind"
                        on:change=move |ev| {
                            kind.set(ActivityKind::from_key(&event_target_value(&ev)));
                            page.set(1);
                        }
                    >
                        <option value="">"All kinds"</option>
                        {ActivityKind::ALL
                            .into_iter()
                            .map(|k| view! { <option value=k.key()>{k.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="table-summary" aria-live="polite" data-testid="activity-count">
                {move || match entries.with(Vec::len) {
                    0 => "No activity matches.".to_owned(),
                    1 => "1 change".to_owned(),
                    n => format!("{n} changes"),
                }}
            </p>
            <div class="table-wrap">
                <table class="table activity-table">
                    <caption class="visually-hidden">"Changes made in this account, newest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"When"</th>
                            <th scope="col">"Who"</th>
                            <th scope="col">"What"</th>
                            <th scope="col">"Kind"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|e| e.clone() let:entry>
                            <tr data-testid="activity-row">
                                <td class="nowrap" data-label="When">{entry.at.clone()}</td>
                                <td data-label="Who">{entry.who.clone()}</td>
                                <td data-label="What">{entry.what.clone()}</td>
                                <td data-label="Kind">{entry.kind}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            <Pagination
                label="Pages of activity"
                size_id="activity-page-size"
                page=current
                pages
                page_size=page_size
                on_size=move |size| {
                    page_size.set(size);
                    page.set(1);
                }
                on_page=move |p| page.set(p)
            />
        </section>
    }
}
