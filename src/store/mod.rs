//! The in-browser store: the one reactive handle on the domain state.
//!
//! Pages read the [`Console`] through [`Store::with`] and change it only through
//! [`Store::apply`], which runs the domain's `Console::apply`; the store never changes state
//! any other way. The signed-in Console user belongs to this tab (see [`session`]).

pub mod clock;
pub mod session;

use leptos::prelude::*;

use crate::domain::{Actor, Command, Console, DomainError, Event, Timestamp, UserSid};

/// The store handle, provided through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    console: RwSignal<Console>,
    signed_in: RwSignal<Option<UserSid>>,
    clock: StoredValue<clock::Clock>,
}

impl Store {
    /// Creates the store with the built-in demo scenario and provides it to the app.
    pub fn provide() -> Store {
        let console = Console::demo();
        let signed_in = session::load().filter(|user| console.user(user).is_some());
        let store = Store {
            console: RwSignal::new(console),
            signed_in: RwSignal::new(signed_in),
            clock: StoredValue::new(clock::Clock::starting_at(crate::domain::DEMO_NOW)),
        };
        provide_context(store);
        store
    }

    /// The store provided by [`Store::provide`].
    pub fn get() -> Store {
        expect_context::<Store>()
    }

    /// Reads the state, tracking it: the caller re-runs when a command changes it.
    pub fn with<R>(&self, read: impl FnOnce(&Console) -> R) -> R {
        self.console.with(read)
    }

    /// Reads the state without tracking it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Console) -> R) -> R {
        self.console.with_untracked(read)
    }

    /// The Console clock: the scenario's time, running on from when it was loaded.
    pub fn now(&self) -> Timestamp {
        self.clock.with_value(clock::Clock::now)
    }

    /// The Console user signed in in this tab, if any (tracked).
    pub fn signed_in(&self) -> Option<UserSid> {
        self.signed_in.get()
    }

    /// Signs a Console user in, in this tab only.
    pub fn sign_in(&self, user: UserSid) {
        session::save(Some(&user));
        self.signed_in.set(Some(user));
    }

    /// Signs out of this tab.
    pub fn sign_out(&self) {
        session::save(None);
        self.signed_in.set(None);
    }

    /// Runs a command as the signed-in user. Refused when nobody is signed in.
    pub fn apply(&self, command: Command) -> Result<Event, DomainError> {
        let user = self.signed_in.get_untracked().ok_or_else(|| DomainError::WrongActor {
            action: command.action(),
            needed: "a signed-in Console user",
        })?;
        self.apply_as(&Actor::User(user), command)
    }

    /// Runs a command as any actor (an email accepting an invitation, an SSO identity).
    /// A refusal changes nothing and notifies nobody.
    pub fn apply_as(&self, actor: &Actor, command: Command) -> Result<Event, DomainError> {
        let now = self.now();
        let mut outcome = None;
        // `try_update` would notify even on refusal; check first without notifying.
        self.console.update_untracked(|console| outcome = Some(console.apply(actor, command, now)));
        let outcome = outcome.expect("update ran");
        if outcome.is_ok() {
            self.console.notify();
        }
        outcome
    }
}
