//! TaskRouter, the routing engine under Flex: the workspace with its activities, task
//! channels, task queues, workflows and workers.

pub mod expression;
pub mod workspace;

pub use expression::{Attribute, Attributes, Bindings, Expression, ParseError, Scope};
pub use workspace::*;
