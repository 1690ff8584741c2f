//! Time passing for the contact center: the domain says when its next timer is due (an offer
//! timing out, a task leaving its step, a task's TTL, an ended task's deletion), and when
//! that moment comes the Console clock applies `Advance`, so time is a command like any
//! other: saved in the log, replayed alike. While tasks exist, pages that show them follow
//! the clock by the second (an offer's countdown, how long a task has waited).
//!
//! Timers are the world outside telling the page that time passed, so they live in effects.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::{Actor, Command, TaskCommand, Timestamp};
use crate::store::Store;

/// The second-by-second clock of pages that show tasks, provided through context.
#[derive(Clone, Copy)]
pub struct RoutingClock {
    second: RwSignal<u64>,
}

impl RoutingClock {
    /// Starts the routing clock for `store` and provides it.
    pub fn provide(store: Store) -> RoutingClock {
        let clock = RoutingClock {
            second: RwSignal::new(store.now().0 / 1_000),
        };
        provide_context(clock);
        clock.step_when_due(store);
        clock.tick_while_tasks(store);
        clock
    }

    /// The clock provided by [`RoutingClock::provide`].
    pub fn get() -> RoutingClock {
        expect_context::<RoutingClock>()
    }

    /// The Console time, tracked by the second while any task exists (by the minute
    /// otherwise, through the store).
    pub fn now(&self, store: Store) -> Timestamp {
        self.second.track();
        store.now_ticking()
    }

    /// Applies `Advance` for each account whose next timer is due, whenever one is: a timeout
    /// set for the earliest timer, set again whenever the state changes.
    fn step_when_due(&self, store: Store) {
        let next = Memo::new(move |_| store.with(|c| c.next_deadline_anywhere()));
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        Effect::new(move |_| {
            if let Some(handle) = pending.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            let Some((at, _)) = next.get() else { return };
            let wait = at.0.saturating_sub(store.now().0);
            let handle = set_timeout_with_handle(
                move || advance_due(store),
                // A little after the moment, so the clock has surely reached it.
                Duration::from_millis(wait + 20),
            );
            pending.set_value(handle.ok());
        });
        // A page torn down (a test's, or a replaced app) leaves no timer behind.
        on_cleanup(move || {
            if let Some(handle) = pending.try_update_value(Option::take).flatten() {
                handle.clear();
            }
        });
    }

    /// Moves the second along every second while any task exists.
    fn tick_while_tasks(&self, store: Store) {
        let second = self.second;
        let busy = Memo::new(move |_| store.with(|c| c.has_tasks()));
        let running = StoredValue::new_local(None::<IntervalHandle>);
        Effect::new(move |_| {
            if let Some(handle) = running.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            if !busy.get() {
                return;
            }
            let handle = set_interval_with_handle(
                move || {
                    let _ = second.try_set(store.now().0 / 1_000);
                },
                Duration::from_secs(1),
            );
            running.set_value(handle.ok());
        });
        on_cleanup(move || {
            if let Some(handle) = running.try_update_value(Option::take).flatten() {
                handle.clear();
            }
        });
    }
}

/// Runs every timer that is due, account by account, as the Console clock.
fn advance_due(store: Store) {
    let now = store.now();
    let due: Vec<_> = store.with_untracked(|c| {
        c.accounts()
            .filter(|a| c.next_deadline(&a.sid).is_some_and(|at| at <= now))
            .map(|a| a.sid)
            .collect()
    });
    for account in due {
        let _ = store.apply_as(
            &Actor::Clock,
            Command::Task {
                account,
                change: TaskCommand::Advance,
            },
        );
    }
}
