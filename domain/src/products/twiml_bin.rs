//! TwiML Bins: TwiML documents Twilio serves at a URL of their own.

use crate::error::DomainError;
use crate::products::twiml::check_twiml;
use crate::revision::Revision;
use crate::sid::TwimlBinSid;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Longest TwiML Bin name.
pub const TWIML_BIN_NAME_MAX: usize = 64;
/// Longest TwiML a bin holds, in characters.
pub const TWIML_MAX: usize = 10_000;

/// A TwiML Bin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwimlBin {
    /// The bin's SID (`EH…`).
    pub sid: TwimlBinSid,
    /// Its name.
    pub friendly_name: String,
    /// The TwiML it serves; always well-formed with a `<Response>` root.
    pub twiml: String,
    /// When it was created.
    pub created: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
    /// How often its name or TwiML changed, and the last change's author.
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub revision: Revision,
}

impl TwimlBin {
    /// The address Twilio fetches it from.
    pub fn url(&self) -> String {
        format!("https://handler.twilio.com/twiml/{}", self.sid)
    }
}

/// The TwiML a bin may hold: well-formed XML with a `<Response>` root, at most
/// [`TWIML_MAX`] characters. What Save checks, so an editor says "valid" only when this does.
pub fn check_bin_twiml(twiml: &str) -> Result<(), DomainError> {
    let length = twiml.chars().count();
    if length > TWIML_MAX {
        return Err(DomainError::TwimlTooLong {
            max: TWIML_MAX,
            length,
        });
    }
    check_twiml(twiml).map_err(DomainError::InvalidTwiml)
}
