//! API keys: credentials for Twilio's REST API (`SK…` and a secret), the way to give an
//! application access without handing it the Auth Token.

use crate::random::Random;
use crate::revision::Revision;
use crate::sid::ApiKeySid;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest API key friendly name (Twilio allows 64 characters).
pub const API_KEY_NAME_MAX: usize = 64;

/// What a key may reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiKeyType {
    /// Every API but the API-key and Account resources.
    Standard,
    /// Full access, like the Auth Token.
    Main,
}

impl ApiKeyType {
    /// Both types, in the order the create form offers them.
    pub const ALL: [ApiKeyType; 2] = [ApiKeyType::Standard, ApiKeyType::Main];

    /// What it may reach, as the create form explains it.
    pub fn access(self) -> &'static str {
        match self {
            ApiKeyType::Standard => {
                "Access to every Twilio API except managing API keys and the Account resources (subaccounts, account settings)."
            }
            ApiKeyType::Main => {
                "Full access to every Twilio API, including API keys and the Account resources, like the Auth Token."
            }
        }
    }

    /// The name used in URLs and form values, e.g. "main".
    pub fn key(self) -> &'static str {
        match self {
            ApiKeyType::Standard => "standard",
            ApiKeyType::Main => "main",
        }
    }

    /// The type named `key` (see [`ApiKeyType::key`]).
    pub fn from_key(key: &str) -> Option<ApiKeyType> {
        ApiKeyType::ALL.into_iter().find(|t| t.key() == key)
    }
}

impl fmt::Display for ApiKeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ApiKeyType::Standard => "Standard",
            ApiKeyType::Main => "Main",
        })
    }
}

/// An API key as the account keeps it. Its secret is not kept: Twilio shows it once, when
/// the key is created, and never again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKey {
    /// The key's SID (`SK…`), the user name an application signs in with.
    pub sid: ApiKeySid,
    /// Its name; the only thing about a key that can change.
    pub friendly_name: String,
    /// Standard or Main.
    pub key_type: ApiKeyType,
    /// When it was created.
    pub created: Timestamp,
    /// How often it was renamed, and the last rename's author.
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub revision: Revision,
}

/// A new key's secret: 32 letters and digits, handed out once with the event that created the
/// key, and never saved. `Debug` shows only its last four characters.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKeySecret(String);

impl ApiKeySecret {
    /// The secret as text, for the one time it is shown and copied.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A fresh secret from the Console's random source.
    pub(crate) fn generate(random: &mut Random) -> ApiKeySecret {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let secret = (0..32)
            .map(|_| char::from(ALPHABET[random.below(ALPHABET.len() as u64) as usize]))
            .collect();
        ApiKeySecret(secret)
    }
}

/// Where new keys' secrets come from. It is not part of the Console's state: never saved,
/// never compared, and not the saved random source, so nothing saved (a snapshot, the log of
/// commands, an export) can give a secret back by replaying its creation. The store seeds it
/// from the browser's crypto before each command ([`super::Console::seed_secrets`]).
#[derive(Clone)]
pub(crate) struct SecretSource(pub(crate) Random);

impl Default for SecretSource {
    fn default() -> Self {
        SecretSource(Random::new(0x005E_C2E7))
    }
}

/// Never part of a comparison: two Consoles with the same state are equal whatever their
/// secret sources would draw next.
impl PartialEq for SecretSource {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretSource(…)")
    }
}

impl fmt::Debug for ApiKeySecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKeySecret(…{})", &self.0[28..])
    }
}
