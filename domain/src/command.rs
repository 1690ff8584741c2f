//! Everything a person can ask the Console to do.

use crate::flex::address::AddressType;
use crate::flex::instance::{BillingModel, FlexSettings};
use crate::flex::skills::Skill;
use crate::flex::worker::InsightsRole;
use crate::identity::account::AccountType;
use crate::identity::api_key::ApiKeyType;
use crate::identity::capability::Capability;
use crate::identity::email::Email;
use crate::identity::invitation::InvitationId;
use crate::identity::roles::RoleSet;
use crate::products::studio::SendToFlex;
use crate::sid::{
    AccountSid, ActivitySid, AddressSid, ApiKeySid, PhoneNumberSid, StudioFlowSid, TaskQueueSid,
    TwimlBinSid, UserSid, WorkerSid,
};
use crate::taskrouter::command::TaskRouterCommand;
use crate::taskrouter::task_command::TaskCommand;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A request to change the Console, applied with [`super::Console::apply`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Command {
    /// Create a Console user for the acting email (actor: `Email`).
    SignUp {
        /// The person's name.
        full_name: String,
    },
    /// Create an account owned by the acting user.
    CreateAccount {
        /// Its name.
        friendly_name: String,
        /// Trial or Full.
        account_type: AccountType,
    },
    /// Rename an account.
    RenameAccount {
        /// The account.
        account: AccountSid,
        /// The new name.
        friendly_name: String,
        /// The revision the form showed ([`crate::revision`]); None is not checked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revision: Option<u64>,
    },
    /// Suspend an active account.
    SuspendAccount {
        /// The account.
        account: AccountSid,
    },
    /// Reactivate a suspended account.
    ReactivateAccount {
        /// The account.
        account: AccountSid,
    },
    /// Close an account for good (Owner only).
    CloseAccount {
        /// The account.
        account: AccountSid,
    },
    /// Invite an email to join with some roles.
    Invite {
        /// The account.
        account: AccountSid,
        /// Who is invited.
        email: Email,
        /// The roles offered (never Owner).
        roles: RoleSet,
    },
    /// Send an open invitation again, renewing its seven days.
    ResendInvitation {
        /// The account.
        account: AccountSid,
        /// The invitation.
        invitation: InvitationId,
    },
    /// Withdraw an open invitation.
    RevokeInvitation {
        /// The account.
        account: AccountSid,
        /// The invitation.
        invitation: InvitationId,
    },
    /// Accept an invitation sent to the actor's email (actor: `User` or `Email`).
    AcceptInvitation {
        /// The account.
        account: AccountSid,
        /// The invitation.
        invitation: InvitationId,
        /// The name for the new Console user when the email has none yet.
        full_name: Option<String>,
    },
    /// Replace a member's roles (never to or from Owner).
    ChangeRoles {
        /// The account.
        account: AccountSid,
        /// The member.
        user: UserSid,
        /// The new roles.
        roles: RoleSet,
        /// The revision of the record the form showed ([`crate::revision`]): a save over a
        /// newer change is refused. None saves whatever the record holds now (data logged
        /// before revisions existed, and callers with no form).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revision: Option<u64>,
    },
    /// Take a member out of the account (not the Owner).
    RemoveMember {
        /// The account.
        account: AccountSid,
        /// The member.
        user: UserSid,
    },
    /// The acting member leaves the account (not the Owner).
    LeaveAccount {
        /// The account.
        account: AccountSid,
    },
    /// Hand ownership to another member; the old Owner becomes Administrator.
    TransferOwnership {
        /// The account.
        account: AccountSid,
        /// The new Owner.
        to: UserSid,
    },
    /// Create the secondary Auth Token.
    CreateSecondaryToken {
        /// The account.
        account: AccountSid,
    },
    /// Make the secondary Auth Token primary; the old primary stops working.
    PromoteSecondaryToken {
        /// The account.
        account: AccountSid,
    },
    /// Delete the secondary Auth Token.
    DeleteSecondaryToken {
        /// The account.
        account: AccountSid,
    },
    /// Create an API key; its secret comes back once, on the event.
    CreateApiKey {
        /// The account.
        account: AccountSid,
        /// Its name.
        friendly_name: String,
        /// Standard or Main.
        key_type: ApiKeyType,
    },
    /// Rename an API key (nothing else about a key can change).
    RenameApiKey {
        /// The account.
        account: AccountSid,
        /// The key.
        key: ApiKeySid,
        /// The new name.
        friendly_name: String,
        /// The revision the form showed ([`crate::revision`]); None is not checked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revision: Option<u64>,
    },
    /// Delete (revoke) an API key.
    DeleteApiKey {
        /// The account.
        account: AccountSid,
        /// The key.
        key: ApiKeySid,
    },
    /// Set up Flex in the account.
    CreateFlexInstance {
        /// The account.
        account: AccountSid,
    },
    /// Change the Flex settings.
    UpdateFlexSettings {
        /// The account.
        account: AccountSid,
        /// The new settings.
        settings: FlexSettings,
        /// The revision of the record the form showed ([`crate::revision`]): a save over a
        /// newer change is refused. None saves whatever the record holds now (data logged
        /// before revisions existed, and callers with no form).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revision: Option<u64>,
    },
    /// Move Flex from trial to a paid plan.
    UpgradePlan {
        /// The account.
        account: AccountSid,
        /// How it is billed.
        billing_model: BillingModel,
        /// The fair-usage terms were accepted.
        accept_fair_usage_terms: bool,
        /// The payment method, e.g. "Visa ending 4242".
        payment_method: String,
    },
    /// Open Flex from the Console as the acting user.
    LaunchFlex {
        /// The account.
        account: AccountSid,
    },
    /// Log in to Flex through SSO (actor: `Sso`).
    SsoLogin {
        /// The account.
        account: AccountSid,
    },
    /// Replace a worker's Insights roles.
    SetInsightsRoles {
        /// The account.
        account: AccountSid,
        /// The worker.
        worker: WorkerSid,
        /// The new Insights roles.
        roles: Vec<InsightsRole>,
    },
    /// Delete a worker (it returns at its next login).
    DeleteWorker {
        /// The account.
        account: AccountSid,
        /// The worker.
        worker: WorkerSid,
    },
    /// The acting person sets their own worker's activity (actor: `User` or `Sso`).
    SetWorkerActivity {
        /// The account.
        account: AccountSid,
        /// The new activity.
        activity: ActivitySid,
    },
    /// From Flex's Teams view, change another worker's activity (actor: `User` or `Sso`,
    /// whose own worker is an admin or supervisor).
    ChangeAgentActivity {
        /// The account.
        account: AccountSid,
        /// The worker whose activity changes.
        worker: WorkerSid,
        /// The new activity.
        activity: ActivitySid,
    },
    /// Change the account's TaskRouter workspace (queues, workflows, activities, channels,
    /// workers' attributes and capacity).
    TaskRouter {
        /// The account.
        account: AccountSid,
        /// The change.
        change: TaskRouterCommand,
    },
    /// Something happens to the account's tasks: a contact arrives, a worker answers or
    /// handles a task, time passes.
    Task {
        /// The account.
        account: AccountSid,
        /// What happens.
        change: TaskCommand,
    },
    /// Set a queue's service level threshold, from Flex's queue stats (a Flex admin).
    SetServiceLevel {
        /// The account.
        account: AccountSid,
        /// The queue.
        queue: TaskQueueSid,
        /// Seconds within which an accepted task counts as within the service level.
        threshold: u32,
    },
    /// Add a skill to the Flex skills catalogue (a Flex admin, from the admin dashboard).
    CreateSkill {
        /// The account.
        account: AccountSid,
        /// The skill.
        skill: Skill,
    },
    /// Change a skill's levels (its name stays).
    UpdateSkill {
        /// The account.
        account: AccountSid,
        /// The skill, as defined now.
        skill: Skill,
    },
    /// Remove a skill no agent holds from the catalogue.
    DeleteSkill {
        /// The account.
        account: AccountSid,
        /// The skill's name.
        name: String,
    },
    /// From Flex's Teams view, give an agent skills and levels (actor: a Flex admin or
    /// supervisor), written to the worker's `routing.skills` and `routing.levels`.
    SetAgentSkills {
        /// The account.
        account: AccountSid,
        /// The agent's worker.
        worker: WorkerSid,
        /// The skills the agent holds.
        skills: Vec<String>,
        /// Levels of the skills that have them.
        levels: BTreeMap<String, u32>,
        /// The revision of the worker the form showed.
        revision: u64,
    },
    /// Buy a number from the simulated list.
    BuyPhoneNumber {
        /// The account.
        account: AccountSid,
        /// The number, in E.164.
        phone_number: String,
    },
    /// Release a number: it leaves the account and can be bought again.
    ReleasePhoneNumber {
        /// The account.
        account: AccountSid,
        /// The number.
        number: PhoneNumberSid,
    },
    /// Have a Studio flow handle a number's calls and messages (None: no flow).
    RoutePhoneNumber {
        /// The account.
        account: AccountSid,
        /// The number.
        number: PhoneNumberSid,
        /// The flow, or None to stop routing.
        flow: Option<StudioFlowSid>,
    },
    /// Delete a Studio flow; numbers and Flex Flows using it are no longer routed.
    DeleteStudioFlow {
        /// The account.
        account: AccountSid,
        /// The flow.
        flow: StudioFlowSid,
    },
    /// Set or remove a Studio flow's Send to Flex step (None: contacts end in the flow).
    SetSendToFlex {
        /// The account.
        account: AccountSid,
        /// The flow.
        flow: StudioFlowSid,
        /// The step's settings.
        step: Option<SendToFlex>,
    },
    /// Add a Conversations address (SMS, WhatsApp or Chat) handing messages to a flow.
    CreateAddress {
        /// The account.
        account: AccountSid,
        /// SMS, WhatsApp or Chat.
        address_type: AddressType,
        /// The number (E.164) or the chat name.
        address: String,
        /// The Studio flow its messages go to.
        flow: Option<StudioFlowSid>,
    },
    /// Hand an address's messages to another Studio flow (None: to none).
    RouteAddress {
        /// The account.
        account: AccountSid,
        /// The address.
        address: AddressSid,
        /// The flow.
        flow: Option<StudioFlowSid>,
    },
    /// Delete a Conversations address.
    DeleteAddress {
        /// The account.
        account: AccountSid,
        /// The address.
        address: AddressSid,
    },
    /// Create a TwiML Bin.
    CreateTwimlBin {
        /// The account.
        account: AccountSid,
        /// Its name.
        friendly_name: String,
        /// Its TwiML.
        twiml: String,
    },
    /// Change a TwiML Bin's name and TwiML.
    UpdateTwimlBin {
        /// The account.
        account: AccountSid,
        /// The bin.
        bin: TwimlBinSid,
        /// The new name.
        friendly_name: String,
        /// The new TwiML.
        twiml: String,
        /// The revision of the record the form showed ([`crate::revision`]): a save over a
        /// newer change is refused. None saves whatever the record holds now (data logged
        /// before revisions existed, and callers with no form).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revision: Option<u64>,
    },
    /// Delete a TwiML Bin.
    DeleteTwimlBin {
        /// The account.
        account: AccountSid,
        /// The bin.
        bin: TwimlBinSid,
    },
}

impl Command {
    /// Inviting "someone" with one role to `account`: what a control that opens the
    /// invitation form asks the domain before anything is typed (any well-formed invitation
    /// asks the question: only a refusal no input could change disables the control).
    pub fn invite_anyone(account: AccountSid) -> Command {
        Command::Invite {
            account,
            email: Email::someone(),
            roles: RoleSet::only(crate::identity::roles::ConsoleRole::Developer),
        }
    }

    /// The account the command is about (None for signing up and creating accounts).
    pub fn account(&self) -> Option<&AccountSid> {
        use Command as C;
        match self {
            C::SignUp { .. } | C::CreateAccount { .. } => None,
            C::RenameAccount { account, .. }
            | C::SuspendAccount { account }
            | C::ReactivateAccount { account }
            | C::CloseAccount { account }
            | C::Invite { account, .. }
            | C::ResendInvitation { account, .. }
            | C::RevokeInvitation { account, .. }
            | C::AcceptInvitation { account, .. }
            | C::ChangeRoles { account, .. }
            | C::RemoveMember { account, .. }
            | C::LeaveAccount { account }
            | C::TransferOwnership { account, .. }
            | C::CreateSecondaryToken { account }
            | C::PromoteSecondaryToken { account }
            | C::DeleteSecondaryToken { account }
            | C::CreateApiKey { account, .. }
            | C::RenameApiKey { account, .. }
            | C::DeleteApiKey { account, .. }
            | C::CreateFlexInstance { account }
            | C::UpdateFlexSettings { account, .. }
            | C::UpgradePlan { account, .. }
            | C::LaunchFlex { account }
            | C::SsoLogin { account }
            | C::SetInsightsRoles { account, .. }
            | C::DeleteWorker { account, .. }
            | C::SetWorkerActivity { account, .. }
            | C::ChangeAgentActivity { account, .. }
            | C::TaskRouter { account, .. }
            | C::Task { account, .. }
            | C::SetServiceLevel { account, .. }
            | C::CreateSkill { account, .. }
            | C::UpdateSkill { account, .. }
            | C::DeleteSkill { account, .. }
            | C::SetAgentSkills { account, .. }
            | C::BuyPhoneNumber { account, .. }
            | C::ReleasePhoneNumber { account, .. }
            | C::RoutePhoneNumber { account, .. }
            | C::DeleteStudioFlow { account, .. }
            | C::SetSendToFlex { account, .. }
            | C::CreateAddress { account, .. }
            | C::RouteAddress { account, .. }
            | C::DeleteAddress { account, .. }
            | C::CreateTwimlBin { account, .. }
            | C::UpdateTwimlBin { account, .. }
            | C::DeleteTwimlBin { account, .. } => Some(account),
        }
    }

    /// The capability the acting Console user needs in the account, checked before any rule.
    /// None for commands anyone concerned may do (signing up, creating an account,
    /// accepting one's invitation, leaving, SSO login, changing activities inside Flex,
    /// where the worker's Flex roles decide).
    /// Choices: setting up Flex needs project settings; Insights roles are user
    /// administration (manage users); deleting a worker is TaskRouter (manage products).
    pub fn capability(&self) -> Option<Capability> {
        use Capability as K;
        use Command as C;
        match self {
            C::SignUp { .. }
            | C::CreateAccount { .. }
            | C::AcceptInvitation { .. }
            | C::LeaveAccount { .. }
            | C::SsoLogin { .. }
            | C::SetWorkerActivity { .. }
            | C::ChangeAgentActivity { .. }
            | C::CreateSkill { .. }
            | C::UpdateSkill { .. }
            | C::DeleteSkill { .. }
            | C::SetAgentSkills { .. }
            | C::SetServiceLevel { .. }
            | C::Task { .. } => None,
            C::RenameAccount { .. }
            | C::SuspendAccount { .. }
            | C::ReactivateAccount { .. }
            | C::CloseAccount { .. }
            | C::CreateFlexInstance { .. }
            | C::UpdateFlexSettings { .. } => Some(K::ManageProjectSettings),
            C::Invite { .. }
            | C::ResendInvitation { .. }
            | C::RevokeInvitation { .. }
            | C::ChangeRoles { .. }
            | C::RemoveMember { .. }
            | C::SetInsightsRoles { .. } => Some(K::ManageUsers),
            C::TransferOwnership { .. } => Some(K::TransferOwnership),
            C::CreateSecondaryToken { .. }
            | C::PromoteSecondaryToken { .. }
            | C::DeleteSecondaryToken { .. }
            | C::CreateApiKey { .. }
            | C::RenameApiKey { .. }
            | C::DeleteApiKey { .. } => Some(K::ManageCredentials),
            C::UpgradePlan { .. } => Some(K::ManageBilling),
            C::LaunchFlex { .. } => Some(K::LaunchFlex),
            C::DeleteWorker { .. }
            | C::TaskRouter { .. }
            | C::BuyPhoneNumber { .. }
            | C::ReleasePhoneNumber { .. }
            | C::RoutePhoneNumber { .. }
            | C::DeleteStudioFlow { .. }
            | C::SetSendToFlex { .. }
            | C::CreateAddress { .. }
            | C::RouteAddress { .. }
            | C::DeleteAddress { .. }
            | C::CreateTwimlBin { .. }
            | C::UpdateTwimlBin { .. }
            | C::DeleteTwimlBin { .. } => Some(K::ManageProducts),
        }
    }

    /// What the command does, as the start of a sentence ("Inviting users needs …").
    pub fn action(&self) -> &'static str {
        use Command as C;
        match self {
            C::SignUp { .. } => "Signing up",
            C::CreateAccount { .. } => "Creating an account",
            C::RenameAccount { .. } => "Renaming the account",
            C::SuspendAccount { .. } => "Suspending the account",
            C::ReactivateAccount { .. } => "Reactivating the account",
            C::CloseAccount { .. } => "Closing the account",
            C::Invite { .. } => "Inviting users",
            C::ResendInvitation { .. } => "Resending invitations",
            C::RevokeInvitation { .. } => "Revoking invitations",
            C::AcceptInvitation { .. } => "Accepting an invitation",
            C::ChangeRoles { .. } => "Changing roles",
            C::RemoveMember { .. } => "Removing members",
            C::LeaveAccount { .. } => "Leaving the account",
            C::TransferOwnership { .. } => "Transferring ownership",
            C::CreateSecondaryToken { .. } => "Creating a secondary Auth Token",
            C::PromoteSecondaryToken { .. } => "Promoting the secondary Auth Token",
            C::DeleteSecondaryToken { .. } => "Deleting the secondary Auth Token",
            C::CreateApiKey { .. } => "Creating API keys",
            C::RenameApiKey { .. } => "Renaming API keys",
            C::DeleteApiKey { .. } => "Deleting API keys",
            C::CreateFlexInstance { .. } => "Setting up Flex",
            C::UpdateFlexSettings { .. } => "Changing Flex settings",
            C::UpgradePlan { .. } => "Upgrading Flex to a paid plan",
            C::LaunchFlex { .. } => "Launching Flex",
            C::SsoLogin { .. } => "Signing in to Flex with SSO",
            C::SetInsightsRoles { .. } => "Setting Insights roles",
            C::DeleteWorker { .. } => "Deleting workers",
            C::SetWorkerActivity { .. } => "Changing your own activity",
            C::ChangeAgentActivity { .. } => "Changing another agent's activity",
            C::TaskRouter { change, .. } => change.action(),
            C::Task { change, .. } => change.action(),
            C::SetServiceLevel { .. } => "Changing the service level",
            C::CreateSkill { .. } => "Adding skills",
            C::UpdateSkill { .. } => "Changing skills",
            C::DeleteSkill { .. } => "Deleting skills",
            C::SetAgentSkills { .. } => "Changing agents' skills",
            C::BuyPhoneNumber { .. } => "Buying phone numbers",
            C::ReleasePhoneNumber { .. } => "Releasing phone numbers",
            C::RoutePhoneNumber { .. } => "Routing phone numbers",
            C::DeleteStudioFlow { .. } => "Deleting Studio flows",
            C::SetSendToFlex { .. } => "Changing Studio flows",
            C::CreateAddress { .. } => "Adding Conversations addresses",
            C::RouteAddress { .. } => "Routing Conversations addresses",
            C::DeleteAddress { .. } => "Deleting Conversations addresses",
            C::CreateTwimlBin { .. } => "Creating TwiML Bins",
            C::UpdateTwimlBin { .. } => "Changing TwiML Bins",
            C::DeleteTwimlBin { .. } => "Deleting TwiML Bins",
        }
    }

    /// Whether the command may run while the account is suspended (only leaving that state).
    pub fn allowed_when_suspended(&self) -> bool {
        matches!(
            self,
            Command::ReactivateAccount { .. } | Command::CloseAccount { .. }
        )
    }
}
