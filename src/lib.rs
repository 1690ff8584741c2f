//! Flex Console: the App, its providers and the router.

pub mod components;
pub mod domain;
pub mod pages;
pub mod store;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::shell::Shell;
use pages::{home::Home, not_found::NotFound};

/// The whole application: the Console shell around the routed page.
#[component]
pub fn App(
    /// The state read from storage before mounting ([`store::open`]).
    loaded: store::Loaded,
) -> impl IntoView {
    store::Store::provide(loaded);
    let base = components::link::base_path();
    view! {
        <Router base=base>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/data") view=pages::data::DataPage />
                </Routes>
            </Shell>
        </Router>
    }
}
