//! Flex users: TaskRouter workers, their Flex roles, Insights roles and attributes.

use crate::identity::capability::LaunchOutcome;
use crate::identity::email::Email;
use crate::identity::roles::RoleSet;
use crate::revision::Revision;
use crate::sid::{ActivitySid, TaskChannelSid, UserSid, WorkerSid};
use crate::taskrouter::channel::WorkerChannel;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most characters a worker's attributes hold, whitespace included.
pub const MAX_WORKER_ATTRIBUTES: usize = 4_096;

/// A role inside Flex, as written in the worker's `roles` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlexRole {
    /// Full Flex administration.
    #[serde(rename = "admin")]
    Admin,
    /// Supervises agents.
    #[serde(rename = "supervisor")]
    Supervisor,
    /// Handles tasks.
    #[serde(rename = "agent")]
    Agent,
    /// Sees everything an admin sees, changes nothing. Only from the Console (Support role).
    #[serde(rename = "flex.readonlyadmin")]
    ReadOnlyAdmin,
}

impl FlexRole {
    /// Every Flex role.
    pub const ALL: [FlexRole; 4] = [
        FlexRole::Admin,
        FlexRole::Supervisor,
        FlexRole::Agent,
        FlexRole::ReadOnlyAdmin,
    ];

    /// The attribute text, e.g. "flex.readonlyadmin".
    pub fn as_str(self) -> &'static str {
        match self {
            FlexRole::Admin => "admin",
            FlexRole::Supervisor => "supervisor",
            FlexRole::Agent => "agent",
            FlexRole::ReadOnlyAdmin => "flex.readonlyadmin",
        }
    }

    /// The role named by an attribute text, if any.
    pub fn parse(text: &str) -> Option<FlexRole> {
        FlexRole::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// A Flex Insights (WFO) role; only on a paid plan and only for admins and supervisors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InsightsRole {
    /// Everything in Insights.
    #[serde(rename = "wfo.full_access")]
    FullAccess,
    /// Team leader.
    #[serde(rename = "wfo.team_leader")]
    TeamLeader,
    /// Data analyst.
    #[serde(rename = "wfo.data_analyst")]
    DataAnalyst,
    /// Data auditor.
    #[serde(rename = "wfo.data_auditor")]
    DataAuditor,
    /// Quality manager.
    #[serde(rename = "wfo.quality_manager")]
    QualityManager,
    /// Quality process manager.
    #[serde(rename = "wfo.quality_process_manager")]
    QualityProcessManager,
    /// Dashboard viewer.
    #[serde(rename = "wfo.dashboard_viewer")]
    DashboardViewer,
}

impl InsightsRole {
    /// Every Insights role.
    pub const ALL: [InsightsRole; 7] = [
        InsightsRole::FullAccess,
        InsightsRole::TeamLeader,
        InsightsRole::DataAnalyst,
        InsightsRole::DataAuditor,
        InsightsRole::QualityManager,
        InsightsRole::QualityProcessManager,
        InsightsRole::DashboardViewer,
    ];

    /// The attribute text, e.g. "wfo.full_access".
    pub fn as_str(self) -> &'static str {
        match self {
            InsightsRole::FullAccess => "wfo.full_access",
            InsightsRole::TeamLeader => "wfo.team_leader",
            InsightsRole::DataAnalyst => "wfo.data_analyst",
            InsightsRole::DataAuditor => "wfo.data_auditor",
            InsightsRole::QualityManager => "wfo.quality_manager",
            InsightsRole::QualityProcessManager => "wfo.quality_process_manager",
            InsightsRole::DashboardViewer => "wfo.dashboard_viewer",
        }
    }

    /// The role named by an attribute text, if any.
    pub fn parse(text: &str) -> Option<InsightsRole> {
        InsightsRole::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// Skills and their levels, as in TaskRouter's `routing` attribute.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skills {
    /// Skill names.
    pub skills: Vec<String>,
    /// Level per skill.
    pub levels: BTreeMap<String, u32>,
}

/// How the worker last signed in to Flex; its roles are overwritten at every login.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum LoginVia {
    /// Launched from the Console by this user holding these Console roles.
    Console {
        /// The Console user.
        user: UserSid,
        /// The user's roles in the account at that login.
        console_roles: RoleSet,
    },
    /// Signed in through the account's identity provider.
    Sso,
}

/// A Flex user: a TaskRouter worker in the account's Flex workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worker {
    /// The worker SID.
    pub sid: WorkerSid,
    /// The Flex identity: the person's email (unique in the workspace).
    pub identity: Email,
    /// The person's name.
    pub full_name: String,
    /// Picture shown in Flex ("" for none).
    pub image_url: String,
    /// Flex roles, sorted.
    pub flex_roles: Vec<FlexRole>,
    /// Insights roles, sorted.
    pub insights_roles: Vec<InsightsRole>,
    /// Current TaskRouter activity (one of the workspace's).
    pub activity: ActivitySid,
    /// When the worker entered its current activity: where its Active User Hours count from
    /// while that activity is available. None in data saved before hours were counted: not
    /// known, so that activity counts no hours (they count again from its next change).
    #[serde(default)]
    pub activity_since: Option<Timestamp>,
    /// Routing skills.
    pub routing: Skills,
    /// Skills currently switched off.
    pub disabled_skills: Skills,
    /// When the worker was created (first login).
    pub created: Timestamp,
    /// When the worker last signed in.
    pub last_login: Timestamp,
    /// How the worker last signed in.
    pub login: LoginVia,
    /// Attributes added beside Flex's own (any JSON), kept as they were typed.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Capacity per task channel, where it differs from the default (1, switched on).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub channels: BTreeMap<TaskChannelSid, WorkerChannel>,
    /// When it last took or finished a task: how long it has waited without one counts from
    /// the later of this and its entering its activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_task_at: Option<Timestamp>,
    /// Edits of its attributes, skills and capacity, for forms (see [`Revision`]).
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub revision: Revision,
}

/// The worker's TaskRouter attributes, serializing to exactly Flex's JSON shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerAttributes {
    /// Person's name.
    pub full_name: String,
    /// Person's email.
    pub email: String,
    /// Flex roles then Insights roles, as text.
    pub roles: Vec<String>,
    /// "client:" + the escaped identity.
    pub contact_uri: String,
    /// Picture.
    pub image_url: String,
    /// Routing skills.
    pub routing: Skills,
    /// Disabled skills.
    pub disabled_skills: Skills,
    /// Any other attribute, beside Flex's own.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Worker {
    /// Whether the worker is a Flex admin or supervisor (who may hold Insights roles).
    pub fn is_admin_or_supervisor(&self) -> bool {
        admin_or_supervisor(&self.flex_roles)
    }

    /// Every role as the `roles` attribute lists it.
    pub fn role_names(&self) -> Vec<String> {
        let flex = self.flex_roles.iter().map(|r| r.as_str());
        let insights = self.insights_roles.iter().map(|r| r.as_str());
        flex.chain(insights).map(str::to_owned).collect()
    }

    /// The TaskRouter attributes.
    pub fn attributes(&self) -> WorkerAttributes {
        WorkerAttributes {
            full_name: self.full_name.clone(),
            email: self.identity.to_string(),
            roles: self.role_names(),
            contact_uri: contact_uri(self.identity.as_str()),
            image_url: self.image_url.clone(),
            routing: self.routing.clone(),
            disabled_skills: self.disabled_skills.clone(),
            extra: self.extra.clone(),
        }
    }

    /// The attributes as the JSON an administrator edits, indented.
    pub fn attributes_json(&self) -> String {
        serde_json::to_string_pretty(&self.attributes()).unwrap_or_default()
    }

    /// The worker's capacity and availability on a channel (the default where nobody set it).
    pub fn channel(&self, channel: &TaskChannelSid) -> WorkerChannel {
        self.channels.get(channel).copied().unwrap_or_default()
    }
}

/// Whether these Flex roles include admin or supervisor (who may hold Insights roles).
pub fn admin_or_supervisor(flex_roles: &[FlexRole]) -> bool {
    flex_roles
        .iter()
        .any(|r| matches!(r, FlexRole::Admin | FlexRole::Supervisor))
}

/// The Twilio Client address of an identity: "client:" + the identity with every character
/// other than ASCII letters and digits written as `_XX` (hex of each UTF-8 byte), so
/// `jane.doe@example.com` becomes `client:jane_2Edoe_40example_2Ecom`.
pub fn contact_uri(identity: &str) -> String {
    let mut uri = String::from("client:");
    for byte in identity.bytes() {
        if byte.is_ascii_alphanumeric() {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("_{byte:02X}"));
        }
    }
    uri
}

/// Flex and Insights roles a Console login gives: admins get `admin` and `wfo.full_access`
/// (on every plan, as Twilio does; Insights itself opens only on a paid plan), Support gets
/// `flex.readonlyadmin`; `None` when the roles may not launch Flex.
pub fn console_login_roles(outcome: LaunchOutcome) -> Option<(Vec<FlexRole>, Vec<InsightsRole>)> {
    match outcome {
        LaunchOutcome::Admin => Some((vec![FlexRole::Admin], vec![InsightsRole::FullAccess])),
        LaunchOutcome::ReadOnlyAdmin => Some((vec![FlexRole::ReadOnlyAdmin], vec![])),
        LaunchOutcome::Denied => None,
    }
}
