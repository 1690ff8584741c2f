//! Read-only questions about an account's Flex: how a user would enter it, the overview,
//! Active User Hours and the workers.

use crate::console::Console;
use crate::flex::active_hours::ActiveUserHours;
use crate::flex::instance::{FlexConfiguration, FlexInstance, FlexPlan};
use crate::flex::worker::Worker;
use crate::identity::account::AccountStatus;
use crate::identity::capability::{self, LaunchOutcome};
use crate::identity::email::Email;
use crate::sid::{AccountSid, UserSid, WorkerSid};
use crate::time::Timestamp;

/// What the Flex overview page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FlexOverview<'a> {
    /// The instance with everything it provisioned.
    pub instance: &'a FlexInstance,
    /// Trial or paid.
    pub plan: &'a FlexPlan,
    /// The configuration.
    pub config: &'a FlexConfiguration,
    /// How many workers the workspace has.
    pub worker_count: usize,
}

impl Console {
    /// How this user would enter Flex in this account right now: denied for non-members,
    /// accounts that are not active, and accounts without Flex.
    pub fn launch_outcome(&self, user: &UserSid, account: &AccountSid) -> LaunchOutcome {
        match self.accounts.get(account) {
            Some(a) if a.status == AccountStatus::Active && a.flex.is_some() => a
                .roles_of(user)
                .map_or(LaunchOutcome::Denied, capability::launch_outcome),
            _ => LaunchOutcome::Denied,
        }
    }

    /// The Flex overview of an account, if Flex is set up.
    pub fn flex_overview(&self, account: &AccountSid) -> Option<FlexOverview<'_>> {
        let instance = self.accounts.get(account)?.flex.as_ref()?;
        Some(FlexOverview {
            instance,
            plan: &instance.plan,
            config: &instance.config,
            worker_count: instance.workspace.workers.len(),
        })
    }

    /// An account's Active User Hours at `now`: free hours, used and left; None without
    /// Flex or on a trial (no free hours before the upgrade). Sums the workspace's workers.
    pub fn active_user_hours(
        &self,
        account: &AccountSid,
        now: Timestamp,
    ) -> Option<ActiveUserHours> {
        self.accounts
            .get(account)?
            .flex
            .as_ref()?
            .active_user_hours(now)
    }

    /// The workers of an account's Flex workspace, by SID (page with `skip`/`take`).
    pub fn workers(&self, account: &AccountSid) -> impl Iterator<Item = &Worker> {
        let flex = self.accounts.get(account).and_then(|a| a.flex.as_ref());
        flex.into_iter().flat_map(|f| f.workspace.workers.values())
    }

    /// A worker by SID.
    pub fn worker(&self, account: &AccountSid, worker: &WorkerSid) -> Option<&Worker> {
        self.accounts
            .get(account)?
            .flex
            .as_ref()?
            .workspace
            .workers
            .get(worker)
    }

    /// A worker by Flex identity (email).
    pub fn worker_by_identity(&self, account: &AccountSid, identity: &Email) -> Option<&Worker> {
        let sid = self
            .index
            .worker_by_identity
            .get(&(*account, identity.clone()))?;
        self.worker(account, sid)
    }
}
