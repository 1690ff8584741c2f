//! Ready-made Consoles, built through [`crate::Console::apply`] so they are valid by
//! construction: the hand-written demo and the generated scale scenario.

pub mod demo;
mod demo_routing;
pub mod scale;

pub use demo::*;
pub use scale::*;
