//! Inside Flex: which views a worker's Flex roles show, and what they may change there.
//!
//! admin sees everything; supervisor sees the agent desktop, teams, queue stats and
//! Insights; agent sees the agent desktop; read-only admin sees the admin dashboard,
//! queue stats and teams and changes nothing. Insights is listed for supervisors too
//! because Insights roles go to admins and supervisors only; whether Insights opens also
//! depends on the plan and the worker's Insights roles (see [`insights_access`]).

use crate::flex::worker::{FlexRole, InsightsRole};
use crate::sid::WorkerSid;
use std::fmt;

/// A view of the Flex UI, each at `/flex/:account_sid/<slug>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlexView {
    /// The worker's own desk: their activity.
    AgentDesktop,
    /// Workers and their activities.
    Teams,
    /// Queue stats: task queues and workers by activity.
    Queues,
    /// The admin dashboard: the Flex configuration and settings.
    Admin,
    /// The admin dashboard's Skills page: the skills catalogue.
    Skills,
    /// Flex Insights (paid plans, Insights roles).
    Insights,
}

impl FlexView {
    /// Every view, in navigation order.
    pub const ALL: [FlexView; 6] = [
        FlexView::AgentDesktop,
        FlexView::Teams,
        FlexView::Queues,
        FlexView::Admin,
        FlexView::Skills,
        FlexView::Insights,
    ];

    /// The URL segment, e.g. "agent-desktop".
    pub fn slug(self) -> &'static str {
        match self {
            FlexView::AgentDesktop => "agent-desktop",
            FlexView::Teams => "teams",
            FlexView::Queues => "queues",
            FlexView::Admin => "admin",
            FlexView::Skills => "admin/skills",
            FlexView::Insights => "insights",
        }
    }

    /// The view's name as Flex shows it.
    pub fn title(self) -> &'static str {
        match self {
            FlexView::AgentDesktop => "Agent desktop",
            FlexView::Teams => "Teams",
            FlexView::Queues => "Queue stats",
            FlexView::Admin => "Admin dashboard",
            FlexView::Skills => "Skills",
            FlexView::Insights => "Insights",
        }
    }

    /// The view with this URL segment, if any.
    pub fn parse(slug: &str) -> Option<FlexView> {
        FlexView::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

/// Whether Teams offers `me` a control for `worker`'s activity: a worker changes their own
/// status from the status in the top bar, so Teams offers only the others' (asking
/// `ChangeAgentActivity` whether `me` may).
pub fn activity_changed_in_teams(me: &WorkerSid, worker: &WorkerSid) -> bool {
    me != worker
}

/// Whether one Flex role shows a view.
fn role_sees(role: FlexRole, view: FlexView) -> bool {
    use FlexView as V;
    match role {
        FlexRole::Admin => true,
        FlexRole::Supervisor => {
            matches!(view, V::AgentDesktop | V::Teams | V::Queues | V::Insights)
        }
        FlexRole::Agent => view == V::AgentDesktop,
        FlexRole::ReadOnlyAdmin => matches!(view, V::Admin | V::Skills | V::Queues | V::Teams),
    }
}

/// Whether a worker with these Flex roles may see the view (any one role suffices).
pub fn visible(roles: &[FlexRole], view: FlexView) -> bool {
    roles.iter().any(|&r| role_sees(r, view))
}

/// The Flex roles that show a view, for the "not available" page.
pub fn roles_seeing(view: FlexView) -> Vec<FlexRole> {
    FlexRole::ALL
        .into_iter()
        .filter(|&r| role_sees(r, view))
        .collect()
}

/// The views these roles show, in navigation order.
pub fn visible_views(roles: &[FlexRole]) -> Vec<FlexView> {
    FlexView::ALL
        .into_iter()
        .filter(|&v| visible(roles, v))
        .collect()
}

/// Where a worker lands on entering Flex: the agent desktop for everyone who takes work
/// (admins, supervisors and agents: work rings there), else the admin dashboard (read-only
/// admins), else the first view they see.
pub fn landing(roles: &[FlexRole]) -> Option<FlexView> {
    [FlexView::AgentDesktop, FlexView::Admin]
        .into_iter()
        .find(|&v| visible(roles, v))
        .or_else(|| visible_views(roles).into_iter().next())
}

/// Something a worker might change from inside Flex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlexChange {
    /// Their own activity (status) on the agent desktop.
    OwnActivity,
    /// Other agents (their activity or skills) from Teams.
    OtherAgents,
    /// The skills catalogue, from the admin dashboard.
    Skills,
    /// Taking and handling tasks on the agent desktop.
    Tasks,
    /// Queues' service level thresholds, from queue stats.
    ServiceLevels,
}

impl FlexChange {
    /// What is changed, as the object of "cannot change ...".
    fn object(self) -> &'static str {
        match self {
            FlexChange::OwnActivity => "their own status",
            FlexChange::OtherAgents => "other agents",
            FlexChange::Skills => "the skills catalogue",
            FlexChange::Tasks => "tasks",
            FlexChange::ServiceLevels => "service levels",
        }
    }

    /// The Flex roles that may make the change.
    pub fn roles(self) -> &'static [FlexRole] {
        match self {
            FlexChange::OwnActivity => &[FlexRole::Admin, FlexRole::Supervisor, FlexRole::Agent],
            FlexChange::OtherAgents => &[FlexRole::Admin, FlexRole::Supervisor],
            FlexChange::Skills | FlexChange::ServiceLevels => &[FlexRole::Admin],
            FlexChange::Tasks => &[FlexRole::Admin, FlexRole::Supervisor, FlexRole::Agent],
        }
    }
}

/// Why a worker may not make a change inside Flex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeRefused {
    /// Read-only admins view and never change.
    ReadOnlyAdmin(FlexChange),
    /// The change needs another Flex role.
    NeedsRole(FlexChange),
}

impl fmt::Display for ChangeRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeRefused::ReadOnlyAdmin(FlexChange::Tasks) => {
                f.write_str("Read-only admins cannot take or handle tasks.")
            }
            ChangeRefused::ReadOnlyAdmin(change) => {
                write!(f, "Read-only admins cannot change {}.", change.object())
            }
            ChangeRefused::NeedsRole(change) => {
                let object = match change {
                    FlexChange::OwnActivity => "Changing your own status",
                    FlexChange::OtherAgents => "Changing other agents",
                    FlexChange::Skills => "Managing the skills catalogue",
                    FlexChange::Tasks => "Handling tasks",
                    FlexChange::ServiceLevels => "Changing service levels",
                };
                write!(
                    f,
                    "{object} needs the {} Flex role.",
                    describe(change.roles())
                )
            }
        }
    }
}

/// Whether a worker with these Flex roles may make the change; read-only admin wins over
/// any other role, as the domain's activity rule does.
pub fn may_change(roles: &[FlexRole], change: FlexChange) -> Result<(), ChangeRefused> {
    if roles.contains(&FlexRole::ReadOnlyAdmin) {
        return Err(ChangeRefused::ReadOnlyAdmin(change));
    }
    if roles.iter().any(|r| change.roles().contains(r)) {
        Ok(())
    } else {
        Err(ChangeRefused::NeedsRole(change))
    }
}

/// Whether Flex Insights opens for a worker, or why not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InsightsAccess {
    /// It opens.
    Open,
    /// The Flex plan is a trial: Insights needs a paid plan.
    NeedsPaidPlan,
    /// The worker holds no Insights role.
    NeedsInsightsRole,
}

/// Insights needs a paid plan first, then an Insights role.
pub fn insights_access(paid: bool, insights_roles: &[InsightsRole]) -> InsightsAccess {
    if !paid {
        InsightsAccess::NeedsPaidPlan
    } else if insights_roles.is_empty() {
        InsightsAccess::NeedsInsightsRole
    } else {
        InsightsAccess::Open
    }
}

/// Role names joined for a sentence: "admin, supervisor or agent".
pub fn describe(roles: &[FlexRole]) -> String {
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}
