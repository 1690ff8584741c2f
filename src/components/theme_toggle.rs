//! Light and dark: follows the system until the user picks one, then remembers the pick.

use leptos::prelude::*;

const KEY: &str = "flex-console.theme";

/// A button that flips between the light and the dark theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(initial_is_dark());
    Effect::new(move |_| apply(dark.get()));
    view! {
        <button
            type="button"
            class="icon-button"
            aria-pressed=move || dark.get().to_string()
            on:click=move |_| {
                dark.update(|d| *d = !*d);
                remember(dark.get_untracked());
            }
        >
            {move || if dark.get() { "Light theme" } else { "Dark theme" }}
        </button>
    }
}

fn initial_is_dark() -> bool {
    let window = web_sys::window();
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(KEY).ok().flatten());
    match stored.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}

fn apply(dark: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

// A failed write (private mode) only means the pick is not remembered; the theme still changes.
fn remember(dark: bool) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(KEY, if dark { "dark" } else { "light" });
    }
}
