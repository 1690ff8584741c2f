//! What a list with nothing in it says: a sentence, and the action that fills it (or, when a
//! search hides everything, the action that clears the search).

use leptos::prelude::*;

/// An empty list's message, with its action as children.
#[component]
pub fn EmptyState(
    /// The sentence: what is missing, and why.
    #[prop(into)]
    message: String,
    /// A test id for the message.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The action that fills the list, if the page has one.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-state" data-testid=testid>
            <p>{message}</p>
            {children.map(|action| view! { <div class="actions">{action()}</div> })}
        </div>
    }
}
