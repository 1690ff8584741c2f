//! Links that work from any sub-path of a static host.
//!
//! The router strips the `<base href>` before matching, but a plain `href="/x"` would leave the
//! sub-path, so every in-app link is built here with the base in front.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The path the app is served under, without a trailing slash: `""` at the root, `"/console"` under a sub-path.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// The app path of a browser path: `/console/accounts` under the base `/console` is `/accounts`.
/// The router's location keeps the base in front, so every comparison with an app path
/// goes through here.
pub fn app_path(path: &str) -> String {
    let base = base_path();
    match path.strip_prefix(&base) {
        Some("") => "/".to_string(),
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        _ => path.to_string(),
    }
}

/// The sign-in page, returning to the app path `then` (path and query) once someone signs in.
pub fn sign_in_then(then: &str) -> String {
    let then: String = js_sys::encode_uri_component(then).into();
    href(&format!("/?next={then}"))
}

/// `next` as a place to go after signing in, if it is an app path (never another site).
pub fn return_path(next: &str) -> Option<&str> {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    local.then_some(next)
}

/// An app path (`/accounts`) as a URL under the base (`/console/accounts`).
pub fn href(path: &str) -> String {
    format!("{}{}", base_path(), path)
}

/// A navigation link to an app path, marked `aria-current="page"` while that page is open.
#[component]
pub fn NavLink(
    /// The app path, without the base.
    #[prop(into)]
    to: String,
    /// Whether sub-pages of `to` also count as this page.
    #[prop(optional)]
    prefix: bool,
    /// The id of what describes the link (a reason it is marked), if anything.
    #[prop(optional, into)]
    described_by: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let target = to.clone();
    let current = move || {
        let path = app_path(&location.pathname.get());
        let here = path.trim_end_matches('/');
        let target = target.trim_end_matches('/');
        (here == target || (prefix && here.starts_with(&format!("{target}/")))).then_some("page")
    };
    view! {
        <a href=href(&to) aria-current=current aria-describedby=move || described_by.get()>
            {children()}
        </a>
    }
}

/// Whether the address asks the page to do `what` (`?do=invite`: the palette's actions open
/// their dialog on the page that has it). The request is taken out of the address, so a reload
/// or the back button does not ask again.
pub fn take_request(what: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(url) = window
        .location()
        .href()
        .ok()
        .and_then(|h| web_sys::Url::new(&h).ok())
    else {
        return false;
    };
    if url.search_params().get("do").as_deref() != Some(what) {
        return false;
    }
    url.search_params().delete("do");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
    true
}

/// The search a link asked a list for (`?q=WK…`: the palette puts an item in view).
pub fn linked_search() -> String {
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("q"))
        .unwrap_or_default()
}
