//! Mounting a view into a fresh container and reading it back as a user would.

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A view mounted into its own `<div>` in the page; removed when dropped.
pub struct Mounted {
    /// The container the view was mounted into.
    pub root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts `view` into a new container appended to `<body>`.
pub fn mount<F, V>(view: F) -> Mounted
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || view().into_any());
    Mounted {
        root,
        _handle: handle,
    }
}

impl Mounted {
    /// The first element matching a CSS selector; panics with the selector if there is none.
    pub fn find(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }
}

/// Waits `ms` milliseconds (a browser timer).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until the browser has drawn `n` more frames (what `focus::soon` waits for).
pub async fn frames(n: u32) {
    for _ in 0..n {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Lets pending effects and reactive updates run.
pub async fn settle() {
    for _ in 0..3 {
        sleep(0).await;
    }
}

/// Waits until `done` holds, checking every 10 ms, for at most `seconds`.
pub async fn wait_for(what: &str, seconds: i32, mut done: impl FnMut() -> bool) {
    for _ in 0..seconds * 100 {
        if done() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

/// Puts the page at an app path before mounting the app (the router reads the URL), under
/// a `<base href="/">` as index.html gives the app (without one the base would be the page's
/// own path, and every deeper path would read as "/").
pub fn at_path(path: &str) {
    let document = document();
    if document.query_selector("base").ok().flatten().is_none() {
        let base = document.create_element("base").unwrap();
        base.set_attribute("href", "/").unwrap();
        document.head().unwrap().append_child(&base).unwrap();
    }
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// Every element inside `root` matching a CSS selector (through JS: web-sys's `NodeList`
/// is not among the crate's enabled features).
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let query: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = query.call1(root, &selector.into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|e| e.unchecked_into())
        .collect()
}

/// The button inside `root` named `text`: its text, or its `aria-label` where it shows a sign.
pub fn button(root: &web_sys::Element, text: &str) -> web_sys::HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label").as_deref() == Some(text)
                || b.text_content().unwrap_or_default().trim() == text
        })
        .unwrap_or_else(|| {
            panic!(
                "no button {text} among {:?}",
                all(root, "button")
                    .iter()
                    .map(|b| b.text_content())
                    .collect::<Vec<_>>()
            )
        })
}

/// Presses `key` on `element`: a `keydown` that bubbles, as a keyboard sends it (through JS:
/// web-sys's `KeyboardEventInit` is not among the crate's enabled features).
pub fn press(element: &web_sys::Element, key: &str) {
    let send = js_sys::Function::new_with_args(
        "element, key",
        "element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))",
    );
    send.call2(&wasm_bindgen::JsValue::NULL, element, &key.into())
        .unwrap();
}

/// The element that has focus now.
pub fn focused() -> Option<web_sys::Element> {
    document().active_element()
}
