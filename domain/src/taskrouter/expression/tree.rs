//! The parsed tree of an expression: conditions, comparisons and what they compare.

/// A condition: one comparison, or several joined by AND or by OR.
///
/// `All` and `Any` hold at least two conditions. The parser makes a chain such as
/// `a AND b AND c` one `All` of three; a parenthesised group stays a nested condition, so
/// `a AND (b AND c)` is an `All` holding an `All`, and prints back with its parentheses.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// `left operator right`, e.g. `routing.skills HAS 'sales'`.
    Compare {
        /// What is on the left of the operator.
        left: Operand,
        /// The operator.
        operator: Operator,
        /// What is on the right of the operator.
        right: Operand,
    },
    /// Every condition holds (`AND`).
    All(Vec<Condition>),
    /// At least one condition holds (`OR`).
    Any(Vec<Condition>),
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// A string, number, boolean or `null` written in the expression.
    Constant(Constant),
    /// A list written in the expression, e.g. `["en","es"]`.
    List(Vec<Constant>),
    /// An attribute of the task or of the worker, e.g. `routing.skills`.
    Attribute(Key),
    /// A `taskrouter.` variable read from the Console clock, e.g. `taskrouter.dayOfWeek`.
    Clock(Clock),
    /// A Skip If count of the step's queue's workers: `workers.available`,
    /// `workers.unavailable` or `workers.WA…` (in that activity); holds the part after
    /// `workers.`.
    Workers(String),
}

/// A constant written in an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `null`, equal to a missing key.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, integer or not (`0800` is 800); never negative, always finite.
    Number(f64),
    /// A string, written in single or double quotes.
    Text(String),
}

/// An attribute read by an expression: whose, and the path within their attributes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The task's attributes or the worker's.
    pub of: Subject,
    /// The path, e.g. `routing`, `skills` for `routing.skills`; never empty, and it starts
    /// with a name.
    pub path: Vec<Segment>,
}

/// Whose attributes a [`Key`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    /// The task's (bare keys of a workflow filter, `task.` in a routing step).
    Task,
    /// The worker's (bare keys of a queue expression, `worker.` in a routing step).
    Worker,
}

/// One step of a key's path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A property name, after a dot (or first).
    Name(String),
    /// A zero-based array index, `[2]`.
    Index(usize),
}

/// A `taskrouter.` variable: the Console clock's time, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Clock {
    /// `taskrouter.currentTime`: hours and minutes as one number, HHMM (08:30 is 830).
    CurrentTime,
    /// `taskrouter.currentHour`: the hour, 0 to 23, compared as a number.
    CurrentHour,
    /// `taskrouter.currentMin`: the minute, 0 to 59, compared as a number.
    CurrentMin,
    /// `taskrouter.dayOfWeek`: `Mon`, `Tue`, `Wed`, `Thu`, `Fri`, `Sat` or `Sun`.
    DayOfWeek,
}

impl Clock {
    /// Every variable, in the order the documentation lists them.
    pub const ALL: [Clock; 4] = [
        Clock::CurrentTime,
        Clock::CurrentHour,
        Clock::CurrentMin,
        Clock::DayOfWeek,
    ];

    /// Its name after `taskrouter.`.
    pub fn name(self) -> &'static str {
        match self {
            Clock::CurrentTime => "currentTime",
            Clock::CurrentHour => "currentHour",
            Clock::CurrentMin => "currentMin",
            Clock::DayOfWeek => "dayOfWeek",
        }
    }
}

/// A comparison's operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    /// `==`, also written `=`.
    Equal,
    /// `!=`.
    NotEqual,
    /// `>`.
    Greater,
    /// `>=`.
    GreaterOrEqual,
    /// `<`.
    Less,
    /// `<=`.
    LessOrEqual,
    /// `CONTAINS`: the string on the left contains the string on the right.
    Contains,
    /// `HAS`: the array on the left holds the value on the right.
    Has,
    /// `IN`: the value on the left is in the array on the right.
    In,
    /// `NOT IN`: the value on the left is not in the array on the right.
    NotIn,
}

impl Operator {
    /// Every operator.
    pub const ALL: [Operator; 10] = [
        Operator::Equal,
        Operator::NotEqual,
        Operator::Greater,
        Operator::GreaterOrEqual,
        Operator::Less,
        Operator::LessOrEqual,
        Operator::Contains,
        Operator::Has,
        Operator::In,
        Operator::NotIn,
    ];

    /// How it is written (canonically: `==`, never `=`; keywords in capitals).
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Equal => "==",
            Operator::NotEqual => "!=",
            Operator::Greater => ">",
            Operator::GreaterOrEqual => ">=",
            Operator::Less => "<",
            Operator::LessOrEqual => "<=",
            Operator::Contains => "CONTAINS",
            Operator::Has => "HAS",
            Operator::In => "IN",
            Operator::NotIn => "NOT IN",
        }
    }
}
