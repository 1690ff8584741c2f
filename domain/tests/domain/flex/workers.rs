//! Domain rules: Insights roles, deleting workers, activity.

use crate::common::*;
use flex_console_domain::*;

#[test]
fn setting_insights_roles_rules() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let acme = account(&c, ACME);
    let daniel = worker_of(&c, &globex, "daniel.wright@globex.example.com").sid;
    assert_eq!(
        worker_of(&c, &globex, "daniel.wright@globex.example.com").insights_roles,
        [InsightsRole::TeamLeader]
    );
    let hannah = worker_of(&c, &globex, "hannah.becker@globex.example.com").sid;
    let set = |w: &WorkerSid, roles: Vec<InsightsRole>, a: &AccountSid| Command::SetInsightsRoles {
        account: *a,
        worker: *w,
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
    let chloe = worker_of(&c, &acme, "chloe.nguyen@acme-support.example.com").sid;
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
        format!("There is no worker {unknown} in this account.")
    );
}

#[test]
fn deleting_a_worker_needs_products_and_it_returns_at_next_login() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let lucas = worker_of(&c, &acme, "lucas.martin@acme-support.example.com").sid;
    let delete = Command::DeleteWorker {
        account: acme,
        worker: lucas,
    };
    assert_eq!(
        refused_by(&mut c, NOAH, delete.clone()),
        "Deleting workers needs the Owner, Administrator or Developer role. You are Support on Acme Support."
    );
    ok_by(&mut c, LIAM, delete.clone());
    assert!(c.worker(&acme, &lucas).is_none());
    assert_eq!(
        refused_by(&mut c, LIAM, delete),
        "The worker Lucas Martin was deleted from this account."
    );
    let event = ok(
        &mut c,
        &sso(
            "lucas.martin@acme-support.example.com",
            "Lucas Martin",
            &["agent"],
        ),
        Command::SsoLogin { account: acme },
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
    let unavailable = ws.activities[2].sid;
    let set = Command::SetWorkerActivity {
        account: acme,
        activity: unavailable,
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
        .sid;
    let wrong = Command::SetWorkerActivity {
        account: acme,
        activity: stranger_activity,
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
    let unavailable = ws.activities[2].sid;
    let chloe = sso(
        "chloe.nguyen@acme-support.example.com",
        "Chloe Nguyen",
        &["supervisor"],
    );
    let agent = sso(
        "ana.agent@acme-support.example.com",
        "Ana Agent",
        &["agent"],
    );
    ok(&mut c, &chloe, Command::SsoLogin { account: acme });
    ok(&mut c, &agent, Command::SsoLogin { account: acme });
    let ana = worker_of(&c, &acme, "ana.agent@acme-support.example.com").sid;
    let maria = worker_of(&c, &acme, MARIA).sid;
    let change = |worker: &WorkerSid| Command::ChangeAgentActivity {
        account: acme,
        worker: *worker,
        activity: unavailable,
    };
    // A supervisor (SSO) and an admin (a Console Owner) may.
    let event = ok(&mut c, &chloe, change(&ana));
    assert!(
        matches!(event.kind, EventKind::AgentActivityChanged { ref activity_name, ref worker, .. } if activity_name == "Unavailable" && *worker == ana)
    );
    assert_eq!(
        worker_of(&c, &acme, "ana.agent@acme-support.example.com").activity,
        unavailable
    );
    assert_eq!(
        c.describe(&event),
        "Set the activity of Ana Agent to Unavailable"
    );
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
    let stranger = "WKffffffffffffffffffffffffffffffff"
        .parse::<WorkerSid>()
        .unwrap();
    assert_eq!(
        refused(&mut c, &chloe, change(&stranger)),
        format!("There is no worker {stranger} in this account.")
    );
    let umbrella = account(&c, UMBRELLA);
    assert!(
        refused(
            &mut c,
            &chloe,
            Command::ChangeAgentActivity {
                account: umbrella,
                worker: ana,
                activity: unavailable
            }
        )
        .starts_with("Umbrella Retail is suspended")
    );
}

#[test]
fn pages_open_by_the_capability_they_need() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let sofia = user(&c, SOFIA);
    assert_eq!(c.may_open(&sofia, &globex, AccountPage::Billing), Ok(()));
    assert_eq!(
        c.may_open(&sofia, &globex, AccountPage::FlexOverview),
        Ok(())
    );
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
        let actor = Actor::User(person.sid);
        for acc in c.accounts() {
            let Some(roles) = acc.roles_of(&person.sid) else {
                continue;
            };
            for page in AccountPage::ALL {
                let allowed = page.capability().is_none_or(|k| can(roles, k));
                assert_eq!(
                    c.may_open(&actor, &acc.sid, page).is_ok(),
                    allowed,
                    "{page:?}"
                );
            }
        }
    }
}
