//! Flex Console: the App, its providers and the router.

pub mod components;
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
use pages::account::flex_settings::FlexSettingsPage;
use pages::account::flex_users::FlexUsers;
use pages::account::{
    AccountLayout, account_info::AccountInfo, billing::Billing, flex_overview::FlexOverview,
};
use pages::{accounts::Accounts, not_found::NotFound, sign_in::SignIn, users::ManageUsers};
use store::Store;

/// The whole application: the Console shell around the routed page.
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
                    <Route path=path!("/accounts") view=Accounts />
                    <Route path=path!("/activity") view=pages::activity::ConsoleActivity />
                    <Route path=path!("/data") view=pages::data::DataPage />
                    <ParentRoute path=path!("/accounts/:account_sid") view=AccountLayout>
                        <Route path=path!("") view=AccountInfo />
                        <Route path=path!("api-keys") view=pages::account::api_keys::ApiKeys />
                        <Route path=path!("flex") view=FlexOverview />
                        <Route path=path!("flex/users") view=FlexUsers />
                        <Route path=path!("flex/settings") view=FlexSettingsPage />
                        <Route path=path!("flex/addresses") view=pages::account::flex_addresses::FlexAddresses />
                        <Route path=path!("users") view=ManageUsers />
                        <Route path=path!("billing") view=Billing />
                        <Route path=path!("activity") view=pages::account::activity::Activity />
                        <Route path=path!("phone-numbers") view=pages::account::phone_numbers::PhoneNumbers />
                        <Route path=path!("studio") view=pages::account::studio::Studio />
                        <Route path=path!("taskrouter") view=pages::account::taskrouter::TaskRouter />
                        <Route path=path!("taskrouter/queues") view=pages::account::taskrouter::queues::TaskQueues />
                        <Route path=path!("taskrouter/queues/:queue_sid") view=pages::account::taskrouter::queues::TaskQueuePage />
                        <Route path=path!("taskrouter/workflows") view=pages::account::taskrouter::workflows::Workflows />
                        <Route path=path!("taskrouter/workflows/:workflow_sid") view=pages::account::taskrouter::workflows::WorkflowPage />
                        <Route path=path!("taskrouter/activities") view=pages::account::taskrouter::activities::Activities />
                        <Route path=path!("taskrouter/channels") view=pages::account::taskrouter::channels::TaskChannels />
                        <Route path=path!("taskrouter/workers") view=pages::account::taskrouter::workers::Workers />
                        <Route path=path!("taskrouter/workers/:worker_sid") view=pages::account::taskrouter::workers::WorkerPage />
                        <Route path=path!("taskrouter/tasks") view=pages::account::tasks::Tasks />
                        <Route path=path!("taskrouter/tasks/:task_sid") view=pages::account::tasks::task::TaskPage />
                        <Route path=path!("functions") view=pages::account::functions::Functions />
                        <Route path=path!("twiml-bins") view=pages::account::twiml_bins::TwimlBins />
                    </ParentRoute>
                    <Route path=path!("/sso") view=pages::sso::SsoLogin />
                    <ParentRoute path=path!("/flex/:account_sid") view=pages::flex::FlexLayout>
                        <Route path=path!("") view=pages::flex::FlexHome />
                        <Route path=path!("agent-desktop") view=pages::flex::agent_desktop::AgentDesktop />
                        <Route path=path!("teams") view=pages::flex::teams::Teams />
                        <Route path=path!("queues") view=pages::flex::queues::Queues />
                        <Route path=path!("admin") view=pages::flex::admin::AdminDashboard />
                        <Route path=path!("admin/skills") view=pages::flex::skills::SkillsPage />
                        <Route path=path!("insights") view=pages::flex::insights::Insights />
                        <Route path=path!("tasks/:task_sid") view=pages::flex::task::TaskPage />
                    </ParentRoute>
                </Routes>
            </Shell>
        </Router>
    }
}
