//! Read-only questions the pages ask. Each uses an index or one account's data, never a
//! scan of everything.

use super::account::Account;
use super::active_hours::ActiveUserHours;
use super::actor::Actor;
use super::capability::{self, Capability, LaunchOutcome};
use super::command::Command;
use super::console::Console;
use super::email::Email;
use super::error::DomainError;
use super::flex::{FlexConfiguration, FlexInstance, FlexPlan};
use super::invitation::{Invitation, InvitationStatus};
use super::phone_number::{AvailableNumber, PhoneNumber, inventory};
use super::roles::{ConsoleRole, RoleSet};
use super::sid::{AccountSid, StudioFlowSid, UserSid, WorkerSid};
use super::time::Timestamp;
use super::token::AuthToken;
use super::user::ConsoleUser;
use super::worker::Worker;

/// One row of an account's members page.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberRow<'a> {
    /// The Console user.
    pub user: &'a ConsoleUser,
    /// Their roles in the account.
    pub roles: RoleSet,
    /// Since when.
    pub since: Timestamp,
}

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
    /// A Console user by SID.
    pub fn user(&self, sid: &UserSid) -> Option<&ConsoleUser> {
        self.users.get(sid)
    }

    /// Every Console user, by SID.
    pub fn users(&self) -> impl Iterator<Item = &ConsoleUser> {
        self.users.values()
    }

    /// The Console user with this email (case-insensitive).
    pub fn user_by_email(&self, email: &Email) -> Option<&ConsoleUser> {
        self.index
            .user_by_email
            .get(email)
            .and_then(|sid| self.users.get(sid))
    }

    /// An account by SID.
    pub fn account(&self, sid: &AccountSid) -> Option<&Account> {
        self.accounts.get(sid)
    }

    /// Every account, by SID.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.accounts.values()
    }

    /// The accounts a user belongs to, with their roles there.
    pub fn accounts_of(&self, user: &UserSid) -> Vec<(&Account, RoleSet)> {
        let sids = self.index.accounts_of_user.get(user).into_iter().flatten();
        sids.filter_map(|sid| self.accounts.get(sid))
            .filter_map(|account| account.roles_of(user).map(|roles| (account, roles)))
            .collect()
    }

    /// An account's members whose name, email or SID matches `search` (see
    /// [`super::search`]: every word, ignoring case and accents), optionally only those
    /// holding `role`.
    pub fn members(
        &self,
        account: &AccountSid,
        search: &str,
        role: Option<ConsoleRole>,
    ) -> Vec<MemberRow<'_>> {
        let query = super::search::Query::new(search);
        let Some(account) = self.accounts.get(account) else {
            return vec![];
        };
        account
            .members
            .iter()
            .filter(|(_, m)| role.is_none_or(|r| m.roles.contains(r)))
            .filter_map(|(sid, m)| {
                self.users.get(sid).map(|user| MemberRow {
                    user,
                    roles: m.roles,
                    since: m.since,
                })
            })
            .filter(|row| {
                query.matches(&[
                    &row.user.full_name,
                    row.user.email.as_str(),
                    row.user.sid.as_str(),
                ])
            })
            .collect()
    }

    /// An account's invitations with their status at `now`, oldest first.
    pub fn invitations(
        &self,
        account: &AccountSid,
        now: Timestamp,
    ) -> Vec<(&Invitation, InvitationStatus)> {
        let invitations = self
            .accounts
            .get(account)
            .into_iter()
            .flat_map(|a| a.invitations.values());
        invitations.map(|i| (i, i.status(now))).collect()
    }

    /// The invitations an email can accept at `now`, with their accounts.
    pub fn pending_invitations_for(
        &self,
        email: &Email,
        now: Timestamp,
    ) -> Vec<(&Account, &Invitation)> {
        let keys = self
            .index
            .invitations_by_email
            .get(email)
            .into_iter()
            .flatten();
        keys.filter_map(|(account, id)| {
            let account = self.accounts.get(account)?;
            let invitation = account.invitations.get(id)?;
            (invitation.status(now) == InvitationStatus::Pending).then_some((account, invitation))
        })
        .collect()
    }

    /// The actor's roles in an account (None if not a Console user member).
    pub fn roles_of(&self, actor: &Actor, account: &AccountSid) -> Option<RoleSet> {
        self.accounts.get(account)?.roles_of(actor.user()?)
    }

    /// What the actor's roles allow in the account (empty for non-members). This is about
    /// roles only; whether the account's status allows an action is checked by commands.
    pub fn capabilities(&self, actor: &Actor, account: &AccountSid) -> Vec<Capability> {
        self.roles_of(actor, account)
            .map(capability::capabilities_of)
            .unwrap_or_default()
    }

    /// Whether the actor's roles allow `capability` in the account.
    pub fn can(&self, actor: &Actor, account: &AccountSid, capability: Capability) -> bool {
        self.roles_of(actor, account)
            .is_some_and(|roles| capability::can(roles, capability))
    }

    /// How this user would enter Flex in this account right now: denied for non-members,
    /// accounts that are not active, and accounts without Flex.
    pub fn launch_outcome(&self, user: &UserSid, account: &AccountSid) -> LaunchOutcome {
        match self.accounts.get(account) {
            Some(a) if a.status == super::account::AccountStatus::Active && a.flex.is_some() => a
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
            .get(&(account.clone(), identity.clone()))?;
        self.worker(account, sid)
    }

    /// The primary and secondary Auth Tokens, for those allowed to see them.
    pub fn auth_tokens(
        &self,
        actor: &Actor,
        account: &AccountSid,
    ) -> Result<(&AuthToken, Option<&AuthToken>), DomainError> {
        let a = self
            .accounts
            .get(account)
            .ok_or_else(|| DomainError::UnknownAccount(account.clone()))?;
        let roles = self
            .roles_of(actor, account)
            .ok_or_else(|| DomainError::NotAMember {
                account: a.friendly_name.clone(),
            })?;
        if !capability::can(roles, Capability::ManageCredentials) {
            return Err(DomainError::not_allowed(
                "Seeing the Auth Token",
                Capability::ManageCredentials,
                roles,
                a,
            ));
        }
        Ok((&a.auth_token, a.secondary_auth_token.as_ref()))
    }

    /// Numbers of the simulated list nobody owns, in area `area_code` (any when None)
    /// whose digits contain `digits` (ignoring anything but digits), at most `limit`.
    pub fn available_numbers(
        &self,
        area_code: Option<&str>,
        digits: &str,
        limit: usize,
    ) -> Vec<AvailableNumber> {
        let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
        inventory()
            .filter(|n| area_code.is_none_or(|a| n.phone_number[2..5] == *a))
            .filter(|n| n.phone_number.contains(&digits))
            .filter(|n| !self.index.numbers_in_use.contains(&n.phone_number))
            .take(limit)
            .collect()
    }

    /// Buying the first number on offer for `account`: what a "Buy a number" control asks
    /// the domain before a number is picked (a trial account that holds its one number is
    /// refused whichever it picks).
    pub fn buy_any_number(&self, account: AccountSid) -> Command {
        let phone_number = self
            .available_numbers(None, "", 1)
            .into_iter()
            .next()
            .map(|n| n.phone_number)
            .unwrap_or_default();
        Command::BuyPhoneNumber {
            account,
            phone_number,
        }
    }

    /// The phone numbers a Studio flow handles.
    pub fn numbers_routed_to<'a>(
        &'a self,
        account: &AccountSid,
        flow: &'a StudioFlowSid,
    ) -> impl Iterator<Item = &'a PhoneNumber> {
        let numbers = self.accounts.get(account).map(|a| a.phone_numbers.values());
        numbers
            .into_iter()
            .flatten()
            .filter(move |n| n.studio_flow.as_ref() == Some(flow))
    }
}
