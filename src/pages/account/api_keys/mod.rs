//! API keys & tokens (`/accounts/:account_sid/api-keys`): the account's API keys (`SK…`),
//! created with their secret shown once, renamed and deleted; and its Auth Tokens.

mod create_dialog;
mod rename_dialog;

use leptos::prelude::*;

use super::account_info::Tokens;
use super::{AccountScope, Requires};
use crate::components::breaks::DateTime;
use crate::components::confirm::ConfirmDialog;
use crate::components::copyable_sid::{CopyableSid, InlineSid};
use crate::components::details::Details;
use crate::components::empty_state::EmptyState;
use crate::components::offer::ActionButton;
use crate::components::page_header::PageHeader;
use crate::components::row_menu::{MenuAction, RowMenu};
use crate::components::toast::Toasts;
use crate::domain::{AccountPage, ApiKeySid, ApiKeyType, Command};
use crate::store::Store;
use create_dialog::CreateKeyDialog;
use rename_dialog::RenameKeyDialog;

/// One row of the keys table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct KeyRow {
    sid: ApiKeySid,
    name: String,
    key_type: ApiKeyType,
    created: String,
}

/// The API keys & tokens page.
#[component]
pub fn ApiKeys() -> impl IntoView {
    view! {
        <Requires page=AccountPage::ApiKeys>
            <KeysPage />
        </Requires>
    }
}

#[component]
fn KeysPage() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let keys = Memo::new(move |_| {
        store.with(|c| {
            let Some(a) = c.account(&scope.account) else {
                return (String::new(), String::new(), Vec::new());
            };
            let mut rows: Vec<KeyRow> = a
                .api_keys
                .values()
                .map(|k| KeyRow {
                    sid: k.sid,
                    name: k.friendly_name.clone(),
                    key_type: k.key_type,
                    created: k.created.to_string(),
                })
                .collect();
            rows.sort_by_key(|r| (r.name.to_lowercase(), r.sid));
            (a.friendly_name.clone(), a.sid.to_string(), rows)
        })
    });
    let creating = RwSignal::new(false);
    let renaming = RwSignal::new(None::<KeyRow>);
    let deleting = RwSignal::new(None::<KeyRow>);
    let confirm_open = RwSignal::new(false);
    // Asked with nothing typed yet: only refusals disable, not the name.
    let can_create = scope.offer(|account| Command::CreateApiKey {
        account: *account,
        friendly_name: String::new(),
        key_type: ApiKeyType::Standard,
    });
    let total = move || keys.with(|(_, _, rows)| rows.len());
    let create = move || {
        view! {
            <ActionButton refused=can_create class="button-primary" on_press=Callback::new(move |()| creating.set(true))>
                "Create API key"
            </ActionButton>
        }
    };
    view! {
        <section class="page page-wide" aria-labelledby="keys-title">
            <PageHeader
                id="keys-title"
                title="API keys & tokens"
                account=Signal::derive(move || keys.with(|(name, _, _)| name.clone()))
                description="An API key gives one application its own credentials for Twilio's REST API: revoke it without touching the Auth Token or anything else that uses the account."
            >
                {create()}
            </PageHeader>
            <h2 id="keys-heading">"API keys"</h2>
            <Show
                when=move || { total() > 0 }
                fallback=move || view! {
                    <EmptyState message="This account has no API keys yet. A key is a SID and a secret an application signs its requests with; its secret is shown once, when it is created with Create API key above." testid="no-keys" />
                }
            >
                <div class="table-wrap">
                    <table class="table keys-table" aria-labelledby="keys-heading">
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"SID"</th>
                                <th scope="col">"Type"</th>
                                <th scope="col">"Created"</th>
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || keys.with(|(_, _, rows)| rows.clone()) key=|r| r.clone() let:row>
                                <KeyRowView row renaming deleting confirm_open />
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <h2>"Auth Tokens"</h2>
            <p>"The Auth Token signs requests with full access to the account, like a Main key; a secondary token lets you rotate it without downtime."</p>
            <Details>
                <CopyableSid label="Account SID" value=keys.with_untracked(|(_, sid, _)| sid.clone()) />
                <Tokens />
            </Details>
            {move || creating.get().then(|| view! {
                <CreateKeyDialog on_close=Callback::new(move |()| creating.set(false)) />
            })}
            // Mounted for each opening, so the name field starts from the key's name.
            {move || renaming.get().map(|row| view! {
                <RenameKeyDialog key=row.sid name=row.name on_close=Callback::new(move |()| renaming.set(None)) />
            })}
            {move || deleting.get().map(|row| view! { <DeleteKeyDialog open=confirm_open row /> })}
        </section>
    }
}

/// One key's row, with its Rename and Delete, each refused up front with the domain's reason.
#[component]
fn KeyRowView(
    row: KeyRow,
    renaming: RwSignal<Option<KeyRow>>,
    deleting: RwSignal<Option<KeyRow>>,
    confirm_open: RwSignal<bool>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let (key, name) = (row.sid, row.name.clone());
    let can_rename = scope.offer(move |account| Command::RenameApiKey {
        account: *account,
        key,
        friendly_name: name.clone(),
        revision: None,
    });
    let can_delete = scope.offer(move |account| Command::DeleteApiKey {
        account: *account,
        key,
    });
    let (rename_row, delete_row) = (row.clone(), row.clone());
    let actions = vec![
        MenuAction::new(
            "Rename",
            can_rename,
            Callback::new(move |()| renaming.set(Some(rename_row.clone()))),
        ),
        MenuAction::new(
            "Delete",
            can_delete,
            Callback::new(move |()| {
                deleting.set(Some(delete_row.clone()));
                confirm_open.set(true);
            }),
        )
        .danger(),
    ];
    let created = row.created.clone();
    view! {
        <tr data-testid="key-row">
            <th scope="row">{row.name.clone()}</th>
            <td data-label="SID"><InlineSid label="API key SID" value=row.sid.to_string() /></td>
            <td data-label="Type">{row.key_type.to_string()}</td>
            <td data-label="Created"><DateTime text=Signal::derive(move || created.clone()) /></td>
            <td class="row-actions"><RowMenu label=format!("Actions for {}", row.name) actions /></td>
        </tr>
    }
}

/// The confirmation before deleting `row`'s key.
#[component]
fn DeleteKeyDialog(open: RwSignal<bool>, row: KeyRow) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let key = row.sid;
    let refused = scope.offer(move |account| Command::DeleteApiKey {
        account: *account,
        key,
    });
    let message = format!(
        "{} will be revoked at once: every request signed with it fails from then on. This cannot be undone.",
        row.name
    );
    let delete = move |()| {
        let result = store.apply(Command::DeleteApiKey {
            account: scope.account,
            key,
        });
        toasts.outcome(&result, format!("The API key {} was deleted.", row.name));
    };
    view! {
        <ConfirmDialog open title="Delete this API key?" confirm="Delete API key" refused on_confirm=delete>
            <p>{message}</p>
        </ConfirmDialog>
    }
}
