//! The activity log: every successful command, recorded by [`Console::apply`], read here
//! per account, newest first, with the sentence a person reads for each entry.

use super::actor::Actor;
use super::capability::LaunchOutcome;
use super::console::Console;
use super::event::{Event, EventKind};
use super::phone_number::national_format;
use super::sid::{AccountSid, UserSid};
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
    /// TaskRouter workers.
    Workers,
    /// Phone numbers.
    PhoneNumbers,
    /// Studio flows.
    Studio,
    /// TwiML Bins.
    TwimlBins,
}

impl ActivityKind {
    /// Every kind, in the order a filter lists them.
    pub const ALL: [ActivityKind; 8] = [
        ActivityKind::Account,
        ActivityKind::Users,
        ActivityKind::Credentials,
        ActivityKind::Flex,
        ActivityKind::Workers,
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
            | E::AgentActivityChanged { .. } => A::Workers,
            E::PhoneNumberBought { .. }
            | E::PhoneNumberReleased { .. }
            | E::PhoneNumberRouted { .. } => A::PhoneNumbers,
            E::StudioFlowDeleted { .. } => A::Studio,
            E::TwimlBinCreated { .. } | E::TwimlBinUpdated { .. } | E::TwimlBinDeleted { .. } => {
                A::TwimlBins
            }
        }
    }
}

/// Which entries of an account's log to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    /// Only those by this person (see [`actor_key`]).
    pub actor: Option<String>,
    /// Only those of this kind.
    pub kind: Option<ActivityKind>,
}

/// The key that identifies a person in the log: a Console user's SID, otherwise the
/// email they acted with (before signing up, or through SSO).
pub fn actor_key(actor: &Actor) -> String {
    match actor {
        Actor::User(sid) => sid.to_string(),
        Actor::Email(email) => email.to_string(),
        Actor::Sso(assertion) => assertion.email.to_string(),
    }
}

impl Console {
    /// Every entry of the whole log, oldest first (what export includes).
    pub fn activity_log(&self) -> &[Event] {
        &self.activity
    }

    /// An account's entries that pass `filter`, newest first (by time; entries at the
    /// same time latest applied first).
    pub fn activity(&self, account: &AccountSid, filter: &ActivityFilter) -> Vec<&Event> {
        let mut entries: Vec<&Event> = self
            .entries_of(account)
            .rev()
            .filter(|e| filter.kind.is_none_or(|k| e.kind.activity_kind() == k))
            .filter(|e| {
                filter
                    .actor
                    .as_ref()
                    .is_none_or(|key| &actor_key(&e.by) == key)
            })
            .collect();
        // Stable: among equal times the order of application (reversed) stays.
        entries.sort_by(|a, b| b.at.cmp(&a.at));
        entries
    }

    /// The people who appear in an account's log, as (key, name), sorted by name.
    pub fn activity_actors(&self, account: &AccountSid) -> Vec<(String, String)> {
        let mut actors: Vec<(String, String)> = Vec::new();
        for event in self.entries_of(account) {
            let key = actor_key(&event.by);
            if !actors.iter().any(|(k, _)| k == &key) {
                actors.push((key, self.actor_name(&event.by)));
            }
        }
        actors.sort_by(|a, b| a.1.cmp(&b.1));
        actors
    }

    fn entries_of(&self, account: &AccountSid) -> impl DoubleEndedIterator<Item = &Event> {
        let positions = self.index.activity_of_account.get(account);
        positions
            .into_iter()
            .flatten()
            .filter_map(|&i| self.activity.get(i))
    }

    /// Who acted, as a person reads it: "Maria Garcia", "lucas@acme.example (SSO)".
    pub fn actor_name(&self, actor: &Actor) -> String {
        match actor {
            Actor::User(sid) => self.user_name(sid),
            Actor::Email(email) => email.to_string(),
            Actor::Sso(assertion) => format!("{} (SSO)", assertion.display_name()),
        }
    }

    fn user_name(&self, sid: &UserSid) -> String {
        self.user(sid)
            .map_or_else(|| sid.to_string(), |u| u.full_name.clone())
    }

    /// A worker of the event's account by name, or by SID once it is gone.
    fn worker_name(&self, event: &Event, worker: &super::sid::WorkerSid) -> String {
        event
            .account
            .as_ref()
            .and_then(|a| self.worker(a, worker))
            .map_or_else(|| worker.to_string(), |w| w.full_name.clone())
    }

    /// What happened, as one sentence, e.g. "Bought (415) 555-0100".
    pub fn describe(&self, event: &Event) -> String {
        use EventKind as E;
        let kind = &event.kind;
        let number = |n: &str| national_format(n);
        match kind {
            E::SignedUp { email, .. } => format!("Signed up as {email}"),
            E::AccountCreated {
                friendly_name,
                account_type,
                ..
            } => format!("Created the {account_type} account {friendly_name}"),
            E::AccountRenamed { from, to } => format!("Renamed the account from {from} to {to}"),
            E::AccountSuspended => "Suspended the account".into(),
            E::AccountReactivated => "Reactivated the account".into(),
            E::AccountClosed => "Closed the account".into(),
            E::Invited { email, roles, .. } => format!("Invited {email} as {roles}"),
            E::InvitationResent { email, .. } => format!("Resent the invitation to {email}"),
            E::InvitationRevoked { email, .. } => format!("Revoked the invitation to {email}"),
            E::InvitationAccepted { user, roles, .. } => format!(
                "{} accepted the invitation as {roles}",
                self.user_name(user)
            ),
            E::RolesChanged { user, from, to } => format!(
                "Changed the roles of {} from {from} to {to}",
                self.user_name(user)
            ),
            E::MemberRemoved { user } => format!("Removed {}", self.user_name(user)),
            E::MemberLeft { user } => format!("{} left the account", self.user_name(user)),
            E::OwnershipTransferred { to, .. } => {
                format!("Transferred ownership to {}", self.user_name(to))
            }
            E::SecondaryTokenCreated => "Created a secondary Auth Token".into(),
            E::SecondaryTokenPromoted => "Promoted the secondary Auth Token to primary".into(),
            E::SecondaryTokenDeleted => "Deleted the secondary Auth Token".into(),
            E::ApiKeyCreated {
                friendly_name,
                key_type,
                ..
            } => format!("Created the {key_type} API key {friendly_name}"),
            E::ApiKeyRenamed { from, to, .. } => format!("Renamed the API key {from} to {to}"),
            E::ApiKeyDeleted { friendly_name, .. } => {
                format!("Deleted the API key {friendly_name}")
            }
            E::FlexInstanceCreated { instance, .. } => format!("Set up Flex ({instance})"),
            E::FlexSettingsUpdated { .. } => "Changed the Flex settings".into(),
            E::PlanUpgraded { .. } => "Upgraded Flex to a paid plan".into(),
            E::FlexLaunched {
                outcome,
                worker_created,
                ..
            } => {
                let how = match outcome {
                    LaunchOutcome::ReadOnlyAdmin => " as read-only admin",
                    _ => "",
                };
                let first = if *worker_created {
                    " (worker created)"
                } else {
                    ""
                };
                format!("Launched Flex{how}{first}")
            }
            E::SsoLoggedIn {
                worker_created,
                insights_dropped,
                ..
            } => {
                let first = if *worker_created {
                    " (worker created)"
                } else {
                    ""
                };
                let dropped = insights_dropped.as_ref().map_or(String::new(), |d| {
                    format!("; Insights roles {} not applied", d.roles.join(", "))
                });
                format!("Logged in to Flex with SSO{first}{dropped}")
            }
            E::InsightsRolesSet { roles, worker } => {
                let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                let list = if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join(", ")
                };
                format!(
                    "Set the Insights roles of {} to {list}",
                    self.worker_name(event, worker)
                )
            }
            E::WorkerDeleted { email, .. } => format!("Deleted the worker {email}"),
            E::WorkerActivitySet { activity_name, .. } => {
                format!("Set their activity to {activity_name}")
            }
            E::AgentActivityChanged {
                worker,
                activity_name,
                ..
            } => format!(
                "Set the activity of {} to {activity_name}",
                self.worker_name(event, worker)
            ),
            E::PhoneNumberBought { phone_number, .. } => {
                format!("Bought {}", number(phone_number))
            }
            E::PhoneNumberReleased { phone_number, .. } => {
                format!("Released {}", number(phone_number))
            }
            E::PhoneNumberRouted {
                phone_number,
                flow_name,
                ..
            } => match flow_name {
                Some(flow) => format!("Routed {} to the Studio flow {flow}", number(phone_number)),
                None => format!("Stopped routing {} to a Studio flow", number(phone_number)),
            },
            E::StudioFlowDeleted {
                friendly_name,
                numbers_unrouted,
                flex_flows_unrouted,
                ..
            } => {
                let mut unrouted: Vec<String> =
                    numbers_unrouted.iter().map(|n| number(n)).collect();
                unrouted.extend(flex_flows_unrouted.iter().cloned());
                if unrouted.is_empty() {
                    format!("Deleted the Studio flow {friendly_name}")
                } else {
                    format!(
                        "Deleted the Studio flow {friendly_name}; no longer routed: {}",
                        unrouted.join(", ")
                    )
                }
            }
            E::TwimlBinCreated { friendly_name, .. } => {
                format!("Created the TwiML Bin {friendly_name}")
            }
            E::TwimlBinUpdated { friendly_name, .. } => {
                format!("Changed the TwiML Bin {friendly_name}")
            }
            E::TwimlBinDeleted { friendly_name, .. } => {
                format!("Deleted the TwiML Bin {friendly_name}")
            }
        }
    }
}
