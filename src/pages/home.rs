//! The Console home page.

use leptos::prelude::*;

/// The landing page: what this console is and where to start.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">"Flex Console"</h1>
            <p class="lead">
                "Administer Flex contact-center accounts: their SIDs and tokens, their users and roles, "
                "and who may launch Flex."
            </p>
        </section>
    }
}
