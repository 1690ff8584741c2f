//! Studio (`/accounts/:account_sid/studio`). Being built on the branch of another engineer.

use leptos::prelude::*;

/// The Studio page.
#[component]
pub fn Studio() -> impl IntoView {
    view! { <section class="page"><h1>"Studio"</h1></section> }
}
