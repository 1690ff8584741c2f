//! A routing step's Ordering (`order_by`): which of the eligible workers is offered a task
//! first, by integer worker attributes, e.g. `worker.english_level DESC, worker.tenure ASC`.
//!
//! As TaskRouter documents it: clauses are compared in turn; a worker without the attribute
//! sorts after those with it, either direction; a clause whose attribute is not an integer
//! is ignored for that pair; the final tie-break is who has waited longest without a task
//! (the caller's order, which this keeps: the sort is stable).

use crate::taskrouter::expression::{Attribute, Attributes, Segment};
use std::cmp::Ordering as Order;

/// Ascending or descending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// A parsed Ordering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ordering {
    /// Each clause: the attribute's path under `worker.`, and the direction.
    pub clauses: Vec<(Vec<Segment>, Direction)>,
}

impl Ordering {
    /// Reads `worker.a.b ASC, worker.c DESC` (the direction may be left out: ASC).
    pub fn parse(text: &str) -> Result<Ordering, String> {
        let mut clauses = Vec::new();
        for clause in text.split(',') {
            let mut words = clause.split_whitespace();
            let Some(key) = words.next() else {
                return Err(
                    "Write one or more worker.attribute ASC or DESC, separated by commas.".into(),
                );
            };
            let Some(path) = key.strip_prefix("worker.").filter(|p| !p.is_empty()) else {
                return Err(format!(
                    "{key}: an ordering is by a worker attribute, written worker.name."
                ));
            };
            if path.contains('-') {
                return Err("Hyphens are not supported in TaskRouter expressions.".into());
            }
            let direction = match words.next().map(str::to_ascii_uppercase).as_deref() {
                None | Some("ASC") => Direction::Asc,
                Some("DESC") => Direction::Desc,
                Some(other) => {
                    return Err(format!("{other}: write ASC or DESC after {key}."));
                }
            };
            if let Some(extra) = words.next() {
                return Err(format!("{extra}: separate the clauses with commas."));
            }
            let path = path
                .split('.')
                .map(|name| Segment::Name(name.to_owned()))
                .collect();
            clauses.push((path, direction));
        }
        Ok(Ordering { clauses })
    }

    /// How `a` and `b` compare: the first clause that tells them apart decides.
    pub fn compare(&self, a: &dyn Attributes, b: &dyn Attributes) -> Order {
        for (path, direction) in &self.clauses {
            let order = match (integer(a.lookup(path)), integer(b.lookup(path))) {
                (Some(Some(x)), Some(Some(y))) => match direction {
                    Direction::Asc => x.cmp(&y),
                    Direction::Desc => y.cmp(&x),
                },
                // Missing sorts after present, whichever the direction.
                (Some(Some(_)), None) => Order::Less,
                (None, Some(Some(_))) => Order::Greater,
                // Not an integer on either side: the clause says nothing for this pair.
                _ => Order::Equal,
            };
            if order != Order::Equal {
                return order;
            }
        }
        Order::Equal
    }
}

/// None when missing; Some(None) when present but not an integer.
fn integer(value: Attribute) -> Option<Option<i64>> {
    match value {
        Attribute::Null => None,
        Attribute::Number(n) if n.fract() == 0.0 && n.is_finite() => Some(Some(n as i64)),
        _ => Some(None),
    }
}
