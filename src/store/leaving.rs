//! Leaving with unsaved work asks: while anything is not yet written (a change, a replacement of
//! the whole state, or a write that failed), closing or reloading the tab brings up the
//! browser's "Leave site?" prompt; when everything is saved, nothing asks.

use std::rc::Weak;

use leptos::prelude::*;

use super::Shared;

/// Listens for the tab being left, for as long as the page lives.
pub(super) fn ask_while_unsaved(shared: Weak<Shared>) {
    // The app's store lives as long as the page: the listener is never removed.
    let _listening = window_event_listener(leptos::ev::beforeunload, move |event| {
        let unsaved = shared
            .upgrade()
            .is_some_and(|shared| shared.writer.borrow().unsaved() > 0);
        if unsaved {
            // The standard way, and the older one some browsers still need; neither shows
            // the text, each shows its own words.
            event.prevent_default();
            event.set_return_value("Changes are not saved yet.");
        }
    });
}
