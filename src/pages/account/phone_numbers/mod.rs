//! Phone Numbers.

use leptos::prelude::*;

/// The Phone Numbers page.
#[component]
pub fn PhoneNumbers() -> impl IntoView {
    view! { <section class="page"><h1>"Phone Numbers"</h1></section> }
}
