//! The head of every page (docs/design.md, "Page header"): the account in small capitals,
//! the title, one line saying what the page is for, and the page's actions aligned with the
//! title on the right. On a phone the actions go full width under the description.
//!
//! A list page passes its primary action (Create…, Invite user, Buy a number) as the first
//! child, always, also while the list is empty: the empty state then points at it.

use leptos::prelude::*;

/// A page's header. The title is the page's only `h1`; its `id` names the page's section
/// (`aria-labelledby`).
#[component]
pub fn PageHeader(
    /// The title's element id, e.g. "numbers-title".
    id: &'static str,
    /// The title (a signal where it names a record that can be renamed).
    #[prop(into)]
    title: Signal<String>,
    /// The account the page belongs to, shown above the title (left out on the Console's own
    /// pages).
    #[prop(optional, into)]
    account: MaybeProp<String>,
    /// One line saying what the page is for.
    #[prop(optional, into)]
    description: MaybeProp<String>,
    /// The page's actions, the primary one first.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <header class="page-header">
            {move || account.get().map(|name| view! { <p class="eyebrow">{name}</p> })}
            <h1 id=id>{move || title.get()}</h1>
            {move || description.get().map(|line| view! { <p class="lead">{line}</p> })}
            {children.map(|actions| view! { <div class="page-actions">{actions()}</div> })}
        </header>
    }
}
