//! The save state in the top bar, where document editors show it: "Saving…" while a change is
//! being written, "All changes saved" once every change is, or the failure with Retry. On a
//! phone the words are read to screen readers and an icon shows instead, so the bar stays one row.

use leptos::prelude::*;

use crate::store::{SaveStatus, Store};

/// Where saving stands.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shown {
    Saved,
    Saving,
    Failed,
    InMemory,
}

impl Shown {
    fn of(status: &SaveStatus) -> Shown {
        match (status.persistent, status.unsaved, &status.error) {
            (false, _, _) => Shown::InMemory,
            (true, _, Some(_)) => Shown::Failed,
            (true, 0, None) => Shown::Saved,
            (true, _, None) => Shown::Saving,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Shown::Saved => "All changes saved",
            Shown::Saving => "Saving\u{2026}",
            Shown::Failed => "Not saved",
            Shown::InMemory => "Not saved: this tab only",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Shown::Saved => "saved",
            Shown::Saving => "saving",
            Shown::Failed => "failed",
            Shown::InMemory => "in-memory",
        }
    }
}

/// The top bar's save state, with Retry when a write failed (the banner says why).
#[component]
pub fn SaveState() -> impl IntoView {
    let store = Store::get();
    let shown = Memo::new(move |_| Shown::of(&store.save_status()));
    let icon = move || {
        match shown.get() {
        Shown::Saved => view! {
            <svg class="save-state-icon" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2">
                <circle cx="8" cy="8" r="6.5" stroke-width="1.5" /><path d="M5 8.2l2 2 4-4.2" />
            </svg>
        }
        .into_any(),
        Shown::Saving => view! { <span class="save-state-icon store-spinner" aria-hidden="true"></span> }.into_any(),
        Shown::Failed | Shown::InMemory => view! {
            <svg class="save-state-icon" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.75">
                <path d="M8 1.5l7 12.5H1z" stroke-linejoin="round" /><path d="M8 6v4M8 11.6v.4" />
            </svg>
        }
        .into_any(),
    }
    };
    view! {
        <div class="save-state" data-state=move || shown.get().name()>
            // A live region that is always there, so a change of state is announced.
            <span role="status" class="save-state-status">
                {icon}
                <span class="save-state-words" data-testid="save-state">{move || shown.get().words()}</span>
            </span>
            {move || (shown.get() == Shown::Failed).then(|| view! {
                <button type="button" class="icon-button save-state-retry" on:click=move |_| store.retry_save()>
                    "Retry"
                </button>
            })}
        </div>
    }
}
