//! The canonical printing of an expression: keywords in capitals, `==` for `=`, strings in
//! single quotes (double when the string holds a single quote), one space around
//! operators, and parentheses only where the tree needs them. Parsing the printing gives
//! the same tree back.

use super::Expression;
use super::Scope;
use super::tree::{Condition, Constant, Key, Operand, Segment, Subject};
use std::fmt::{self, Display, Formatter, Write};

/// The expression in canonical form, e.g. `routing.skills HAS 'sales' AND level >= 3`.
impl Display for Expression {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        condition(f, &self.condition, self.scope)
    }
}

fn condition(f: &mut Formatter<'_>, c: &Condition, scope: Scope) -> fmt::Result {
    match c {
        Condition::Compare {
            left,
            operator,
            right,
        } => {
            operand(f, left, scope)?;
            write!(f, " {} ", operator.symbol())?;
            operand(f, right, scope)
        }
        Condition::All(parts) => joined(f, parts, " AND ", scope, |part| {
            // Within AND, a group of either kind was written in parentheses.
            !matches!(part, Condition::Compare { .. })
        }),
        Condition::Any(parts) => joined(f, parts, " OR ", scope, |part| {
            // AND binds tighter than OR, so only a nested OR needs them.
            matches!(part, Condition::Any(_))
        }),
    }
}

fn joined(
    f: &mut Formatter<'_>,
    parts: &[Condition],
    separator: &str,
    scope: Scope,
    needs_parentheses: fn(&Condition) -> bool,
) -> fmt::Result {
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        if needs_parentheses(part) {
            f.write_char('(')?;
            condition(f, part, scope)?;
            f.write_char(')')?;
        } else {
            condition(f, part, scope)?;
        }
    }
    Ok(())
}

fn operand(f: &mut Formatter<'_>, o: &Operand, scope: Scope) -> fmt::Result {
    match o {
        Operand::Constant(c) => write!(f, "{c}"),
        Operand::List(items) => {
            f.write_char('[')?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{item}")?;
            }
            f.write_char(']')
        }
        Operand::Attribute(key) => {
            // Only a routing step's expression says whose attribute it reads.
            if scope == Scope::Target {
                f.write_str(match key.of {
                    Subject::Task => "task.",
                    Subject::Worker => "worker.",
                })?;
            }
            write!(f, "{key}")
        }
        Operand::Clock(clock) => write!(f, "taskrouter.{}", clock.name()),
        Operand::Workers(name) => write!(f, "workers.{name}"),
    }
}

/// A constant as it is written: `'sales'`, `800`, `2.5`, `true`, `null`.
impl Display for Constant {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Constant::Null => f.write_str("null"),
            Constant::Bool(b) => write!(f, "{b}"),
            // Rust prints a float in the fewest digits that read back to it, never with an
            // exponent: a number the lexer reads.
            Constant::Number(n) => write!(f, "{n}"),
            Constant::Text(text) if text.contains('\'') => write!(f, "\"{text}\""),
            Constant::Text(text) => write!(f, "'{text}'"),
        }
    }
}

/// The key's path, without `task.` or `worker.`: `routing.skills`, `object.array[2]`.
impl Display for Key {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.path.iter().enumerate() {
            match segment {
                Segment::Name(name) if i > 0 => write!(f, ".{name}")?,
                Segment::Name(name) => f.write_str(name)?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}
