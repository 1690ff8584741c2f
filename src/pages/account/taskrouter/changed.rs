//! What an edit form over a record with a revision says when the record changed since the
//! person started editing: the domain's sentence naming who changed it and when, and the
//! offer to load the newer values (a form where nothing was typed follows them by itself).

use leptos::prelude::*;

use crate::components::focus;
use crate::components::offer::Refusal;

/// What an edit form says when its record changed since the person started editing: the
/// domain's sentence naming who changed it, and the offer to load the newer values.
#[component]
pub fn ChangedElsewhere(
    /// Whether the record moved on since the edit began (tracked).
    stale: Signal<bool>,
    /// The domain's answer for the save, which names who changed it.
    refused: Refusal,
    /// Drops the edits and shows the newer values.
    on_load: Callback<()>,
) -> impl IntoView {
    let load = move |_| {
        on_load.run(());
        // The notice and its button go: focus the form's first field, not the page.
        focus::soon(|| {
            focus::to(".tr-form input, .tr-form textarea");
        });
    };
    view! {
        <Show when=move || stale.get()>
            <div class="notice changed-elsewhere" role="status" data-testid="changed-elsewhere">
                <p>{move || refused.get()}</p>
                <button type="button" class="button" on:click=load>"Load the newer values"</button>
            </div>
        </Show>
    }
}
