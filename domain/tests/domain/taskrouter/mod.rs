//! TaskRouter: its expression language (syntax, meaning, properties).

mod expression_meaning;
mod expression_properties;
mod expression_syntax;
