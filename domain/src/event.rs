//! What happened: one event per successful command, for the activity log.

use crate::flex::instance::{BillingModel, FlexSettings};
use crate::flex::worker::InsightsRole;
use crate::identity::account::AccountType;
use crate::identity::actor::Actor;
use crate::identity::api_key::{ApiKeySecret, ApiKeyType};
use crate::identity::capability::LaunchOutcome;
use crate::identity::email::Email;
use crate::identity::invitation::InvitationId;
use crate::identity::roles::RoleSet;
use crate::sid::{
    AccountSid, ActivitySid, AddressSid, ApiKeySid, FlexInstanceSid, PhoneNumberSid, StudioFlowSid,
    TwimlBinSid, UserSid, WorkerSid, WorkspaceSid,
};
use crate::taskrouter::event::{TaskEvent, TaskRouterEvent};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A successful command: who did what, in which account, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: Actor,
    /// Which account (None for signing up).
    pub account: Option<AccountSid>,
    /// What, with its details.
    pub kind: EventKind,
}

impl EventKind {
    /// Whether the activity log keeps it: every change but what happens to tasks.
    pub fn is_logged(&self) -> bool {
        !matches!(self, EventKind::Task { .. })
    }
}

impl Event {
    /// The event as the activity log keeps it: without a new API key's secret.
    pub fn without_secret(&self) -> Event {
        let mut kept = self.clone();
        if let EventKind::ApiKeyCreated { secret, .. } = &mut kept.kind {
            *secret = None;
        }
        kept
    }
}

/// What happened, with the details an activity log shows. Secrets are never saved: a new API
/// key's secret rides on the event [`super::Console::apply`] returns, and only there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// A Console user was created.
    SignedUp {
        /// The new user.
        user: UserSid,
        /// Their email.
        email: Email,
    },
    /// An account was created.
    AccountCreated {
        /// Its name.
        friendly_name: String,
        /// Trial or Full.
        account_type: AccountType,
        /// Its Owner.
        owner: UserSid,
    },
    /// An account was renamed.
    AccountRenamed {
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// An account was suspended.
    AccountSuspended,
    /// An account was reactivated.
    AccountReactivated,
    /// An account was closed.
    AccountClosed,
    /// Someone was invited.
    Invited {
        /// The invitation.
        invitation: InvitationId,
        /// Who.
        email: Email,
        /// With which roles.
        roles: RoleSet,
        /// Until when.
        expires: Timestamp,
    },
    /// An invitation was sent again.
    InvitationResent {
        /// The invitation.
        invitation: InvitationId,
        /// Who.
        email: Email,
        /// New expiry.
        expires: Timestamp,
    },
    /// An invitation was withdrawn.
    InvitationRevoked {
        /// The invitation.
        invitation: InvitationId,
        /// Who.
        email: Email,
    },
    /// An invitation was accepted.
    InvitationAccepted {
        /// The invitation.
        invitation: InvitationId,
        /// The member.
        user: UserSid,
        /// Their roles.
        roles: RoleSet,
        /// Whether the Console user was created by accepting.
        user_created: bool,
    },
    /// A member's roles changed.
    RolesChanged {
        /// The member.
        user: UserSid,
        /// Old roles.
        from: RoleSet,
        /// New roles.
        to: RoleSet,
    },
    /// A member was removed.
    MemberRemoved {
        /// The former member.
        user: UserSid,
    },
    /// A member left.
    MemberLeft {
        /// The former member.
        user: UserSid,
    },
    /// Ownership moved.
    OwnershipTransferred {
        /// Old Owner, now Administrator.
        from: UserSid,
        /// New Owner.
        to: UserSid,
    },
    /// A secondary Auth Token was created.
    SecondaryTokenCreated,
    /// The secondary Auth Token became primary.
    SecondaryTokenPromoted,
    /// The secondary Auth Token was deleted.
    SecondaryTokenDeleted,
    /// An API key was created.
    ApiKeyCreated {
        /// The key.
        key: ApiKeySid,
        /// Its name.
        friendly_name: String,
        /// Standard or Main.
        key_type: ApiKeyType,
        /// Its secret, on the event `apply` returns only: never saved, never in the log.
        #[serde(skip)]
        secret: Option<ApiKeySecret>,
    },
    /// An API key was renamed.
    ApiKeyRenamed {
        /// The key.
        key: ApiKeySid,
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// An API key was deleted (revoked).
    ApiKeyDeleted {
        /// The key.
        key: ApiKeySid,
        /// Its name.
        friendly_name: String,
    },
    /// Flex was set up.
    FlexInstanceCreated {
        /// The instance.
        instance: FlexInstanceSid,
        /// Its workspace.
        workspace: WorkspaceSid,
        /// Its Functions domain.
        runtime_domain: String,
    },
    /// Flex settings changed.
    FlexSettingsUpdated {
        /// The new settings.
        settings: FlexSettings,
    },
    /// Flex moved to a paid plan.
    PlanUpgraded {
        /// How it is billed.
        billing_model: BillingModel,
        /// Free hours granted.
        free_active_user_hours: u32,
    },
    /// A Console user opened Flex.
    FlexLaunched {
        /// Their worker.
        worker: WorkerSid,
        /// As admin or read-only admin.
        outcome: LaunchOutcome,
        /// The roles the worker now has.
        roles: Vec<String>,
        /// Whether this first login created the worker.
        worker_created: bool,
    },
    /// Someone logged in to Flex through SSO.
    SsoLoggedIn {
        /// Their worker.
        worker: WorkerSid,
        /// Their identity.
        email: Email,
        /// The roles the worker now has.
        roles: Vec<String>,
        /// Whether this first login created the worker.
        worker_created: bool,
        /// Insights roles the assertion asked for that were not applied, and why.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        insights_dropped: Option<DroppedRoles>,
    },
    /// A worker's Insights roles changed.
    InsightsRolesSet {
        /// The worker.
        worker: WorkerSid,
        /// The new roles.
        roles: Vec<InsightsRole>,
    },
    /// A worker was deleted.
    WorkerDeleted {
        /// The worker.
        worker: WorkerSid,
        /// Its identity.
        email: Email,
        /// Its name (empty in entries logged before it was kept).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        full_name: String,
    },
    /// A worker changed their own activity.
    WorkerActivitySet {
        /// The worker.
        worker: WorkerSid,
        /// The activity.
        activity: ActivitySid,
        /// Its name.
        activity_name: String,
    },
    /// An admin or supervisor changed another worker's activity (from Teams).
    AgentActivityChanged {
        /// The worker whose activity changed.
        worker: WorkerSid,
        /// The activity.
        activity: ActivitySid,
        /// Its name.
        activity_name: String,
    },
    /// The TaskRouter workspace was changed.
    TaskRouter {
        /// What changed.
        change: TaskRouterEvent,
    },
    /// Something happened to a task (kept on the task's path, not in the activity log).
    Task {
        /// What.
        change: TaskEvent,
    },
    /// A queue's service level threshold was set.
    ServiceLevelSet {
        /// The queue's name.
        queue: String,
        /// The threshold in seconds.
        threshold: u32,
    },
    /// A skill was added to the Flex skills catalogue.
    SkillCreated {
        /// Its name.
        name: String,
    },
    /// A skill's levels were changed.
    SkillUpdated {
        /// Its name.
        name: String,
    },
    /// A skill was removed from the catalogue.
    SkillDeleted {
        /// Its name.
        name: String,
    },
    /// An admin or supervisor set an agent's skills (from Teams).
    AgentSkillsSet {
        /// The agent's worker.
        worker: WorkerSid,
        /// The skills the agent now holds.
        skills: Vec<String>,
    },
    /// A phone number was bought.
    PhoneNumberBought {
        /// The number.
        number: PhoneNumberSid,
        /// In E.164.
        phone_number: String,
    },
    /// A phone number was released.
    PhoneNumberReleased {
        /// The number.
        number: PhoneNumberSid,
        /// In E.164.
        phone_number: String,
    },
    /// A phone number was routed to a Studio flow, or no longer routed.
    PhoneNumberRouted {
        /// The number.
        number: PhoneNumberSid,
        /// In E.164.
        phone_number: String,
        /// The flow (None: not routed).
        flow: Option<StudioFlowSid>,
        /// The flow's name.
        flow_name: Option<String>,
    },
    /// A Studio flow was deleted.
    StudioFlowDeleted {
        /// The flow.
        flow: StudioFlowSid,
        /// Its name.
        friendly_name: String,
        /// The numbers (E.164) it handled, now not routed.
        numbers_unrouted: Vec<String>,
        /// The Flex Flows that handed it messages, now not routed.
        flex_flows_unrouted: Vec<String>,
        /// The Conversations addresses that handed it messages, now not routed.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        addresses_unrouted: Vec<String>,
    },
    /// A Studio flow's Send to Flex step was set or removed.
    StudioFlowUpdated {
        /// The flow.
        flow: StudioFlowSid,
        /// Its name.
        friendly_name: String,
        /// The workflow its Send to Flex step routes with (None: no step).
        workflow_name: Option<String>,
    },
    /// A Conversations address was added.
    AddressCreated {
        /// It.
        address: AddressSid,
        /// How it reads, e.g. "SMS (415) 555-0101".
        label: String,
        /// The Studio flow it hands messages to.
        flow_name: Option<String>,
    },
    /// A Conversations address was routed to another flow, or to none.
    AddressRouted {
        /// It.
        address: AddressSid,
        /// How it reads.
        label: String,
        /// The Studio flow it hands messages to now.
        flow_name: Option<String>,
    },
    /// A Conversations address was deleted.
    AddressDeleted {
        /// It.
        address: AddressSid,
        /// How it read.
        label: String,
    },
    /// A TwiML Bin was created.
    TwimlBinCreated {
        /// The bin.
        bin: TwimlBinSid,
        /// Its name.
        friendly_name: String,
    },
    /// A TwiML Bin was changed.
    TwimlBinUpdated {
        /// The bin.
        bin: TwimlBinSid,
        /// Its name now.
        friendly_name: String,
    },
    /// A TwiML Bin was deleted.
    TwimlBinDeleted {
        /// The bin.
        bin: TwimlBinSid,
        /// Its name.
        friendly_name: String,
    },
}

/// Roles a login asked for and did not get, with the rule's reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DroppedRoles {
    /// The roles, as the assertion named them.
    pub roles: Vec<String>,
    /// Why they were not applied, in the domain's words.
    pub why: String,
}
