//! Flex in an account: the instance and what it provisions, its plan and settings, Flex users
//! (TaskRouter workers) and how they log in (from the Console or by SSO), Insights roles,
//! Active User Hours, and the Flex UI's views by Flex role.

pub mod active_hours;
pub mod address;
pub(crate) mod apply_address;
pub(crate) mod apply_flex;
pub(crate) mod apply_skills;
pub mod insights;
pub mod instance;
pub mod queries;
pub mod skills;
pub mod sso;
pub mod view;
pub mod worker;

pub use active_hours::*;
pub use address::*;
pub use insights::*;
pub use instance::*;
pub use queries::*;
pub use skills::*;
pub use sso::*;
pub use view::*;
pub use worker::*;
