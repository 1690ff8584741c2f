//! One test per business rule, including each refusal and its message.

mod common;
use common::*;
use flex_console::domain::*;

// ---------- accounts ----------

#[test]
fn creating_an_account_makes_the_creator_its_only_owner() {
    let mut c = demo();
    let emma = user(&c, EMMA);
    let event = ok(
        &mut c,
        &emma,
        Command::CreateAccount {
            friendly_name: " Emma's Lab ".into(),
            account_type: AccountType::Trial,
        },
    );
    let sid = event.account.clone().unwrap();
    let account = c.account(&sid).unwrap();
    assert_eq!(account.friendly_name, "Emma's Lab");
    assert_eq!(account.owner(), emma.user());
    assert_eq!(account.members.len(), 1);
    assert_eq!(account.status, AccountStatus::Active);
    assert!(account.flex.is_none());
    assert_eq!(event.by, emma);
    assert_eq!(event.at, now());
    assert!(matches!(event.kind, EventKind::AccountCreated { .. }));
}

#[test]
fn creating_an_account_needs_a_console_user_and_a_name() {
    let mut c = demo();
    let stranger = Actor::Email(email("someone@example.com"));
    let cmd = Command::CreateAccount {
        friendly_name: "X".into(),
        account_type: AccountType::Trial,
    };
    assert_eq!(
        refused(&mut c, &stranger, cmd),
        "Creating an account needs a signed-in Console user."
    );
    let cmd = Command::CreateAccount {
        friendly_name: "   ".into(),
        account_type: AccountType::Trial,
    };
    assert_eq!(
        refused_by(&mut c, EMMA, cmd),
        "The account name must not be empty."
    );
    let cmd = Command::CreateAccount {
        friendly_name: "x".repeat(65),
        account_type: AccountType::Trial,
    };
    assert_eq!(
        refused_by(&mut c, EMMA, cmd),
        "The account name is too long."
    );
}

#[test]
fn a_user_may_own_many_accounts_and_hold_roles_in_others() {
    let c = demo();
    let ahmed = user_sid(&c, AHMED);
    let owned = c.accounts_of(&ahmed);
    assert_eq!(owned.len(), 2);
    assert!(owned.iter().all(|(_, roles)| roles.is_owner()));
    let maria = user_sid(&c, MARIA);
    let mut mine: Vec<(String, RoleSet)> = c
        .accounts_of(&maria)
        .into_iter()
        .map(|(a, r)| (a.friendly_name.clone(), r))
        .collect();
    mine.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        mine,
        vec![
            (ACME.to_owned(), RoleSet::owner()),
            (GLOBEX.to_owned(), RoleSet::only(ConsoleRole::Support))
        ]
    );
}

#[test]
fn renaming_needs_project_settings() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let cmd = Command::RenameAccount {
        account: acme.clone(),
        friendly_name: "Acme".into(),
    };
    assert_eq!(
        refused_by(&mut c, LIAM, cmd.clone()),
        "Renaming the account needs the Owner or Administrator role. You are Developer on Acme Support."
    );
    let event = ok_by(&mut c, PRIYA, cmd);
    assert_eq!(
        event.kind,
        EventKind::AccountRenamed {
            from: ACME.into(),
            to: "Acme".into()
        }
    );
}

#[test]
fn non_members_are_refused() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    let cmd = Command::RenameAccount {
        account: initech,
        friendly_name: "Mine".into(),
    };
    assert_eq!(
        refused_by(&mut c, JAMES, cmd),
        "You are not a member of Initech Labs; a member with the Owner or Administrator role can invite you."
    );
}

#[test]
fn suspending_and_reactivating_need_owner_or_administrator() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let suspend = Command::SuspendAccount {
        account: acme.clone(),
    };
    assert_eq!(
        refused_by(&mut c, NOAH, suspend.clone()),
        "Suspending the account needs the Owner or Administrator role. You are Support on Acme Support."
    );
    ok_by(&mut c, PRIYA, suspend.clone());
    assert_eq!(c.account(&acme).unwrap().status, AccountStatus::Suspended);
    let suspended = "Acme Support is suspended: it must be reactivated first, which needs the Owner or Administrator role.";
    assert_eq!(refused_by(&mut c, PRIYA, suspend), suspended);
    let launch = Command::LaunchFlex {
        account: acme.clone(),
    };
    assert_eq!(refused_by(&mut c, MARIA, launch), suspended);
    let reactivate = Command::ReactivateAccount {
        account: acme.clone(),
    };
    assert_eq!(
        refused_by(&mut c, LIAM, reactivate.clone()),
        "Reactivating the account needs the Owner or Administrator role. You are Developer on Acme Support."
    );
    ok_by(&mut c, MARIA, reactivate.clone());
    assert_eq!(c.account(&acme).unwrap().status, AccountStatus::Active);
    assert_eq!(
        refused_by(&mut c, MARIA, reactivate),
        "This account is active; only a suspended account can be reactivated."
    );
}

#[test]
fn closing_is_owner_only_and_final() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let close = Command::CloseAccount {
        account: acme.clone(),
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, close.clone()),
        "Closing the account needs the Owner role. You are Administrator on Acme Support."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, close.clone()),
        "Closing the account needs the Owner role. You are Developer on Acme Support."
    );
    ok_by(&mut c, MARIA, close.clone());
    let closed = "Acme Support is closed; a closed account cannot be changed or reactivated.";
    assert_eq!(
        refused_by(
            &mut c,
            MARIA,
            Command::ReactivateAccount {
                account: acme.clone()
            }
        ),
        closed
    );
    assert_eq!(refused_by(&mut c, MARIA, close), closed);
    let hooli = account(&c, HOOLI);
    assert_eq!(
        refused_by(&mut c, AHMED, Command::ReactivateAccount { account: hooli }),
        "Hooli Sandbox is closed; a closed account cannot be changed or reactivated."
    );
}

#[test]
fn a_suspended_account_can_be_closed_by_its_owner() {
    let mut c = demo();
    let umbrella = account(&c, UMBRELLA);
    ok_by(
        &mut c,
        AHMED,
        Command::CloseAccount {
            account: umbrella.clone(),
        },
    );
    assert_eq!(c.account(&umbrella).unwrap().status, AccountStatus::Closed);
}

// ---------- Auth Tokens ----------

#[test]
fn promoting_the_secondary_token_makes_the_old_primary_gone() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let liam = user(&c, LIAM);
    let old = c.account(&acme).unwrap().auth_token.clone();
    assert_eq!(
        refused(
            &mut c,
            &liam,
            Command::PromoteSecondaryToken {
                account: acme.clone()
            }
        ),
        "This account has no secondary Auth Token; create one first."
    );
    ok(
        &mut c,
        &liam,
        Command::CreateSecondaryToken {
            account: acme.clone(),
        },
    );
    assert_eq!(
        refused(
            &mut c,
            &liam,
            Command::CreateSecondaryToken {
                account: acme.clone()
            }
        ),
        "This account already has a secondary Auth Token; promote or delete it first."
    );
    let secondary = c
        .account(&acme)
        .unwrap()
        .secondary_auth_token
        .clone()
        .unwrap();
    assert_ne!(secondary, old);
    ok(
        &mut c,
        &liam,
        Command::PromoteSecondaryToken {
            account: acme.clone(),
        },
    );
    let (primary, second) = c.auth_tokens(&liam, &acme).unwrap();
    assert_eq!(primary, &secondary);
    assert_eq!(second, None);
    let json = c.to_json().unwrap();
    assert!(!json.contains(old.as_str()), "the old primary must be gone");
}

#[test]
fn deleting_the_secondary_token() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    let emma = user(&c, EMMA);
    ok(
        &mut c,
        &emma,
        Command::DeleteSecondaryToken {
            account: initech.clone(),
        },
    );
    assert!(c.account(&initech).unwrap().secondary_auth_token.is_none());
    assert_eq!(
        refused(
            &mut c,
            &emma,
            Command::DeleteSecondaryToken { account: initech }
        ),
        "This account has no secondary Auth Token; create one first."
    );
}

#[test]
fn tokens_are_for_owner_administrator_and_developer_only() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let cmd = Command::CreateSecondaryToken {
        account: globex.clone(),
    };
    let message = |role: &str| {
        format!("Creating a secondary Auth Token needs the Owner, Administrator or Developer role. You are {role} on Globex Contact Center.")
    };
    assert_eq!(refused_by(&mut c, SOFIA, cmd.clone()), message("Billing Manager"));
    assert_eq!(refused_by(&mut c, MARIA, cmd), message("Support"));
    let error = c.auth_tokens(&user(&c, SOFIA), &globex).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Seeing the Auth Token needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
    assert!(
        c.auth_tokens(&user(&c, GRACE), &globex).is_ok(),
        "Developer + Support sees the token"
    );
}

// ---------- sign-up ----------

#[test]
fn signing_up_creates_a_console_user_once_per_email() {
    let mut c = demo();
    let new = Actor::Email(email("new.person@example.com"));
    let event = ok(
        &mut c,
        &new,
        Command::SignUp {
            full_name: "New Person".into(),
        },
    );
    let EventKind::SignedUp { user, .. } = event.kind else {
        panic!()
    };
    assert_eq!(c.user(&user).unwrap().full_name, "New Person");
    let shouty = Actor::Email(email("New.Person@Example.COM"));
    assert_eq!(
        refused(
            &mut c,
            &shouty,
            Command::SignUp {
                full_name: "Again".into()
            }
        ),
        "A Console user with the email new.person@example.com already exists."
    );
    assert_eq!(
        refused_by(
            &mut c,
            MARIA,
            Command::SignUp {
                full_name: "X".into()
            }
        ),
        "Signing up needs an email address without a Console user."
    );
}

// ---------- invitations ----------

#[test]
fn inviting_needs_owner_or_administrator() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let cmd = Command::Invite {
        account: acme,
        email: email("x@example.com"),
        roles: RoleSet::only(ConsoleRole::Developer),
    };
    for (who, role) in [(LIAM, "Developer"), (NOAH, "Support")] {
        assert_eq!(
            refused_by(&mut c, who, cmd.clone()),
            format!("Inviting users needs the Owner or Administrator role. You are {role} on Acme Support.")
        );
    }
    ok_by(&mut c, PRIYA, cmd);
}

#[test]
fn nobody_is_invited_as_owner() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let cmd = Command::Invite {
        account: acme,
        email: email("x@example.com"),
        roles: RoleSet::owner(),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, cmd),
        "Nobody can be given the Owner role by invitation or role change; the Owner can transfer ownership to an existing member instead."
    );
}

#[test]
fn current_members_cannot_be_invited_whatever_the_case_of_their_email() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let cmd = Command::Invite {
        account: acme,
        email: email("Liam.OBrien@Example.com"),
        roles: RoleSet::administrator(),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, cmd),
        "liam.obrien@example.com is already a member of this account."
    );
}

#[test]
fn no_duplicate_pending_invitation_but_a_new_one_after_expiry() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let maria = user(&c, MARIA);
    let again = Command::Invite {
        account: acme.clone(),
        email: email("OLIVER.smith@example.com"),
        roles: RoleSet::administrator(),
    };
    assert_eq!(
        refused(&mut c, &maria, again),
        "oliver.smith@example.com already has a pending invitation to this account; resend or revoke it instead."
    );
    // ava.jones's invitation expired: a fresh one is allowed.
    let ava = Command::Invite {
        account: acme.clone(),
        email: email("ava.jones@example.com"),
        roles: RoleSet::only(ConsoleRole::Support),
    };
    ok(&mut c, &maria, ava);
    // The same email may be pending in another account.
    let globex = account(&c, GLOBEX);
    let elsewhere = Command::Invite {
        account: globex,
        email: email("oliver.smith@example.com"),
        roles: RoleSet::only(ConsoleRole::Developer),
    };
    ok_by(&mut c, JAMES, elsewhere);
    assert_eq!(
        c.pending_invitations_for(&email("oliver.smith@example.com"), now())
            .len(),
        2
    );
}

#[test]
fn invitations_expire_after_seven_days_and_resending_renews_them() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let maria = user(&c, MARIA);
    let t = now();
    let event = c
        .apply(
            &maria,
            Command::Invite {
                account: acme.clone(),
                email: email("new@example.com"),
                roles: RoleSet::only(ConsoleRole::Developer),
            },
            t,
        )
        .unwrap();
    let EventKind::Invited {
        invitation,
        expires,
        ..
    } = event.kind
    else {
        panic!()
    };
    assert_eq!(expires, Timestamp(t.0 + 7 * 24 * 3_600_000));
    let inv = c.account(&acme).unwrap().invitations[&invitation].clone();
    assert_eq!(
        inv.status(Timestamp(expires.0 - 1)),
        InvitationStatus::Pending
    );
    assert_eq!(inv.status(expires), InvitationStatus::Expired);

    let newcomer = Actor::Email(email("new@example.com"));
    let accept = Command::AcceptInvitation {
        account: acme.clone(),
        invitation,
        full_name: Some("New Person".into()),
    };
    let before = c.clone();
    let error = c.apply(&newcomer, accept.clone(), expires).unwrap_err();
    assert!(c == before);
    assert_eq!(
        error.to_string(),
        format!(
            "This invitation expired on {expires}; ask a member with the Owner or Administrator role to resend it."
        )
    );
    assert!(error.to_string().contains("UTC"));

    let later = expires.plus_days(3);
    let resend = Command::ResendInvitation {
        account: acme.clone(),
        invitation,
    };
    let event = c.apply(&maria, resend, later).unwrap();
    assert_eq!(
        event.kind,
        EventKind::InvitationResent {
            invitation,
            email: email("new@example.com"),
            expires: later.plus_seven_days()
        }
    );
    c.apply(&newcomer, accept, later.plus_days(6)).unwrap();
}

#[test]
fn the_demo_has_pending_expired_and_revoked_invitations() {
    let c = demo();
    let acme = account(&c, ACME);
    let statuses: Vec<(String, InvitationStatus)> = c
        .invitations(&acme, now())
        .into_iter()
        .map(|(i, s)| (i.email.to_string(), s))
        .collect();
    assert!(statuses.contains(&("ava.jones@example.com".into(), InvitationStatus::Expired)));
    assert!(statuses.contains(&("oliver.smith@example.com".into(), InvitationStatus::Pending)));
    let globex = account(&c, GLOBEX);
    let statuses: Vec<InvitationStatus> = c
        .invitations(&globex, now())
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert!(statuses.contains(&InvitationStatus::Revoked));
    assert!(statuses.contains(&InvitationStatus::Accepted));
    assert_eq!(
        c.pending_invitations_for(&email("ava.jones@example.com"), now())
            .len(),
        0
    );
    assert_eq!(
        c.pending_invitations_for(&email("Mia.Wilson@example.com"), now())
            .len(),
        1
    );
}

fn invitation_for(c: &Console, account: &AccountSid, address: &str) -> InvitationId {
    c.invitations(account, now())
        .into_iter()
        .find(|(i, _)| i.email.as_str() == address)
        .unwrap()
        .0
        .id
}

#[test]
fn resending_and_revoking_rules() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let ethan = invitation_for(&c, &globex, "ethan.brown@example.com");
    let mia = invitation_for(&c, &globex, "mia.wilson@example.com");
    let james = user(&c, JAMES);
    assert_eq!(
        refused(
            &mut c,
            &james,
            Command::ResendInvitation {
                account: globex.clone(),
                invitation: ethan
            }
        ),
        "This invitation was already revoked."
    );
    assert_eq!(
        refused(
            &mut c,
            &james,
            Command::RevokeInvitation {
                account: globex.clone(),
                invitation: ethan
            }
        ),
        "This invitation was already revoked."
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            Command::RevokeInvitation {
                account: globex.clone(),
                invitation: mia
            }
        ),
        "Revoking invitations needs the Owner or Administrator role. You are Developer on Globex Contact Center."
    );
    assert_eq!(
        refused_by(
            &mut c,
            SOFIA,
            Command::ResendInvitation {
                account: globex.clone(),
                invitation: mia
            }
        ),
        "Resending invitations needs the Owner or Administrator role. You are Billing Manager on Globex Contact Center."
    );
    assert_eq!(
        refused(
            &mut c,
            &james,
            Command::RevokeInvitation {
                account: globex.clone(),
                invitation: InvitationId(999)
            }
        ),
        "There is no invitation 999 in this account."
    );
    ok(
        &mut c,
        &james,
        Command::RevokeInvitation {
            account: globex.clone(),
            invitation: mia,
        },
    );
    let accept = Command::AcceptInvitation {
        account: globex,
        invitation: mia,
        full_name: Some("Mia Wilson".into()),
    };
    assert_eq!(
        refused(
            &mut c,
            &Actor::Email(email("mia.wilson@example.com")),
            accept
        ),
        "This invitation was already revoked."
    );
}

#[test]
fn resending_an_expired_invitation_is_refused_when_another_is_pending() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let old = invitation_for(&c, &acme, "ava.jones@example.com");
    let maria = user(&c, MARIA);
    ok(
        &mut c,
        &maria,
        Command::Invite {
            account: acme.clone(),
            email: email("ava.jones@example.com"),
            roles: RoleSet::only(ConsoleRole::Support),
        },
    );
    assert_eq!(
        refused(
            &mut c,
            &maria,
            Command::ResendInvitation {
                account: acme,
                invitation: old
            }
        ),
        "ava.jones@example.com already has a pending invitation to this account; resend or revoke it instead."
    );
}

#[test]
fn only_the_invited_email_can_accept() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let oliver = invitation_for(&c, &acme, "oliver.smith@example.com");
    let accept = Command::AcceptInvitation {
        account: acme.clone(),
        invitation: oliver,
        full_name: Some("Oliver".into()),
    };
    let message = "This invitation was sent to another email address; sign in with that address to accept it.";
    assert_eq!(refused_by(&mut c, EMMA, accept.clone()), message);
    assert_eq!(
        refused(
            &mut c,
            &Actor::Email(email("not.oliver@example.com")),
            accept.clone()
        ),
        message
    );
    assert_eq!(
        refused(
            &mut c,
            &sso("oliver.smith@example.com", "O", &["agent"]),
            accept
        ),
        "Accepting an invitation needs the invited Console user or email."
    );
}

#[test]
fn accepting_as_an_email_creates_the_console_user() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let oliver = invitation_for(&c, &acme, "oliver.smith@example.com");
    let actor = Actor::Email(email("Oliver.Smith@example.com"));
    let nameless = Command::AcceptInvitation {
        account: acme.clone(),
        invitation: oliver,
        full_name: Some("  ".into()),
    };
    assert_eq!(
        refused(&mut c, &actor, nameless),
        "The full name must not be empty."
    );
    let accept = Command::AcceptInvitation {
        account: acme.clone(),
        invitation: oliver,
        full_name: Some("Oliver Smith".into()),
    };
    let event = ok(&mut c, &actor, accept.clone());
    let EventKind::InvitationAccepted {
        user,
        roles,
        user_created,
        ..
    } = event.kind
    else {
        panic!()
    };
    assert!(user_created);
    assert_eq!(roles, RoleSet::only(ConsoleRole::Developer));
    assert_eq!(c.user(&user).unwrap().full_name, "Oliver Smith");
    assert_eq!(c.account(&acme).unwrap().roles_of(&user), Some(roles));
    assert_eq!(
        c.invitations(&acme, now())
            .into_iter()
            .find(|(i, _)| i.id == oliver)
            .unwrap()
            .1,
        InvitationStatus::Accepted
    );
    assert_eq!(
        refused(&mut c, &actor, accept),
        "This invitation was already accepted."
    );
}

#[test]
fn accepting_as_an_email_that_has_a_user_joins_that_user() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let maria = user(&c, MARIA);
    ok(
        &mut c,
        &maria,
        Command::Invite {
            account: acme.clone(),
            email: email(EMMA),
            roles: RoleSet::only(ConsoleRole::BillingManager),
        },
    );
    let id = invitation_for(&c, &acme, EMMA);
    let event = ok(
        &mut c,
        &Actor::Email(email(EMMA)),
        Command::AcceptInvitation {
            account: acme.clone(),
            invitation: id,
            full_name: None,
        },
    );
    let EventKind::InvitationAccepted {
        user, user_created, ..
    } = event.kind
    else {
        panic!()
    };
    assert!(!user_created);
    assert_eq!(user, user_sid(&c, EMMA));
    assert_eq!(c.accounts_of(&user).len(), 2);
}

#[test]
fn accepting_into_a_suspended_account_is_refused() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let oliver = invitation_for(&c, &acme, "oliver.smith@example.com");
    ok_by(
        &mut c,
        MARIA,
        Command::SuspendAccount {
            account: acme.clone(),
        },
    );
    let accept = Command::AcceptInvitation {
        account: acme,
        invitation: oliver,
        full_name: Some("Oliver".into()),
    };
    assert!(
        refused(
            &mut c,
            &Actor::Email(email("oliver.smith@example.com")),
            accept
        )
        .starts_with("Acme Support is suspended")
    );
}

// ---------- roles, removal, leaving, ownership ----------

#[test]
fn changing_roles_needs_owner_or_administrator_and_never_touches_the_owner_role() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let liam = user_sid(&c, LIAM);
    let dev_bm = roles(&[ConsoleRole::Developer, ConsoleRole::BillingManager]);
    let change = Command::ChangeRoles {
        account: acme.clone(),
        user: liam.clone(),
        roles: dev_bm,
    };
    assert_eq!(
        refused_by(&mut c, NOAH, change.clone()),
        "Changing roles needs the Owner or Administrator role. You are Support on Acme Support."
    );
    let event = ok_by(&mut c, PRIYA, change);
    assert_eq!(
        event.kind,
        EventKind::RolesChanged {
            user: liam.clone(),
            from: RoleSet::only(ConsoleRole::Developer),
            to: dev_bm
        }
    );
    let promote = Command::ChangeRoles {
        account: acme.clone(),
        user: liam,
        roles: RoleSet::owner(),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, promote),
        "Nobody can be given the Owner role by invitation or role change; the Owner can transfer ownership to an existing member instead."
    );
    let demote = Command::ChangeRoles {
        account: acme.clone(),
        user: user_sid(&c, MARIA),
        roles: RoleSet::administrator(),
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, demote),
        "The Owner cannot be removed or given other roles; the Owner must first transfer ownership to another member."
    );
    let stranger = user_sid(&c, JAMES);
    let change = Command::ChangeRoles {
        account: acme,
        user: stranger.clone(),
        roles: RoleSet::administrator(),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, change),
        format!("{stranger} is not a member of this account.")
    );
}

#[test]
fn removing_a_member_removes_access_to_that_account_only() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let liam = user_sid(&c, LIAM);
    let remove = Command::RemoveMember {
        account: acme.clone(),
        user: liam.clone(),
    };
    assert_eq!(
        refused_by(&mut c, NOAH, remove.clone()),
        "Removing members needs the Owner or Administrator role. You are Support on Acme Support."
    );
    ok_by(&mut c, PRIYA, remove.clone());
    assert!(c.user(&liam).is_some(), "the Console user stays");
    let names: Vec<String> = c
        .accounts_of(&liam)
        .into_iter()
        .map(|(a, _)| a.friendly_name.clone())
        .collect();
    assert!(!names.contains(&ACME.to_owned()));
    assert!(names.contains(&GLOBEX.to_owned()));
    assert_eq!(
        refused_by(&mut c, PRIYA, remove),
        format!("{liam} is not a member of this account.")
    );
    let kick_owner = Command::RemoveMember {
        account: acme,
        user: user_sid(&c, MARIA),
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, kick_owner),
        "The Owner cannot be removed or given other roles; the Owner must first transfer ownership to another member."
    );
}

#[test]
fn members_may_leave_but_not_the_owner() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let maria = user(&c, MARIA);
    let event = ok(
        &mut c,
        &maria,
        Command::LeaveAccount {
            account: globex.clone(),
        },
    );
    assert_eq!(
        event.kind,
        EventKind::MemberLeft {
            user: maria.user().unwrap().clone()
        }
    );
    assert_eq!(c.accounts_of(maria.user().unwrap()).len(), 1);
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            Command::LeaveAccount {
                account: globex.clone()
            }
        ),
        "The Owner cannot leave the account; transfer ownership to another member first."
    );
    assert_eq!(
        refused(&mut c, &maria, Command::LeaveAccount { account: globex }),
        "You are not a member of Globex Contact Center; a member with the Owner or Administrator role can invite you."
    );
}

#[test]
fn ownership_moves_only_by_transfer_from_the_owner_to_a_member() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let liam = user_sid(&c, LIAM);
    let to_liam = Command::TransferOwnership {
        account: acme.clone(),
        to: liam.clone(),
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, to_liam.clone()),
        "Transferring ownership needs the Owner role. You are Administrator on Acme Support."
    );
    let to_james = Command::TransferOwnership {
        account: acme.clone(),
        to: user_sid(&c, JAMES),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, to_james),
        "Ownership can only be transferred to an existing member of this account; invite them first."
    );
    let to_self = Command::TransferOwnership {
        account: acme.clone(),
        to: user_sid(&c, MARIA),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, to_self),
        "You already own this account."
    );
    ok_by(&mut c, MARIA, to_liam);
    let a = c.account(&acme).unwrap();
    assert_eq!(a.owner(), Some(&liam));
    assert_eq!(
        a.roles_of(&user_sid(&c, MARIA)),
        Some(RoleSet::administrator())
    );
    // The demo's Initech Labs was transferred from Liam to Priya.
    let initech = c.account(&account(&c, INITECH)).unwrap();
    assert_eq!(initech.owner(), Some(&user_sid(&c, PRIYA)));
    assert_eq!(initech.roles_of(&liam), Some(RoleSet::administrator()));
}

#[test]
fn members_search_and_role_filter() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    assert_eq!(c.members(&globex, "", None).len(), 5);
    let found: Vec<&str> = c
        .members(&globex, "ROSSI", None)
        .iter()
        .map(|r| r.user.full_name.as_str())
        .collect();
    assert_eq!(found, vec!["Sofia Rossi"]);
    assert_eq!(c.members(&globex, "grace.lee@", None).len(), 1);
    let sid = user_sid(&c, JAMES);
    assert_eq!(
        c.members(&globex, &sid.as_str()[10..20].to_uppercase(), None)[0]
            .user
            .sid,
        sid
    );
    let support: Vec<&str> = c
        .members(&globex, "", Some(ConsoleRole::Support))
        .iter()
        .map(|r| r.user.full_name.as_str())
        .collect();
    assert_eq!(support, {
        let mut v = vec!["Maria Garcia", "Grace Lee"];
        v.sort_by_key(|n| c.members(&globex, n, None)[0].user.sid.clone());
        v
    });
    assert!(c.members(&globex, "nobody", None).is_empty());
}

// ---------- Flex instance, settings, plan ----------

#[test]
fn setting_up_flex_provisions_everything_once() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    let cmd = Command::CreateFlexInstance {
        account: initech.clone(),
    };
    assert_eq!(
        refused_by(&mut c, EMMA, cmd.clone()),
        "Setting up Flex needs the Owner or Administrator role. You are Developer + Billing Manager on Initech Labs."
    );
    let event = ok_by(&mut c, LIAM, cmd.clone());
    let o = c.flex_overview(&initech).unwrap();
    let f = o.instance;
    assert_eq!(
        event.kind,
        EventKind::FlexInstanceCreated {
            instance: f.sid.clone(),
            workspace: f.workspace.sid.clone(),
            runtime_domain: f.config.runtime_domain.clone(),
        }
    );
    assert!(f.sid.as_str().starts_with("GO"));
    assert_eq!(o.plan, &FlexPlan::Trial);
    assert_eq!(o.free_active_user_hours, 0);
    assert_eq!(o.worker_count, 0);
    assert_eq!(f.workspace.friendly_name, "Flex Task Assignment");
    assert_eq!(f.workspace.max_workers, 15_000);
    assert_eq!(f.workspace.workflow.friendly_name, "Assign To Anyone");
    assert_eq!(f.workspace.task_queue.friendly_name, "Everyone");
    assert_eq!(f.workspace.task_queue.target_workers, "1==1");
    let activities: Vec<&str> = f
        .workspace
        .activities
        .iter()
        .map(|a| a.friendly_name.as_str())
        .collect();
    assert_eq!(activities, ["Offline", "Available", "Unavailable"]);
    let channels: Vec<&str> = f
        .workspace
        .task_channels
        .iter()
        .map(|t| t.unique_name.as_str())
        .collect();
    assert_eq!(channels, ["voice", "chat", "sms", "email", "default"]);
    let flows: Vec<&str> = f
        .studio_flows
        .iter()
        .map(|s| s.friendly_name.as_str())
        .collect();
    assert_eq!(flows, ["Voice IVR", "Messaging Flow", "Webchat Flow"]);
    assert_eq!(
        f.conversations_service.friendly_name,
        "Flex Conversation Service"
    );
    assert!(f.conversations_service.sid.as_str().starts_with("IS"));
    assert_eq!(f.proxy_service.friendly_name, "Flex Proxy Service");
    assert!(f.proxy_service.sid.as_str().starts_with("KS"));
    assert!(f.functions_service.sid.as_str().starts_with("ZS"));
    assert!(
        f.flex_flows
            .iter()
            .all(|x| x.sid.as_str().starts_with("FO"))
    );
    assert_eq!(f.flex_flows.len(), 2);
    let cfg = o.config;
    assert_eq!(cfg.status, flex::ConfigStatus::Ok);
    assert_eq!(cfg.taskrouter_workspace_sid, f.workspace.sid);
    assert_eq!(cfg.taskrouter_target_workflow_sid, f.workspace.workflow.sid);
    assert_eq!(
        cfg.taskrouter_target_taskqueue_sid,
        f.workspace.task_queue.sid
    );
    assert_eq!(
        cfg.taskrouter_offline_activity_sid,
        f.workspace.activities[0].sid
    );
    assert_eq!(cfg.chat_service_instance_sid, f.conversations_service.sid);
    assert_eq!(
        cfg.serverless_service_sids,
        vec![f.functions_service.sid.clone()]
    );
    assert_eq!(cfg.settings.ui_version, "2.x");
    let domain = cfg.runtime_domain.strip_suffix(".twil.io").unwrap();
    let parts: Vec<&str> = domain.split('-').collect();
    assert_eq!(parts.len(), 3);
    assert!(parts[2].len() == 4 && parts[2].chars().all(|ch| ch.is_ascii_digit()));
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd),
        "This account already has a Flex instance; an account can have only one."
    );
    c.validate().unwrap();
}

#[test]
fn flex_settings_are_checked_and_need_project_settings() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let mut settings = FlexSettings {
        ui_version: "2.13.x".into(),
        call_recording_enabled: true,
        ..FlexSettings::default()
    };
    let cmd = |s: FlexSettings| Command::UpdateFlexSettings {
        account: acme.clone(),
        settings: s,
    };
    assert_eq!(
        refused_by(&mut c, LIAM, cmd(settings.clone())),
        "Changing Flex settings needs the Owner or Administrator role. You are Developer on Acme Support."
    );
    ok_by(&mut c, PRIYA, cmd(settings.clone()));
    assert_eq!(c.flex_overview(&acme).unwrap().config.settings, settings);
    settings.ui_version = "1.x".into();
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd(settings.clone())),
        "The Flex setting ui_version must be 2.x, 2.13.x or 2.12.x."
    );
    settings.ui_version = "2.x".into();
    settings.crm_enabled = true;
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd(settings.clone())),
        "The Flex setting crm_callback_url is needed when the CRM is enabled."
    );
    settings.crm_callback_url = Some("http://crm.example.com".into());
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd(settings.clone())),
        "The Flex setting crm_callback_url must be an https:// address."
    );
    settings.crm_callback_url = Some("https://crm.example.com/agent".into());
    ok_by(&mut c, PRIYA, cmd(settings));
    let initech = account(&c, INITECH);
    let no_flex = Command::UpdateFlexSettings {
        account: initech,
        settings: FlexSettings::default(),
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, no_flex),
        "This account has no Flex instance yet; setting up Flex needs the Owner or Administrator role."
    );
}

#[test]
fn upgrading_needs_billing_terms_and_a_payment_method() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let up = |terms: bool, pay: &str| Command::UpgradePlan {
        account: acme.clone(),
        billing_model: BillingModel::NamedUser,
        accept_fair_usage_terms: terms,
        payment_method: pay.into(),
    };
    assert_eq!(
        refused_by(&mut c, LIAM, up(true, "Visa")),
        "Upgrading Flex to a paid plan needs the Owner, Administrator or Billing Manager role. You are Developer on Acme Support."
    );
    assert_eq!(
        refused_by(&mut c, NOAH, up(true, "Visa")),
        "Upgrading Flex to a paid plan needs the Owner, Administrator or Billing Manager role. You are Support on Acme Support."
    );
    assert_eq!(
        refused_by(&mut c, PRIYA, up(false, "Visa")),
        "Upgrading Flex needs the fair-usage terms to be accepted."
    );
    assert_eq!(
        refused_by(&mut c, PRIYA, up(true, "  ")),
        "Upgrading Flex needs a payment method."
    );
    let event = ok_by(&mut c, PRIYA, up(true, "Mastercard ending 4444"));
    assert_eq!(
        event.kind,
        EventKind::PlanUpgraded {
            billing_model: BillingModel::NamedUser,
            free_active_user_hours: 5_000
        }
    );
    let o = c.flex_overview(&acme).unwrap();
    assert!(o.plan.is_paid());
    assert_eq!(o.free_active_user_hours, 5_000);
    assert_eq!(
        refused_by(&mut c, MARIA, up(true, "Visa")),
        "Flex is already on a paid plan in this account."
    );
    // A Billing Manager upgrades in the demo; Emma (Developer + Billing Manager) may too.
    let initech = account(&c, INITECH);
    ok_by(
        &mut c,
        PRIYA,
        Command::CreateFlexInstance {
            account: initech.clone(),
        },
    );
    let up = Command::UpgradePlan {
        account: initech.clone(),
        billing_model: BillingModel::ActiveUserHours,
        accept_fair_usage_terms: true,
        payment_method: "Visa".into(),
    };
    ok_by(&mut c, EMMA, up);
    assert_eq!(c.account(&initech).unwrap().account_type, AccountType::Full);
}

// ---------- launching Flex ----------

fn worker_of<'a>(c: &'a Console, account: &AccountSid, address: &str) -> &'a Worker {
    c.worker_by_identity(account, &email(address))
        .unwrap_or_else(|| panic!("no worker {address}"))
}

#[test]
fn console_launch_gives_admin_read_only_admin_or_refusal() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let acme = account(&c, ACME);
    assert_eq!(
        worker_of(&c, &globex, JAMES).role_names(),
        ["admin", "wfo.full_access"]
    );
    assert_eq!(
        worker_of(&c, &acme, MARIA).role_names(),
        ["admin", "wfo.full_access"],
        "a Console admin login grants wfo.full_access on a trial plan too"
    );
    assert_eq!(
        worker_of(&c, &globex, MARIA).role_names(),
        ["flex.readonlyadmin"]
    );
    let launch = Command::LaunchFlex {
        account: globex.clone(),
    };
    let event = ok_by(&mut c, LIAM, launch.clone());
    let EventKind::FlexLaunched {
        outcome,
        roles,
        worker_created,
        worker,
    } = event.kind
    else {
        panic!()
    };
    assert_eq!((outcome, worker_created), (LaunchOutcome::Admin, true));
    assert_eq!(roles, ["admin", "wfo.full_access"]);
    assert!(worker.as_str().starts_with("WK"));
    let event = ok_by(&mut c, GRACE, launch.clone());
    assert!(
        matches!(
            event.kind,
            EventKind::FlexLaunched {
                outcome: LaunchOutcome::Admin,
                ..
            }
        ),
        "Developer + Support launches as admin"
    );
    assert_eq!(
        refused_by(&mut c, SOFIA, launch),
        "Launching Flex needs the Owner, Administrator, Developer or Support role. You are Billing Manager on Globex Contact Center."
    );
    assert_eq!(
        c.launch_outcome(&user_sid(&c, SOFIA), &globex),
        LaunchOutcome::Denied
    );
    assert_eq!(
        c.launch_outcome(&user_sid(&c, MARIA), &globex),
        LaunchOutcome::ReadOnlyAdmin
    );
    assert_eq!(
        c.launch_outcome(&user_sid(&c, NOAH), &globex),
        LaunchOutcome::Denied,
        "not a member"
    );
}

#[test]
fn the_launch_preview_says_exactly_what_launching_would_do() {
    let c = demo();
    let mut checked = 0;
    for person in c.users().map(|u| u.sid.clone()).collect::<Vec<_>>() {
        for account in c.accounts().map(|a| a.sid.clone()).collect::<Vec<_>>() {
            let preview = c.launch_preview(&person, &account, now());
            let mut after = c.clone();
            let launched = after.apply(
                &Actor::User(person.clone()),
                Command::LaunchFlex {
                    account: account.clone(),
                },
                now(),
            );
            match (preview, launched) {
                (Ok((outcome, roles)), Ok(event)) => {
                    let EventKind::FlexLaunched {
                        outcome: o,
                        roles: r,
                        ..
                    } = event.kind
                    else {
                        panic!("launch gives FlexLaunched")
                    };
                    assert_eq!((outcome, roles), (o, r));
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                (p, l) => panic!("preview {p:?} but launch {l:?}"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 40);
    // and the preview changed nothing
    assert_eq!(c, demo());
}

#[test]
fn launching_needs_an_active_account_with_flex() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    assert_eq!(
        refused_by(
            &mut c,
            PRIYA,
            Command::LaunchFlex {
                account: initech.clone()
            }
        ),
        "This account has no Flex instance yet; setting up Flex needs the Owner or Administrator role."
    );
    assert_eq!(
        c.launch_outcome(&user_sid(&c, PRIYA), &initech),
        LaunchOutcome::Denied
    );
    let umbrella = account(&c, UMBRELLA);
    assert!(
        refused_by(&mut c, AHMED, Command::LaunchFlex { account: umbrella })
            .starts_with("Umbrella Retail is suspended")
    );
}

#[test]
fn worker_roles_are_overwritten_at_every_login() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let noah = user_sid(&c, NOAH);
    let first = worker_of(&c, &acme, NOAH).clone();
    assert_eq!(first.flex_roles, [FlexRole::ReadOnlyAdmin]);
    ok_by(
        &mut c,
        PRIYA,
        Command::ChangeRoles {
            account: acme.clone(),
            user: noah.clone(),
            roles: RoleSet::only(ConsoleRole::Developer),
        },
    );
    assert_eq!(
        worker_of(&c, &acme, NOAH).flex_roles,
        [FlexRole::ReadOnlyAdmin],
        "unchanged until the next login"
    );
    let event = ok_by(
        &mut c,
        NOAH,
        Command::LaunchFlex {
            account: acme.clone(),
        },
    );
    assert!(matches!(
        event.kind,
        EventKind::FlexLaunched {
            worker_created: false,
            ..
        }
    ));
    let again = worker_of(&c, &acme, NOAH);
    assert_eq!(again.sid, first.sid, "the same worker");
    assert_eq!(again.flex_roles, [FlexRole::Admin]);
}

#[test]
fn worker_attributes_have_flex_shape() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let james = worker_of(&c, &globex, JAMES);
    let json = serde_json::to_value(james.attributes()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "full_name": "James Chen",
            "email": "james.chen@example.com",
            "roles": ["admin", "wfo.full_access"],
            "contact_uri": "client:james_2Echen_40example_2Ecom",
            "image_url": "",
            "routing": {"skills": [], "levels": {}},
            "disabled_skills": {"skills": [], "levels": {}}
        })
    );
    assert_eq!(
        worker::contact_uri("jane.doe@example.com"),
        "client:jane_2Edoe_40example_2Ecom"
    );
    let offline = c
        .flex_overview(&globex)
        .unwrap()
        .config
        .taskrouter_offline_activity_sid
        .clone();
    assert_eq!(james.activity, offline, "new workers start Offline");
}

// ---------- SSO ----------

#[test]
fn sso_login_creates_an_agent_worker_and_overwrites_roles() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let actor = sso(
        "Zara.Ali@acme-support.example.com",
        "Zara Ali",
        &["agent", "some-idp-group"],
    );
    let event = ok(
        &mut c,
        &actor,
        Command::SsoLogin {
            account: acme.clone(),
        },
    );
    let EventKind::SsoLoggedIn {
        worker,
        roles,
        worker_created,
        ..
    } = event.kind
    else {
        panic!()
    };
    assert!(worker_created);
    assert_eq!(roles, ["agent"]);
    let w = c.worker(&acme, &worker).unwrap();
    assert_eq!(w.full_name, "Zara Ali");
    assert_eq!(
        w.attributes().contact_uri,
        "client:zara_2Eali_40acme_2Dsupport_2Eexample_2Ecom"
    );
    let promoted = sso(
        "zara.ali@acme-support.example.com",
        "Zara Ali",
        &["supervisor"],
    );
    ok(
        &mut c,
        &promoted,
        Command::SsoLogin {
            account: acme.clone(),
        },
    );
    assert_eq!(
        c.worker(&acme, &worker).unwrap().flex_roles,
        [FlexRole::Supervisor]
    );
}

#[test]
fn sso_without_agent_supervisor_or_admin_fails_with_45050() {
    let mut c = demo();
    let acme = account(&c, ACME);
    for roles in [&[][..], &["wfo.full_access"][..], &["Agent Team"][..]] {
        let message = refused(
            &mut c,
            &sso("x@acme-support.example.com", "X", roles),
            Command::SsoLogin {
                account: acme.clone(),
            },
        );
        assert!(message.contains("45050"));
        assert_eq!(
            message,
            "SSO login failed (error 45050): the roles attribute of the identity provider's assertion is missing or invalid; it must contain agent, supervisor or admin."
        );
    }
}

#[test]
fn sso_never_grants_read_only_admin() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let actor = sso(
        "x@acme-support.example.com",
        "X",
        &["agent", "flex.readonlyadmin"],
    );
    assert_eq!(
        refused(&mut c, &actor, Command::SsoLogin { account: acme }),
        "SSO login refused: the flex.readonlyadmin role cannot be granted through SSO; only Console users with the Support role get it, by launching Flex from the Console."
    );
}

#[test]
fn sso_needs_an_active_account_with_flex_and_an_sso_actor() {
    let mut c = demo();
    let actor = sso("x@example.com", "X", &["agent"]);
    let initech = account(&c, INITECH);
    assert!(
        refused(&mut c, &actor, Command::SsoLogin { account: initech })
            .starts_with("This account has no Flex instance yet")
    );
    let umbrella = account(&c, UMBRELLA);
    assert!(
        refused(&mut c, &actor, Command::SsoLogin { account: umbrella })
            .starts_with("Umbrella Retail is suspended")
    );
    let hooli = account(&c, HOOLI);
    assert!(
        refused(&mut c, &actor, Command::SsoLogin { account: hooli })
            .starts_with("Hooli Sandbox is closed")
    );
    let acme = account(&c, ACME);
    assert_eq!(
        refused_by(&mut c, MARIA, Command::SsoLogin { account: acme }),
        "Signing in to Flex with SSO needs a sign-in through the account's identity provider."
    );
}

#[test]
fn sso_insights_roles_only_on_paid_plans_for_admins_and_supervisors() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let globex = account(&c, GLOBEX);
    let sup = sso(
        "boss@example.com",
        "Boss",
        &["supervisor", "wfo.dashboard_viewer"],
    );
    let agent = sso(
        "agent@example.com",
        "Agent",
        &["agent", "wfo.dashboard_viewer"],
    );
    ok(
        &mut c,
        &sup,
        Command::SsoLogin {
            account: acme.clone(),
        },
    );
    assert!(
        worker_of(&c, &acme, "boss@example.com")
            .insights_roles
            .is_empty(),
        "trial plan"
    );
    ok(
        &mut c,
        &sup,
        Command::SsoLogin {
            account: globex.clone(),
        },
    );
    assert_eq!(
        worker_of(&c, &globex, "boss@example.com").insights_roles,
        [InsightsRole::DashboardViewer]
    );
    ok(
        &mut c,
        &agent,
        Command::SsoLogin {
            account: globex.clone(),
        },
    );
    assert!(
        worker_of(&c, &globex, "agent@example.com")
            .insights_roles
            .is_empty(),
        "agents get none"
    );
}

// ---------- Insights roles, deleting workers, activity ----------

#[test]
fn setting_insights_roles_rules() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let acme = account(&c, ACME);
    let daniel = worker_of(&c, &globex, "daniel.wright@globex.example.com")
        .sid
        .clone();
    assert_eq!(
        worker_of(&c, &globex, "daniel.wright@globex.example.com").insights_roles,
        [InsightsRole::TeamLeader]
    );
    let hannah = worker_of(&c, &globex, "hannah.becker@globex.example.com")
        .sid
        .clone();
    let set = |w: &WorkerSid, roles: Vec<InsightsRole>, a: &AccountSid| Command::SetInsightsRoles {
        account: a.clone(),
        worker: w.clone(),
        roles,
    };
    let roles = vec![
        InsightsRole::QualityManager,
        InsightsRole::DataAnalyst,
        InsightsRole::QualityManager,
    ];
    assert_eq!(
        refused_by(&mut c, LIAM, set(&daniel, roles.clone(), &globex)),
        "Setting Insights roles needs the Owner or Administrator role. You are Developer on Globex Contact Center."
    );
    ok_by(&mut c, JAMES, set(&daniel, roles, &globex));
    assert_eq!(
        c.worker(&globex, &daniel).unwrap().insights_roles,
        [InsightsRole::DataAnalyst, InsightsRole::QualityManager]
    );
    assert_eq!(
        refused_by(
            &mut c,
            JAMES,
            set(&hannah, vec![InsightsRole::DashboardViewer], &globex)
        ),
        "Insights roles can only be given to workers with the admin or supervisor Flex role."
    );
    ok_by(&mut c, JAMES, set(&hannah, vec![], &globex));
    let chloe = worker_of(&c, &acme, "chloe.nguyen@acme-support.example.com")
        .sid
        .clone();
    assert_eq!(
        refused_by(
            &mut c,
            MARIA,
            set(&chloe, vec![InsightsRole::TeamLeader], &acme)
        ),
        "Flex Insights roles need a paid Flex plan; upgrading needs the Owner, Administrator or Billing Manager role."
    );
    let unknown = WorkerSid::generate(&mut random::Random::new(1));
    assert_eq!(
        refused_by(&mut c, MARIA, set(&unknown, vec![], &acme)),
        format!("There is no worker {unknown} in this account's Flex workspace.")
    );
}

#[test]
fn deleting_a_worker_needs_products_and_it_returns_at_next_login() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let lucas = worker_of(&c, &acme, "lucas.martin@acme-support.example.com")
        .sid
        .clone();
    let delete = Command::DeleteWorker {
        account: acme.clone(),
        worker: lucas.clone(),
    };
    assert_eq!(
        refused_by(&mut c, NOAH, delete.clone()),
        "Deleting workers needs the Owner, Administrator or Developer role. You are Support on Acme Support."
    );
    ok_by(&mut c, LIAM, delete.clone());
    assert!(c.worker(&acme, &lucas).is_none());
    assert_eq!(
        refused_by(&mut c, LIAM, delete),
        format!("There is no worker {lucas} in this account's Flex workspace.")
    );
    let event = ok(
        &mut c,
        &sso(
            "lucas.martin@acme-support.example.com",
            "Lucas Martin",
            &["agent"],
        ),
        Command::SsoLogin {
            account: acme.clone(),
        },
    );
    let EventKind::SsoLoggedIn {
        worker,
        worker_created,
        ..
    } = event.kind
    else {
        panic!()
    };
    assert!(worker_created);
    assert_ne!(worker, lucas);
}

#[test]
fn workers_set_their_own_activity_but_read_only_admins_cannot() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let ws = c.flex_overview(&acme).unwrap().instance.workspace.clone();
    let unavailable = ws.activities[2].sid.clone();
    let set = Command::SetWorkerActivity {
        account: acme.clone(),
        activity: unavailable.clone(),
    };
    let event = ok_by(&mut c, MARIA, set.clone());
    assert!(
        matches!(event.kind, EventKind::WorkerActivitySet { ref activity_name, .. } if activity_name == "Unavailable")
    );
    assert_eq!(worker_of(&c, &acme, MARIA).activity, unavailable);
    assert_eq!(
        refused_by(&mut c, NOAH, set.clone()),
        "Read-only admins cannot change their own status."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, set.clone()),
        "You have no Flex worker in this account yet; launch Flex (or sign in with SSO) first."
    );
    let chloe = sso(
        "chloe.nguyen@acme-support.example.com",
        "Chloe Nguyen",
        &["supervisor"],
    );
    ok(&mut c, &chloe, set.clone());
    let stranger_activity = c
        .flex_overview(&account(&c, GLOBEX))
        .unwrap()
        .instance
        .workspace
        .activities[1]
        .sid
        .clone();
    let wrong = Command::SetWorkerActivity {
        account: acme.clone(),
        activity: stranger_activity.clone(),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, wrong),
        format!("{stranger_activity} is not an activity of this account's Flex workspace.")
    );
    assert_eq!(
        refused(&mut c, &Actor::Email(email(MARIA)), set),
        "Changing your own activity needs a signed-in Console user or an SSO sign-in."
    );
}

#[test]
fn admins_and_supervisors_change_other_agents_activity_from_teams() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let ws = c.flex_overview(&acme).unwrap().instance.workspace.clone();
    let unavailable = ws.activities[2].sid.clone();
    let chloe = sso(
        "chloe.nguyen@acme-support.example.com",
        "Chloe Nguyen",
        &["supervisor"],
    );
    let agent = sso("ana.agent@acme-support.example.com", "Ana Agent", &["agent"]);
    ok(&mut c, &chloe, Command::SsoLogin { account: acme.clone() });
    ok(&mut c, &agent, Command::SsoLogin { account: acme.clone() });
    let ana = worker_of(&c, &acme, "ana.agent@acme-support.example.com").sid.clone();
    let maria = worker_of(&c, &acme, MARIA).sid.clone();
    let change = |worker: &WorkerSid| Command::ChangeAgentActivity {
        account: acme.clone(),
        worker: worker.clone(),
        activity: unavailable.clone(),
    };
    // A supervisor (SSO) and an admin (a Console Owner) may.
    let event = ok(&mut c, &chloe, change(&ana));
    assert!(
        matches!(event.kind, EventKind::AgentActivityChanged { ref activity_name, ref worker, .. } if activity_name == "Unavailable" && *worker == ana)
    );
    assert_eq!(worker_of(&c, &acme, "ana.agent@acme-support.example.com").activity, unavailable);
    assert_eq!(c.describe(&event), "Set the activity of Ana Agent to Unavailable");
    ok_by(&mut c, MARIA, change(&ana));
    // An agent and a read-only admin may not, and say why.
    assert_eq!(
        refused(&mut c, &agent, change(&maria)),
        "Changing other agents needs the admin or supervisor Flex role."
    );
    assert_eq!(
        refused_by(&mut c, NOAH, change(&ana)),
        "Read-only admins cannot change other agents."
    );
    // Naming oneself is changing one's own status, which agents may.
    ok(&mut c, &agent, change(&ana));
    let stranger = "WKffffffffffffffffffffffffffffffff".parse::<WorkerSid>().unwrap();
    assert_eq!(
        refused(&mut c, &chloe, change(&stranger)),
        format!("There is no worker {stranger} in this account's Flex workspace.")
    );
    let umbrella = account(&c, UMBRELLA);
    assert!(
        refused(&mut c, &chloe, Command::ChangeAgentActivity { account: umbrella, worker: ana, activity: unavailable })
            .starts_with("Umbrella Retail is suspended")
    );
}

#[test]
fn pages_open_by_the_capability_they_need() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let sofia = user(&c, SOFIA);
    assert_eq!(c.may_open(&sofia, &globex, AccountPage::Billing), Ok(()));
    assert_eq!(c.may_open(&sofia, &globex, AccountPage::FlexOverview), Ok(()));
    assert_eq!(
        c.may_open(&sofia, &globex, AccountPage::PhoneNumbers)
            .unwrap_err()
            .to_string(),
        "Viewing phone numbers needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
    let initech = account(&c, INITECH);
    let maria = user(&c, MARIA);
    assert_eq!(
        c.may_open(&maria, &initech, AccountPage::AccountInfo)
            .unwrap_err()
            .to_string(),
        "You are not a member of Initech Labs; a member with the Owner or Administrator role can invite you."
    );
    // Every page and every role: opening follows the page's capability in the matrix.
    for person in c.users() {
        let actor = Actor::User(person.sid.clone());
        for acc in c.accounts() {
            let Some(roles) = acc.roles_of(&person.sid) else { continue };
            for page in AccountPage::ALL {
                let allowed = page.capability().is_none_or(|k| can(roles, k));
                assert_eq!(c.may_open(&actor, &acc.sid, page).is_ok(), allowed, "{page:?}");
            }
        }
    }
}

// ---------- determinism, queries, events ----------

#[test]
fn the_demo_is_deterministic_and_valid() {
    let a = demo();
    let b = demo();
    assert!(a == b);
    a.validate().unwrap();
    assert_eq!(a.accounts().count(), 5);
    assert!(a.users().count() >= 6);
    let statuses: Vec<AccountStatus> = a.accounts().map(|x| x.status).collect();
    assert!(
        statuses.contains(&AccountStatus::Suspended) && statuses.contains(&AccountStatus::Closed)
    );
    let globex = account(&a, GLOBEX);
    assert!(a.flex_overview(&globex).unwrap().plan.is_paid());
    assert!(a.workers(&globex).count() >= 3);
    assert_eq!(Console::new(5), Console::new(5));
}

#[test]
fn the_same_seed_and_commands_give_the_same_sids() {
    let run = |seed| {
        let mut c = Console::new(seed);
        let e = Actor::Email(email("a@example.com"));
        let EventKind::SignedUp { user, .. } = c
            .apply(
                &e,
                Command::SignUp {
                    full_name: "A".into(),
                },
                now(),
            )
            .unwrap()
            .kind
        else {
            panic!()
        };
        let ev = c
            .apply(
                &Actor::User(user),
                Command::CreateAccount {
                    friendly_name: "A".into(),
                    account_type: AccountType::Trial,
                },
                now(),
            )
            .unwrap();
        (c, ev.account.unwrap())
    };
    let (a, sid_a) = run(1);
    let (b, sid_b) = run(1);
    let (_, sid_c) = run(2);
    assert_eq!(sid_a, sid_b);
    assert!(a == b);
    assert_ne!(sid_a, sid_c);
}

#[test]
fn capabilities_query_follows_the_roles() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    assert_eq!(
        c.capabilities(&user(&c, SOFIA), &globex),
        [Capability::ViewLogsAndUsage, Capability::ManageBilling]
    );
    assert!(c.can(&user(&c, JAMES), &globex, Capability::TransferOwnership));
    assert!(
        !c.can(&user(&c, NOAH), &globex, Capability::ViewLogsAndUsage),
        "not a member"
    );
    assert!(
        c.capabilities(&Actor::Email(email(JAMES)), &globex)
            .is_empty()
    );
}

#[test]
fn events_serialize_for_the_activity_log() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let event = ok_by(
        &mut c,
        LIAM,
        Command::CreateSecondaryToken {
            account: acme.clone(),
        },
    );
    let json = serde_json::to_value(&event).unwrap();
    assert_eq!(json["kind"]["kind"], "secondary_token_created");
    assert_eq!(json["account"], acme.as_str());
    assert_eq!(json["at"], now().0);
    let token = c
        .account(&acme)
        .unwrap()
        .secondary_auth_token
        .clone()
        .unwrap();
    assert!(
        !json.to_string().contains(token.as_str()),
        "no secrets in events"
    );
    let back: Event = serde_json::from_value(json).unwrap();
    assert_eq!(back, event);
}

#[test]
fn unknown_things_are_named() {
    let mut c = demo();
    let ghost_account: AccountSid = format!("AC{}", "0".repeat(32)).parse().unwrap();
    let ghost_user: UserSid = format!("US{}", "0".repeat(32)).parse().unwrap();
    assert_eq!(
        refused_by(
            &mut c,
            MARIA,
            Command::LeaveAccount {
                account: ghost_account.clone()
            }
        ),
        format!("There is no account {ghost_account}.")
    );
    let acme = account(&c, ACME);
    assert_eq!(
        refused(
            &mut c,
            &Actor::User(ghost_user.clone()),
            Command::LeaveAccount { account: acme }
        ),
        format!("There is no Console user {ghost_user}.")
    );
}
