//! The Flex users page's view state (search, Flex role, activity, page, page size), kept in
//! the URL query like Manage users: deep links keep it, and so does a rebuild of the page.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::domain::{AccountSid, FlexRole};

use crate::components::pagination::PAGE_SIZES;

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
    /// Rows per page, one of [`PAGE_SIZES`].
    pub page_size: usize,
}

impl WorkersQuery {
    /// Reads the state from a URL query; anything unknown falls back to the default.
    pub fn from_map(map: &ParamsMap) -> WorkersQuery {
        let page_size = map
            .get("size")
            .and_then(|s| s.parse().ok())
            .filter(|s| PAGE_SIZES.contains(s))
            .unwrap_or(PAGE_SIZES[0]);
        WorkersQuery {
            search: map.get("q").unwrap_or_default(),
            role: map.get("role").as_deref().and_then(FlexRole::parse),
            activity: map.get("activity").filter(|a| !a.is_empty()),
            page: map
                .get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
            page_size,
        }
    }

    /// The URL query for this state (`?q=…&role=…`), leaving defaults out.
    pub fn to_query_string(&self) -> String {
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
        if self.page > 1 {
            parts.push(("page", self.page.to_string()));
        }
        if self.page_size != PAGE_SIZES[0] {
            parts.push(("size", self.page_size.to_string()));
        }
        if parts.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
            .collect();
        format!("?{}", encoded.join("&"))
    }
}

/// The page's state from the URL, and a way to change it (replacing the history entry, so
/// typing a search does not fill the Back button).
#[derive(Clone, Copy)]
pub struct WorkersView {
    /// The current state.
    pub query: Memo<WorkersQuery>,
    set: Callback<WorkersQuery>,
}

impl WorkersView {
    /// Reads the URL of the Flex users page of `account`.
    pub fn new(account: &AccountSid) -> WorkersView {
        let map = use_query_map();
        let query = Memo::new(move |_| map.with(WorkersQuery::from_map));
        let navigate = use_navigate();
        let path = format!("/accounts/{account}/flex/users");
        let set = Callback::new(move |next: WorkersQuery| {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&format!("{path}{}", next.to_query_string()), options);
        });
        WorkersView { query, set }
    }

    /// Changes the state with `change`.
    pub fn update(&self, change: impl FnOnce(&mut WorkersQuery)) {
        let mut next = self.query.get_untracked();
        change(&mut next);
        self.set.run(next);
    }
}
