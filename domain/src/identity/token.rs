//! Auth Tokens: the account's API secret.

use crate::random::Random;
use std::fmt;

/// An Auth Token: exactly 32 lower-case hex digits.
/// `Debug` shows only the last four digits so tokens do not leak into logs.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AuthToken(String);

/// Why a text is not an Auth Token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthTokenError;

impl fmt::Display for AuthTokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an Auth Token is exactly 32 lower-case hex digits (0-9, a-f)")
    }
}

impl std::error::Error for AuthTokenError {}

impl AuthToken {
    /// The token as text, for the "copy" button (only shown to people who may see it).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The token with all but its last four digits hidden, as the Console shows it.
    pub fn masked(&self) -> String {
        format!("{}{}", "•".repeat(28), &self.0[28..])
    }

    /// A fresh token from the Console's random source.
    pub(crate) fn generate(random: &mut Random) -> AuthToken {
        AuthToken(random.hex32())
    }
}

impl TryFrom<String> for AuthToken {
    type Error = AuthTokenError;
    fn try_from(text: String) -> Result<Self, AuthTokenError> {
        let ok = text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if ok {
            Ok(AuthToken(text))
        } else {
            Err(AuthTokenError)
        }
    }
}

impl std::str::FromStr for AuthToken {
    type Err = AuthTokenError;
    fn from_str(text: &str) -> Result<Self, AuthTokenError> {
        AuthToken::try_from(text.to_owned())
    }
}

impl From<AuthToken> for String {
    fn from(token: AuthToken) -> String {
        token.0
    }
}

impl fmt::Debug for AuthToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuthToken(…{})", &self.0[28..])
    }
}
