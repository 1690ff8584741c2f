//! Who is in Flex in this browser tab (sessionStorage), for which account and how they came
//! in. Only the identity is kept: the worker's Flex roles are read from the worker record
//! every time, so a later change of roles shows at once.

use serde::{Deserialize, Serialize};

use crate::domain::{AccountSid, Actor, SsoAssertion, UserSid, WorkerSid};

const KEY: &str = "flex-console.flex-session";

/// How the person entered Flex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum FlexLogin {
    /// "Log in with Console" by this Console user.
    Console {
        /// The Console user.
        user: UserSid,
    },
    /// Through the account's identity provider, with what it asserted.
    Sso {
        /// The assertion the login was made with.
        assertion: SsoAssertion,
    },
}

/// A Flex session: one worker in one account's Flex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlexSession {
    /// The account whose Flex is open.
    pub account: AccountSid,
    /// The signed-in worker.
    pub worker: WorkerSid,
    /// How they came in.
    pub login: FlexLogin,
}

impl FlexSession {
    /// The domain actor for commands made inside Flex.
    pub fn actor(&self) -> Actor {
        match &self.login {
            FlexLogin::Console { user } => Actor::User(*user),
            FlexLogin::Sso { assertion } => Actor::Sso(assertion.clone()),
        }
    }
}

/// The Flex session of this tab, if any (an unreadable one counts as none).
pub fn load() -> Option<FlexSession> {
    let text = storage()?.get_item(KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Remembers (or forgets, with `None`) this tab's Flex session.
pub fn save(session: Option<&FlexSession>) {
    let Some(storage) = storage() else { return };
    // A failed write only means Flex asks to log in again after a reload.
    let _ = match session.and_then(|s| serde_json::to_string(s).ok()) {
        Some(text) => storage.set_item(KEY, &text),
        None => storage.remove_item(KEY),
    };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
