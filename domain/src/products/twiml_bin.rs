//! TwiML Bins: TwiML documents Twilio serves at a URL of their own.

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
}

impl TwimlBin {
    /// The address Twilio fetches it from.
    pub fn url(&self) -> String {
        format!("https://handler.twilio.com/twiml/{}", self.sid)
    }
}
