//! TaskRouter, the routing engine under Flex: the workspace with its activities, task
//! channels, task queues, workflows and workers.

pub mod workspace;

pub use workspace::*;
