//! TaskRouter, the routing engine under Flex: the workspace with its activities, task
//! channels, task queues, workflows and workers, and the rules for setting them up.

pub mod activity;
pub(crate) mod apply_taskrouter;
pub mod channel;
pub mod command;
pub mod error;
pub mod event;
pub mod explain;
pub mod expression;
pub mod matching;
pub mod ordering;
pub mod queue;
pub(crate) mod validate;
pub mod workflow;
pub mod workspace;

pub use activity::*;
pub use channel::*;
pub use command::*;
pub use error::*;
pub use event::*;
pub use explain::*;
pub use expression::{Attribute, Attributes, Bindings, Expression, ParseError, Scope};
pub use matching::*;
pub use ordering::Ordering;
pub use queue::*;
pub use workflow::*;
pub use workspace::*;
