//! What the two activity pages share (an account's log and the Console-wide one): their
//! view state in the URL, the filter bar and the table of entries.

pub mod filters;
pub mod query;
pub mod table;
