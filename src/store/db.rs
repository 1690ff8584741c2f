//! The IndexedDB database the store keeps the Console in.
//!
//! Object stores: `snapshot` (key `"meta"`: the small [`Meta`] JSON; key `"console"`: the
//! Console JSON), `log` (one JSON entry per applied command, keyed by its revision),
//! `unreadable` (stored data that could not be read, kept aside for download), and the
//! restore points: `restore_points` (a small summary each, numbered) and `restore_states`
//! (the state each kept, under the same number, read only to restore). Every write is one
//! transaction, so a failed write leaves the saved state as it was.

use idb::{
    Database, DatabaseEvent, Error, KeyRange, ObjectStore, Query, TransactionMode,
    TransactionResult,
};
use wasm_bindgen::{JsCast, JsValue};

use super::persist::{Meta, meta_json, revision_of};
use super::restore::Keep;

/// The database the app uses; tests open others by name.
pub const DEFAULT_NAME: &str = "flex-console";
const VERSION: u32 = 2;
const SNAPSHOT: &str = "snapshot";
const LOG: &str = "log";
const UNREADABLE: &str = "unreadable";
const RESTORE_POINTS: &str = "restore_points";
const RESTORE_STATES: &str = "restore_states";
/// Every object store, and whether its keys are generated: what [`Db::open`] creates, and
/// what index.html's early read creates on a first visit (a native test keeps them equal).
const STORES: [(&str, bool); 5] = [
    (SNAPSHOT, false),
    (LOG, false),
    (UNREADABLE, true),
    (RESTORE_POINTS, true),
    (RESTORE_STATES, false),
];
/// How many restore points are kept; the oldest go first.
pub const RESTORE_POINTS_KEPT: usize = 5;

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// Another tab already wrote that revision (or a newer snapshot): catch up first.
    Conflict,
    /// The browser refused the write (quota, private mode, closed database…).
    Failed(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Conflict => f.write_str("another tab changed the data at the same moment"),
            WriteError::Failed(reason) => f.write_str(reason),
        }
    }
}

/// A stored value: text, as this app writes everything, or something else (written by
/// something else), shown as JSON so it can still be kept aside and downloaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// A text value.
    Text(String),
    /// Not text; its JSON form.
    NotText(String),
}

impl Stored {
    fn from_js(value: &JsValue) -> Stored {
        match value.as_string() {
            Some(text) => Stored::Text(text),
            None => Stored::NotText(
                js_sys::JSON::stringify(value)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_else(|| format!("{value:?}")),
            ),
        }
    }

    /// The text, or `None` when the value is not text.
    pub fn text(&self) -> Option<&str> {
        match self {
            Stored::Text(text) => Some(text),
            Stored::NotText(_) => None,
        }
    }

    /// The value as it would be downloaded.
    pub fn shown(&self) -> &str {
        match self {
            Stored::Text(text) | Stored::NotText(text) => text,
        }
    }
}

/// What is stored, as read (not yet interpreted).
#[derive(Debug, Default)]
pub struct Raw {
    /// The meta record, if any.
    pub meta: Option<Stored>,
    /// The Console JSON, if any.
    pub console: Option<Stored>,
    /// Log entries newer than the revision asked for, in revision order.
    pub log: Vec<Stored>,
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
            // Each version only adds stores: version 1 the first three, version 2 the
            // restore points. Whatever is missing is created.
            let Ok(database) = event.database() else {
                return;
            };
            let existing = database.store_names();
            for (store, generated_keys) in STORES {
                if !existing.iter().any(|s| s == store) {
                    let mut params = idb::ObjectStoreParams::new();
                    params.auto_increment(generated_keys);
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

    /// The connection and the read that `index.html` started at parse time, while the wasm
    /// downloaded (its `flexConsoleEarlyRead`), or `None` when it gave way (no database
    /// yet, an older one, no storage) or the page has no such script (tests).
    pub async fn early_read() -> Option<(Db, Raw)> {
        let window = JsValue::from(web_sys::window()?);
        let name = JsValue::from_str("flexConsoleEarlyRead");
        let promise = js_sys::Reflect::get(&window, &name).ok()?;
        // Taken once: a second store in the same page opens its own connection.
        let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &name);
        let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
        let read = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        if read.is_null() || read.is_undefined() {
            return None;
        }
        let field = |key: &str| {
            js_sys::Reflect::get(&read, &JsValue::from_str(key))
                .ok()
                .filter(|v| !v.is_undefined())
        };
        let database = Database::try_from(field("db")?).ok()?;
        let raw = Raw {
            meta: field("meta").as_ref().map(Stored::from_js),
            console: field("console").as_ref().map(Stored::from_js),
            log: field("log")
                .map(|log| {
                    js_sys::Array::from(&log)
                        .iter()
                        .map(|v| Stored::from_js(&v))
                        .collect()
                })
                .unwrap_or_default(),
        };
        let db = Db {
            database,
            name: DEFAULT_NAME.to_owned(),
        };
        Some((db, raw))
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
            meta: meta.as_ref().map(Stored::from_js),
            console: console.as_ref().map(Stored::from_js),
            log: entries.iter().map(Stored::from_js).collect(),
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

    /// Replaces the whole state (reset, import, scenario, restore): a snapshot at a revision
    /// newer than anything stored, an empty log, and the states replaced kept as restore
    /// points, all in one transaction. When storage is short, older restore points are
    /// dropped, oldest first, until it fits. Returns the revision and how many were dropped.
    /// `room` (tests) pretends storage holds at most that many restore points.
    pub async fn replace(
        &self,
        meta: &Meta,
        console: &str,
        keep: &[Keep],
        room: Option<usize>,
    ) -> Result<(u64, usize), WriteError> {
        let mut kept_old = RESTORE_POINTS_KEPT.saturating_sub(keep.len());
        loop {
            match self.try_replace(meta, console, keep, kept_old, room).await {
                Err(WriteError::Failed(reason)) if is_quota(&reason) && kept_old > 0 => {
                    kept_old -= 1;
                }
                outcome => return outcome,
            }
        }
    }

    /// One attempt of [`Db::replace`], keeping at most `kept_old` earlier restore points.
    /// Gives the revision and how many earlier points went beyond the usual number (those
    /// dropped for space).
    async fn try_replace(
        &self,
        meta: &Meta,
        console: &str,
        keep: &[Keep],
        kept_old: usize,
        room: Option<usize>,
    ) -> Result<(u64, usize), WriteError> {
        let stores = [SNAPSHOT, LOG, RESTORE_POINTS, RESTORE_STATES];
        let tx = self.transaction(&stores, TransactionMode::ReadWrite)?;
        let snapshot = tx.object_store(SNAPSHOT).map_err(failed)?;
        let log = tx.object_store(LOG).map_err(failed)?;
        let points = tx.object_store(RESTORE_POINTS).map_err(failed)?;
        let states = tx.object_store(RESTORE_STATES).map_err(failed)?;
        let stored = get(&snapshot, "meta").await.map_err(WriteError::Failed)?;
        let newest_log = keys_of(&log).await?.into_iter().fold(0.0, f64::max) as u64;
        let revision = stored_revision(stored.as_ref())
            .unwrap_or(0)
            .max(newest_log)
            .max(meta.revision)
            + 1;
        let meta = Meta {
            revision,
            since: revision,
            ..meta.clone()
        };
        // The earlier points beyond `kept_old` go, oldest first.
        let old = keys_of(&points).await?;
        let going = old.len().saturating_sub(kept_old);
        if room.is_some_and(|room| old.len() - going + keep.len() > room) {
            let _ = tx.abort();
            return Err(WriteError::Failed(
                "QuotaExceededError: the storage quota was reached (simulated)".into(),
            ));
        }
        for key in &old[..going] {
            points
                .delete(Query::from(JsValue::from_f64(*key)))
                .map_err(failed)?;
            states
                .delete(Query::from(JsValue::from_f64(*key)))
                .map_err(failed)?;
        }
        for point in keep {
            let key = points
                .add(&JsValue::from_str(&point.summary), None)
                .map_err(failed)?
                .await
                .map_err(failed)?;
            states
                .put(&JsValue::from_str(&point.state), Some(&key))
                .map_err(failed)?;
        }
        put_snapshot(&snapshot, &meta, console)?;
        log.clear().map_err(failed)?;
        finish(tx).await?;
        let usual = (old.len() + keep.len()).saturating_sub(RESTORE_POINTS_KEPT);
        Ok((revision, going.saturating_sub(usual)))
    }

    /// The restore points, oldest first: (number, summary JSON).
    pub async fn restore_points(&self) -> Result<Vec<(f64, String)>, String> {
        let tx = self
            .transaction(&[RESTORE_POINTS], TransactionMode::ReadOnly)
            .map_err(to_text)?;
        let store = tx.object_store(RESTORE_POINTS).map_err(|e| describe(&e))?;
        let keys = keys_of(&store).await.map_err(to_text)?;
        let values = store
            .get_all(None, None)
            .map_err(|e| describe(&e))?
            .await
            .map_err(|e| describe(&e))?;
        Ok(keys
            .into_iter()
            .zip(values.iter().map(|v| v.as_string().unwrap_or_default()))
            .collect())
    }

    /// The state a restore point kept (a scenario file's JSON), if it is still there.
    pub async fn restore_state(&self, number: f64) -> Result<Option<String>, String> {
        let tx = self
            .transaction(&[RESTORE_STATES], TransactionMode::ReadOnly)
            .map_err(to_text)?;
        let store = tx.object_store(RESTORE_STATES).map_err(|e| describe(&e))?;
        let value = store
            .get(JsValue::from_f64(number))
            .map_err(|e| describe(&e))?
            .await
            .map_err(|e| describe(&e))?;
        Ok(value.and_then(|v| v.as_string()))
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

    /// Writes raw values, for tests that need corrupt or old data in the database.
    #[cfg(feature = "test-hooks")]
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
}

/// Whether a write failed because storage is full.
fn is_quota(reason: &str) -> bool {
    reason.starts_with("QuotaExceededError")
}

/// Every key of a store, in order, as numbers.
async fn keys_of(store: &ObjectStore) -> Result<Vec<f64>, WriteError> {
    let keys = store
        .get_all_keys(None, None)
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(keys.iter().filter_map(JsValue::as_f64).collect())
}

fn to_text(error: WriteError) -> String {
    error.to_string()
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

/// The revision in a stored meta record (see [`revision_of`]).
fn stored_revision(meta: Option<&JsValue>) -> Option<u64> {
    revision_of(&meta?.as_string()?)
}
