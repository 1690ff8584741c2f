//! Keyboard shortcuts, shown by `?`: the palette (Ctrl+K, Cmd+K, `/`), going to the open
//! account's Flex overview, Manage users or Flex users (`g` then `o`, `u` or `w`), the theme
//! (`t`). None of them acts while a field has focus or a dialog is open, except Ctrl+K.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::account_switcher::current_account;
use super::dialog::{Dialog, DialogFooter, Opened};
use super::palette::PaletteState;
use super::theme_toggle::Theme;
use crate::domain::AccountPage;

/// The shortcuts, as the help lists them: (keys, what they do).
pub const SHORTCUTS: [(&str, &str); 7] = [
    (
        "Ctrl K, ⌘ K or /",
        "Jump to a page, account, person or resource by name or SID",
    ),
    ("g then o", "Flex overview of the account open"),
    ("g then u", "Manage users of the account open"),
    ("g then w", "Flex users of the account open"),
    ("t", "Light or dark theme"),
    ("?", "These shortcuts"),
    ("Esc", "Close the palette or a dialog"),
];

/// Listens for the shortcuts on the whole window, and shows their help.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let palette = PaletteState::get();
    let theme = Theme::get();
    let help = RwSignal::new(false);
    let navigate = use_navigate();
    let account = current_account();
    let after_g = StoredValue::new(false);
    let handle = window_event_listener(ev::keydown, move |ev| {
        let key = ev.key();
        if (ev.ctrl_key() || ev.meta_key()) && key.eq_ignore_ascii_case("k") {
            ev.prevent_default();
            palette.open();
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing() || dialog_open() {
            after_g.set_value(false);
            return;
        }
        let go = |page: AccountPage| match account.get_untracked() {
            Some(sid) => format!("/accounts/{sid}{}", page.path()),
            None => "/accounts".to_owned(),
        };
        let pending = after_g.get_value();
        after_g.set_value(false);
        match (pending, key.as_str()) {
            (true, "o") => navigate(&go(AccountPage::FlexOverview), Default::default()),
            (true, "u") => navigate(&go(AccountPage::ManageUsers), Default::default()),
            (true, "w") => navigate(&go(AccountPage::FlexUsers), Default::default()),
            (_, "g") => after_g.set_value(true),
            (_, "/") => {
                ev.prevent_default();
                palette.open();
            }
            (_, "?") => help.set(true),
            (_, "t") => theme.flip(),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
    move || {
        help.get()
            .then(|| view! { <ShortcutsHelp on_close=Callback::new(move |()| help.set(false)) /> })
    }
}

#[component]
fn ShortcutsHelp(on_close: Callback<()>) -> impl IntoView {
    let opened = Opened::new();
    view! {
        <Dialog open=opened.signal() on_close title="Keyboard shortcuts">
            <dl class="shortcuts" data-testid="shortcuts">
                {SHORTCUTS.iter().map(|(keys, what)| view! {
                    <div class="field"><dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd></div>
                }).collect_view()}
            </dl>
            <DialogFooter on_cancel=opened.closer() cancel="Close" />
        </Dialog>
    }
}

/// Whether a field has focus (its keys are the person's text, not shortcuts).
fn typing() -> bool {
    let Some(active) = document().active_element() else {
        return false;
    };
    let tag = active.tag_name();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || active
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|e| e.is_content_editable())
}

/// Whether a modal dialog is open.
fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}
