//! Task channels: the kinds of work (voice, chat, sms, email, default, and custom ones), and
//! a worker's capacity on each.

use crate::sid::TaskChannelSid;
use serde::{Deserialize, Serialize};

/// The channels Flex creates, which cannot be deleted.
pub const BUILT_IN_CHANNELS: [&str; 5] = ["voice", "chat", "sms", "email", "default"];
/// Most task channels a workspace holds, the built-in ones included.
pub const MAX_CHANNELS: usize = 15;
/// Longest channel name.
pub const CHANNEL_NAME_MAX: usize = 64;
/// Most tasks a worker can hold on one channel.
pub const MAX_CAPACITY: u32 = 50;
/// A worker's capacity on a channel nobody configured (TaskRouter does not document it).
pub const DEFAULT_CAPACITY: u32 = 1;

/// A TaskRouter task channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskChannel {
    /// The channel SID.
    pub sid: TaskChannelSid,
    /// "voice", "chat", "sms", "email", "default", or a custom one.
    pub unique_name: String,
    /// The name shown, e.g. "Voice".
    #[serde(default)]
    pub friendly_name: String,
}

impl TaskChannel {
    /// Whether Flex created it (it cannot be deleted).
    pub fn built_in(&self) -> bool {
        BUILT_IN_CHANNELS.contains(&self.unique_name.as_str())
    }

    /// The name to show: the friendly name, else the unique name.
    pub fn name(&self) -> &str {
        if self.friendly_name.is_empty() {
            &self.unique_name
        } else {
            &self.friendly_name
        }
    }
}

/// The friendly name Flex gives a built-in channel.
pub fn built_in_friendly_name(unique_name: &str) -> String {
    match unique_name {
        "sms" => "SMS".to_owned(),
        other => {
            let mut chars = other.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// Why a custom channel's unique name is refused, or None when TaskRouter accepts it:
/// letters, digits, `_` and `$`, not starting with a digit.
pub fn unique_name_problem(name: &str) -> Option<&'static str> {
    let first = name.chars().next()?;
    if name.chars().count() > CHANNEL_NAME_MAX {
        return Some("is longer than 64 characters");
    }
    if first.is_ascii_digit() {
        return Some("must not start with a digit");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    {
        return Some("may hold only letters, digits, _ and $");
    }
    None
}

/// A worker's capacity on one channel; a channel can be switched off without losing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerChannel {
    /// How many tasks of this channel the worker can hold at once (0 to 50).
    pub capacity: u32,
    /// Whether the worker takes this channel's tasks at all.
    pub available: bool,
}

impl Default for WorkerChannel {
    fn default() -> Self {
        WorkerChannel {
            capacity: DEFAULT_CAPACITY,
            available: true,
        }
    }
}
