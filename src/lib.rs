//! Flex Console: the App, its providers and the router.

pub mod components;
pub mod lazy;
pub mod marks;
pub mod pages;
pub mod store;

/// The rules, in their own crate (`domain/`), which the compiler keeps free of Leptos and the
/// browser; named `domain` here so the app reads `crate::domain::…`.
pub use flex_console_domain as domain;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use components::shell::Shell;
use components::toast::Toasts;
use lazy::groups::{activity, console, data, flex, products, taskrouter};
use pages::account::AccountLayout;
use pages::{not_found::NotFound, sign_in::SignIn};
use store::Store;

/// The whole application: the Console shell around the routed page.
///
/// The sign-in page, the not-found page and the account layout are in the first download;
/// every other page is a [`lazy::LazyPage`] of one of the [`lazy::groups`], downloaded when
/// first needed: a new route's page joins a group there and is routed as `group::Page`.
#[component]
pub fn App(
    /// The state read from storage before mounting ([`store::open`]).
    loaded: store::Loaded,
) -> impl IntoView {
    let store = Store::provide(loaded);
    store::routing_clock::RoutingClock::provide(store);
    store::traffic::TrafficRunner::provide();
    Toasts::provide();
    let base = components::link::base_path();
    view! {
        <Router base=base>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=SignIn />
                    <Route path=path!("/accounts") view=console::Accounts />
                    <Route path=path!("/activity") view=activity::ConsoleActivity />
                    <Route path=path!("/data") view=data::DataPage />
                    <ParentRoute path=path!("/accounts/:account_sid") view=AccountLayout>
                        <Route path=path!("") view=console::AccountInfo />
                        <Route path=path!("api-keys") view=console::ApiKeys />
                        <Route path=path!("flex") view=console::FlexOverview />
                        <Route path=path!("flex/users") view=console::FlexUsers />
                        <Route path=path!("flex/settings") view=console::FlexSettings />
                        <Route path=path!("flex/addresses") view=console::FlexAddresses />
                        <Route path=path!("users") view=console::ManageUsers />
                        <Route path=path!("billing") view=console::Billing />
                        <Route path=path!("activity") view=activity::AccountActivity />
                        <Route path=path!("phone-numbers") view=products::PhoneNumbers />
                        <Route path=path!("studio") view=products::Studio />
                        <Route path=path!("taskrouter") view=taskrouter::TaskRouter />
                        <Route path=path!("taskrouter/queues") view=taskrouter::TaskQueues />
                        <Route path=path!("taskrouter/queues/:queue_sid") view=taskrouter::TaskQueuePage />
                        <Route path=path!("taskrouter/workflows") view=taskrouter::Workflows />
                        <Route path=path!("taskrouter/workflows/:workflow_sid") view=taskrouter::WorkflowPage />
                        <Route path=path!("taskrouter/activities") view=taskrouter::Activities />
                        <Route path=path!("taskrouter/channels") view=taskrouter::TaskChannels />
                        <Route path=path!("taskrouter/workers") view=taskrouter::Workers />
                        <Route path=path!("taskrouter/workers/:worker_sid") view=taskrouter::WorkerPage />
                        <Route path=path!("taskrouter/tasks") view=taskrouter::Tasks />
                        <Route path=path!("taskrouter/tasks/:task_sid") view=taskrouter::TaskPage />
                        <Route path=path!("functions") view=products::Functions />
                        <Route path=path!("twiml-bins") view=products::TwimlBins />
                    </ParentRoute>
                    <Route path=path!("/sso") view=flex::SsoLogin />
                    <ParentRoute path=path!("/flex/:account_sid") view=flex::FlexLayout>
                        <Route path=path!("") view=flex::FlexHome />
                        <Route path=path!("agent-desktop") view=flex::AgentDesktop />
                        <Route path=path!("teams") view=flex::Teams />
                        <Route path=path!("queues") view=flex::Queues />
                        <Route path=path!("admin") view=flex::AdminDashboard />
                        <Route path=path!("admin/skills") view=flex::Skills />
                        <Route path=path!("insights") view=flex::Insights />
                        <Route path=path!("tasks/:task_sid") view=flex::TaskPage />
                    </ParentRoute>
                </Routes>
            </Shell>
        </Router>
    }
}
