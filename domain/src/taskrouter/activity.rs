//! Activities: what a worker is doing (Offline, Available, Unavailable, or an
//! administrator's own), and whether workers in it receive tasks.

use crate::sid::ActivitySid;
use serde::{Deserialize, Serialize};

/// Longest activity name (TaskRouter: "up to 64 characters").
pub const ACTIVITY_NAME_MAX: usize = 64;
/// Most activities a workspace holds.
pub const MAX_ACTIVITIES: usize = 100;

/// A TaskRouter activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// The activity SID.
    pub sid: ActivitySid,
    /// "Offline", "Available", "Unavailable", or one an administrator created.
    pub friendly_name: String,
    /// Whether workers in it receive tasks; chosen at creation and never changed.
    pub available: bool,
}
