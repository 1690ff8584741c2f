//! The Insights roles question the Flex users page asks before a button is pressed
//! (`Console::check` of giving one Insights role) and the rule it shares with setting them.

use crate::common::*;
use flex_console_domain::*;

fn worker_sid(c: &Console, account: &AccountSid, address: &str) -> WorkerSid {
    c.worker_by_identity(account, &email(address))
        .unwrap_or_else(|| panic!("no worker {address}"))
        .sid
}

fn assignable(
    c: &Console,
    by: &str,
    account: &AccountSid,
    worker: &WorkerSid,
) -> Result<(), String> {
    let actor = user(c, by);
    c.check(&actor, &give_one_role(account, worker), now())
        .map_err(|e| e.to_string())
}

/// The question the page asks: may this worker be given an Insights role?
fn give_one_role(account: &AccountSid, worker: &WorkerSid) -> Command {
    Command::SetInsightsRoles {
        account: *account,
        worker: *worker,
        roles: vec![InsightsRole::FullAccess],
    }
}

#[test]
fn the_rule_needs_a_paid_plan_and_an_admin_or_supervisor() {
    let paid = Console::demo();
    let globex = account(&paid, GLOBEX);
    let acme = account(&paid, ACME);
    let plan_of = |a: &AccountSid| paid.account(a).unwrap().flex.as_ref().unwrap().plan.clone();
    let (paid_plan, trial) = (plan_of(&globex), plan_of(&acme));
    assert_eq!(
        insights_allowed(&paid_plan, &[FlexRole::Supervisor]),
        Ok(())
    );
    assert_eq!(insights_allowed(&paid_plan, &[FlexRole::Admin]), Ok(()));
    assert_eq!(
        insights_allowed(&paid_plan, &[FlexRole::Agent]),
        Err(DomainError::InsightsNeedAdminOrSupervisor)
    );
    assert_eq!(
        insights_allowed(&paid_plan, &[FlexRole::ReadOnlyAdmin]),
        Err(DomainError::InsightsNeedAdminOrSupervisor)
    );
    assert_eq!(
        insights_allowed(&trial, &[FlexRole::Admin]),
        Err(DomainError::InsightsNeedPaidPlan)
    );
}

#[test]
fn the_page_learns_each_refusal_before_the_button_is_pressed() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let acme = account(&c, ACME);
    let daniel = worker_sid(&c, &globex, "daniel.wright@globex.example.com");
    let hannah = worker_sid(&c, &globex, "hannah.becker@globex.example.com");
    let chloe = worker_sid(&c, &acme, "chloe.nguyen@acme-support.example.com");
    assert_eq!(assignable(&c, JAMES, &globex, &daniel), Ok(()));
    assert_eq!(
        assignable(&c, JAMES, &globex, &hannah),
        Err(
            "Insights roles can only be given to workers with the admin or supervisor Flex role."
                .into()
        )
    );
    assert_eq!(
        assignable(&c, MARIA, &acme, &chloe),
        Err("Flex Insights roles need a paid Flex plan; upgrading needs the Owner, Administrator or Billing Manager role.".into())
    );
    assert_eq!(
        assignable(&c, LIAM, &globex, &daniel),
        Err("Setting Insights roles needs the Owner or Administrator role. You are Developer on Globex Contact Center.".into())
    );
    let unknown = WorkerSid::generate(&mut random::Random::new(1));
    assert_eq!(
        assignable(&c, JAMES, &globex, &unknown),
        Err(format!("There is no worker {unknown} in this account."))
    );
    let initech = account(&c, INITECH);
    assert_eq!(
        assignable(&c, PRIYA, &initech, &daniel),
        Err(DomainError::NoFlexInstance.to_string())
    );
}

#[test]
fn asking_changes_nothing() {
    let c = demo();
    let before = c.clone();
    let globex = account(&c, GLOBEX);
    let daniel = worker_sid(&c, &globex, "daniel.wright@globex.example.com");
    let _ = assignable(&c, JAMES, &globex, &daniel);
    let _ = assignable(&c, SOFIA, &globex, &daniel);
    assert_eq!(c, before);
}

/// For every demo user, account and worker, the answer is the command's own: giving a role is
/// accepted exactly when the question says yes, and refused with the same message otherwise.
#[test]
fn the_answer_agrees_with_setting_roles_for_everyone() {
    let c = demo();
    let mut checked = 0;
    for person in c.users() {
        let actor = Actor::User(person.sid);
        for acc in c.accounts() {
            let workers: Vec<WorkerSid> = c.workers(&acc.sid).map(|w| w.sid).collect();
            for worker in workers {
                let answer = c.check(&actor, &give_one_role(&acc.sid, &worker), now());
                let mut trial = c.clone();
                let command = Command::SetInsightsRoles {
                    account: acc.sid,
                    worker,
                    roles: vec![InsightsRole::TeamLeader],
                };
                let applied = trial.apply(&actor, command, now()).map(|_| ());
                assert_eq!(
                    answer, applied,
                    "{} on {} in {}",
                    person.email, worker, acc.friendly_name
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} cases");
}

#[test]
fn taking_every_insights_role_away_is_allowed_even_on_a_trial() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let maria = worker_sid(&c, &acme, MARIA);
    assert!(!c.worker(&acme, &maria).unwrap().insights_roles.is_empty());
    ok_by(
        &mut c,
        MARIA,
        Command::SetInsightsRoles {
            account: acme,
            worker: maria,
            roles: vec![],
        },
    );
    assert!(c.worker(&acme, &maria).unwrap().insights_roles.is_empty());
}
