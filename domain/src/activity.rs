//! The activity log: every successful command, recorded by [`Console::apply`], read here
//! per account or across a signed-in user's accounts, newest first, filtered, with the
//! sentence a person reads for each entry.

use super::actor::Actor;
use super::capability::Capability;
use super::capability::LaunchOutcome;
use super::console::Console;
use super::event::{Event, EventKind};
use super::phone_number::national_format;
use super::search::Query;
use super::sid::{AccountSid, UserSid};
use super::time::DateRange;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

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

/// Which entries of a log to show: an entry is shown when it passes every condition set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    /// Only those by this person (see [`person_key`]).
    pub actor: Option<String>,
    /// Only those of this kind.
    pub kind: Option<ActivityKind>,
    /// Only those of this account (in the Console-wide log; a sign-up is of no account).
    pub account: Option<AccountSid>,
    /// Only those whose sentence, person or account name holds every word of this text
    /// (ignoring case and accents, as every search does, see [`super::search`]).
    pub text: String,
    /// Only those made on one of these days (UTC).
    pub days: DateRange,
}

/// The people and accounts that appear in a log, for its filters: each as (key, name),
/// sorted by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityChoices {
    /// Who acted, keyed by [`person_key`].
    pub people: Vec<(String, String)>,
    /// The accounts with entries, keyed by Account SID.
    pub accounts: Vec<(AccountSid, String)>,
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

/// Who an entry is by, as the person filter knows them: the actor, except that a sign-up
/// is by the Console user it created (so it sits with everything they did later).
pub fn person(event: &Event) -> Actor {
    match &event.kind {
        EventKind::SignedUp { user, .. } => Actor::User(*user),
        _ => event.by.clone(),
    }
}

/// The [`actor_key`] of an entry's [`person`].
pub fn person_key(event: &Event) -> String {
    actor_key(&person(event))
}

impl Console {
    /// Every entry of the whole log, oldest first (what export includes).
    pub fn activity_log(&self) -> &[Event] {
        &self.activity
    }

    /// An account's entries that pass `filter`, newest first (by time; entries at the
    /// same time latest applied first).
    pub fn activity(&self, account: &AccountSid, filter: &ActivityFilter) -> Vec<&Event> {
        let positions = self.index.activity_of_account.get(account);
        self.filtered(positions.into_iter().flatten().copied().collect(), filter)
    }

    /// The people who appear in an account's log, as (key, name), sorted by name.
    pub fn activity_actors(&self, account: &AccountSid) -> Vec<(String, String)> {
        let positions = self.index.activity_of_account.get(account);
        self.choices(positions.into_iter().flatten().copied())
            .people
    }

    /// The Console-wide log of a signed-in user, newest first, passing `filter`: every
    /// entry of each account they are a member of and may read the log of
    /// ([`Capability::ViewLogsAndUsage`]), and the sign-ups of themselves and of the
    /// people now members of one of those accounts.
    pub fn console_activity(&self, user: &UserSid, filter: &ActivityFilter) -> Vec<&Event> {
        let positions = match &filter.account {
            // Only that account's entries can pass: read those alone.
            Some(account) if self.may_read_log(user, account) => self
                .index
                .activity_of_account
                .get(account)
                .cloned()
                .unwrap_or_default(),
            Some(_) => Vec::new(),
            None => self.console_positions(user),
        };
        self.filtered(positions, filter)
    }

    /// The people and accounts of [`Console::console_activity`] with no filter, for its
    /// filters.
    pub fn console_activity_choices(&self, user: &UserSid) -> ActivityChoices {
        self.choices(self.console_positions(user).into_iter())
    }

    /// Whether `user` may read `account`'s log: a member whose roles allow it.
    fn may_read_log(&self, user: &UserSid, account: &AccountSid) -> bool {
        self.can(&Actor::User(*user), account, Capability::ViewLogsAndUsage)
    }

    /// The accounts whose log `user` may read, by SID.
    fn readable_accounts(&self, user: &UserSid) -> Vec<&AccountSid> {
        let accounts = self.index.accounts_of_user.get(user).into_iter().flatten();
        accounts
            .filter(|account| self.may_read_log(user, account))
            .collect()
    }

    /// The log positions of everything `user` sees Console-wide, in no order.
    fn console_positions(&self, user: &UserSid) -> Vec<usize> {
        let accounts = self.readable_accounts(user);
        let mut positions: Vec<usize> = accounts
            .iter()
            .filter_map(|a| self.index.activity_of_account.get(*a))
            .flatten()
            .copied()
            .collect();
        let mut people: BTreeSet<&UserSid> = accounts
            .iter()
            .filter_map(|a| self.accounts.get(*a))
            .flat_map(|a| a.members.keys())
            .collect();
        people.insert(user);
        positions.extend(
            people
                .into_iter()
                .filter_map(|p| self.index.sign_up_of_user.get(p)),
        );
        positions
    }

    /// The entries at `positions` that pass `filter`, newest first (at the same time,
    /// latest applied first). The cheap conditions go first; the sentence is written only
    /// for entries that passed them, and only when there is text to find.
    fn filtered(&self, mut positions: Vec<usize>, filter: &ActivityFilter) -> Vec<&Event> {
        let query = Query::new(&filter.text);
        positions.sort_unstable_by_key(|&i| Reverse((self.activity[i].at, i)));
        positions
            .into_iter()
            .map(|i| &self.activity[i])
            .filter(|e| filter.days.contains(e.at))
            .filter(|e| filter.kind.is_none_or(|k| e.kind.activity_kind() == k))
            .filter(|e| filter.account.is_none() || e.account == filter.account)
            .filter(|e| {
                filter
                    .actor
                    .as_ref()
                    .is_none_or(|key| &person_key(e) == key)
            })
            .filter(|e| {
                query.is_empty() || query.matches(&self.searched(e).each_ref().map(String::as_str))
            })
            .collect()
    }

    /// What the text filter looks in: the sentence, the person's name, the account's name.
    fn searched(&self, event: &Event) -> [String; 3] {
        let account = event
            .account
            .as_ref()
            .and_then(|a| self.accounts.get(a))
            .map(|a| a.friendly_name.clone())
            .unwrap_or_default();
        [self.describe(event), self.person_name(event), account]
    }

    /// The people and accounts appearing at `positions`, each sorted by name.
    fn choices(&self, positions: impl Iterator<Item = usize>) -> ActivityChoices {
        let mut people: BTreeMap<String, String> = BTreeMap::new();
        let mut accounts: BTreeMap<&AccountSid, String> = BTreeMap::new();
        for event in positions.filter_map(|i| self.activity.get(i)) {
            let key = person_key(event);
            people.entry(key).or_insert_with(|| self.person_name(event));
            if let Some(sid) = &event.account
                && !accounts.contains_key(sid)
            {
                let name = self.accounts.get(sid).map(|a| a.friendly_name.clone());
                accounts.insert(sid, name.unwrap_or_else(|| sid.to_string()));
            }
        }
        let mut people: Vec<(String, String)> = people.into_iter().collect();
        people.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        let mut accounts: Vec<(AccountSid, String)> = accounts
            .into_iter()
            .map(|(sid, name)| (*sid, name))
            .collect();
        accounts.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        ActivityChoices { people, accounts }
    }

    /// Who an entry is by, as a person reads it (see [`person`]).
    pub fn person_name(&self, event: &Event) -> String {
        self.actor_name(&person(event))
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
