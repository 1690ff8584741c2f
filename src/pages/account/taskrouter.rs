//! TaskRouter (`/accounts/:account_sid/taskrouter`). Being built on the branch of another engineer.

use leptos::prelude::*;

/// The TaskRouter page.
#[component]
pub fn TaskRouter() -> impl IntoView {
    view! { <section class="page"><h1>"TaskRouter"</h1></section> }
}
