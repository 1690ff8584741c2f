//! One module per route.

pub mod account;
pub mod accounts;
pub mod data;
pub mod not_found;
pub mod sign_in;
pub mod users;
