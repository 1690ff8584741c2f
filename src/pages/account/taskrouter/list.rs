//! What every TaskRouter list keeps in its URL (the search, the page, the rows per page), and
//! the pager under it: the same as the Console's other lists.

use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use crate::components::pagination::{Pagination, paging};
use crate::components::search::SearchBox;
use crate::components::search::summary;
use crate::components::url_query::{
    UrlQuery, UrlView, page_number, page_parts, page_size, query_string,
};

/// A list's search and page (`?q=…&page=2&size=50`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    /// The text searched.
    pub search: String,
    /// The 1-based page.
    pub page: usize,
    /// Rows per page.
    pub page_size: usize,
}

impl UrlQuery for ListQuery {
    fn from_map(map: &ParamsMap) -> ListQuery {
        ListQuery {
            search: map.get("q").unwrap_or_default(),
            page: page_number(map),
            page_size: page_size(map),
        }
    }

    fn to_query_string(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if !self.search.is_empty() {
            parts.push(("q", self.search.clone()));
        }
        parts.extend(page_parts(self.page, self.page_size));
        query_string(parts)
    }
}

/// A list's state in the URL of its page.
pub type ListView = UrlView<ListQuery>;

/// The search typed in `view` as a domain query (tracked).
pub fn searched(view: ListView) -> crate::domain::search::Query {
    view.query
        .with(|q| crate::domain::search::Query::new(&q.search))
}

/// A searched, paged list over `total` matching rows: the page shown and the range of rows
/// it holds.
#[derive(Clone, Copy)]
pub struct Paged {
    /// The URL state.
    pub view: ListView,
    /// The page shown (kept within the pages there are).
    pub page: Memo<usize>,
    /// How many pages there are.
    pub pages: Memo<usize>,
    /// How many rows match the search.
    pub total: Memo<usize>,
}

impl Paged {
    /// The pages of `total` rows (which reads `view`'s search), with the state `view`.
    pub fn new(view: ListView, total: impl Fn() -> usize + Send + Sync + 'static) -> Paged {
        let total = Memo::new(move |_| total());
        let (pages, page) = paging(
            total,
            Signal::derive(move || view.query.with(|q| q.page)),
            Signal::derive(move || view.query.with(|q| q.page_size)),
        );
        Paged {
            view,
            page,
            pages,
            total,
        }
    }

    /// The rows of the page shown: (skip, take) (tracked).
    pub fn window(&self) -> (usize, usize) {
        let size = self.view.query.with(|q| q.page_size);
        ((self.page.get() - 1) * size, size)
    }

    /// "40 queues", "3 of 40 queues" while a search hides some, or "No queues match."
    /// (tracked); the pager under the table says which rows are shown.
    pub fn summary(&self, one: &'static str, many: &'static str, all: usize) -> String {
        match self.total.get() {
            0 => format!("No {many} match."),
            n => summary(n, all, one, many),
        }
    }
}

/// The search box over a [`Paged`] list.
#[component]
pub fn ListSearch(
    /// The list.
    paged: Paged,
    /// The field's id.
    id: &'static str,
    /// What is searched ("Task queues").
    what: &'static str,
    /// The hint in the empty field.
    placeholder: &'static str,
) -> impl IntoView {
    let view = paged.view;
    view! {
        <SearchBox
            id=id
            what=what
            placeholder=placeholder
            value=Signal::derive(move || view.query.with(|q| q.search.clone()))
            on_input=Callback::new(move |text| view.update(|q| {
                q.search = text;
                q.page = 1;
            }))
        />
    }
}

/// The pager under a [`Paged`] list.
#[component]
pub fn ListPager(
    /// The list.
    paged: Paged,
    /// The pager's accessible name ("Pages of task queues").
    label: &'static str,
    /// The id of its rows-per-page select.
    size_id: &'static str,
) -> impl IntoView {
    let view = paged.view;
    view! {
        <Pagination
            label=label
            size_id=size_id
            page=paged.page
            pages=paged.pages
            total=paged.total
            page_size=Signal::derive(move || view.query.with(|q| q.page_size))
            on_size=move |size| view.update(|q| {
                q.page_size = size;
                q.page = 1;
            })
            on_page=move |to| view.update(|q| q.page = to)
        />
    }
}
