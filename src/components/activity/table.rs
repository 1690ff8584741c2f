//! The entries of an activity page: a count, a table (when, who, what, kind and, on the
//! Console-wide page, the account as a link to its own log), an empty state and the pager.

use leptos::prelude::*;

use super::query::ActivityView;
use crate::components::breaks::DateTime;
use crate::components::count::count;
use crate::components::empty_state::EmptyState;
use crate::components::link::href;
use crate::components::pagination::{Pagination, paging};
use crate::domain::{Console, Event};

/// One line of the log, as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// Position in the filtered list, so equal entries keep apart.
    n: usize,
    at: String,
    who: String,
    kind: &'static str,
    what: String,
    /// The account's name and the path of its log; None for a sign-up (of the Console).
    account: Option<(String, String)>,
}

/// The table's lines for `events`, in their order.
pub fn entries(c: &Console, events: &[&Event]) -> Vec<Entry> {
    events
        .iter()
        .enumerate()
        .map(|(n, e)| Entry {
            n,
            at: e.at.to_string(),
            who: c.person_name(e),
            kind: e.kind.activity_kind().label(),
            what: c.describe(e),
            account: e.account.as_ref().map(|sid| {
                let name = c
                    .account(sid)
                    .map_or_else(|| sid.to_string(), |a| a.friendly_name.clone());
                (name, format!("/accounts/{sid}/activity"))
            }),
        })
        .collect()
}

/// The entries that pass the filters, a page at a time.
#[component]
pub fn ActivityTable(
    /// The page's state in the URL (page and page size).
    view_state: ActivityView,
    /// Every entry that passes the filters, newest first.
    entries: Memo<Vec<Entry>>,
    /// The table's caption, for screen readers.
    caption: &'static str,
    /// Whether to show the Account column (the Console-wide page).
    #[prop(optional)]
    with_account: bool,
) -> impl IntoView {
    let query = view_state.query;
    let total = Memo::new(move |_| entries.with(Vec::len));
    let size = Signal::derive(move || query.with(|q| q.page_size));
    let (pages, page) = paging(total, Signal::derive(move || query.with(|q| q.page)), size);
    let shown = Memo::new(move |_| {
        let start = (page.get() - 1) * size.get();
        entries.with(|e| {
            e.iter()
                .skip(start)
                .take(size.get())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let summary = move || match total.get() {
        0 => "No activity matches.".to_owned(),
        // The whole count, as the log always said it; the pager says which page is shown.
        n => count(n, "change", "changes"),
    };
    view! {
        <p class="table-summary" aria-live="polite" data-testid="activity-count">{summary}</p>
        <div class="table-wrap">
            <table class="table activity-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"When"</th>
                        <th scope="col">"Who"</th>
                        <th scope="col">"What"</th>
                        {with_account.then(|| view! { <th scope="col">"Account"</th> })}
                        <th scope="col" class="col-secondary">"Kind"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|e| e.clone() let:entry>
                        <tr data-testid="activity-row">
                            <td data-label="When" class="cell-nowrap"><DateTime text=entry.at.clone() /></td>
                            <td data-label="Who" class="wrap-anywhere">{entry.who.clone()}</td>
                            <td data-label="What" class="wrap-anywhere">{entry.what.clone()}</td>
                            {with_account.then(|| view! {
                                <td data-label="Account" class="cell-nowrap" data-testid="activity-account">
                                    {match entry.account.clone() {
                                        Some((name, path)) => {
                                            let whole = name.clone();
                                            view! { <a href=href(&path) title=whole>{name}</a> }.into_any()
                                        }
                                        None => "Console".into_any(),
                                    }}
                                </td>
                            })}
                            <td data-label="Kind" class="col-secondary">{entry.kind}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || total.get() == 0 && query.with(|q| q.is_filtered() && q.filter().is_ok())>
            <EmptyState message="No activity matches these filters.">
                <button type="button" class="button" on:click=move |_| view_state.update(|q| {
                    *q = super::query::ActivityQuery {
                        page: 1,
                        page_size: q.page_size,
                        ..Default::default()
                    };
                })>
                    "Clear filters"
                </button>
            </EmptyState>
        </Show>
        <Pagination
            label="Pages of activity"
            size_id="activity-page-size"
            total
            page
            pages
            page_size=size
            on_size=move |size| view_state.update(|q| {
                q.page_size = size;
                q.page = 1;
            })
            on_page=move |to| view_state.update(|q| q.page = to)
        />
    }
}
