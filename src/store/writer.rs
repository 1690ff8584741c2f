//! The background writer's decisions, apart from IndexedDB: what to write next, and what each
//! outcome means for the state of saving. Pure Rust, tested natively (tests/store.rs);
//! [`super::saving`] carries the steps out against the database.

use std::collections::VecDeque;

use super::db::WriteError;
use super::persist::{COMPACT_AFTER, LogEntry};
use super::restore::Keep;
use crate::domain::{Actor, Command, Timestamp};

/// A command applied in memory and not saved yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// Who ran it.
    pub actor: Actor,
    /// What was run.
    pub command: Command,
    /// The Console time it ran at.
    pub at: Timestamp,
}

/// What the writer does next, in this order: a whole-state write owed by a replacement, then
/// this tab's commands, then other tabs' changes, then compaction.
// One step exists at a time, on the writer's stack: boxing the log entry would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Write the whole state (and the restore points to keep).
    Replace,
    /// Append this log entry.
    Append(LogEntry),
    /// Read and apply what other tabs wrote.
    CatchUp,
    /// Write a snapshot and drop the log up to it.
    Compact,
    /// Nothing to do.
    Done,
}

/// What a replacement's write took with it.
#[derive(Debug)]
pub struct ReplaceWrite {
    /// Which replacement it writes (see [`Writer::replacements`]).
    pub replacement: u64,
    /// The pending commands its snapshot holds.
    pub written: usize,
    /// The states it keeps as restore points.
    pub keep: Vec<Keep>,
}

/// Where saving stands.
#[derive(Debug, Default)]
pub struct Writer {
    /// Whether there is a database at all (else the tab keeps changes in memory only).
    pub persistent: bool,
    /// The stored revision the in-memory state is based on.
    pub saved: u64,
    /// The revision of the snapshot stored.
    pub snapshot_revision: u64,
    /// The stored revision the state was last replaced at.
    pub since: u64,
    /// This tab's commands not written yet, oldest first.
    pub pending: VecDeque<Pending>,
    /// The whole state was replaced in memory and must be written.
    pub replace_due: bool,
    /// How many times this tab replaced the whole state: a write (or a read) begun before the
    /// latest replacement is not about the state shown now.
    pub replacements: u64,
    /// The states replaced and not written yet, to keep as restore points.
    pub keep: Vec<Keep>,
    /// The log is long enough to fold into a snapshot.
    pub compact_due: bool,
    /// Another tab saved a newer revision.
    pub behind: bool,
    /// The background task is running.
    pub running: bool,
    /// Why the last write failed; kept until one succeeds.
    pub error: Option<String>,
    /// Tests: every write fails with this reason.
    pub fail_writes: Option<String>,
    /// Tests: storage holds at most this many restore points.
    pub room: Option<usize>,
}

impl Writer {
    /// The writer of a state loaded at `revision` (from a snapshot at `snapshot_revision`,
    /// last replaced at `since`).
    pub fn new(persistent: bool, revision: u64, snapshot_revision: u64, since: u64) -> Writer {
        Writer {
            persistent,
            saved: revision,
            snapshot_revision,
            since,
            ..Writer::default()
        }
    }

    /// What to do next.
    pub fn next(&self) -> Step {
        if !self.persistent {
            Step::Done
        } else if self.replace_due {
            Step::Replace
        } else if let Some(p) = self.pending.front() {
            Step::Append(LogEntry {
                rev: self.saved + 1,
                actor: p.actor.clone(),
                command: p.command.clone(),
                at: p.at,
            })
        } else if self.behind {
            Step::CatchUp
        } else if self.compact_due {
            Step::Compact
        } else {
            Step::Done
        }
    }

    /// Changes not written yet (a replacement counts as one).
    pub fn unsaved(&self) -> usize {
        self.pending.len() + usize::from(self.replace_due)
    }

    /// Changes the data holds since it was last replaced, written or not.
    pub fn changes(&self) -> u64 {
        let pending = self.pending.len() as u64;
        if self.replace_due {
            pending
        } else {
            self.saved.saturating_sub(self.since) + pending
        }
    }

    /// A command was applied in memory: it is saved next (with storage).
    pub fn queue(&mut self, pending: Pending) {
        if self.persistent {
            self.pending.push_back(pending);
        }
    }

    /// The whole state was replaced in memory; `kept` is the state it replaced. Commands not
    /// written yet are part of `kept`, so none is lost.
    pub fn replaced(&mut self, kept: Keep) {
        self.pending.clear();
        self.replacements += 1;
        if self.persistent {
            self.replace_due = true;
            self.keep.push(kept);
        }
    }

    /// Starts writing the replacement: the snapshot taken now holds every pending command, and
    /// the states to keep go with it.
    pub fn take_replacement(&mut self) -> ReplaceWrite {
        ReplaceWrite {
            replacement: self.replacements,
            written: self.pending.len(),
            keep: std::mem::take(&mut self.keep),
        }
    }

    /// The replacement's write committed at `revision`. It is saved only if the state was not
    /// replaced again meanwhile; else the newer one is still owed, with its commands.
    pub fn replace_written(&mut self, revision: u64, write: &ReplaceWrite) {
        if write.replacement == self.replacements {
            self.pending.drain(..write.written.min(self.pending.len()));
            self.replace_due = false;
        }
        self.saved = revision;
        self.snapshot_revision = revision;
        self.since = revision;
        self.behind = false;
        self.error = None;
    }

    /// The replacement was not written: the states to keep wait for the next try.
    pub fn replace_failed(&mut self, write: ReplaceWrite, error: &WriteError) {
        let later = std::mem::replace(&mut self.keep, write.keep);
        self.keep.extend(later);
        self.failed(error);
    }

    /// The oldest pending command was written at `rev`, by a write begun after replacement
    /// number `replacement`: if the state was replaced since, that command is part of the
    /// state replaced (the pending ones are the new state's).
    pub fn appended(&mut self, rev: u64, replacement: u64) {
        if replacement == self.replacements {
            self.pending.pop_front();
        }
        self.saved = rev;
        self.error = None;
        if rev.saturating_sub(self.snapshot_revision) > COMPACT_AFTER {
            self.compact_due = true;
        }
    }

    /// A snapshot at `revision` was written (or was already there).
    pub fn compacted(&mut self, revision: u64) {
        self.snapshot_revision = self.snapshot_revision.max(revision);
    }

    /// The whole stored state was read again, at `revision` from a snapshot at `snapshot`,
    /// last replaced at `since`. Returns whether another tab replaced it meanwhile.
    pub fn reloaded(&mut self, revision: u64, snapshot: u64, since: u64) -> bool {
        let replaced_elsewhere = since > self.since && self.keep.is_empty();
        self.saved = revision;
        self.snapshot_revision = snapshot;
        self.since = since;
        self.behind = false;
        replaced_elsewhere
    }

    /// A write failed; what is pending stays pending, to be written with the next change.
    pub fn failed(&mut self, error: &WriteError) {
        // The browser's own message may end its sentence already.
        let error = error.to_string();
        let error = error.trim_end_matches('.');
        self.error = Some(format!(
            "Changes are not saved: {error}. They are kept in this tab and saved with the next change (or Retry)."
        ));
    }
}
