//! The Manage users page's view state (tab, search, role filter, sort, page), kept in the URL
//! query (see [`UrlView`]).

use leptos_router::params::ParamsMap;

use crate::components::url_query::{
    UrlQuery, UrlView, page_number, page_parts, page_size, query_string,
};
use crate::domain::{AccountSid, ConsoleRole};

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
    /// Rows per page, one of [`PAGE_SIZES`](crate::components::pagination::PAGE_SIZES).
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

impl UrlQuery for UsersQuery {
    fn from_map(map: &ParamsMap) -> UsersQuery {
        let tab = match map.get("tab").as_deref() {
            Some("invited") => Tab::Invited,
            _ => Tab::Active,
        };
        let sort = match map.get("sort").as_deref() {
            Some("email") => SortKey::Email,
            Some("roles") => SortKey::Roles,
            _ => SortKey::Name,
        };
        UsersQuery {
            tab,
            search: map.get("q").unwrap_or_default(),
            role: map.get("role").as_deref().and_then(role_from_key),
            sort,
            descending: map.get("dir").as_deref() == Some("desc"),
            page: page_number(map),
            page_size: page_size(map),
        }
    }

    fn to_query_string(&self) -> String {
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
        parts.extend(page_parts(self.page, self.page_size));
        query_string(parts)
    }
}

/// The Manage users page's state in the URL.
pub type UsersView = UrlView<UsersQuery>;

/// The view state of the Manage users page of `account`.
pub fn users_view(account: &AccountSid) -> UsersView {
    UrlView::new(format!("/accounts/{account}/users"))
}
