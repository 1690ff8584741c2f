//! One module per route.

pub mod account;
pub mod accounts;
pub mod activity;
pub mod data;
pub mod flex;
pub mod not_found;
pub mod sign_in;
pub mod sso;
pub mod users;
