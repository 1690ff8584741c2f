//! A page's view state (search, filters, sort, page) kept in the URL query: deep links and
//! reloads keep it, and so does a rebuild of the page after the store changes.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use super::pagination::PAGE_SIZES;

/// A view state that reads itself from a URL query and writes itself back.
pub trait UrlQuery: Clone + PartialEq + Send + Sync + 'static {
    /// Reads the state from a URL query; anything unknown falls back to the default.
    fn from_map(map: &ParamsMap) -> Self;
    /// The URL query for this state (`?q=…`), leaving defaults out ("" when all are).
    fn to_query_string(&self) -> String;
}

/// How long the URL waits after the last change before it is written: typing a search
/// filters at once, and the address follows when the typing pauses.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// A page's state, read from the URL when the page opens and whenever the URL changes from
/// outside (Back, Forward, a link), and a way to change it: a change shows at once, and is
/// written to the URL after [`URL_DELAY`], replacing the history entry (so typing a search
/// does not fill the Back button, and the filtering never waits for the router).
pub struct UrlView<Q: UrlQuery> {
    /// The current state.
    pub query: Memo<Q>,
    state: RwSignal<Q>,
    /// The state last read from or written to the URL: what the URL says, or soon will.
    in_url: StoredValue<Q>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Writes a query string (`?q=…`, or "") to the page's URL.
    write: Callback<String>,
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
        let first = map.with_untracked(Q::from_map);
        let state = RwSignal::new(first.clone());
        let in_url = StoredValue::new(first);
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let navigate = use_navigate();
        let location = use_location();
        let write_now = move |query: String| {
            // Only while the router is still on this page: a late write must not bring it back.
            if location.pathname.try_get_untracked().as_deref() != Some(path.as_str()) {
                return;
            }
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&format!("{path}{query}"), options);
        };
        let write = Callback::new(write_now.clone());
        let view = UrlView {
            query: Memo::new(move |_| state.get()),
            state,
            in_url,
            pending,
            write,
        };
        // The URL is the world outside: follow it when it changes to something this view did
        // not write (its own writes come back equal to `in_url`).
        Effect::new(move |_| {
            let from_url = map.with(Q::from_map);
            if from_url != in_url.get_value() {
                if let Some(waiting) = pending.get_value() {
                    waiting.clear();
                }
                in_url.set_value(from_url.clone());
                state.set(from_url);
            }
        });
        // A write still waiting when the view goes (the page rebuilt, or left) is made now,
        // so a rebuilt page reads the latest state from the URL.
        on_cleanup(move || {
            if let Some(waiting) = pending.try_get_value().flatten() {
                waiting.clear();
                if let Some(state) = state.try_get_untracked() {
                    write_now(state.to_query_string());
                }
            }
        });
        view
    }

    /// Changes the state with `change`: at once on the page, in the URL after a pause.
    pub fn update(&self, change: impl FnOnce(&mut Q)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next == self.state.get_untracked() {
            return;
        }
        self.state.set(next.clone());
        self.in_url.set_value(next.clone());
        if let Some(waiting) = self.pending.get_value() {
            waiting.clear();
        }
        let query = next.to_query_string();
        let (pending, write) = (self.pending, self.write);
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                write.run(query);
            },
            URL_DELAY,
        )
        .ok();
        self.pending.set_value(handle);
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
