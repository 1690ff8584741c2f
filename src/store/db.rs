//! The IndexedDB database the store keeps the Console in.
//!
//! Object stores: `snapshot` (key `"meta"`: the small [`Meta`] JSON; key `"console"`: the
//! Console JSON), `log` (one JSON entry per applied command, keyed by its revision) and
//! `unreadable` (stored data that could not be read, kept aside for download). Every
//! write is one transaction, so a failed write leaves the saved state as it was.

use idb::{
    Database, DatabaseEvent, Error, KeyRange, ObjectStore, Query, TransactionMode,
    TransactionResult,
};
use wasm_bindgen::JsValue;

use super::persist::{Meta, meta_json};

/// The database the app uses; tests open others by name.
pub const DEFAULT_NAME: &str = "flex-console";
const VERSION: u32 = 1;
const SNAPSHOT: &str = "snapshot";
const LOG: &str = "log";
const UNREADABLE: &str = "unreadable";

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// Another tab already wrote that revision (or a newer snapshot): catch up first.
    Conflict,
    /// The browser refused the write (quota, private mode, closed database…).
    Failed(String),
}

/// What is stored, as read (not yet interpreted).
#[derive(Debug, Default)]
pub struct Raw {
    /// The meta record, if any.
    pub meta: Option<JsValue>,
    /// The Console JSON, if any.
    pub console: Option<JsValue>,
    /// Log entries newer than the revision asked for, in revision order.
    pub log: Vec<JsValue>,
}

/// An open connection to the store's database.
pub struct Db {
    database: Database,
    name: String,
}

/// A browser error as a sentence for people ("QuotaExceededError: …").
pub fn describe(error: &Error) -> String {
    match error {
        Error::DomException(e) => format!("{}: {}", e.name(), e.message()),
        other => other.to_string(),
    }
}

fn is_constraint(error: &Error) -> bool {
    matches!(error, Error::DomException(e) if e.name() == "ConstraintError")
}

fn failed(error: Error) -> WriteError {
    if is_constraint(&error) {
        WriteError::Conflict
    } else {
        WriteError::Failed(describe(&error))
    }
}

async fn finish(transaction: idb::Transaction) -> Result<(), WriteError> {
    match transaction.await {
        Ok(TransactionResult::Committed) => Ok(()),
        Ok(TransactionResult::Aborted) => {
            Err(WriteError::Failed("the browser aborted the write".into()))
        }
        Err(e) => Err(failed(e)),
    }
}

fn key(rev: u64) -> JsValue {
    JsValue::from_f64(rev as f64)
}

impl Db {
    /// Opens (creating or upgrading) the named database.
    pub async fn open(name: &str) -> Result<Db, String> {
        let factory = idb::Factory::new().map_err(|e| describe(&e))?;
        let mut request = factory
            .open(name, Some(VERSION))
            .map_err(|e| describe(&e))?;
        request.on_upgrade_needed(|event| {
            // Version 1 creates the three stores; later versions add their steps here.
            let Ok(database) = event.database() else {
                return;
            };
            let existing = database.store_names();
            for store in [SNAPSHOT, LOG, UNREADABLE] {
                if !existing.iter().any(|s| s == store) {
                    let mut params = idb::ObjectStoreParams::new();
                    params.auto_increment(store == UNREADABLE);
                    let _ = database.create_object_store(store, params);
                }
            }
        });
        let database = request.await.map_err(|e| describe(&e))?;
        Ok(Db {
            database,
            name: name.to_owned(),
        })
    }

    /// The database's name (the cross-tab messages carry it).
    pub fn name(&self) -> &str {
        &self.name
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<idb::Transaction, WriteError> {
        self.database.transaction(stores, mode).map_err(failed)
    }

    /// Reads the snapshot and the log entries after revision `after` (all with `None`).
    pub async fn read(&self, after: Option<u64>, with_console: bool) -> Result<Raw, String> {
        let tx = self
            .transaction(&[SNAPSHOT, LOG], TransactionMode::ReadOnly)
            .map_err(to_text)?;
        let snapshot = tx.object_store(SNAPSHOT).map_err(|e| describe(&e))?;
        let log = tx.object_store(LOG).map_err(|e| describe(&e))?;
        let meta = get(&snapshot, "meta").await?;
        let console = if with_console {
            get(&snapshot, "console").await?
        } else {
            None
        };
        let range = match after {
            Some(rev) => Some(Query::from(
                KeyRange::lower_bound(&key(rev), Some(true)).map_err(|e| describe(&e))?,
            )),
            None => None,
        };
        let entries = log
            .get_all(range, None)
            .map_err(|e| describe(&e))?
            .await
            .map_err(|e| describe(&e))?;
        Ok(Raw {
            meta,
            console,
            log: entries,
        })
    }

    /// Appends one command's entry at revision `rev`. A conflict when another tab already
    /// wrote that revision, or a snapshot at or past it exists (after a reset elsewhere).
    pub async fn append(&self, rev: u64, entry: &str) -> Result<(), WriteError> {
        let tx = self.transaction(&[SNAPSHOT, LOG], TransactionMode::ReadWrite)?;
        let snapshot = tx.object_store(SNAPSHOT).map_err(failed)?;
        let log = tx.object_store(LOG).map_err(failed)?;
        let stored = get(&snapshot, "meta").await.map_err(WriteError::Failed)?;
        if stored_revision(stored.as_ref()).is_some_and(|r| r >= rev) {
            let _ = tx.abort();
            return Err(WriteError::Conflict);
        }
        let request = log
            .add(&JsValue::from_str(entry), Some(&key(rev)))
            .map_err(failed)?;
        if let Err(e) = request.await {
            let _ = tx.abort();
            return Err(failed(e));
        }
        finish(tx).await
    }

    /// Writes a snapshot at `meta.revision` and drops the log up to it, unless a snapshot
    /// as new or newer is already there (then nothing changes).
    pub async fn compact(&self, meta: &Meta, console: &str) -> Result<(), WriteError> {
        let tx = self.transaction(&[SNAPSHOT, LOG], TransactionMode::ReadWrite)?;
        let snapshot = tx.object_store(SNAPSHOT).map_err(failed)?;
        let log = tx.object_store(LOG).map_err(failed)?;
        let stored = get(&snapshot, "meta").await.map_err(WriteError::Failed)?;
        if stored_revision(stored.as_ref()).is_some_and(|r| r >= meta.revision) {
            let _ = tx.abort();
            return Ok(());
        }
        put_snapshot(&snapshot, meta, console)?;
        let upto = KeyRange::upper_bound(&key(meta.revision), Some(false)).map_err(failed)?;
        log.delete(Query::from(upto)).map_err(failed)?;
        finish(tx).await
    }

    /// Replaces the whole state (reset, import, scenario): a snapshot at a revision newer
    /// than anything stored, and an empty log. Returns that revision.
    pub async fn replace(&self, meta: &Meta, console: &str) -> Result<u64, WriteError> {
        let tx = self.transaction(&[SNAPSHOT, LOG], TransactionMode::ReadWrite)?;
        let snapshot = tx.object_store(SNAPSHOT).map_err(failed)?;
        let log = tx.object_store(LOG).map_err(failed)?;
        let stored = get(&snapshot, "meta").await.map_err(WriteError::Failed)?;
        let keys = log
            .get_all_keys(None, None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        let newest_log = keys.iter().filter_map(|k| k.as_f64()).fold(0.0, f64::max) as u64;
        let revision = stored_revision(stored.as_ref())
            .unwrap_or(0)
            .max(newest_log)
            .max(meta.revision)
            + 1;
        let meta = Meta {
            revision,
            ..meta.clone()
        };
        put_snapshot(&snapshot, &meta, console)?;
        log.clear().map_err(failed)?;
        finish(tx).await?;
        Ok(revision)
    }

    /// Keeps unreadable data aside and empties the snapshot and log, in one transaction,
    /// so the app can start from the demo without destroying what it could not read.
    pub async fn keep_aside(&self, text: &str) -> Result<(), WriteError> {
        let tx = self.transaction(&[SNAPSHOT, LOG, UNREADABLE], TransactionMode::ReadWrite)?;
        let aside = tx.object_store(UNREADABLE).map_err(failed)?;
        aside.add(&JsValue::from_str(text), None).map_err(failed)?;
        tx.object_store(SNAPSHOT)
            .map_err(failed)?
            .clear()
            .map_err(failed)?;
        tx.object_store(LOG)
            .map_err(failed)?
            .clear()
            .map_err(failed)?;
        finish(tx).await
    }

    /// The unreadable data kept aside, newest last.
    pub async fn kept_aside(&self) -> Result<Vec<String>, String> {
        let tx = self
            .transaction(&[UNREADABLE], TransactionMode::ReadOnly)
            .map_err(to_text)?;
        let store = tx.object_store(UNREADABLE).map_err(|e| describe(&e))?;
        let all = store
            .get_all(None, None)
            .map_err(|e| describe(&e))?
            .await
            .map_err(|e| describe(&e))?;
        Ok(all.iter().filter_map(JsValue::as_string).collect())
    }

    /// Deletes the unreadable data kept aside.
    pub async fn discard_kept_aside(&self) -> Result<(), WriteError> {
        let tx = self.transaction(&[UNREADABLE], TransactionMode::ReadWrite)?;
        tx.object_store(UNREADABLE)
            .map_err(failed)?
            .clear()
            .map_err(failed)?;
        finish(tx).await
    }

    /// Writes raw values, for tests that need corrupt or old data in the database.
    pub async fn write_raw(
        &self,
        meta: Option<&str>,
        console: Option<&str>,
        log: &[(u64, &str)],
    ) -> Result<(), WriteError> {
        let tx = self.transaction(&[SNAPSHOT, LOG], TransactionMode::ReadWrite)?;
        let snapshot = tx.object_store(SNAPSHOT).map_err(failed)?;
        let store = tx.object_store(LOG).map_err(failed)?;
        if let Some(meta) = meta {
            snapshot
                .put(&JsValue::from_str(meta), Some(&JsValue::from_str("meta")))
                .map_err(failed)?;
        }
        if let Some(console) = console {
            snapshot
                .put(
                    &JsValue::from_str(console),
                    Some(&JsValue::from_str("console")),
                )
                .map_err(failed)?;
        }
        for (rev, entry) in log {
            store
                .put(&JsValue::from_str(entry), Some(&key(*rev)))
                .map_err(failed)?;
        }
        finish(tx).await
    }

    /// Closes the connection (later writes fail).
    pub fn close(&self) {
        self.database.close();
    }
}

fn to_text(error: WriteError) -> String {
    match error {
        WriteError::Conflict => "conflict".into(),
        WriteError::Failed(reason) => reason,
    }
}

async fn get(store: &ObjectStore, name: &str) -> Result<Option<JsValue>, String> {
    store
        .get(JsValue::from_str(name))
        .map_err(|e| describe(&e))?
        .await
        .map_err(|e| describe(&e))
}

fn put_snapshot(store: &ObjectStore, meta: &Meta, console: &str) -> Result<(), WriteError> {
    store
        .put(
            &JsValue::from_str(&meta_json(meta)),
            Some(&JsValue::from_str("meta")),
        )
        .map_err(failed)?;
    store
        .put(
            &JsValue::from_str(console),
            Some(&JsValue::from_str("console")),
        )
        .map_err(failed)?;
    Ok(())
}

/// The revision in a stored meta record, read leniently (any schema has `revision`).
fn stored_revision(meta: Option<&JsValue>) -> Option<u64> {
    let text = meta?.as_string()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.get("revision")?.as_u64()
}
