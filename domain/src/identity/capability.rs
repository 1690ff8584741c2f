//! What each Console role may do: the permission matrix, written once.

use crate::identity::roles::{ConsoleRole, RoleSet};
use serde::{Deserialize, Serialize};

/// Something a member may be allowed to do in an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// See and copy the Auth Token, manage API keys and tokens.
    ManageCredentials,
    /// Manage phone numbers, Studio, Functions, Assets, TaskRouter (workers) and TwiML.
    ManageProducts,
    /// View logs and usage.
    ViewLogsAndUsage,
    /// Billing: history, plan, upgrading Flex to a paid plan.
    ManageBilling,
    /// Project settings: account name, status, Flex set-up and settings.
    ManageProjectSettings,
    /// Invite users, change their roles, remove them.
    ManageUsers,
    /// Hand the account over to another member.
    TransferOwnership,
    /// Open Flex from the Console (as admin or as read-only admin, see [`LaunchOutcome`]).
    LaunchFlex,
}

impl Capability {
    /// Every capability, in the matrix's row order.
    pub const ALL: [Capability; 8] = [
        Capability::ManageCredentials,
        Capability::ManageProducts,
        Capability::ViewLogsAndUsage,
        Capability::ManageBilling,
        Capability::ManageProjectSettings,
        Capability::ManageUsers,
        Capability::TransferOwnership,
        Capability::LaunchFlex,
    ];
}

/// One cell of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grant {
    /// No.
    N,
    /// Yes (for Launch Flex: as admin).
    Y,
    /// Launch Flex as read-only admin.
    R,
}
use Grant::{N, R, Y};

/// The permission matrix. Columns follow [`ConsoleRole::ALL`]:
/// Owner, Administrator, Developer, Billing Manager, Support.
const MATRIX: [(Capability, [Grant; 5]); 8] = [
    (Capability::ManageCredentials, [Y, Y, Y, N, N]),
    (Capability::ManageProducts, [Y, Y, Y, N, N]),
    (Capability::ViewLogsAndUsage, [Y, Y, Y, Y, Y]),
    (Capability::ManageBilling, [Y, Y, N, Y, N]),
    (Capability::ManageProjectSettings, [Y, Y, N, N, N]),
    (Capability::ManageUsers, [Y, Y, N, N, N]),
    (Capability::TransferOwnership, [Y, N, N, N, N]),
    (Capability::LaunchFlex, [Y, Y, Y, N, R]),
];

fn grant(role: ConsoleRole, capability: Capability) -> Grant {
    let row = MATRIX
        .iter()
        .find(|(c, _)| *c == capability)
        .map_or([N; 5], |(_, row)| *row);
    row[role as usize]
}

/// Whether a member with `roles` has `capability` (the union over the roles).
pub fn can(roles: RoleSet, capability: Capability) -> bool {
    roles
        .roles()
        .into_iter()
        .any(|role| grant(role, capability) != N)
}

/// Every capability `roles` grant.
pub fn capabilities_of(roles: RoleSet) -> Vec<Capability> {
    Capability::ALL
        .into_iter()
        .filter(|c| can(roles, *c))
        .collect()
}

/// The roles that grant `capability`, for messages such as "needs the Owner or Administrator role".
pub fn roles_granting(capability: Capability) -> Vec<ConsoleRole> {
    ConsoleRole::ALL
        .into_iter()
        .filter(|r| grant(*r, capability) != N)
        .collect()
}

/// How a Console user enters Flex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LaunchOutcome {
    /// As a Flex admin.
    Admin,
    /// As a read-only Flex admin.
    ReadOnlyAdmin,
    /// Not at all.
    Denied,
}

/// The launch outcome for a role set: admin if any role gives admin, else read-only admin
/// if any role gives that, else denied.
pub fn launch_outcome(roles: RoleSet) -> LaunchOutcome {
    let grants: Vec<Grant> = roles
        .roles()
        .into_iter()
        .map(|r| grant(r, Capability::LaunchFlex))
        .collect();
    if grants.contains(&Y) {
        LaunchOutcome::Admin
    } else if grants.contains(&R) {
        LaunchOutcome::ReadOnlyAdmin
    } else {
        LaunchOutcome::Denied
    }
}
