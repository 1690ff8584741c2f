//! An activity page's view state (text, dates, person, kind, account, page), kept in the URL
//! query (see [`UrlView`]): `?q=…&from=2025-03-01&to=2025-03-04&person=…&kind=…&account=…`.

use leptos_router::params::ParamsMap;

use crate::components::url_query::{
    UrlQuery, UrlView, page_number, page_parts, page_size, query_string,
};
use crate::domain::{AccountSid, ActivityFilter, ActivityKind, DateRange, DateRangeError};

/// What an activity page shows. The dates stay as typed, so a bad one is still there to
/// correct, with the domain's message beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityQuery {
    /// Words searched in the sentence, the person and the account (`?q=`).
    pub text: String,
    /// The first day, `YYYY-MM-DD` (`?from=`).
    pub from: String,
    /// The last day, `YYYY-MM-DD` (`?to=`).
    pub to: String,
    /// Only this person, by the domain's person key (`?person=`).
    pub person: String,
    /// Only this kind (`?kind=`).
    pub kind: Option<ActivityKind>,
    /// Only this account, on the Console-wide page (`?account=`).
    pub account: Option<AccountSid>,
    /// The 1-based page number.
    pub page: usize,
    /// Rows per page, one of [`PAGE_SIZES`](crate::components::pagination::PAGE_SIZES).
    pub page_size: usize,
}

impl ActivityQuery {
    /// The domain's filter for this state, or why its dates make no range.
    pub fn filter(&self) -> Result<ActivityFilter, DateRangeError> {
        Ok(ActivityFilter {
            actor: (!self.person.is_empty()).then(|| self.person.clone()),
            kind: self.kind,
            account: self.account,
            text: self.text.clone(),
            days: DateRange::parse(&self.from, &self.to)?,
        })
    }

    /// Whether any filter is set (the empty state offers to clear them).
    pub fn is_filtered(&self) -> bool {
        let pages = ActivityQuery {
            page: self.page,
            page_size: self.page_size,
            ..ActivityQuery::default()
        };
        *self != pages
    }
}

impl UrlQuery for ActivityQuery {
    fn from_map(map: &ParamsMap) -> ActivityQuery {
        ActivityQuery {
            text: map.get("q").unwrap_or_default(),
            from: map.get("from").unwrap_or_default(),
            to: map.get("to").unwrap_or_default(),
            person: map.get("person").unwrap_or_default(),
            kind: map.get("kind").as_deref().and_then(ActivityKind::from_key),
            account: map.get("account").and_then(|a| a.parse().ok()),
            page: page_number(map),
            page_size: page_size(map),
        }
    }

    fn to_query_string(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        for (key, value) in [
            ("q", &self.text),
            ("from", &self.from),
            ("to", &self.to),
            ("person", &self.person),
        ] {
            if !value.is_empty() {
                parts.push((key, value.clone()));
            }
        }
        if let Some(kind) = self.kind {
            parts.push(("kind", kind.key().into()));
        }
        if let Some(account) = &self.account {
            parts.push(("account", account.to_string()));
        }
        parts.extend(page_parts(self.page, self.page_size));
        query_string(parts)
    }
}

/// An activity page's state in the URL.
pub type ActivityView = UrlView<ActivityQuery>;
