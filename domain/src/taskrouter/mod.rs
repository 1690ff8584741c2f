//! TaskRouter, the routing engine under Flex: the workspace with its activities, task
//! channels, task queues, workflows and workers, and the rules for setting them up.

pub mod activity;
pub(crate) mod apply_taskrouter;
pub(crate) mod apply_tasks;
pub mod channel;
pub mod command;
pub mod contact;
pub mod desk;
pub mod error;
pub mod event;
pub mod explain;
pub mod expression;
pub mod matching;
pub mod ordering;
pub mod queue;
pub mod routing;
pub mod stats;
pub mod story;
pub mod task;
pub mod task_command;
pub mod traffic;
pub(crate) mod validate;
pub mod workflow;
pub mod workspace;

pub use activity::*;
pub use channel::*;
pub use command::*;
pub use contact::NewTask;
pub use desk::*;
pub use error::*;
pub use event::*;
pub use explain::*;
pub use expression::{Attribute, Attributes, Bindings, Expression, ParseError, Scope};
pub use matching::*;
pub use ordering::Ordering;
pub use queue::*;
pub use routing::{Deadline, Load};
pub use stats::*;
pub use story::PathLine;
pub use task::*;
pub use task_command::TaskCommand;
pub use workflow::*;
pub use workspace::*;
