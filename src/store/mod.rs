//! The in-browser store: the one reactive handle on the domain state.
//!
//! Pages read the [`Console`] through [`Store::with`] and change it only through
//! [`Store::apply`], which runs the domain's `Console::apply`; the store never changes state
//! any other way. The signed-in Console user belongs to this tab (see [`session`]).
//!
//! A change shows at once; saving follows in the background (see [`persist`] for the
//! stored form and [`db`] for IndexedDB): one log entry per command, a conflict with
//! another tab is resolved by catching up and re-applying, a failed write is shown and
//! retried with the next change. Other tabs are told through [`sync`].

pub mod clock;
pub mod db;
pub mod flex_session;
pub mod persist;
pub mod restore;
pub mod scenario;
pub mod session;
pub mod sync;
pub mod transfer;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::{Actor, Command, Console, DomainError, Event, Timestamp, UserSid};
use clock::Clock;
use db::{Db, Keep, WriteError};
use persist::{LogEntry, Meta, Restored, SCHEMA};
use scenario::{Scenario, ScenarioError};

/// Whether changes are saved, and why not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveStatus {
    /// Changes made in this tab and not written yet (a reset or import counts as one).
    pub unsaved: usize,
    /// Why the last write failed; kept until a write succeeds.
    pub error: Option<String>,
    /// Whether there is storage at all (false: this tab keeps changes in memory only).
    pub persistent: bool,
}

/// Stored data that could not be read at start-up, kept aside for download.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// Why it could not be read.
    pub reason: String,
    /// Everything that was stored, as JSON text.
    pub text: Arc<str>,
}

/// Loading a scenario named in the URL or chosen for a reset.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ScenarioStatus {
    /// Nothing is being loaded.
    #[default]
    Idle,
    /// A link asks to load this scenario, and the current data has changes since it was
    /// loaded: the person is asked first.
    Asking {
        /// The scenario's name.
        name: String,
        /// How many changes the current data holds.
        changes: u64,
    },
    /// The scenario file is being fetched.
    Loading(String),
    /// The scenario was loaded and replaced the state.
    Loaded(String),
    /// It could not be loaded; the state is unchanged.
    Failed {
        /// The scenario's name.
        name: String,
        /// Why, naming the bad field for invalid files.
        reason: String,
    },
}

/// The state read from storage before the app mounts; handed to [`Store::provide`].
pub struct Loaded {
    console: Console,
    revision: u64,
    snapshot_revision: u64,
    clock: Clock,
    db: Option<Rc<Db>>,
    save_error: Option<String>,
    recovered: Option<Recovered>,
    scenario: Option<String>,
    compact_due: bool,
    /// The revision the state was last replaced at.
    since: u64,
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
            clock: Clock::starting_at(crate::domain::DEMO_NOW),
            db: None,
            save_error,
            recovered: None,
            scenario: None,
            compact_due: false,
            since: 0,
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

/// Opens the app's database and reads the saved state; also notes a `?scenario=NAME` in
/// the URL, which [`Store::provide`] then fetches.
pub async fn open() -> Loaded {
    let mut loaded = open_named(db::DEFAULT_NAME).await;
    loaded.scenario = scenario_in_url();
    loaded
}

/// Opens the named database and reads the saved state from it. Never fails: without
/// storage the app runs in memory (and says so); unreadable data is kept aside and the
/// app starts from the demo.
pub async fn open_named(name: &str) -> Loaded {
    let unavailable = |reason: String| {
        Loaded::memory(
            Console::demo(),
            Some(format!(
                "The browser's storage is unavailable ({reason}); changes stay in this tab only."
            )),
        )
    };
    let db = match Db::open(name).await {
        Ok(db) => Rc::new(db),
        Err(reason) => return unavailable(reason),
    };
    let raw = match db.read(None, true).await {
        Ok(raw) => raw,
        Err(reason) => return unavailable(reason),
    };
    let (restored, recovered) = match interpret(&raw) {
        Ok(restored) => (restored, None),
        Err(reason) => {
            let text = unreadable_text(&reason, &raw);
            if let Err(e) = db.keep_aside(&text).await {
                // Without a copy kept aside, writing over the data would destroy it.
                let mut loaded = unavailable(write_error_text(e));
                loaded.recovered = Some(Recovered {
                    reason,
                    text: text.into(),
                });
                return loaded;
            }
            (
                None,
                Some(Recovered {
                    reason,
                    text: text.into(),
                }),
            )
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
            // Nothing stored: the demo, saved as the first snapshot (with its clock).
            let demo = Scenario::demo();
            let clock = Clock::starting_at(demo.now);
            let (now, wall) = clock.saved();
            let meta = Meta {
                schema: SCHEMA,
                revision: 0,
                now,
                wall: Some(wall),
                since: 0,
            };
            let json = demo.console.to_json().unwrap_or_default();
            let save_error = db.compact(&meta, &json).await.err().map(write_error_text);
            Loaded {
                console: demo.console,
                revision: 0,
                snapshot_revision: 0,
                clock,
                db: Some(db),
                save_error,
                recovered,
                scenario: None,
                compact_due: false,
                since: 0,
            }
        }
    }
}

/// The stored state, or `None` when nothing is stored.
fn interpret(raw: &db::Raw) -> Result<Option<Restored>, String> {
    let log = raw
        .log
        .iter()
        .map(|v| {
            v.as_string()
                .ok_or_else(|| "a saved change is not text".to_owned())
        })
        .collect::<Result<Vec<_>, _>>()?;
    match (&raw.meta, &raw.console) {
        (None, None) if log.is_empty() => Ok(None),
        (None, None) => {
            // Changes saved on top of the demo before its snapshot was written.
            let mut console = Console::demo();
            let mut revision = 0;
            persist::replay(&mut console, &mut revision, &log)?;
            Ok(Some(Restored {
                console,
                revision,
                snapshot_revision: 0,
                now: crate::domain::DEMO_NOW,
                wall: None,
                replayed: log.len(),
                since: 0,
            }))
        }
        (Some(meta), Some(console)) => {
            let meta = meta.as_string().ok_or("the snapshot record is not text")?;
            let console = console.as_string().ok_or("the saved Console is not text")?;
            persist::restore(&meta, console, &log).map(Some)
        }
        _ => Err("the snapshot is incomplete".into()),
    }
}

/// Everything that was stored, as one JSON document for download.
fn unreadable_text(reason: &str, raw: &db::Raw) -> String {
    let text = |v: &JsValue| {
        v.as_string()
            .or_else(|| js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()))
            .unwrap_or_else(|| format!("{v:?}"))
    };
    serde_json::json!({
        "reason": reason,
        "meta": raw.meta.as_ref().map(text),
        "console": raw.console.as_ref().map(text),
        "log": raw.log.iter().map(text).collect::<Vec<_>>(),
    })
    .to_string()
}

fn write_error_text(error: WriteError) -> String {
    match error {
        WriteError::Conflict => "another tab changed the data at the same moment".into(),
        WriteError::Failed(reason) => reason,
    }
}

fn scenario_in_url() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("scenario")
}

/// Drops `?scenario=` from the address, so a reload does not load the scenario again.
fn forget_scenario_in_url() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().delete("scenario");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// A command applied in memory and not saved yet.
struct Pending {
    actor: Actor,
    command: Command,
    at: Timestamp,
}

/// The reactive side: what pages read.
#[derive(Clone, Copy)]
struct Signals {
    console: RwSignal<Console>,
    signed_in: RwSignal<Option<UserSid>>,
    revision: RwSignal<u64>,
    save: RwSignal<SaveStatus>,
    recovered: RwSignal<Option<Recovered>>,
    scenario: RwSignal<ScenarioStatus>,
    refusals: RwSignal<Vec<String>>,
    /// Another tab replaced the whole state (its restore point is on the Data page).
    replaced_elsewhere: RwSignal<bool>,
    /// Restore points dropped to make room, by the last replacement written here.
    dropped_for_space: RwSignal<usize>,
}

/// The saving side, shared with the background task.
struct Shared {
    signals: Signals,
    clock: Cell<Clock>,
    engine: RefCell<Engine>,
    channel: RefCell<Option<sync::Channel>>,
}

struct Engine {
    db: Option<Rc<Db>>,
    /// The stored revision the in-memory state is based on.
    saved: u64,
    snapshot_revision: u64,
    pending: VecDeque<Pending>,
    replace_due: bool,
    /// The states replaced and not written yet, to keep as restore points.
    keep: Vec<Keep>,
    /// The stored revision the state was last replaced at.
    since: u64,
    /// At most this many restore points fit (tests: pretend storage is short).
    room: Option<usize>,
    compact_due: bool,
    /// Another tab saved a newer revision.
    behind: bool,
    running: bool,
    error: Option<String>,
    /// A write failure to simulate instead of writing (tests).
    fail_writes: Option<String>,
}

/// The store handle, provided through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    signals: Signals,
    shared: StoredValue<Rc<Shared>, LocalStorage>,
}

impl Store {
    /// Creates the store from the loaded state and provides it to the app; fetches the
    /// scenario named in the URL, if any.
    pub fn provide(loaded: Loaded) -> Store {
        let scenario = loaded.scenario.clone();
        let store = Store::new(loaded);
        provide_context(store);
        if let Some(name) = scenario {
            store.follow_scenario_link(name);
        }
        store
    }

    /// A `?scenario=NAME` link: loads it at once when the data has no changes since it was
    /// loaded, else asks first ([`Store::load_asked`] or [`Store::keep_data`]).
    fn follow_scenario_link(&self, name: String) {
        match self.changes_untracked() {
            0 => self.load_scenario(name),
            changes => self.signals.scenario.set(ScenarioStatus::Asking { name, changes }),
        }
    }

    /// Loads the scenario a link asked for, after the person said so.
    pub fn load_asked(&self) {
        if let ScenarioStatus::Asking { name, .. } = self.signals.scenario.get_untracked() {
            self.load_scenario(name);
        }
    }

    /// Keeps the current data instead of the scenario a link asked for.
    pub fn keep_data(&self) {
        self.signals.scenario.set(ScenarioStatus::Idle);
        forget_scenario_in_url();
    }

    /// How many changes the data holds since it was last replaced (a scenario, import,
    /// reset or restore), in any tab (tracked).
    pub fn changes(&self) -> u64 {
        self.signals.revision.track();
        self.signals.save.track();
        self.changes_untracked()
    }

    fn changes_untracked(&self) -> u64 {
        self.shared().map_or(0, |shared| {
            let engine = shared.engine.borrow();
            let pending = engine.pending.len() as u64;
            if engine.replace_due {
                pending
            } else {
                engine.saved.saturating_sub(engine.since) + pending
            }
        })
    }

    /// Creates a store without providing it (tests; several stores on one database).
    pub fn new(loaded: Loaded) -> Store {
        let signed_in = session::load().filter(|user| loaded.console.user(user).is_some());
        let persistent = loaded.db.is_some();
        let signals = Signals {
            console: RwSignal::new(loaded.console),
            signed_in: RwSignal::new(signed_in),
            revision: RwSignal::new(loaded.revision),
            save: RwSignal::new(SaveStatus {
                unsaved: 0,
                error: loaded.save_error.clone(),
                persistent,
            }),
            recovered: RwSignal::new(loaded.recovered),
            scenario: RwSignal::new(ScenarioStatus::Idle),
            refusals: RwSignal::new(Vec::new()),
            replaced_elsewhere: RwSignal::new(false),
            dropped_for_space: RwSignal::new(0),
        };
        let shared = Rc::new(Shared {
            signals,
            clock: Cell::new(loaded.clock),
            engine: RefCell::new(Engine {
                db: loaded.db.clone(),
                saved: loaded.revision,
                snapshot_revision: loaded.snapshot_revision,
                pending: VecDeque::new(),
                replace_due: false,
                keep: Vec::new(),
                since: loaded.since,
                room: None,
                compact_due: loaded.compact_due,
                behind: false,
                running: false,
                error: loaded.save_error,
                fail_writes: None,
            }),
            channel: RefCell::new(None),
        });
        if let Some(db) = &loaded.db {
            let weak: Weak<Shared> = Rc::downgrade(&shared);
            let channel = sync::Channel::open(db.name(), move |rev| {
                let Some(shared) = weak.upgrade() else { return };
                let behind = rev > shared.engine.borrow().saved;
                if behind {
                    shared.engine.borrow_mut().behind = true;
                    kick(&shared);
                }
            });
            *shared.channel.borrow_mut() = channel;
        }
        if shared.engine.borrow().compact_due {
            kick(&shared);
        }
        Store {
            signals,
            shared: StoredValue::new_local(shared),
        }
    }

    /// The store provided by [`Store::provide`].
    pub fn get() -> Store {
        expect_context::<Store>()
    }

    fn shared(&self) -> Option<Rc<Shared>> {
        self.shared.try_get_value()
    }

    /// Reads the state, tracking it: the caller re-runs when a command changes it.
    pub fn with<R>(&self, read: impl FnOnce(&Console) -> R) -> R {
        self.signals.console.with(read)
    }

    /// Reads the state without tracking it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Console) -> R) -> R {
        self.signals.console.with_untracked(read)
    }

    /// The Console clock: the scenario's time, running on from when it was loaded.
    pub fn now(&self) -> Timestamp {
        self.shared()
            .map(|s| s.clock.get().now())
            .unwrap_or_else(|| Clock::starting_at(crate::domain::DEMO_NOW).now())
    }

    /// The Console user signed in in this tab, if any (tracked).
    pub fn signed_in(&self) -> Option<UserSid> {
        self.signals.signed_in.get()
    }

    /// Signs a Console user in, in this tab only.
    pub fn sign_in(&self, user: UserSid) {
        session::save(Some(&user));
        self.signals.signed_in.set(Some(user));
    }

    /// Signs out of this tab.
    pub fn sign_out(&self) {
        session::save(None);
        self.signals.signed_in.set(None);
    }

    /// Whether `actor` may run `command` now, and why not, without running it (tracked:
    /// the caller re-runs when the state changes).
    pub fn check(&self, actor: &Actor, command: &Command) -> Result<(), DomainError> {
        let now = self.now();
        self.with(|c| c.check(actor, command, now))
    }

    /// Runs a command as the signed-in user. Refused when nobody is signed in.
    pub fn apply(&self, command: Command) -> Result<Event, DomainError> {
        let actor = untrack(|| self.signed_in_actor(&command))?;
        self.apply_as(&actor, command)
    }

    /// [`Store::check`] as the signed-in user, refused as [`Store::apply`] would when
    /// nobody is signed in (tracked).
    pub fn check_signed_in(&self, command: &Command) -> Result<(), DomainError> {
        self.check(&self.signed_in_actor(command)?, command)
    }

    /// The signed-in user as the actor of `command` (tracked).
    fn signed_in_actor(&self, command: &Command) -> Result<Actor, DomainError> {
        let user = self.signals.signed_in.get().ok_or(DomainError::WrongActor {
            action: command.action(),
            needed: "a signed-in Console user",
        })?;
        Ok(Actor::User(user))
    }

    /// Runs a command as any actor (an email accepting an invitation, an SSO identity).
    /// A refusal changes nothing and notifies nobody. An accepted command shows at once
    /// and is saved in the background.
    pub fn apply_as(&self, actor: &Actor, command: Command) -> Result<Event, DomainError> {
        let now = self.now();
        let pending = Pending {
            actor: actor.clone(),
            command: command.clone(),
            at: now,
        };
        let mut outcome = None;
        // `try_update` would notify even on refusal; check first without notifying.
        self.signals
            .console
            .update_untracked(|console| outcome = Some(console.apply(actor, command, now)));
        let outcome = outcome.expect("update ran");
        if outcome.is_ok() {
            self.signals.console.notify();
            if let Some(shared) = self.shared() {
                let persistent = shared.engine.borrow().db.is_some();
                if persistent {
                    shared.engine.borrow_mut().pending.push_back(pending);
                    kick(&shared);
                }
                refresh(&shared);
            }
        }
        outcome
    }

    /// The stored revision the state is at (tracked).
    pub fn revision(&self) -> u64 {
        self.signals.revision.get()
    }

    /// Whether changes are saved (tracked).
    pub fn save_status(&self) -> SaveStatus {
        self.signals.save.get()
    }

    /// Unreadable data kept aside at start-up (tracked).
    pub fn recovered(&self) -> Option<Recovered> {
        self.signals.recovered.get()
    }

    /// Hides the notice about unreadable data (the data stays kept aside).
    pub fn dismiss_recovered(&self) {
        self.signals.recovered.set(None);
    }

    /// Loading of a scenario (tracked).
    pub fn scenario_status(&self) -> ScenarioStatus {
        self.signals.scenario.get()
    }

    /// Hides the scenario notice.
    pub fn dismiss_scenario(&self) {
        self.signals.scenario.set(ScenarioStatus::Idle);
    }

    /// Changes of this tab refused after catching up with another tab (tracked).
    pub fn refusals(&self) -> Vec<String> {
        self.signals.refusals.get()
    }

    /// Hides the refusal notices.
    pub fn dismiss_refusals(&self) {
        self.signals.refusals.set(Vec::new());
    }

    /// Tries the failed write again now (it is also retried with the next change).
    pub fn retry_save(&self) {
        if let Some(shared) = self.shared() {
            kick(&shared);
        }
    }

    /// Makes every write fail with `reason` (tests), or write again with `None`.
    pub fn simulate_write_failure(&self, reason: Option<String>) {
        if let Some(shared) = self.shared() {
            shared.engine.borrow_mut().fail_writes = reason;
        }
    }

    /// Waits until the background writer is idle (everything saved, or a write failed).
    pub async fn settled(&self) {
        for _ in 0..500 {
            let Some(shared) = self.shared() else { return };
            let idle = {
                let e = shared.engine.borrow();
                !e.running
            };
            drop(shared);
            if idle {
                return;
            }
            let _ = sleep(10).await;
        }
    }

    /// Replaces the whole state with a scenario (reset, import, restore), at the scenario's
    /// time. The state it replaces is kept as a restore point, written with the new state
    /// in one transaction; `replaced_by` says what replaced it ("the demo scenario").
    pub fn replace(&self, scenario: Scenario, replaced_by: &str) {
        let Some(shared) = self.shared() else { return };
        let changes = self.changes_untracked();
        let now = self.now();
        let kept = self.signals.console.with_untracked(|old| {
            restore::keep(old, now, changes, replaced_by)
        });
        shared.clock.set(Clock::starting_at(scenario.now));
        self.signals.console.set(scenario.console);
        {
            let mut engine = shared.engine.borrow_mut();
            engine.pending.clear();
            engine.replace_due = engine.db.is_some();
            if engine.replace_due {
                engine.keep.push(kept);
            }
        }
        let _ = self.signals.replaced_elsewhere.try_set(false);
        keep_signed_in_user(&shared);
        refresh(&shared);
        kick(&shared);
    }

    /// Fetches `scenarios/NAME.json` and, if it reads, replaces the state with it (keeping
    /// a restore point); the state is untouched when it fails. Drops `?scenario=` from the
    /// URL either way.
    pub fn load_scenario(&self, name: String) {
        let store = *self;
        let _ = self
            .signals
            .scenario
            .try_set(ScenarioStatus::Loading(name.clone()));
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = scenario::fetch(&name).await;
            let status = match outcome {
                Ok(scenario) => {
                    store.replace(scenario, &format!("the {name} scenario"));
                    ScenarioStatus::Loaded(name)
                }
                Err(reason) => ScenarioStatus::Failed { name, reason },
            };
            let _ = store.signals.scenario.try_set(status);
            forget_scenario_in_url();
        });
    }

    /// Returns to a scenario: the built-in demo at once, any other by fetching it.
    pub fn reset_to(&self, name: &str) {
        if name == "demo" {
            self.replace(Scenario::demo(), "the demo scenario");
            self.signals
                .scenario
                .set(ScenarioStatus::Loaded("demo".into()));
        } else {
            self.load_scenario(name.to_owned());
        }
    }

    /// The restore points, newest first (empty without storage).
    pub async fn restore_points(&self) -> Result<Vec<restore::RestorePoint>, String> {
        let Some(db) = self.shared().and_then(|s| s.engine.borrow().db.clone()) else {
            return Ok(Vec::new());
        };
        db.restore_points().await.map(restore::listed)
    }

    /// Puts back the state a restore point kept; what it replaces becomes a restore point
    /// in its turn, so a restore can be undone the same way.
    pub async fn restore(&self, point: &restore::RestorePoint) -> Result<(), String> {
        let Some(db) = self.shared().and_then(|s| s.engine.borrow().db.clone()) else {
            return Err("There is no storage in this tab, so no restore points.".into());
        };
        let text = db
            .restore_state(point.number)
            .await?
            .ok_or("This restore point is no longer stored.")?;
        let scenario = Scenario::parse(&text).map_err(|e| e.to_string())?;
        let when = restore::local_time(point.summary.at);
        self.replace(scenario, &format!("restoring the data from before {when}"));
        Ok(())
    }

    /// Restore points dropped to make room by the last replacement written here (tracked).
    pub fn dropped_for_space(&self) -> usize {
        self.signals.dropped_for_space.get()
    }

    /// Whether another tab replaced the whole state since this tab loaded it (tracked).
    pub fn replaced_elsewhere(&self) -> bool {
        self.signals.replaced_elsewhere.get()
    }

    /// Hides the notice that another tab replaced the state.
    pub fn dismiss_replaced_elsewhere(&self) {
        self.signals.replaced_elsewhere.set(false);
    }

    /// Pretends storage has room for at most `room` restore points (tests), or lifts that.
    pub fn simulate_storage_room(&self, room: Option<usize>) {
        if let Some(shared) = self.shared() {
            shared.engine.borrow_mut().room = room;
        }
    }

    /// The whole state as a scenario file (the export format).
    pub fn export_text(&self) -> String {
        let now = self.now();
        self.signals.console.with_untracked(|console| {
            let scenario = scenario::Borrowed {
                name: "export",
                description: &format!("Exported from Flex Console at {now}"),
                now,
                console,
            };
            scenario.to_json()
        })
    }

    /// Reads an import file completely; nothing changes (apply it with [`Store::replace`]).
    pub fn read_import(text: &str) -> Result<Scenario, ScenarioError> {
        Scenario::parse(text)
    }
}

fn sleep(ms: i32) -> wasm_bindgen_futures::JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

/// Signs this tab out when its user no longer exists (after a reset or another tab's).
fn keep_signed_in_user(shared: &Shared) {
    let signals = shared.signals;
    let Some(Some(user)) = signals.signed_in.try_get_untracked() else {
        return;
    };
    let exists = signals
        .console
        .try_with_untracked(|c| c.user(&user).is_some())
        .unwrap_or(true);
    if !exists {
        session::save(None);
        let _ = signals.signed_in.try_set(None);
    }
}

/// Publishes the engine's state to the save-status and revision signals.
fn refresh(shared: &Shared) {
    let engine = shared.engine.borrow();
    let status = SaveStatus {
        unsaved: engine.pending.len() + usize::from(engine.replace_due),
        error: engine.error.clone(),
        persistent: engine.db.is_some(),
    };
    let saved = engine.saved;
    drop(engine);
    let signals = shared.signals;
    if signals.save.try_with_untracked(|s| *s != status) == Some(true) {
        let _ = signals.save.try_set(status);
    }
    if signals
        .revision
        .try_get_untracked()
        .is_some_and(|r| r != saved)
    {
        let _ = signals.revision.try_set(saved);
    }
}

/// Starts the background writer unless it is running (it then picks the work up).
fn kick(shared: &Rc<Shared>) {
    {
        let mut engine = shared.engine.borrow_mut();
        if engine.db.is_none() || engine.running {
            return;
        }
        engine.running = true;
    }
    let shared = shared.clone();
    wasm_bindgen_futures::spawn_local(async move {
        run(&shared).await;
        shared.engine.borrow_mut().running = false;
        refresh(&shared);
    });
}

/// What the writer does next, in this order: a whole-state write owed by a reset or an
/// import, then this tab's commands, then other tabs' changes, then compaction.
enum Step {
    Replace(Rc<Db>),
    Append(Rc<Db>, u64, String),
    CatchUp(Rc<Db>),
    Compact(Rc<Db>),
    Done,
}

fn next_step(shared: &Shared) -> Step {
    let engine = shared.engine.borrow();
    let Some(db) = engine.db.clone() else {
        return Step::Done;
    };
    if engine.replace_due {
        Step::Replace(db)
    } else if let Some(p) = engine.pending.front() {
        let entry = LogEntry {
            rev: engine.saved + 1,
            actor: p.actor.clone(),
            command: p.command.clone(),
            at: p.at,
        };
        Step::Append(db, entry.rev, entry.to_json())
    } else if engine.behind {
        Step::CatchUp(db)
    } else if engine.compact_due {
        Step::Compact(db)
    } else {
        Step::Done
    }
}

/// The snapshot of the current in-memory state.
fn snapshot(shared: &Shared, revision: u64) -> (Meta, String) {
    let (now, wall) = shared.clock.get().saved();
    let json = shared
        .signals
        .console
        .try_with_untracked(|c| c.to_json().unwrap_or_default())
        .unwrap_or_default();
    (
        Meta {
            schema: SCHEMA,
            revision,
            now,
            wall: Some(wall),
            since: shared.engine.borrow().since,
        },
        json,
    )
}

async fn run(shared: &Rc<Shared>) {
    loop {
        refresh(shared);
        let failure = shared.engine.borrow().fail_writes.clone();
        match next_step(shared) {
            Step::Done => return,
            Step::Replace(db) => {
                let (meta, json) = snapshot(shared, shared.engine.borrow().saved);
                // The snapshot includes every command applied so far.
                let written = shared.engine.borrow().pending.len();
                let keep = std::mem::take(&mut shared.engine.borrow_mut().keep);
                let room = shared.engine.borrow().room;
                let outcome = match failure {
                    Some(reason) => Err(WriteError::Failed(reason)),
                    None => db.replace(&meta, &json, &keep, room).await,
                };
                match outcome {
                    Ok((revision, dropped)) => {
                        let mut engine = shared.engine.borrow_mut();
                        engine.pending.drain(..written);
                        engine.replace_due = false;
                        engine.saved = revision;
                        engine.snapshot_revision = revision;
                        engine.since = revision;
                        engine.behind = false;
                        engine.error = None;
                        drop(engine);
                        let _ = shared.signals.dropped_for_space.try_set(dropped);
                        announce(shared, revision);
                    }
                    Err(e) => {
                        // Nothing was written: the states to keep wait for the next try.
                        let mut engine = shared.engine.borrow_mut();
                        let later = std::mem::replace(&mut engine.keep, keep);
                        engine.keep.extend(later);
                        drop(engine);
                        return failed(shared, e);
                    }
                }
            }
            Step::Append(db, rev, entry) => {
                let outcome = match failure {
                    Some(reason) => Err(WriteError::Failed(reason)),
                    None => db.append(rev, &entry).await,
                };
                match outcome {
                    Ok(()) => {
                        let mut engine = shared.engine.borrow_mut();
                        engine.pending.pop_front();
                        engine.saved = rev;
                        engine.error = None;
                        if rev.saturating_sub(engine.snapshot_revision) > persist::COMPACT_AFTER {
                            engine.compact_due = true;
                        }
                        drop(engine);
                        announce(shared, rev);
                    }
                    Err(WriteError::Conflict) => {
                        if let Err(reason) = resync(shared, &db).await {
                            return failed(shared, WriteError::Failed(reason));
                        }
                    }
                    Err(e) => return failed(shared, e),
                }
            }
            Step::CatchUp(db) => {
                shared.engine.borrow_mut().behind = false;
                if let Err(reason) = catch_up(shared, &db).await {
                    return failed(shared, WriteError::Failed(reason));
                }
            }
            Step::Compact(db) => {
                shared.engine.borrow_mut().compact_due = false;
                let revision = shared.engine.borrow().saved;
                let (meta, json) = snapshot(shared, revision);
                // A failed compaction loses nothing: the log is still there.
                if db.compact(&meta, &json).await.is_ok() {
                    let mut engine = shared.engine.borrow_mut();
                    engine.snapshot_revision = engine.snapshot_revision.max(revision);
                }
            }
        }
    }
}

fn failed(shared: &Shared, error: WriteError) {
    shared.engine.borrow_mut().error = Some(format!(
        "Changes are not saved: {}. They are kept in this tab and saved with the next change (or Retry).",
        write_error_text(error)
    ));
}

fn announce(shared: &Shared, revision: u64) {
    if let (Some(channel), Some(db)) = (
        shared.channel.borrow().as_ref(),
        shared.engine.borrow().db.as_ref(),
    ) {
        channel.post(db.name(), revision);
    }
    refresh(shared);
}

/// Reads the newer log entries written by other tabs and applies them; reloads the whole
/// state when they are gone (compacted) or the state was replaced.
async fn catch_up(shared: &Rc<Shared>, db: &Db) -> Result<(), String> {
    let saved = shared.engine.borrow().saved;
    let raw = db.read(Some(saved), false).await?;
    let stored_snapshot = raw
        .meta
        .as_ref()
        .and_then(JsValue::as_string)
        .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
        .and_then(|m| m.get("revision").and_then(serde_json::Value::as_u64))
        .unwrap_or(0);
    if stored_snapshot > saved || !shared.engine.borrow().pending.is_empty() {
        return resync(shared, db).await;
    }
    let log: Vec<String> = raw.log.iter().filter_map(JsValue::as_string).collect();
    let mut revision = saved;
    let mut outcome = Ok(());
    let _ = shared
        .signals
        .console
        .try_update(|console| outcome = persist::replay(console, &mut revision, &log));
    shared.engine.borrow_mut().saved = revision;
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
    let raw = db.read(None, true).await?;
    let restored = interpret(&raw)?.unwrap_or_else(|| Restored {
        console: Console::demo(),
        revision: 0,
        snapshot_revision: 0,
        now: crate::domain::DEMO_NOW,
        wall: None,
        replayed: 0,
        since: 0,
    });
    let mut console = restored.console;
    let mut refused = Vec::new();
    {
        let mut engine = shared.engine.borrow_mut();
        let pending = std::mem::take(&mut engine.pending);
        for p in pending {
            match console.apply(&p.actor, p.command.clone(), p.at) {
                Ok(_) => engine.pending.push_back(p),
                Err(e) => refused.push(format!(
                    "{} was undone: after a change in another tab it is no longer allowed. {e}",
                    p.command.action()
                )),
            }
        }
        engine.saved = restored.revision;
        engine.snapshot_revision = restored.snapshot_revision;
        engine.behind = false;
        if restored.since > engine.since && engine.keep.is_empty() {
            // Another tab replaced the whole state; its restore point has what was here.
            let _ = shared.signals.replaced_elsewhere.try_set(true);
        }
        engine.since = restored.since;
    }
    shared.clock.set(Clock::resume(restored.now, restored.wall));
    let _ = shared.signals.console.try_set(console);
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

/// Reads the unreadable data kept aside in the app's database (newest last).
pub async fn kept_aside(name: &str) -> Result<Vec<String>, String> {
    Db::open(name).await?.kept_aside().await
}
