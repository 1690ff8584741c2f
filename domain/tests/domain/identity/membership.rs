//! Domain rules: roles, removal, leaving, ownership.

use crate::common::*;
use flex_console_domain::*;

#[test]
fn changing_roles_needs_owner_or_administrator_and_never_touches_the_owner_role() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let liam = user_sid(&c, LIAM);
    let dev_bm = roles(&[ConsoleRole::Developer, ConsoleRole::BillingManager]);
    let change = Command::ChangeRoles {
        account: acme,
        user: liam,
        roles: dev_bm,
        revision: None,
    };
    assert_eq!(
        refused_by(&mut c, NOAH, change.clone()),
        "Changing roles needs the Owner or Administrator role. You are Support on Acme Support."
    );
    let event = ok_by(&mut c, PRIYA, change);
    assert_eq!(
        event.kind,
        EventKind::RolesChanged {
            user: liam,
            from: RoleSet::only(ConsoleRole::Developer),
            to: dev_bm
        }
    );
    let promote = Command::ChangeRoles {
        account: acme,
        user: liam,
        roles: RoleSet::owner(),
        revision: None,
    };
    assert_eq!(
        refused_by(&mut c, MARIA, promote),
        "Nobody can be given the Owner role by invitation or role change; the Owner can transfer ownership to an existing member instead."
    );
    let demote = Command::ChangeRoles {
        account: acme,
        user: user_sid(&c, MARIA),
        roles: RoleSet::administrator(),
        revision: None,
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, demote),
        "The Owner cannot be removed or given other roles; the Owner must first transfer ownership to another member."
    );
    let stranger = user_sid(&c, JAMES);
    let change = Command::ChangeRoles {
        account: acme,
        user: stranger,
        roles: RoleSet::administrator(),
        revision: None,
    };
    assert_eq!(
        refused_by(&mut c, MARIA, change),
        "James Chen is not a member of Acme Support."
    );
}

#[test]
fn removing_a_member_removes_access_to_that_account_only() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let liam = user_sid(&c, LIAM);
    let remove = Command::RemoveMember {
        account: acme,
        user: liam,
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
        "Liam O'Brien is not a member of Acme Support."
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
    let event = ok(&mut c, &maria, Command::LeaveAccount { account: globex });
    assert_eq!(
        event.kind,
        EventKind::MemberLeft {
            user: *maria.user().unwrap()
        }
    );
    assert_eq!(c.accounts_of(maria.user().unwrap()).len(), 1);
    assert_eq!(
        refused_by(&mut c, JAMES, Command::LeaveAccount { account: globex }),
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
        account: acme,
        to: liam,
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, to_liam.clone()),
        "Transferring ownership needs the Owner role. You are Administrator on Acme Support."
    );
    let to_james = Command::TransferOwnership {
        account: acme,
        to: user_sid(&c, JAMES),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, to_james),
        "Ownership can only be transferred to an existing member of this account; invite them first."
    );
    let to_self = Command::TransferOwnership {
        account: acme,
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
        v.sort_by_key(|n| c.members(&globex, n, None)[0].user.sid);
        v
    });
    assert!(c.members(&globex, "nobody", None).is_empty());
}
