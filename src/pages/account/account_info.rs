//! Account Info (`/accounts/:account_sid`): the account's SID, Auth Tokens, status and type.

use leptos::prelude::*;

use super::AccountScope;
use crate::components::confirm::ConfirmDialog;
use crate::components::copyable_sid::CopyableSid;
use crate::components::masked_secret::{HiddenSecret, MaskedSecret};
use crate::components::toast::Toasts;
use crate::domain::{AccountStatus, Capability, Command, needs};
use crate::store::Store;

/// What the page shows of the account, copied out of the store.
#[derive(Clone, PartialEq)]
struct Info {
    name: String,
    sid: String,
    status: AccountStatus,
    account_type: String,
    your_roles: String,
    is_owner: bool,
}

/// The Account Info page.
#[component]
pub fn AccountInfo() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let info = {
        let scope = scope.clone();
        Memo::new(move |_| {
            store.with(|c| {
                let a = c.account(&scope.account)?;
                let roles = a.roles_of(&scope.user)?;
                Some(Info {
                    name: a.friendly_name.clone(),
                    sid: a.sid.to_string(),
                    status: a.status,
                    account_type: a.account_type.to_string(),
                    your_roles: roles.to_string(),
                    is_owner: roles.is_owner(),
                })
            })
        })
    };
    move || {
        info.get().map(|info| {
            view! {
                <section class="page" aria-labelledby="account-title">
                    <p class="eyebrow">"Account Info"</p>
                    <h1 id="account-title">{info.name.clone()}</h1>
                    <dl class="fields">
                        <CopyableSid label="Account SID" value=info.sid.clone() />
                        <Tokens />
                        <div class="field">
                            <dt>"Status"</dt>
                            <dd><span class=format!("badge badge-{}", info.status.to_string().to_lowercase())>{info.status.to_string()}</span></dd>
                        </div>
                        <div class="field"><dt>"Type"</dt><dd>{info.account_type.clone()}</dd></div>
                        <div class="field"><dt>"Your roles"</dt><dd data-testid="your-roles">{info.your_roles.clone()}</dd></div>
                    </dl>
                    <Settings status=info.status />
                    <Leave is_owner=info.is_owner />
                </section>
            }
        })
    }
}

/// The primary and secondary Auth Tokens, rendered only for roles that may see them.
#[component]
fn Tokens() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let confirm_promote = RwSignal::new(false);
    let tokens = {
        let scope = scope.clone();
        Memo::new(move |_| {
            let actor = scope.actor();
            store.with(|c| {
                c.auth_tokens(&actor, &scope.account)
                    .ok()
                    .map(|(primary, secondary)| {
                        (
                            primary.as_str().to_string(),
                            secondary.map(|s| s.as_str().to_string()),
                        )
                    })
            })
        })
    };
    let account = scope.account.clone();
    let run = move |command: Command, done: &'static str| {
        let result = store.apply(command);
        toasts.outcome(&result, done);
        result.is_ok()
    };
    let (a1, a2, a3) = (account.clone(), account.clone(), account);
    move || match tokens.get() {
        None => view! {
            <HiddenSecret label="Auth Token" reason=needs(Capability::ManageCredentials) />
        }
        .into_any(),
        Some((primary, secondary)) => {
            let (a1, a2, a3) = (a1.clone(), a2.clone(), a3.clone());
            view! {
                <MaskedSecret label="Auth Token" value=primary />
                {match secondary {
                    Some(secondary) => view! {
                        <MaskedSecret label="Secondary Auth Token" value=secondary />
                        <div class="actions">
                            <button type="button" class="button" on:click=move |_| confirm_promote.set(true)>
                                "Promote to primary"
                            </button>
                            <button
                                type="button"
                                class="button button-danger"
                                on:click=move |_| { run(Command::DeleteSecondaryToken { account: a2.clone() }, "Secondary token deleted."); }
                            >
                                "Delete secondary token"
                            </button>
                        </div>
                        <ConfirmDialog
                            open=confirm_promote
                            title="Promote the secondary token?"
                            confirm="Promote"
                            on_confirm=move |_| {
                                run(Command::PromoteSecondaryToken { account: a1.clone() }, "Secondary token promoted; the old primary no longer works.");
                            }
                        >
                            <p>"The secondary token becomes the primary Auth Token. The current primary token stops working at once: requests signed with it will fail."</p>
                        </ConfirmDialog>
                    }.into_any(),
                    None => view! {
                        <div class="actions">
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| { run(Command::CreateSecondaryToken { account: a3.clone() }, "Secondary token created."); }
                            >
                                "Create secondary token"
                            </button>
                        </div>
                    }.into_any(),
                }}
            }
            .into_any()
        }
    }
}

/// Rename, suspend, reactivate and close: project settings, for Owners and Administrators.
#[component]
fn Settings(status: AccountStatus) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let allowed = scope.can(Capability::ManageProjectSettings);
    let can_close = scope.can(Capability::TransferOwnership);
    let name = RwSignal::new(
        store
            .with_untracked(|c| c.account(&scope.account).map(|a| a.friendly_name.clone()))
            .unwrap_or_default(),
    );
    let confirm_close = RwSignal::new(false);
    let account = scope.account.clone();
    let run = move |command: Command, done: &'static str| {
        let result = store.apply(command);
        toasts.outcome(&result, done);
    };
    if !allowed {
        return view! {
            <h2>"Settings"</h2>
            <p class="muted">"Renaming, suspending and closing the account: " {needs(Capability::ManageProjectSettings)}</p>
        }
        .into_any();
    }
    let (a1, a2, a3) = (account.clone(), account.clone(), account);
    view! {
        <h2>"Settings"</h2>
        <form
            class="inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                run(Command::RenameAccount { account: a1.clone(), friendly_name: name.get_untracked() }, "Account renamed.");
            }
        >
            <div>
                <label class="field-label" for="account-name">"Account name"</label>
                <input id="account-name" class="input" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="button">"Rename"</button>
        </form>
        <div class="actions">
            {match status {
                AccountStatus::Active => view! {
                    <button type="button" class="button" on:click=move |_| run(Command::SuspendAccount { account: a2.clone() }, "Account suspended.")>
                        "Suspend account"
                    </button>
                }.into_any(),
                AccountStatus::Suspended => view! {
                    <button type="button" class="button" on:click=move |_| run(Command::ReactivateAccount { account: a2.clone() }, "Account reactivated.")>
                        "Reactivate account"
                    </button>
                }.into_any(),
                AccountStatus::Closed => view! { <p class="muted">"This account is closed for good."</p> }.into_any(),
            }}
            {(status != AccountStatus::Closed).then(|| view! {
                <button
                    type="button"
                    class="button button-danger"
                    disabled=!can_close
                    title=(!can_close).then(|| needs(Capability::TransferOwnership))
                    on:click=move |_| confirm_close.set(true)
                >
                    "Close account"
                </button>
                {(!can_close).then(|| view! { <span class="hint">"Closing: " {needs(Capability::TransferOwnership)}</span> })}
            })}
        </div>
        <ConfirmDialog
            open=confirm_close
            title="Close this account?"
            confirm="Close account"
            on_confirm=move |_| run(Command::CloseAccount { account: a3.clone() }, "Account closed.")
        >
            <p>"Closing is final: the account cannot be reactivated, Flex stops, and its tokens stop working."</p>
        </ConfirmDialog>
    }
    .into_any()
}

/// Leaving the account: every member but the Owner, who must transfer ownership first.
#[component]
fn Leave(is_owner: bool) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let confirm = RwSignal::new(false);
    let navigate = leptos_router::hooks::use_navigate();
    let account = scope.account.clone();
    view! {
        <h2>"Membership"</h2>
        {if is_owner {
            view! { <p class="muted">"As the Owner you cannot leave; transfer ownership to another member first (Manage users)."</p> }.into_any()
        } else {
            view! { <button type="button" class="button button-danger" on:click=move |_| confirm.set(true)>"Leave account"</button> }.into_any()
        }}
        <ConfirmDialog
            open=confirm
            title="Leave this account?"
            confirm="Leave account"
            on_confirm=move |_| {
                let result = store.apply(Command::LeaveAccount { account: account.clone() });
                toasts.outcome(&result, "You left the account.");
                if result.is_ok() {
                    navigate("/accounts", Default::default());
                }
            }
        >
            <p>"You lose access to this account. Your Console user stays; an Owner or Administrator can invite you again."</p>
        </ConfirmDialog>
    }
}
