//! Saving in the background and catching up with other tabs: carries out the
//! [`Writer`](super::writer::Writer)'s steps against IndexedDB, one transaction each.

use std::rc::Rc;

use leptos::prelude::*;

use super::clock::Clock;
use super::db::{Db, WriteError};
use super::load::interpret;
use super::persist::{self, Meta, SCHEMA, revision_of};
use super::writer::Step;
use super::{Shared, keep_signed_in_user, refresh, replacement_written};

/// Starts the background writer unless it is running (it then picks the work up).
pub(super) fn kick(shared: &Rc<Shared>) {
    {
        let mut writer = shared.writer.borrow_mut();
        if shared.db.is_none() || writer.running {
            return;
        }
        writer.running = true;
    }
    let shared = shared.clone();
    wasm_bindgen_futures::spawn_local(async move {
        run(&shared).await;
        shared.writer.borrow_mut().running = false;
        refresh(&shared);
    });
}

/// The snapshot of the current in-memory state at `revision`.
fn snapshot(shared: &Shared, revision: u64) -> (Meta, String) {
    let (now, wall) = shared.clock.get().saved();
    let json = shared
        .signals
        .console
        .try_with_untracked(|c| c.to_json().unwrap_or_default())
        .unwrap_or_default();
    let meta = Meta {
        schema: SCHEMA,
        revision,
        now,
        wall: Some(wall),
        since: shared.writer.borrow().since,
        // The state held is valid: loading it again need not check every rule.
        checksum: Some(persist::checksum(&json)),
    };
    (meta, json)
}

async fn run(shared: &Rc<Shared>) {
    let Some(db) = shared.db.clone() else { return };
    loop {
        refresh(shared);
        let failure = shared.writer.borrow().fail_writes.clone();
        let step = shared.writer.borrow().next();
        match step {
            Step::Done => return,
            Step::Replace => {
                let (meta, json) = snapshot(shared, shared.writer.borrow().saved);
                // The snapshot includes every command applied so far.
                let (write, room) = {
                    let mut writer = shared.writer.borrow_mut();
                    (writer.take_replacement(), writer.room)
                };
                let outcome = match failure {
                    Some(reason) => Err(WriteError::Failed(reason)),
                    None => db.replace(&meta, &json, &write.keep, room).await,
                };
                match outcome {
                    Ok((revision, dropped)) => {
                        shared.writer.borrow_mut().replace_written(revision, &write);
                        let _ = shared.signals.dropped_for_space.try_set(dropped);
                        announce(shared, revision);
                        replacement_written(shared);
                    }
                    Err(e) => return shared.writer.borrow_mut().replace_failed(write, &e),
                }
            }
            Step::Append(entry) => {
                let replacement = shared.writer.borrow().replacements;
                let outcome = match failure {
                    Some(reason) => Err(WriteError::Failed(reason)),
                    None => db.append(entry.rev, &entry.to_json()).await,
                };
                match outcome {
                    Ok(()) => {
                        shared.writer.borrow_mut().appended(entry.rev, replacement);
                        announce(shared, entry.rev);
                    }
                    Err(WriteError::Conflict) => {
                        if let Err(reason) = resync(shared, &db).await {
                            return shared
                                .writer
                                .borrow_mut()
                                .failed(&WriteError::Failed(reason));
                        }
                    }
                    Err(e) => return shared.writer.borrow_mut().failed(&e),
                }
            }
            Step::CatchUp => {
                shared.writer.borrow_mut().behind = false;
                if let Err(reason) = catch_up(shared, &db).await {
                    return shared
                        .writer
                        .borrow_mut()
                        .failed(&WriteError::Failed(reason));
                }
            }
            Step::Compact => {
                shared.writer.borrow_mut().compact_due = false;
                let revision = shared.writer.borrow().saved;
                let (meta, json) = snapshot(shared, revision);
                // A failed compaction loses nothing: the log is still there.
                if db.compact(&meta, &json).await.is_ok() {
                    shared.writer.borrow_mut().compacted(revision);
                }
            }
        }
    }
}

/// Whether this tab replaced the whole state while a read was under way: what was read is
/// then about the state before, and the replacement, written next, supersedes it.
fn replaced_meanwhile(shared: &Shared, replacement: u64) -> bool {
    shared.writer.borrow().replacements != replacement
}

/// Tells the other tabs that `revision` is saved.
fn announce(shared: &Shared, revision: u64) {
    if let (Some(channel), Some(db)) = (shared.channel.borrow().as_ref(), shared.db.as_ref()) {
        channel.post(db.name(), revision);
    }
    refresh(shared);
}

/// Reads the newer log entries written by other tabs and applies them; reloads the whole
/// state when they are gone (compacted) or the state was replaced.
async fn catch_up(shared: &Rc<Shared>, db: &Db) -> Result<(), String> {
    let (saved, replacement) = {
        let writer = shared.writer.borrow();
        (writer.saved, writer.replacements)
    };
    let raw = db.read(Some(saved), false).await?;
    if replaced_meanwhile(shared, replacement) {
        return Ok(());
    }
    let stored_snapshot = raw
        .meta
        .as_ref()
        .and_then(|m| m.text())
        .and_then(revision_of)
        .unwrap_or(0);
    if stored_snapshot > saved || !shared.writer.borrow().pending.is_empty() {
        return resync(shared, db).await;
    }
    let log: Vec<String> = raw
        .log
        .iter()
        .filter_map(|entry| entry.text().map(str::to_owned))
        .collect();
    let mut revision = saved;
    let mut outcome = Ok(());
    let _ = shared
        .signals
        .console
        .try_update(|console| outcome = persist::replay(console, &mut revision, &log));
    shared.writer.borrow_mut().saved = revision;
    refresh(shared);
    match outcome {
        Ok(()) => Ok(()),
        // Entries missing or not applying: start over from the stored state.
        Err(_) => resync(shared, db).await,
    }
}

/// Reloads the whole stored state, then re-applies this tab's unsaved commands on top;
/// those the domain now refuses are dropped and reported.
async fn resync(shared: &Rc<Shared>, db: &Db) -> Result<(), String> {
    let replacement = shared.writer.borrow().replacements;
    let raw = db.read(None, true).await?;
    if replaced_meanwhile(shared, replacement) {
        return Ok(());
    }
    let restored = match interpret(&raw)? {
        Some(restored) => restored,
        None => persist::demo_with(&[])?,
    };
    let mut console = restored.console;
    let mut refused = Vec::new();
    let replaced_elsewhere = {
        let mut writer = shared.writer.borrow_mut();
        let pending = std::mem::take(&mut writer.pending);
        for p in pending {
            match console.apply(&p.actor, p.command.clone(), p.at) {
                Ok(_) => writer.pending.push_back(p),
                Err(e) => refused.push(format!(
                    "{} was undone: after a change in another tab it is no longer allowed. {e}",
                    p.command.action()
                )),
            }
        }
        writer.reloaded(
            restored.revision,
            restored.snapshot_revision,
            restored.since,
        )
    };
    shared.clock.set(Clock::resume(restored.now, restored.wall));
    let _ = shared.signals.console.try_set(console);
    if replaced_elsewhere {
        // Another tab replaced the whole state; its restore point has what was here.
        let _ = shared.signals.replaced_elsewhere.try_set(true);
    }
    if !refused.is_empty() {
        let _ = shared
            .signals
            .refusals
            .try_update(|list| list.extend(refused));
    }
    keep_signed_in_user(shared);
    refresh(shared);
    Ok(())
}
