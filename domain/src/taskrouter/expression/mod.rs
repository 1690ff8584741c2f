//! TaskRouter's expression language: the conditions a task queue's target workers, a
//! workflow filter's Matching Tasks, a routing step's expression and its Skip If are
//! written in (e.g. `routing.skills HAS 'sales' AND routing.levels.sales >= 3`).
//!
//! Parsed by hand (`lexer.rs`, `parser.rs`): no crate reads this syntax. Printed back in
//! canonical form (`print.rs`), and evaluated (`eval.rs`) against attributes read through
//! [`Attributes`], so that matching 15,000 workers builds nothing per worker.
//!
//! # Grammar
//!
//! ```text
//! expression := or
//! or         := and ("OR" and)*                   AND binds tighter than OR
//! and        := term ("AND" term)*
//! term       := "(" or ")" | comparison          at most 32 parentheses deep
//! comparison := operand operator operand
//! operator   := "==" | "=" | "!=" | ">" | ">=" | "<" | "<=" | "CONTAINS"
//!             | "HAS" | "IN" | "NOT" "IN"
//! operand    := constant | list | key
//! constant   := string | number | "true" | "false" | "null"
//! string     := '…' | "…"                         no escapes; may hold hyphens
//! number     := digits ("." digits)?              never negative
//! list       := "[" (constant ("," constant)*)? "]"
//! key        := name ("." name | "[" digits "]")*  no spaces inside; no hyphens
//! name       := letters, digits, _ and $; the first name not starting with a digit
//! ```
//!
//! Keywords (`AND`, `OR`, `HAS`, `IN`, `NOT`, `CONTAINS`, `true`, `false`, `null`) are read
//! in any case and printed in capitals (constants in lower case). A keyword alone is never
//! a key; within a key (`routing.in`) it is a name.
//!
//! # What a key reads, by [`Scope`]
//!
//! - [`Scope::Queue`]: keys are the worker's attributes; the clock is not read (a queue's
//!   workers would change with the time of day, with no change to any worker).
//! - [`Scope::Filter`]: keys are the task's attributes; `taskrouter.` variables read the clock.
//! - [`Scope::Target`]: every key starts with `task.` or `worker.`; `taskrouter.` variables too.
//! - [`Scope::SkipIf`]: only `workers.available`, `workers.unavailable`, `workers.WA…`.
//!
//! `taskrouter` as a key's first name is always one of `taskrouter.currentTime` (HHMM as a
//! number), `currentHour`, `currentMin` (numbers) and `dayOfWeek` (`Mon` … `Sun`), in UTC.
//!
//! # Meaning
//!
//! A missing key is NULL, the same as a JSON `null`. A comparison with a NULL side is false,
//! except with the constant `null`: `x == null` holds when x is NULL, `x != null` when it is
//! not (so `x != 'a'` is false when x is missing, and two missing keys are not equal).
//! Scalar operators on arrays and array operators on two scalars are false, and so is any
//! comparison across types (`'1' == 1`, even with `!=`). Numbers compare numerically,
//! strings by their characters, case counting; booleans only with `==` and `!=`.
//! `CONTAINS` is a substring test.

mod eval;
mod lexer;
mod parser;
mod print;
mod tree;

pub use eval::{Attribute, Attributes, Bindings, WorkerCounts};
pub use lexer::HYPHENS;
pub use parser::{MAX_DEPTH, ParseError};
pub use tree::{Clock, Condition, Constant, Key, Operand, Operator, Segment, Subject};

/// Where an expression is used, which decides what its keys read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A task queue's target workers (Queue Expression): keys are worker attributes.
    Queue,
    /// A workflow filter's Matching Tasks: keys are task attributes.
    Filter,
    /// A routing step's expression: keys start with `task.` or `worker.`.
    Target,
    /// A routing step's Skip If: counts of the queue's workers only.
    SkipIf,
}

/// A parsed expression: where it is used and its condition.
///
/// Built by [`Expression::parse`]; one built by hand keeps to its scope's rules (a queue's
/// keys read the worker, a filter's the task) and `All`/`Any` hold two conditions or more,
/// or it will not print back to itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Expression {
    /// Where it is used.
    pub scope: Scope,
    /// What must hold.
    pub condition: Condition,
}

impl Expression {
    /// Parses `text` as an expression used in `scope`.
    pub fn parse(text: &str, scope: Scope) -> Result<Expression, ParseError> {
        Ok(Expression {
            scope,
            condition: parser::parse(text, scope)?,
        })
    }

    /// `1 == 1`, TaskRouter's idiom for "always" (a new queue's target workers).
    pub fn always_true(scope: Scope) -> Expression {
        let one = || Operand::Constant(Constant::Number(1.0));
        Expression {
            scope,
            condition: Condition::Compare {
                left: one(),
                operator: Operator::Equal,
                right: one(),
            },
        }
    }

    /// Whether it holds, reading what `bindings` give.
    pub fn evaluate(&self, bindings: &Bindings) -> bool {
        eval::holds(&self.condition, bindings)
    }

    /// Its answer when it reads nothing at all, e.g. `Some(true)` for `1==1` and
    /// `Some(false)` for `1==0`; `None` when it reads a key, the clock or a count.
    pub fn fixed(&self) -> Option<bool> {
        let mut reads = false;
        visit(&self.condition, &mut |o| {
            reads |= !matches!(o, Operand::Constant(_) | Operand::List(_));
        });
        (!reads).then(|| self.evaluate(&Bindings::at(crate::time::Timestamp(0))))
    }

    /// Whether it holds whatever it is given, as `1==1` does.
    pub fn is_always_true(&self) -> bool {
        self.fixed() == Some(true)
    }

    /// The attributes it reads, each once, in the order written.
    pub fn keys(&self) -> Vec<&Key> {
        let mut keys: Vec<&Key> = Vec::new();
        visit(&self.condition, &mut |o| {
            if let Operand::Attribute(key) = o
                && !keys.contains(&key)
            {
                keys.push(key);
            }
        });
        keys
    }
}

/// Calls `f` with every operand, left to right.
fn visit<'a>(condition: &'a Condition, f: &mut impl FnMut(&'a Operand)) {
    match condition {
        Condition::Compare { left, right, .. } => {
            f(left);
            f(right);
        }
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|c| visit(c, f));
        }
    }
}
