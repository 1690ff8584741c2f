//! Functions and Assets (`/accounts/:account_sid/functions`). Being built on the branch of another engineer.

use leptos::prelude::*;

/// The Functions and Assets page.
#[component]
pub fn Functions() -> impl IntoView {
    view! { <section class="page"><h1>"Functions and Assets"</h1></section> }
}
