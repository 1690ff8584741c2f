//! Domain rules: Auth Tokens.

use crate::common::*;
use flex_console_domain::*;

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
            Command::PromoteSecondaryToken { account: acme }
        ),
        "This account has no secondary Auth Token; create one first."
    );
    ok(
        &mut c,
        &liam,
        Command::CreateSecondaryToken { account: acme },
    );
    assert_eq!(
        refused(
            &mut c,
            &liam,
            Command::CreateSecondaryToken { account: acme }
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
        Command::PromoteSecondaryToken { account: acme },
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
        Command::DeleteSecondaryToken { account: initech },
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
    let cmd = Command::CreateSecondaryToken { account: globex };
    let message = |role: &str| {
        format!(
            "Creating a secondary Auth Token needs the Owner, Administrator or Developer role. You are {role} on Globex Contact Center."
        )
    };
    assert_eq!(
        refused_by(&mut c, SOFIA, cmd.clone()),
        message("Billing Manager")
    );
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
