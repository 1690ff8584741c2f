//! The keys of a combobox's list (the ARIA combobox pattern), shared by the palette and the
//! account switcher: the arrows move the active option, wrapping, and Enter picks it.

use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// Handles `ev` for a list of `count` options whose active one is `active`; returns whether
/// Enter asked for the active option to be picked. Other keys are left to the caller.
pub fn key(ev: &KeyboardEvent, count: usize, active: RwSignal<usize>) -> bool {
    match ev.key().as_str() {
        "ArrowDown" if count > 0 => {
            ev.prevent_default();
            active.update(|a| *a = (*a + 1) % count);
            false
        }
        "ArrowUp" if count > 0 => {
            ev.prevent_default();
            active.update(|a| *a = (*a + count - 1) % count);
            false
        }
        "Enter" => {
            ev.prevent_default();
            true
        }
        _ => false,
    }
}
