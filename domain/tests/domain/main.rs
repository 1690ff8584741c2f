//! The domain's tests: one binary, a module per topic, in the same rooms as the domain's
//! own folders. It links the domain crate only, no Leptos and no browser, so it builds and
//! runs quickly.
//!
//! The rules come first (one test per business rule, each refusal and its message, by
//! subject), then the shared ground: values, search, what has a SID, import, scale and the
//! property tests.

mod common;

mod activity;
mod flex;
mod identity;
mod products;
mod taskrouter;

mod import;
mod properties;
mod resources;
mod revisions;
mod scale;
mod search;
mod values;
