//! Console roles and the sets of them a member may hold.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A role a Console user holds in one account. The declaration order is the permission
/// matrix's column order and the bit order of [`RoleSet`]: keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsoleRole {
    /// Owns the account; exactly one per account.
    Owner,
    /// Full administration except transferring ownership.
    Administrator,
    /// Builds with the products and credentials.
    Developer,
    /// Billing and usage.
    BillingManager,
    /// Read-mostly access for support staff.
    Support,
}

impl ConsoleRole {
    /// Every role, in the Console's order (also the column order of the permission matrix).
    pub const ALL: [ConsoleRole; 5] = [
        ConsoleRole::Owner,
        ConsoleRole::Administrator,
        ConsoleRole::Developer,
        ConsoleRole::BillingManager,
        ConsoleRole::Support,
    ];

    /// The role's name as the Console shows it.
    pub fn label(self) -> &'static str {
        match self {
            ConsoleRole::Owner => "Owner",
            ConsoleRole::Administrator => "Administrator",
            ConsoleRole::Developer => "Developer",
            ConsoleRole::BillingManager => "Billing Manager",
            ConsoleRole::Support => "Support",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for ConsoleRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// "Owner", "Owner or Administrator", "Owner, Administrator or Developer".
pub fn describe_roles(roles: &[ConsoleRole]) -> String {
    match roles {
        [] => "no".to_owned(),
        [one] => one.label().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(|r| r.label()).collect();
            format!("{} or {}", rest.join(", "), last.label())
        }
    }
}

/// A valid set of roles: `{Owner}` alone, `{Administrator}` alone, or any non-empty
/// combination of Developer, Billing Manager and Support. An invalid set cannot exist:
/// [`RoleSet::new`] and deserialization both go through the same check.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<ConsoleRole>", into = "Vec<ConsoleRole>")]
pub struct RoleSet(u8);

/// Why a combination of roles is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleSetError {
    /// No role at all.
    Empty,
    /// Owner combined with another role.
    OwnerNotAlone,
    /// Administrator combined with another role.
    AdministratorNotAlone,
}

impl fmt::Display for RoleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RoleSetError::Empty => "a member needs at least one role",
            RoleSetError::OwnerNotAlone => "the Owner role cannot be combined with other roles",
            RoleSetError::AdministratorNotAlone => {
                "the Administrator role cannot be combined with other roles"
            }
        })
    }
}

impl std::error::Error for RoleSetError {}

impl RoleSet {
    /// Checks and builds a role set (duplicates are ignored).
    pub fn new(roles: impl IntoIterator<Item = ConsoleRole>) -> Result<RoleSet, RoleSetError> {
        let bits = roles.into_iter().fold(0u8, |bits, role| bits | role.bit());
        let set = RoleSet(bits);
        let alone = |role: ConsoleRole| bits == role.bit();
        if bits == 0 {
            Err(RoleSetError::Empty)
        } else if set.contains(ConsoleRole::Owner) && !alone(ConsoleRole::Owner) {
            Err(RoleSetError::OwnerNotAlone)
        } else if set.contains(ConsoleRole::Administrator) && !alone(ConsoleRole::Administrator) {
            Err(RoleSetError::AdministratorNotAlone)
        } else {
            Ok(set)
        }
    }

    /// `{Owner}`.
    pub fn owner() -> RoleSet {
        RoleSet(ConsoleRole::Owner.bit())
    }

    /// `{Administrator}`.
    pub fn administrator() -> RoleSet {
        RoleSet(ConsoleRole::Administrator.bit())
    }

    /// A set with just one role (every single role is a valid set).
    pub fn only(role: ConsoleRole) -> RoleSet {
        RoleSet(role.bit())
    }

    /// Every valid role set, for menus and exhaustive tests.
    pub fn all_valid() -> Vec<RoleSet> {
        (1u8..32)
            .filter_map(|bits| {
                RoleSet::new(ConsoleRole::ALL.into_iter().filter(|r| bits & r.bit() != 0)).ok()
            })
            .collect()
    }

    /// Whether the set holds `role`.
    pub fn contains(self, role: ConsoleRole) -> bool {
        self.0 & role.bit() != 0
    }

    /// Whether this is the Owner's set.
    pub fn is_owner(self) -> bool {
        self.contains(ConsoleRole::Owner)
    }

    /// The roles, in the Console's order.
    pub fn roles(self) -> Vec<ConsoleRole> {
        ConsoleRole::ALL
            .into_iter()
            .filter(|r| self.contains(*r))
            .collect()
    }
}

/// The roles a member can be given by invitation or role change (the Owner's moves only by
/// transfer), in the Console's order.
pub const ASSIGNABLE: [ConsoleRole; 4] = [
    ConsoleRole::Administrator,
    ConsoleRole::Developer,
    ConsoleRole::BillingManager,
    ConsoleRole::Support,
];

/// How assignable roles combine, in words, for the role picker.
pub const COMBINING: &str =
    "Administrator stands alone; Developer, Billing Manager and Support can be combined.";

/// `picked` with `role` turned on or off. A role turned on drops the picked roles it cannot
/// be held with (by [`RoleSet::new`]'s rule), so a picker always holds roles that combine.
pub fn pick(picked: &[ConsoleRole], role: ConsoleRole, on: bool) -> Vec<ConsoleRole> {
    let mut roles: Vec<ConsoleRole> = picked.iter().copied().filter(|r| *r != role).collect();
    if on {
        roles.retain(|r| RoleSet::new([*r, role]).is_ok());
        roles.push(role);
    }
    roles
}

impl TryFrom<Vec<ConsoleRole>> for RoleSet {
    type Error = RoleSetError;
    fn try_from(roles: Vec<ConsoleRole>) -> Result<Self, RoleSetError> {
        RoleSet::new(roles)
    }
}

impl From<RoleSet> for Vec<ConsoleRole> {
    fn from(set: RoleSet) -> Self {
        set.roles()
    }
}

impl fmt::Debug for RoleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.roles()).finish()
    }
}

/// "Developer + Billing Manager".
impl fmt::Display for RoleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let labels: Vec<&str> = self.roles().iter().map(|r| r.label()).collect();
        f.write_str(&labels.join(" + "))
    }
}
