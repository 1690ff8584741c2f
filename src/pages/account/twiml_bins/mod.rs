//! TwiML Bins.

use leptos::prelude::*;

/// The TwiML Bins page.
#[component]
pub fn TwimlBins() -> impl IntoView {
    view! { <section class="page"><h1>"TwiML Bins"</h1></section> }
}
