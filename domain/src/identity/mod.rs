//! Who is who and who may do what: accounts, Console users, their roles and the permission
//! matrix, invitations, Auth Tokens and API keys, and which pages of an account a person may
//! open. The commands on them (sign-up, accounts, membership, credentials) are handled here.

pub mod account;
pub mod actor;
pub mod api_key;
pub(crate) mod apply_account;
pub(crate) mod apply_api_keys;
pub(crate) mod apply_members;
pub mod capability;
pub mod email;
pub mod invitation;
pub(crate) mod name;
pub mod page;
pub mod queries;
pub mod roles;
pub mod token;
pub mod user;

pub use account::*;
pub use actor::*;
pub use api_key::*;
pub use capability::*;
pub use email::*;
pub use invitation::*;
pub use page::*;
pub use queries::*;
pub use roles::*;
pub use token::*;
pub use user::*;
