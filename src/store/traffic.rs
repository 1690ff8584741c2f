//! Simulated traffic's timers: the domain says what happens next and when
//! ([`crate::domain::Traffic`]); a timeout set for that moment applies what is due as
//! simulated traffic, and sets the next. It lives in this tab only, so it stops when the tab
//! closes (timers are the world outside telling the page that time passed).

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::{
    AccountSid, Actor, Command, DomainError, TaskCommand, Traffic, TrafficSettings, WorkerSid,
};
use crate::store::Store;

/// Simulated traffic running in this tab, if any, provided through context.
#[derive(Clone, Copy)]
pub struct TrafficRunner {
    running: RwSignal<Option<Traffic>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl TrafficRunner {
    /// Provides a runner with nothing running.
    pub fn provide() -> TrafficRunner {
        let runner = TrafficRunner {
            running: RwSignal::new_local(None),
            timer: StoredValue::new_local(None),
        };
        provide_context(runner);
        runner
    }

    /// The runner provided by [`TrafficRunner::provide`].
    pub fn get() -> TrafficRunner {
        expect_context::<TrafficRunner>()
    }

    /// What is running (tracked): its account, settings and contacts sent.
    pub fn running(&self) -> Option<(AccountSid, TrafficSettings, u64)> {
        self.running
            .with(|t| t.as_ref().map(|t| (t.account, t.settings.clone(), t.sent)))
    }

    /// Starts traffic into `account` with `agents` as simulated agents, or says why not.
    pub fn start(
        &self,
        store: Store,
        account: AccountSid,
        settings: TrafficSettings,
        agents: Vec<WorkerSid>,
    ) -> Result<(), DomainError> {
        self.stop(store);
        let traffic =
            store.with_untracked(|c| Traffic::start(c, &account, settings, store.now()))?;
        store.apply_as(
            &Actor::Simulator,
            Command::Task {
                account,
                change: TaskCommand::SetSimulatedAgents { workers: agents },
            },
        )?;
        self.running.set(Some(traffic));
        self.schedule(store);
        Ok(())
    }

    /// Stops the traffic; its simulated agents go Offline.
    pub fn stop(&self, store: Store) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Some(traffic) = self.running.try_update(Option::take).flatten() {
            let _ = store.apply_as(
                &Actor::Simulator,
                Command::Task {
                    account: traffic.account,
                    change: TaskCommand::SetSimulatedAgents {
                        workers: Vec::new(),
                    },
                },
            );
        }
    }

    /// Sets a timeout for the next moment something is due.
    fn schedule(&self, store: Store) {
        let runner = *self;
        let now = store.now();
        let Some(next) = self.running.with_untracked(|t| {
            t.as_ref()
                .map(|t| store.with_untracked(|c| t.next_at(c, now)))
        }) else {
            return;
        };
        let wait = next.0.saturating_sub(now.0);
        let handle = set_timeout_with_handle(
            move || runner.run_due(store),
            // A little after the moment, so the clock has surely reached it.
            Duration::from_millis(wait + 5),
        );
        self.timer.set_value(handle.ok());
    }

    /// Applies what is due now as simulated traffic, then schedules the next.
    fn run_due(&self, store: Store) {
        let now = store.now();
        let mut due = Vec::new();
        self.running.update_untracked(|t| {
            if let Some(t) = t {
                due = store.with_untracked(|c| t.take_due(c, now));
            }
        });
        if due.is_empty() && self.running.with_untracked(Option::is_none) {
            return;
        }
        for command in due {
            // An offer may have timed out the same moment: the refusal is the answer.
            let _ = store.apply_as(&Actor::Simulator, command);
        }
        self.running.notify();
        self.schedule(store);
    }
}
