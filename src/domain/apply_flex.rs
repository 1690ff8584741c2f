//! Commands on Flex: set-up, settings, plan, logins and workers.

use super::account::AccountType;
use super::actor::Actor;
use super::apply::{Ctx, Outcome, check_status};
use super::capability::{Capability, LaunchOutcome, launch_outcome};
use super::command::Command;
use super::console::Console;
use super::email::Email;
use super::error::DomainError;
use super::event::EventKind;
use super::flex::{BillingModel, FREE_ACTIVE_USER_HOURS, FlexInstance, FlexPlan, FlexSettings};
use super::insights::insights_allowed;
use super::sid::{AccountSid, ActivitySid, UserSid, WorkerSid};
use super::time::Timestamp;
use super::worker::{FlexRole, InsightsRole, LoginVia, Skills, Worker, console_login_roles};

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
    pub(crate) fn create_flex_instance(&mut self, ctx: &Ctx, account: AccountSid) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        if acc.flex.is_some() {
            return Err(DomainError::FlexAlreadyExists);
        }
        let instance = FlexInstance::provision(&mut self.random, ctx.now);
        let kind = EventKind::FlexInstanceCreated {
            instance: instance.sid.clone(),
            workspace: instance.workspace.sid.clone(),
            runtime_domain: instance.config.runtime_domain.clone(),
        };
        self.account_mut(&account)?.flex = Some(instance);
        Ok((Some(account), kind))
    }

    pub(crate) fn update_flex_settings(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        settings: FlexSettings,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        if acc.flex.is_none() {
            return Err(DomainError::NoFlexInstance);
        }
        settings.check()?;
        if let Some(flex) = self.account_mut(&account)?.flex.as_mut() {
            flex.config.settings = settings.clone();
        }
        Ok((Some(account), EventKind::FlexSettingsUpdated { settings }))
    }

    /// A paid Flex plan also makes the account a Full (paid) account.
    pub(crate) fn upgrade_plan(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        billing_model: BillingModel,
        accept_fair_usage_terms: bool,
        payment_method: &str,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
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
        let acc = self.account_mut(&account)?;
        acc.account_type = AccountType::Full;
        if let Some(flex) = acc.flex.as_mut() {
            flex.plan = FlexPlan::Paid {
                billing_model,
                free_active_user_hours: FREE_ACTIVE_USER_HOURS,
                payment_method: payment_method.to_owned(),
                since: ctx.now,
            };
        }
        let kind = EventKind::PlanUpgraded {
            billing_model,
            free_active_user_hours: FREE_ACTIVE_USER_HOURS,
        };
        Ok((Some(account), kind))
    }

    /// Opening Flex from the Console creates the user's worker the first time and
    /// overwrites its roles every time, from the user's Console roles now.
    pub(crate) fn launch_flex(&mut self, ctx: &Ctx, account: AccountSid) -> Outcome {
        let (login, outcome) = self.console_login(ctx, &account)?;
        let (worker, roles, worker_created) = self.log_in(ctx, &account, login)?;
        Ok((
            Some(account),
            EventKind::FlexLaunched {
                worker,
                outcome,
                roles,
                worker_created,
            },
        ))
    }

    /// How `user` would enter Flex in `account` from the Console, or why they would be
    /// refused: the same checks as [`Command::LaunchFlex`], without changing anything, so a
    /// page can state the outcome before the button is pressed.
    pub fn launch_preview(
        &self,
        user: &UserSid,
        account: &AccountSid,
        now: Timestamp,
    ) -> Result<(LaunchOutcome, Vec<String>), DomainError> {
        let actor = Actor::User(user.clone());
        let command = Command::LaunchFlex {
            account: account.clone(),
        };
        let ctx = Ctx {
            actor: &actor,
            now,
            action: command.action(),
            capability: command.capability(),
            when_suspended: command.allowed_when_suspended(),
        };
        let (login, outcome) = self.console_login(&ctx, account)?;
        let roles = login.flex_roles.iter().map(|r| r.as_str());
        let insights = login.insights_roles.iter().map(|r| r.as_str());
        Ok((outcome, roles.chain(insights).map(str::to_owned).collect()))
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
        let (flex_roles, insights_roles) = console_login_roles(outcome)
            .ok_or_else(|| DomainError::not_allowed(ctx.action, Capability::LaunchFlex))?;
        let person = self
            .users
            .get(&user)
            .ok_or_else(|| DomainError::UnknownUser(user.clone()))?;
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
    pub(crate) fn sso_login(&mut self, ctx: &Ctx, account: AccountSid) -> Outcome {
        let Actor::Sso(assertion) = ctx.actor else {
            return Err(DomainError::WrongActor {
                action: ctx.action,
                needed: "a sign-in through the account's identity provider",
            });
        };
        let acc = self.account_ref(&account)?;
        check_status(acc, false)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        let (flex_roles, mut insights_roles) = assertion.requested_roles()?;
        if insights_allowed(&flex.plan, &flex_roles).is_err() {
            insights_roles.clear();
        }
        let login = Login {
            identity: assertion.email.clone(),
            full_name: assertion.display_name(),
            flex_roles,
            insights_roles,
            via: LoginVia::Sso,
        };
        let email = login.identity.clone();
        let (worker, roles, worker_created) = self.log_in(ctx, &account, login)?;
        Ok((
            Some(account),
            EventKind::SsoLoggedIn {
                worker,
                email,
                roles,
                worker_created,
            },
        ))
    }

    /// Creates or updates the worker for a login; refuses (changing nothing) when a new
    /// worker would not fit in the workspace.
    fn log_in(
        &mut self,
        ctx: &Ctx,
        account: &AccountSid,
        login: Login,
    ) -> Result<(WorkerSid, Vec<String>, bool), DomainError> {
        let key = (account.clone(), login.identity.clone());
        let existing = self.index.worker_by_identity.get(&key).cloned();
        let flex = self
            .accounts
            .get_mut(account)
            .and_then(|a| a.flex.as_mut())
            .ok_or(DomainError::NoFlexInstance)?;
        let workspace = &mut flex.workspace;
        if let Some(worker) = existing.and_then(|sid| workspace.workers.get_mut(&sid)) {
            worker.full_name = login.full_name;
            worker.flex_roles = login.flex_roles;
            worker.insights_roles = login.insights_roles;
            worker.last_login = ctx.now;
            worker.login = login.via;
            return Ok((worker.sid.clone(), worker.role_names(), false));
        }
        if workspace.workers.len() >= workspace.max_workers as usize {
            return Err(DomainError::WorkspaceFull {
                max: workspace.max_workers,
            });
        }
        let offline = workspace
            .offline_activity()
            .ok_or(DomainError::NoFlexInstance)?
            .sid
            .clone();
        let worker = Worker {
            sid: WorkerSid::generate(&mut self.random),
            identity: login.identity,
            full_name: login.full_name,
            image_url: String::new(),
            flex_roles: login.flex_roles,
            insights_roles: login.insights_roles,
            activity: offline,
            routing: Skills::default(),
            disabled_skills: Skills::default(),
            created: ctx.now,
            last_login: ctx.now,
            login: login.via,
        };
        let (sid, roles) = (worker.sid.clone(), worker.role_names());
        workspace.workers.insert(sid.clone(), worker);
        self.index.worker_by_identity.insert(key, sid.clone());
        Ok((sid, roles, true))
    }

    /// Insights roles are user administration, so they need manage users (Owner or
    /// Administrator); they need a paid plan and an admin or supervisor worker.
    /// They last until the worker's next login, which sets roles afresh.
    pub(crate) fn set_insights_roles(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        worker: WorkerSid,
        mut roles: Vec<InsightsRole>,
    ) -> Outcome {
        let (flex, target) = self.insights_target(ctx, &account, &worker)?;
        roles.sort();
        roles.dedup();
        // Taking every Insights role away is always allowed; giving any needs the rule.
        if !roles.is_empty() {
            insights_allowed(&flex.plan, &target.flex_roles)?;
        }
        let acc = self.account_mut(&account)?;
        if let Some(target) = acc
            .flex
            .as_mut()
            .and_then(|f| f.workspace.workers.get_mut(&worker))
        {
            target.insights_roles = roles.clone();
        }
        Ok((Some(account), EventKind::InsightsRolesSet { worker, roles }))
    }

    /// Deleting a worker is TaskRouter management; the person gets a new worker at their
    /// next login.
    pub(crate) fn delete_worker(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        worker: WorkerSid,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        if !flex.workspace.workers.contains_key(&worker) {
            return Err(DomainError::UnknownWorker(worker));
        }
        let removed = self
            .account_mut(&account)?
            .flex
            .as_mut()
            .and_then(|f| f.workspace.workers.remove(&worker));
        let email = removed
            .map(|w| w.identity)
            .ok_or_else(|| DomainError::UnknownWorker(worker.clone()))?;
        self.index
            .worker_by_identity
            .remove(&(account.clone(), email.clone()));
        Ok((Some(account), EventKind::WorkerDeleted { worker, email }))
    }

    /// A person sets their own worker's activity from the agent desktop, as a Console
    /// user (a member) or through SSO. Inside Flex the worker's own roles decide, so no
    /// Console capability is needed; read-only admins may not.
    pub(crate) fn set_worker_activity(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        activity: ActivitySid,
    ) -> Outcome {
        let identity = match ctx.actor {
            Actor::User(_) => {
                let (user, _, _) = self.authorize(ctx, &account)?;
                self.users
                    .get(&user)
                    .ok_or(DomainError::UnknownUser(user))?
                    .email
                    .clone()
            }
            Actor::Sso(assertion) => {
                check_status(self.account_ref(&account)?, false)?;
                assertion.email.clone()
            }
            Actor::Email(_) => {
                return Err(DomainError::WrongActor {
                    action: ctx.action,
                    needed: "a signed-in Console user or an SSO sign-in",
                });
            }
        };
        let flex = self
            .account_ref(&account)?
            .flex
            .as_ref()
            .ok_or(DomainError::NoFlexInstance)?;
        let sid = self
            .index
            .worker_by_identity
            .get(&(account.clone(), identity))
            .ok_or(DomainError::NoWorker)?;
        let worker = flex
            .workspace
            .workers
            .get(sid)
            .ok_or(DomainError::NoWorker)?;
        if worker.flex_roles.contains(&FlexRole::ReadOnlyAdmin) {
            return Err(DomainError::ReadOnlyAdminActivity);
        }
        let activity_name = flex
            .workspace
            .activity(&activity)
            .ok_or_else(|| DomainError::UnknownActivity(activity.clone()))?
            .friendly_name
            .clone();
        let sid = sid.clone();
        if let Some(worker) = self
            .account_mut(&account)?
            .flex
            .as_mut()
            .and_then(|f| f.workspace.workers.get_mut(&sid))
        {
            worker.activity = activity.clone();
        }
        Ok((
            Some(account),
            EventKind::WorkerActivitySet {
                worker: sid,
                activity,
                activity_name,
            },
        ))
    }
}
