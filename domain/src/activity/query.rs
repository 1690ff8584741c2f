//! Reading the log: an account's entries or a signed-in user's across their accounts,
//! newest first, filtered by person, kind, account, text and days.

use crate::activity::kind::ActivityKind;
use crate::console::Console;
use crate::event::{Event, EventKind};
use crate::identity::actor::Actor;
use crate::identity::capability::Capability;
use crate::search::Query;
use crate::sid::{AccountSid, UserSid};
use crate::time::DateRange;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

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
    /// (ignoring case and accents, as every search does, see [`crate::search`]).
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
        Actor::Clock => "clock".to_owned(),
        Actor::Simulator => "simulator".to_owned(),
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
}
