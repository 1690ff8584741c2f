//! Invitations to join an account with given roles.

use crate::identity::email::Email;
use crate::identity::roles::RoleSet;
use crate::sid::UserSid;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An invitation's number within its account (Twilio shows no SID for these).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InvitationId(pub u64);

/// What has happened to an invitation; expiry is computed from the time, not stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum InvitationState {
    /// Waiting for the invitee (pending or expired, depending on the time).
    Open,
    /// Withdrawn by an Owner or Administrator.
    Revoked {
        /// When.
        at: Timestamp,
    },
    /// The invitee joined.
    Accepted {
        /// When.
        at: Timestamp,
        /// The Console user who joined.
        user: UserSid,
    },
}

/// An invitation's status at a given time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    /// Can be accepted.
    Pending,
    /// Open but older than seven days; can be resent or revoked.
    Expired,
    /// Withdrawn.
    Revoked,
    /// Used.
    Accepted,
}

impl InvitationStatus {
    /// The status as a label on its own, capitalised like every status the Console shows
    /// ("Pending", "Expired"); `Display` gives the word inside a sentence.
    pub fn label(self) -> &'static str {
        match self {
            InvitationStatus::Pending => "Pending",
            InvitationStatus::Expired => "Expired",
            InvitationStatus::Revoked => "Revoked",
            InvitationStatus::Accepted => "Accepted",
        }
    }
}

impl fmt::Display for InvitationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InvitationStatus::Pending => "pending",
            InvitationStatus::Expired => "expired",
            InvitationStatus::Revoked => "revoked",
            InvitationStatus::Accepted => "accepted",
        })
    }
}

/// An invitation for an email to join an account with some roles (never Owner).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// Number within the account.
    pub id: InvitationId,
    /// Who is invited.
    pub email: Email,
    /// Roles given on acceptance.
    pub roles: RoleSet,
    /// Who sent it.
    pub invited_by: UserSid,
    /// When it was first sent.
    pub created: Timestamp,
    /// When it was last sent (creation or resend).
    pub sent: Timestamp,
    /// When it stops being acceptable: seven days after `sent`.
    pub expires: Timestamp,
    /// What has happened to it.
    pub state: InvitationState,
}

impl Invitation {
    /// The status at `now`: open invitations are expired from `expires` on.
    pub fn status(&self, now: Timestamp) -> InvitationStatus {
        match self.state {
            InvitationState::Revoked { .. } => InvitationStatus::Revoked,
            InvitationState::Accepted { .. } => InvitationStatus::Accepted,
            InvitationState::Open if now >= self.expires => InvitationStatus::Expired,
            InvitationState::Open => InvitationStatus::Pending,
        }
    }
}
