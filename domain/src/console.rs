//! The whole Console state and its derived indexes.
//!
//! The state is plain data (users and accounts by SID, plus the random source) and is
//! what gets saved. The indexes answer look-ups by email or identity without scanning;
//! they are `#[serde(skip)]` and rebuilt by [`Console::reindex`], which
//! [`Console::from_json`] calls. Every command keeps them up to date incrementally, so a
//! command costs the same with 15,000 workers as with 10.

use crate::event::{Event, EventKind};
use crate::identity::account::Account;
use crate::identity::api_key::SecretSource;
use crate::identity::email::Email;
use crate::identity::invitation::InvitationId;
use crate::identity::user::ConsoleUser;
use crate::random::Random;
use crate::sid::{
    AccountSid, ReservationSid, TaskChannelSid, TaskQueueSid, TaskSid, UserSid, WorkerSid,
};
use crate::taskrouter::expression::Expression;
use crate::taskrouter::routing::{Deadline, Load};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The whole Console: every user and account. Change it only through [`Console::apply`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Console {
    pub(crate) random: Random,
    pub(crate) users: BTreeMap<UserSid, ConsoleUser>,
    pub(crate) accounts: BTreeMap<AccountSid, Account>,
    /// Every successful command, oldest first (none in data saved before it was kept).
    #[serde(default)]
    pub(crate) activity: Vec<Event>,
    #[serde(skip)]
    pub(crate) index: Index,
    /// New API keys' secrets: not state, never saved (see [`SecretSource`]).
    #[serde(skip)]
    pub(crate) secrets: SecretSource,
}

/// Look-ups derived from the state; never saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Index {
    /// Console user by sign-in email.
    pub(crate) user_by_email: HashMap<Email, UserSid>,
    /// Accounts each user is a member of (no entry when none).
    pub(crate) accounts_of_user: HashMap<UserSid, BTreeSet<AccountSid>>,
    /// Every invitation ever sent to an email.
    pub(crate) invitations_by_email: HashMap<Email, BTreeSet<(AccountSid, InvitationId)>>,
    /// Worker by Flex identity within an account's workspace.
    pub(crate) worker_by_identity: HashMap<(AccountSid, Email), WorkerSid>,
    /// Phone numbers (E.164) owned by some account.
    pub(crate) numbers_in_use: HashSet<String>,
    /// Positions in the activity log of each account's entries, oldest first.
    pub(crate) activity_of_account: HashMap<AccountSid, Vec<usize>>,
    /// Position in the activity log of each Console user's sign-up.
    pub(crate) sign_up_of_user: HashMap<UserSid, usize>,
    /// Each task queue's parsed Queue Expression.
    pub(crate) queue_targets: HashMap<TaskQueueSid, Expression>,
    /// The workers each task queue targets.
    pub(crate) queue_members: HashMap<TaskQueueSid, BTreeSet<WorkerSid>>,
    /// Each task's account.
    pub(crate) task_account: HashMap<TaskSid, AccountSid>,
    /// Each reservation's task.
    pub(crate) reservation_task: HashMap<ReservationSid, TaskSid>,
    /// What each worker holds on each channel (none: nothing).
    pub(crate) load: HashMap<(WorkerSid, TaskChannelSid), Load>,
    /// Each account's task timers, in time order.
    pub(crate) deadlines: HashMap<AccountSid, BTreeSet<(Timestamp, Deadline)>>,
    /// Each task's timers, to take them out again.
    pub(crate) task_deadlines: HashMap<TaskSid, Vec<(Timestamp, Deadline)>>,
    /// Each account's workers in an available activity, longest idle first: whom a new
    /// task is offered to, without looking at every worker.
    pub(crate) idle: HashMap<AccountSid, BTreeSet<(Timestamp, WorkerSid)>>,
    /// Where each worker sits in `idle`.
    pub(crate) idle_at: HashMap<WorkerSid, (AccountSid, Timestamp)>,
}

impl Index {
    pub(crate) fn add_membership(&mut self, user: &UserSid, account: &AccountSid) {
        self.accounts_of_user
            .entry(*user)
            .or_default()
            .insert(*account);
    }

    /// Indexes the activity log's entry at `position`.
    pub(crate) fn add_entry(&mut self, position: usize, event: &Event) {
        if let Some(account) = &event.account {
            self.activity_of_account
                .entry(*account)
                .or_default()
                .push(position);
        }
        if let EventKind::SignedUp { user, .. } = &event.kind {
            self.sign_up_of_user.insert(*user, position);
        }
    }

    pub(crate) fn remove_membership(&mut self, user: &UserSid, account: &AccountSid) {
        if let Some(accounts) = self.accounts_of_user.get_mut(user) {
            accounts.remove(account);
            if accounts.is_empty() {
                self.accounts_of_user.remove(user);
            }
        }
    }
}

impl Console {
    /// An empty Console whose SIDs and tokens come from `seed`.
    pub fn new(seed: u64) -> Console {
        Console {
            random: Random::new(seed),
            users: BTreeMap::new(),
            accounts: BTreeMap::new(),
            activity: Vec::new(),
            index: Index::default(),
            secrets: SecretSource::default(),
        }
    }

    /// Seeds where the next API key secrets come from with entropy from outside the state
    /// (the browser's crypto), so that no saved data can give them back.
    pub fn seed_secrets(&mut self, seed: u64) {
        self.secrets = SecretSource(Random::new(seed));
    }

    /// Rebuilds the indexes from the state; call after deserializing
    /// ([`Console::from_json`] does).
    pub fn reindex(&mut self) {
        let mut index = Index::default();
        for user in self.users.values() {
            index.user_by_email.insert(user.email.clone(), user.sid);
        }
        for account in self.accounts.values() {
            for user in account.members.keys() {
                index.add_membership(user, &account.sid);
            }
            for invitation in account.invitations.values() {
                let entry = index
                    .invitations_by_email
                    .entry(invitation.email.clone())
                    .or_default();
                entry.insert((account.sid, invitation.id));
            }
            for number in account.phone_numbers.values() {
                index.numbers_in_use.insert(number.phone_number.clone());
            }
            for worker in account
                .flex
                .iter()
                .flat_map(|f| f.workspace.workers.values())
            {
                index
                    .worker_by_identity
                    .insert((account.sid, worker.identity.clone()), worker.sid);
            }
        }
        for (i, event) in self.activity.iter().enumerate() {
            index.add_entry(i, event);
        }
        self.index = index;
        self.index_every_queue();
        self.index_tasks();
    }

    /// Appends a successful command's event to the activity log.
    pub(crate) fn record(&mut self, event: Event) {
        self.index.add_entry(self.activity.len(), &event);
        self.activity.push(event);
    }

    /// Adds a Console user and indexes their email.
    pub(crate) fn insert_user(&mut self, user: ConsoleUser) {
        self.index
            .user_by_email
            .insert(user.email.clone(), user.sid);
        self.users.insert(user.sid, user);
    }
}
