//! Commands on membership: invitations, roles, removal, leaving, ownership.

use crate::apply::{Checked, Ctx, change, check_status};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::identity::account::Member;
use crate::identity::actor::Actor;
use crate::identity::email::Email;
use crate::identity::invitation::{Invitation, InvitationId, InvitationState, InvitationStatus};
use crate::identity::name::{PERSON_NAME_MAX, clean_name};
use crate::identity::roles::RoleSet;
use crate::identity::user::ConsoleUser;
use crate::revision::Revision;
use crate::sid::{AccountSid, UserSid};
use crate::time::Timestamp;

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

    /// Whether `email` may be sent an invitation to `account` (again, for `resending`): not a
    /// member yet, and no other invitation pending.
    fn invitable(
        &self,
        account: &AccountSid,
        email: &Email,
        now: Timestamp,
        resending: Option<InvitationId>,
    ) -> Result<(), DomainError> {
        if self.is_member_email(account, email) {
            return Err(DomainError::AlreadyMember(email.clone()));
        }
        if self.has_pending_invitation(account, email, now, resending) {
            return Err(DomainError::DuplicateInvitation(email.clone()));
        }
        Ok(())
    }

    pub(crate) fn invite<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        email: &'c Email,
        roles: RoleSet,
    ) -> Checked<'c> {
        let (by, _, acc) = self.authorize(ctx, account)?;
        if roles.is_owner() {
            return Err(DomainError::OwnerRoleNotAssignable);
        }
        self.invitable(account, email, ctx.now, None)?;
        let id = InvitationId(acc.next_invitation_id);
        change(move |c, ctx| {
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
            if let Some(acc) = c.account_mut(account) {
                acc.invitations.insert(id, invitation);
                acc.next_invitation_id += 1;
            }
            c.index
                .invitations_by_email
                .entry(email.clone())
                .or_default()
                .insert((*account, id));
            let kind = EventKind::Invited {
                invitation: id,
                email: email.clone(),
                roles,
                expires,
            };
            (Some(*account), kind)
        })
    }

    /// Resending renews the seven days; it works for pending and expired invitations.
    pub(crate) fn resend_invitation<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        id: InvitationId,
    ) -> Checked<'c> {
        let email = self.open_invitation(ctx, account, id)?;
        self.invitable(account, &email, ctx.now, Some(id))?;
        change(move |c, ctx| {
            let expires = ctx.now.plus_seven_days();
            if let Some(invitation) = c
                .account_mut(account)
                .and_then(|acc| acc.invitations.get_mut(&id))
            {
                invitation.sent = ctx.now;
                invitation.expires = expires;
            }
            let kind = EventKind::InvitationResent {
                invitation: id,
                email,
                expires,
            };
            (Some(*account), kind)
        })
    }

    pub(crate) fn revoke_invitation<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        id: InvitationId,
    ) -> Checked<'c> {
        let email = self.open_invitation(ctx, account, id)?;
        change(move |c, ctx| {
            if let Some(invitation) = c
                .account_mut(account)
                .and_then(|acc| acc.invitations.get_mut(&id))
            {
                invitation.state = InvitationState::Revoked { at: ctx.now };
            }
            let kind = EventKind::InvitationRevoked {
                invitation: id,
                email,
            };
            (Some(*account), kind)
        })
    }

    /// The checks resending and revoking share: allowed, and the invitation is neither
    /// accepted nor revoked. Gives the invitation's email.
    fn open_invitation(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        id: InvitationId,
    ) -> Result<Email, DomainError> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let invitation = acc
            .invitations
            .get(&id)
            .ok_or(DomainError::UnknownInvitation(id))?;
        match invitation.status(ctx.now) {
            status @ (InvitationStatus::Revoked | InvitationStatus::Accepted) => {
                Err(DomainError::InvitationClosed(status))
            }
            _ => Ok(invitation.email.clone()),
        }
    }

    /// Only the invited email can accept. A Console user accepts as themself; someone known
    /// only by email accepts as that email, which creates their Console user (named
    /// `full_name`) unless one with that email exists already.
    pub(crate) fn accept_invitation<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        id: InvitationId,
        full_name: Option<&str>,
    ) -> Checked<'c> {
        let (existing, email) = match ctx.actor {
            Actor::User(sid) => {
                let user = self.users.get(sid).ok_or(DomainError::UnknownUser(*sid))?;
                (Some(*sid), user.email.clone())
            }
            Actor::Email(email) => (self.index.user_by_email.get(email).cloned(), email.clone()),
            Actor::Sso(_) | Actor::Clock | Actor::Simulator => {
                return Err(DomainError::WrongActor {
                    action: ctx.action,
                    needed: "the invited Console user or email",
                });
            }
        };
        let acc = self.account_ref(account)?;
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
        // A new Console user needs a name; one who exists keeps theirs.
        let new_name = match existing {
            Some(_) => None,
            None => Some(clean_name(
                "full name",
                full_name.unwrap_or_default(),
                PERSON_NAME_MAX,
            )?),
        };
        change(move |c, ctx| {
            let (user, user_created) = match (existing, new_name) {
                (Some(user), _) => (user, false),
                (None, full_name) => {
                    let sid = UserSid::generate(&mut c.random);
                    c.insert_user(ConsoleUser {
                        sid,
                        email,
                        full_name: full_name.unwrap_or_default(),
                        created: ctx.now,
                    });
                    (sid, true)
                }
            };
            if let Some(acc) = c.account_mut(account) {
                acc.members.insert(
                    user,
                    Member {
                        roles,
                        since: ctx.now,
                        revision: Revision::default(),
                    },
                );
                if let Some(invitation) = acc.invitations.get_mut(&id) {
                    invitation.state = InvitationState::Accepted { at: ctx.now, user };
                }
            }
            c.index.add_membership(&user, account);
            let kind = EventKind::InvitationAccepted {
                invitation: id,
                user,
                roles,
                user_created,
            };
            (Some(*account), kind)
        })
    }

    pub(crate) fn change_roles<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        user: &'c UserSid,
        roles: RoleSet,
        revision: Option<u64>,
    ) -> Checked<'c> {
        let from = self.changeable_member(ctx, account, user)?;
        if let Some(member) = self.account_ref(account)?.members.get(user) {
            self.check_seen(&member.revision, revision, || {
                format!("{}'s roles", self.user_name(user))
            })?;
        }
        if roles.is_owner() {
            return Err(DomainError::OwnerRoleNotAssignable);
        }
        change(move |c, ctx| {
            if let Some(member) = c
                .account_mut(account)
                .and_then(|acc| acc.members.get_mut(user))
            {
                member.roles = roles;
                member.since = ctx.now;
                member.revision = member.revision.next(ctx.actor, ctx.now);
            }
            let kind = EventKind::RolesChanged {
                user: *user,
                from,
                to: roles,
            };
            (Some(*account), kind)
        })
    }

    /// Removes access to this account only; the Console user stays.
    pub(crate) fn remove_member<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        user: &'c UserSid,
    ) -> Checked<'c> {
        self.changeable_member(ctx, account, user)?;
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account) {
                acc.members.remove(user);
            }
            c.index.remove_membership(user, account);
            let kind = EventKind::MemberRemoved { user: *user };
            (Some(*account), kind)
        })
    }

    /// The checks changing and removing a member share: allowed, the user is a member,
    /// and not the Owner. Gives the member's roles.
    fn changeable_member(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        user: &UserSid,
    ) -> Result<RoleSet, DomainError> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let roles = acc
            .roles_of(user)
            .ok_or_else(|| DomainError::TargetNotMember {
                name: self.user_name(user),
                account: acc.friendly_name.clone(),
            })?;
        if roles.is_owner() {
            return Err(DomainError::OwnerUnchangeable);
        }
        Ok(roles)
    }

    pub(crate) fn leave_account<'c>(&self, ctx: &Ctx, account: &'c AccountSid) -> Checked<'c> {
        let (user, roles, _) = self.authorize(ctx, account)?;
        if roles.is_owner() {
            return Err(DomainError::OwnerCannotLeave);
        }
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account) {
                acc.members.remove(&user);
            }
            c.index.remove_membership(&user, account);
            (Some(*account), EventKind::MemberLeft { user })
        })
    }

    /// Ownership moves only here, to an existing member; the old Owner stays as Administrator.
    pub(crate) fn transfer_ownership<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        to: &'c UserSid,
    ) -> Checked<'c> {
        let (from, _, acc) = self.authorize(ctx, account)?;
        if *to == from {
            return Err(DomainError::TransferToSelf);
        }
        if !acc.members.contains_key(to) {
            return Err(DomainError::TransferTargetNotMember);
        }
        change(move |c, ctx| {
            if let Some(acc) = c.account_mut(account) {
                for (sid, roles) in [(to, RoleSet::owner()), (&from, RoleSet::administrator())] {
                    if let Some(member) = acc.members.get_mut(sid) {
                        member.roles = roles;
                        member.since = ctx.now;
                        member.revision = member.revision.next(ctx.actor, ctx.now);
                    }
                }
            }
            let kind = EventKind::OwnershipTransferred { from, to: *to };
            (Some(*account), kind)
        })
    }
}
