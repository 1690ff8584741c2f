//! Everything of an account that has a SID, and where a pasted SID lives.

use crate::common::*;
use flex_console_domain::resources::ResourceKind;
use flex_console_domain::*;

#[test]
fn an_account_lists_every_resource_with_the_page_that_shows_it() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let listed = c.resources(&globex);
    assert_eq!(listed[0].kind, ResourceKind::Account);
    let kinds: std::collections::BTreeSet<ResourceKind> = listed.iter().map(|r| r.kind).collect();
    for kind in [
        ResourceKind::Member,
        ResourceKind::FlexInstance,
        ResourceKind::Worker,
        ResourceKind::Workspace,
        ResourceKind::Workflow,
        ResourceKind::TaskQueue,
        ResourceKind::Activity,
        ResourceKind::TaskChannel,
        ResourceKind::StudioFlow,
        ResourceKind::FlexFlow,
        ResourceKind::ConversationsService,
        ResourceKind::ProxyService,
        ResourceKind::FunctionsService,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} listed");
    }
    // Every SID is listed once, and every one is well formed.
    let mut sids: Vec<&str> = listed
        .iter()
        .filter(|r| r.kind != ResourceKind::Member)
        .map(|r| r.sid.as_str())
        .collect();
    let count = sids.len();
    sids.sort_unstable();
    sids.dedup();
    assert_eq!(sids.len(), count);
    assert_eq!(ResourceKind::Worker.page(), AccountPage::Workers);
    assert_eq!(ResourceKind::TwimlBin.page(), AccountPage::TwimlBins);
}

#[test]
fn a_queue_a_workflow_and_a_worker_open_their_own_page_and_the_rest_their_list_searched() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let path_of = |kind: ResourceKind, name: &str| {
        c.resources(&globex)
            .into_iter()
            .find(|r| r.kind == kind && r.name == name)
            .map(|r| (r.path(), r.sid))
            .unwrap()
    };
    let (path, sid) = path_of(ResourceKind::TaskQueue, "Sales");
    assert_eq!(path, format!("/taskrouter/queues/{sid}"));
    let (path, sid) = path_of(ResourceKind::Workflow, "Inbound Routing");
    assert_eq!(path, format!("/taskrouter/workflows/{sid}"));
    let (path, sid) = path_of(ResourceKind::Worker, "Hannah Becker");
    assert_eq!(path, format!("/taskrouter/workers/{sid}"));
    let (path, sid) = path_of(ResourceKind::Activity, "Offline");
    assert_eq!(path, format!("/taskrouter/activities?q={sid}"));
    let (path, sid) = path_of(ResourceKind::TaskChannel, "voice");
    assert_eq!(path, format!("/taskrouter/channels?q={sid}"));
    let (path, _) = path_of(ResourceKind::Workspace, "Flex Task Assignment");
    assert_eq!(path, "/taskrouter");
    let (path, sid) = path_of(ResourceKind::TwimlBin, "After-hours message");
    assert_eq!(path, format!("/twiml-bins?q={sid}"));
    let (path, _) = path_of(ResourceKind::FlexInstance, "Flex instance");
    assert_eq!(path, "/flex");
}

#[test]
fn a_sid_is_located_in_its_account_whatever_its_case() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let worker = c.workers(&globex).next().unwrap().sid;
    let found = c.locate(&worker.to_string().to_uppercase());
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].0, found[0].1.kind),
        (globex, ResourceKind::Worker)
    );
    // A Console user is found in every account they belong to.
    let maria = user_sid(&c, MARIA);
    let accounts: Vec<AccountSid> = c
        .locate(maria.as_str())
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert!(accounts.contains(&account(&c, ACME)) && accounts.contains(&globex));
    assert!(c.locate("WKffffffffffffffffffffffffffffffff").is_empty());
}

#[test]
fn a_task_is_found_by_its_sid_and_opens_its_own_page_under_taskrouter() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let ws = c.workspace(&globex).unwrap();
    let change = TaskCommand::CreateTask {
        workflow: ws.workflows[0].sid,
        channel: ws.channel_named("voice").unwrap().sid,
        attributes: r#"{"name": "+14155550199"}"#.into(),
        priority: 0,
        timeout: 600,
        origin: String::new(),
    };
    ok_by(
        &mut c,
        LIAM,
        Command::Task {
            account: globex,
            change,
        },
    );
    let task = c
        .resources(&globex)
        .into_iter()
        .find(|r| r.kind == ResourceKind::Task)
        .expect("the task is listed");
    assert_eq!(task.name, "+14155550199", "named by its caller");
    assert_eq!(task.path(), format!("/taskrouter/tasks/{}", task.sid));
    assert_eq!(ResourceKind::Task.page(), AccountPage::Tasks);
    assert_eq!(AccountPage::Tasks.parent(), Some(AccountPage::TaskRouter));
    assert_eq!(c.locate(&task.sid).len(), 1);
    let sofia = user(&c, SOFIA);
    assert_eq!(
        c.may_open(&sofia, &globex, AccountPage::Tasks)
            .unwrap_err()
            .to_string(),
        "Viewing tasks needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center."
    );
}
