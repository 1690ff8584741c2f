//! Active User Hours: the paid plan's free hours go down while workers are Available,
//! from the upgrade on, and the Flex overview and Billing read them from one query.

use crate::common::*;
use flex_console_domain::*;
use proptest::prelude::*;

const HANNAH: &str = "hannah.becker@globex.example.com";
const MATEO: &str = "mateo.silva@globex.example.com";
const LUCAS: &str = "lucas.martin@acme-support.example.com";
const CHLOE: &str = "chloe.nguyen@acme-support.example.com";

/// Minutes after the demo's "now".
fn at(minutes: u64) -> Timestamp {
    now().plus_millis(minutes * Timestamp::MINUTE)
}

/// The SID of an activity of the account's workspace by name.
fn activity(c: &Console, account: &AccountSid, name: &str) -> ActivitySid {
    let flex = c.flex_overview(account).unwrap().instance;
    let found = flex
        .workspace
        .activities
        .iter()
        .find(|a| a.friendly_name == name);
    found.unwrap().sid
}

/// An SSO agent sets their own activity at `t`.
fn agent_sets(c: &mut Console, account: &AccountSid, who: &str, name: &str, t: Timestamp) {
    let actor = sso(who, "Agent", &["agent"]);
    let command = Command::SetWorkerActivity {
        account: *account,
        activity: activity(c, account, name),
    };
    c.apply(&actor, command, t).unwrap();
}

/// Hours used at `t`.
fn used(c: &Console, account: &AccountSid, t: Timestamp) -> Hours {
    c.active_user_hours(account, t).unwrap().used()
}

/// Upgrades Acme (trial in the demo) at `t`.
fn upgrade_acme(c: &mut Console, t: Timestamp) -> AccountSid {
    let acme = account(c, ACME);
    let upgrade = Command::UpgradePlan {
        account: acme,
        billing_model: BillingModel::ActiveUserHours,
        accept_fair_usage_terms: true,
        payment_method: "Visa ending 4242".into(),
    };
    c.apply(&user(c, MARIA), upgrade, t).unwrap();
    acme
}

#[test]
fn the_demo_paid_account_starts_with_all_its_free_hours() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let hours = c.active_user_hours(&globex, now()).unwrap();
    assert_eq!(hours.free_hours, 5_000);
    assert_eq!(hours.used(), Hours::whole(0));
    assert_eq!(hours.left().to_string(), "5,000.0");
}

#[test]
fn a_worker_available_for_90_minutes_uses_an_hour_and_a_half() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Available", at(0));
    assert_eq!(used(&c, &globex, at(0)), Hours::whole(0));
    assert_eq!(used(&c, &globex, at(90)), Hours { tenths: 15 });
    let hours = c.active_user_hours(&globex, at(90)).unwrap();
    assert_eq!(hours.left().to_string(), "4,998.5");
    assert_eq!(hours.beyond_free(), Hours::whole(0));
    // A tenth counts once it is over: 5 minutes (less than 6) use nothing yet.
    assert_eq!(used(&c, &globex, at(95)), Hours { tenths: 15 });
    assert_eq!(used(&c, &globex, at(96)), Hours { tenths: 16 });
}

#[test]
fn offline_and_unavailable_use_no_hours() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Unavailable", at(0));
    assert_eq!(used(&c, &globex, at(120)), Hours::whole(0));
    agent_sets(&mut c, &globex, HANNAH, "Available", at(120));
    agent_sets(&mut c, &globex, HANNAH, "Offline", at(180));
    assert_eq!(used(&c, &globex, at(180)), Hours::whole(1));
    assert_eq!(
        used(&c, &globex, at(600)),
        Hours::whole(1),
        "the clock stops when the worker goes Offline"
    );
}

#[test]
fn a_supervisor_setting_an_agent_unavailable_closes_the_agents_hours() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Available", at(0));
    let hannah = worker_of(&c, &globex, HANNAH).sid;
    let change = Command::ChangeAgentActivity {
        account: globex,
        worker: hannah,
        activity: activity(&c, &globex, "Unavailable"),
    };
    let daniel = sso(
        "daniel.wright@globex.example.com",
        "Daniel Wright",
        &["supervisor"],
    );
    c.apply(&daniel, change, at(30)).unwrap();
    assert_eq!(used(&c, &globex, at(300)), Hours { tenths: 5 });
}

#[test]
fn two_available_workers_add_up() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Available", at(0));
    agent_sets(&mut c, &globex, MATEO, "Available", at(30));
    assert_eq!(used(&c, &globex, at(60)), Hours { tenths: 15 });
    agent_sets(&mut c, &globex, HANNAH, "Offline", at(60));
    assert_eq!(used(&c, &globex, at(120)), Hours { tenths: 25 });
}

#[test]
fn deleting_an_available_worker_stops_its_clock_and_keeps_what_it_used() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Available", at(0));
    let delete = Command::DeleteWorker {
        account: globex,
        worker: worker_of(&c, &globex, HANNAH).sid,
    };
    c.apply(&user(&c, JAMES), delete, at(60)).unwrap();
    assert_eq!(used(&c, &globex, at(60)), Hours::whole(1));
    assert_eq!(used(&c, &globex, at(600)), Hours::whole(1));
    // Back at her next login, her new worker starts Offline and uses nothing.
    let login = Command::SsoLogin { account: globex };
    c.apply(&sso(HANNAH, "Hannah Becker", &["agent"]), login, at(600))
        .unwrap();
    assert_eq!(used(&c, &globex, at(900)), Hours::whole(1));
}

#[test]
fn a_login_keeps_the_activity_and_its_clock() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Available", at(0));
    let login = Command::SsoLogin { account: globex };
    c.apply(&sso(HANNAH, "Hannah Becker", &["agent"]), login, at(30))
        .unwrap();
    assert_eq!(used(&c, &globex, at(60)), Hours::whole(1));
}

#[test]
fn a_trial_has_no_free_hours_and_time_before_the_upgrade_does_not_count() {
    let mut c = demo();
    let acme = account(&c, ACME);
    // Lucas has been Available since January, on the trial.
    let lucas = worker_of(&c, &acme, LUCAS);
    assert_eq!(lucas.activity, activity(&c, &acme, "Available"));
    assert_eq!(c.active_user_hours(&acme, at(600)), None);
    upgrade_acme(&mut c, at(600));
    assert_eq!(used(&c, &acme, at(600)), Hours::whole(0));
    assert_eq!(used(&c, &acme, at(720)), Hours::whole(2));
    assert_eq!(
        c.active_user_hours(&account(&c, INITECH), at(0)),
        None,
        "no Flex"
    );
}

#[test]
fn hours_left_never_go_below_zero_and_the_excess_is_reported() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Available", at(0));
    let hours = c.active_user_hours(&globex, at(4_999 * 60)).unwrap();
    assert_eq!(
        (hours.left(), hours.beyond_free()),
        (Hours::whole(1), Hours::whole(0))
    );
    let hours = c.active_user_hours(&globex, at(5_012 * 60 + 30)).unwrap();
    assert_eq!(hours.left(), Hours::whole(0));
    assert_eq!(hours.beyond_free().to_string(), "12.5");
    assert_eq!(hours.used().to_string(), "5,012.5");
}

#[test]
fn hours_are_written_to_one_decimal_with_thousands_separated() {
    let text = |tenths| Hours { tenths }.to_string();
    assert_eq!(text(0), "0.0");
    assert_eq!(text(15), "1.5");
    assert_eq!(text(9_999), "999.9");
    assert_eq!(text(49_875), "4,987.5");
    assert_eq!(text(123_456_789), "12,345,678.9");
    assert_eq!(Hours::from_ms(Timestamp::HOUR - 1), Hours { tenths: 9 });
}

#[test]
fn data_saved_before_hours_were_counted_loads_and_counts_from_the_next_change() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    agent_sets(&mut c, &globex, HANNAH, "Available", at(0));
    let hannah = worker_of(&c, &globex, HANNAH).sid;
    let mut v = serde_json::to_value(&c).unwrap();
    let flex = &mut v["accounts"][globex.as_str()]["flex"];
    flex.as_object_mut().unwrap().remove("closed_available_ms");
    let worker = flex["workspace"]["workers"][hannah.as_str()]
        .as_object_mut()
        .unwrap();
    worker.remove("activity_since");
    let mut old = Console::from_json(&v.to_string()).unwrap();
    assert_eq!(
        used(&old, &globex, at(60)),
        Hours::whole(0),
        "when she went Available is not known"
    );
    agent_sets(&mut old, &globex, HANNAH, "Offline", at(60));
    agent_sets(&mut old, &globex, HANNAH, "Available", at(60));
    assert_eq!(used(&old, &globex, at(120)), Hours::whole(1));
}

#[test]
fn an_activity_start_before_the_worker_was_created_fails_import_naming_the_field() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let hannah = worker_of(&c, &globex, HANNAH).sid;
    let mut v = serde_json::to_value(&c).unwrap();
    v["accounts"][globex.as_str()]["flex"]["workspace"]["workers"][hannah.as_str()]["activity_since"] =
        serde_json::json!(1);
    let Err(ImportError::Invalid(error)) = Console::from_json(&v.to_string()) else {
        panic!("should fail validation")
    };
    assert_eq!(
        error.path,
        format!("accounts.{globex}.flex.workspace.workers.{hannah}.activity_since")
    );
    assert_eq!(error.problem, "must not be before the worker was created");
    v["accounts"][globex.as_str()]["flex"]["workspace"]["workers"][hannah.as_str()]["activity_since"] =
        serde_json::json!(null);
    v["accounts"][globex.as_str()]["flex"]["closed_available_ms"] = serde_json::json!(-5);
    let Err(ImportError::Json { path, .. }) = Console::from_json(&v.to_string()) else {
        panic!("a negative total is not a number of milliseconds")
    };
    assert_eq!(path, format!("accounts.{globex}.flex.closed_available_ms"));
}

#[test]
fn a_trial_with_hours_used_fails_import_naming_the_field() {
    let c = demo();
    let acme = account(&c, ACME);
    let mut v = serde_json::to_value(&c).unwrap();
    v["accounts"][acme.as_str()]["flex"]["closed_available_ms"] = serde_json::json!(60_000);
    let Err(ImportError::Invalid(error)) = Console::from_json(&v.to_string()) else {
        panic!("should fail validation")
    };
    assert_eq!(
        error.path,
        format!("accounts.{acme}.flex.closed_available_ms")
    );
    assert_eq!(
        error.problem,
        "must be 0 on a trial, which counts no Active User Hours"
    );
}

/// One random step on Acme: a change of activity, a deletion, a login, or the upgrade;
/// then the clock moves on.
#[derive(Clone, Debug)]
struct Step {
    kind: u8,
    worker: usize,
    activity: usize,
    minutes: u64,
}

fn step() -> impl Strategy<Value = Step> {
    (0u8..6, 0usize..5, 0usize..3, 0u64..400).prop_map(|(kind, worker, activity, minutes)| Step {
        kind,
        worker,
        activity,
        minutes,
    })
}

/// Acme's people with workers; Maria (Owner, Flex admin) changes anyone's activity.
const PEOPLE: [&str; 5] = [MARIA, PRIYA, NOAH, LUCAS, CHLOE];
const ACTIVITIES: [&str; 3] = ["Offline", "Available", "Unavailable"];

/// The naive count: every stint in Available as a start and an end (None while open),
/// summed over the part after the upgrade.
fn naive_used_ms(stints: &[(Timestamp, Option<Timestamp>)], paid: Timestamp, t: Timestamp) -> u64 {
    stints
        .iter()
        .map(|(start, end)| {
            let (start, end) = ((*start).max(paid).0, end.unwrap_or(t).0);
            end.saturating_sub(start)
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn used_hours_never_decrease_and_equal_the_sum_of_available_intervals(
        steps in prop::collection::vec(step(), 1..40)
    ) {
        let mut c = demo();
        let acme = account(&c, ACME);
        let maria = user(&c, MARIA);
        let lucas_since = worker_of(&c, &acme, LUCAS).created;
        // Per person, the index of their open stint; Lucas is Available from the demo.
        let mut stints: Vec<(Timestamp, Option<Timestamp>)> = vec![(lucas_since, None)];
        let mut open: [Option<usize>; 5] = [None, None, None, Some(0), None];
        let mut paid = None;
        let mut t = now();
        let mut last_used = 0;
        for s in &steps {
            let who = PEOPLE[s.worker];
            let close = |stints: &mut Vec<(Timestamp, Option<Timestamp>)>, open: &mut Option<usize>| {
                if let Some(i) = open.take() {
                    stints[i].1 = Some(t);
                }
            };
            match s.kind {
                0..=2 => {
                    if let Some(w) = c.worker_by_identity(&acme, &email(who)) {
                        let command = Command::ChangeAgentActivity {
                            account: acme,
                            worker: w.sid,
                            activity: activity(&c, &acme, ACTIVITIES[s.activity]),
                        };
                        c.apply(&maria, command, t).unwrap();
                        close(&mut stints, &mut open[s.worker]);
                        if ACTIVITIES[s.activity] == "Available" {
                            stints.push((t, None));
                            open[s.worker] = Some(stints.len() - 1);
                        }
                    }
                }
                3 if s.worker >= 3 => {
                    if let Some(w) = c.worker_by_identity(&acme, &email(who)) {
                        let delete = Command::DeleteWorker { account: acme, worker: w.sid };
                        c.apply(&maria, delete, t).unwrap();
                        close(&mut stints, &mut open[s.worker]);
                    } else {
                        let login = Command::SsoLogin { account: acme };
                        c.apply(&sso(who, "Agent", &["agent"]), login, t).unwrap();
                    }
                }
                4 if paid.is_none() => {
                    upgrade_acme(&mut c, t);
                    paid = Some(t);
                }
                _ => {}
            }
            let hours = c.active_user_hours(&acme, t);
            match paid {
                None => prop_assert_eq!(hours, None),
                Some(since) => {
                    let used = hours.unwrap().used_ms;
                    prop_assert!(used >= last_used, "a command at the same moment takes nothing back");
                    prop_assert_eq!(used, naive_used_ms(&stints, since, t));
                    let later = t.plus_millis(s.minutes * Timestamp::MINUTE);
                    let used_later = c.active_user_hours(&acme, later).unwrap().used_ms;
                    prop_assert!(used_later >= used, "used never decreases as time moves on");
                    prop_assert_eq!(used_later, naive_used_ms(&stints, since, later));
                    last_used = used_later;
                }
            }
            t = t.plus_millis(s.minutes * Timestamp::MINUTE);
        }
    }
}
