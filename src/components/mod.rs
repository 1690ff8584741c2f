//! Reusable pieces of the Console.

pub mod link;
pub mod shell;
pub mod theme_toggle;
pub mod store_banner;
