//! The domain's tests: one binary, a module per topic. It links the domain crate only, no
//! Leptos and no browser, so it builds and runs quickly.
//!
//! The rules come first (one test per business rule, each refusal and its message), then the
//! permission matrix, values, Flex views, Insights, products, import, scale and the property
//! tests.

mod common;

mod accounts;
mod active_hours;
mod activity;
mod api_keys;
mod flex_setup;
mod invitations;
mod launching;
mod membership;
mod queries;
mod resources;
mod sign_up;
mod sso;
mod tokens;
mod workers;

mod flex_views;
mod import;
mod insights;
mod matrix;
mod products;
mod properties;
mod scale;
mod search;
mod values;
