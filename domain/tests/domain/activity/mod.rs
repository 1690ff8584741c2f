//! The activity log: what is recorded and how it is read.

mod log;
