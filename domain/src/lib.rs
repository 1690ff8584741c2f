//! The domain core of Flex Console: a pure-Rust model of the Twilio Console's Flex
//! administration (accounts, Console users and roles, invitations, Auth Tokens, Flex
//! instances, plans, workers and SSO).
//!
//! Everything changes through [`Console::apply`], which checks the actor's capability,
//! then the rules, and only then changes the state, returning an [`Event`];
//! [`Console::check`] gives the same answer without changing anything, so pages ask it
//! before a control is pressed. Queries are plain methods on [`Console`]. The state serializes with serde; load it with
//! [`Console::from_json`], which rebuilds the indexes and validates every rule.
#![warn(missing_docs)]

pub mod account;
pub mod active_hours;
pub mod activity;
pub mod actor;
pub mod api_key;
mod apply;
mod apply_account;
mod apply_api_keys;
mod apply_flex;
mod apply_members;
mod apply_products;
pub mod capability;
pub mod command;
pub mod console;
pub mod demo;
pub mod email;
pub mod error;
pub mod event;
pub mod flex;
pub mod flex_view;
mod import;
pub mod insights;
pub mod invitation;
mod name;
pub mod page;
pub mod phone_number;
pub mod queries;
pub mod random;
pub mod resources;
pub mod roles;
pub mod scale;
pub mod search;
pub mod serverless;
pub mod sid;
pub mod sso;
pub mod time;
pub mod token;
pub mod twiml;
pub mod twiml_bin;
pub mod user;
mod validate;
pub mod worker;

pub use account::{Account, AccountStatus, AccountType, Member};
pub use active_hours::{ActiveUserHours, Hours};
pub use activity::{ActivityChoices, ActivityFilter, ActivityKind};
pub use actor::Actor;
pub use api_key::{API_KEY_NAME_MAX, ApiKey, ApiKeySecret, ApiKeyType};
pub use capability::{
    Capability, LaunchOutcome, can, capabilities_of, launch_outcome, roles_granting,
};
pub use command::Command;
pub use console::Console;
pub use demo::DEMO_NOW;
pub use email::{Email, EmailError};
pub use error::{DomainError, ImportError, ValidationError};
pub use event::{DroppedRoles, Event, EventKind};
pub use flex::{BillingModel, FlexInstance, FlexPlan, FlexSettings, MAX_WORKERS};
pub use flex_view::{ChangeRefused, FlexChange, FlexView, InsightsAccess, may_change, visible};
pub use import::json_path_at;
pub use insights::insights_allowed;
pub use invitation::{Invitation, InvitationId, InvitationStatus};
pub use page::{AccountPage, PageGroup};
pub use phone_number::{AvailableNumber, NumberCapabilities, PhoneNumber, national_format};
pub use queries::{FlexOverview, MemberRow};
pub use roles::{ConsoleRole, RoleSet, RoleSetError, describe_roles};
pub use serverless::{FunctionsService, ServerlessFile, ServerlessKind, Visibility};
pub use sid::*;
pub use sso::SsoAssertion;
pub use time::{Date, DateError, DateRange, DateRangeError, Timestamp};
pub use token::AuthToken;
pub use twiml::{TwimlError, check_twiml};
pub use twiml_bin::TwimlBin;
pub use user::ConsoleUser;
pub use worker::{FlexRole, InsightsRole, Worker, WorkerAttributes};
