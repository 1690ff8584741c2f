//! Whole-state validation, used when importing: every rule that commands keep, checked
//! from scratch. The first bad field is named by its JSON path, e.g.
//! `accounts.AC….members.US….roles`.

use crate::console::Console;
use crate::error::ValidationError;
use crate::event::{Event, EventKind};
use crate::flex::instance::FlexInstance;
use crate::flex::instance::FlexPlan;
use crate::flex::worker::{FlexRole, LoginVia, Worker, console_login_roles};
use crate::identity::account::{Account, AccountType};
use crate::identity::actor::Actor;
use crate::identity::api_key::API_KEY_NAME_MAX;
use crate::identity::capability::launch_outcome;
use crate::identity::invitation::InvitationState;
use crate::identity::name::{ACCOUNT_NAME_MAX, PAYMENT_METHOD_MAX, PERSON_NAME_MAX};
use crate::identity::roles::RoleSet;
use crate::products::phone_number::is_e164;
use crate::products::twiml_bin::TWIML_BIN_NAME_MAX;
use crate::products::twiml_bin::check_bin_twiml;
use crate::revision::Revision;
use crate::sid::UserSid;
use crate::taskrouter::MAX_WORKERS;
use crate::time::Timestamp;
use std::collections::HashSet;

pub(crate) type Check = Result<(), ValidationError>;

pub(crate) fn fail(path: impl Into<String>, problem: impl Into<String>) -> Check {
    Err(ValidationError {
        path: path.into(),
        problem: problem.into(),
    })
}

/// Fails at `path` unless `ok`; the path is built only on failure.
pub(crate) fn ensure(ok: bool, path: impl FnOnce() -> String, problem: &str) -> Check {
    if ok { Ok(()) } else { fail(path(), problem) }
}

/// A name as the commands take it: not blank, at most `max` characters once trimmed.
fn name(text: &str, max: usize, path: impl FnOnce() -> String) -> Check {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        fail(path(), "must not be empty")
    } else if trimmed.chars().count() > max {
        fail(path(), format!("can have at most {max} characters"))
    } else {
        Ok(())
    }
}

/// A time the Console keeps (see [`Timestamp::LATEST`]).
fn time(t: Timestamp, path: impl FnOnce() -> String) -> Check {
    ensure(
        t.in_range(),
        path,
        "must be a time from 1970-01-01 to 9999-12-31 23:59 UTC",
    )
}

/// Remembers every SID seen so that each appears once in the whole state.
#[derive(Default)]
struct Seen<'a>(HashSet<&'a str>);

impl<'a> Seen<'a> {
    fn unique(&mut self, sid: &'a str, path: impl FnOnce() -> String) -> Check {
        ensure(self.0.insert(sid), path, "this SID is used more than once")
    }
}

impl Console {
    /// Checks the whole state; see the module documentation.
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut seen = Seen::default();
        let mut emails = HashSet::new();
        let mut numbers = HashSet::new();
        for (key, user) in &self.users {
            let at = || format!("users.{key}");
            ensure(
                key == &user.sid,
                || format!("{}.sid", at()),
                "does not match the key it is stored under",
            )?;
            seen.unique(user.sid.as_str(), at)?;
            ensure(
                emails.insert(&user.email),
                || format!("{}.email", at()),
                "another Console user has this email",
            )?;
            name(&user.full_name, PERSON_NAME_MAX, || {
                format!("{}.full_name", at())
            })?;
            time(user.created, || format!("{}.created", at()))?;
        }
        for (key, account) in &self.accounts {
            let at = format!("accounts.{key}");
            ensure(
                key == &account.sid,
                || format!("{at}.sid"),
                "does not match the key it is stored under",
            )?;
            seen.unique(account.sid.as_str(), || at.clone())?;
            self.validate_account(account, &at, &mut seen, &mut numbers)?;
        }
        self.validate_activity()
    }

    /// Checks the clock a saved state opens at (a scenario file's `now`): within the range
    /// the commands keep ([`Timestamp::check_clock`]) and not before anything the state says
    /// has happened, so the commands run at it date their changes after what is there.
    pub fn check_now(&self, now: Timestamp) -> Result<(), ValidationError> {
        now.check_clock().or_else(|problem| fail("now", problem))?;
        let latest = self.latest_moment();
        ensure(
            now >= latest,
            || "now".to_owned(),
            "is before the latest change the data records",
        )
        .map_err(|mut e| {
            e.problem = format!("{} ({latest}); it must be that moment or later", e.problem);
            e
        })
    }

    /// The latest moment the state records as past: changes, creations, logins (not an
    /// invitation's expiry, which lies ahead). A saved clock is never earlier.
    pub fn latest_moment(&self) -> Timestamp {
        let mut latest = Timestamp(0);
        let mut see = |t: Timestamp| latest = latest.max(t);
        self.users.values().for_each(|u| see(u.created));
        self.activity.iter().for_each(|e| see(e.at));
        for account in self.accounts.values() {
            see(account.created);
            for member in account.members.values() {
                see(member.since);
                if let Some((_, at)) = &member.revision.last {
                    see(*at);
                }
            }
            for invitation in account.invitations.values() {
                see(invitation.created);
                see(invitation.sent);
                match &invitation.state {
                    InvitationState::Open => {}
                    InvitationState::Revoked { at } | InvitationState::Accepted { at, .. } => {
                        see(*at)
                    }
                }
            }
            for key in account.api_keys.values() {
                see(key.created);
                if let Some((_, at)) = &key.revision.last {
                    see(*at);
                }
            }
            if let Some((_, at)) = &account.name_revision.last {
                see(*at);
            }
            account.phone_numbers.values().for_each(|n| see(n.bought));
            for bin in account.twiml_bins.values() {
                see(bin.updated);
                see(bin.created);
                if let Some((_, at)) = &bin.revision.last {
                    see(*at);
                }
            }
            if let Some(flex) = &account.flex {
                see(flex.created);
                if let FlexPlan::Paid { since, .. } = &flex.plan {
                    see(*since);
                }
                if let Some((_, at)) = &flex.config.settings_revision.last {
                    see(*at);
                }
                for worker in flex.workspace.workers.values() {
                    see(worker.created);
                    see(worker.last_login);
                    worker.activity_since.into_iter().for_each(&mut see);
                }
            }
        }
        latest
    }

    fn validate_account<'a>(
        &'a self,
        account: &'a Account,
        at: &str,
        seen: &mut Seen<'a>,
        numbers: &mut HashSet<&'a str>,
    ) -> Check {
        name(&account.friendly_name, ACCOUNT_NAME_MAX, || {
            format!("{at}.friendly_name")
        })?;
        time(account.created, || format!("{at}.created"))?;
        for (user, member) in &account.members {
            let path = || format!("{at}.members.{user}");
            ensure(
                self.users.contains_key(user),
                path,
                "no Console user has this SID",
            )?;
            let valid = RoleSet::new(member.roles.roles()) == Ok(member.roles);
            ensure(
                valid,
                || format!("{}.roles", path()),
                "is not a valid set of roles",
            )?;
            time(member.since, || format!("{}.since", path()))?;
            self.validate_revision(&member.revision, || format!("{}.revision", path()))?;
        }
        let owners = account
            .members
            .values()
            .filter(|m| m.roles.is_owner())
            .count();
        if owners != 1 {
            return fail(
                format!("{at}.members"),
                format!("an account needs exactly one Owner, found {owners}"),
            );
        }
        // Invitations are numbered 1, 2, 3… as they are sent, and never deleted.
        for (n, key) in account.invitations.keys().enumerate() {
            ensure(
                key.0 == n as u64 + 1,
                || format!("{at}.invitations.{}", key.0),
                "invitations are numbered 1, 2, 3… in the order they were sent",
            )?;
        }
        ensure(
            account.next_invitation_id == account.invitations.len() as u64 + 1,
            || format!("{at}.next_invitation_id"),
            "must be one more than the number of invitations",
        )?;
        for (key, invitation) in &account.invitations {
            let path = || format!("{at}.invitations.{}", key.0);
            ensure(
                key == &invitation.id,
                || format!("{}.id", path()),
                "does not match the key it is stored under",
            )?;

            ensure(
                !invitation.roles.is_owner(),
                || format!("{}.roles", path()),
                "an invitation cannot offer the Owner role",
            )?;
            ensure(
                self.users.contains_key(&invitation.invited_by),
                || format!("{}.invited_by", path()),
                "no Console user has this SID",
            )?;
            let valid = RoleSet::new(invitation.roles.roles()) == Ok(invitation.roles);
            ensure(
                valid,
                || format!("{}.roles", path()),
                "is not a valid set of roles",
            )?;
            time(invitation.created, || format!("{}.created", path()))?;
            time(invitation.sent, || format!("{}.sent", path()))?;
            time(invitation.expires, || format!("{}.expires", path()))?;
            ensure(
                invitation.expires > invitation.sent,
                || format!("{}.expires", path()),
                "must be after the invitation was sent",
            )?;
            match &invitation.state {
                InvitationState::Open => {}
                InvitationState::Revoked { at } => {
                    time(*at, || format!("{}.state.at", path()))?;
                }
                InvitationState::Accepted { at, user } => {
                    time(*at, || format!("{}.state.at", path()))?;
                    ensure(
                        self.users.contains_key(user),
                        || format!("{}.state.user", path()),
                        "no Console user has this SID",
                    )?;
                }
            }
        }
        if let Some(flex) = &account.flex {
            let fat = format!("{at}.flex");
            validate_flex(flex, &fat, seen)?;
            self.validate_revision(&flex.config.settings_revision, || {
                format!("{fat}.config.settings_revision")
            })?;
        }
        validate_products(account, at, seen, numbers)?;
        for (key, bin) in &account.twiml_bins {
            self.validate_revision(&bin.revision, || format!("{at}.twiml_bins.{key}.revision"))?;
        }
        for (key, api_key) in &account.api_keys {
            self.validate_revision(&api_key.revision, || {
                format!("{at}.api_keys.{key}.revision")
            })?;
        }
        self.validate_revision(&account.name_revision, || format!("{at}.name_revision"))?;
        Ok(())
    }

    /// A revision's author is someone the Console knows, at a time it keeps.
    fn validate_revision(&self, revision: &Revision, path: impl Fn() -> String) -> Check {
        if let Some((actor, at)) = &revision.last {
            self.validate_actor(actor, || format!("{}.last", path()))?;
            time(*at, || format!("{}.last", path()))?;
        }
        Ok(())
    }

    /// An actor named in the state: a Console user must exist (they are never deleted).
    fn validate_actor(&self, actor: &Actor, path: impl FnOnce() -> String) -> Check {
        match actor {
            Actor::User(user) => self.validate_user(user, path),
            Actor::Email(_) | Actor::Sso(_) | Actor::Clock | Actor::Simulator => Ok(()),
        }
    }

    fn validate_user(&self, user: &UserSid, path: impl FnOnce() -> String) -> Check {
        ensure(
            self.users.contains_key(user),
            path,
            "no Console user has this SID",
        )
    }

    /// The activity log refers to accounts and Console users that exist (neither is ever
    /// deleted), at times the Console keeps.
    fn validate_activity(&self) -> Check {
        for (i, event) in self.activity.iter().enumerate() {
            let at = || format!("activity[{i}]");
            time(event.at, || format!("{}.at", at()))?;
            self.validate_actor(&event.by, || format!("{}.by", at()))?;
            if let Some(account) = &event.account {
                ensure(
                    self.accounts.contains_key(account),
                    || format!("{}.account", at()),
                    "no account has this SID",
                )?;
            }
            for (field, user) in users_named(event) {
                self.validate_user(user, || format!("{}.kind.{field}", at()))?;
            }
            if let EventKind::Invited { expires, .. }
            | EventKind::InvitationResent { expires, .. } = &event.kind
            {
                time(*expires, || format!("{}.kind.expires", at()))?;
            }
        }
        Ok(())
    }
}

/// The Console users an event names, with the field that names each.
fn users_named(event: &Event) -> Vec<(&'static str, &UserSid)> {
    use EventKind as E;
    match &event.kind {
        E::SignedUp { user, .. }
        | E::InvitationAccepted { user, .. }
        | E::RolesChanged { user, .. }
        | E::MemberRemoved { user }
        | E::MemberLeft { user } => vec![("user", user)],
        E::AccountCreated { owner, .. } => vec![("owner", owner)],
        E::OwnershipTransferred { from, to } => vec![("from", from), ("to", to)],
        _ => Vec::new(),
    }
}

fn validate_flex<'a>(flex: &'a FlexInstance, at: &str, seen: &mut Seen<'a>) -> Check {
    let ws = &flex.workspace;
    let wat = format!("{at}.workspace");
    let mut sids: Vec<(&str, String)> = vec![
        (flex.sid.as_str(), format!("{at}.sid")),
        (ws.sid.as_str(), format!("{wat}.sid")),
        (
            flex.conversations_service.sid.as_str(),
            format!("{at}.conversations_service.sid"),
        ),
        (
            flex.proxy_service.sid.as_str(),
            format!("{at}.proxy_service.sid"),
        ),
        (
            flex.functions_service.sid.as_str(),
            format!("{at}.functions_service.sid"),
        ),
    ];
    sids.extend(
        ws.activities
            .iter()
            .enumerate()
            .map(|(i, a)| (a.sid.as_str(), format!("{wat}.activities[{i}].sid"))),
    );
    sids.extend(
        ws.task_queues
            .iter()
            .enumerate()
            .map(|(i, q)| (q.sid.as_str(), format!("{wat}.task_queues[{i}].sid"))),
    );
    sids.extend(
        ws.workflows
            .iter()
            .enumerate()
            .map(|(i, w)| (w.sid.as_str(), format!("{wat}.workflows[{i}].sid"))),
    );
    for (key, task) in &ws.tasks {
        sids.push((task.sid.as_str(), format!("{wat}.tasks.{key}.sid")));
        sids.extend(task.reservations.iter().enumerate().map(|(i, r)| {
            (
                r.sid.as_str(),
                format!("{wat}.tasks.{key}.reservations[{i}].sid"),
            )
        }));
    }
    sids.extend(
        ws.task_channels
            .iter()
            .enumerate()
            .map(|(i, c)| (c.sid.as_str(), format!("{wat}.task_channels[{i}].sid"))),
    );
    sids.extend(
        flex.studio_flows
            .iter()
            .enumerate()
            .map(|(i, f)| (f.sid.as_str(), format!("{at}.studio_flows[{i}].sid"))),
    );
    sids.extend(
        flex.functions_service
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    f.sid.as_str(),
                    format!("{at}.functions_service.files[{i}].sid"),
                )
            }),
    );
    sids.extend(
        flex.flex_flows
            .iter()
            .enumerate()
            .map(|(i, f)| (f.sid.as_str(), format!("{at}.flex_flows[{i}].sid"))),
    );
    for (sid, path) in sids {
        seen.unique(sid, || path)?;
    }
    time(flex.created, || format!("{at}.created"))?;
    if let FlexPlan::Paid {
        since,
        payment_method,
        ..
    } = &flex.plan
    {
        time(*since, || format!("{at}.plan.since"))?;
        name(payment_method, PAYMENT_METHOD_MAX, || {
            format!("{at}.plan.payment_method")
        })?;
    }
    let config = &flex.config;
    let cat = |field: &str| format!("{at}.config.{field}");
    let refs = [
        (
            config.taskrouter_workspace_sid == ws.sid,
            "taskrouter_workspace_sid",
        ),
        (
            ws.workflow(&config.taskrouter_target_workflow_sid)
                .is_some(),
            "taskrouter_target_workflow_sid",
        ),
        (
            ws.queue(&config.taskrouter_target_taskqueue_sid).is_some(),
            "taskrouter_target_taskqueue_sid",
        ),
        (
            ws.activity(&config.taskrouter_offline_activity_sid)
                .is_some(),
            "taskrouter_offline_activity_sid",
        ),
        (
            config.chat_service_instance_sid == flex.conversations_service.sid,
            "chat_service_instance_sid",
        ),
        (
            config
                .serverless_service_sids
                .iter()
                .all(|s| s == &flex.functions_service.sid),
            "serverless_service_sids",
        ),
    ];
    for (ok, field) in refs {
        ensure(
            ok,
            || cat(field),
            "does not refer to a resource of this Flex instance",
        )?;
    }
    config
        .settings
        .check()
        .or_else(|e| fail(cat("settings"), e.to_string()))?;
    for (i, flow) in flex.flex_flows.iter().enumerate() {
        let known = flow
            .studio_flow
            .as_ref()
            .is_none_or(|sid| flex.studio_flows.iter().any(|f| &f.sid == sid));
        ensure(
            known,
            || format!("{at}.flex_flows[{i}].studio_flow"),
            "does not refer to a Studio flow of this Flex instance",
        )?;
    }
    ensure(
        flex.plan.is_paid() || flex.closed_available_ms == 0,
        || format!("{at}.closed_available_ms"),
        "must be 0 on a trial, which counts no Active User Hours",
    )?;
    crate::taskrouter::validate::validate_workspace(flex, at)?;
    ensure(
        ws.max_workers <= MAX_WORKERS,
        || format!("{wat}.max_workers"),
        "must be at most 15,000, TaskRouter's limit",
    )?;
    ensure(
        ws.workers.len() <= ws.max_workers as usize,
        || format!("{wat}.workers"),
        "holds more workers than the workspace allows",
    )?;
    let mut identities = HashSet::new();
    for (key, worker) in &ws.workers {
        let path = format!("{wat}.workers.{key}");
        ensure(
            key == &worker.sid,
            || format!("{path}.sid"),
            "does not match the key it is stored under",
        )?;
        seen.unique(worker.sid.as_str(), || path.clone())?;
        ensure(
            identities.insert(&worker.identity),
            || format!("{path}.identity"),
            "another worker has this identity",
        )?;
        ensure(
            ws.activity(&worker.activity).is_some(),
            || format!("{path}.activity"),
            "is not an activity of this workspace",
        )?;
        ensure(
            worker.activity_since.is_none_or(|t| t >= worker.created),
            || format!("{path}.activity_since"),
            "must not be before the worker was created",
        )?;
        time(worker.created, || format!("{path}.created"))?;
        time(worker.last_login, || format!("{path}.last_login"))?;
        if let Some(since) = worker.activity_since {
            time(since, || format!("{path}.activity_since"))?;
        }
        // A person's name, or the email an SSO login gave when it asserted none.
        name(&worker.full_name, 254, || format!("{path}.full_name"))?;
        validate_worker_roles(worker, flex.plan.is_paid(), &path)?;
    }
    Ok(())
}

/// Phone numbers: E.164, owned once in the whole Console, one on a trial account, routed
/// to a flow of the account. TwiML Bins: named, valid TwiML.
fn validate_products<'a>(
    account: &'a Account,
    at: &str,
    seen: &mut Seen<'a>,
    numbers: &mut HashSet<&'a str>,
) -> Check {
    let trial = account.account_type == AccountType::Trial;
    ensure(
        !trial || account.phone_numbers.len() <= 1,
        || format!("{at}.phone_numbers"),
        "a trial account can have only one phone number",
    )?;
    for (key, number) in &account.phone_numbers {
        let path = format!("{at}.phone_numbers.{key}");
        ensure(
            key == &number.sid,
            || format!("{path}.sid"),
            "does not match the key it is stored under",
        )?;
        seen.unique(number.sid.as_str(), || path.clone())?;
        ensure(
            is_e164(&number.phone_number),
            || format!("{path}.phone_number"),
            "must be in E.164, e.g. +14155550100",
        )?;
        ensure(
            numbers.insert(&number.phone_number),
            || format!("{path}.phone_number"),
            "another phone number entry has this number",
        )?;
        time(number.bought, || format!("{path}.bought"))?;
        if let Some(flow) = &number.studio_flow {
            ensure(
                account.studio_flow_name(flow).is_some(),
                || format!("{path}.studio_flow"),
                "does not refer to a Studio flow of this account",
            )?;
        }
    }
    for (key, api_key) in &account.api_keys {
        let path = format!("{at}.api_keys.{key}");
        ensure(
            key == &api_key.sid,
            || format!("{path}.sid"),
            "does not match the key it is stored under",
        )?;
        seen.unique(api_key.sid.as_str(), || path.clone())?;
        name(&api_key.friendly_name, API_KEY_NAME_MAX, || {
            format!("{path}.friendly_name")
        })?;
        time(api_key.created, || format!("{path}.created"))?;
    }
    for (key, bin) in &account.twiml_bins {
        let path = format!("{at}.twiml_bins.{key}");
        ensure(
            key == &bin.sid,
            || format!("{path}.sid"),
            "does not match the key it is stored under",
        )?;
        seen.unique(bin.sid.as_str(), || path.clone())?;
        name(&bin.friendly_name, TWIML_BIN_NAME_MAX, || {
            format!("{path}.friendly_name")
        })?;
        time(bin.created, || format!("{path}.created"))?;
        time(bin.updated, || format!("{path}.updated"))?;
        check_bin_twiml(&bin.twiml).or_else(|e| fail(format!("{path}.twiml"), e.to_string()))?;
    }
    Ok(())
}

/// Roles follow the last login: from the Console they are exactly what the Console roles
/// gave; through SSO never read-only admin. Insights roles go only to admins and supervisors,
/// and on a trial plan only as the `wfo.full_access` a Console login grants.
fn validate_worker_roles(worker: &Worker, paid: bool, path: &str) -> Check {
    let roles_path = || format!("{path}.flex_roles");
    ensure(
        !worker.flex_roles.is_empty(),
        roles_path,
        "a worker needs at least one Flex role",
    )?;
    let mut granted_by_login = Vec::new();
    match &worker.login {
        LoginVia::Console { console_roles, .. } => {
            let expected = console_login_roles(launch_outcome(*console_roles));
            if let Some((_, insights)) = &expected {
                granted_by_login.clone_from(insights);
            }
            ensure(
                expected.map(|(flex, _)| flex).as_ref() == Some(&worker.flex_roles),
                roles_path,
                "do not match the Console roles at the last login",
            )?;
        }
        LoginVia::Sso => {
            let read_only = worker.flex_roles.contains(&FlexRole::ReadOnlyAdmin);
            ensure(
                !read_only,
                roles_path,
                "read-only admin cannot come from an SSO login",
            )?;
        }
    }
    if !worker.insights_roles.is_empty() {
        let insights_path = || format!("{path}.insights_roles");
        ensure(
            paid || worker.insights_roles == granted_by_login,
            insights_path,
            "Insights roles need a paid Flex plan",
        )?;
        ensure(
            worker.is_admin_or_supervisor(),
            insights_path,
            "Insights roles need the admin or supervisor Flex role",
        )?;
    }
    Ok(())
}
