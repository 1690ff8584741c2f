//! Domain rules: sign-up.

use crate::common::*;
use flex_console_domain::*;

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
