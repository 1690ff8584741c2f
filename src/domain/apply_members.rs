//! Commands on membership: invitations, roles, removal, leaving, ownership.

use super::account::Member;
use super::actor::Actor;
use super::apply::{Ctx, Outcome, check_status};
use super::console::Console;
use super::email::Email;
use super::error::DomainError;
use super::event::EventKind;
use super::invitation::{Invitation, InvitationId, InvitationState, InvitationStatus};
use super::name::{PERSON_NAME_MAX, clean_name};
use super::roles::RoleSet;
use super::sid::{AccountSid, UserSid};
use super::time::Timestamp;
use super::user::ConsoleUser;

impl Console {
    /// Whether `email` has a pending invitation to `account` other than `except`.
    fn has_pending_invitation(
        &self,
        account: &AccountSid,
        email: &Email,
        now: Timestamp,
        except: Option<InvitationId>,
    ) -> bool {
        let Some(acc) = self.accounts.get(account) else {
            return false;
        };
        let keys = self
            .index
            .invitations_by_email
            .get(email)
            .into_iter()
            .flatten();
        keys.filter(|(a, id)| a == account && Some(*id) != except)
            .filter_map(|(_, id)| acc.invitations.get(id))
            .any(|i| i.status(now) == InvitationStatus::Pending)
    }

    /// Whether the Console user with `email`, if any, is a member of `account`.
    fn is_member_email(&self, account: &AccountSid, email: &Email) -> bool {
        let user = self.index.user_by_email.get(email);
        user.is_some_and(|u| {
            self.accounts
                .get(account)
                .is_some_and(|a| a.members.contains_key(u))
        })
    }

    pub(crate) fn invite(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        email: Email,
        roles: RoleSet,
    ) -> Outcome {
        let (by, _, acc) = self.authorize(ctx, &account)?;
        let id = InvitationId(acc.next_invitation_id);
        if roles.is_owner() {
            return Err(DomainError::OwnerRoleNotAssignable);
        }
        if self.is_member_email(&account, &email) {
            return Err(DomainError::AlreadyMember(email));
        }
        if self.has_pending_invitation(&account, &email, ctx.now, None) {
            return Err(DomainError::DuplicateInvitation(email));
        }
        let expires = ctx.now.plus_seven_days();
        let invitation = Invitation {
            id,
            email: email.clone(),
            roles,
            invited_by: by,
            created: ctx.now,
            sent: ctx.now,
            expires,
            state: InvitationState::Open,
        };
        let acc = self.account_mut(&account)?;
        acc.invitations.insert(id, invitation);
        acc.next_invitation_id += 1;
        self.index
            .invitations_by_email
            .entry(email.clone())
            .or_default()
            .insert((account.clone(), id));
        Ok((
            Some(account),
            EventKind::Invited {
                invitation: id,
                email,
                roles,
                expires,
            },
        ))
    }

    /// Resending renews the seven days; it works for pending and expired invitations.
    pub(crate) fn resend_invitation(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        id: InvitationId,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        let invitation = acc
            .invitations
            .get(&id)
            .ok_or(DomainError::UnknownInvitation(id))?;
        let email = invitation.email.clone();
        if let status @ (InvitationStatus::Revoked | InvitationStatus::Accepted) =
            invitation.status(ctx.now)
        {
            return Err(DomainError::InvitationClosed(status));
        }
        if self.is_member_email(&account, &email) {
            return Err(DomainError::AlreadyMember(email));
        }
        if self.has_pending_invitation(&account, &email, ctx.now, Some(id)) {
            return Err(DomainError::DuplicateInvitation(email));
        }
        let expires = ctx.now.plus_seven_days();
        if let Some(invitation) = self.account_mut(&account)?.invitations.get_mut(&id) {
            invitation.sent = ctx.now;
            invitation.expires = expires;
        }
        Ok((
            Some(account),
            EventKind::InvitationResent {
                invitation: id,
                email,
                expires,
            },
        ))
    }

    pub(crate) fn revoke_invitation(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        id: InvitationId,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        let invitation = acc
            .invitations
            .get(&id)
            .ok_or(DomainError::UnknownInvitation(id))?;
        let email = invitation.email.clone();
        if let status @ (InvitationStatus::Revoked | InvitationStatus::Accepted) =
            invitation.status(ctx.now)
        {
            return Err(DomainError::InvitationClosed(status));
        }
        if let Some(invitation) = self.account_mut(&account)?.invitations.get_mut(&id) {
            invitation.state = InvitationState::Revoked { at: ctx.now };
        }
        Ok((
            Some(account),
            EventKind::InvitationRevoked {
                invitation: id,
                email,
            },
        ))
    }

    /// Only the invited email can accept. A Console user accepts as themself; someone known
    /// only by email accepts as that email, which creates their Console user (named
    /// `full_name`) unless one with that email exists already.
    pub(crate) fn accept_invitation(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        id: InvitationId,
        full_name: Option<&str>,
    ) -> Outcome {
        let (existing, email) = match ctx.actor {
            Actor::User(sid) => {
                let user = self
                    .users
                    .get(sid)
                    .ok_or_else(|| DomainError::UnknownUser(sid.clone()))?;
                (Some(sid.clone()), user.email.clone())
            }
            Actor::Email(email) => (self.index.user_by_email.get(email).cloned(), email.clone()),
            Actor::Sso(_) => {
                return Err(DomainError::WrongActor {
                    action: ctx.action,
                    needed: "the invited Console user or email",
                });
            }
        };
        let acc = self.account_ref(&account)?;
        check_status(acc, false)?;
        let invitation = acc
            .invitations
            .get(&id)
            .ok_or(DomainError::UnknownInvitation(id))?;
        if invitation.email != email {
            return Err(DomainError::InvitationForAnotherEmail);
        }
        match invitation.status(ctx.now) {
            InvitationStatus::Pending => {}
            InvitationStatus::Expired => {
                return Err(DomainError::InvitationExpired {
                    expired: invitation.expires,
                });
            }
            status => return Err(DomainError::InvitationClosed(status)),
        }
        let roles = invitation.roles;
        if existing
            .as_ref()
            .is_some_and(|u| acc.members.contains_key(u))
        {
            return Err(DomainError::AlreadyMember(email));
        }
        let (user, user_created) = match existing {
            Some(user) => (user, false),
            None => {
                let full_name =
                    clean_name("full name", full_name.unwrap_or_default(), PERSON_NAME_MAX)?;
                let sid = UserSid::generate(&mut self.random);
                self.insert_user(ConsoleUser {
                    sid: sid.clone(),
                    email,
                    full_name,
                    created: ctx.now,
                });
                (sid, true)
            }
        };
        let acc = self.account_mut(&account)?;
        acc.members.insert(
            user.clone(),
            Member {
                roles,
                since: ctx.now,
            },
        );
        if let Some(invitation) = acc.invitations.get_mut(&id) {
            invitation.state = InvitationState::Accepted {
                at: ctx.now,
                user: user.clone(),
            };
        }
        self.index.add_membership(&user, &account);
        Ok((
            Some(account),
            EventKind::InvitationAccepted {
                invitation: id,
                user,
                roles,
                user_created,
            },
        ))
    }

    pub(crate) fn change_roles(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        user: UserSid,
        roles: RoleSet,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        if roles.is_owner() {
            return Err(DomainError::OwnerRoleNotAssignable);
        }
        let from = acc
            .roles_of(&user)
            .ok_or_else(|| DomainError::TargetNotMember(user.clone()))?;
        if from.is_owner() {
            return Err(DomainError::OwnerUnchangeable);
        }
        if let Some(member) = self.account_mut(&account)?.members.get_mut(&user) {
            member.roles = roles;
            member.since = ctx.now;
        }
        Ok((
            Some(account),
            EventKind::RolesChanged {
                user,
                from,
                to: roles,
            },
        ))
    }

    /// Removes access to this account only; the Console user stays.
    pub(crate) fn remove_member(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        user: UserSid,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        let roles = acc
            .roles_of(&user)
            .ok_or_else(|| DomainError::TargetNotMember(user.clone()))?;
        if roles.is_owner() {
            return Err(DomainError::OwnerUnchangeable);
        }
        self.account_mut(&account)?.members.remove(&user);
        self.index.remove_membership(&user, &account);
        Ok((Some(account), EventKind::MemberRemoved { user }))
    }

    pub(crate) fn leave_account(&mut self, ctx: &Ctx, account: AccountSid) -> Outcome {
        let (user, roles, _) = self.authorize(ctx, &account)?;
        if roles.is_owner() {
            return Err(DomainError::OwnerCannotLeave);
        }
        self.account_mut(&account)?.members.remove(&user);
        self.index.remove_membership(&user, &account);
        Ok((Some(account), EventKind::MemberLeft { user }))
    }

    /// Ownership moves only here, to an existing member; the old Owner stays as Administrator.
    pub(crate) fn transfer_ownership(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        to: UserSid,
    ) -> Outcome {
        let (from, _, acc) = self.authorize(ctx, &account)?;
        if to == from {
            return Err(DomainError::TransferToSelf);
        }
        if !acc.members.contains_key(&to) {
            return Err(DomainError::TransferTargetNotMember);
        }
        let acc = self.account_mut(&account)?;
        for (sid, roles) in [(&to, RoleSet::owner()), (&from, RoleSet::administrator())] {
            if let Some(member) = acc.members.get_mut(sid) {
                member.roles = roles;
                member.since = ctx.now;
            }
        }
        Ok((Some(account), EventKind::OwnershipTransferred { from, to }))
    }
}
