//! An account's products beside Flex: phone numbers, Studio flows' routing, Functions and
//! Assets, TwiML Bins and the TwiML checker. The commands on them are handled here.

pub(crate) mod apply_products;
pub mod phone_number;
pub mod queries;
pub mod serverless;
pub mod studio;
pub mod twiml;
pub mod twiml_bin;

pub use phone_number::*;
pub use serverless::*;
pub use studio::*;
pub use twiml::*;
pub use twiml_bin::*;
