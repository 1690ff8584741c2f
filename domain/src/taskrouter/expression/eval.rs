//! Evaluating an expression against what it reads: the task's and the worker's attributes
//! through [`Attributes`] (no JSON is built per worker), the Skip If counts, and the clock.

use super::tree::{Clock, Condition, Constant, Operand, Operator, Segment};
use crate::time::Timestamp;
use serde_json::Value;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Something an expression can read attributes from: a task's, a worker's.
///
/// Implemented for `serde_json::Value`. Implement it for a richer record to answer fields
/// that are not in the JSON, as a routing step's expression reads `worker.sid`,
/// `worker.activity_name` or `worker.channel.chat.available_capacity_percentage`.
pub trait Attributes {
    /// The value at `path`, [`Attribute::Null`] when there is none.
    fn lookup(&self, path: &[Segment]) -> Attribute<'_>;
}

/// A value found at a key's path.
#[derive(Clone, Debug, PartialEq)]
pub enum Attribute<'a> {
    /// Missing, or JSON `null`: the two are one to an expression.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(Cow<'a, str>),
    /// An array.
    List(&'a [Value]),
    /// An array of strings held apart from JSON (a worker's skills and roles).
    Texts(Cow<'a, [String]>),
    /// An object: only `== null` and `!= null` say anything about one.
    Object,
}

impl<'a> From<&'a Value> for Attribute<'a> {
    fn from(value: &'a Value) -> Attribute<'a> {
        match value {
            Value::Null => Attribute::Null,
            Value::Bool(b) => Attribute::Bool(*b),
            // A JSON number always has an f64 reading (serde_json without arbitrary_precision).
            Value::Number(n) => n.as_f64().map_or(Attribute::Null, Attribute::Number),
            Value::String(s) => Attribute::Text(Cow::Borrowed(s)),
            Value::Array(items) => Attribute::List(items),
            Value::Object(_) => Attribute::Object,
        }
    }
}

/// Walks the path through objects (names) and arrays (indexes); anything else is missing.
impl Attributes for Value {
    fn lookup(&self, path: &[Segment]) -> Attribute<'_> {
        let mut value = self;
        for segment in path {
            let next = match (segment, value) {
                (Segment::Name(name), Value::Object(map)) => map.get(name),
                (Segment::Index(i), Value::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(next) => value = next,
                None => return Attribute::Null,
            }
        }
        value.into()
    }
}

/// Skip If's counts: given `available`, `unavailable` or an activity SID `WA…`, how many of
/// the step's queue's workers are so; `None` when it is not known (read as NULL).
pub type WorkerCounts<'a> = dyn Fn(&str) -> Option<usize> + 'a;

/// Everything an expression may read, given by the caller: the domain never reads the time
/// itself. What is left `None` reads as missing (NULL).
#[derive(Clone, Copy)]
pub struct Bindings<'a> {
    /// The task's attributes (a filter's bare keys, a routing step's `task.`).
    pub task: Option<&'a dyn Attributes>,
    /// The worker's attributes (a queue's bare keys, a routing step's `worker.`).
    pub worker: Option<&'a dyn Attributes>,
    /// Skip If's counts of the step's queue's workers.
    pub workers: Option<&'a WorkerCounts<'a>>,
    /// The Console clock's now, for `taskrouter.currentTime` and the others.
    pub now: Timestamp,
}

impl<'a> Bindings<'a> {
    /// Nothing to read but the clock at `now`.
    pub fn at(now: Timestamp) -> Bindings<'a> {
        Bindings {
            task: None,
            worker: None,
            workers: None,
            now,
        }
    }

    /// The same, reading this task's attributes.
    pub fn with_task(self, task: &'a dyn Attributes) -> Bindings<'a> {
        Bindings {
            task: Some(task),
            ..self
        }
    }

    /// The same, reading this worker's attributes.
    pub fn with_worker(self, worker: &'a dyn Attributes) -> Bindings<'a> {
        Bindings {
            worker: Some(worker),
            ..self
        }
    }

    /// The same, with these Skip If counts.
    pub fn with_workers(self, workers: &'a WorkerCounts<'a>) -> Bindings<'a> {
        Bindings {
            workers: Some(workers),
            ..self
        }
    }
}

/// Whether `condition` holds.
pub fn holds(condition: &Condition, bindings: &Bindings) -> bool {
    match condition {
        Condition::Compare {
            left,
            operator,
            right,
        } => compared(left, *operator, right, bindings),
        Condition::All(parts) => parts.iter().all(|c| holds(c, bindings)),
        Condition::Any(parts) => parts.iter().any(|c| holds(c, bindings)),
    }
}

fn compared(left: &Operand, operator: Operator, right: &Operand, bindings: &Bindings) -> bool {
    let (left_side, right_side) = (side(left, bindings), side(right, bindings));
    if !is_null(&left_side) && !is_null(&right_side) {
        return compare(operator, left_side, right_side);
    }
    // NULL compares only with the constant `null`, and only by == and !=: `x != null` says
    // x is there, while `x != 'a'` says nothing when x is missing.
    let other_is_null = if written_null(left) {
        is_null(&right_side)
    } else if written_null(right) {
        is_null(&left_side)
    } else {
        return false;
    };
    match operator {
        Operator::Equal => other_is_null,
        Operator::NotEqual => !other_is_null,
        _ => false,
    }
}

/// What one side of a comparison is, once read.
enum Side<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Text(Cow<'a, str>),
    /// An array of attributes.
    Json(&'a [Value]),
    /// A list written in the expression.
    Constants(&'a [Constant]),
    /// An array of strings held apart from JSON.
    Texts(Cow<'a, [String]>),
    Object,
}

impl<'a> From<Attribute<'a>> for Side<'a> {
    fn from(attribute: Attribute<'a>) -> Side<'a> {
        match attribute {
            Attribute::Null => Side::Null,
            Attribute::Bool(b) => Side::Bool(b),
            Attribute::Number(n) => Side::Number(n),
            Attribute::Text(t) => Side::Text(t),
            Attribute::List(items) => Side::Json(items),
            Attribute::Texts(items) => Side::Texts(items),
            Attribute::Object => Side::Object,
        }
    }
}

impl<'a> From<&'a Constant> for Side<'a> {
    fn from(constant: &'a Constant) -> Side<'a> {
        match constant {
            Constant::Null => Side::Null,
            Constant::Bool(b) => Side::Bool(*b),
            Constant::Number(n) => Side::Number(*n),
            Constant::Text(t) => Side::Text(Cow::Borrowed(t)),
        }
    }
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn side<'a>(operand: &'a Operand, bindings: &Bindings<'a>) -> Side<'a> {
    match operand {
        Operand::Constant(c) => c.into(),
        Operand::List(items) => Side::Constants(items),
        Operand::Attribute(key) => {
            let whose = match key.of {
                super::Subject::Task => bindings.task,
                super::Subject::Worker => bindings.worker,
            };
            whose.map_or(Side::Null, |a| a.lookup(&key.path).into())
        }
        Operand::Clock(clock) => {
            let now = bindings.now.0;
            let minutes = (now % Timestamp::DAY) / Timestamp::MINUTE;
            let (hour, minute) = (minutes / 60, minutes % 60);
            match clock {
                Clock::CurrentTime => Side::Number((hour * 100 + minute) as f64),
                Clock::CurrentHour => Side::Number(hour as f64),
                Clock::CurrentMin => Side::Number(minute as f64),
                // 1970-01-01, day 0, was a Thursday.
                Clock::DayOfWeek => Side::Text(Cow::Borrowed(
                    DAYS[((now / Timestamp::DAY + 3) % 7) as usize],
                )),
            }
        }
        Operand::Workers(name) => match bindings.workers.and_then(|count| count(name)) {
            Some(n) => Side::Number(n as f64),
            None => Side::Null,
        },
    }
}

fn is_null(side: &Side) -> bool {
    matches!(side, Side::Null)
}

fn written_null(operand: &Operand) -> bool {
    *operand == Operand::Constant(Constant::Null)
}

/// TaskRouter's type rules between two values that are not NULL: scalar operators on
/// arrays, array operators on two scalars and comparisons across types are all false.
fn compare(operator: Operator, left: Side, right: Side) -> bool {
    match operator {
        Operator::Equal => equal(&left, &right) == Some(true),
        Operator::NotEqual => equal(&left, &right) == Some(false),
        Operator::Greater => order(&left, &right) == Some(Ordering::Greater),
        Operator::GreaterOrEqual => order(&left, &right).is_some_and(Ordering::is_ge),
        Operator::Less => order(&left, &right) == Some(Ordering::Less),
        Operator::LessOrEqual => order(&left, &right).is_some_and(Ordering::is_le),
        Operator::Contains => match (&left, &right) {
            (Side::Text(whole), Side::Text(part)) => whole.contains(part.as_ref()),
            _ => false,
        },
        Operator::Has => contains(&left, &right) == Some(true),
        Operator::In => contains(&right, &left) == Some(true),
        Operator::NotIn => contains(&right, &left) == Some(false),
    }
}

/// Whether two scalars of one type are equal; `None` for anything else.
fn equal(left: &Side, right: &Side) -> Option<bool> {
    match (left, right) {
        (Side::Bool(a), Side::Bool(b)) => Some(a == b),
        (Side::Number(a), Side::Number(b)) => Some(a == b),
        (Side::Text(a), Side::Text(b)) => Some(a == b),
        _ => None,
    }
}

/// How two numbers, or two strings, are ordered; `None` for anything else.
fn order(left: &Side, right: &Side) -> Option<Ordering> {
    match (left, right) {
        (Side::Number(a), Side::Number(b)) => a.partial_cmp(b),
        (Side::Text(a), Side::Text(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

/// Whether the array `list` holds the scalar `value`; `None` unless they are an array and
/// a (non-null) scalar.
fn contains(list: &Side, value: &Side) -> Option<bool> {
    if !matches!(value, Side::Bool(_) | Side::Number(_) | Side::Text(_)) {
        return None;
    }
    let found = |item: Side| equal(&item, value) == Some(true);
    match list {
        Side::Json(items) => Some(items.iter().any(|item| found(Attribute::from(item).into()))),
        Side::Constants(items) => Some(items.iter().any(|item| found(item.into()))),
        Side::Texts(items) => Some(
            items
                .iter()
                .any(|item| found(Side::Text(Cow::Borrowed(item.as_str())))),
        ),
        _ => None,
    }
}
