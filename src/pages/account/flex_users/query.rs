//! The Flex users page's view state (search, Flex role, activity, sort, page, page size), kept
//! in the URL query like Manage users (see [`UrlView`]).

use leptos_router::params::ParamsMap;

use crate::components::url_query::{
    UrlQuery, UrlView, page_number, page_parts, page_size, query_string,
};
use crate::domain::{AccountSid, FlexRole};

/// The column the workers are sorted by (none: as the workspace lists them, by SID).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerSort {
    /// Full name.
    Name,
    /// Email (the Flex identity).
    Email,
    /// The current activity's name.
    Activity,
    /// Flex roles, in the order admin, supervisor, agent, read-only admin.
    FlexRole,
}

impl WorkerSort {
    const ALL: [WorkerSort; 4] = [
        WorkerSort::Name,
        WorkerSort::Email,
        WorkerSort::Activity,
        WorkerSort::FlexRole,
    ];

    /// The name used in the URL (`?sort=activity`).
    pub fn key(self) -> &'static str {
        match self {
            WorkerSort::Name => "name",
            WorkerSort::Email => "email",
            WorkerSort::Activity => "activity",
            WorkerSort::FlexRole => "role",
        }
    }
}

/// What the Flex users page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkersQuery {
    /// Text searched in name, email and worker SID.
    pub search: String,
    /// Only workers holding this Flex role (`?role=admin`, as the `roles` attribute writes it).
    pub role: Option<FlexRole>,
    /// Only workers in the activity with this name (`?activity=Available`).
    pub activity: Option<String>,
    /// The sort column, if the workers are sorted.
    pub sort: Option<WorkerSort>,
    /// Whether the sort is descending (`?dir=desc`).
    pub descending: bool,
    /// The 1-based page number.
    pub page: usize,
    /// Rows per page, one of [`PAGE_SIZES`](crate::components::pagination::PAGE_SIZES).
    pub page_size: usize,
}

impl UrlQuery for WorkersQuery {
    fn from_map(map: &ParamsMap) -> WorkersQuery {
        WorkersQuery {
            search: map.get("q").unwrap_or_default(),
            role: map.get("role").as_deref().and_then(FlexRole::parse),
            activity: map.get("activity").filter(|a| !a.is_empty()),
            sort: map
                .get("sort")
                .and_then(|k| WorkerSort::ALL.into_iter().find(|s| s.key() == k)),
            descending: map.get("dir").as_deref() == Some("desc"),
            page: page_number(map),
            page_size: page_size(map),
        }
    }

    fn to_query_string(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if !self.search.is_empty() {
            parts.push(("q", self.search.clone()));
        }
        if let Some(role) = self.role {
            parts.push(("role", role.as_str().into()));
        }
        if let Some(activity) = &self.activity {
            parts.push(("activity", activity.clone()));
        }
        if let Some(sort) = self.sort {
            parts.push(("sort", sort.key().into()));
            if self.descending {
                parts.push(("dir", "desc".into()));
            }
        }
        parts.extend(page_parts(self.page, self.page_size));
        query_string(parts)
    }
}

/// The Flex users page's state in the URL.
pub type WorkersView = UrlView<WorkersQuery>;

/// The view state of the Flex users page of `account`.
pub fn workers_view(account: &AccountSid) -> WorkersView {
    UrlView::new(format!("/accounts/{account}/flex/users"))
}
