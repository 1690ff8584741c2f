//! Flex: set-up, launching from the Console, SSO, workers, the Flex UI's views, Insights and
//! Active User Hours.

mod active_hours;
mod insights;
mod launching;
mod setup;
mod sso;
mod views;
mod workers;
