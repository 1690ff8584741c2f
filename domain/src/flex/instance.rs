//! A Flex instance and everything it provisions: TaskRouter, Studio, Conversations,
//! Proxy, Functions and Flex Flows, linked by the Flex configuration.

use crate::error::DomainError;
use crate::flex::address::ConversationsAddress;
use crate::flex::skills::Skill;
use crate::products::serverless::{FunctionsService, ServerlessFile, ServerlessKind, Visibility};
use crate::products::studio::{
    DEFAULT_MESSAGE_ATTRIBUTES, DEFAULT_VOICE_ATTRIBUTES, SendToFlex, StudioFlow,
};
use crate::random::Random;
use crate::revision::Revision;
use crate::sid::{
    ActivitySid, ConversationsServiceSid, FlexFlowSid, FlexInstanceSid, FunctionSid,
    ProxyServiceSid, ServerlessServiceSid, StudioFlowSid, TaskQueueSid, WorkflowSid, WorkspaceSid,
};
use crate::taskrouter::task::DEFAULT_TASK_TIMEOUT;
use crate::taskrouter::workspace::Workspace;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Free Active User Hours granted by upgrading to a paid plan.
pub const FREE_ACTIVE_USER_HOURS: u32 = 5_000;
/// Longest CRM address, as browsers keep URLs short of 2,048 characters.
pub const CRM_URL_MAX: usize = 2_048;
/// Flex UI versions the settings page offers.
pub const UI_VERSIONS: [&str; 3] = ["2.x", "2.13.x", "2.12.x"];

/// A provisioned resource: its SID and its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named<S> {
    /// The resource SID.
    pub sid: S,
    /// Its friendly name.
    pub friendly_name: String,
}

/// A Flex Flow: connects a messaging channel to a Studio flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlexFlow {
    /// The Flex Flow SID.
    pub sid: FlexFlowSid,
    /// Its name.
    pub friendly_name: String,
    /// "sms" or "web".
    pub channel_type: String,
    /// The Studio flow it hands messages to; None once that flow was deleted, and then
    /// messages on this channel are not routed.
    pub studio_flow: Option<StudioFlowSid>,
}

/// How far Flex set-up has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConfigStatus {
    /// Not started.
    NotStarted,
    /// Provisioning.
    InProgress,
    /// Ready.
    Ok,
}

/// What the Flex settings page edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlexSettings {
    /// Flex UI version, one of [`UI_VERSIONS`].
    pub ui_version: String,
    /// Whether calls are recorded.
    pub call_recording_enabled: bool,
    /// Whether the CRM panel is shown.
    pub crm_enabled: bool,
    /// The CRM page to show (https), needed when the CRM is enabled.
    pub crm_callback_url: Option<String>,
}

impl Default for FlexSettings {
    fn default() -> Self {
        FlexSettings {
            ui_version: "2.x".to_owned(),
            call_recording_enabled: false,
            crm_enabled: false,
            crm_callback_url: None,
        }
    }
}

impl FlexSettings {
    /// Checks the values a person typed.
    pub fn check(&self) -> Result<(), DomainError> {
        if !UI_VERSIONS.contains(&self.ui_version.as_str()) {
            return Err(DomainError::InvalidSetting {
                field: "ui_version",
                reason: "must be 2.x, 2.13.x or 2.12.x",
            });
        }
        match &self.crm_callback_url {
            Some(url) if url.chars().count() > CRM_URL_MAX => Err(DomainError::InvalidSetting {
                field: "crm_callback_url",
                reason: "must be an https:// address of at most 2,048 characters",
            }),
            Some(url)
                if !url.starts_with("https://")
                    || url.len() <= "https://".len()
                    || url.contains(' ') =>
            {
                Err(DomainError::InvalidSetting {
                    field: "crm_callback_url",
                    reason: "must be an https:// address",
                })
            }
            None if self.crm_enabled => Err(DomainError::InvalidSetting {
                field: "crm_callback_url",
                reason: "is needed when the CRM is enabled",
            }),
            _ => Ok(()),
        }
    }
}

/// The Flex configuration: links the provisioned resources and holds the settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlexConfiguration {
    /// Set-up status.
    pub status: ConfigStatus,
    /// The Functions domain, e.g. "jade-otter-1234.twil.io".
    pub runtime_domain: String,
    /// The workspace.
    pub taskrouter_workspace_sid: WorkspaceSid,
    /// The target workflow.
    pub taskrouter_target_workflow_sid: WorkflowSid,
    /// The target task queue.
    pub taskrouter_target_taskqueue_sid: TaskQueueSid,
    /// The activity of signed-out workers.
    pub taskrouter_offline_activity_sid: ActivitySid,
    /// The Conversations service used for chat.
    pub chat_service_instance_sid: ConversationsServiceSid,
    /// The Functions services Flex uses.
    pub serverless_service_sids: Vec<ServerlessServiceSid>,
    /// What the settings page edits.
    pub settings: FlexSettings,
    /// How often the settings changed, and the last change's author.
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub settings_revision: Revision,
    /// The skills catalogue admins define and agents are given.
    #[serde(default)]
    pub taskrouter_skills: Vec<Skill>,
}

/// How a paid plan is billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillingModel {
    /// Per named user per month.
    NamedUser,
    /// Per active user hour.
    ActiveUserHours,
}

/// The Flex plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "plan", rename_all = "snake_case")]
pub enum FlexPlan {
    /// A new instance's free trial.
    Trial,
    /// Upgraded.
    Paid {
        /// How it is billed.
        billing_model: BillingModel,
        /// Free Active User Hours granted by the upgrade.
        free_active_user_hours: u32,
        /// The payment method given, e.g. "Visa ending 4242".
        payment_method: String,
        /// When it was upgraded.
        since: Timestamp,
    },
}

impl FlexPlan {
    /// Whether the plan is paid (Insights roles need that).
    pub fn is_paid(&self) -> bool {
        matches!(self, FlexPlan::Paid { .. })
    }
}

/// An account's Flex instance with everything it provisioned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlexInstance {
    /// The Flex instance SID (`GO…`).
    pub sid: FlexInstanceSid,
    /// When Flex was set up.
    pub created: Timestamp,
    /// Trial or paid.
    pub plan: FlexPlan,
    /// Milliseconds workers spent Available in intervals that have ended since the upgrade
    /// (see [`crate::flex::active_hours`]); always 0 on a trial. Data saved before hours were
    /// counted has none, so 0. (On the instance, not inside the tagged plan, so that an
    /// import error names this field.)
    #[serde(default)]
    pub closed_available_ms: u64,
    /// The configuration.
    pub config: FlexConfiguration,
    /// The TaskRouter workspace with its workers.
    pub workspace: Workspace,
    /// "Voice IVR", "Messaging Flow", "Webchat Flow", each with a Send to Flex step.
    pub studio_flows: Vec<StudioFlow>,
    /// "Flex Conversation Service".
    pub conversations_service: Named<ConversationsServiceSid>,
    /// "Flex Proxy Service".
    pub proxy_service: Named<ProxyServiceSid>,
    /// "Flex Plugins" Functions service.
    pub functions_service: FunctionsService,
    /// "Flex Messaging Channel", "Flex Web Channel".
    pub flex_flows: Vec<FlexFlow>,
    /// The Conversations addresses (SMS, WhatsApp, Chat) handing messages to Studio flows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<ConversationsAddress>,
}

const ADJECTIVES: [&str; 16] = [
    "amber", "brisk", "coral", "dusky", "emerald", "fuchsia", "golden", "hazel", "indigo", "jade",
    "khaki", "lime", "maroon", "navy", "olive", "plum",
];
const NOUNS: [&str; 16] = [
    "anteater", "bison", "cheetah", "dolphin", "eagle", "ferret", "gecko", "heron", "ibis",
    "jaguar", "koala", "lemur", "mongoose", "narwhal", "otter", "panda",
];

fn named<S>(sid: S, name: &str) -> Named<S> {
    Named {
        sid,
        friendly_name: name.to_owned(),
    }
}

impl FlexInstance {
    /// Provisions a new trial instance, every resource with a fresh SID from `random`.
    pub(crate) fn provision(random: &mut Random, now: Timestamp) -> FlexInstance {
        let workspace = Workspace::provision(random);
        let offline = workspace.activities[0].sid;
        // Each flow sends to Flex's target workflow: Voice IVR on voice with Twilio's default
        // voice attributes, Messaging Flow on sms and Webchat Flow on chat with the messaging
        // ones. No random draws here, so every SID keeps the value it had before the step.
        let target = workspace.workflows[0].sid;
        let step = |channel: &str, attributes: &str| {
            workspace.channel_named(channel).map(|c| SendToFlex {
                workflow: target,
                channel: c.sid,
                priority: 0,
                timeout: DEFAULT_TASK_TIMEOUT,
                attributes: attributes.to_owned(),
            })
        };
        let studio_flows: Vec<StudioFlow> = [
            ("Voice IVR", step("voice", DEFAULT_VOICE_ATTRIBUTES)),
            ("Messaging Flow", step("sms", DEFAULT_MESSAGE_ATTRIBUTES)),
            ("Webchat Flow", step("chat", DEFAULT_MESSAGE_ATTRIBUTES)),
        ]
        .into_iter()
        .map(|(name, send_to_flex)| StudioFlow {
            sid: StudioFlowSid::generate(random),
            friendly_name: name.to_owned(),
            send_to_flex,
        })
        .collect();
        let flex_flows = vec![
            FlexFlow {
                sid: FlexFlowSid::generate(random),
                friendly_name: "Flex Messaging Channel".to_owned(),
                channel_type: "sms".to_owned(),
                studio_flow: Some(studio_flows[1].sid),
            },
            FlexFlow {
                sid: FlexFlowSid::generate(random),
                friendly_name: "Flex Web Channel".to_owned(),
                channel_type: "web".to_owned(),
                studio_flow: Some(studio_flows[2].sid),
            },
        ];
        let conversations_service = named(
            ConversationsServiceSid::generate(random),
            "Flex Conversation Service",
        );
        let proxy_service = named(ProxyServiceSid::generate(random), "Flex Proxy Service");
        let mut file = |kind, path: &str, visibility| ServerlessFile {
            sid: FunctionSid::generate(random),
            kind,
            path: path.to_owned(),
            visibility,
        };
        let files = vec![
            file(
                ServerlessKind::Function,
                "/flex-token-validator",
                Visibility::Protected,
            ),
            file(
                ServerlessKind::Asset,
                "/plugins/plugins.json",
                Visibility::Private,
            ),
        ];
        let functions_service = FunctionsService {
            sid: ServerlessServiceSid::generate(random),
            friendly_name: "Flex Plugins".to_owned(),
            files,
        };
        let runtime_domain = format!(
            "{}-{}-{}.twil.io",
            ADJECTIVES[random.below(16) as usize],
            NOUNS[random.below(16) as usize],
            1000 + random.below(9000)
        );
        let config = FlexConfiguration {
            status: ConfigStatus::Ok,
            runtime_domain,
            taskrouter_workspace_sid: workspace.sid,
            taskrouter_target_workflow_sid: workspace.workflows[0].sid,
            taskrouter_target_taskqueue_sid: workspace.task_queues[0].sid,
            taskrouter_offline_activity_sid: offline,
            chat_service_instance_sid: conversations_service.sid,
            serverless_service_sids: vec![functions_service.sid],
            settings: FlexSettings::default(),
            settings_revision: Revision::default(),
            taskrouter_skills: Vec::new(),
        };
        FlexInstance {
            sid: FlexInstanceSid::generate(random),
            created: now,
            plan: FlexPlan::Trial,
            closed_available_ms: 0,
            config,
            workspace,
            studio_flows,
            conversations_service,
            proxy_service,
            functions_service,
            flex_flows,
            addresses: Vec::new(),
        }
    }
}
