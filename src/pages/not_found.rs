//! The page for a URL the Console does not have.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::link::href;

/// "Page not found", naming the path that was asked for.
#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <section class="page" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Page not found"</h1>
            <p>"There is no Console page at " <code>{move || path.get()}</code> "."</p>
            <p><a href=href("/")>"Go to the Console home"</a></p>
        </section>
    }
}
