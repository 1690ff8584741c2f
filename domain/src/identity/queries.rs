//! Read-only questions about people and accounts: users, members, invitations, roles,
//! what a role allows, the Auth Tokens. Each uses an index or one account's data.

use crate::console::Console;
use crate::error::DomainError;
use crate::identity::account::Account;
use crate::identity::actor::Actor;
use crate::identity::capability::{self, Capability};
use crate::identity::email::Email;
use crate::identity::invitation::{Invitation, InvitationStatus};
use crate::identity::roles::{ConsoleRole, RoleSet};
use crate::identity::token::AuthToken;
use crate::identity::user::ConsoleUser;
use crate::sid::{AccountSid, UserSid};
use crate::time::Timestamp;

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
    /// [`crate::search`]: every word, ignoring case and accents), optionally only those
    /// holding `role`.
    pub fn members(
        &self,
        account: &AccountSid,
        search: &str,
        role: Option<ConsoleRole>,
    ) -> Vec<MemberRow<'_>> {
        let query = crate::search::Query::new(search);
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

    /// The primary and secondary Auth Tokens, for those allowed to see them.
    pub fn auth_tokens(
        &self,
        actor: &Actor,
        account: &AccountSid,
    ) -> Result<(&AuthToken, Option<&AuthToken>), DomainError> {
        let a = self
            .accounts
            .get(account)
            .ok_or(DomainError::UnknownAccount(*account))?;
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
}
