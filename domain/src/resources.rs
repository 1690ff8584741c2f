//! Everything of an account that has a SID, with the page that shows it: what "jump to a SID"
//! and the command palette find. Written once, so a new kind of resource shows up in both.

use crate::console::Console;
use crate::identity::page::AccountPage;
use crate::products::phone_number::national_format;
use crate::sid::AccountSid;

/// What kind of thing a resource is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResourceKind {
    /// The account itself (`AC…`).
    Account,
    /// A member (Console user, `US…`).
    Member,
    /// The Flex instance (`GO…`).
    FlexInstance,
    /// A TaskRouter worker, a Flex user (`WK…`).
    Worker,
    /// A phone number (`PN…`).
    PhoneNumber,
    /// A Studio flow (`FW…`).
    StudioFlow,
    /// A Flex Flow (`FO…`).
    FlexFlow,
    /// A TwiML Bin (`EH…`).
    TwimlBin,
    /// An API key (`SK…`).
    ApiKey,
    /// The Functions service (`ZS…`).
    FunctionsService,
    /// A Function or an Asset (`ZH…`).
    Function,
    /// The TaskRouter workspace (`WS…`).
    Workspace,
    /// A workflow (`WW…`).
    Workflow,
    /// A task queue (`WQ…`).
    TaskQueue,
    /// An activity (`WA…`).
    Activity,
    /// A task channel (`TC…`).
    TaskChannel,
    /// A task (`WT…`): a contact being routed or handled, or ended in the last five minutes.
    Task,
    /// The Conversations service (`IS…`).
    ConversationsService,
    /// The Proxy service (`KS…`).
    ProxyService,
}

impl ResourceKind {
    /// Every kind, in the order above.
    pub const ALL: [ResourceKind; 18] = [
        ResourceKind::Account,
        ResourceKind::Member,
        ResourceKind::FlexInstance,
        ResourceKind::Worker,
        ResourceKind::PhoneNumber,
        ResourceKind::StudioFlow,
        ResourceKind::FlexFlow,
        ResourceKind::TwimlBin,
        ResourceKind::ApiKey,
        ResourceKind::FunctionsService,
        ResourceKind::Function,
        ResourceKind::Workspace,
        ResourceKind::Workflow,
        ResourceKind::TaskQueue,
        ResourceKind::Activity,
        ResourceKind::TaskChannel,
        ResourceKind::ConversationsService,
        ResourceKind::ProxyService,
    ];

    /// The label with its article, as a sentence says it: "an account", "a worker".
    pub fn with_article(self) -> String {
        crate::words::with_article(self.label())
    }

    /// Its name as a group heading and in sentences ("worker").
    pub fn label(self) -> &'static str {
        use ResourceKind as K;
        match self {
            K::Account => "account",
            K::Member => "Console user",
            K::FlexInstance => "Flex instance",
            K::Worker => "worker",
            K::PhoneNumber => "phone number",
            K::StudioFlow => "Studio flow",
            K::FlexFlow => "Flex Flow",
            K::TwimlBin => "TwiML Bin",
            K::ApiKey => "API key",
            K::FunctionsService => "Functions service",
            K::Function => "Function or Asset",
            K::Workspace => "TaskRouter workspace",
            K::Workflow => "workflow",
            K::TaskQueue => "task queue",
            K::Activity => "activity",
            K::TaskChannel => "task channel",
            K::Task => "task",
            K::ConversationsService => "Conversations service",
            K::ProxyService => "Proxy service",
        }
    }

    /// The page of its account that shows it.
    pub fn page(self) -> AccountPage {
        use ResourceKind as K;
        match self {
            K::Account => AccountPage::AccountInfo,
            K::Member => AccountPage::ManageUsers,
            K::FlexInstance | K::ConversationsService | K::ProxyService => {
                AccountPage::FlexOverview
            }
            K::Worker => AccountPage::Workers,
            K::PhoneNumber => AccountPage::PhoneNumbers,
            K::StudioFlow | K::FlexFlow => AccountPage::Studio,
            K::TwimlBin => AccountPage::TwimlBins,
            K::ApiKey => AccountPage::ApiKeys,
            K::FunctionsService | K::Function => AccountPage::Functions,
            K::Workspace => AccountPage::TaskRouter,
            K::Workflow => AccountPage::Workflows,
            K::TaskQueue => AccountPage::TaskQueues,
            K::Activity => AccountPage::Activities,
            K::TaskChannel => AccountPage::TaskChannels,
            K::Task => AccountPage::Tasks,
        }
    }
}

/// One thing of an account that has a SID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    /// What it is.
    pub kind: ResourceKind,
    /// Its SID.
    pub sid: String,
    /// Its name ("Maria Garcia", "(415) 555-0100", "Voice IVR").
    pub name: String,
    /// What else identifies it ("maria.garcia@example.com", "+14155550100"), or empty.
    pub detail: String,
}

impl Resource {
    /// Where it is shown, after `/accounts/:account_sid`: its own page when it has one (a
    /// task queue, a workflow, a worker: `/taskrouter/queues/WQ…`), else the list that holds
    /// it searched for its SID (`/phone-numbers?q=PN…`), or the page it is the subject of.
    pub fn path(&self) -> String {
        use ResourceKind as K;
        let page = self.kind.page();
        match self.kind {
            K::TaskQueue | K::Workflow | K::Worker | K::Task => {
                format!("{}/{}", page.path(), self.sid)
            }
            K::Account
            | K::FlexInstance
            | K::ConversationsService
            | K::ProxyService
            | K::Workspace => page.path().to_owned(),
            _ => format!("{}?q={}", page.path(), self.sid),
        }
    }
}

impl Console {
    /// Every resource of `account` with a SID, the account itself first.
    pub fn resources(&self, account: &AccountSid) -> Vec<Resource> {
        use ResourceKind as K;
        let Some(acc) = self.accounts.get(account) else {
            return Vec::new();
        };
        let item = |kind, sid: String, name: &str, detail: &str| Resource {
            kind,
            sid,
            name: name.to_owned(),
            detail: detail.to_owned(),
        };
        let mut out = vec![item(
            K::Account,
            acc.sid.to_string(),
            &acc.friendly_name,
            "",
        )];
        for user in acc.members.keys().filter_map(|sid| self.users.get(sid)) {
            out.push(item(
                K::Member,
                user.sid.to_string(),
                &user.full_name,
                user.email.as_str(),
            ));
        }
        for n in acc.phone_numbers.values() {
            let national = national_format(&n.phone_number);
            out.push(item(
                K::PhoneNumber,
                n.sid.to_string(),
                &national,
                &n.phone_number,
            ));
        }
        for bin in acc.twiml_bins.values() {
            out.push(item(
                K::TwimlBin,
                bin.sid.to_string(),
                &bin.friendly_name,
                "",
            ));
        }
        for key in acc.api_keys.values() {
            let kind = format!("{} key", key.key_type);
            out.push(item(
                K::ApiKey,
                key.sid.to_string(),
                &key.friendly_name,
                &kind,
            ));
        }
        let Some(flex) = &acc.flex else { return out };
        out.push(item(
            K::FlexInstance,
            flex.sid.to_string(),
            "Flex instance",
            "",
        ));
        let ws = &flex.workspace;
        out.push(item(
            K::Workspace,
            ws.sid.to_string(),
            &ws.friendly_name,
            "",
        ));
        for w in &ws.workflows {
            out.push(item(K::Workflow, w.sid.to_string(), &w.friendly_name, ""));
        }
        for q in &ws.task_queues {
            out.push(item(
                K::TaskQueue,
                q.sid.to_string(),
                &q.friendly_name,
                &q.target_workers,
            ));
        }
        for a in &ws.activities {
            out.push(item(K::Activity, a.sid.to_string(), &a.friendly_name, ""));
        }
        for c in &ws.task_channels {
            out.push(item(K::TaskChannel, c.sid.to_string(), &c.unique_name, ""));
        }
        for t in ws.tasks.values() {
            out.push(item(
                K::Task,
                t.sid.to_string(),
                &t.caller(),
                &t.status.to_string(),
            ));
        }
        for f in &flex.studio_flows {
            out.push(item(K::StudioFlow, f.sid.to_string(), &f.friendly_name, ""));
        }
        for f in &flex.flex_flows {
            out.push(item(
                K::FlexFlow,
                f.sid.to_string(),
                &f.friendly_name,
                &f.channel_type,
            ));
        }
        let conversations = &flex.conversations_service;
        out.push(item(
            K::ConversationsService,
            conversations.sid.to_string(),
            &conversations.friendly_name,
            "",
        ));
        let proxy = &flex.proxy_service;
        out.push(item(
            K::ProxyService,
            proxy.sid.to_string(),
            &proxy.friendly_name,
            "",
        ));
        let functions = &flex.functions_service;
        out.push(item(
            K::FunctionsService,
            functions.sid.to_string(),
            &functions.friendly_name,
            "",
        ));
        for file in &functions.files {
            out.push(item(K::Function, file.sid.to_string(), &file.path, ""));
        }
        for w in ws.workers.values() {
            out.push(item(
                K::Worker,
                w.sid.to_string(),
                &w.full_name,
                w.identity.as_str(),
            ));
        }
        out
    }

    /// The accounts where the SID `sid` is found, with what it is there (a Console user is a
    /// member of several; anything else belongs to one account).
    pub fn locate(&self, sid: &str) -> Vec<(AccountSid, Resource)> {
        let sid = sid.trim();
        self.accounts
            .keys()
            .filter_map(|account| {
                self.resources(account)
                    .into_iter()
                    .find(|r| r.sid.eq_ignore_ascii_case(sid))
                    .map(|r| (*account, r))
            })
            .collect()
    }
}
