//! Commands on Flex: set-up, settings, plan, logins and workers.

use crate::apply::{Checked, Ctx, change, check_status};
use crate::command::Command;
use crate::console::Console;
use crate::error::DomainError;
use crate::event::{DroppedRoles, EventKind};
use crate::flex::insights::insights_allowed;
use crate::flex::instance::{
    BillingModel, FREE_ACTIVE_USER_HOURS, FlexInstance, FlexPlan, FlexSettings,
};
use crate::flex::view::{FlexChange, may_change};
use crate::flex::worker::{FlexRole, InsightsRole, LoginVia, Skills, Worker, console_login_roles};
use crate::identity::account::AccountType;
use crate::identity::actor::Actor;
use crate::identity::capability::{Capability, LaunchOutcome, launch_outcome};
use crate::identity::email::Email;
use crate::identity::name::{PAYMENT_METHOD_MAX, PERSON_NAME_MAX};
use crate::resources::ResourceKind;
use crate::revision::Revision;
use crate::sid::{AccountSid, ActivitySid, UserSid, WorkerSid};
use crate::time::Timestamp;
use std::collections::BTreeMap;

/// Who is logging in to Flex and with which roles.
struct Login {
    identity: Email,
    full_name: String,
    flex_roles: Vec<FlexRole>,
    insights_roles: Vec<InsightsRole>,
    via: LoginVia,
}

impl Console {
    /// Setting up Flex needs project settings (Owner or Administrator): it provisions
    /// products across the account, which Twilio reserves for those who manage the project.
    pub(crate) fn create_flex_instance<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        if acc.flex.is_some() {
            return Err(DomainError::FlexAlreadyExists);
        }
        change(move |c, ctx| {
            let instance = FlexInstance::provision(&mut c.random, ctx.now);
            let kind = EventKind::FlexInstanceCreated {
                instance: instance.sid,
                workspace: instance.workspace.sid,
                runtime_domain: instance.config.runtime_domain.clone(),
            };
            let queues: Vec<_> = instance
                .workspace
                .task_queues
                .iter()
                .map(|q| q.sid)
                .collect();
            if let Some(acc) = c.account_mut(account) {
                acc.flex = Some(instance);
            }
            for queue in queues {
                c.index_queue(account, &queue);
            }
            (Some(*account), kind)
        })
    }

    pub(crate) fn update_flex_settings<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        settings: &'c FlexSettings,
        revision: Option<u64>,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        self.check_seen(&flex.config.settings_revision, revision, || {
            "the Flex settings".to_owned()
        })?;
        settings.check()?;
        change(move |c, ctx| {
            if let Some(flex) = c.account_mut(account).and_then(|a| a.flex.as_mut()) {
                flex.config.settings = settings.clone();
                let config = &mut flex.config;
                config.settings_revision = config.settings_revision.next(ctx.actor, ctx.now);
            }
            let kind = EventKind::FlexSettingsUpdated {
                settings: settings.clone(),
            };
            (Some(*account), kind)
        })
    }

    /// A paid Flex plan also makes the account a Full (paid) account.
    pub(crate) fn upgrade_plan<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        billing_model: BillingModel,
        accept_fair_usage_terms: bool,
        payment_method: &'c str,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        if flex.plan.is_paid() {
            return Err(DomainError::AlreadyPaid);
        }
        if !accept_fair_usage_terms {
            return Err(DomainError::FairUsageNotAccepted);
        }
        let payment_method = payment_method.trim();
        if payment_method.is_empty() {
            return Err(DomainError::PaymentMethodRequired);
        }
        if payment_method.chars().count() > PAYMENT_METHOD_MAX {
            return Err(DomainError::NameTooLong {
                what: "payment method",
                max: PAYMENT_METHOD_MAX,
            });
        }
        change(move |c, ctx| {
            if let Some(acc) = c.account_mut(account) {
                acc.account_type = AccountType::Full;
                if let Some(flex) = acc.flex.as_mut() {
                    flex.plan = FlexPlan::Paid {
                        billing_model,
                        free_active_user_hours: FREE_ACTIVE_USER_HOURS,
                        payment_method: payment_method.to_owned(),
                        since: ctx.now,
                    };
                }
            }
            let kind = EventKind::PlanUpgraded {
                billing_model,
                free_active_user_hours: FREE_ACTIVE_USER_HOURS,
            };
            (Some(*account), kind)
        })
    }

    /// Opening Flex from the Console creates the user's worker the first time and
    /// overwrites its roles every time, from the user's Console roles now.
    pub(crate) fn launch_flex<'c>(&self, ctx: &Ctx, account: &'c AccountSid) -> Checked<'c> {
        let (login, outcome) = self.console_login(ctx, account)?;
        let log_in = self.log_in(account, login)?;
        change(move |c, ctx| {
            let (worker, roles, worker_created) = log_in(c, ctx);
            let kind = EventKind::FlexLaunched {
                worker,
                outcome,
                roles,
                worker_created,
            };
            (Some(*account), kind)
        })
    }

    /// How `user` would enter Flex in `account` from the Console, or why they would be
    /// refused: the checks of [`Command::LaunchFlex`], changing nothing, with the roles the
    /// worker would get, so a page can state the outcome before the button is pressed.
    pub fn launch_preview(
        &self,
        user: &UserSid,
        account: &AccountSid,
        now: Timestamp,
    ) -> Result<(LaunchOutcome, Vec<String>), DomainError> {
        let actor = Actor::User(*user);
        let command = Command::LaunchFlex { account: *account };
        let ctx = Ctx::new(&actor, &command, now);
        let (login, outcome) = self.console_login(&ctx, account)?;
        let roles = login.flex_roles.iter().map(|r| r.as_str());
        let insights = login.insights_roles.iter().map(|r| r.as_str());
        let roles = roles.chain(insights).map(str::to_owned).collect();
        self.log_in(account, login).map(drop)?;
        Ok((outcome, roles))
    }

    /// The checks of a Console login and the login they allow.
    fn console_login(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
    ) -> Result<(Login, LaunchOutcome), DomainError> {
        let (user, roles, acc) = self.authorize(ctx, account)?;
        acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        let outcome = launch_outcome(roles);
        let (flex_roles, insights_roles) = console_login_roles(outcome).ok_or_else(|| {
            DomainError::not_allowed(ctx.action, Capability::LaunchFlex, roles, acc)
        })?;
        let person = self
            .users
            .get(&user)
            .ok_or(DomainError::UnknownUser(user))?;
        let login = Login {
            identity: person.email.clone(),
            full_name: person.full_name.clone(),
            flex_roles,
            insights_roles,
            via: LoginVia::Console {
                user,
                console_roles: roles,
            },
        };
        Ok((login, outcome))
    }

    /// SSO needs an active account with Flex. The assertion must ask for agent,
    /// supervisor or admin (else 45050) and never for read-only admin. Insights roles it
    /// asks for are kept only on a paid plan for admins and supervisors.
    pub(crate) fn sso_login<'c>(&self, ctx: &Ctx, account: &'c AccountSid) -> Checked<'c> {
        let Actor::Sso(assertion) = ctx.actor else {
            return Err(DomainError::WrongActor {
                action: ctx.action,
                needed: "a sign-in through the account's identity provider",
            });
        };
        let acc = self.account_ref(account)?;
        check_status(acc, false)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        let (flex_roles, mut insights_roles) = assertion.requested_roles()?;
        // The worker's name, held to a person's like every other way in.
        if assertion.full_name.trim().chars().count() > PERSON_NAME_MAX {
            return Err(DomainError::NameTooLong {
                what: "full name",
                max: PERSON_NAME_MAX,
            });
        }
        // Insights roles the rules refuse are dropped, and the login says which and why.
        let insights_dropped = match insights_allowed(&flex.plan, &flex_roles) {
            Err(why) if !insights_roles.is_empty() => Some(DroppedRoles {
                roles: insights_roles
                    .drain(..)
                    .map(|r| r.as_str().to_owned())
                    .collect(),
                why: why.to_string(),
            }),
            _ => None,
        };
        let login = Login {
            identity: assertion.email.clone(),
            full_name: assertion.display_name(),
            flex_roles,
            insights_roles,
            via: LoginVia::Sso,
        };
        let email = login.identity.clone();
        let log_in = self.log_in(account, login)?;
        change(move |c, ctx| {
            let (worker, roles, worker_created) = log_in(c, ctx);
            let kind = EventKind::SsoLoggedIn {
                worker,
                email,
                roles,
                worker_created,
                insights_dropped,
            };
            (Some(*account), kind)
        })
    }

    /// Creates or updates the worker for a login; refuses when a new worker would not fit
    /// in the workspace. Gives the change, which returns the worker, its roles and whether
    /// it was created.
    fn log_in<'c>(&self, account: &'c AccountSid, login: Login) -> Result<LogIn<'c>, DomainError> {
        let key = (*account, login.identity.clone());
        let flex = self
            .accounts
            .get(account)
            .and_then(|a| a.flex.as_ref())
            .ok_or(DomainError::NoFlexInstance)?;
        let workspace = &flex.workspace;
        let existing = self
            .index
            .worker_by_identity
            .get(&key)
            .filter(|sid| workspace.workers.contains_key(*sid))
            .cloned();
        if existing.is_none() && workspace.workers.len() >= workspace.max_workers as usize {
            return Err(DomainError::WorkspaceFull {
                max: workspace.max_workers,
            });
        }
        // New workers start in the workspace's default activity (Offline unless changed).
        let starting = workspace.default_activity;
        Ok(Box::new(move |c, ctx| {
            if let Some(worker) = existing.and_then(|sid| workers_mut(c, account)?.get_mut(&sid)) {
                worker.full_name = login.full_name;
                worker.flex_roles = login.flex_roles;
                worker.insights_roles = login.insights_roles;
                worker.last_login = ctx.now;
                worker.login = login.via;
                let logged_in = (worker.sid, worker.role_names(), false);
                // Its name and roles are attributes queues may target.
                c.worker_changed(account, &logged_in.0, ctx.now);
                return logged_in;
            }
            let worker = Worker {
                sid: WorkerSid::generate(&mut c.random),
                identity: login.identity,
                full_name: login.full_name,
                image_url: String::new(),
                flex_roles: login.flex_roles,
                insights_roles: login.insights_roles,
                activity: starting,
                activity_since: Some(ctx.now),
                routing: Skills::default(),
                disabled_skills: Skills::default(),
                created: ctx.now,
                last_login: ctx.now,
                login: login.via,
                extra: serde_json::Map::new(),
                channels: BTreeMap::new(),
                last_task_at: None,
                revision: Revision::default(),
            };
            let (sid, roles) = (worker.sid, worker.role_names());
            if let Some(workers) = workers_mut(c, account) {
                workers.insert(sid, worker);
            }
            c.index.worker_by_identity.insert(key, sid);
            c.worker_changed(account, &sid, ctx.now);
            (sid, roles, true)
        }))
    }

    /// Insights roles are user administration, so they need manage users (Owner or
    /// Administrator); they need a paid plan and an admin or supervisor worker.
    /// They last until the worker's next login, which sets roles afresh.
    pub(crate) fn set_insights_roles<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        worker: &'c WorkerSid,
        roles: &[InsightsRole],
    ) -> Checked<'c> {
        let (flex, target) = self.insights_target(ctx, account, worker)?;
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        // Taking every Insights role away is always allowed; giving any needs the rule.
        if !roles.is_empty() {
            insights_allowed(&flex.plan, &target.flex_roles)?;
        }
        change(move |c, ctx| {
            if let Some(target) = c
                .account_mut(account)
                .and_then(|a| a.flex.as_mut())
                .and_then(|f| f.workspace.workers.get_mut(worker))
            {
                target.insights_roles = roles.clone();
            }
            c.worker_changed(account, worker, ctx.now);
            let kind = EventKind::InsightsRolesSet {
                worker: *worker,
                roles,
            };
            (Some(*account), kind)
        })
    }

    /// Deleting a worker is TaskRouter management; the person gets a new worker at their
    /// next login.
    pub(crate) fn delete_worker<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        worker: &'c WorkerSid,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        let found = flex
            .workspace
            .workers
            .get(worker)
            .ok_or_else(|| self.missing(account, ResourceKind::Worker, worker.as_str()))?;
        let (email, full_name) = (found.identity.clone(), found.full_name.clone());
        let holding: u32 = self
            .index
            .load
            .iter()
            .filter(|((w, _), _)| w == worker)
            .map(|(_, load)| load.held)
            .sum();
        if holding > 0 {
            let tasks = if holding == 1 { "a task" } else { "tasks" };
            return Err(crate::taskrouter::error::TaskRouterError::Refused(format!(
                "{full_name} is offered or handling {tasks} now ({holding}); a worker with tasks cannot be deleted until they are done."
            ))
            .into());
        }
        change(move |c, ctx| {
            if let Some(flex) = c.account_mut(account).and_then(|a| a.flex.as_mut()) {
                // What it used while Available stays used.
                flex.close_activity(worker, ctx.now);
                flex.workspace.workers.remove(worker);
            }
            c.index
                .worker_by_identity
                .remove(&(*account, email.clone()));
            c.index_worker(account, worker);
            c.place_idle(account, worker);
            let kind = EventKind::WorkerDeleted {
                worker: *worker,
                email,
                full_name,
            };
            (Some(*account), kind)
        })
    }

    /// The Flex instance and the acting person's own worker, for a change made from inside
    /// Flex: a Console user (a member, checked as every account command is) or an SSO
    /// sign-in (an active account). The worker's Flex roles then decide what they may do.
    pub(crate) fn flex_actor(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
    ) -> Result<(&FlexInstance, &Worker), DomainError> {
        let identity = match ctx.actor {
            Actor::User(_) => {
                let (user, _, _) = self.authorize(ctx, account)?;
                self.users
                    .get(&user)
                    .ok_or(DomainError::UnknownUser(user))?
                    .email
                    .clone()
            }
            Actor::Sso(assertion) => {
                check_status(self.account_ref(account)?, false)?;
                assertion.email.clone()
            }
            Actor::Email(_) | Actor::Clock | Actor::Simulator => {
                return Err(DomainError::WrongActor {
                    action: ctx.action,
                    needed: "a signed-in Console user or an SSO sign-in",
                });
            }
        };
        let flex = self
            .account_ref(account)?
            .flex
            .as_ref()
            .ok_or(DomainError::NoFlexInstance)?;
        let me = self
            .index
            .worker_by_identity
            .get(&(*account, identity))
            .and_then(|sid| flex.workspace.workers.get(sid))
            .ok_or(DomainError::NoWorker)?;
        Ok((flex, me))
    }

    /// Changing an activity from inside Flex, as a Console user (a member) or through SSO:
    /// the acting person's own worker (`target` None, from the agent desktop) or another
    /// worker (from Teams). The acting worker's Flex roles decide (see [`may_change`]), so
    /// no Console capability is needed.
    pub(crate) fn set_worker_activity<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        target: Option<&'c WorkerSid>,
        activity: &'c ActivitySid,
    ) -> Checked<'c> {
        let (flex, me) = self.flex_actor(ctx, account)?;
        let what = match target {
            Some(sid) if *sid != me.sid => FlexChange::OtherAgents,
            _ => FlexChange::OwnActivity,
        };
        may_change(&me.flex_roles, what).map_err(DomainError::FlexRole)?;
        let worker = match target {
            Some(sid) => flex
                .workspace
                .workers
                .get(sid)
                .ok_or_else(|| self.missing(account, ResourceKind::Worker, sid.as_str()))?,
            None => me,
        };
        let activity_name = flex
            .workspace
            .activity(activity)
            .ok_or(DomainError::UnknownActivity(*activity))?
            .friendly_name
            .clone();
        let sid = worker.sid;
        let own = what == FlexChange::OwnActivity;
        change(move |c, ctx| {
            if let Some(flex) = c.account_mut(account).and_then(|a| a.flex.as_mut()) {
                flex.set_activity(&sid, activity, ctx.now);
            }
            // A worker who becomes available is offered waiting work at once.
            c.place_idle(account, &sid);
            c.offer_worker(account, &sid, ctx.now);
            let activity = *activity;
            let kind = if own {
                EventKind::WorkerActivitySet {
                    worker: sid,
                    activity,
                    activity_name,
                }
            } else {
                EventKind::AgentActivityChanged {
                    worker: sid,
                    activity,
                    activity_name,
                }
            };
            (Some(*account), kind)
        })
    }
}

/// The change of a login: gives the worker, its roles and whether it was created.
type LogIn<'c> = Box<dyn FnOnce(&mut Console, &Ctx) -> (WorkerSid, Vec<String>, bool) + 'c>;

/// The workers of an account's Flex workspace, for a change.
fn workers_mut<'a>(
    c: &'a mut Console,
    account: &AccountSid,
) -> Option<&'a mut BTreeMap<WorkerSid, Worker>> {
    let flex = c.account_mut(account)?.flex.as_mut()?;
    Some(&mut flex.workspace.workers)
}
