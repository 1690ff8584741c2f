//! Domain rules: launching Flex.

use crate::common::*;
use flex_console_domain::*;

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
    let launch = Command::LaunchFlex { account: globex };
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
    for person in c.users().map(|u| u.sid).collect::<Vec<_>>() {
        for account in c.accounts().map(|a| a.sid).collect::<Vec<_>>() {
            let preview = c.launch_preview(&person, &account, now());
            let mut after = c.clone();
            let launched =
                after.apply(&Actor::User(person), Command::LaunchFlex { account }, now());
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
        refused_by(&mut c, PRIYA, Command::LaunchFlex { account: initech }),
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
            account: acme,
            user: noah,
            roles: RoleSet::only(ConsoleRole::Developer),
            revision: None,
        },
    );
    assert_eq!(
        worker_of(&c, &acme, NOAH).flex_roles,
        [FlexRole::ReadOnlyAdmin],
        "unchanged until the next login"
    );
    let event = ok_by(&mut c, NOAH, Command::LaunchFlex { account: acme });
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
        flex::worker::contact_uri("jane.doe@example.com"),
        "client:jane_2Edoe_40example_2Ecom"
    );
    let offline = c
        .flex_overview(&globex)
        .unwrap()
        .config
        .taskrouter_offline_activity_sid;
    assert_eq!(james.activity, offline, "new workers start Offline");
}
