//! Why a TaskRouter change was refused, in words an administrator reads: each names the
//! resource by name and says what would allow the change.

use std::fmt;

/// A refused TaskRouter change (wrapped in [`crate::DomainError::TaskRouter`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskRouterError {
    /// No such resource in the workspace, e.g. ("task queue", "WQ…").
    Unknown {
        /// What kind of resource.
        what: &'static str,
        /// The SID or name given.
        id: String,
    },
    /// Another resource of the kind has the name (names are unique, ignoring case).
    NameTaken {
        /// What kind of resource, e.g. "task queue".
        what: &'static str,
        /// The name.
        name: String,
    },
    /// The workspace holds the most it can of a kind.
    TooMany {
        /// What kind, plural, e.g. "task channels".
        what: &'static str,
        /// The limit.
        max: usize,
    },
    /// A value typed in a field is not acceptable.
    Invalid {
        /// The field, as its label reads, e.g. "Max Reserved Workers".
        field: String,
        /// What is wrong, a sentence ending with a full stop.
        reason: String,
    },
    /// An expression does not parse.
    Expression {
        /// The field, as its label reads, e.g. "Queue Expression".
        field: String,
        /// The parser's message, with its column.
        message: String,
    },
    /// The resource is in use, so it cannot be deleted (or changed that way).
    InUse {
        /// What is refused, e.g. "The activity Break".
        subject: String,
        /// Why, e.g. "is the workspace's timeout activity".
        reason: String,
        /// What would allow it, e.g. "Choose another timeout activity first."
        remedy: String,
    },
    /// A task or reservation cannot be changed that way now; the sentence says why.
    Refused(String),
    /// A JSON text could not be read.
    Json {
        /// What it is, e.g. "The attributes".
        what: &'static str,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for TaskRouterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use TaskRouterError as E;
        match self {
            E::Unknown { what, id } => write!(
                f,
                "There is no {what} {id} in this workspace; it may have been deleted."
            ),
            E::NameTaken { what, name } => write!(
                f,
                "There is already {} {what} named {name}; choose another name.",
                article(what)
            ),
            E::TooMany { what, max } => {
                write!(
                    f,
                    "A workspace holds at most {max} {what}; delete one first."
                )
            }
            E::Invalid { field, reason } => write!(f, "{field}: {reason}"),
            E::Refused(reason) => f.write_str(reason),
            E::Expression { field, message } => write!(f, "{field}: {message}"),
            E::InUse {
                subject,
                reason,
                remedy,
            } => write!(f, "{subject} {reason}. {remedy}"),
            E::Json {
                what,
                line,
                column,
                message,
            } => write!(
                f,
                "{what} are not valid JSON at line {line}, column {column}: {message}."
            ),
        }
    }
}

impl TaskRouterError {
    /// Whether the refusal is about the values typed (which the person corrects in the same
    /// form), rather than about the state things are in.
    pub fn concerns_input(&self) -> bool {
        matches!(
            self,
            TaskRouterError::NameTaken { .. }
                | TaskRouterError::Invalid { .. }
                | TaskRouterError::Expression { .. }
                | TaskRouterError::Json { .. }
        )
    }
}

/// "an" before a vowel sound ("an activity"), else "a".
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Names listed for a sentence: "Lucas Martin", "Lucas Martin and Chloe Nguyen",
/// "Lucas Martin, Chloe Nguyen and 3 others".
pub fn list_names(names: &[String], total: usize) -> String {
    let shown = names.len().min(total);
    let rest = total - shown;
    match (shown, rest) {
        (0, _) => format!("{total}"),
        (1, 0) => names[0].clone(),
        (n, 0) => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        (n, 1) => format!("{} and 1 other", names[..n].join(", ")),
        (n, r) => format!("{} and {r} others", names[..n].join(", ")),
    }
}
