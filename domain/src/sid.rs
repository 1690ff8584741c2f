//! Twilio SIDs: two upper-case letters naming the resource kind, then 32 hex digits.
//!
//! Each resource kind has its own type, so an Account SID can never be passed where a
//! worker SID is expected (a Flex Instance SID `GO…` is not a Flex Flow SID `FO…`).
//! Parsing (`FromStr`, `TryFrom<String>`, serde) accepts exactly `^XX[0-9a-fA-F]{32}$`
//! for the type's prefix; generated SIDs use lower-case hex, as Twilio's do.

use crate::random::Random;
use std::fmt;

/// Why a text is not a SID of the expected kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SidError {
    /// The resource kind expected, e.g. "Account".
    pub kind: &'static str,
    /// The two-letter prefix expected, e.g. "AC".
    pub prefix: &'static str,
    /// The rejected text (cut to 40 characters).
    pub value: String,
    /// What exactly is wrong.
    pub problem: SidProblem,
}

/// The ways a SID can be malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidProblem {
    /// Not 34 characters long.
    Length(usize),
    /// Does not start with the expected two letters.
    Prefix,
    /// The 32 characters after the prefix are not all hex digits.
    NotHex,
}

impl fmt::Display for SidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.problem {
            SidProblem::Length(n) => format!("it has {n} characters instead of 34"),
            SidProblem::Prefix => format!("it does not start with {}", self.prefix),
            SidProblem::NotHex => {
                "the 32 characters after the prefix must be hex digits (0-9, a-f)".to_owned()
            }
        };
        write!(
            f,
            "\"{}\" is not a valid {} SID ({} followed by 32 hex digits): {why}",
            self.value, self.kind, self.prefix
        )
    }
}

impl std::error::Error for SidError {}

/// Checks `text` against `^PREFIX[0-9a-fA-F]{32}$`.
fn check(prefix: &'static str, kind: &'static str, text: &str) -> Result<(), SidError> {
    let fail = |problem| SidError {
        kind,
        prefix,
        value: text.chars().take(40).collect(),
        problem,
    };
    let count = text.chars().count();
    if count != 34 || text.len() != 34 {
        return Err(fail(SidProblem::Length(count)));
    }
    if !text.starts_with(prefix) {
        return Err(fail(SidProblem::Prefix));
    }
    if !text.bytes().skip(2).all(|b| b.is_ascii_hexdigit()) {
        return Err(fail(SidProblem::NotHex));
    }
    Ok(())
}

macro_rules! sid_types {
    ($($(#[$doc:meta])* $name:ident = $prefix:literal, $kind:literal;)*) => {$(
        $(#[$doc])*
        ///
        /// Its 34 ASCII bytes are held inline, so the SID is `Copy`: passed around freely,
        /// never allocated.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name([u8; SID_LEN]);

        impl $name {
            /// The two letters every SID of this kind starts with.
            pub const PREFIX: &'static str = $prefix;

            /// The SID as text.
            pub fn as_str(&self) -> &str {
                // Only checked ASCII is ever stored.
                std::str::from_utf8(&self.0).unwrap_or_default()
            }

            /// A fresh SID from a random source (lower-case hex).
            pub fn generate(random: &mut Random) -> Self {
                Self::held(&format!("{}{}", $prefix, random.hex32()))
            }

            /// `text`, already checked.
            fn held(text: &str) -> Self {
                let mut bytes = [b'0'; SID_LEN];
                bytes.copy_from_slice(&text.as_bytes()[..SID_LEN]);
                Self(bytes)
            }
        }

        impl std::str::FromStr for $name {
            type Err = SidError;
            fn from_str(text: &str) -> Result<Self, SidError> {
                check($prefix, $kind, text).map(|()| Self::held(text))
            }
        }

        impl TryFrom<String> for $name {
            type Error = SidError;
            fn try_from(text: String) -> Result<Self, SidError> {
                text.parse()
            }
        }

        impl From<$name> for String {
            fn from(sid: $name) -> String {
                sid.as_str().to_owned()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

/// Every SID is two letters and 32 hex digits.
const SID_LEN: usize = 34;

sid_types! {
    /// An Account (project) SID, `AC…`.
    AccountSid = "AC", "Account";
    /// A Flex instance SID, `GO…` (not a Flex Flow).
    FlexInstanceSid = "GO", "Flex instance";
    /// A Console user SID, `US…`.
    UserSid = "US", "Console user";
    /// A TaskRouter workspace SID, `WS…`.
    WorkspaceSid = "WS", "TaskRouter workspace";
    /// A TaskRouter worker SID, `WK…` (a Flex user).
    WorkerSid = "WK", "worker";
    /// A TaskRouter workflow SID, `WW…`.
    WorkflowSid = "WW", "workflow";
    /// A TaskRouter task queue SID, `WQ…`.
    TaskQueueSid = "WQ", "task queue";
    /// A TaskRouter activity SID, `WA…`.
    ActivitySid = "WA", "activity";
    /// A TaskRouter task channel SID, `TC…`.
    TaskChannelSid = "TC", "task channel";
    /// A TaskRouter task SID, `WT…`: one contact to handle.
    TaskSid = "WT", "task";
    /// A TaskRouter reservation SID, `WR…`: a task offered to one worker.
    ReservationSid = "WR", "reservation";
    /// A Studio flow SID, `FW…`.
    StudioFlowSid = "FW", "Studio flow";
    /// A Serverless (Functions) service SID, `ZS…`.
    ServerlessServiceSid = "ZS", "Functions service";
    /// A Function or Asset SID, `ZH…`.
    FunctionSid = "ZH", "Function or Asset";
    /// A Conversations service SID, `IS…`.
    ConversationsServiceSid = "IS", "Conversations service";
    /// A Flex Flow SID, `FO…` (not a Flex instance).
    FlexFlowSid = "FO", "Flex Flow";
    /// An incoming phone number SID, `PN…`.
    PhoneNumberSid = "PN", "incoming phone number";
    /// An API key SID, `SK…`.
    ApiKeySid = "SK", "API key";
    /// A Proxy service SID, `KS…`.
    ProxyServiceSid = "KS", "Proxy service";
    /// A TwiML Bin SID, `EH…`.
    TwimlBinSid = "EH", "TwiML Bin";
    /// A Conversations address SID, `IG…`: an SMS, WhatsApp or Chat address handing
    /// messages to a Studio flow.
    AddressSid = "IG", "Conversations address";
}
