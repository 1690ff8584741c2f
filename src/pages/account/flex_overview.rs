//! Flex overview (`/accounts/:account_sid/flex`): the SIDs Flex needs, the plan, and the
//! launch button with its outcome for this user stated before it is pressed.

use leptos::prelude::*;

use super::AccountScope;
use super::account_info::ApiKeysLink;
use super::active_hours::ActiveHoursFields;
use crate::components::copyable_sid::CopyableSid;
use crate::components::details::{Detail, DetailActions, Details};
use crate::components::empty_state::EmptyState;
use crate::components::focus;
use crate::components::link::{href, take_request};
use crate::components::masked_secret::{HiddenSecret, MaskedSecret};
use crate::components::offer::ActionButton;
use crate::components::page_header::PageHeader;
use crate::components::toast::Toasts;
use crate::domain::resources::ResourceKind;
use crate::domain::{AccountPage, BillingModel, Command, EventKind, FlexPlan, LaunchOutcome};
use crate::store::Store;

/// What the page shows of the Flex instance.
#[derive(Clone, PartialEq)]
struct Overview {
    account_name: String,
    account_sid: String,
    instance_sid: String,
    plan: String,
    paid: bool,
    ui_version: String,
    runtime_domain: String,
    workers: usize,
    resources: Vec<(ResourceKind, String, String)>,
}

/// The Flex overview page.
#[component]
pub fn FlexOverview() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let overview = {
        Memo::new(move |_| {
            store.with(|c| {
                let account = c.account(&scope.account)?;
                let o = c.flex_overview(&scope.account);
                Some((
                    account.friendly_name.clone(),
                    account.sid.to_string(),
                    o.map(|o| {
                        let i = o.instance;
                        // The domain's list of the account's resources, those Flex provisioned.
                        let resources = c
                            .resources(&scope.account)
                            .into_iter()
                            .filter(|r| provisioned(r.kind))
                            .map(|r| {
                                let name = match r.kind {
                                    ResourceKind::TaskQueue => {
                                        format!("{} (target {})", r.name, r.detail)
                                    }
                                    _ => r.name,
                                };
                                (r.kind, name, r.sid)
                            })
                            .collect();
                        Overview {
                            account_name: account.friendly_name.clone(),
                            account_sid: account.sid.to_string(),
                            instance_sid: i.sid.to_string(),
                            plan: match o.plan {
                                FlexPlan::Trial => "Trial".to_string(),
                                FlexPlan::Paid { billing_model, .. } => format!(
                                    "Paid ({})",
                                    match billing_model {
                                        BillingModel::NamedUser => "Named User",
                                        BillingModel::ActiveUserHours => "Active User Hours",
                                    }
                                ),
                            },
                            paid: o.plan.is_paid(),
                            ui_version: o.config.settings.ui_version.clone(),
                            runtime_domain: o.config.runtime_domain.clone(),
                            workers: o.worker_count,
                            resources,
                        }
                    }),
                ))
            })
        })
    };

    move || {
        overview.get().map(|(name, sid, flex)| match flex {
            None => view! { <NoFlexYet name sid /> }.into_any(),
            Some(o) => view! { <FlexDetails o /> }.into_any(),
        })
    }
}

/// An account without Flex: explains it and offers to create the instance.
#[component]
fn NoFlexYet(name: String, sid: String) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let refused = scope.offer(|account| Command::CreateFlexInstance { account: *account });
    let account = scope.account;
    let create = move |()| {
        let result = store.apply(Command::CreateFlexInstance { account });
        toasts.outcome(&result, "Flex instance created: TaskRouter, Studio, Conversations, Proxy and Functions are provisioned.");
        if result.is_ok() {
            // The pressed button is gone with the page it was on: focus what replaced it.
            focus::soon(|| {
                let _ = focus::to("[data-testid=launch-button]");
            });
        }
    };
    view! {
        <section class="page" aria-labelledby="flex-title">
            <PageHeader id="flex-title" title="Flex overview" account=name description=DESCRIPTION />
            <Details><CopyableSid label="Account SID" value=sid /></Details>
            <EmptyState message="Flex is not set up in this account yet. Creating a Flex instance provisions its TaskRouter workspace, Studio flows, Conversations and Proxy services, Functions and Flex Flows.">
                <ActionButton refused class="button-primary" inline=true on_press=Callback::new(create)>
                    "Create Flex instance"
                </ActionButton>
            </EmptyState>
        </section>
    }
}

/// What the Flex overview is for, under its title.
const DESCRIPTION: &str =
    "The account's Flex instance: the SIDs Flex needs, its plan, and what it was set up with.";

/// The instance's SIDs, plan, launch and provisioned resources.
#[component]
fn FlexDetails(o: Overview) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let token = {
        Memo::new(move |_| {
            let actor = scope.actor();
            store.with(|c| {
                c.auth_tokens(&actor, &scope.account)
                    .map(|(p, _)| p.as_str().to_string())
                    .map_err(|e| e.to_string())
            })
        })
    };
    // Upgrading is done on the Billing page: the link is offered when the domain would let
    // this user upgrade (asked with what the Billing page submits).
    let can_upgrade = scope.offer(|account| Command::UpgradePlan {
        account: *account,
        billing_model: BillingModel::ActiveUserHours,
        accept_fair_usage_terms: true,
        payment_method: String::new(),
    });
    let may_bill = {
        Memo::new(move |_| {
            store.with(|c| {
                c.may_open(&scope.actor(), &scope.account, AccountPage::Billing)
                    .err()
                    .map(|e| e.to_string())
            })
        })
    };
    // Upgrading happens on the Billing page: its button is refused with the reason when this
    // user may not open that page or may not upgrade.
    let upgrade_refused = Memo::new(move |_| may_bill.get().or_else(|| can_upgrade.get()));
    let billing = format!("/accounts/{}/billing", o.account_sid);
    let navigate = leptos_router::hooks::use_navigate();
    let upgrade = Callback::new(move |()| navigate(&billing, Default::default()));
    let settings = href(&format!("/accounts/{}/flex/settings", o.account_sid));
    let flex_users = href(&format!("/accounts/{}/flex/users", o.account_sid));
    // What the details show, taken out of `o` (the list's rows are built once, in a closure).
    let (account_sid, instance_sid, plan) = (
        o.account_sid.clone(),
        o.instance_sid.clone(),
        o.plan.clone(),
    );
    let (paid, ui_version, workers) = (o.paid, o.ui_version.clone(), o.workers);
    let flex_url = format!(
        "https://flex.twilio.com/{}",
        o.runtime_domain.split('.').next().unwrap_or_default()
    );
    view! {
        <section class="page" aria-labelledby="flex-title">
            <PageHeader id="flex-title" title="Flex overview" account=o.account_name.clone() description=DESCRIPTION>
                <LaunchButton />
            </PageHeader>
            <Details>
                <LaunchOutcome />
                <CopyableSid label="Account SID" value=account_sid />
                {move || match token.get() {
                    Ok(t) => view! { <MaskedSecret label="Auth Token" value=t /> }.into_any(),
                    Err(reason) => view! { <HiddenSecret label="Auth Token" reason /> }.into_any(),
                }}
                <ApiKeysLink />
                <CopyableSid label="Flex Instance SID" value=instance_sid />
                <Detail label="Plan" testid="flex-plan">
                    {plan}
                    <DetailActions slot>
                        {(!paid).then(|| view! {
                            <ActionButton refused=upgrade_refused class="button-small" inline=true on_press=upgrade>
                                "Upgrade"
                            </ActionButton>
                        })}
                    </DetailActions>
                </Detail>
                <ActiveHoursFields />
                <Detail label="Flex UI version">
                    {ui_version}
                    <DetailActions slot><a href=settings>"Flex settings"</a></DetailActions>
                </Detail>
                <Detail label="Flex URL">
                    <code>{flex_url}</code>
                </Detail>
                <Detail label="Flex users (workers)">
                    {workers}
                    <DetailActions slot><a href=flex_users>"View Flex users"</a></DetailActions>
                </Detail>
            </Details>
            <h2>"Provisioned resources"</h2>
            <p class="hint">"The Flex configuration links to its workspace, workflow, queue and services: open each on its product page."</p>
            <div class="table-wrap">
                <table class="table product-table">
                    <caption class="visually-hidden">"Resources Flex is built from"</caption>
                    <thead><tr><th scope="col">"Resource"</th><th scope="col">"Name"</th><th scope="col">"SID"</th></tr></thead>
                    <tbody>
                        {o.resources.iter().cloned().map(|(kind, name, sid)| {
                            let name = match kind.page() {
                                AccountPage::FlexOverview => name.into_any(),
                                page => {
                                    let to = href(&format!("/accounts/{}{}", o.account_sid, page.path()));
                                    view! { <a href=to>{name}</a> }.into_any()
                                }
                            };
                            view! { <tr><td>{capitalized(kind.label())}</td><td data-label="Name">{name}</td><td data-label="SID"><code>{sid}</code></td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// How this user would enter Flex, or why they cannot: a row of the details, read before the
/// header's "Log in with Console" is pressed.
#[component]
fn LaunchOutcome() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let preview = Memo::new(move |_| {
        store.with(|c| c.launch_preview(&scope.user, &scope.account, store.now()))
    });
    view! {
        <Detail label="Your Flex login" testid="launch-outcome">
            {move || match preview.get() {
                Ok((LaunchOutcome::Admin, roles)) => format!("You will enter Flex as admin (roles {}).", roles.join(", ")),
                Ok((LaunchOutcome::ReadOnlyAdmin, roles)) => format!(
                    "You will enter Flex as a read-only admin (roles {}): you may view the admin dashboard, queue stats and teams, but not change anything.",
                    roles.join(", ")
                ),
                // The domain refuses a denied login, so this is never Ok.
                Ok((LaunchOutcome::Denied, _)) => String::new(),
                Err(e) => format!("You cannot enter Flex: {e}"),
            }}
        </Detail>
    }
}

/// "Log in with Console", the page's primary action: enters Flex as this user's worker (the
/// details say how before it is pressed).
#[component]
fn LaunchButton() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let refused = scope.offer(|account| Command::LaunchFlex { account: *account });
    let account = scope.account;
    let user = scope.user;
    let navigate = leptos_router::hooks::use_navigate();
    let launch = Callback::new(move |()| {
        let result = store.apply(Command::LaunchFlex { account });
        match result {
            Ok(event) => {
                if let EventKind::FlexLaunched {
                    worker,
                    roles,
                    worker_created,
                    ..
                } = event.kind
                {
                    let what = if worker_created { "created" } else { "updated" };
                    toasts.success(format!(
                        "Logged in to Flex. Worker {worker} {what} with roles {}.",
                        roles.join(", ")
                    ));
                    // Enter the Flex UI as this worker, on the first view their roles show.
                    let path = crate::pages::flex::landing_path(&account, &worker);
                    let login = crate::store::flex_session::FlexLogin::Console { user };
                    let session = crate::store::flex_session::FlexSession {
                        account,
                        worker,
                        login,
                    };
                    crate::store::flex_session::save(Some(&session));
                    navigate(&path, Default::default());
                }
            }
            Err(e) => toasts.error(e.to_string()),
        }
    });
    // The palette's "Log in with Console" comes here with `?do=launch`.
    if take_request("launch") && refused.get_untracked().is_none() {
        leptos::task::spawn_local(async move { launch.run(()) });
    }
    view! {
        <ActionButton refused class="button-primary" testid="launch-button" on_press=launch>
            "Log in with Console"
        </ActionButton>
    }
}

/// The kinds of resource setting up Flex provisions.
fn provisioned(kind: ResourceKind) -> bool {
    use ResourceKind as K;
    matches!(
        kind,
        K::Workspace
            | K::Workflow
            | K::TaskQueue
            | K::Activity
            | K::TaskChannel
            | K::StudioFlow
            | K::ConversationsService
            | K::ProxyService
            | K::FunctionsService
            | K::FlexFlow
    )
}

/// "workflow" as "Workflow".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
