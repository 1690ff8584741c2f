//! Commands on users and accounts themselves: sign-up, creation, name, status, Auth Tokens.

use super::account::{Account, AccountStatus, AccountType, Member};
use super::actor::Actor;
use super::apply::{Ctx, Outcome, SIGNED_IN};
use super::console::Console;
use super::error::DomainError;
use super::event::EventKind;
use super::name::{ACCOUNT_NAME_MAX, PERSON_NAME_MAX, clean_name};
use super::roles::{ConsoleRole, RoleSet};
use super::sid::{AccountSid, UserSid};
use super::token::AuthToken;
use super::user::ConsoleUser;
use std::collections::BTreeMap;

impl Console {
    pub(crate) fn sign_up(&mut self, ctx: &Ctx, full_name: &str) -> Outcome {
        let Actor::Email(email) = ctx.actor else {
            return Err(DomainError::WrongActor {
                action: ctx.action,
                needed: "an email address without a Console user",
            });
        };
        if self.index.user_by_email.contains_key(email) {
            return Err(DomainError::EmailTaken(email.clone()));
        }
        let full_name = clean_name("full name", full_name, PERSON_NAME_MAX)?;
        let sid = UserSid::generate(&mut self.random);
        self.insert_user(ConsoleUser {
            sid: sid.clone(),
            email: email.clone(),
            full_name,
            created: ctx.now,
        });
        Ok((
            None,
            EventKind::SignedUp {
                user: sid,
                email: email.clone(),
            },
        ))
    }

    pub(crate) fn create_account(
        &mut self,
        ctx: &Ctx,
        friendly_name: &str,
        account_type: AccountType,
    ) -> Outcome {
        let owner = ctx.actor.user().ok_or(DomainError::WrongActor {
            action: ctx.action,
            needed: SIGNED_IN,
        })?;
        if !self.users.contains_key(owner) {
            return Err(DomainError::UnknownUser(owner.clone()));
        }
        let friendly_name = clean_name("account name", friendly_name, ACCOUNT_NAME_MAX)?;
        let sid = AccountSid::generate(&mut self.random);
        let account = Account {
            sid: sid.clone(),
            friendly_name: friendly_name.clone(),
            account_type,
            status: AccountStatus::Active,
            created: ctx.now,
            auth_token: AuthToken::generate(&mut self.random),
            secondary_auth_token: None,
            members: BTreeMap::from([(
                owner.clone(),
                Member {
                    roles: RoleSet::owner(),
                    since: ctx.now,
                },
            )]),
            invitations: BTreeMap::new(),
            next_invitation_id: 1,
            phone_numbers: BTreeMap::new(),
            twiml_bins: BTreeMap::new(),
            flex: None,
        };
        self.accounts.insert(sid.clone(), account);
        self.index.add_membership(owner, &sid);
        Ok((
            Some(sid),
            EventKind::AccountCreated {
                friendly_name,
                account_type,
                owner: owner.clone(),
            },
        ))
    }

    pub(crate) fn rename_account(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        friendly_name: &str,
    ) -> Outcome {
        self.authorize(ctx, &account)?;
        let to = clean_name("account name", friendly_name, ACCOUNT_NAME_MAX)?;
        let acc = self.account_mut(&account)?;
        let from = std::mem::replace(&mut acc.friendly_name, to.clone());
        Ok((Some(account), EventKind::AccountRenamed { from, to }))
    }

    /// Suspend, reactivate or close. All need project settings; closing is Owner only,
    /// because Twilio lets only the account's owner close it. Closed is final.
    pub(crate) fn set_status(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        to: AccountStatus,
    ) -> Outcome {
        let (_, roles, acc) = self.authorize(ctx, &account)?;
        let kind = match to {
            AccountStatus::Suspended => EventKind::AccountSuspended,
            AccountStatus::Active if acc.status == AccountStatus::Active => {
                return Err(DomainError::AccountNotSuspended);
            }
            AccountStatus::Active => EventKind::AccountReactivated,
            AccountStatus::Closed if !roles.is_owner() => {
                return Err(DomainError::NotAllowed {
                    action: ctx.action,
                    allowed: vec![ConsoleRole::Owner],
                });
            }
            AccountStatus::Closed => EventKind::AccountClosed,
        };
        self.account_mut(&account)?.status = to;
        Ok((Some(account), kind))
    }

    pub(crate) fn create_secondary_token(&mut self, ctx: &Ctx, account: AccountSid) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        if acc.secondary_auth_token.is_some() {
            return Err(DomainError::SecondaryTokenExists);
        }
        let token = AuthToken::generate(&mut self.random);
        self.account_mut(&account)?.secondary_auth_token = Some(token);
        Ok((Some(account), EventKind::SecondaryTokenCreated))
    }

    /// The secondary becomes primary; the old primary is gone and stops working.
    pub(crate) fn promote_secondary_token(&mut self, ctx: &Ctx, account: AccountSid) -> Outcome {
        self.authorize(ctx, &account)?;
        let acc = self.account_mut(&account)?;
        let secondary = acc
            .secondary_auth_token
            .take()
            .ok_or(DomainError::NoSecondaryToken)?;
        acc.auth_token = secondary;
        Ok((Some(account), EventKind::SecondaryTokenPromoted))
    }

    pub(crate) fn delete_secondary_token(&mut self, ctx: &Ctx, account: AccountSid) -> Outcome {
        self.authorize(ctx, &account)?;
        let acc = self.account_mut(&account)?;
        acc.secondary_auth_token
            .take()
            .ok_or(DomainError::NoSecondaryToken)?;
        Ok((Some(account), EventKind::SecondaryTokenDeleted))
    }
}
