//! What an entry of the log is about, for filtering: each event's kind.

use crate::event::EventKind;
use crate::taskrouter::event::TaskRouterEvent;
use serde::{Deserialize, Serialize};

/// What an entry is about, for filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// The account itself: created, renamed, suspended, closed, ownership.
    Account,
    /// Members and invitations.
    Users,
    /// Auth Tokens and API keys.
    Credentials,
    /// Flex set-up, settings, plan and logins.
    Flex,
    /// TaskRouter workers: attributes, capacity, skills, activities.
    Workers,
    /// TaskRouter set-up: activities, task channels, task queues, workflows.
    TaskRouter,
    /// Phone numbers.
    PhoneNumbers,
    /// Studio flows.
    Studio,
    /// TwiML Bins.
    TwimlBins,
}

impl ActivityKind {
    /// Every kind, in the order a filter lists them.
    pub const ALL: [ActivityKind; 9] = [
        ActivityKind::Account,
        ActivityKind::Users,
        ActivityKind::Credentials,
        ActivityKind::Flex,
        ActivityKind::Workers,
        ActivityKind::TaskRouter,
        ActivityKind::PhoneNumbers,
        ActivityKind::Studio,
        ActivityKind::TwimlBins,
    ];

    /// The name shown, e.g. "Phone numbers".
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Account => "Account",
            ActivityKind::Users => "Users",
            ActivityKind::Credentials => "Credentials",
            ActivityKind::Flex => "Flex",
            ActivityKind::Workers => "Workers",
            ActivityKind::TaskRouter => "TaskRouter",
            ActivityKind::PhoneNumbers => "Phone numbers",
            ActivityKind::Studio => "Studio",
            ActivityKind::TwimlBins => "TwiML Bins",
        }
    }

    /// The kind named `key` (its serde name, e.g. "phone_numbers"), for URLs.
    pub fn from_key(key: &str) -> Option<ActivityKind> {
        ActivityKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The name used in URLs, e.g. "phone_numbers".
    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Account => "account",
            ActivityKind::Users => "users",
            ActivityKind::Credentials => "credentials",
            ActivityKind::Flex => "flex",
            ActivityKind::Workers => "workers",
            ActivityKind::TaskRouter => "taskrouter",
            ActivityKind::PhoneNumbers => "phone_numbers",
            ActivityKind::Studio => "studio",
            ActivityKind::TwimlBins => "twiml_bins",
        }
    }
}

impl EventKind {
    /// Which kind of activity this is.
    pub fn activity_kind(&self) -> ActivityKind {
        use ActivityKind as A;
        use EventKind as E;
        match self {
            E::AccountCreated { .. }
            | E::AccountRenamed { .. }
            | E::AccountSuspended
            | E::AccountReactivated
            | E::AccountClosed
            | E::OwnershipTransferred { .. } => A::Account,
            E::SignedUp { .. }
            | E::Invited { .. }
            | E::InvitationResent { .. }
            | E::InvitationRevoked { .. }
            | E::InvitationAccepted { .. }
            | E::RolesChanged { .. }
            | E::MemberRemoved { .. }
            | E::MemberLeft { .. } => A::Users,
            E::SecondaryTokenCreated
            | E::SecondaryTokenPromoted
            | E::SecondaryTokenDeleted
            | E::ApiKeyCreated { .. }
            | E::ApiKeyRenamed { .. }
            | E::ApiKeyDeleted { .. } => A::Credentials,
            E::FlexInstanceCreated { .. }
            | E::FlexSettingsUpdated { .. }
            | E::PlanUpgraded { .. }
            | E::FlexLaunched { .. }
            | E::SsoLoggedIn { .. } => A::Flex,
            E::InsightsRolesSet { .. }
            | E::WorkerDeleted { .. }
            | E::WorkerActivitySet { .. }
            | E::AgentActivityChanged { .. }
            | E::AgentSkillsSet { .. } => A::Workers,
            E::TaskRouter { change } => match change {
                TaskRouterEvent::WorkerAttributesSet { .. }
                | TaskRouterEvent::WorkerChannelSet { .. } => A::Workers,
                _ => A::TaskRouter,
            },
            E::SkillCreated { .. }
            | E::SkillUpdated { .. }
            | E::SkillDeleted { .. }
            | E::ServiceLevelSet { .. } => A::Flex,
            E::Task { .. } => A::TaskRouter,
            E::PhoneNumberBought { .. }
            | E::PhoneNumberReleased { .. }
            | E::PhoneNumberRouted { .. } => A::PhoneNumbers,
            E::StudioFlowDeleted { .. } | E::StudioFlowUpdated { .. } => A::Studio,
            E::AddressCreated { .. } | E::AddressRouted { .. } | E::AddressDeleted { .. } => {
                A::Flex
            }
            E::TwimlBinCreated { .. } | E::TwimlBinUpdated { .. } | E::TwimlBinDeleted { .. } => {
                A::TwimlBins
            }
        }
    }
}
