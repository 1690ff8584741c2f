//! The Console's pages of an account, and who may open each: the navigation and the
//! pages themselves ask [`Console::may_open`], so the rule is written once.

use crate::console::Console;
use crate::error::DomainError;
use crate::identity::actor::Actor;
use crate::identity::capability::{Capability, can};
use crate::sid::AccountSid;

/// A page under `/accounts/:account_sid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountPage {
    /// Account Info: SIDs, Auth Token, status, settings.
    AccountInfo,
    /// API keys & tokens.
    ApiKeys,
    /// The Flex overview.
    FlexOverview,
    /// Flex users (TaskRouter workers).
    FlexUsers,
    /// Flex settings: UI version, call recording, the CRM panel.
    FlexSettings,
    /// Flex's Conversations addresses: SMS, WhatsApp and Chat addresses and their flows.
    FlexAddresses,
    /// Manage users: members and invitations.
    ManageUsers,
    /// Billing: plan and upgrade.
    Billing,
    /// The activity log.
    Activity,
    /// Phone Numbers.
    PhoneNumbers,
    /// Studio flows.
    Studio,
    /// The Flex TaskRouter workspace: its overview and settings.
    TaskRouter,
    /// TaskRouter's task queues (and each queue's own page).
    TaskQueues,
    /// TaskRouter's workflows (and each workflow's own page).
    Workflows,
    /// TaskRouter's activities.
    Activities,
    /// TaskRouter's task channels.
    TaskChannels,
    /// TaskRouter's workers (and each worker's own page).
    Workers,
    /// TaskRouter's tasks (and each task's own page: its path and why it waits).
    Tasks,
    /// Functions and Assets.
    Functions,
    /// TwiML Bins.
    TwimlBins,
}

/// Where a page sits in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageGroup {
    /// The account's own pages.
    Account,
    /// The products of the account.
    Products,
}

impl AccountPage {
    /// Every page, in navigation order.
    pub const ALL: [AccountPage; 20] = [
        AccountPage::AccountInfo,
        AccountPage::ApiKeys,
        AccountPage::FlexOverview,
        AccountPage::FlexUsers,
        AccountPage::FlexSettings,
        AccountPage::FlexAddresses,
        AccountPage::ManageUsers,
        AccountPage::Billing,
        AccountPage::Activity,
        AccountPage::PhoneNumbers,
        AccountPage::Studio,
        AccountPage::TaskRouter,
        AccountPage::TaskQueues,
        AccountPage::Workflows,
        AccountPage::Activities,
        AccountPage::TaskChannels,
        AccountPage::Workers,
        AccountPage::Tasks,
        AccountPage::Functions,
        AccountPage::TwimlBins,
    ];

    /// The path after `/accounts/:account_sid`, e.g. "/flex/users" ("" for Account Info).
    pub fn path(self) -> &'static str {
        use AccountPage as P;
        match self {
            P::AccountInfo => "",
            P::ApiKeys => "/api-keys",
            P::FlexOverview => "/flex",
            P::FlexUsers => "/flex/users",
            P::FlexSettings => "/flex/settings",
            P::FlexAddresses => "/flex/addresses",
            P::ManageUsers => "/users",
            P::Billing => "/billing",
            P::Activity => "/activity",
            P::PhoneNumbers => "/phone-numbers",
            P::Studio => "/studio",
            P::TaskRouter => "/taskrouter",
            P::TaskQueues => "/taskrouter/queues",
            P::Workflows => "/taskrouter/workflows",
            P::Activities => "/taskrouter/activities",
            P::TaskChannels => "/taskrouter/channels",
            P::Workers => "/taskrouter/workers",
            P::Tasks => "/taskrouter/tasks",
            P::Functions => "/functions",
            P::TwimlBins => "/twiml-bins",
        }
    }

    /// The page's name as the navigation shows it.
    pub fn title(self) -> &'static str {
        use AccountPage as P;
        match self {
            P::AccountInfo => "Account Info",
            P::ApiKeys => "API keys & tokens",
            P::FlexOverview => "Flex overview",
            P::FlexUsers => "Flex users",
            P::FlexSettings => "Flex settings",
            P::FlexAddresses => "Conversations addresses",
            P::ManageUsers => "Manage users",
            P::Billing => "Billing",
            P::Activity => "Activity",
            P::PhoneNumbers => "Phone Numbers",
            P::Studio => "Studio",
            P::TaskRouter => "TaskRouter",
            P::TaskQueues => "Task queues",
            P::Workflows => "Workflows",
            P::Activities => "Activities",
            P::TaskChannels => "Task channels",
            P::Workers => "Workers",
            P::Tasks => "Tasks",
            P::Functions => "Functions and Assets",
            P::TwimlBins => "TwiML Bins",
        }
    }

    /// Where the navigation lists it.
    pub fn group(self) -> PageGroup {
        use AccountPage as P;
        match self {
            P::PhoneNumbers
            | P::Studio
            | P::TaskRouter
            | P::TaskQueues
            | P::Workflows
            | P::Activities
            | P::TaskChannels
            | P::Workers
            | P::Tasks
            | P::Functions
            | P::TwimlBins => PageGroup::Products,
            _ => PageGroup::Account,
        }
    }

    /// The page it sits under in the navigation (TaskRouter's sub-pages), if any.
    pub fn parent(self) -> Option<AccountPage> {
        use AccountPage as P;
        match self {
            P::TaskQueues
            | P::Workflows
            | P::Activities
            | P::TaskChannels
            | P::Workers
            | P::Tasks => Some(P::TaskRouter),
            _ => None,
        }
    }

    /// What opening it needs: workers are TaskRouter resources, so Flex users is a
    /// products page; Account Info, the Flex overview and the Flex settings are for every
    /// member (saving the settings needs project settings, asked of the command).
    pub fn capability(self) -> Option<Capability> {
        use AccountPage as P;
        match self {
            P::AccountInfo | P::FlexOverview | P::FlexSettings => None,
            P::ApiKeys => Some(Capability::ManageCredentials),
            P::ManageUsers => Some(Capability::ManageUsers),
            P::Billing => Some(Capability::ManageBilling),
            P::Activity => Some(Capability::ViewLogsAndUsage),
            P::FlexUsers
            | P::FlexAddresses
            | P::PhoneNumbers
            | P::Studio
            | P::TaskRouter
            | P::TaskQueues
            | P::Workflows
            | P::Activities
            | P::TaskChannels
            | P::Workers
            | P::Tasks
            | P::Functions
            | P::TwimlBins => Some(Capability::ManageProducts),
        }
    }

    /// What the page is for, as the start of a sentence ("Managing users needs …").
    pub fn action(self) -> &'static str {
        use AccountPage as P;
        match self {
            P::AccountInfo => "Viewing the account",
            P::ApiKeys => "Managing API keys",
            P::FlexOverview => "Viewing the Flex overview",
            P::FlexUsers => "Managing Flex users",
            P::FlexSettings => "Viewing the Flex settings",
            P::FlexAddresses => "Managing Conversations addresses",
            P::ManageUsers => "Managing users",
            P::Billing => "Billing",
            P::Activity => "Viewing the activity log",
            P::PhoneNumbers => "Viewing phone numbers",
            P::Studio => "Viewing Studio",
            P::TaskRouter => "Viewing TaskRouter",
            P::TaskQueues => "Viewing task queues",
            P::Workflows => "Viewing workflows",
            P::Activities => "Viewing activities",
            P::TaskChannels => "Viewing task channels",
            P::Workers => "Viewing workers",
            P::Tasks => "Viewing tasks",
            P::Functions => "Viewing Functions and Assets",
            P::TwimlBins => "Viewing TwiML Bins",
        }
    }
}

impl Console {
    /// Whether `actor` may open `page` of `account`, or why not (naming the roles they
    /// have and the roles that would do). Viewing does not depend on the account's status.
    pub fn may_open(
        &self,
        actor: &Actor,
        account: &AccountSid,
        page: AccountPage,
    ) -> Result<(), DomainError> {
        let acc = self.account_ref(account)?;
        let roles = self
            .roles_of(actor, account)
            .ok_or_else(|| DomainError::NotAMember {
                account: acc.friendly_name.clone(),
            })?;
        match page.capability() {
            Some(capability) if !can(roles, capability) => Err(DomainError::not_allowed(
                page.action(),
                capability,
                roles,
                acc,
            )),
            _ => Ok(()),
        }
    }
}
