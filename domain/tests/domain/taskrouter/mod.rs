//! TaskRouter: its expression language (syntax, meaning, properties), setting the workspace
//! up, workers' attributes and capacity, skills, and where a task would go.

mod center;
mod contacts;
mod desk;
mod expression_meaning;
mod expression_properties;
mod expression_syntax;
mod routing;
mod setup;
mod tasks;
mod traffic;
mod workers;
