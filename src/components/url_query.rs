//! A page's view state (search, filters, sort, page) kept in the URL query: deep links and
//! reloads keep it, and so does a rebuild of the page after the store changes.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use super::pagination::PAGE_SIZES;

/// A view state that reads itself from a URL query and writes itself back.
pub trait UrlQuery: Clone + PartialEq + Send + Sync + 'static {
    /// Reads the state from a URL query; anything unknown falls back to the default.
    fn from_map(map: &ParamsMap) -> Self;
    /// The URL query for this state (`?q=…`), leaving defaults out ("" when all are).
    fn to_query_string(&self) -> String;
}

/// A page's state from the URL, and a way to change it (replacing the history entry, so
/// typing a search does not fill the Back button).
pub struct UrlView<Q: UrlQuery> {
    /// The current state.
    pub query: Memo<Q>,
    set: Callback<Q>,
}

// By hand: derived impls would ask `Q: Copy`, and the signals are `Copy` whatever `Q` is.
impl<Q: UrlQuery> Clone for UrlView<Q> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q: UrlQuery> Copy for UrlView<Q> {}

impl<Q: UrlQuery> UrlView<Q> {
    /// Reads the URL of the page at the app path `path`.
    pub fn new(path: String) -> UrlView<Q> {
        let map = use_query_map();
        let query = Memo::new(move |_| map.with(Q::from_map));
        let navigate = use_navigate();
        let set = Callback::new(move |next: Q| {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&format!("{path}{}", next.to_query_string()), options);
        });
        UrlView { query, set }
    }

    /// Changes the state with `change`.
    pub fn update(&self, change: impl FnOnce(&mut Q)) {
        let mut next = self.query.get_untracked();
        change(&mut next);
        self.set.run(next);
    }
}

/// `?page=N` (from 1; 1 when missing or invalid).
pub fn page_number(map: &ParamsMap) -> usize {
    map.get("page")
        .and_then(|p| p.parse().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// `?size=N`, one of [`PAGE_SIZES`] (the first when missing or invalid).
pub fn page_size(map: &ParamsMap) -> usize {
    map.get("size")
        .and_then(|s| s.parse().ok())
        .filter(|s| PAGE_SIZES.contains(s))
        .unwrap_or(PAGE_SIZES[0])
}

/// The page and page size as query parts, leaving the defaults out.
pub fn page_parts(page: usize, size: usize) -> Vec<(&'static str, String)> {
    let mut parts = Vec::new();
    if page > 1 {
        parts.push(("page", page.to_string()));
    }
    if size != PAGE_SIZES[0] {
        parts.push(("size", size.to_string()));
    }
    parts
}

/// `?k=v&…` with every value URI-encoded; "" for no parts.
pub fn query_string(parts: Vec<(&str, String)>) -> String {
    if parts.is_empty() {
        return String::new();
    }
    let encoded: Vec<String> = parts
        .into_iter()
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
        .collect();
    format!("?{}", encoded.join("&"))
}
