//! The activity log: every successful command, recorded by [`crate::Console::apply`], read
//! per account or across a signed-in user's accounts, newest first, filtered, with the
//! sentence a person reads for each entry.

mod describe;
pub mod kind;
pub mod query;

pub use kind::*;
pub use query::*;
