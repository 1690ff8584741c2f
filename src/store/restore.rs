//! Restore points: the state a scenario, an import, a reset or a restore replaced, kept in
//! IndexedDB (the last [`RESTORE_POINTS_KEPT`]) so that nothing a presenter does loses data.
//! They are shared by the tabs, survive reloads, and are not part of exports.

use serde::{Deserialize, Serialize};

use super::db::RESTORE_POINTS_KEPT;
use super::scenario;
use crate::domain::{Console, Timestamp};

/// A state about to be replaced, to keep as a restore point: its summary (listed) and the
/// state itself (a scenario file's JSON).
#[derive(Clone, Debug, PartialEq)]
pub struct Keep {
    /// The summary, JSON text.
    pub summary: String,
    /// The state, as a scenario file.
    pub state: String,
}

/// What a restore point's list entry says (the state itself is stored apart).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// What replaced the state, e.g. "the demo scenario".
    pub replaced_by: String,
    /// When, in browser time (ms since the epoch).
    pub at: f64,
    /// The Console time the state was at.
    pub console_time: Timestamp,
    /// How many changes it held since it was loaded.
    pub changes: u64,
    /// How many accounts it had.
    pub accounts: usize,
    /// How many Console users it had.
    pub users: usize,
}

/// A restore point as the Data page lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct RestorePoint {
    /// Its number in the database.
    pub number: f64,
    /// What it says.
    pub summary: Summary,
}

/// The state `console`, about to be replaced by `replaced_by`, as a restore point to write.
pub fn keep(console: &Console, now: Timestamp, changes: u64, replaced_by: &str) -> Keep {
    let summary = Summary {
        replaced_by: replaced_by.to_owned(),
        at: js_sys::Date::now(),
        console_time: now,
        changes,
        accounts: console.accounts().count(),
        users: console.users().count(),
    };
    let state = scenario::Borrowed {
        name: "restore-point",
        description: &format!("The data before {replaced_by} replaced it"),
        now,
        console,
    };
    Keep {
        summary: serde_json::to_string(&summary).unwrap_or_default(),
        state: state.to_json(),
    }
}

/// The stored points, newest first; an unreadable summary is left out.
pub fn listed(stored: Vec<(f64, String)>) -> Vec<RestorePoint> {
    let mut points: Vec<RestorePoint> = stored
        .into_iter()
        .filter_map(|(number, text)| {
            let summary = serde_json::from_str(&text).ok()?;
            Some(RestorePoint { number, summary })
        })
        .collect();
    points.reverse();
    points.truncate(RESTORE_POINTS_KEPT);
    points
}

/// A browser time (ms since the epoch) in the reader's own time zone, e.g. "01/12/2026, 12:40:05".
pub fn local_time(ms: f64) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms))
        .to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// "3 changes", "1 change", "no changes".
pub fn changes_text(n: u64) -> String {
    match n {
        0 => "no changes".into(),
        1 => "1 change".into(),
        n => format!("{n} changes"),
    }
}
