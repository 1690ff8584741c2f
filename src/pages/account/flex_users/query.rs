//! The Flex users page's view state (search, Flex role, activity, page, page size), kept in
//! the URL query like Manage users (see [`UrlView`]).

use leptos_router::params::ParamsMap;

use crate::components::url_query::{
    UrlQuery, UrlView, page_number, page_parts, page_size, query_string,
};
use crate::domain::{AccountSid, FlexRole};

/// What the Flex users page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkersQuery {
    /// Text searched in name, email and worker SID.
    pub search: String,
    /// Only workers holding this Flex role (`?role=admin`, as the `roles` attribute writes it).
    pub role: Option<FlexRole>,
    /// Only workers in the activity with this name (`?activity=Available`).
    pub activity: Option<String>,
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
