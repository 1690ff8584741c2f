//! Checking and applying a command: dispatch, and the checks every account command shares.
//!
//! Every handler takes the Console by shared reference, makes all of its checks and returns
//! the [`Change`] to make: a closure that cannot fail. [`Console::check`] stops there;
//! [`Console::apply`] runs the change. So the two answer alike by construction, and a
//! refused command leaves the state exactly as it was (including the random source).

use crate::command::Command;
use crate::console::Console;
use crate::error::DomainError;
use crate::event::{Event, EventKind};
use crate::identity::account::{Account, AccountStatus};
use crate::identity::actor::Actor;
use crate::identity::capability::{Capability, can};
use crate::identity::roles::RoleSet;
use crate::sid::{AccountSid, UserSid};
use crate::time::Timestamp;

/// The command's circumstances, handed to every handler and every change.
pub(crate) struct Ctx<'a> {
    pub(crate) actor: &'a Actor,
    pub(crate) now: Timestamp,
    pub(crate) action: &'static str,
    pub(crate) capability: Option<Capability>,
    pub(crate) when_suspended: bool,
}

impl<'a> Ctx<'a> {
    /// The circumstances of `command` by `actor` at `now`.
    pub(crate) fn new(actor: &'a Actor, command: &Command, now: Timestamp) -> Ctx<'a> {
        Ctx {
            actor,
            now,
            action: command.action(),
            capability: command.capability(),
            when_suspended: command.allowed_when_suspended(),
        }
    }
}

/// What a command does once every check passed: changes the Console (it cannot fail) and
/// returns the account concerned and what happened.
pub(crate) type Change<'c> =
    Box<dyn FnOnce(&mut Console, &Ctx) -> (Option<AccountSid>, EventKind) + 'c>;

/// What a handler returns: the change to make, or why the command is refused.
pub(crate) type Checked<'c> = Result<Change<'c>, DomainError>;

/// Wraps a change (saves writing `Ok(Box::new(...))` in every handler).
pub(crate) fn change<'c>(
    f: impl FnOnce(&mut Console, &Ctx) -> (Option<AccountSid>, EventKind) + 'c,
) -> Checked<'c> {
    Ok(Box::new(f))
}

/// The actor description for commands only a Console user can do.
pub(crate) const SIGNED_IN: &str = "a signed-in Console user";

impl Console {
    /// Whether `actor` may run `command` at `now`, and if not, why: exactly the answer
    /// [`Console::apply`] would give, without changing anything. Pages ask this before a
    /// control is pressed.
    pub fn check(
        &self,
        actor: &Actor,
        command: &Command,
        now: Timestamp,
    ) -> Result<(), DomainError> {
        let ctx = Ctx::new(actor, command, now);
        self.checked(&ctx, command).map(drop)
    }

    /// Applies `command` by `actor` at `now`: the checks of [`Console::check`], then the
    /// change, recorded in the activity log and returned as an event. A refusal changes
    /// nothing and is not recorded.
    pub fn apply(
        &mut self,
        actor: &Actor,
        command: Command,
        now: Timestamp,
    ) -> Result<Event, DomainError> {
        let ctx = Ctx::new(actor, &command, now);
        let change = self.checked(&ctx, &command)?;
        let (account, kind) = change(self, &ctx);
        let event = Event {
            at: now,
            by: actor.clone(),
            account,
            kind,
        };
        // The activity log: every change on record, refusals never (they returned above);
        // a new API key's secret goes to the caller only. What happens to tasks is kept on
        // each task's path instead (contacts come by the thousand).
        if event.kind.is_logged() {
            self.record(event.without_secret());
        }
        Ok(event)
    }

    /// Runs the checks of `command`'s handler, giving the change it would make.
    fn checked<'c>(&self, ctx: &Ctx, command: &'c Command) -> Checked<'c> {
        use Command as C;
        // Every time a command writes (its own, seven days on for an invitation) stays
        // within what the Console keeps, so its export always imports again.
        if ctx.now.check_clock().is_err() {
            return Err(DomainError::ClockOutOfRange);
        }
        match command {
            C::SignUp { full_name } => self.sign_up(ctx, full_name),
            C::CreateAccount {
                friendly_name,
                account_type,
            } => self.create_account(ctx, friendly_name, *account_type),
            C::RenameAccount {
                account,
                friendly_name,
                revision,
            } => self.rename_account(ctx, account, friendly_name, *revision),
            C::SuspendAccount { account } => {
                self.set_status(ctx, account, AccountStatus::Suspended)
            }
            C::ReactivateAccount { account } => {
                self.set_status(ctx, account, AccountStatus::Active)
            }
            C::CloseAccount { account } => self.set_status(ctx, account, AccountStatus::Closed),
            C::Invite {
                account,
                email,
                roles,
            } => self.invite(ctx, account, email, *roles),
            C::ResendInvitation {
                account,
                invitation,
            } => self.resend_invitation(ctx, account, *invitation),
            C::RevokeInvitation {
                account,
                invitation,
            } => self.revoke_invitation(ctx, account, *invitation),
            C::AcceptInvitation {
                account,
                invitation,
                full_name,
            } => self.accept_invitation(ctx, account, *invitation, full_name.as_deref()),
            C::ChangeRoles {
                account,
                user,
                roles,
                revision,
            } => self.change_roles(ctx, account, user, *roles, *revision),
            C::RemoveMember { account, user } => self.remove_member(ctx, account, user),
            C::LeaveAccount { account } => self.leave_account(ctx, account),
            C::TransferOwnership { account, to } => self.transfer_ownership(ctx, account, to),
            C::CreateSecondaryToken { account } => self.create_secondary_token(ctx, account),
            C::PromoteSecondaryToken { account } => self.promote_secondary_token(ctx, account),
            C::DeleteSecondaryToken { account } => self.delete_secondary_token(ctx, account),
            C::CreateApiKey {
                account,
                friendly_name,
                key_type,
            } => self.create_api_key(ctx, account, friendly_name, *key_type),
            C::RenameApiKey {
                account,
                key,
                friendly_name,
                revision,
            } => self.rename_api_key(ctx, account, key, friendly_name, *revision),
            C::DeleteApiKey { account, key } => self.delete_api_key(ctx, account, key),
            C::CreateFlexInstance { account } => self.create_flex_instance(ctx, account),
            C::UpdateFlexSettings {
                account,
                settings,
                revision,
            } => self.update_flex_settings(ctx, account, settings, *revision),
            C::UpgradePlan {
                account,
                billing_model,
                accept_fair_usage_terms,
                payment_method,
            } => self.upgrade_plan(
                ctx,
                account,
                *billing_model,
                *accept_fair_usage_terms,
                payment_method,
            ),
            C::LaunchFlex { account } => self.launch_flex(ctx, account),
            C::SsoLogin { account } => self.sso_login(ctx, account),
            C::SetInsightsRoles {
                account,
                worker,
                roles,
            } => self.set_insights_roles(ctx, account, worker, roles),
            C::DeleteWorker { account, worker } => self.delete_worker(ctx, account, worker),
            C::SetWorkerActivity { account, activity } => {
                self.set_worker_activity(ctx, account, None, activity)
            }
            C::ChangeAgentActivity {
                account,
                worker,
                activity,
            } => self.set_worker_activity(ctx, account, Some(worker), activity),
            C::TaskRouter { account, change } => self.taskrouter(ctx, account, change),
            C::Task { account, change } => self.task_command(ctx, account, change),
            C::SetServiceLevel {
                account,
                queue,
                threshold,
            } => self.set_service_level(ctx, account, queue, *threshold),
            C::CreateSkill { account, skill } => self.create_skill(ctx, account, skill),
            C::UpdateSkill { account, skill } => self.update_skill(ctx, account, skill),
            C::DeleteSkill { account, name } => self.delete_skill(ctx, account, name),
            C::SetAgentSkills {
                account,
                worker,
                skills,
                levels,
                revision,
            } => self.set_agent_skills(ctx, account, worker, skills, levels, *revision),
            C::BuyPhoneNumber {
                account,
                phone_number,
            } => self.buy_phone_number(ctx, account, phone_number),
            C::ReleasePhoneNumber { account, number } => {
                self.release_phone_number(ctx, account, number)
            }
            C::RoutePhoneNumber {
                account,
                number,
                flow,
            } => self.route_phone_number(ctx, account, number, flow.as_ref()),
            C::DeleteStudioFlow { account, flow } => self.delete_studio_flow(ctx, account, flow),
            C::SetSendToFlex {
                account,
                flow,
                step,
            } => self.set_send_to_flex(ctx, account, flow, step.as_ref()),
            C::CreateAddress {
                account,
                address_type,
                address,
                flow,
            } => self.create_address(ctx, account, *address_type, address, flow.as_ref()),
            C::RouteAddress {
                account,
                address,
                flow,
            } => self.route_address(ctx, account, address, flow.as_ref()),
            C::DeleteAddress { account, address } => self.delete_address(ctx, account, address),
            C::CreateTwimlBin {
                account,
                friendly_name,
                twiml,
            } => self.create_twiml_bin(ctx, account, friendly_name, twiml),
            C::UpdateTwimlBin {
                account,
                bin,
                friendly_name,
                twiml,
                revision,
            } => self.update_twiml_bin(ctx, account, bin, friendly_name, twiml, *revision),
            C::DeleteTwimlBin { account, bin } => self.delete_twiml_bin(ctx, account, bin),
        }
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
            return Err(DomainError::UnknownUser(*user));
        }
        let acc = self.account_ref(account)?;
        let roles = acc.roles_of(user).ok_or_else(|| DomainError::NotAMember {
            account: acc.friendly_name.clone(),
        })?;
        if let Some(capability) = ctx.capability
            && !can(roles, capability)
        {
            return Err(DomainError::not_allowed(ctx.action, capability, roles, acc));
        }
        check_status(acc, ctx.when_suspended)?;
        Ok((*user, roles, acc))
    }

    pub(crate) fn account_ref(&self, sid: &AccountSid) -> Result<&Account, DomainError> {
        self.accounts
            .get(sid)
            .ok_or(DomainError::UnknownAccount(*sid))
    }

    /// The account a change works on (its checks found it, so it is there).
    pub(crate) fn account_mut(&mut self, sid: &AccountSid) -> Option<&mut Account> {
        self.accounts.get_mut(sid)
    }
}

/// Closed accounts accept nothing; suspended ones only leaving the suspended state.
pub(crate) fn check_status(account: &Account, when_suspended: bool) -> Result<(), DomainError> {
    let name = || account.friendly_name.clone();
    match account.status {
        AccountStatus::Active => Ok(()),
        AccountStatus::Suspended if when_suspended => Ok(()),
        AccountStatus::Suspended => Err(DomainError::AccountSuspended { account: name() }),
        AccountStatus::Closed => Err(DomainError::AccountClosed { account: name() }),
    }
}
