//! Why a command was refused, why a state is invalid, why an import failed.
//! Every message is meant to be shown to a person and says what would allow the action.

use crate::flex::view::ChangeRefused;
use crate::identity::account::Account;
use crate::identity::capability::{Capability, roles_granting};
use crate::identity::email::Email;
use crate::identity::invitation::{InvitationId, InvitationStatus};
use crate::identity::roles::{ConsoleRole, RoleSet, describe_roles};
use crate::products::twiml::TwimlError;
use crate::resources::ResourceKind;
use crate::sid::{AccountSid, ActivitySid, UserSid};
use crate::taskrouter::error::TaskRouterError;
use crate::time::Timestamp;
use crate::words::{count, thousands};
use std::fmt;

/// A refused command. The state is unchanged when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    /// The command needs another kind of actor (e.g. a signed-in Console user).
    WrongActor {
        /// What was attempted, e.g. "Inviting users".
        action: &'static str,
        /// The actor needed, e.g. "a signed-in Console user".
        needed: &'static str,
    },
    /// No such Console user.
    UnknownUser(UserSid),
    /// No such account.
    UnknownAccount(AccountSid),
    /// No such invitation in the account.
    UnknownInvitation(InvitationId),
    /// Not an activity of the workspace.
    UnknownActivity(ActivitySid),
    /// The actor is not a member of the account.
    NotAMember {
        /// The account's name.
        account: String,
    },
    /// The user acted upon is not a member of the account.
    TargetNotMember {
        /// The user's name.
        name: String,
        /// The account's name.
        account: String,
    },
    /// A resource of the account named by SID is not there: deleted (and then named as the
    /// activity log last named it) or never there.
    Missing {
        /// What kind of resource.
        kind: ResourceKind,
        /// The SID given.
        sid: String,
        /// Its name when the account's log says it was deleted (released, for a number).
        gone: Option<String>,
    },
    /// The actor's roles do not allow the action.
    NotAllowed {
        /// What was attempted.
        action: &'static str,
        /// The roles that would allow it.
        allowed: Vec<ConsoleRole>,
        /// The roles the actor has.
        roles: RoleSet,
        /// The account's name.
        account: String,
    },
    /// The account is suspended.
    AccountSuspended {
        /// The account's name.
        account: String,
    },
    /// The account is closed (final).
    AccountClosed {
        /// The account's name.
        account: String,
    },
    /// Reactivating an account that is not suspended.
    AccountNotSuspended,
    /// A name is empty or too long.
    InvalidName {
        /// Which name, e.g. "account name".
        what: &'static str,
        /// What is wrong, e.g. "must not be empty".
        reason: &'static str,
    },
    /// A name (or other text a person types) is longer than allowed.
    NameTooLong {
        /// Which name, e.g. "account name".
        what: &'static str,
        /// The most characters it may have.
        max: usize,
    },
    /// The email already belongs to a Console user.
    EmailTaken(Email),
    /// The Owner role was offered by invitation or role change.
    OwnerRoleNotAssignable,
    /// Removing or demoting the Owner.
    OwnerUnchangeable,
    /// The Owner tried to leave.
    OwnerCannotLeave,
    /// Inviting or accepting for someone already a member.
    AlreadyMember(Email),
    /// A pending invitation for the same email exists in the account.
    DuplicateInvitation(Email),
    /// The invitation is past its expiry.
    InvitationExpired {
        /// When it expired.
        expired: Timestamp,
    },
    /// The invitation was already accepted or revoked.
    InvitationClosed(InvitationStatus),
    /// Accepting someone else's invitation.
    InvitationForAnotherEmail,
    /// The Owner transferring ownership to themself.
    TransferToSelf,
    /// Transferring ownership to someone who is not a member.
    TransferTargetNotMember,
    /// Creating a second secondary token.
    SecondaryTokenExists,
    /// Promoting or deleting a secondary token that does not exist.
    NoSecondaryToken,
    /// Creating a second Flex instance.
    FlexAlreadyExists,
    /// A Flex command in an account without Flex.
    NoFlexInstance,
    /// Upgrading a paid plan.
    AlreadyPaid,
    /// Upgrading without accepting the fair-usage terms.
    FairUsageNotAccepted,
    /// Upgrading without a payment method.
    PaymentMethodRequired,
    /// The workspace has no room for another worker.
    WorkspaceFull {
        /// The workspace's limit.
        max: u32,
    },
    /// Twilio error 45050: the SSO assertion's roles are missing or invalid.
    SsoRolesInvalid,
    /// An SSO assertion asked for `flex.readonlyadmin`.
    SsoReadOnlyAdmin,
    /// Insights roles on a trial plan.
    InsightsNeedPaidPlan,
    /// Insights roles for a worker who is neither admin nor supervisor.
    InsightsNeedAdminOrSupervisor,
    /// The worker's Flex roles do not allow the change inside Flex.
    FlexRole(ChangeRefused),
    /// The actor has no worker in the account.
    NoWorker,
    /// A Flex setting has an unacceptable value.
    InvalidSetting {
        /// The setting.
        field: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// The number is not offered for sale (not in the list, or owned already).
    NumberNotAvailable(String),
    /// A trial account already has its one phone number.
    TrialNumberLimit,
    /// The TwiML is not acceptable.
    InvalidTwiml(TwimlError),
    /// The TwiML is longer than a bin holds.
    TwimlTooLong {
        /// The most characters a bin holds.
        max: usize,
        /// How many the TwiML has.
        length: usize,
    },
    /// The command's time is past [`Timestamp::LATEST_NOW`], the latest the Console works at.
    ClockOutOfRange,
    /// A TaskRouter change refused (queues, workflows, activities, channels, workers, skills).
    TaskRouter(TaskRouterError),
    /// A form saved over a change made since it was opened (see [`crate::revision`]).
    ChangedElsewhere {
        /// What was edited, e.g. "the Flex settings".
        what: String,
        /// Who changed it, by name.
        by: String,
        /// When (None when not known).
        at: Option<Timestamp>,
    },
}

impl DomainError {
    /// The refusal for a member of `account` whose `roles` lack `capability`.
    pub fn not_allowed(
        action: &'static str,
        capability: Capability,
        roles: RoleSet,
        account: &Account,
    ) -> DomainError {
        DomainError::NotAllowed {
            action,
            allowed: roles_granting(capability),
            roles,
            account: account.friendly_name.clone(),
        }
    }

    /// Whether the refusal is about the values given (a name, an email, a setting, the
    /// TwiML), which the person can correct in the same control, rather than about who is
    /// acting or the state things are in. A control is offered when only such an error
    /// stands in its way, and shows the error once used.
    pub fn concerns_input(&self) -> bool {
        use DomainError as E;
        matches!(
            self,
            E::InvalidName { .. }
                | E::NameTooLong { .. }
                | E::EmailTaken(_)
                | E::OwnerRoleNotAssignable
                | E::AlreadyMember(_)
                | E::DuplicateInvitation(_)
                | E::TransferToSelf
                | E::FairUsageNotAccepted
                | E::PaymentMethodRequired
                | E::InvalidSetting { .. }
                | E::NumberNotAvailable(_)
                | E::InvalidTwiml(_)
                | E::TwimlTooLong { .. }
                | E::TransferTargetNotMember
                | E::SsoRolesInvalid
                | E::SsoReadOnlyAdmin
        ) || matches!(self, E::TaskRouter(e) if e.concerns_input())
    }
}

/// Who may manage users, for sentences such as "an Owner or Administrator can invite you".
fn user_managers() -> String {
    describe_roles(&roles_granting(Capability::ManageUsers))
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DomainError as E;
        match self {
            E::WrongActor { action, needed } => write!(f, "{action} needs {needed}."),
            E::UnknownUser(sid) => write!(f, "There is no Console user {sid}."),
            E::UnknownAccount(sid) => write!(f, "There is no account {sid}."),
            E::UnknownInvitation(id) => write!(f, "There is no invitation {} in this account.", id.0),
            E::UnknownActivity(sid) => write!(f, "{sid} is not an activity of this account's Flex workspace."),
            E::NotAMember { account } => write!(
                f,
                "You are not a member of {account}; a member with the {} role can invite you.",
                user_managers()
            ),
            E::TargetNotMember { name, account } => write!(f, "{name} is not a member of {account}."),
            E::Missing { kind, sid, gone: None } => write!(f, "There is no {} {sid} in this account.", kind.label()),
            E::Missing { kind, gone: Some(name), .. } => {
                let how = if *kind == ResourceKind::PhoneNumber { "released" } else { "deleted" };
                write!(f, "The {} {name} was {how} from this account.", kind.label())
            }
            E::NotAllowed { action, allowed, roles, account } => write!(
                f,
                "{action} needs the {} role. You are {roles} on {account}.",
                describe_roles(allowed)
            ),
            E::AccountSuspended { account } => write!(
                f,
                "{account} is suspended: it must be reactivated first, which needs the {} role.",
                describe_roles(&roles_granting(Capability::ManageProjectSettings))
            ),
            E::AccountClosed { account } => {
                write!(f, "{account} is closed; a closed account cannot be changed or reactivated.")
            }
            E::AccountNotSuspended => f.write_str("This account is active; only a suspended account can be reactivated."),
            E::InvalidName { what, reason } => write!(f, "The {what} {reason}."),
            E::NameTooLong { what, max } => {
                write!(f, "The {what} is too long: it can have at most {}.", count(*max as u64, "character"))
            }
            E::EmailTaken(email) => write!(f, "A Console user with the email {email} already exists."),
            E::OwnerRoleNotAssignable => f.write_str(
                "Nobody can be given the Owner role by invitation or role change; the Owner can transfer ownership to an existing member instead.",
            ),
            E::OwnerUnchangeable => f.write_str(
                "The Owner cannot be removed or given other roles; the Owner must first transfer ownership to another member.",
            ),
            E::OwnerCannotLeave => f.write_str("The Owner cannot leave the account; transfer ownership to another member first."),
            E::AlreadyMember(email) => write!(f, "{email} is already a member of this account."),
            E::DuplicateInvitation(email) => {
                write!(f, "{email} already has a pending invitation to this account; resend or revoke it instead.")
            }
            E::InvitationExpired { expired } => write!(
                f,
                "This invitation expired on {expired}; ask a member with the {} role to resend it.",
                user_managers()
            ),
            E::InvitationClosed(status) => write!(f, "This invitation was already {status}."),
            E::InvitationForAnotherEmail => {
                f.write_str("This invitation was sent to another email address; sign in with that address to accept it.")
            }
            E::TransferToSelf => f.write_str("You already own this account."),
            E::TransferTargetNotMember => f.write_str(
                "Ownership can only be transferred to an existing member of this account; invite them first.",
            ),
            E::SecondaryTokenExists => {
                f.write_str("This account already has a secondary Auth Token; promote or delete it first.")
            }
            E::NoSecondaryToken => f.write_str("This account has no secondary Auth Token; create one first."),
            E::FlexAlreadyExists => f.write_str("This account already has a Flex instance; an account can have only one."),
            E::NoFlexInstance => write!(
                f,
                "This account has no Flex instance yet; setting up Flex needs the {} role.",
                describe_roles(&roles_granting(Capability::ManageProjectSettings))
            ),
            E::AlreadyPaid => f.write_str("Flex is already on a paid plan in this account."),
            E::FairUsageNotAccepted => f.write_str("Upgrading Flex needs the fair-usage terms to be accepted."),
            E::PaymentMethodRequired => f.write_str("Upgrading Flex needs a payment method."),
            E::WorkspaceFull { max } => {
                write!(f, "The Flex workspace already has the maximum of {}; delete workers to make room.", count(u64::from(*max), "worker"))
            }
            E::SsoRolesInvalid => f.write_str(
                "SSO login failed (error 45050): the roles attribute of the identity provider's assertion is missing or invalid; it must contain agent, supervisor or admin.",
            ),
            E::SsoReadOnlyAdmin => f.write_str(
                "SSO login refused: the flex.readonlyadmin role cannot be granted through SSO; only Console users with the Support role get it, by launching Flex from the Console.",
            ),
            E::InsightsNeedPaidPlan => write!(
                f,
                "Flex Insights roles need a paid Flex plan; upgrading needs the {} role.",
                describe_roles(&roles_granting(Capability::ManageBilling))
            ),
            E::InsightsNeedAdminOrSupervisor => {
                f.write_str("Insights roles can only be given to workers with the admin or supervisor Flex role.")
            }
            E::FlexRole(refused) => refused.fmt(f),
            E::NoWorker => {
                f.write_str("You have no Flex worker in this account yet; launch Flex (or sign in with SSO) first.")
            }
            E::InvalidSetting { field, reason } => write!(f, "The Flex setting {field} {reason}."),
            E::NumberNotAvailable(number) => write!(
                f,
                "{number} is not available to buy; it is owned already or not in the list of available numbers. Search again and pick one from the list."
            ),
            E::TrialNumberLimit => f.write_str(
                "A trial account can have only one phone number; release it or upgrade the account to buy more.",
            ),
            E::InvalidTwiml(e) => write!(f, "The TwiML is not valid at {e}."),
            E::TwimlTooLong { max, length } => write!(
                f,
                "The TwiML is too long; a TwiML Bin holds at most {}; this has {}.",
                count(*max as u64, "character"),
                thousands(*length as u64)
            ),
            E::ClockOutOfRange => write!(
                f,
                "The Console's clock reads a time after {}, the latest it works at; load data with an earlier time.",
                Timestamp::LATEST_NOW
            ),
            E::TaskRouter(e) => e.fmt(f),
            E::ChangedElsewhere { what, by, at } => {
                let when = at.map(|at| format!(" at {at}")).unwrap_or_default();
                write!(
                    f,
                    "{by} changed {what}{when}, after this form was opened. Load the newer values, then make your change again."
                )
            }
        }
    }
}

impl std::error::Error for DomainError {}

impl From<TaskRouterError> for DomainError {
    fn from(e: TaskRouterError) -> Self {
        DomainError::TaskRouter(e)
    }
}

/// The first invalid field of a state, named by its JSON path
/// (e.g. `accounts.AC….members.US….roles`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// JSON path of the bad field.
    pub path: String,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl std::error::Error for ValidationError {}

/// Why a JSON document could not be imported as a Console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The text is not JSON of the right shape, or a value is malformed.
    Json {
        /// JSON path of the field being read when it failed ("" for the whole document).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's explanation.
        message: String,
    },
    /// The document reads fine but breaks a rule.
    Invalid(ValidationError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Json {
                path,
                line,
                column,
                message,
            } => {
                let at = if path.is_empty() {
                    "the document"
                } else {
                    path
                };
                write!(f, "{at}: {message} (line {line}, column {column})")
            }
            ImportError::Invalid(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ImportError {}
