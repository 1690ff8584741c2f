//! Light and dark: follows the system until the user picks one, then remembers the pick.

use leptos::prelude::*;

const KEY: &str = "flex-console.theme";

/// The theme of the whole app, shared by every toggle and the keyboard shortcut.
#[derive(Clone, Copy)]
pub struct Theme(RwSignal<bool>);

impl Theme {
    /// The app's theme, created (from the stored pick or the system) the first time.
    pub fn get() -> Theme {
        use_context::<Theme>().unwrap_or_else(|| {
            let dark = RwSignal::new(initial_is_dark());
            // The page's `data-theme` follows the signal: the DOM is the world outside.
            Effect::new(move |_| apply(dark.get()));
            provide_context(Theme(dark));
            Theme(dark)
        })
    }

    /// Flips between light and dark, and remembers the pick.
    pub fn flip(self) {
        self.0.update(|d| *d = !*d);
        remember(self.0.get_untracked());
    }
}

/// A button that flips between the light and the dark theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = Theme::get();
    let dark = theme.0;
    view! {
        <button
            type="button"
            class="icon-button theme-toggle"
            aria-pressed=move || dark.get().to_string()
            on:click=move |_| theme.flip()
        >
            <span class="topbar-icon" aria-hidden="true">"◐"</span>
            <span class="topbar-label">{move || if dark.get() { "Light theme" } else { "Dark theme" }}</span>
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
