//! Each entry as a person reads it: who acted and what happened, in one sentence.

use crate::activity::query::person;
use crate::console::Console;
use crate::error::DomainError;
use crate::event::{Event, EventKind};
use crate::identity::actor::Actor;
use crate::identity::capability::LaunchOutcome;
use crate::products::phone_number::national_format;
use crate::resources::ResourceKind;
use crate::sid::{AccountSid, UserSid};
use crate::taskrouter::event::TaskRouterEvent;

impl Console {
    /// Who an entry is by, as a person reads it (see [`person`]).
    pub fn person_name(&self, event: &Event) -> String {
        self.actor_name(&person(event))
    }

    /// Who acted, as a person reads it: "Maria Garcia", "lucas@acme.example (SSO)".
    pub fn actor_name(&self, actor: &Actor) -> String {
        match actor {
            Actor::User(sid) => self.user_name(sid),
            Actor::Email(email) => email.to_string(),
            Actor::Sso(assertion) => format!("{} (SSO)", assertion.display_name()),
            Actor::Clock => "TaskRouter".to_owned(),
            Actor::Simulator => "Simulated traffic".to_owned(),
        }
    }

    /// The name the account's activity log last gave the resource `sid` (a deleted key, bin,
    /// flow or worker, a released number), newest entry first; None when it never named it.
    pub(crate) fn name_in_log(&self, account: &AccountSid, sid: &str) -> Option<String> {
        use EventKind as E;
        let entries = self.index.activity_of_account.get(account)?;
        entries.iter().rev().find_map(|&i| {
            let (named, name) = match &self.activity.get(i)?.kind {
                E::ApiKeyCreated {
                    key, friendly_name, ..
                }
                | E::ApiKeyDeleted { key, friendly_name } => (key.as_str(), friendly_name.clone()),
                E::ApiKeyRenamed { key, to, .. } => (key.as_str(), to.clone()),
                E::TwimlBinCreated { bin, friendly_name }
                | E::TwimlBinUpdated { bin, friendly_name }
                | E::TwimlBinDeleted { bin, friendly_name } => {
                    (bin.as_str(), friendly_name.clone())
                }
                E::StudioFlowDeleted {
                    flow,
                    friendly_name,
                    ..
                } => (flow.as_str(), friendly_name.clone()),
                E::PhoneNumberBought {
                    number,
                    phone_number,
                }
                | E::PhoneNumberReleased {
                    number,
                    phone_number,
                }
                | E::PhoneNumberRouted {
                    number,
                    phone_number,
                    ..
                } => (number.as_str(), national_format(phone_number)),
                E::WorkerDeleted {
                    worker,
                    email,
                    full_name,
                } => {
                    let name = if full_name.is_empty() {
                        email.to_string()
                    } else {
                        full_name.clone()
                    };
                    (worker.as_str(), name)
                }
                _ => return None,
            };
            (named == sid).then_some(name)
        })
    }

    /// The refusal for the resource `sid` of `kind` that `account` does not hold: named as
    /// the log last named it when it was deleted there.
    pub(crate) fn missing(
        &self,
        account: &AccountSid,
        kind: ResourceKind,
        sid: &str,
    ) -> DomainError {
        DomainError::Missing {
            kind,
            sid: sid.to_owned(),
            gone: self.name_in_log(account, sid),
        }
    }

    pub(crate) fn user_name(&self, sid: &UserSid) -> String {
        self.user(sid)
            .map_or_else(|| sid.to_string(), |u| u.full_name.clone())
    }

    /// A worker of the event's account by name, or by SID once it is gone.
    fn worker_name(&self, event: &Event, worker: &crate::sid::WorkerSid) -> String {
        event
            .account
            .as_ref()
            .and_then(|a| self.worker(a, worker))
            .map_or_else(|| worker.to_string(), |w| w.full_name.clone())
    }

    /// What happened, as one sentence, e.g. "Bought (415) 555-0100".
    pub fn describe(&self, event: &Event) -> String {
        use EventKind as E;
        let kind = &event.kind;
        let number = |n: &str| national_format(n);
        match kind {
            E::SignedUp { email, .. } => format!("Signed up as {email}"),
            E::AccountCreated {
                friendly_name,
                account_type,
                ..
            } => format!("Created the {account_type} account {friendly_name}"),
            E::AccountRenamed { from, to } => format!("Renamed the account from {from} to {to}"),
            E::AccountSuspended => "Suspended the account".into(),
            E::AccountReactivated => "Reactivated the account".into(),
            E::AccountClosed => "Closed the account".into(),
            E::Invited { email, roles, .. } => format!("Invited {email} as {roles}"),
            E::InvitationResent { email, .. } => format!("Resent the invitation to {email}"),
            E::InvitationRevoked { email, .. } => format!("Revoked the invitation to {email}"),
            E::InvitationAccepted { user, roles, .. } => format!(
                "{} accepted the invitation as {roles}",
                self.user_name(user)
            ),
            E::RolesChanged { user, from, to } => format!(
                "Changed the roles of {} from {from} to {to}",
                self.user_name(user)
            ),
            E::MemberRemoved { user } => format!("Removed {}", self.user_name(user)),
            E::MemberLeft { user } => format!("{} left the account", self.user_name(user)),
            E::OwnershipTransferred { to, .. } => {
                format!("Transferred ownership to {}", self.user_name(to))
            }
            E::SecondaryTokenCreated => "Created a secondary Auth Token".into(),
            E::SecondaryTokenPromoted => "Promoted the secondary Auth Token to primary".into(),
            E::SecondaryTokenDeleted => "Deleted the secondary Auth Token".into(),
            E::ApiKeyCreated {
                friendly_name,
                key_type,
                ..
            } => format!("Created the {key_type} API key {friendly_name}"),
            E::ApiKeyRenamed { from, to, .. } => format!("Renamed the API key {from} to {to}"),
            E::ApiKeyDeleted { friendly_name, .. } => {
                format!("Deleted the API key {friendly_name}")
            }
            E::FlexInstanceCreated { instance, .. } => format!("Set up Flex ({instance})"),
            E::FlexSettingsUpdated { .. } => "Changed the Flex settings".into(),
            E::PlanUpgraded { .. } => "Upgraded Flex to a paid plan".into(),
            E::FlexLaunched {
                outcome,
                worker_created,
                ..
            } => {
                let how = match outcome {
                    LaunchOutcome::ReadOnlyAdmin => " as read-only admin",
                    _ => "",
                };
                let first = if *worker_created {
                    " (worker created)"
                } else {
                    ""
                };
                format!("Launched Flex{how}{first}")
            }
            E::SsoLoggedIn {
                worker_created,
                insights_dropped,
                ..
            } => {
                let first = if *worker_created {
                    " (worker created)"
                } else {
                    ""
                };
                let dropped = insights_dropped.as_ref().map_or(String::new(), |d| {
                    format!("; Insights roles {} not applied", d.roles.join(", "))
                });
                format!("Logged in to Flex with SSO{first}{dropped}")
            }
            E::InsightsRolesSet { roles, worker } => {
                let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                let list = if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join(", ")
                };
                format!(
                    "Set the Insights roles of {} to {list}",
                    self.worker_name(event, worker)
                )
            }
            E::WorkerDeleted { email, .. } => format!("Deleted the worker {email}"),
            E::WorkerActivitySet { activity_name, .. } => {
                format!("Set their activity to {activity_name}")
            }
            E::AgentActivityChanged {
                worker,
                activity_name,
                ..
            } => format!(
                "Set the activity of {} to {activity_name}",
                self.worker_name(event, worker)
            ),
            E::TaskRouter { change } => self.describe_taskrouter(event, change),
            E::Task { change } => format!("{change:?}"),
            E::SkillCreated { name } => format!("Added the skill {name}"),
            E::ServiceLevelSet { queue, threshold } => {
                format!("Set the service level threshold of {queue} to {threshold} s")
            }
            E::SkillUpdated { name } => format!("Changed the skill {name}"),
            E::SkillDeleted { name } => format!("Deleted the skill {name}"),
            E::AgentSkillsSet { worker, skills } => {
                let who = self.worker_name(event, worker);
                if skills.is_empty() {
                    format!("Took every skill from {who}")
                } else {
                    format!("Gave {who} the skills {}", skills.join(", "))
                }
            }
            E::PhoneNumberBought { phone_number, .. } => {
                format!("Bought {}", number(phone_number))
            }
            E::PhoneNumberReleased { phone_number, .. } => {
                format!("Released {}", number(phone_number))
            }
            E::PhoneNumberRouted {
                phone_number,
                flow_name,
                ..
            } => match flow_name {
                Some(flow) => format!("Routed {} to the Studio flow {flow}", number(phone_number)),
                None => format!("Stopped routing {} to a Studio flow", number(phone_number)),
            },
            E::StudioFlowDeleted {
                friendly_name,
                numbers_unrouted,
                flex_flows_unrouted,
                addresses_unrouted,
                ..
            } => {
                let mut unrouted: Vec<String> =
                    numbers_unrouted.iter().map(|n| number(n)).collect();
                unrouted.extend(flex_flows_unrouted.iter().cloned());
                unrouted.extend(addresses_unrouted.iter().cloned());
                if unrouted.is_empty() {
                    format!("Deleted the Studio flow {friendly_name}")
                } else {
                    format!(
                        "Deleted the Studio flow {friendly_name}; no longer routed: {}",
                        unrouted.join(", ")
                    )
                }
            }
            E::StudioFlowUpdated {
                friendly_name,
                workflow_name,
                ..
            } => match workflow_name {
                Some(w) => format!(
                    "Set the Studio flow {friendly_name} to send contacts to Flex with the workflow {w}"
                ),
                None => format!("Removed the Send to Flex step of the Studio flow {friendly_name}"),
            },
            E::AddressCreated {
                label, flow_name, ..
            } => match flow_name {
                Some(flow) => {
                    format!("Added the Conversations address {label}, handing messages to {flow}")
                }
                None => format!("Added the Conversations address {label}"),
            },
            E::AddressRouted {
                label, flow_name, ..
            } => match flow_name {
                Some(flow) => format!("Routed the Conversations address {label} to {flow}"),
                None => format!("Stopped routing the Conversations address {label}"),
            },
            E::AddressDeleted { label, .. } => {
                format!("Deleted the Conversations address {label}")
            }
            E::TwimlBinCreated { friendly_name, .. } => {
                format!("Created the TwiML Bin {friendly_name}")
            }
            E::TwimlBinUpdated { friendly_name, .. } => {
                format!("Changed the TwiML Bin {friendly_name}")
            }
            E::TwimlBinDeleted { friendly_name, .. } => {
                format!("Deleted the TwiML Bin {friendly_name}")
            }
        }
    }

    /// A TaskRouter change as one sentence, e.g. "Created the task queue Sales".
    fn describe_taskrouter(&self, event: &Event, change: &TaskRouterEvent) -> String {
        use TaskRouterEvent as T;
        match change {
            T::ActivityCreated {
                name, available, ..
            } => {
                let kind = if *available {
                    "available"
                } else {
                    "unavailable"
                };
                format!("Created the {kind} activity {name}")
            }
            T::ActivityRenamed { from, to, .. } => {
                format!("Renamed the activity {from} to {to}")
            }
            T::ActivityDeleted { name, .. } => format!("Deleted the activity {name}"),
            T::WorkspaceActivitiesSet {
                default_activity,
                timeout_activity,
            } => format!(
                "Set the default activity to {default_activity} and the timeout activity to {timeout_activity}"
            ),
            T::TaskChannelCreated { unique_name, .. } => {
                format!("Created the task channel {unique_name}")
            }
            T::TaskChannelDeleted { unique_name, .. } => {
                format!("Deleted the task channel {unique_name}")
            }
            T::TaskQueueCreated { name, .. } => format!("Created the task queue {name}"),
            T::TaskQueueUpdated { name, .. } => format!("Changed the task queue {name}"),
            T::TaskQueueDeleted { name, .. } => format!("Deleted the task queue {name}"),
            T::WorkflowCreated { name, .. } => format!("Created the workflow {name}"),
            T::WorkflowUpdated { name, .. } => format!("Changed the workflow {name}"),
            T::WorkflowDeleted { name, .. } => format!("Deleted the workflow {name}"),
            T::WorkerAttributesSet { worker } => format!(
                "Changed the attributes of {}",
                self.worker_name(event, worker)
            ),
            T::WorkerChannelSet {
                worker,
                channel,
                capacity,
                available,
            } => {
                let who = self.worker_name(event, worker);
                if *available {
                    format!("Set the {channel} capacity of {who} to {capacity}")
                } else {
                    format!("Switched {channel} off for {who} (capacity {capacity} kept)")
                }
            }
        }
    }
}
