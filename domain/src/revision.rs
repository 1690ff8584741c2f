//! Revisions of the records a form edits: the form carries the revision it showed, and a save
//! over a newer change is refused, naming who made it, as TaskRouter refuses a stale update
//! (HTTP 412 through ETags). So no edit silently undoes another; a form where nothing was
//! typed simply follows the newer values.

use crate::console::Console;
use crate::error::DomainError;
use crate::identity::actor::Actor;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// How many times a record changed, and the last change's author and time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// 0 until the record first changes after its creation.
    pub number: u64,
    /// Who made the last change, and when (None before the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<(Actor, Timestamp)>,
}

impl Revision {
    /// Whether the record never changed since its creation (not written when saved, so
    /// records saved before revisions existed read the same).
    pub fn is_new(&self) -> bool {
        *self == Revision::default()
    }

    /// The revision after a change by `by` at `at`.
    pub fn next(&self, by: &Actor, at: Timestamp) -> Revision {
        Revision {
            number: self.number + 1,
            last: Some((by.clone(), at)),
        }
    }
}

impl Console {
    /// [`Console::check_revision`] for a command that may carry no revision (no form, or a
    /// command logged before revisions existed): only a revision given is checked. `what`
    /// is written only for a refusal.
    pub(crate) fn check_seen(
        &self,
        current: &Revision,
        seen: Option<u64>,
        what: impl FnOnce() -> String,
    ) -> Result<(), DomainError> {
        match seen {
            Some(seen) if seen != current.number => self.check_revision(current, seen, &what()),
            _ => Ok(()),
        }
    }

    /// Refuses a save of `what` ("the Flex settings") made from a form that showed revision
    /// `seen` when the record has moved on since, naming who changed it and when.
    pub fn check_revision(
        &self,
        current: &Revision,
        seen: u64,
        what: &str,
    ) -> Result<(), DomainError> {
        if seen == current.number {
            return Ok(());
        }
        let (by, at) = match &current.last {
            Some((actor, at)) => (self.actor_name(actor), Some(*at)),
            None => ("someone".to_owned(), None),
        };
        Err(DomainError::ChangedElsewhere {
            what: what.to_owned(),
            by,
            at,
        })
    }
}
