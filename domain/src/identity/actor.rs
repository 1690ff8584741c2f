//! Who is acting.

use crate::flex::sso::SsoAssertion;
use crate::identity::email::Email;
use crate::sid::UserSid;
use serde::{Deserialize, Serialize};

/// The one doing a command.
///
/// - `User`: a signed-in Console user; almost every command needs this.
/// - `Email`: someone known only by email, before they have a Console user: they can
///   sign up, or accept an invitation sent to that email (which creates their user).
/// - `Sso`: a person signed in through the account's identity provider; they can log in
///   to Flex and set their own activity, nothing in the Console.
/// - `Clock`: time passing on the Console clock: reservations time out, tasks leave
///   routing steps, ended tasks are deleted (TaskRouter's own doing).
/// - `Simulator`: the demo traffic a presenter starts: contacts arriving, and the simulated
///   agents it answers for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// A signed-in Console user.
    User(UserSid),
    /// Someone known only by email.
    Email(Email),
    /// A person signed in through SSO, with what the identity provider asserts.
    Sso(SsoAssertion),
    /// The Console clock moving on.
    Clock,
    /// Simulated traffic.
    Simulator,
}

impl Actor {
    /// The Console user, if the actor is one.
    pub fn user(&self) -> Option<&UserSid> {
        match self {
            Actor::User(sid) => Some(sid),
            _ => None,
        }
    }
}
