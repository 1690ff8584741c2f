//! The `?scenario=NAME` link: which scenario the address asks for, and taking it out of the
//! address once answered, so a reload does not ask again.

use wasm_bindgen::JsValue;

/// The scenario the address asks for, if any.
pub fn asked() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("scenario")
}

/// Drops `?scenario=` from the address.
pub fn forget() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().delete("scenario");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}
