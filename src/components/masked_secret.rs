//! A secret such as the Auth Token: masked until "Show" is pressed.
//!
//! The secret is passed in only for roles that may see it; for the others the page renders
//! [`HiddenSecret`], which has no secret to leak.

use leptos::prelude::*;

use super::copyable_sid::copy_to_clipboard;
use super::details::{Detail, DetailActions};

/// A labelled secret, masked, with Show/Hide and Copy (a row of a details list), and any
/// more actions on it after them.
#[component]
pub fn MaskedSecret(
    /// What the secret is, e.g. "Auth Token".
    #[prop(into)]
    label: String,
    /// The secret.
    #[prop(into)]
    value: String,
    /// More actions on the secret (the secondary token's Promote and Delete).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let testid = label.to_lowercase().replace(' ', "-");
    let (what, text) = (label.clone(), value.clone());
    let masked = "•".repeat(32);
    let copy_label = format!("Copy {label}");
    view! {
        <Detail label>
            <code data-testid=testid>
                {move || if shown.get() { value.clone() } else { masked.clone() }}
            </code>
            <DetailActions slot>
                <button
                    type="button"
                    class="button button-small"
                    aria-pressed=move || shown.get().to_string()
                    on:click=move |_| shown.update(|s| *s = !*s)
                >
                    {move || if shown.get() { "Hide" } else { "Show" }}
                </button>
                <button
                    type="button"
                    class="button button-small"
                    aria-label=copy_label
                    on:click=move |_| copy_to_clipboard(&what, text.clone())
                >
                    "Copy"
                </button>
                {children.map(|more| more())}
            </DetailActions>
        </Detail>
    }
}

/// In place of a secret the user may not see: says why, holds nothing secret.
#[component]
pub fn HiddenSecret(
    /// What the secret is.
    #[prop(into)]
    label: String,
    /// Why it is hidden, in the domain's words ("Seeing the Auth Token needs …").
    #[prop(into)]
    reason: String,
) -> impl IntoView {
    view! {
        <Detail label>
            <span class="muted">{reason}</span>
        </Detail>
    }
}
