//! Domain rules: invitations.

use crate::common::*;
use flex_console_domain::*;

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
            format!(
                "Inviting users needs the Owner or Administrator role. You are {role} on Acme Support."
            )
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
        account: acme,
        email: email("OLIVER.smith@example.com"),
        roles: RoleSet::administrator(),
    };
    assert_eq!(
        refused(&mut c, &maria, again),
        "oliver.smith@example.com already has a pending invitation to this account; resend or revoke it instead."
    );
    // ava.jones's invitation expired: a fresh one is allowed.
    let ava = Command::Invite {
        account: acme,
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
                account: acme,
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
        account: acme,
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
        account: acme,
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
                account: globex,
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
                account: globex,
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
                account: globex,
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
                account: globex,
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
                account: globex,
                invitation: InvitationId(999)
            }
        ),
        "There is no invitation 999 in this account."
    );
    ok(
        &mut c,
        &james,
        Command::RevokeInvitation {
            account: globex,
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
            account: acme,
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
        account: acme,
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
        account: acme,
        invitation: oliver,
        full_name: Some("  ".into()),
    };
    assert_eq!(
        refused(&mut c, &actor, nameless),
        "The full name must not be empty."
    );
    let accept = Command::AcceptInvitation {
        account: acme,
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
            account: acme,
            email: email(EMMA),
            roles: RoleSet::only(ConsoleRole::BillingManager),
        },
    );
    let id = invitation_for(&c, &acme, EMMA);
    let event = ok(
        &mut c,
        &Actor::Email(email(EMMA)),
        Command::AcceptInvitation {
            account: acme,
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
    ok_by(&mut c, MARIA, Command::SuspendAccount { account: acme });
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
