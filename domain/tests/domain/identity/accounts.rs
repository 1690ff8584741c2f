//! Domain rules: accounts.

use crate::common::*;
use flex_console_domain::*;

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
    let sid = event.account.unwrap();
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
        "The account name is too long: it can have at most 64 characters."
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
        account: acme,
        friendly_name: "Acme".into(),
        revision: None,
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
        revision: None,
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
    let suspend = Command::SuspendAccount { account: acme };
    assert_eq!(
        refused_by(&mut c, NOAH, suspend.clone()),
        "Suspending the account needs the Owner or Administrator role. You are Support on Acme Support."
    );
    ok_by(&mut c, PRIYA, suspend.clone());
    assert_eq!(c.account(&acme).unwrap().status, AccountStatus::Suspended);
    let suspended = "Acme Support is suspended: it must be reactivated first, which needs the Owner or Administrator role.";
    assert_eq!(refused_by(&mut c, PRIYA, suspend), suspended);
    let launch = Command::LaunchFlex { account: acme };
    assert_eq!(refused_by(&mut c, MARIA, launch), suspended);
    let reactivate = Command::ReactivateAccount { account: acme };
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
    let close = Command::CloseAccount { account: acme };
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
        refused_by(&mut c, MARIA, Command::ReactivateAccount { account: acme }),
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
    ok_by(&mut c, AHMED, Command::CloseAccount { account: umbrella });
    assert_eq!(c.account(&umbrella).unwrap().status, AccountStatus::Closed);
}
