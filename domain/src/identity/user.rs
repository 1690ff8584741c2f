//! Console users: people who sign in to the Twilio Console.

use crate::identity::email::Email;
use crate::sid::UserSid;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A person with a Console login. Their roles live in each account's members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleUser {
    /// The user SID.
    pub sid: UserSid,
    /// Sign-in email, unique among Console users.
    pub email: Email,
    /// The person's name.
    pub full_name: String,
    /// When the user was created.
    pub created: Timestamp,
}
