//! Domain rules: SSO.

use crate::common::*;
use flex_console_domain::*;

#[test]
fn sso_login_creates_an_agent_worker_and_overwrites_roles() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let actor = sso(
        "Zara.Ali@acme-support.example.com",
        "Zara Ali",
        &["agent", "some-idp-group"],
    );
    let event = ok(&mut c, &actor, Command::SsoLogin { account: acme });
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
    ok(&mut c, &promoted, Command::SsoLogin { account: acme });
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
            Command::SsoLogin { account: acme },
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
    ok(&mut c, &sup, Command::SsoLogin { account: acme });
    assert!(
        worker_of(&c, &acme, "boss@example.com")
            .insights_roles
            .is_empty(),
        "trial plan"
    );
    ok(&mut c, &sup, Command::SsoLogin { account: globex });
    assert_eq!(
        worker_of(&c, &globex, "boss@example.com").insights_roles,
        [InsightsRole::DashboardViewer]
    );
    ok(&mut c, &agent, Command::SsoLogin { account: globex });
    assert!(
        worker_of(&c, &globex, "agent@example.com")
            .insights_roles
            .is_empty(),
        "agents get none"
    );
}

#[test]
fn an_sso_login_says_which_insights_roles_it_dropped_and_why() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let globex = account(&c, GLOBEX);
    let dropped = |event: Event| match event.kind {
        EventKind::SsoLoggedIn {
            insights_dropped, ..
        } => insights_dropped,
        other => panic!("not an SSO login: {other:?}"),
    };
    let sup = sso(
        "boss@example.com",
        "Boss",
        &["supervisor", "wfo.dashboard_viewer", "wfo.team_leader"],
    );
    // A trial plan: the roles are named, with the rule's reason.
    let on_trial = ok(&mut c, &sup, Command::SsoLogin { account: acme });
    let trial = dropped(on_trial).expect("the trial plan drops them");
    // In the Insights roles' own order, as the worker's roles would have been.
    assert_eq!(trial.roles, ["wfo.team_leader", "wfo.dashboard_viewer"]);
    assert_eq!(trial.why, DomainError::InsightsNeedPaidPlan.to_string());
    // An agent on a paid plan: dropped for the role.
    let agent = sso("agent@example.com", "Agent", &["agent", "wfo.full_access"]);
    let as_agent = ok(&mut c, &agent, Command::SsoLogin { account: globex });
    let not_admin = dropped(as_agent).expect("an agent gets none");
    assert_eq!(not_admin.roles, ["wfo.full_access"]);
    assert_eq!(
        not_admin.why,
        DomainError::InsightsNeedAdminOrSupervisor.to_string()
    );
    // Applied, or none asked for: nothing to say.
    assert_eq!(
        dropped(ok(&mut c, &sup, Command::SsoLogin { account: globex })),
        None
    );
    let plain = sso("plain@example.com", "Plain", &["agent"]);
    assert_eq!(
        dropped(ok(&mut c, &plain, Command::SsoLogin { account: acme })),
        None
    );
    // The activity log says it too.
    let log: Vec<String> = c
        .activity(&acme, &ActivityFilter::default())
        .into_iter()
        .map(|e| c.describe(e))
        .collect();
    assert!(
        log.iter().any(|what| what
            .contains("Insights roles wfo.team_leader, wfo.dashboard_viewer not applied")),
        "{log:?}"
    );
}

#[test]
fn an_sso_name_longer_than_a_persons_is_refused_as_every_way_in_does() {
    // A worker's name comes from the assertion: held to the 100 characters a Console user's
    // name may have, so what an SSO login makes always exports and imports again.
    let mut c = demo();
    let acme = account(&c, ACME);
    let long = sso("long.name@example.com", &"N".repeat(101), &["agent"]);
    assert_eq!(
        refused(&mut c, &long, Command::SsoLogin { account: acme }),
        "The full name is too long: it can have at most 100 characters."
    );
    let longest = sso("long.name@example.com", &"N".repeat(100), &["agent"]);
    ok(&mut c, &longest, Command::SsoLogin { account: acme });
    Console::from_json(&c.to_json().unwrap()).unwrap();
}
