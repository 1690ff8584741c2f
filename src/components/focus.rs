//! Focus that never falls back to the page: when the control that was pressed is replaced or
//! removed, focus moves to what replaced it or to the nearest sensible element.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Runs `then` once the page has rendered what the last change did (the next frame).
pub fn soon(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(then);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Focuses the first element of the page matching `selector` (inside `main`), if there is one.
pub fn to(selector: &str) -> bool {
    let found = leptos::prelude::document()
        .query_selector(&format!("main {selector}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    found.is_some_and(|e| e.focus().is_ok())
}

/// Watches focus for the next few frames (what a change removes may go a little after it):
/// if it falls back to the page, moves it into `home` (where the pressed control was) while
/// that is still there, else to the page's heading.
pub fn recover(home: Option<web_sys::Element>) {
    recover_within(home, FRAMES);
}

/// How many frames focus is watched after a dialog closes.
const FRAMES: u32 = 12;

fn recover_within(home: Option<web_sys::Element>, frames: u32) {
    let document = leptos::prelude::document();
    let fell_back = document
        .active_element()
        .is_none_or(|a| a.tag_name() == "BODY" || !a.is_connected());
    if !fell_back {
        if frames > 0 {
            soon(move || recover_within(home, frames - 1));
        }
        return;
    }
    let home = home.as_ref();
    let first = |root: &web_sys::Element| {
        root.query_selector("button:not([disabled]), a[href], input, select")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let Some(target) = home.filter(|h| h.is_connected()).and_then(first) {
        let _ = target.focus();
        return;
    }
    if let Some(heading) = document
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // A heading takes focus only when asked to; it then says where the person is.
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

/// After a navigation the person started (signing in), focus goes to the new page's heading
/// once it is on screen, so the keyboard and a screen reader start where the page does
/// instead of on the page's body. Watches a few frames for a heading other than `before`.
pub fn heading_of_next_page(before: Option<web_sys::Element>) {
    heading_within(before, FRAMES * 5);
}

fn heading_within(before: Option<web_sys::Element>, frames: u32) {
    let heading = leptos::prelude::document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .filter(|h| Some(h) != before.as_ref() && h.is_connected())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(heading) => {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
        None if frames > 0 => soon(move || heading_within(before, frames - 1)),
        None => {}
    }
}
