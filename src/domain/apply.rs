//! Applying a command: dispatch and the checks every account command shares.
//!
//! Every handler checks everything first and mutates only at the end, so a refused
//! command leaves the state exactly as it was (including the random source).

use super::account::{Account, AccountStatus};
use super::actor::Actor;
use super::capability::{Capability, can};
use super::command::Command;
use super::console::Console;
use super::error::DomainError;
use super::event::{Event, EventKind};
use super::roles::RoleSet;
use super::sid::{AccountSid, UserSid};
use super::time::Timestamp;

/// The command's circumstances, handed to every handler.
pub(crate) struct Ctx<'a> {
    pub(crate) actor: &'a Actor,
    pub(crate) now: Timestamp,
    pub(crate) action: &'static str,
    pub(crate) capability: Option<Capability>,
    pub(crate) when_suspended: bool,
}

/// What a handler returns: the account concerned and what happened.
pub(crate) type Outcome = Result<(Option<AccountSid>, EventKind), DomainError>;

/// The actor description for commands only a Console user can do.
pub(crate) const SIGNED_IN: &str = "a signed-in Console user";

impl Console {
    /// Applies `command` by `actor` at `now`: checks the capability, then the rules, then
    /// changes the state, records the event in the activity log and returns it. A refusal
    /// changes nothing and is not recorded.
    pub fn apply(
        &mut self,
        actor: &Actor,
        command: Command,
        now: Timestamp,
    ) -> Result<Event, DomainError> {
        let ctx = Ctx {
            actor,
            now,
            action: command.action(),
            capability: command.capability(),
            when_suspended: command.allowed_when_suspended(),
        };
        use Command as C;
        let (account, kind) = match command {
            C::SignUp { full_name } => self.sign_up(&ctx, &full_name),
            C::CreateAccount {
                friendly_name,
                account_type,
            } => self.create_account(&ctx, &friendly_name, account_type),
            C::RenameAccount {
                account,
                friendly_name,
            } => self.rename_account(&ctx, account, &friendly_name),
            C::SuspendAccount { account } => {
                self.set_status(&ctx, account, AccountStatus::Suspended)
            }
            C::ReactivateAccount { account } => {
                self.set_status(&ctx, account, AccountStatus::Active)
            }
            C::CloseAccount { account } => self.set_status(&ctx, account, AccountStatus::Closed),
            C::Invite {
                account,
                email,
                roles,
            } => self.invite(&ctx, account, email, roles),
            C::ResendInvitation {
                account,
                invitation,
            } => self.resend_invitation(&ctx, account, invitation),
            C::RevokeInvitation {
                account,
                invitation,
            } => self.revoke_invitation(&ctx, account, invitation),
            C::AcceptInvitation {
                account,
                invitation,
                full_name,
            } => self.accept_invitation(&ctx, account, invitation, full_name.as_deref()),
            C::ChangeRoles {
                account,
                user,
                roles,
            } => self.change_roles(&ctx, account, user, roles),
            C::RemoveMember { account, user } => self.remove_member(&ctx, account, user),
            C::LeaveAccount { account } => self.leave_account(&ctx, account),
            C::TransferOwnership { account, to } => self.transfer_ownership(&ctx, account, to),
            C::CreateSecondaryToken { account } => self.create_secondary_token(&ctx, account),
            C::PromoteSecondaryToken { account } => self.promote_secondary_token(&ctx, account),
            C::DeleteSecondaryToken { account } => self.delete_secondary_token(&ctx, account),
            C::CreateFlexInstance { account } => self.create_flex_instance(&ctx, account),
            C::UpdateFlexSettings { account, settings } => {
                self.update_flex_settings(&ctx, account, settings)
            }
            C::UpgradePlan {
                account,
                billing_model,
                accept_fair_usage_terms,
                payment_method,
            } => self.upgrade_plan(
                &ctx,
                account,
                billing_model,
                accept_fair_usage_terms,
                &payment_method,
            ),
            C::LaunchFlex { account } => self.launch_flex(&ctx, account),
            C::SsoLogin { account } => self.sso_login(&ctx, account),
            C::SetInsightsRoles {
                account,
                worker,
                roles,
            } => self.set_insights_roles(&ctx, account, worker, roles),
            C::DeleteWorker { account, worker } => self.delete_worker(&ctx, account, worker),
            C::SetWorkerActivity { account, activity } => {
                self.set_worker_activity(&ctx, account, activity)
            }
            C::BuyPhoneNumber {
                account,
                phone_number,
            } => self.buy_phone_number(&ctx, account, &phone_number),
            C::ReleasePhoneNumber { account, number } => {
                self.release_phone_number(&ctx, account, number)
            }
            C::RoutePhoneNumber {
                account,
                number,
                flow,
            } => self.route_phone_number(&ctx, account, number, flow),
            C::DeleteStudioFlow { account, flow } => self.delete_studio_flow(&ctx, account, flow),
            C::CreateTwimlBin {
                account,
                friendly_name,
                twiml,
            } => self.create_twiml_bin(&ctx, account, &friendly_name, twiml),
            C::UpdateTwimlBin {
                account,
                bin,
                friendly_name,
                twiml,
            } => self.update_twiml_bin(&ctx, account, bin, &friendly_name, twiml),
            C::DeleteTwimlBin { account, bin } => self.delete_twiml_bin(&ctx, account, bin),
        }?;
        let event = Event {
            at: now,
            by: actor.clone(),
            account,
            kind,
        };
        // The activity log: every change on record, refusals never (they returned above).
        self.record(event.clone());
        Ok(event)
    }

    /// The checks shared by commands a Console user does in an account, in order: the
    /// actor is a signed-in user, the account exists, the user is a member, their roles
    /// grant the command's capability, and the account's status allows it.
    pub(crate) fn authorize(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
    ) -> Result<(UserSid, RoleSet, &Account), DomainError> {
        let user = ctx.actor.user().ok_or(DomainError::WrongActor {
            action: ctx.action,
            needed: SIGNED_IN,
        })?;
        if !self.users.contains_key(user) {
            return Err(DomainError::UnknownUser(user.clone()));
        }
        let acc = self.account_ref(account)?;
        let roles = acc.roles_of(user).ok_or(DomainError::NotAMember)?;
        if let Some(capability) = ctx.capability
            && !can(roles, capability)
        {
            return Err(DomainError::not_allowed(ctx.action, capability));
        }
        check_status(acc, ctx.when_suspended)?;
        Ok((user.clone(), roles, acc))
    }

    pub(crate) fn account_ref(&self, sid: &AccountSid) -> Result<&Account, DomainError> {
        self.accounts
            .get(sid)
            .ok_or_else(|| DomainError::UnknownAccount(sid.clone()))
    }

    pub(crate) fn account_mut(&mut self, sid: &AccountSid) -> Result<&mut Account, DomainError> {
        self.accounts
            .get_mut(sid)
            .ok_or_else(|| DomainError::UnknownAccount(sid.clone()))
    }
}

/// Closed accounts accept nothing; suspended ones only leaving the suspended state.
pub(crate) fn check_status(account: &Account, when_suspended: bool) -> Result<(), DomainError> {
    match account.status {
        AccountStatus::Active => Ok(()),
        AccountStatus::Suspended if when_suspended => Ok(()),
        AccountStatus::Suspended => Err(DomainError::AccountSuspended),
        AccountStatus::Closed => Err(DomainError::AccountClosed),
    }
}
