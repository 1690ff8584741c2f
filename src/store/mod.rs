//! The in-browser store: the one reactive handle on the domain state.
//!
//! Pages read the [`Console`] through [`Store::with`] and change it only through
//! [`Store::apply`], which runs the domain's `Console::apply`; the store never changes state
//! any other way. The signed-in Console user belongs to this tab (see [`session`]).
//!
//! A change shows at once; saving follows in the background: [`load`] reads what is stored,
//! [`writer`] decides what to write next (pure, tested natively), [`saving`] writes it and
//! catches up with other tabs (told through [`sync`]), [`db`] is IndexedDB and the only place
//! that sees JavaScript values, [`persist`] the stored form, [`restore`] the restore points,
//! [`replacing`] where a replacement of the whole state stands, [`leaving`] the prompt when
//! the tab is left with unsaved work, [`scenario_link`] the `?scenario=` address. This module
//! is the reactive handle.

pub mod clock;
pub mod db;
pub mod flex_session;
mod leaving;
mod load;
pub mod persist;
pub mod replacing;
pub mod restore;
pub mod routing_clock;
mod saving;
pub mod scenario;
mod scenario_link;
pub mod session;
pub mod sync;
pub mod traffic;
pub mod transfer;
pub mod writer;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::{Actor, Command, Console, DomainError, Event, Timestamp, UserSid};
use clock::Clock;
use db::Db;
pub use load::{Loaded, open, open_named};
pub use replacing::{ReplaceStatus, Replacing};
use saving::kick;
use scenario::{Scenario, ScenarioError};
use writer::{Pending, Writer};

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

/// The reactive side: what pages read.
#[derive(Clone, Copy)]
struct Signals {
    console: RwSignal<Console>,
    signed_in: RwSignal<Option<UserSid>>,
    revision: RwSignal<u64>,
    save: RwSignal<SaveStatus>,
    recovered: RwSignal<Option<Recovered>>,
    replacing: RwSignal<ReplaceStatus>,
    refusals: RwSignal<Vec<String>>,
    /// Another tab replaced the whole state (its restore point is on the Data page).
    replaced_elsewhere: RwSignal<bool>,
    /// Restore points dropped to make room, by the last replacement written here.
    dropped_for_space: RwSignal<usize>,
    /// The Console clock's minute, moved on by a timer: what reads [`Store::now_ticking`]
    /// runs again as time passes on a page that stays open.
    minute: RwSignal<u64>,
}

/// The saving side, shared with the background task.
struct Shared {
    signals: Signals,
    clock: Cell<Clock>,
    writer: RefCell<Writer>,
    db: Option<Rc<Db>>,
    channel: RefCell<Option<sync::Channel>>,
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
        if let Some(shared) = store.shared() {
            leaving::ask_while_unsaved(Rc::downgrade(&shared));
        }
        store.tick();
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
            changes => self
                .signals
                .replacing
                .set(ReplaceStatus::Asking { name, changes }),
        }
    }

    /// Loads the scenario a link asked for, after the person said so.
    pub fn load_asked(&self) {
        if let ReplaceStatus::Asking { name, .. } = self.signals.replacing.get_untracked() {
            self.load_scenario(name);
        }
    }

    /// Keeps the current data instead of the scenario a link asked for.
    pub fn keep_data(&self) {
        self.signals.replacing.set(ReplaceStatus::Idle);
        scenario_link::forget();
    }

    /// How many changes the data holds since it was last replaced (a scenario, import,
    /// reset or restore), in any tab (tracked).
    pub fn changes(&self) -> u64 {
        self.signals.revision.track();
        self.signals.save.track();
        self.changes_untracked()
    }

    fn changes_untracked(&self) -> u64 {
        self.shared()
            .map_or(0, |shared| shared.writer.borrow().changes())
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
            replacing: RwSignal::new(ReplaceStatus::Idle),
            refusals: RwSignal::new(Vec::new()),
            replaced_elsewhere: RwSignal::new(false),
            dropped_for_space: RwSignal::new(0),
            minute: RwSignal::new(0),
        };
        let mut writer = Writer::new(
            persistent,
            loaded.revision,
            loaded.snapshot_revision,
            loaded.since,
        );
        writer.compact_due = loaded.compact_due;
        writer.error = loaded.save_error;
        let shared = Rc::new(Shared {
            signals,
            clock: Cell::new(loaded.clock),
            writer: RefCell::new(writer),
            db: loaded.db.clone(),
            channel: RefCell::new(None),
        });
        if let Some(db) = &loaded.db {
            let weak: Weak<Shared> = Rc::downgrade(&shared);
            let channel = sync::Channel::open(db.name(), move |rev| {
                let Some(shared) = weak.upgrade() else { return };
                let behind = rev > shared.writer.borrow().saved;
                if behind {
                    shared.writer.borrow_mut().behind = true;
                    kick(&shared);
                }
            });
            *shared.channel.borrow_mut() = channel;
        }
        if shared.writer.borrow().compact_due {
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

    /// The Console time, tracked by the minute: a memo that reads it (an invitation's status,
    /// what is still pending) runs again at least each minute while the page is open.
    pub fn now_ticking(&self) -> Timestamp {
        self.signals.minute.track();
        self.now()
    }

    /// Moves [`Signals::minute`] on when the Console clock passes into a new minute, checked
    /// every ten seconds (a timer is the world outside telling the page that time passed).
    fn tick(&self) {
        let store = *self;
        let minute = move || store.now().0 / 60_000;
        self.signals.minute.set(minute());
        set_interval(
            move || {
                let now = minute();
                if store
                    .signals
                    .minute
                    .try_get_untracked()
                    .is_some_and(|m| m != now)
                {
                    store.signals.minute.try_set(now);
                }
            },
            std::time::Duration::from_secs(10),
        );
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
        // By the minute: an answer that depends on time (a pending invitation) moves with it.
        let now = self.now_ticking();
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
        let user = self
            .signals
            .signed_in
            .get()
            .ok_or(DomainError::WrongActor {
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
        self.signals.console.update_untracked(|console| {
            // A new API key's secret comes from here, outside everything that is saved.
            console.seed_secrets(fresh_seed());
            outcome = Some(console.apply(actor, command, now));
        });
        let outcome = outcome.expect("update ran");
        if outcome.is_ok() {
            self.signals.console.notify();
            if let Some(shared) = self.shared() {
                shared.writer.borrow_mut().queue(pending);
                kick(&shared);
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

    /// Where a replacement of the whole state stands (tracked).
    pub fn replace_status(&self) -> ReplaceStatus {
        self.signals.replacing.get()
    }

    /// Hides the notice about a replacement.
    pub fn dismiss_replace(&self) {
        self.signals.replacing.set(ReplaceStatus::Idle);
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

    /// Replaces the whole state with a scenario (reset, import, restore), at the scenario's
    /// time. The new state shows at once, and the status says "Saving…" until it is written:
    /// it is done only once its transaction has committed (until then a reload finds the
    /// state from before). The state it replaces is kept as a restore point, written with the
    /// new state in one transaction.
    pub fn replace(&self, scenario: Scenario, replacing: Replacing) {
        let Some(shared) = self.shared() else { return };
        let changes = self.changes_untracked();
        let now = self.now();
        let by = replacing.replaced_by();
        let kept = self
            .signals
            .console
            .with_untracked(|old| restore::keep(old, now, changes, &by));
        shared.clock.set(Clock::starting_at(scenario.now));
        self.signals.console.set(scenario.console);
        shared.writer.borrow_mut().replaced(kept);
        // Without storage there is nothing to wait for (and the page says changes stay here).
        let status = if shared.writer.borrow().persistent {
            ReplaceStatus::Saving(replacing)
        } else {
            ReplaceStatus::Done(replacing)
        };
        let _ = self.signals.replacing.try_set(status);
        let _ = self.signals.replaced_elsewhere.try_set(false);
        keep_signed_in_user(&shared);
        refresh(&shared);
        kick(&shared);
    }

    /// Fetches `scenarios/NAME.json` and, if it reads, replaces the state with it (keeping
    /// a restore point); the state is untouched when it fails. Drops `?scenario=` from the
    /// URL either way, once answered: a reload while it is saved finds the state from before.
    pub fn load_scenario(&self, name: String) {
        let store = *self;
        let what = Replacing::Scenario(name.clone());
        let _ = self
            .signals
            .replacing
            .try_set(ReplaceStatus::Loading(what.clone()));
        wasm_bindgen_futures::spawn_local(async move {
            match scenario::fetch(&name).await {
                Ok(scenario) => store.replace(scenario, what),
                Err(reason) => {
                    let _ = store
                        .signals
                        .replacing
                        .try_set(ReplaceStatus::Failed { what, reason });
                }
            }
            scenario_link::forget();
        });
    }

    /// Returns to a scenario: the built-in demo at once, any other by fetching it.
    pub fn reset_to(&self, name: &str) {
        if name == "demo" {
            self.replace(Scenario::demo(), Replacing::Scenario("demo".into()));
        } else {
            self.load_scenario(name.to_owned());
        }
    }

    /// The restore points, newest first (empty without storage).
    pub async fn restore_points(&self) -> Result<Vec<restore::RestorePoint>, String> {
        let Some(db) = self.shared().and_then(|s| s.db.clone()) else {
            return Ok(Vec::new());
        };
        db.restore_points().await.map(restore::listed)
    }

    /// Puts back the state a restore point kept; what it replaces becomes a restore point
    /// in its turn, so a restore can be undone the same way. Says where it stands like any
    /// replacement; the error is also returned.
    pub async fn restore(&self, point: &restore::RestorePoint) -> Result<(), String> {
        let what = Replacing::Restore {
            when: restore::local_time(point.summary.at),
            replaced_by: point.summary.replaced_by.clone(),
        };
        let _ = self
            .signals
            .replacing
            .try_set(ReplaceStatus::Loading(what.clone()));
        match self.read_restore_point(point).await {
            Ok(scenario) => {
                self.replace(scenario, what);
                Ok(())
            }
            Err(reason) => {
                let _ = self.signals.replacing.try_set(ReplaceStatus::Failed {
                    what,
                    reason: reason.clone(),
                });
                Err(reason)
            }
        }
    }

    /// The state a restore point kept, read and checked.
    async fn read_restore_point(&self, point: &restore::RestorePoint) -> Result<Scenario, String> {
        let Some(db) = self.shared().and_then(|s| s.db.clone()) else {
            return Err("There is no storage in this tab, so no restore points.".into());
        };
        let text = db
            .restore_state(point.number)
            .await?
            .ok_or("This restore point is no longer stored.")?;
        Scenario::parse(&text).map_err(|e| e.to_string())
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

/// What only the tests use, compiled only with the `test-hooks` feature (which
/// `cargo xtask test` turns on for the browser tests): never in the release build.
#[cfg(feature = "test-hooks")]
impl Store {
    /// Makes every write fail with `reason` (tests), or write again with `None`.
    pub fn simulate_write_failure(&self, reason: Option<String>) {
        if let Some(shared) = self.shared() {
            shared.writer.borrow_mut().fail_writes = reason;
        }
    }

    /// Waits until the background writer is idle (everything saved, or a write failed).
    pub async fn settled(&self) {
        for _ in 0..500 {
            let Some(shared) = self.shared() else { return };
            let idle = {
                let writer = shared.writer.borrow();
                !writer.running
            };
            drop(shared);
            if idle {
                return;
            }
            let _ = sleep(10).await;
        }
    }

    /// Whether the background writer is at work (writing, or reading another tab's changes).
    pub fn writing(&self) -> bool {
        self.shared()
            .is_some_and(|shared| shared.writer.borrow().running)
    }

    /// Pretends storage has room for at most `room` restore points (tests), or lifts that.
    pub fn simulate_storage_room(&self, room: Option<usize>) {
        if let Some(shared) = self.shared() {
            shared.writer.borrow_mut().room = room;
        }
    }
}

#[cfg(feature = "test-hooks")]
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

/// A replacement's transaction committed: if it was the latest replacement (none is owed any
/// more), it is done, and only now is it said to be.
fn replacement_written(shared: &Shared) {
    if shared.writer.borrow().replace_due {
        return;
    }
    let _ = shared.signals.replacing.try_update(|status| {
        if let ReplaceStatus::Saving(what) = status {
            *status = ReplaceStatus::Done(what.clone());
        }
    });
}

/// Publishes the writer's state to the save-status and revision signals.
fn refresh(shared: &Shared) {
    let writer = shared.writer.borrow();
    let status = SaveStatus {
        unsaved: writer.unsaved(),
        error: writer.error.clone(),
        persistent: writer.persistent,
    };
    let saved = writer.saved;
    drop(writer);
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

/// Reads the unreadable data kept aside in the app's database (newest last).
pub async fn kept_aside(name: &str) -> Result<Vec<String>, String> {
    Db::open(name).await?.kept_aside().await
}

/// 64 bits from the browser's crypto (Math.random where it has none): the seed of new API key
/// secrets, which nothing saved may be able to give back.
fn fresh_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        (js_sys::Math::random() * u64::MAX as f64) as u64
    }
}
