//! Account Info (`/accounts/:account_sid`): the account's SID, Auth Tokens, status and type.

use leptos::prelude::*;

use super::AccountScope;
use crate::components::confirm::ConfirmDialog;
use crate::components::copyable_sid::CopyableSid;
use crate::components::details::{Detail, DetailActions, Details};
use crate::components::draft::Draft;
use crate::components::form_problem::FormProblem;
use crate::components::link::href;
use crate::components::masked_secret::{HiddenSecret, MaskedSecret};
use crate::components::offer::{ActionButton, Refusal};
use crate::components::page_header::PageHeader;
use crate::components::row_menu::{MenuAction, RowMenu};
use crate::components::toast::Toasts;
use crate::domain::{AccountPage, AccountSid, AccountStatus, Command};
use crate::pages::users::leave::LeaveAccount;
use crate::store::Store;

/// What the page shows of the account, copied out of the store.
#[derive(Clone, PartialEq)]
struct Info {
    name: String,
    status: AccountStatus,
    account_type: String,
    your_roles: String,
}

/// The Account Info page.
#[component]
pub fn AccountInfo() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let info = {
        Memo::new(move |_| {
            store.with(|c| {
                let a = c.account(&scope.account)?;
                let roles = a.roles_of(&scope.user)?;
                Some(Info {
                    name: a.friendly_name.clone(),
                    status: a.status,
                    account_type: a.account_type.to_string(),
                    your_roles: roles.to_string(),
                })
            })
        })
    };
    // Mounted once while the account is there: a change made elsewhere (a rename, a role)
    // updates the values in place, so a field being typed in keeps what was typed.
    let shown = Memo::new(move |_| info.with(Option::is_some));
    let part = move |read: fn(&Info) -> String| {
        move || info.with(|i| i.as_ref().map(read).unwrap_or_default())
    };
    let status = Signal::derive(move || {
        info.with(|i| i.as_ref().map_or(AccountStatus::Active, |i| i.status))
    });
    move || {
        shown.get().then(|| {
            view! {
                <section class="page" aria-labelledby="account-title">
                    <PageHeader
                        id="account-title"
                        title="Account Info"
                        account=Signal::derive(part(|i| i.name.clone()))
                        description="The account's identifiers and credentials, its status, and your roles in it."
                    />
                    <Details>
                        <CopyableSid label="Account SID" value=scope.account.to_string() />
                        <Tokens />
                        <ApiKeysLink />
                        <Detail label="Status">
                            <span class=move || format!("badge badge-{}", status.get().to_string().to_lowercase())>{move || status.get().to_string()}</span>
                        </Detail>
                        <Detail label="Type">{part(|i| i.account_type.clone())}</Detail>
                        <Detail label="Your roles" testid="your-roles">
                            {part(|i| i.your_roles.clone())}
                            <DetailActions slot><LeaveAccount inline=true /></DetailActions>
                        </Detail>
                    </Details>
                    <Settings status />
                </section>
            }
        })
    }
}

/// The primary and secondary Auth Tokens, rendered only for roles that may see them (fields of
/// a `dl`, shared by Account Info and API keys & tokens).
#[component]
pub fn Tokens() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let confirm_promote = RwSignal::new(false);
    let tokens = {
        Memo::new(move |_| {
            let actor = scope.actor();
            store.with(|c| {
                c.auth_tokens(&actor, &scope.account)
                    .map(|(primary, secondary)| {
                        (
                            primary.as_str().to_string(),
                            secondary.map(|s| s.as_str().to_string()),
                        )
                    })
                    .map_err(|e| e.to_string())
            })
        })
    };
    let can_create = offer_for(&scope, |account| Command::CreateSecondaryToken { account });
    let can_promote = offer_for(&scope, |account| Command::PromoteSecondaryToken { account });
    let can_delete = offer_for(&scope, |account| Command::DeleteSecondaryToken { account });
    let account = scope.account;
    let run = move |command: fn(AccountSid) -> Command, done: &'static str| {
        let account = account;
        Callback::new(move |()| {
            let result = store.apply(command(account));
            toasts.outcome(&result, done);
        })
    };
    let create = run(
        |account| Command::CreateSecondaryToken { account },
        "Secondary token created.",
    );
    let promote = run(
        |account| Command::PromoteSecondaryToken { account },
        "Secondary token promoted; the old primary no longer works.",
    );
    let delete = run(
        |account| Command::DeleteSecondaryToken { account },
        "Secondary token deleted.",
    );
    move || {
        match tokens.get() {
        Err(reason) => view! { <HiddenSecret label="Auth Token" reason /> }.into_any(),
        Ok((primary, secondary)) => view! {
            <MaskedSecret label="Auth Token" value=primary />
            {match secondary {
                Some(secondary) => view! {
                    <MaskedSecret label="Secondary Auth Token" value=secondary>
                        <RowMenu
                            label="Actions for the secondary Auth Token".to_string()
                            actions=vec![
                                MenuAction::new("Promote to primary", can_promote, Callback::new(move |()| confirm_promote.set(true))),
                                MenuAction::new("Delete secondary token", can_delete, delete).danger(),
                            ]
                        />
                        <ConfirmDialog
                            open=confirm_promote
                            title="Promote the secondary token?"
                            confirm="Promote"
                            refused=can_promote
                            on_confirm=promote
                        >
                            <p>"The secondary token becomes the primary Auth Token. The current primary token stops working at once: requests signed with it will fail."</p>
                        </ConfirmDialog>
                    </MaskedSecret>
                }.into_any(),
                None => view! {
                    <Detail label="Secondary Auth Token">
                        <span class="muted">"None"</span>
                        <DetailActions slot>
                            <ActionButton refused=can_create class="button-small" inline=true on_press=create>
                                "Create secondary token"
                            </ActionButton>
                        </DetailActions>
                    </Detail>
                }.into_any(),
            }}
        }
        .into_any(),
    }
    }
}

/// The way from the Auth Token to the API keys, for those the domain lets open that page (a
/// field of a `dl`, on Account Info and the Flex overview).
#[component]
pub fn ApiKeysLink() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let may = Memo::new(move |_| {
        store.with(|c| {
            c.may_open(&scope.actor(), &scope.account, AccountPage::ApiKeys)
                .is_ok()
        })
    });
    let to = href(&format!(
        "/accounts/{}{}",
        scope.account,
        AccountPage::ApiKeys.path()
    ));
    move || {
        may.get().then(|| {
            let to = to.clone();
            view! {
                <Detail label="API keys">
                    <a href=to>"Manage API keys & tokens"</a>
                </Detail>
            }
        })
    }
}

/// Rename, suspend, reactivate and close, each refused up front with the domain's reason.
#[component]
fn Settings(
    /// The account's status now.
    status: Signal<AccountStatus>,
) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    // The name field follows a rename made elsewhere until it is typed in; a rename then
    // carries the revision it was typed over (see `Draft`).
    let stored = {
        let account = scope.account;
        Memo::new(move |_| {
            store.with(|c| {
                c.account(&account)
                    .map(|a| (a.friendly_name.clone(), a.name_revision.number))
            })
        })
    };
    let draft = Draft::new(stored);
    let name = move || draft.values().unwrap_or_default();
    let problem = RwSignal::new(None::<String>);
    let confirm_close = RwSignal::new(false);
    let can_rename = scope.offer(move |account| Command::RenameAccount {
        account: *account,
        friendly_name: name(),
        revision: draft.seen(),
    });
    let status_command = move |account: AccountSid| match status.get() {
        AccountStatus::Suspended => Command::ReactivateAccount { account },
        _ => Command::SuspendAccount { account },
    };
    let can_change_status = scope.offer(move |account| status_command(*account));
    let can_close = offer_for(&scope, |account| Command::CloseAccount { account });
    let account = scope.account;
    let run = move |command: Command, done: &'static str| {
        let result = store.apply(command);
        toasts.outcome(&result, done);
    };
    let (a1, a2, a3) = (account, account, account);
    let change_status = Callback::new(move |()| {
        let done = match status.get_untracked() {
            AccountStatus::Suspended => "Account reactivated.",
            _ => "Account suspended.",
        };
        run(untrack(|| status_command(a2)), done);
    });
    view! {
        <h2>"Settings"</h2>
        <form
            class="inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                let command = Command::RenameAccount {
                    account: a1,
                    friendly_name: untrack(name),
                    revision: draft.seen_untracked(),
                };
                match store.apply(command) {
                    Ok(_) => {
                        problem.set(None);
                        draft.reload();
                        toasts.success("Account renamed.");
                    }
                    Err(e) => problem.set(Some(e.to_string())),
                }
            }
        >
            <div>
                <label class="field-label" for="account-name">"Account name"</label>
                <input id="account-name" class="input" maxlength="64" prop:value=name
                    on:input=move |ev| draft.edit(|n| *n = event_target_value(&ev)) />
            </div>
            <ActionButton refused=can_rename>"Rename"</ActionButton>
        </form>
        <Show when=move || draft.stale()>
            <div class="notice changed-elsewhere" role="status" data-testid="name-changed">
                <p>{move || can_rename.get()}</p>
                <button type="button" class="button" on:click=move |_| {
                    draft.reload();
                    problem.set(None);
                }>"Load the newer values"</button>
            </div>
        </Show>
        <FormProblem problem />
        <div class="actions">
            {move || match status.get() {
                AccountStatus::Closed => view! { <p class="muted">"This account is closed for good."</p> }.into_any(),
                AccountStatus::Active => view! {
                    <ActionButton refused=can_change_status on_press=change_status>"Suspend account"</ActionButton>
                }.into_any(),
                AccountStatus::Suspended => view! {
                    <ActionButton refused=can_change_status on_press=change_status>"Reactivate account"</ActionButton>
                }.into_any(),
            }}
            {move || (status.get() != AccountStatus::Closed).then(|| view! {
                <ActionButton refused=can_close class="button-danger" on_press=Callback::new(move |()| confirm_close.set(true))>
                    "Close account"
                </ActionButton>
            })}
        </div>
        <ConfirmDialog
            open=confirm_close
            title="Close this account?"
            confirm="Close account"
            refused=can_close
            on_confirm=move |_| run(Command::CloseAccount { account: a3 }, "Account closed.")
        >
            <p>"Closing is final: the account cannot be reactivated, Flex stops, and its tokens stop working."</p>
        </ConfirmDialog>
    }
}

/// The domain's answer for a command that names only the account.
fn offer_for(scope: &AccountScope, make: fn(AccountSid) -> Command) -> Refusal {
    scope.offer(move |account| make(*account))
}
