//! Which pages are downloaded together: each module below is one piece of the app, fetched
//! the first time one of its pages is visited. A page listed here is a route's `view` in
//! `App` (`view=groups::console::AccountInfo`); a page not listed is in the first download.
//!
//! To add a page to a piece: add `Name => path::to::Component` to its group here, and route
//! to `groups::<group>::Name` in `src/lib.rs`. To add a piece: add a module like these and its
//! `prefetch` to [`PREFETCH`]. Code used by several pieces goes into a shared piece of its own,
//! loaded with them; code the first screen uses stays in the first download.

use std::future::Future;
use std::pin::Pin;

use super::LoadFailed;

/// An account's Console pages, and the list of accounts.
pub mod console {
    crate::lazy_pages!(console {
        Accounts => crate::pages::accounts::Accounts,
        AccountInfo => crate::pages::account::account_info::AccountInfo,
        ApiKeys => crate::pages::account::api_keys::ApiKeys,
        FlexOverview => crate::pages::account::flex_overview::FlexOverview,
        FlexUsers => crate::pages::account::flex_users::FlexUsers,
        FlexSettings => crate::pages::account::flex_settings::FlexSettingsPage,
        FlexAddresses => crate::pages::account::flex_addresses::FlexAddresses,
        ManageUsers => crate::pages::users::ManageUsers,
        Billing => crate::pages::account::billing::Billing,
    });
}

/// The product pages of an account: Phone Numbers, Studio, Functions, TwiML Bins.
pub mod products {
    crate::lazy_pages!(products {
        PhoneNumbers => crate::pages::account::phone_numbers::PhoneNumbers,
        Studio => crate::pages::account::studio::Studio,
        Functions => crate::pages::account::functions::Functions,
        TwimlBins => crate::pages::account::twiml_bins::TwimlBins,
    });
}

/// TaskRouter's pages of an account: its overview, task queues, workflows, activities, task
/// channels, workers and tasks.
pub mod taskrouter {
    crate::lazy_pages!(taskrouter {
        TaskRouter => crate::pages::account::taskrouter::TaskRouter,
        TaskQueues => crate::pages::account::taskrouter::queues::TaskQueues,
        TaskQueuePage => crate::pages::account::taskrouter::queues::TaskQueuePage,
        Workflows => crate::pages::account::taskrouter::workflows::Workflows,
        WorkflowPage => crate::pages::account::taskrouter::workflows::WorkflowPage,
        Activities => crate::pages::account::taskrouter::activities::Activities,
        TaskChannels => crate::pages::account::taskrouter::channels::TaskChannels,
        Workers => crate::pages::account::taskrouter::workers::Workers,
        WorkerPage => crate::pages::account::taskrouter::workers::WorkerPage,
        Tasks => crate::pages::account::tasks::Tasks,
        TaskPage => crate::pages::account::tasks::task::TaskPage,
    });
}

/// The Flex UI (`/flex/:account_sid/...`, its frame included) and the SSO login into it.
pub mod flex {
    crate::lazy_pages!(flex {
        FlexLayout => crate::pages::flex::FlexLayout,
        FlexHome => crate::pages::flex::FlexHome,
        AgentDesktop => crate::pages::flex::agent_desktop::AgentDesktop,
        Teams => crate::pages::flex::teams::Teams,
        Queues => crate::pages::flex::queues::Queues,
        AdminDashboard => crate::pages::flex::admin::AdminDashboard,
        Skills => crate::pages::flex::skills::SkillsPage,
        Insights => crate::pages::flex::insights::Insights,
        TaskPage => crate::pages::flex::task::TaskPage,
        SsoLogin => crate::pages::sso::SsoLogin,
    });
}

/// The presenter's Data page.
pub mod data {
    crate::lazy_pages!(data {
        DataPage => crate::pages::data::DataPage,
    });
}

/// The activity pages: the Console-wide log and an account's.
pub mod activity {
    crate::lazy_pages!(activity {
        ConsoleActivity => crate::pages::activity::ConsoleActivity,
        AccountActivity => crate::pages::account::activity::Activity,
    });
}

/// Loads one piece.
pub type Prefetch = fn() -> Pin<Box<dyn Future<Output = Result<(), LoadFailed>>>>;

/// Every piece, in the order they are prefetched after the first screen (the pages most
/// often visited next first).
pub const PREFETCH: [Prefetch; 6] = [
    || Box::pin(console::prefetch()),
    || Box::pin(products::prefetch()),
    || Box::pin(activity::prefetch()),
    || Box::pin(taskrouter::prefetch()),
    || Box::pin(flex::prefetch()),
    || Box::pin(data::prefetch()),
];
