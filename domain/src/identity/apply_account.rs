//! Commands on users and accounts themselves: sign-up, creation, name, status, Auth Tokens.

use crate::apply::{Checked, Ctx, SIGNED_IN, change};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::identity::account::{Account, AccountStatus, AccountType, Member};
use crate::identity::actor::Actor;
use crate::identity::name::{ACCOUNT_NAME_MAX, PERSON_NAME_MAX, clean_name};
use crate::identity::roles::{ConsoleRole, RoleSet};
use crate::identity::token::AuthToken;
use crate::identity::user::ConsoleUser;
use crate::revision::Revision;
use crate::sid::{AccountSid, UserSid};
use std::collections::BTreeMap;

impl Console {
    pub(crate) fn sign_up<'c>(&self, ctx: &Ctx, full_name: &str) -> Checked<'c> {
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
        let email = email.clone();
        change(move |c, ctx| {
            let sid = UserSid::generate(&mut c.random);
            c.insert_user(ConsoleUser {
                sid,
                email: email.clone(),
                full_name,
                created: ctx.now,
            });
            (None, EventKind::SignedUp { user: sid, email })
        })
    }

    pub(crate) fn create_account<'c>(
        &self,
        ctx: &Ctx,
        friendly_name: &str,
        account_type: AccountType,
    ) -> Checked<'c> {
        let owner = ctx.actor.user().ok_or(DomainError::WrongActor {
            action: ctx.action,
            needed: SIGNED_IN,
        })?;
        if !self.users.contains_key(owner) {
            return Err(DomainError::UnknownUser(*owner));
        }
        let friendly_name = clean_name("account name", friendly_name, ACCOUNT_NAME_MAX)?;
        let owner = *owner;
        change(move |c, ctx| {
            let sid = AccountSid::generate(&mut c.random);
            let account = Account {
                sid,
                friendly_name: friendly_name.clone(),
                account_type,
                status: AccountStatus::Active,
                created: ctx.now,
                auth_token: AuthToken::generate(&mut c.random),
                secondary_auth_token: None,
                members: BTreeMap::from([(
                    owner,
                    Member {
                        roles: RoleSet::owner(),
                        since: ctx.now,
                        revision: Revision::default(),
                    },
                )]),
                invitations: BTreeMap::new(),
                next_invitation_id: 1,
                name_revision: Revision::default(),
                phone_numbers: BTreeMap::new(),
                twiml_bins: BTreeMap::new(),
                api_keys: BTreeMap::new(),
                flex: None,
            };
            c.accounts.insert(sid, account);
            c.index.add_membership(&owner, &sid);
            let kind = EventKind::AccountCreated {
                friendly_name,
                account_type,
                owner,
            };
            (Some(sid), kind)
        })
    }

    pub(crate) fn rename_account<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        friendly_name: &str,
        revision: Option<u64>,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        self.check_seen(&acc.name_revision, revision, || {
            format!("the name of {}", acc.friendly_name)
        })?;
        let to = clean_name("account name", friendly_name, ACCOUNT_NAME_MAX)?;
        change(move |c, ctx| {
            let from = c
                .account_mut(account)
                .map(|acc| {
                    acc.name_revision = acc.name_revision.next(ctx.actor, ctx.now);
                    std::mem::replace(&mut acc.friendly_name, to.clone())
                })
                .unwrap_or_default();
            (Some(*account), EventKind::AccountRenamed { from, to })
        })
    }

    /// Suspend, reactivate or close. All need project settings; closing is Owner only,
    /// because Twilio lets only the account's owner close it. Closed is final.
    pub(crate) fn set_status<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        to: AccountStatus,
    ) -> Checked<'c> {
        let (_, roles, acc) = self.authorize(ctx, account).map_err(|e| match (to, e) {
            // Whoever may not touch the status at all is told what closing needs.
            (
                AccountStatus::Closed,
                DomainError::NotAllowed {
                    action,
                    roles,
                    account,
                    ..
                },
            ) => DomainError::NotAllowed {
                action,
                allowed: vec![ConsoleRole::Owner],
                roles,
                account,
            },
            (_, e) => e,
        })?;
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
                    roles,
                    account: acc.friendly_name.clone(),
                });
            }
            AccountStatus::Closed => EventKind::AccountClosed,
        };
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account) {
                acc.status = to;
            }
            (Some(*account), kind)
        })
    }

    pub(crate) fn create_secondary_token<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        if acc.secondary_auth_token.is_some() {
            return Err(DomainError::SecondaryTokenExists);
        }
        change(move |c, _| {
            let token = AuthToken::generate(&mut c.random);
            if let Some(acc) = c.account_mut(account) {
                acc.secondary_auth_token = Some(token);
            }
            (Some(*account), EventKind::SecondaryTokenCreated)
        })
    }

    /// The secondary becomes primary; the old primary is gone and stops working.
    pub(crate) fn promote_secondary_token<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
    ) -> Checked<'c> {
        self.has_secondary_token(ctx, account)?;
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account)
                && let Some(secondary) = acc.secondary_auth_token.take()
            {
                acc.auth_token = secondary;
            }
            (Some(*account), EventKind::SecondaryTokenPromoted)
        })
    }

    pub(crate) fn delete_secondary_token<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
    ) -> Checked<'c> {
        self.has_secondary_token(ctx, account)?;
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account) {
                acc.secondary_auth_token = None;
            }
            (Some(*account), EventKind::SecondaryTokenDeleted)
        })
    }

    /// The checks of promoting and deleting the secondary token: allowed, and it exists.
    fn has_secondary_token(&self, ctx: &Ctx, account: &AccountSid) -> Result<(), DomainError> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        acc.secondary_auth_token
            .as_ref()
            .map(drop)
            .ok_or(DomainError::NoSecondaryToken)
    }
}
