//! Flex SSO login (`/sso`): a simulated identity provider. Pick an account with Flex, fill
//! the assertion (email, full name, roles) and log in; the domain decides (45050 without
//! agent, supervisor or admin; read-only admin is refused) and a refusal changes nothing.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::offer::{self, ActionButton};
use crate::components::page_header::PageHeader;
use crate::components::sid_select::{SidChoice, SidSelect};
use crate::components::toast::Toasts;
use crate::domain::{
    AccountSid, Actor, Capability, Command, Email, EventKind, SsoAssertion, describe_roles,
    roles_granting,
};
use crate::pages::flex::landing_path;
use crate::store::Store;
use crate::store::flex_session::{self, FlexLogin, FlexSession};

/// Quick-fill buttons for the roles field: (button label, roles text).
const QUICK_ROLES: [(&str, &str); 4] = [
    ("agent", "agent"),
    ("supervisor", "supervisor"),
    ("admin", "admin"),
    ("no roles", ""),
];

/// The SSO login page.
#[component]
pub fn SsoLogin() -> impl IntoView {
    let store = Store::get();
    let toasts = Toasts::get();
    let navigate = use_navigate();
    // The accounts with Flex: (SID, "Name (AC5d7c…fb54)").
    let accounts = Memo::new(move |_| {
        store.with(|c| {
            c.accounts()
                .filter(|a| a.flex.is_some())
                .map(|a| {
                    let sid = a.sid.to_string();
                    let text = format!(
                        "{} ({}…{})",
                        a.friendly_name,
                        &sid[..6],
                        &sid[sid.len() - 4..]
                    );
                    (sid, text)
                })
                .collect::<Vec<_>>()
        })
    });
    // Kept by SID: a reset or an import in another tab may take the account away.
    let first = accounts.with_untracked(|a| a.first().map(|(sid, _)| sid.clone()));
    let account = SidChoice::new(accounts.into(), first);
    let email = RwSignal::new(String::new());
    let full_name = RwSignal::new(String::new());
    let roles = RwSignal::new("agent".to_owned());
    let email_error = RwSignal::new(None::<String>);
    let refusal = RwSignal::new(None::<String>);

    // The assertion as the form has it (an email not typed yet stands for "someone").
    let assertion = move || SsoAssertion {
        email: Email::parse(email.get().trim()).unwrap_or_else(|_| Email::someone()),
        full_name: full_name.get().trim().to_owned(),
        roles: roles
            .get()
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect(),
    };
    // The domain's answer for the account chosen (a suspended one refuses every login).
    let refused = Memo::new(move |_| {
        let account = account.get::<AccountSid>()?;
        let command = Command::SsoLogin { account };
        offer::refusal(store.check(&Actor::Sso(assertion()), &command))
    });
    let set_up_by = describe_roles(&roles_granting(Capability::ManageProjectSettings));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        refusal.set(None);
        let address = match Email::parse(email.get_untracked().trim()) {
            Ok(address) => address,
            Err(e) => {
                email_error.set(Some(e.to_string()));
                return;
            }
        };
        email_error.set(None);
        let Some(account) = account.get_untracked::<AccountSid>() else {
            refusal.set(Some("Choose an account with Flex.".to_owned()));
            return;
        };
        let assertion = SsoAssertion {
            email: address,
            ..untrack(assertion)
        };
        let actor = Actor::Sso(assertion.clone());
        match store.apply_as(&actor, Command::SsoLogin { account }) {
            Ok(event) => {
                if let EventKind::SsoLoggedIn {
                    worker,
                    roles,
                    worker_created,
                    insights_dropped,
                    ..
                } = event.kind
                {
                    let what = if worker_created { "created" } else { "updated" };
                    // What the assertion asked for and did not get is said, with the reason.
                    let dropped = insights_dropped.map_or(String::new(), |d| {
                        format!(
                            " The Insights roles {} were not applied: {}",
                            d.roles.join(", "),
                            d.why
                        )
                    });
                    toasts.success(format!(
                        "Logged in to Flex with SSO. Worker {worker} {what} with roles {}.{dropped}",
                        roles.join(", ")
                    ));
                    let path = landing_path(&account, &worker);
                    flex_session::save(Some(&FlexSession {
                        account,
                        worker,
                        login: FlexLogin::Sso { assertion },
                    }));
                    navigate(&path, Default::default());
                }
            }
            Err(e) => refusal.set(Some(e.to_string())),
        }
    };

    view! {
        <section class="page" aria-labelledby="sso-title">
            <PageHeader
                id="sso-title"
                title="Log in to Flex with SSO"
                description="A simulated identity provider: what you enter here is the SAML assertion Flex receives."
            />
            {move || accounts.with(|a| a.is_empty()).then(|| view! {
                <p class="notice">"No account has Flex set up yet; a member with the " {set_up_by.clone()} " role sets it up on the account's Flex overview."</p>
            })}
            <form class="card sso-form" on:submit=submit novalidate aria-describedby="sso-refusal">
                <label class="field-label" for="sso-account">"Account"</label>
                <SidSelect
                    choice=account
                    id="sso-account"
                    prompt="Choose an account with Flex"
                    left="no longer exists or has no Flex"
                />
                <label class="field-label" for="sso-email">"Email"</label>
                <input id="sso-email" class="input" type="email" autocomplete="off"
                    aria-invalid=move || email_error.get().is_some().to_string()
                    aria-describedby="sso-email-error"
                    prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev)) />
                <p id="sso-email-error" class="field-error">{move || email_error.get()}</p>
                <label class="field-label" for="sso-name">"Full name"</label>
                <input id="sso-name" class="input" type="text" autocomplete="off"
                    prop:value=move || full_name.get()
                    on:input=move |ev| full_name.set(event_target_value(&ev)) />
                <label class="field-label" for="sso-roles">"Roles"</label>
                <input id="sso-roles" class="input" type="text" autocomplete="off" aria-describedby="sso-roles-hint"
                    prop:value=move || roles.get()
                    on:input=move |ev| roles.set(event_target_value(&ev)) />
                <p id="sso-roles-hint" class="hint">"Comma-separated role names, e.g. agent, supervisor, admin, wfo.team_leader."</p>
                <div class="actions" role="group" aria-label="Fill the roles">
                    {QUICK_ROLES.iter().map(|(label, value)| view! {
                        <button type="button" class="button button-small" on:click=move |_| roles.set((*value).to_owned())>{*label}</button>
                    }).collect_view()}
                </div>
                <div class="actions">
                    <ActionButton refused class="button-primary" inline=true>"Log in to Flex"</ActionButton>
                </div>
                <div id="sso-refusal">
                    {move || refusal.get().map(|e| view! { <p class="form-error" role="alert" data-testid="sso-refusal">{e}</p> })}
                </div>
            </form>
        </section>
    }
}
