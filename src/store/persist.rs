//! The stored form of the Console and how to read it back: a snapshot plus a log.
//!
//! Saving one command appends one small log entry, so its cost does not grow with the
//! state; the whole state is written only as a snapshot (at load, after a long log, on a
//! reset or an import). Reading is "snapshot, then replay the newer log entries through
//! the domain", which gives exactly the same state because `Console::apply` is
//! deterministic (its random source is part of the state). Pure Rust: tested natively.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::domain::{Actor, Command, Console, Timestamp};

/// The schema version this build writes. Older versions are migrated on load.
pub const SCHEMA: u32 = 1;

/// Compact (write a snapshot and drop the log) once the log is longer than this.
pub const COMPACT_AFTER: u64 = 500;

/// A fingerprint of the stored Console text (FNV-1a over 8-byte words, as 16 hex digits).
/// The app writes it beside each snapshot it writes (always a Console it holds, so valid);
/// a snapshot whose text still has it is read without checking every rule again, and
/// anything else (an edited or damaged record, or one from before the fingerprint) is
/// checked in full. It guards against accidents, not against someone forging a record.
pub fn checksum(text: &str) -> String {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        hash = (hash ^ u64::from_le_bytes(w)).wrapping_mul(PRIME);
    }
    for &b in words.remainder() {
        hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
    }
    hash = (hash ^ bytes.len() as u64).wrapping_mul(PRIME);
    format!("{hash:016x}")
}

/// The small record that describes the snapshot; stored apart from the Console JSON so a
/// command's write transaction can check the revision without reading the whole state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Schema version of this record and of the Console JSON stored with it.
    pub schema: u32,
    /// The revision the snapshot's Console is at: it includes log entries up to this one.
    pub revision: u64,
    /// The scenario clock: the Console time at the browser time `wall`.
    pub now: Timestamp,
    /// The browser time (ms since the epoch) at which the Console time was `now`; `None`
    /// makes the clock start at `now` when loaded.
    pub wall: Option<f64>,
    /// The revision at which the whole state was last replaced (a scenario, an import, a
    /// reset, a restore): the changes made since are the revisions after it. Absent in
    /// records written before it existed, which count from 0.
    #[serde(default)]
    pub since: u64,
    /// The [`checksum`] of the Console text stored with this record, when the app wrote
    /// both; `None` in records written before it existed (read with every rule checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

/// One applied command, stored under its revision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The revision this command produced (the snapshot's revision + its position).
    pub rev: u64,
    /// Who ran it.
    pub actor: Actor,
    /// What was run.
    pub command: Command,
    /// The Console time it ran at, so replaying it gives the same result.
    pub at: Timestamp,
}

impl LogEntry {
    /// The entry as stored (JSON text).
    pub fn to_json(&self) -> String {
        // Actor, Command and Timestamp are plain data: serializing them cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A state read back from storage.
#[derive(Clone, Debug)]
pub struct Restored {
    /// The Console, snapshot plus replayed log.
    pub console: Console,
    /// The revision it is at.
    pub revision: u64,
    /// The revision of the snapshot it started from.
    pub snapshot_revision: u64,
    /// The saved clock.
    pub now: Timestamp,
    /// The saved clock's browser time.
    pub wall: Option<f64>,
    /// How many log entries were replayed (worth compacting when not zero).
    pub replayed: usize,
    /// The revision the state was last replaced at (see [`Meta::since`]).
    pub since: u64,
}

/// The revision in a stored meta record, read leniently: every schema has `revision`, so a
/// writer can tell how new the stored state is without migrating it.
pub fn revision_of(meta: &str) -> Option<u64> {
    let value: serde_json::Value = serde_json::from_str(meta).ok()?;
    value.get("revision")?.as_u64()
}

/// The demo with `log` replayed on it: what is stored when only log entries are (written on
/// top of the demo before its first snapshot), and the start when nothing is.
pub fn demo_with(log: &[String]) -> Result<Restored, String> {
    let mut console = Console::demo();
    let mut revision = 0;
    replay(&mut console, &mut revision, log)?;
    Ok(Restored {
        console,
        revision,
        snapshot_revision: 0,
        now: crate::domain::DEMO_NOW,
        wall: None,
        replayed: log.len(),
        since: 0,
    })
}

/// Brings a stored meta record (JSON text) to the current [`SCHEMA`], one version at a
/// time, changing the Console JSON too when a version needs it. A record from a newer
/// build is refused: this build cannot know what it means.
pub fn migrate<'a>(meta: &str, console: Cow<'a, str>) -> Result<(Meta, Cow<'a, str>), String> {
    let mut value: serde_json::Value =
        serde_json::from_str(meta).map_err(|e| format!("the snapshot record is not JSON: {e}"))?;
    let mut console = console;
    loop {
        let version = value
            .get("schema")
            .and_then(serde_json::Value::as_u64)
            .ok_or("the snapshot record has no schema version")?;
        if version > u64::from(SCHEMA) {
            return Err(format!(
                "it was saved by a newer version of Flex Console (schema {version}; this version reads up to {SCHEMA})"
            ));
        }
        if version == u64::from(SCHEMA) {
            break;
        }
        (value, console) = step(version, value, console)?;
    }
    let meta = serde_json::from_value(value)
        .map_err(|e| format!("the snapshot record is invalid: {e}"))?;
    Ok((meta, console))
}

/// One migration step, from `version` to `version + 1`.
fn step(
    version: u64,
    mut meta: serde_json::Value,
    console: Cow<'_, str>,
) -> Result<(serde_json::Value, Cow<'_, str>), String> {
    match version {
        // Schema 0 (the first prototype) saved no clock: the Console time is taken as
        // the demo's, starting when loaded. The Console JSON itself did not change.
        0 => {
            meta["schema"] = 1.into();
            if meta.get("now").is_none() {
                meta["now"] = crate::domain::DEMO_NOW.0.into();
            }
            meta["wall"] = serde_json::Value::Null;
            Ok((meta, console))
        }
        other => Err(format!("unknown schema version {other}")),
    }
}

/// Reads a stored state: migrates the snapshot, validates its Console completely, then
/// replays the log entries newer than it. Any error means the data is unreadable.
pub fn restore(meta: &str, console: &str, log: &[String]) -> Result<Restored, String> {
    // Borrowed: the stored state is megabytes at Twilio's limits; it is copied only when
    // an older schema needs changing.
    let (meta, console) = migrate(meta, Cow::Borrowed(console))?;
    // The app's own snapshot, unchanged since it wrote it, was valid then: only an edited or
    // older record needs every rule checked (the cost at Twilio's limits: bench/load.rs).
    let own = meta.checksum.as_deref() == Some(checksum(&console).as_str());
    let read = if own {
        Console::from_checked_json(&console)
    } else {
        Console::from_json(&console)
    };
    let console = read.map_err(|e| format!("the saved Console is invalid at {e}"))?;
    let mut restored = Restored {
        console,
        revision: meta.revision,
        snapshot_revision: meta.revision,
        now: meta.now,
        wall: meta.wall,
        replayed: 0,
        since: meta.since,
    };
    replay(&mut restored.console, &mut restored.revision, log)?;
    restored.replayed = (restored.revision - restored.snapshot_revision) as usize;
    Ok(restored)
}

/// Applies stored log entries newer than `revision`, in order. A gap in the revisions or
/// an entry the domain refuses means the stored data is inconsistent.
pub fn replay(console: &mut Console, revision: &mut u64, log: &[String]) -> Result<(), String> {
    for text in log {
        let entry: LogEntry =
            serde_json::from_str(text).map_err(|e| format!("a saved change is unreadable: {e}"))?;
        if entry.rev <= *revision {
            continue; // already in the snapshot (left behind by a compaction race)
        }
        if entry.rev != *revision + 1 {
            return Err(format!("saved change {} is missing", *revision + 1));
        }
        console
            .apply(&entry.actor, entry.command, entry.at)
            .map_err(|e| format!("saved change {} no longer applies: {e}", entry.rev))?;
        *revision = entry.rev;
    }
    Ok(())
}

/// The meta record as stored (JSON text).
pub fn meta_json(meta: &Meta) -> String {
    serde_json::to_string(meta).unwrap_or_default()
}
