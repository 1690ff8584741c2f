//! Functions and Assets: the Serverless service Flex uses and what it serves.

use crate::sid::{FunctionSid, ServerlessServiceSid};
use serde::{Deserialize, Serialize};

/// A Function (code run on request) or an Asset (a file served as is).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServerlessKind {
    /// Code.
    Function,
    /// A static file.
    Asset,
}

/// Who may request a Function or Asset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Anyone with the URL.
    Public,
    /// Only requests signed by Twilio.
    Protected,
    /// Only other Functions of the service.
    Private,
}

impl std::fmt::Display for Visibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Visibility::Public => "Public",
            Visibility::Protected => "Protected",
            Visibility::Private => "Private",
        })
    }
}

/// One Function or Asset (both have `ZH…` SIDs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerlessFile {
    /// Its SID.
    pub sid: FunctionSid,
    /// Function or Asset.
    pub kind: ServerlessKind,
    /// Its path under the service's domain, e.g. "/flex-token-validator".
    pub path: String,
    /// Who may request it.
    pub visibility: Visibility,
}

/// A Functions (Serverless) service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionsService {
    /// The service SID (`ZS…`).
    pub sid: ServerlessServiceSid,
    /// Its name.
    pub friendly_name: String,
    /// Its Functions and Assets (none in data saved before they were modelled).
    #[serde(default)]
    pub files: Vec<ServerlessFile>,
}
