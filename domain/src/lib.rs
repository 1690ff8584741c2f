//! The domain core of Flex Console: a pure-Rust model of the Twilio Console's Flex
//! administration and of the contact center it runs.
//!
//! Start here: a [`Console`] is the whole state; everything changes through
//! [`Console::apply`] (`apply.rs`), which checks the actor's capability, then the rules, and
//! only then changes the state, returning an [`Event`] (`event.rs`) for a [`Command`]
//! (`command.rs`); [`Console::check`] gives the same answer without changing anything, so
//! pages ask it before a control is pressed. Queries are plain methods on [`Console`], next
//! to their subject. The state serializes with serde; load it with [`Console::from_json`],
//! which rebuilds the indexes and validates every rule.
//!
//! The subjects, a folder each, with the commands they handle:
//! - [`identity`]: accounts, Console users, roles and the permission matrix, invitations,
//!   Auth Tokens and API keys, which pages a person may open;
//! - [`flex`]: the Flex instance and what it provisions, plans, Flex users and their logins,
//!   SSO, Insights, Active User Hours, the Flex UI's views;
//! - [`taskrouter`]: the workspace Flex routes with;
//! - [`products`]: phone numbers, Studio, Functions, TwiML Bins;
//! - [`activity`]: the log of every change and its queries;
//! - [`scenarios`]: the demo and the scale scenario.
//!
//! The shared ground sits beside this file: SIDs (`sid.rs`), time (`time.rs`), the
//! injected random source (`random.rs`), search (`search.rs`), errors (`error.rs`),
//! reading and checking a saved state (`import.rs`, `validate.rs`), what has a SID
//! (`resources.rs`), the revisions edit forms carry (`revision.rs`) and how numbers and
//! nouns are written in sentences (`words.rs`).
#![warn(missing_docs)]

pub mod activity;
pub mod flex;
pub mod identity;
pub mod products;
pub mod scenarios;
pub mod taskrouter;

mod apply;
pub mod command;
pub mod console;
pub mod error;
pub mod event;
mod import;
pub mod random;
pub mod resources;
pub mod revision;
pub mod search;
pub mod sid;
pub mod time;
mod validate;
pub mod words;

pub use activity::{ActivityChoices, ActivityFilter, ActivityKind};
pub use command::Command;
pub use console::Console;
pub use error::{DomainError, ImportError, ValidationError};
pub use event::{DroppedRoles, Event, EventKind};
pub use flex::{
    ActiveUserHours, AddressType, BillingModel, ChangeRefused, ConversationsAddress, FlexChange,
    FlexInstance, FlexOverview, FlexPlan, FlexRole, FlexSettings, FlexView, Hours, InsightsAccess,
    InsightsRole, Skill, SsoAssertion, Worker, WorkerAttributes, insights_allowed, may_change,
    visible,
};
pub use identity::{
    API_KEY_NAME_MAX, Account, AccountPage, AccountStatus, AccountType, Actor, ApiKey,
    ApiKeySecret, ApiKeyType, AuthToken, Capability, ConsoleRole, ConsoleUser, Email, EmailError,
    Invitation, InvitationId, InvitationStatus, LaunchOutcome, Member, MemberRow, PageGroup,
    RoleSet, RoleSetError, can, capabilities_of, describe_roles, launch_outcome, roles_granting,
};
pub use import::{json_path_at, plain_words};
pub use products::{
    AvailableNumber, DEFAULT_MESSAGE_ATTRIBUTES, DEFAULT_VOICE_ATTRIBUTES, FunctionsService,
    MAX_SEND_TO_FLEX_ATTRIBUTES, NumberCapabilities, PhoneNumber, SendToFlex, ServerlessFile,
    ServerlessKind, StudioFlow, TwimlBin, TwimlError, Visibility, check_twiml, national_format,
};
pub use revision::Revision;
pub use scenarios::DEMO_NOW;
pub use sid::*;
pub use taskrouter::{
    Candidate, ChannelRoom, DeskAction, DeskTask, Filter, FilterMatch, MAX_WORKERS, NotOffered,
    PathEntry, PathEvent, Presence, QueueDay, QueueMatch, QueueNow, Reservation, ReservationStatus,
    RoutingAnswer, StepAnswer, StepMatch, StepOutcome, Target, Task, TaskCommand, TaskHidden,
    TaskOrder, TaskQueueSpec, TaskRouterCommand, TaskRouterError, TaskRouterEvent, TaskStatus,
    WorkflowConfiguration, WorkflowSpec,
    contact::NewTask,
    read_task_attributes,
    traffic::{ChannelMix, Traffic, TrafficSettings},
};
pub use time::{Date, DateError, DateRange, DateRangeError, Timestamp};
