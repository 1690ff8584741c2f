//! Activity.

use leptos::prelude::*;

/// The Activity page.
#[component]
pub fn Activity() -> impl IntoView {
    view! { <section class="page"><h1>"Activity"</h1></section> }
}
