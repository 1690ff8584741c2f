//! Loading: reading what is stored and making sense of it before the app mounts. Unreadable
//! data is kept aside (never destroyed) and the app starts from the demo; without storage the
//! app runs in memory and says so.

use std::rc::Rc;
use std::sync::Arc;

use super::clock::Clock;
use super::db::{self, Db, Stored};
use super::persist::{self, Restored};
use super::scenario::Scenario;
use super::{Recovered, scenario_link};
use crate::domain::Console;

/// The state read from storage before the app mounts; handed to [`super::Store::provide`].
pub struct Loaded {
    pub(super) console: Console,
    pub(super) revision: u64,
    pub(super) snapshot_revision: u64,
    pub(super) since: u64,
    pub(super) clock: Clock,
    pub(super) db: Option<Rc<Db>>,
    pub(super) save_error: Option<String>,
    pub(super) recovered: Option<Recovered>,
    pub(super) scenario: Option<String>,
    pub(super) compact_due: bool,
}

impl Loaded {
    /// A store that keeps `console` in memory only (tests; or no storage), at the demo time.
    pub fn in_memory(console: Console) -> Loaded {
        Loaded::memory(console, None)
    }

    fn memory(console: Console, save_error: Option<String>) -> Loaded {
        Loaded {
            console,
            revision: 0,
            snapshot_revision: 0,
            since: 0,
            clock: Clock::starting_at(crate::domain::DEMO_NOW),
            db: None,
            save_error,
            recovered: None,
            scenario: None,
            compact_due: false,
        }
    }

    /// The unreadable data kept aside at load, if any.
    pub fn recovered(&self) -> Option<&Recovered> {
        self.recovered.as_ref()
    }

    /// The state's revision.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The Console that was loaded.
    pub fn console(&self) -> &Console {
        &self.console
    }
}

/// Opens the app's database and reads the saved state (taking the read `index.html` began
/// while the wasm downloaded, when it could); also notes a `?scenario=NAME` in the URL,
/// which [`super::Store::provide`] then follows.
pub async fn open() -> Loaded {
    let mut loaded = match Db::early_read().await {
        Some((db, raw)) => make_sense(Rc::new(db), raw).await,
        None => open_named(db::DEFAULT_NAME).await,
    };
    loaded.scenario = scenario_link::asked();
    loaded
}

/// Without storage the app runs in memory, and says so.
fn unavailable(reason: String) -> Loaded {
    Loaded::memory(
        Console::demo(),
        Some(format!(
            "The browser's storage is unavailable ({reason}); changes stay in this tab only."
        )),
    )
}

/// Opens the named database and reads the saved state from it. Never fails: without
/// storage the app runs in memory (and says so); unreadable data is kept aside and the
/// app starts from the demo.
pub async fn open_named(name: &str) -> Loaded {
    let db = match Db::open(name).await {
        Ok(db) => Rc::new(db),
        Err(reason) => return unavailable(reason),
    };
    let raw = match db.read(None, true).await {
        Ok(raw) => raw,
        Err(reason) => return unavailable(reason),
    };
    make_sense(db, raw).await
}

/// The state from what was read of `db`: unreadable data is kept aside, and nothing stored
/// means the demo (written as the first snapshot after the first screen, by the writer).
async fn make_sense(db: Rc<Db>, raw: db::Raw) -> Loaded {
    crate::marks::mark("store-read");
    let loaded = loaded_from(db, raw).await;
    crate::marks::mark("store-restored");
    loaded
}

async fn loaded_from(db: Rc<Db>, raw: db::Raw) -> Loaded {
    let (restored, recovered) = match interpret(&raw) {
        Ok(restored) => (restored, None),
        Err(reason) => {
            let text = unreadable_text(&reason, &raw);
            let recovered = Recovered {
                reason,
                text: Arc::from(text.as_str()),
            };
            if let Err(e) = db.keep_aside(&text).await {
                // Without a copy kept aside, writing over the data would destroy it.
                let mut loaded = unavailable(e.to_string());
                loaded.recovered = Some(recovered);
                return loaded;
            }
            (None, Some(recovered))
        }
    };
    match restored {
        Some(r) => Loaded {
            clock: Clock::resume(r.now, r.wall),
            compact_due: r.replayed > 0,
            since: r.since,
            console: r.console,
            revision: r.revision,
            snapshot_revision: r.snapshot_revision,
            db: Some(db),
            save_error: None,
            recovered,
            scenario: None,
        },
        None => {
            // Nothing stored: the demo. Its first snapshot (with its clock) is the writer's
            // first job, after the first screen: until then the demo is what an empty store
            // means, with or without changes logged on top of it.
            let demo = Scenario::demo();
            Loaded {
                clock: Clock::starting_at(demo.now),
                console: demo.console,
                revision: 0,
                snapshot_revision: 0,
                since: 0,
                db: Some(db),
                save_error: None,
                recovered,
                scenario: None,
                compact_due: true,
            }
        }
    }
}

/// The stored state, or `None` when nothing is stored.
pub(super) fn interpret(raw: &db::Raw) -> Result<Option<Restored>, String> {
    let log = raw
        .log
        .iter()
        .map(|v| {
            v.text()
                .map(str::to_owned)
                .ok_or("a saved change is not text")
        })
        .collect::<Result<Vec<_>, _>>()?;
    match (&raw.meta, &raw.console) {
        (None, None) if log.is_empty() => Ok(None),
        // Changes saved on top of the demo before its snapshot was written.
        (None, None) => persist::demo_with(&log).map(Some),
        (Some(meta), Some(console)) => {
            let meta = meta.text().ok_or("the snapshot record is not text")?;
            let console = console.text().ok_or("the saved Console is not text")?;
            persist::restore(meta, console, &log).map(Some)
        }
        _ => Err("the snapshot is incomplete".into()),
    }
}

/// Everything that was stored, as one JSON document for download.
fn unreadable_text(reason: &str, raw: &db::Raw) -> String {
    serde_json::json!({
        "reason": reason,
        "meta": raw.meta.as_ref().map(Stored::shown),
        "console": raw.console.as_ref().map(Stored::shown),
        "log": raw.log.iter().map(Stored::shown).collect::<Vec<_>>(),
    })
    .to_string()
}
