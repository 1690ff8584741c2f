//! Property tests: random commands by random actors on the demo. After every step the
//! invariants hold, nothing succeeds without its capability, refusals change nothing, and
//! `Console::check` gave beforehand exactly the answer `apply` gives, changing nothing.

use crate::common;
use flex_console_domain::*;
use proptest::prelude::*;

/// One random step, decoded against the current state so it mostly names real things.
#[derive(Clone, Debug)]
struct Step {
    who: u16,
    account: u16,
    kind: u8,
    params: [u16; 3],
    flag: bool,
    hours: u16,
}

/// How many kinds of command `command_for` makes: the generator and the test that every
/// kind succeeds sometimes both use it, so a kind cannot be left out of either.
const KINDS: u8 = 63;
/// The first kind that is about tasks (their steps move the clock by seconds, not hours).
const TASK_KINDS: u8 = 55;

fn step() -> impl Strategy<Value = Step> {
    (
        any::<u16>(),
        any::<u16>(),
        0u8..KINDS,
        any::<[u16; 3]>(),
        any::<bool>(),
        0u16..200,
    )
        .prop_map(|(who, account, kind, params, flag, hours)| Step {
            who,
            account,
            kind,
            params,
            flag,
            hours,
        })
}

const EMAILS: [&str; 8] = [
    "oliver.smith@example.com",
    "ava.jones@example.com",
    "mia.wilson@example.com",
    "zoe.taylor@example.com",
    "ethan.brown@example.com",
    "new.person@example.com",
    "maria.garcia@example.com",
    "liam.obrien@example.com",
];
const SSO_ROLES: [&[&str]; 7] = [
    &["agent"],
    &["supervisor", "wfo.team_leader"],
    &["admin", "wfo.full_access"],
    &["agent", "wfo.dashboard_viewer"],
    &["flex.readonlyadmin"],
    &[],
    &["supervisor"],
];

fn pick<T: Clone>(items: &[T], n: u16) -> Option<T> {
    (!items.is_empty()).then(|| items[n as usize % items.len()].clone())
}

/// The chosen account, by index into the current ones; two steps in three choose among
/// the accounts with Flex, where most rules live.
fn account_for(c: &Console, s: &Step) -> AccountSid {
    let with_flex: Vec<AccountSid> = c
        .accounts()
        .filter(|a| a.flex.is_some())
        .map(|a| a.sid)
        .collect();
    let all: Vec<AccountSid> = c.accounts().map(|a| a.sid).collect();
    let pool = if s.account.is_multiple_of(3) || with_flex.is_empty() {
        &all
    } else {
        &with_flex
    };
    pick(pool, s.account / 3).unwrap()
}

/// Mostly a member of the step's account (so that rules, not just membership, get
/// exercised), sometimes any Console user, an email or an SSO person. For a task step, mostly
/// the one it is for: the worker offered or handling the task, the clock, simulated traffic.
fn actor_for(c: &Console, s: &Step) -> Actor {
    if s.kind >= TASK_KINDS
        && !s.who.is_multiple_of(7)
        && let Some(actor) = task_actor(c, s)
    {
        return actor;
    }
    member_actor(c, s)
}

/// The person of a worker, as Flex knows them: by their identity (what an SSO sign-in
/// gives; the worker's own Flex roles decide, whoever launched it).
fn person_of(w: &Worker) -> Actor {
    let roles = w.role_names();
    let roles: Vec<&str> = roles.iter().map(String::as_str).collect();
    common::sso(w.identity.as_str(), &w.full_name, &roles)
}

/// The account of a task step: mostly one where the step has something to act on (an
/// available worker for a new task, an offer to answer, a task to handle or cancel).
fn task_account(c: &Console, s: &Step) -> AccountSid {
    let fits = |a: &Account| {
        let Some(flex) = &a.flex else { return false };
        let ws = &flex.workspace;
        let available = |w: &Worker| ws.activity(&w.activity).is_some_and(|x| x.available);
        match s.kind {
            55 => ws.workers.values().any(available),
            56 | 57 => ws.tasks.values().any(|t| t.pending().next().is_some()),
            58 | 59 => ws
                .tasks
                .values()
                .any(|t| t.worker.is_some() && !t.status.ended()),
            60 => ws.tasks.values().any(|t| t.status.routing()),
            _ => false,
        }
    };
    let pool: Vec<AccountSid> = c.accounts().filter(|a| fits(a)).map(|a| a.sid).collect();
    if s.account.is_multiple_of(3) {
        account_for(c, s)
    } else {
        pick(&pool, s.account / 3).unwrap_or_else(|| account_for(c, s))
    }
}

fn task_actor(c: &Console, s: &Step) -> Option<Actor> {
    let account = task_account(c, s);
    match s.kind {
        56 | 57 => {
            let (_, worker) = pick_reservation(c, &account, s)?;
            Some(person_of(c.worker(&account, &worker)?))
        }
        58 | 59 => {
            let task = pick_task(c, &account, s, |t| t.worker.is_some() && !t.status.ended())?;
            Some(person_of(c.worker(&account, &task.worker?)?))
        }
        61 => Some(Actor::Clock),
        _ if s.who.is_multiple_of(5) => Some(Actor::Simulator),
        _ => None,
    }
}

/// A task of the account passing `keep`, chosen by the step.
fn pick_task<'c>(
    c: &'c Console,
    account: &AccountSid,
    s: &Step,
    keep: impl Fn(&Task) -> bool,
) -> Option<&'c Task> {
    let tasks: Vec<&Task> = c
        .workspace(account)?
        .tasks
        .values()
        .filter(|t| keep(t))
        .collect();
    pick(&tasks, s.params[1])
}

/// A pending reservation of the account, chosen by the step: its SID and worker.
fn pick_reservation(
    c: &Console,
    account: &AccountSid,
    s: &Step,
) -> Option<(ReservationSid, WorkerSid)> {
    let offers: Vec<(ReservationSid, WorkerSid)> = c
        .workspace(account)?
        .tasks
        .values()
        .flat_map(|t| t.pending().map(|r| (r.sid, r.worker)))
        .collect();
    pick(&offers, s.params[1])
}

fn member_actor(c: &Console, s: &Step) -> Actor {
    let who = s.who;
    let members: Vec<UserSid> = c
        .account(&account_for(c, s))
        .map(|a| a.members.keys().cloned().collect())
        .unwrap_or_default();
    let users: Vec<UserSid> = c.users().map(|u| u.sid).collect();
    match who % 6 {
        0..=2 => Actor::User(
            pick(&members, who / 6)
                .or_else(|| pick(&users, who / 6))
                .unwrap(),
        ),
        3 => Actor::User(pick(&users, who / 6).unwrap()),
        4 => Actor::Email(common::email(EMAILS[(who / 6) as usize % EMAILS.len()])),
        _ => common::sso(
            &format!("sso{}@example.com", (who / 6) % 6),
            // Sometimes a name longer than any a worker may have, which the login must refuse.
            &if (who / 36).is_multiple_of(5) {
                "N".repeat(300)
            } else {
                "SSO Person".to_owned()
            },
            SSO_ROLES[(who / 6) as usize % SSO_ROLES.len()],
        ),
    }
}

fn fake<T: std::str::FromStr>(prefix: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("{prefix}{}", "f".repeat(32)).parse().unwrap()
}

fn command_for(c: &Console, s: &Step) -> Command {
    let account = account_for(c, s);
    let users: Vec<UserSid> = c.users().map(|u| u.sid).collect();
    let members: Vec<UserSid> = c
        .account(&account)
        .map(|a| a.members.keys().cloned().collect())
        .unwrap_or_default();
    let target = if s.params[0].is_multiple_of(4) {
        None
    } else {
        pick(&members, s.params[0] / 4)
    };
    let target = target.or_else(|| pick(&users, s.params[0])).unwrap();
    let sets = RoleSet::all_valid();
    let roles = pick(&sets, s.params[1]).unwrap();
    let workers: Vec<WorkerSid> = c.workers(&account).map(|w| w.sid).collect();
    let worker = pick(&workers, s.params[0]).unwrap_or_else(|| fake("WK"));
    let activities: Vec<ActivitySid> = c
        .flex_overview(&account)
        .map(|o| {
            o.instance
                .workspace
                .activities
                .iter()
                .map(|a| a.sid)
                .collect()
        })
        .unwrap_or_default();
    let activity = pick(&activities, s.params[2]).unwrap_or_else(|| fake("WA"));
    let next = c.account(&account).map_or(1, |a| a.next_invitation_id);
    let invitation = InvitationId(u64::from(s.params[2]) % (next + 1));
    let products = c.account(&account);
    let numbers: Vec<PhoneNumberSid> = products
        .map(|a| a.phone_numbers.keys().cloned().collect())
        .unwrap_or_default();
    let number = pick(&numbers, s.params[1]).unwrap_or_else(|| fake("PN"));
    let flows: Vec<StudioFlowSid> = products
        .and_then(|a| a.flex.as_ref())
        .map(|f| f.studio_flows.iter().map(|f| f.sid).collect())
        .unwrap_or_default();
    let flow = pick(&flows, s.params[2]).unwrap_or_else(|| fake("FW"));
    let bins: Vec<TwimlBinSid> = products
        .map(|a| a.twiml_bins.keys().cloned().collect())
        .unwrap_or_default();
    let bin = pick(&bins, s.params[0]).unwrap_or_else(|| fake("EH"));
    let keys: Vec<ApiKeySid> = products
        .map(|a| a.api_keys.keys().copied().collect())
        .unwrap_or_default();
    let key = pick(&keys, s.params[1]).unwrap_or_else(|| fake("SK"));
    let twiml = if s.params[2].is_multiple_of(3) {
        "<Response><Say>Hi</Response>"
    } else {
        "<Response><Say>Hi</Say></Response>"
    };
    // A form's revision: mostly the record's own, sometimes one it has moved on from, or none.
    let seen = |current: Option<u64>| match s.params[1] % 5 {
        0 => None,
        1 => Some(current.unwrap_or(0) + 1),
        2 => current.and_then(|n| n.checked_sub(1)),
        _ => current,
    };
    let member_revision = c
        .account(&account)
        .and_then(|a| a.members.get(&target))
        .map(|m| m.revision.number);
    let settings_revision = c
        .account(&account)
        .and_then(|a| a.flex.as_ref())
        .map(|f| f.config.settings_revision.number);
    let bin_revision = c
        .account(&account)
        .and_then(|a| a.twiml_bins.get(&bin))
        .map(|b| b.revision.number);
    let name_revision = c.account(&account).map(|a| a.name_revision.number);
    let key_revision = c
        .account(&account)
        .and_then(|a| a.api_keys.get(&key))
        .map(|k| k.revision.number);
    let a = account;
    match s.kind {
        0 => Command::SignUp {
            full_name: if s.flag { "Pat Doe".into() } else { " ".into() },
        },
        1 => Command::CreateAccount {
            friendly_name: "Random Account".into(),
            account_type: AccountType::Trial,
        },
        2 => Command::RenameAccount {
            account: a,
            friendly_name: if s.flag { "Renamed".into() } else { "".into() },
            revision: seen(name_revision),
        },
        3 => Command::SuspendAccount { account: a },
        4 => Command::ReactivateAccount { account: a },
        5 => Command::CloseAccount { account: a },
        6 => Command::Invite {
            account: a,
            email: common::email(EMAILS[s.params[0] as usize % EMAILS.len()]),
            roles,
        },
        7 => Command::ResendInvitation {
            account: a,
            invitation,
        },
        8 => Command::RevokeInvitation {
            account: a,
            invitation,
        },
        9 => Command::AcceptInvitation {
            account: a,
            invitation,
            full_name: s.flag.then(|| "Invited Person".into()),
        },
        10 => Command::ChangeRoles {
            account: a,
            user: target,
            roles,
            revision: seen(member_revision),
        },
        11 => Command::RemoveMember {
            account: a,
            user: target,
        },
        12 => Command::LeaveAccount { account: a },
        13 => Command::TransferOwnership {
            account: a,
            to: target,
        },
        14 => Command::CreateSecondaryToken { account: a },
        15 => Command::PromoteSecondaryToken { account: a },
        16 => Command::DeleteSecondaryToken { account: a },
        17 => Command::CreateFlexInstance { account: a },
        18 => Command::UpdateFlexSettings {
            account: a,
            settings: FlexSettings {
                ui_version: if s.flag {
                    "2.13.x".into()
                } else {
                    "3.0".into()
                },
                crm_enabled: s.params[1].is_multiple_of(2),
                crm_callback_url: s.params[2]
                    .is_multiple_of(2)
                    .then(|| "https://crm.example.com".into()),
                ..FlexSettings::default()
            },
            revision: seen(settings_revision),
        },
        19 => Command::UpgradePlan {
            account: a,
            billing_model: if s.flag {
                BillingModel::NamedUser
            } else {
                BillingModel::ActiveUserHours
            },
            accept_fair_usage_terms: !s.params[1].is_multiple_of(4),
            payment_method: if s.params[2].is_multiple_of(4) {
                String::new()
            } else {
                "Visa ending 4242".into()
            },
        },
        20 | 21 => Command::LaunchFlex { account: a },
        22 => Command::SsoLogin { account: a },
        23 => {
            let all = InsightsRole::ALL;
            let chosen = (0..(s.params[1] % 3))
                .map(|i| all[(s.params[2] as usize + i as usize) % all.len()])
                .collect();
            Command::SetInsightsRoles {
                account: a,
                worker,
                roles: chosen,
            }
        }
        24 => Command::DeleteWorker { account: a, worker },
        25 => Command::SetWorkerActivity {
            account: a,
            activity,
        },
        26 => {
            // Mostly a number on offer; sometimes one owned already or not in the list.
            let offered = c.available_numbers(None, "", 50);
            let phone_number = match s.params[1] % 4 {
                0 => "+14155550100".into(),
                1 => "+19995550100".into(),
                _ => pick(&offered, s.params[2]).map_or_else(String::new, |n| n.phone_number),
            };
            Command::BuyPhoneNumber {
                account: a,
                phone_number,
            }
        }
        27 => Command::ReleasePhoneNumber { account: a, number },
        28 => Command::RoutePhoneNumber {
            account: a,
            number,
            flow: (!s.flag).then_some(flow),
        },
        29 => Command::DeleteStudioFlow { account: a, flow },
        30 => Command::CreateTwimlBin {
            account: a,
            friendly_name: "Random Bin".into(),
            twiml: twiml.into(),
        },
        31 => Command::UpdateTwimlBin {
            account: a,
            bin,
            friendly_name: if s.flag {
                "Renamed Bin".into()
            } else {
                " ".into()
            },
            twiml: twiml.into(),
            revision: seen(bin_revision),
        },
        32 => Command::DeleteTwimlBin { account: a, bin },
        33 => Command::CreateApiKey {
            account: a,
            friendly_name: if s.params[2].is_multiple_of(5) {
                " ".into()
            } else {
                "Random key".into()
            },
            key_type: if s.flag {
                ApiKeyType::Main
            } else {
                ApiKeyType::Standard
            },
        },
        34 => Command::RenameApiKey {
            account: a,
            key,
            friendly_name: if s.flag {
                "Renamed key".into()
            } else {
                "x".repeat(65)
            },
            revision: seen(key_revision),
        },
        35 => Command::DeleteApiKey { account: a, key },
        36 => Command::ChangeAgentActivity {
            account: a,
            worker,
            activity,
        },
        k if k >= TASK_KINDS => task_command(c, s),
        _ => routing_command(c, s, a, worker, activity),
    }
}

const QUEUE_EXPRESSIONS: [&str; 5] = [
    "1==1",
    "routing.skills HAS 'support'",
    "routing.levels.support >= 5",
    "roles HAS 'agent'",
    "routing.skills HAS",
];
const SKILLS: [&str; 3] = ["sales", "support", "spanish"];

/// The TaskRouter and skills commands (kinds 37 to 54), decoded like the others.
fn routing_command(
    c: &Console,
    s: &Step,
    a: AccountSid,
    worker: WorkerSid,
    activity: ActivitySid,
) -> Command {
    let ws = c.workspace(&a);
    let queues: Vec<TaskQueueSid> = ws
        .map(|w| w.task_queues.iter().map(|q| q.sid).collect())
        .unwrap_or_default();
    let queue = pick(&queues, s.params[1]).unwrap_or_else(|| fake("WQ"));
    let workflows: Vec<WorkflowSid> = ws
        .map(|w| w.workflows.iter().map(|w| w.sid).collect())
        .unwrap_or_default();
    let workflow = pick(&workflows, s.params[1]).unwrap_or_else(|| fake("WW"));
    let channels: Vec<TaskChannelSid> = ws
        .map(|w| w.task_channels.iter().map(|c| c.sid).collect())
        .unwrap_or_default();
    let channel = pick(&channels, s.params[2]).unwrap_or_else(|| fake("TC"));
    // Mostly the revision the form showed; one in five a stale one.
    let revision = |r: &Revision| {
        if s.params[0].is_multiple_of(5) {
            r.number + 1
        } else {
            r.number
        }
    };
    let n = s.params[0] % 7;
    let queue_spec = TaskQueueSpec {
        friendly_name: format!("Queue {n}"),
        target_workers: QUEUE_EXPRESSIONS[s.params[2] as usize % QUEUE_EXPRESSIONS.len()].into(),
        max_reserved_workers: u32::from(s.params[1] % 52),
        task_order: if s.flag {
            TaskOrder::Fifo
        } else {
            TaskOrder::Lifo
        },
    };
    let workflow_spec = WorkflowSpec {
        friendly_name: format!("Workflow {n}"),
        task_reservation_timeout: if s.params[1].is_multiple_of(9) { 0 } else { 60 },
        configuration: WorkflowConfiguration {
            filters: vec![Filter {
                name: "Support".into(),
                expression: if s.params[2].is_multiple_of(5) {
                    "type ==".into()
                } else {
                    "type == 'support'".into()
                },
                targets: vec![Target {
                    queue: Some(queue),
                    timeout: Some(30),
                    order_by: Some("worker.routing.levels.support DESC".into()),
                    ..Target::default()
                }],
            }],
            default_queue: pick(&queues, s.params[2]),
        },
    };
    // A new skill's name: one of the demo's, a fresh one, or a refused one.
    let new_name = match s.params[2] % 4 {
        0 => SKILLS[s.params[1] as usize % SKILLS.len()].to_owned(),
        3 => "bad-name".to_owned(),
        _ => format!("skill{n}"),
    };
    let skill = Skill {
        name: new_name.clone(),
        multivalue: s.flag,
        minimum: s.flag.then_some(1),
        maximum: s.flag.then_some(u32::from(s.params[1] % 12)),
    };
    // An existing skill of the account's catalogue, mostly.
    let catalogue: Vec<String> = c
        .account(&a)
        .and_then(|acc| acc.flex.as_ref())
        .map(|f| {
            f.config
                .taskrouter_skills
                .iter()
                .map(|s| s.name.clone())
                .collect()
        })
        .unwrap_or_default();
    let existing = if s.params[0].is_multiple_of(6) {
        new_name.clone()
    } else {
        pick(&catalogue, s.params[2]).unwrap_or_else(|| new_name.clone())
    };
    let tr = |change| Command::TaskRouter { account: a, change };
    use TaskRouterCommand as T;
    match s.kind {
        37 => tr(T::CreateActivity {
            friendly_name: format!("Break {n}"),
            available: s.flag,
        }),
        38 => tr(T::RenameActivity {
            activity,
            friendly_name: if s.flag {
                format!("Renamed {n}")
            } else {
                "Available".into()
            },
        }),
        39 => tr(T::DeleteActivity { activity }),
        40 => {
            let activities: Vec<ActivitySid> = ws
                .map(|w| w.activities.iter().map(|a| a.sid).collect())
                .unwrap_or_default();
            let other = pick(&activities, s.params[1]).unwrap_or(activity);
            tr(T::SetWorkspaceActivities {
                default_activity: activity,
                timeout_activity: other,
            })
        }
        41 => tr(T::CreateTaskChannel {
            unique_name: if s.flag {
                format!("video{n}")
            } else {
                "9lives".into()
            },
            friendly_name: String::new(),
        }),
        42 => tr(T::DeleteTaskChannel { channel }),
        43 => tr(T::CreateTaskQueue { spec: queue_spec }),
        44 => {
            let current = ws
                .and_then(|w| w.queue(&queue))
                .map(|q| revision(&q.revision));
            tr(T::UpdateTaskQueue {
                queue,
                spec: queue_spec,
                revision: current.unwrap_or(0),
            })
        }
        45 => tr(T::DeleteTaskQueue { queue }),
        46 => tr(T::CreateWorkflow {
            spec: workflow_spec,
        }),
        47 => {
            let current = ws
                .and_then(|w| w.workflow(&workflow))
                .map(|w| revision(&w.revision));
            tr(T::UpdateWorkflow {
                workflow,
                spec: workflow_spec,
                revision: current.unwrap_or(0),
            })
        }
        48 => tr(T::DeleteWorkflow { workflow }),
        49 => {
            let w = c.worker(&a, &worker);
            let attributes = w.map_or_else(String::new, |w| {
                let mut value = serde_json::to_value(w.attributes()).unwrap();
                match s.params[1] % 4 {
                    0 => value["team"] = serde_json::json!("blue"),
                    1 => value["email"] = serde_json::json!("someone.else@example.com"),
                    2 => value["routing"]["skills"] = serde_json::json!(["sales"]),
                    _ => return "{not json".into(),
                }
                value.to_string()
            });
            tr(T::SetWorkerAttributes {
                worker,
                attributes,
                revision: w.map_or(0, |w| revision(&w.revision)),
            })
        }
        50 => tr(T::SetWorkerChannel {
            worker,
            channel,
            capacity: u32::from(s.params[1] % 55),
            available: s.flag,
        }),
        51 => Command::CreateSkill { account: a, skill },
        53 => Command::UpdateSkill {
            account: a,
            skill: Skill {
                name: existing,
                ..skill
            },
        },
        54 => {
            // Half the time a skill nobody holds, which may go.
            let unheld: Vec<String> = catalogue
                .iter()
                .filter(|name| {
                    !c.workers(&a).any(|w| {
                        w.routing.skills.contains(name) || w.disabled_skills.skills.contains(name)
                    })
                })
                .cloned()
                .collect();
            let name = if s.params[1].is_multiple_of(2) {
                pick(&unheld, s.params[2]).unwrap_or(existing)
            } else {
                existing
            };
            Command::DeleteSkill { account: a, name }
        }
        _ => {
            // 52: right after a skill is created, so the catalogue has one to give.
            let w = c.worker(&a, &worker);
            let mut levels = std::collections::BTreeMap::new();
            if s.params[1].is_multiple_of(2) {
                levels.insert("support".to_owned(), u32::from(s.params[1] % 12));
            }
            Command::SetAgentSkills {
                account: a,
                worker,
                skills: if s.params[1].is_multiple_of(3) {
                    vec![existing]
                } else {
                    vec![existing, "support".into()]
                },
                levels,
                revision: w.map_or(0, |w| revision(&w.revision)),
            }
        }
    }
}

/// Every offer a step made went to a worker of the task's queue with room on its channel: the
/// worker's held reservations there are within its capacity.
fn check_new_offers(before: &Console, after: &Console) {
    for account in after.accounts() {
        let Some(flex) = &account.flex else { continue };
        let ws = &flex.workspace;
        for task in ws.tasks.values() {
            let old = before.task(&account.sid, &task.sid);
            for r in task.reservations.iter().filter(|r| {
                old.is_none_or(|o| o.reservation(&r.sid).is_none())
                    && r.status == ReservationStatus::Pending
            }) {
                let queue = task.placement.expect("an offered task is in a step").queue;
                assert!(
                    after
                        .queue_members(&queue)
                        .is_some_and(|m| m.contains(&r.worker)),
                    "a task was offered to a worker outside its queue"
                );
                let worker = ws
                    .workers
                    .get(&r.worker)
                    .expect("offered to a worker of the workspace");
                let capacity = worker.channel(&task.channel).capacity;
                assert!(
                    after.held_on(&r.worker, &task.channel) <= capacity,
                    "a worker holds more than its capacity on a channel"
                );
            }
        }
    }
}

/// Invariants checked independently of `validate`, plus `validate` itself.
fn check_invariants(c: &Console) {
    c.validate()
        .unwrap_or_else(|e| panic!("validate failed: {e}"));
    let mut reindexed = c.clone();
    reindexed.reindex();
    assert!(
        reindexed == *c,
        "indexes kept incrementally must equal rebuilt ones"
    );
    // Every task ends completed or canceled, is handled by a worker, or is still routable:
    // in a step of an existing queue, with its timers (its TTL at least) set.
    for account in c.accounts() {
        let Some(flex) = &account.flex else { continue };
        for task in flex.workspace.tasks.values() {
            match task.status {
                TaskStatus::Pending | TaskStatus::Reserved => {
                    let queue = task.placement.expect("a routing task is in a step").queue;
                    assert!(flex.workspace.queue(&queue).is_some());
                    assert!(
                        c.next_deadline(&account.sid).is_some(),
                        "a routing task has its timers"
                    );
                }
                TaskStatus::Assigned | TaskStatus::Wrapping => assert!(task.worker.is_some()),
                TaskStatus::Completed | TaskStatus::Canceled => assert!(task.ended.is_some()),
            }
        }
    }
    let mut sids = std::collections::HashSet::new();
    let well_formed = |s: &str| s.len() == 34 && s[2..].chars().all(|ch| ch.is_ascii_hexdigit());
    for user in c.users() {
        assert!(well_formed(user.sid.as_str()) && sids.insert(user.sid.to_string()));
    }
    for account in c.accounts() {
        assert!(well_formed(account.sid.as_str()) && sids.insert(account.sid.to_string()));
        let owners = account
            .members
            .values()
            .filter(|m| m.roles.contains(ConsoleRole::Owner))
            .count();
        assert_eq!(owners, 1, "exactly one Owner in {}", account.friendly_name);
        for member in account.members.values() {
            assert_eq!(RoleSet::new(member.roles.roles()), Ok(member.roles));
        }
        for key in account.api_keys.values() {
            assert!(well_formed(key.sid.as_str()) && sids.insert(key.sid.to_string()));
        }
        let Some(flex) = &account.flex else { continue };
        for worker in flex.workspace.workers.values() {
            assert!(worker.sid.as_str().starts_with("WK") && well_formed(worker.sid.as_str()));
            assert!(sids.insert(worker.sid.to_string()), "unique worker SID");
            if let flex::worker::LoginVia::Console { console_roles, .. } = &worker.login {
                let expected = match launch_outcome(*console_roles) {
                    LaunchOutcome::Admin => vec![FlexRole::Admin],
                    LaunchOutcome::ReadOnlyAdmin => vec![FlexRole::ReadOnlyAdmin],
                    LaunchOutcome::Denied => panic!("a denied role set produced a worker"),
                };
                assert_eq!(worker.flex_roles, expected);
            } else {
                assert!(!worker.flex_roles.contains(&FlexRole::ReadOnlyAdmin));
            }
            if !worker.insights_roles.is_empty() {
                // On a trial, the only Insights role is the one a Console admin login grants.
                let console_admin = matches!(&worker.login, flex::worker::LoginVia::Console { console_roles, .. }
                    if launch_outcome(*console_roles) == LaunchOutcome::Admin);
                assert!(
                    flex.plan.is_paid()
                        || (console_admin
                            && worker.insights_roles == [flex::worker::InsightsRole::FullAccess]),
                    "Insights only on paid plans"
                );
                assert!(
                    worker
                        .flex_roles
                        .iter()
                        .any(|r| matches!(r, FlexRole::Admin | FlexRole::Supervisor))
                );
            }
        }
    }
}

/// Random sequences per run, and commands in each: 2,000 × 50 = 100,000 random commands,
/// every invariant checked after each.
const SEQUENCES: u32 = 2_000;
const STEPS: usize = 50;

proptest! {
    #![proptest_config(ProptestConfig { cases: SEQUENCES, ..ProptestConfig::default() })]

    #[test]
    fn random_commands_keep_every_invariant(steps in prop::collection::vec(step(), STEPS)) {
        let mut c = Console::demo();
        let mut now = DEMO_NOW;
        for s in &steps {
            // A task step moves the clock by seconds (offers time out in 30 s), any other by hours.
            let unit = if s.kind >= TASK_KINDS { 1_000 } else { Timestamp::HOUR };
            now = now.plus_millis(u64::from(s.hours) * unit);
            let actor = actor_for(&c, s);
            let command = command_for(&c, s);
            let before = c.clone();
            let asked = c.check(&actor, &command, now);
            prop_assert!(c == before, "check of {:?} changed the state", command);
            let applied = c.apply(&actor, command.clone(), now);
            prop_assert_eq!(&asked, &applied.as_ref().map(drop).map_err(Clone::clone),
                "check and apply disagree on {:?}", command);
            match applied {
                Err(error) => {
                    prop_assert!(c == before, "refused {:?} changed the state", command);
                    prop_assert!(!error.to_string().is_empty());
                }
                Ok(event) => {
                    // Every change is on record once, but what happens to tasks is kept on each
                    // task's path instead.
                    let logged = usize::from(event.kind.is_logged());
                    prop_assert_eq!(c.activity_log().len(), before.activity_log().len() + logged, "{:?} is on record once", command);
                    if logged == 1 {
                        prop_assert_eq!(c.activity_log().last(), Some(&event.without_secret()), "every change is on record");
                    }
                    if let EventKind::ApiKeyCreated { secret, .. } = &event.kind {
                        // Handed out once, on the returned event; never in the log or the saved state.
                        let secret = secret.as_ref().map(|s| s.as_str().to_owned()).unwrap_or_default();
                        prop_assert!(secret.len() == 32 && secret.chars().all(|ch| ch.is_ascii_alphanumeric()));
                        prop_assert!(!c.to_json().unwrap().contains(&secret), "a key's secret was saved");
                    }
                    prop_assert_eq!(event.at, now);
                    prop_assert_eq!(&event.by, &actor);
                    if let (Some(capability), Some(account)) = (command.capability(), command.account()) {
                        prop_assert!(before.can(&actor, account, capability),
                            "{:?} succeeded without {:?}", command, capability);
                    }
                    check_new_offers(&before, &c);
                    if let EventKind::FlexLaunched { worker, outcome, .. } = &event.kind {
                        let account = command.account().unwrap();
                        let roles = before.roles_of(&actor, account).unwrap();
                        prop_assert_eq!(*outcome, launch_outcome(roles));
                        let w = c.worker(account, worker).unwrap();
                        prop_assert_eq!(&w.login, &flex::worker::LoginVia::Console { user: *actor.user().unwrap(), console_roles: roles });
                    }
                }
            }
            check_invariants(&c);
        }
        // Any state the commands reach exports, imports and exports again to the same text.
        let text = c.to_json().unwrap();
        let back = Console::from_json(&text).unwrap_or_else(|e| panic!("its own export was refused: {e}"));
        prop_assert_eq!(back.check_now(now), Ok(()));
        prop_assert!(back.to_json().unwrap() == text, "the export changed on the way back");
    }

    #[test]
    fn the_same_steps_give_the_same_console(steps in prop::collection::vec(step(), 1..20)) {
        // (also 2,000 cases: cheap, as it checks no invariant)
        let run = || {
            let mut c = Console::demo();
            for s in &steps {
                let actor = actor_for(&c, s);
                let command = command_for(&c, s);
                let _ = c.apply(&actor, command, DEMO_NOW);
            }
            c
        };
        prop_assert!(run() == run());
    }
}

#[test]
fn random_steps_do_succeed_sometimes() {
    // Guards the property test against decoding steps that are always refused. Kinds run in
    // turn on one evolving Console, six rounds, since some need what others make (a skill
    // to delete that nobody holds yet); the task kinds run on a contact center at work.
    let mut c = Console::demo();
    let mut successes = std::collections::BTreeSet::new();
    let mut n: u16 = 0;
    let attempt_kind = |c: &mut Console, kind: u8, n: &mut u16| {
        for attempt in 0..400u16 {
            *n = n.wrapping_mul(31).wrapping_add(attempt).wrapping_add(7);
            let s = Step {
                who: *n,
                account: *n / 3,
                kind,
                params: [*n / 5, *n / 7, *n / 11],
                flag: n.is_multiple_of(2),
                hours: 1,
            };
            let actor = actor_for(c, &s);
            if c.apply(&actor, command_for(c, &s), DEMO_NOW).is_ok() {
                return true;
            }
        }
        false
    };
    for _round in 0..6 {
        for kind in 0..TASK_KINDS {
            if attempt_kind(&mut c, kind, &mut n) {
                successes.insert(kind);
            }
        }
    }
    for kind in TASK_KINDS..KINDS {
        let mut center = contact_center_at_work();
        if attempt_kind(&mut center, kind, &mut n) {
            successes.insert(kind);
        }
    }
    let never: Vec<u8> = (0..KINDS).filter(|k| !successes.contains(k)).collect();
    assert!(never.is_empty(), "kinds {never:?} never succeeded");
}

/// The demo with calls in Acme: Maria Available beside Lucas, one call offered, one
/// accepted by Lucas.
fn contact_center_at_work() -> Console {
    let mut c = Console::demo();
    let acme = common::account(&c, common::ACME);
    let maria = common::user(&c, common::MARIA);
    let ws = c.workspace(&acme).unwrap();
    let available = ws.activities[1].sid;
    let (workflow, voice) = (ws.workflows[0].sid, ws.channel_named("voice").unwrap().sid);
    c.apply(
        &maria,
        Command::SetWorkerActivity {
            account: acme,
            activity: available,
        },
        DEMO_NOW,
    )
    .unwrap();
    let liam = common::user(&c, common::LIAM);
    for _ in 0..3 {
        let call = TaskCommand::CreateTask {
            workflow,
            channel: voice,
            attributes: "{}".into(),
            priority: 0,
            timeout: 600,
            origin: "Call".into(),
        };
        c.apply(
            &liam,
            Command::Task {
                account: acme,
                change: call,
            },
            DEMO_NOW,
        )
        .unwrap();
    }
    let lucas = c
        .worker_by_identity(
            &acme,
            &common::email("lucas.martin@acme-support.example.com"),
        )
        .unwrap()
        .clone();
    let offer = c
        .workspace(&acme)
        .unwrap()
        .tasks
        .values()
        .flat_map(|t| t.pending())
        .find(|r| r.worker == lucas.sid)
        .unwrap()
        .sid;
    let accept = TaskCommand::AcceptReservation { reservation: offer };
    c.apply(
        &person_of(&lucas),
        Command::Task {
            account: acme,
            change: accept,
        },
        DEMO_NOW,
    )
    .unwrap();
    c
}

/// A random filter for the activity log, decoded against the Console like a step.
#[derive(Clone, Debug)]
struct LogFilter {
    who: Option<u16>,
    kind: Option<u8>,
    account: Option<u16>,
    text: u8,
    from: Option<u8>,
    to: Option<u8>,
}

fn log_filter() -> impl Strategy<Value = LogFilter> {
    (
        prop::option::of(any::<u16>()),
        prop::option::of(0u8..ActivityKind::ALL.len() as u8),
        prop::option::of(any::<u16>()),
        any::<u8>(),
        prop::option::of(0u8..80),
        prop::option::of(0u8..80),
    )
        .prop_map(|(who, kind, account, text, from, to)| LogFilter {
            who,
            kind,
            account,
            text,
            from,
            to,
        })
}

/// Words the log's sentences, people and accounts hold (and some they do not).
const LOG_WORDS: [&str; 9] = [
    "",
    "bought",
    "GLOBEX",
    "maria",
    "signed up",
    "invited acme",
    "Flex",
    "zzz",
    "garcía",
];

/// The demo's first day: the filter's dates count from it.
const LOG_START: Timestamp = Timestamp::from_utc(2025, 1, 5, 0, 0);

fn filter_for(c: &Console, f: &LogFilter) -> Option<ActivityFilter> {
    let people: Vec<String> = c
        .activity_log()
        .iter()
        .map(flex_console_domain::activity::person_key)
        .collect();
    let accounts: Vec<AccountSid> = c.accounts().map(|a| a.sid).collect();
    let date = |d: u8| Date::of(LOG_START.plus_days(u64::from(d)));
    let days = DateRange::new(f.from.map(date), f.to.map(date)).ok()?;
    Some(ActivityFilter {
        actor: f.who.and_then(|n| pick(&people, n)),
        kind: f.kind.map(|k| ActivityKind::ALL[k as usize]),
        account: f.account.and_then(|n| pick(&accounts, n)),
        text: LOG_WORDS[f.text as usize % LOG_WORDS.len()].to_owned(),
        days,
    })
}

/// What the Console-wide log of `user` should hold, said again the plain way: the whole log
/// scanned, each entry kept when the user may see it and it passes every condition.
fn log_by_scanning<'c>(c: &'c Console, user: &UserSid, f: &ActivityFilter) -> Vec<&'c Event> {
    let actor = Actor::User(*user);
    let readable = |a: &AccountSid| c.can(&actor, a, Capability::ViewLogsAndUsage);
    let member_of_readable = |u: &UserSid| {
        c.accounts_of(u)
            .iter()
            .any(|(a, _)| readable(&a.sid) && c.roles_of(&actor, &a.sid).is_some())
    };
    let mut entries: Vec<(usize, &Event)> = c
        .activity_log()
        .iter()
        .enumerate()
        .filter(|(_, e)| match (&e.account, &e.kind) {
            (Some(a), _) => readable(a),
            (None, EventKind::SignedUp { user: who, .. }) => who == user || member_of_readable(who),
            (None, _) => false,
        })
        .filter(|(_, e)| f.days.contains(e.at))
        .filter(|(_, e)| f.kind.is_none_or(|k| e.kind.activity_kind() == k))
        .filter(|(_, e)| f.account.is_none() || e.account == f.account)
        .filter(|(_, e)| {
            f.actor
                .as_ref()
                .is_none_or(|k| &flex_console_domain::activity::person_key(e) == k)
        })
        .filter(|(_, e)| {
            let account = e.account.as_ref().and_then(|a| c.account(a));
            let name = account.map(|a| a.friendly_name.as_str()).unwrap_or("");
            search::matches(&f.text, &[&c.describe(e), &c.person_name(e), name])
        })
        .collect();
    entries.sort_by(|(i, a), (j, b)| b.at.cmp(&a.at).then(j.cmp(i)));
    entries.into_iter().map(|(_, e)| e).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_console_wide_log_is_what_scanning_the_whole_log_gives(
        steps in prop::collection::vec(step(), 0..30),
        filters in prop::collection::vec(log_filter(), 1..6),
        who in any::<u16>(),
    ) {
        let mut c = Console::demo();
        let mut now = DEMO_NOW;
        for s in &steps {
            now = now.plus_millis(u64::from(s.hours) * Timestamp::HOUR);
            let actor = actor_for(&c, s);
            let command = command_for(&c, s);
            let _ = c.apply(&actor, command, now);
        }
        let users: Vec<UserSid> = c.users().map(|u| u.sid).collect();
        let user = pick(&users, who).unwrap();
        for f in &filters {
            let Some(filter) = filter_for(&c, f) else { continue };
            let log = c.console_activity(&user, &filter);
            prop_assert_eq!(&log, &log_by_scanning(&c, &user, &filter), "{:?}", filter);
            prop_assert!(log.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
            if let Some(account) = &filter.account {
                // The account's own log, with the same filter, is the same list when the user may read it.
                if c.can(&Actor::User(user), account, Capability::ViewLogsAndUsage) {
                    prop_assert_eq!(&log, &c.activity(account, &filter));
                }
            }
        }
    }
}

/// One change to a saved state: where (a path chosen by numbers, an object's key or an
/// array's item at each step) and what goes there.
#[derive(Clone, Debug)]
struct Mutation {
    path: Vec<u16>,
    what: u8,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (prop::collection::vec(any::<u16>(), 1..12), any::<u8>())
        .prop_map(|(path, what)| Mutation { path, what })
}

/// Values that break rules or sit at their edges; None deletes the field (or the item).
fn edge_value(old: &serde_json::Value, what: u8) -> Option<serde_json::Value> {
    use serde_json::{Value, json};
    let same_prefix_sid = |fill: &str| match old.as_str() {
        Some(s) if s.len() == 34 => Value::from(format!("{}{}", &s[..2], fill.repeat(32))),
        _ => Value::from(format!("US{}", fill.repeat(32))),
    };
    Some(match what % 30 {
        0 => return None,
        1 => Value::Null,
        2 => json!(0),
        3 => json!(1),
        4 => json!(u64::MAX),
        5 => json!(Timestamp::LATEST.0),
        6 => json!(Timestamp::LATEST.0 + 1),
        7 => json!(-1),
        8 => json!(1.5),
        9 => json!(true),
        10 => json!(""),
        11 => json!("   "),
        12 => json!("x".repeat(64)),
        13 => json!("x".repeat(65)),
        14 => json!("y".repeat(101)),
        15 => json!("y".repeat(255)),
        16 => json!("a@b.co"),
        17 => json!("not an email"),
        18 => same_prefix_sid("0"),
        19 => same_prefix_sid("f"),
        20 => json!([]),
        21 => json!({}),
        22 => json!("<Response/>"),
        23 => json!("<Response>&#0;</Response>"),
        24 => json!("+14155550100"),
        25 => json!(["admin"]),
        26 => json!(["owner"]),
        27 => json!(Timestamp::LATEST_NOW.0),
        28 => json!("https://crm.example.com"),
        _ => json!(DEMO_NOW.0 - Timestamp::DAY),
    })
}

/// Applies `m` to `value` (nothing when its path runs into an empty container).
fn mutate(value: &mut serde_json::Value, m: &Mutation) {
    use serde_json::Value;
    let mut at = value;
    for (depth, &n) in m.path.iter().enumerate() {
        let last = depth + 1 == m.path.len();
        let container = match &*at {
            Value::Object(map) => !map.is_empty(),
            Value::Array(items) => !items.is_empty(),
            _ => false,
        };
        if !container {
            if let Some(v) = edge_value(at, m.what) {
                *at = v;
            }
            return;
        }
        let step = match at {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(n as usize % map.len()).cloned().unwrap();
                if last {
                    match edge_value(&map[&key], m.what) {
                        Some(v) => map[&key] = v,
                        None => {
                            map.remove(&key);
                        }
                    }
                    return;
                }
                map.get_mut(&key).unwrap()
            }
            Value::Array(items) if !items.is_empty() => {
                let i = n as usize % items.len();
                if last {
                    match edge_value(&items[i], m.what) {
                        Some(v) => items[i] = v,
                        None => {
                            items.remove(i);
                        }
                    }
                    return;
                }
                &mut items[i]
            }
            _ => return,
        };
        at = step;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    /// Whatever import accepts (the demo with fields broken or pushed to their edges) exports
    /// and imports again, and stays so after commands at any clock the import allows: import
    /// holds the data to every rule the commands keep.
    #[test]
    fn anything_import_accepts_exports_and_imports_again(
        mutations in prop::collection::vec(mutation(), 1..4),
        steps in prop::collection::vec(step(), 0..12),
        late in any::<bool>(),
    ) {
        let mut value = serde_json::to_value(Console::demo()).unwrap();
        for m in &mutations {
            mutate(&mut value, m);
        }
        let Ok(mut c) = Console::from_json(&value.to_string()) else {
            return Ok(()); // refused: nothing to prove
        };
        let text = c.to_json().unwrap();
        let back = Console::from_json(&text);
        prop_assert!(back.is_ok(), "accepted, then its export refused: {:?}", back.err());
        prop_assert!(back.unwrap().to_json().unwrap() == text, "the export changed on the way back");
        // The clock opens at what a scenario file may say: anywhere from the latest change on.
        let mut now = if late { Timestamp::LATEST_NOW } else { c.latest_moment().max(DEMO_NOW) };
        if c.check_now(now).is_err() {
            return Ok(()); // no scenario file can open it at this clock: refused as a whole
        }
        for s in &steps {
            let actor = actor_for(&c, s);
            let command = command_for(&c, s);
            let _ = c.apply(&actor, command, now);
            check_invariants(&c);
            now = now.plus_millis(u64::from(s.hours) * Timestamp::HOUR).min(Timestamp::LATEST_NOW);
        }
        let again = Console::from_json(&c.to_json().unwrap());
        prop_assert!(again.is_ok(), "after commands its export was refused: {:?}", again.err());
    }
}

/// Whether `text` says "a" or "an" as the next word is said (see `words::article`).
fn articles_agree(text: &str) -> Result<(), String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let said = pair[0].to_lowercase();
        if said != "a" && said != "an" {
            continue;
        }
        let next = pair[1].trim_start_matches(|c: char| !c.is_alphanumeric());
        if next.is_empty() || next.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let right = words::article(next);
        if said != right {
            return Err(format!("“{} {}” in: {text}", pair[0], pair[1]));
        }
    }
    Ok(())
}

#[test]
fn every_message_says_a_and_an_as_they_are_said() {
    // Reported: "… is a account". Every refusal and every log sentence of 3,000 random
    // commands, and every sentence naming a kind of resource.
    let mut c = Console::demo();
    let mut now = DEMO_NOW;
    let mut n: u16 = 1;
    let mut heard = std::collections::BTreeSet::new();
    for i in 0..3_000u32 {
        n = n.wrapping_mul(75).wrapping_add(74);
        let s = Step {
            who: n,
            account: n.rotate_left(5),
            kind: (i % u32::from(KINDS)) as u8,
            params: [n.rotate_left(3), n.rotate_left(7), n.rotate_left(11)],
            flag: n.is_multiple_of(3),
            hours: n % 50,
        };
        now = now.plus_millis(u64::from(s.hours) * Timestamp::HOUR);
        let actor = actor_for(&c, &s);
        let command = command_for(&c, &s);
        match c.apply(&actor, command, now) {
            Ok(event) => heard.insert(c.describe(&event)),
            Err(e) => heard.insert(e.to_string()),
        };
    }
    for kind in flex_console_domain::resources::ResourceKind::ALL {
        heard.insert(format!("This is {}.", kind.with_article()));
    }
    let wrong: Vec<String> = heard
        .iter()
        .filter_map(|m| articles_agree(m).err())
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(heard.len() > 100, "only {} different messages", heard.len());
}

const TASK_ATTRIBUTES: [&str; 6] = [
    r#"{"type": "support"}"#,
    r#"{"type": "sales"}"#,
    r#"{"language": "es"}"#,
    r#"{"vip": true}"#,
    "{}",
    "{not json",
];

/// The task commands (kinds 55 to 61), decoded like the others.
fn task_command(c: &Console, s: &Step) -> Command {
    let a = task_account(c, s);
    let ws = c.workspace(&a);
    let workflows: Vec<WorkflowSid> = ws
        .map(|w| w.workflows.iter().map(|w| w.sid).collect())
        .unwrap_or_default();
    let channels: Vec<TaskChannelSid> = ws
        .map(|w| w.task_channels.iter().map(|c| c.sid).collect())
        .unwrap_or_default();
    let handled = |t: &Task| t.worker.is_some() && !t.status.ended();
    let task =
        |keep: fn(&Task) -> bool| pick_task(c, &a, s, keep).map_or_else(|| fake("WT"), |t| t.sid);
    let reservation = pick_reservation(c, &a, s).map_or_else(|| fake("WR"), |(r, _)| r);
    let change = match s.kind {
        55 => TaskCommand::CreateTask {
            workflow: pick(&workflows, s.params[0]).unwrap_or_else(|| fake("WW")),
            channel: pick(&channels, s.params[2] % 3).unwrap_or_else(|| fake("TC")),
            attributes: TASK_ATTRIBUTES[s.params[1] as usize % TASK_ATTRIBUTES.len()].into(),
            priority: u32::from(s.params[2] % 3) * 5,
            timeout: if s.flag {
                86_400
            } else {
                u32::from(s.params[0] % 600)
            },
            origin: "Random call".into(),
        },
        56 => TaskCommand::RejectReservation { reservation },
        57 => TaskCommand::AcceptReservation { reservation },
        58 => TaskCommand::WrapUpTask {
            task: task(handled),
        },
        59 => TaskCommand::CompleteTask {
            task: task(handled),
        },
        60 => TaskCommand::CancelTask {
            task: task(|t| t.status.routing()),
            reason: "The caller hung up".into(),
        },
        61 => TaskCommand::Advance,
        _ => {
            let queues: Vec<TaskQueueSid> = ws
                .map(|w| w.task_queues.iter().map(|q| q.sid).collect())
                .unwrap_or_default();
            return Command::SetServiceLevel {
                account: a,
                queue: pick(&queues, s.params[0]).unwrap_or_else(|| fake("WQ")),
                threshold: u32::from(s.params[1] % 4000),
            };
        }
    };
    Command::Task { account: a, change }
}
