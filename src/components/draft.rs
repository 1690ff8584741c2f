//! An edit form over a record that others may change while it is open (Flex settings, a
//! TwiML Bin, a member's roles, and any form over a record with a
//! [`Revision`](crate::domain::Revision)).
//!
//! Until the person edits, the form shows the record as it is now and follows every change
//! made elsewhere (another tab, another administrator). From the first edit it holds the
//! person's values over the revision they were made on; the save carries that revision, and
//! the domain refuses it when the record has moved on since, naming who changed it and when
//! (`DomainError::ChangedElsewhere`). The form then offers [`Draft::reload`], which drops the
//! edits and shows the newer values. So a save never silently undoes a change the person
//! did not see. Nothing here copies state into state: what the form shows is derived.

use leptos::prelude::*;

/// The values an edit form shows, and the revision a save carries.
pub struct Draft<T: Send + Sync + 'static> {
    /// The record now, with its revision number (None once it is gone).
    stored: Memo<Option<(T, u64)>>,
    /// The person's values and the revision they started editing at (None: not edited).
    edits: RwSignal<Option<(T, u64)>>,
}

impl<T: Send + Sync + 'static> Clone for Draft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Draft<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Draft<T> {
    /// A form over `stored`: the record's values and revision number, as a memo over the
    /// store (None when the record no longer exists).
    pub fn new(stored: Memo<Option<(T, u64)>>) -> Draft<T> {
        Draft {
            stored,
            edits: RwSignal::new(None),
        }
    }

    /// The values the form shows (tracked): the person's, or the record's as it is now.
    pub fn values(&self) -> Option<T> {
        match self.edits.get() {
            Some((values, _)) => Some(values),
            None => self.stored.get().map(|(values, _)| values),
        }
    }

    /// One value of what the form shows (tracked), or `T`'s default part when the record
    /// is gone and nothing was edited.
    pub fn read<R>(&self, part: impl Fn(&T) -> R) -> Option<R> {
        self.edits.with(|e| match e {
            Some((values, _)) => Some(part(values)),
            None => self
                .stored
                .with(|s| s.as_ref().map(|(values, _)| part(values))),
        })
    }

    /// The revision a save carries (tracked): the one the edits were made on, or the
    /// record's current one while nothing is edited.
    pub fn seen(&self) -> Option<u64> {
        match self.edits.with(|e| e.as_ref().map(|(_, seen)| *seen)) {
            Some(seen) => Some(seen),
            None => self.stored.with(|s| s.as_ref().map(|(_, number)| *number)),
        }
    }

    /// [`Draft::seen`] without tracking, for a submit handler.
    pub fn seen_untracked(&self) -> Option<u64> {
        untrack(|| self.seen())
    }

    /// Changes the form's values, starting from the record as it is now at the first edit.
    pub fn edit(&self, change: impl FnOnce(&mut T)) {
        let start = self.edits.with_untracked(Option::is_none);
        if start {
            let Some(current) = self.stored.get_untracked() else {
                return;
            };
            self.edits.set(Some(current));
        }
        self.edits.update(|e| {
            if let Some((values, _)) = e {
                change(values);
            }
        });
    }

    /// Whether the person has edited the form.
    pub fn edited(&self) -> bool {
        self.edits.with(Option::is_some)
    }

    /// Whether the record changed (or went) since the person started editing (tracked).
    pub fn stale(&self) -> bool {
        let Some(seen) = self.edits.with(|e| e.as_ref().map(|(_, seen)| *seen)) else {
            return false;
        };
        self.stored
            .with(|s| s.as_ref().is_none_or(|(_, number)| *number != seen))
    }

    /// Whether the record no longer exists (tracked).
    pub fn gone(&self) -> bool {
        self.stored.with(Option::is_none)
    }

    /// Drops the person's edits: the form shows the record as it is now and follows it
    /// again. Used to load newer values, and after a save.
    pub fn reload(&self) {
        self.edits.set(None);
    }
}
