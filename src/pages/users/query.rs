//! The Manage users page's view state (tab, search, role filter, sort, page), kept in the URL
//! query: deep links keep it, and so does a rebuild of the page after the store changes.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::domain::{AccountSid, ConsoleRole};

use crate::components::pagination::PAGE_SIZES;

/// Which tab is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Members of the account.
    Active,
    /// Invitations, `?tab=invited`.
    Invited,
}

/// The column the Active users table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Full name.
    Name,
    /// Email address.
    Email,
    /// Roles, in the Console's role order.
    Roles,
}

impl SortKey {
    /// The name used in the URL.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Email => "email",
            SortKey::Roles => "roles",
        }
    }
}

/// What the Manage users page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsersQuery {
    /// The open tab.
    pub tab: Tab,
    /// Text searched in name, email and SID.
    pub search: String,
    /// Only members with this role.
    pub role: Option<ConsoleRole>,
    /// The sort column.
    pub sort: SortKey,
    /// Whether the sort is descending.
    pub descending: bool,
    /// The 1-based page number.
    pub page: usize,
    /// Rows per page, one of [`PAGE_SIZES`].
    pub page_size: usize,
}

/// The name of a role in the URL and in the filter's option values.
pub fn role_key(role: ConsoleRole) -> &'static str {
    match role {
        ConsoleRole::Owner => "owner",
        ConsoleRole::Administrator => "administrator",
        ConsoleRole::Developer => "developer",
        ConsoleRole::BillingManager => "billing_manager",
        ConsoleRole::Support => "support",
    }
}

/// The role named `key` in the URL, if any.
pub fn role_from_key(key: &str) -> Option<ConsoleRole> {
    ConsoleRole::ALL.into_iter().find(|r| role_key(*r) == key)
}

impl UsersQuery {
    /// Reads the state from a URL query; anything unknown falls back to the default.
    pub fn from_map(map: &ParamsMap) -> UsersQuery {
        let tab = match map.get("tab").as_deref() {
            Some("invited") => Tab::Invited,
            _ => Tab::Active,
        };
        let sort = match map.get("sort").as_deref() {
            Some("email") => SortKey::Email,
            Some("roles") => SortKey::Roles,
            _ => SortKey::Name,
        };
        let page_size = map
            .get("size")
            .and_then(|s| s.parse().ok())
            .filter(|s| PAGE_SIZES.contains(s))
            .unwrap_or(PAGE_SIZES[0]);
        UsersQuery {
            tab,
            search: map.get("q").unwrap_or_default(),
            role: map.get("role").as_deref().and_then(role_from_key),
            sort,
            descending: map.get("dir").as_deref() == Some("desc"),
            page: map
                .get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
            page_size,
        }
    }

    /// The URL query for this state (`?tab=invited&q=…`), leaving defaults out.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if self.tab == Tab::Invited {
            parts.push(("tab", "invited".into()));
        }
        if !self.search.is_empty() {
            parts.push(("q", self.search.clone()));
        }
        if let Some(role) = self.role {
            parts.push(("role", role_key(role).into()));
        }
        if self.sort != SortKey::Name {
            parts.push(("sort", self.sort.key().into()));
        }
        if self.descending {
            parts.push(("dir", "desc".into()));
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
pub struct UsersView {
    /// The current state.
    pub query: Memo<UsersQuery>,
    set: Callback<UsersQuery>,
}

impl UsersView {
    /// Reads the URL of the Manage users page of `account`.
    pub fn new(account: &AccountSid) -> UsersView {
        let map = use_query_map();
        let query = Memo::new(move |_| map.with(UsersQuery::from_map));
        let navigate = use_navigate();
        let path = format!("/accounts/{account}/users");
        let set = Callback::new(move |next: UsersQuery| {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&format!("{path}{}", next.to_query_string()), options);
        });
        UsersView { query, set }
    }

    /// Changes the state with `change`.
    pub fn update(&self, change: impl FnOnce(&mut UsersQuery)) {
        let mut next = self.query.get_untracked();
        change(&mut next);
        self.set.run(next);
    }
}
