//! TwiML Bins (`/accounts/:account_sid/twiml-bins`): list, create, edit and delete the
//! account's TwiML Bins.

mod editor;

use leptos::prelude::*;

use crate::components::link::linked_search;

use super::{AccountScope, Requires};
use crate::components::confirm::ConfirmDialog;
use crate::components::copyable_sid::InlineSid;
use crate::components::empty_state::EmptyState;
use crate::components::offer::ActionButton;
use crate::components::page_header::PageHeader;
use crate::components::row_menu::{MenuAction, RowMenu};
use crate::components::search::{SearchBox, matches, summary};
use crate::components::toast::Toasts;
use crate::domain::{AccountPage, Command, TwimlBinSid};
use crate::store::Store;
use editor::{Editing, EditorDialog};

/// One row of the bins table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct BinRow {
    sid: TwimlBinSid,
    name: String,
    twiml: String,
    url: String,
    updated: String,
}

/// The TwiML Bins page.
#[component]
pub fn TwimlBins() -> impl IntoView {
    view! {
        <Requires page=AccountPage::TwimlBins>
            <BinsPage />
        </Requires>
    }
}

#[component]
fn BinsPage() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let bins = {
        let account = scope.account;
        Memo::new(move |_| {
            store.with(|c| {
                let Some(a) = c.account(&account) else {
                    return (String::new(), Vec::new());
                };
                let mut rows: Vec<BinRow> = a
                    .twiml_bins
                    .values()
                    .map(|b| BinRow {
                        sid: b.sid,
                        name: b.friendly_name.clone(),
                        twiml: b.twiml.clone(),
                        url: b.url(),
                        updated: b.updated.to_string(),
                    })
                    .collect();
                rows.sort_by_key(|r| r.name.to_lowercase());
                (a.friendly_name.clone(), rows)
            })
        })
    };
    let search = RwSignal::new(linked_search());
    let shown = Memo::new(move |_| {
        let query = search.get();
        bins.with(|(_, rows)| {
            rows.iter()
                .filter(|r| matches(&query, &[&r.name, r.sid.as_str(), &r.twiml]))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let editing = RwSignal::new(None::<Editing>);
    let deleting = RwSignal::new(None::<BinRow>);
    let confirm_open = RwSignal::new(false);
    // Asked with nothing typed yet: only refusals disable, not the values.
    let can_create = scope.offer(|account| Command::CreateTwimlBin {
        account: *account,
        friendly_name: String::new(),
        twiml: String::new(),
    });
    let total = move || bins.with(|(_, rows)| rows.len());

    let create = move || {
        view! {
            <ActionButton refused=can_create class="button-primary" on_press=Callback::new(move |()| editing.set(Some(Editing::New)))>
                "Create new TwiML Bin"
            </ActionButton>
        }
    };
    view! {
        <section class="page page-wide" aria-labelledby="bins-title">
            <PageHeader
                id="bins-title"
                title="TwiML Bins"
                account=Signal::derive(move || bins.with(|(name, _)| name.clone()))
                description="TwiML that Twilio serves from a URL of its own: point a number or a Studio widget at it."
            >
                {create()}
            </PageHeader>
            <Show
                when=move || { total() > 0 }
                fallback=|| view! {
                    <EmptyState message="This account has no TwiML Bins yet. A bin gives TwiML a URL that a number or a Studio widget can point at: make one with Create new TwiML Bin above." />
                }
            >
                <SearchBox id="bin-search" what="TwiML Bins" placeholder="Name, SID or TwiML" value=search on_input=Callback::new(move |text| search.set(text)) />
                <p class="table-summary" aria-live="polite">
                    {move || summary(shown.with(Vec::len), total(), "TwiML Bin", "TwiML Bins")}
                </p>
                <div class="table-wrap">
                    <table class="table bins-table">
                        <caption class="visually-hidden">"TwiML Bins of this account"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"SID"</th>
                                <th scope="col">"URL"</th>
                                <th scope="col">"Last changed"</th>
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || shown.get() key=|r| r.clone() let:row>
                                {
                                    let edit_row = row.clone();
                                    let delete_row = row.clone();
                                    let asked = row.clone();
                                    let scope = AccountScope::get();
                                    let can_edit = scope.offer(move |account| Command::UpdateTwimlBin {
                                        account: *account,
                                        bin: asked.sid,
                                        friendly_name: asked.name.clone(),
                                        twiml: asked.twiml.clone(),
                                        revision: None,
                                    });
                                    let sid = row.sid;
                                    let can_delete = scope.offer(move |account| Command::DeleteTwimlBin {
                                        account: *account,
                                        bin: sid,
                                    });
                                    let actions = vec![
                                        MenuAction::new("Edit", can_edit, Callback::new(move |()| editing.set(Some(Editing::Existing {
                                            sid: edit_row.sid,
                                        })))),
                                        MenuAction::new("Delete", can_delete, Callback::new(move |()| {
                                            deleting.set(Some(delete_row.clone()));
                                            confirm_open.set(true);
                                        }))
                                        .danger(),
                                    ];
                                    view! {
                                        <tr data-testid="bin-row">
                                            <th scope="row">{row.name.clone()}</th>
                                            <td data-label="SID"><InlineSid label="TwiML Bin SID" value=row.sid.to_string() /></td>
                                            <td class="bin-url" data-label="URL"><code>{row.url.clone()}</code></td>
                                            <td data-label="Last changed">{row.updated.clone()}</td>
                                            <td class="row-actions"><RowMenu label=format!("Actions for {}", row.name) actions /></td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || shown.with(Vec::is_empty)>
                    <EmptyState message="No TwiML Bin matches this search.">
                        <button type="button" class="button" on:click=move |_| search.set(String::new())>"Clear search"</button>
                    </EmptyState>
                </Show>
            </Show>
            // Mounted for each opening, so its fields start from the bin it opens on.
            {move || editing.get().map(|on| view! {
                <EditorDialog editing=on on_close=Callback::new(move |()| editing.set(None)) />
            })}
            {move || deleting.get().map(|row| view! { <DeleteBinDialog open=confirm_open row /> })}
        </section>
    }
}

/// The confirmation before deleting `row`'s bin.
#[component]
fn DeleteBinDialog(open: RwSignal<bool>, row: BinRow) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let sid = row.sid;
    let refused = scope.offer(move |account| Command::DeleteTwimlBin {
        account: *account,
        bin: sid,
    });
    let message = format!(
        "{} will be deleted and its URL will stop answering; anything that fetches it will fail.",
        row.name
    );
    let account = scope.account;
    let delete = move |()| {
        let result = store.apply(Command::DeleteTwimlBin {
            account,
            bin: row.sid,
        });
        toasts.outcome(&result, format!("The TwiML Bin {} was deleted.", row.name));
    };
    view! {
        <ConfirmDialog open title="Delete this TwiML Bin?" confirm="Delete TwiML Bin" refused on_confirm=delete>
            <p>{message}</p>
        </ConfirmDialog>
    }
}
