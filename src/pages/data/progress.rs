//! Where a replacement stands, said again next to the control that started it (the notice at
//! the top of the page, announced to screen readers, may be scrolled out of sight).

use leptos::prelude::*;

use crate::store::{ReplaceStatus, Replacing, Store};

/// Which kind of replacement a section started.
#[derive(Clone, Copy, PartialEq)]
pub enum Of {
    /// A reset to a scenario.
    Scenario,
    /// An import.
    Import,
    /// A restore point.
    Restore,
}

impl Of {
    fn matches(self, what: &Replacing) -> bool {
        matches!(
            (self, what),
            (Of::Scenario, Replacing::Scenario(_))
                | (Of::Import, Replacing::Import(_))
                | (Of::Restore, Replacing::Restore { .. })
        )
    }
}

/// A short line: loading, saving, saved, or not replaced.
#[component]
pub fn Progress(of: Of) -> impl IntoView {
    let store = Store::get();
    let line = move || {
        let (what, words) = match store.replace_status() {
            ReplaceStatus::Loading(what) => (what, "Loading\u{2026}".to_owned()),
            ReplaceStatus::Saving(what) => (
                what,
                "Saving\u{2026} Until it is saved, a reload brings back the data from before."
                    .to_owned(),
            ),
            ReplaceStatus::Done(what) => (what, "Saved.".to_owned()),
            ReplaceStatus::Failed { what, reason } => {
                (what, format!("Nothing was replaced: {reason}"))
            }
            ReplaceStatus::Idle | ReplaceStatus::Asking { .. } => return None,
        };
        of.matches(&what).then_some(words)
    };
    view! { <p class="replace-progress muted" data-testid="replace-progress">{line}</p> }
}
