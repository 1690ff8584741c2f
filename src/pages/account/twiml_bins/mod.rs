//! TwiML Bins (`/accounts/:account_sid/twiml-bins`): list, create, edit and delete the
//! account's TwiML Bins.

mod editor;

use leptos::prelude::*;

use super::{AccountScope, Requires};
use crate::components::confirm::ConfirmDialog;
use crate::components::copyable_sid::InlineSid;
use crate::components::search::{SearchBox, matches, summary};
use crate::components::toast::Toasts;
use crate::domain::{Capability, Command, TwimlBinSid};
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
        <Requires capability=Capability::ManageProducts action="Viewing TwiML Bins">
            <BinsPage />
        </Requires>
    }
}

#[component]
fn BinsPage() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let bins = {
        let account = scope.account.clone();
        Memo::new(move |_| {
            store.with(|c| {
                let Some(a) = c.account(&account) else {
                    return (String::new(), Vec::new());
                };
                let mut rows: Vec<BinRow> = a
                    .twiml_bins
                    .values()
                    .map(|b| BinRow {
                        sid: b.sid.clone(),
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
    let search = RwSignal::new(String::new());
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
    let delete = {
        let account = scope.account.clone();
        move |()| {
            let Some(row) = deleting.get_untracked() else {
                return;
            };
            let result = store.apply(Command::DeleteTwimlBin {
                account: account.clone(),
                bin: row.sid.clone(),
            });
            toasts.outcome(&result, format!("The TwiML Bin {} was deleted.", row.name));
        }
    };
    let total = move || bins.with(|(_, rows)| rows.len());

    view! {
        <section class="page page-wide" aria-labelledby="bins-title">
            <p class="eyebrow">{move || bins.with(|(name, _)| name.clone())}</p>
            <div class="page-header">
                <h1 id="bins-title">"TwiML Bins"</h1>
                <div class="actions">
                    <button type="button" class="button button-primary" on:click=move |_| editing.set(Some(Editing::New))>
                        "Create new TwiML Bin"
                    </button>
                </div>
            </div>
            <p class="lead">"TwiML that Twilio serves from a URL of its own: point a number or a Studio widget at it."</p>
            <SearchBox id="bin-search" what="TwiML Bins" placeholder="Name, SID or TwiML" query=search />
            <p class="table-summary" aria-live="polite">
                {move || summary(shown.with(Vec::len), total(), "TwiML Bin", "TwiML Bins")}
            </p>
            <Show
                when=move || { total() > 0 }
                fallback=|| view! { <p class="notice">"This account has no TwiML Bins yet."</p> }
            >
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
                                    view! {
                                        <tr data-testid="bin-row">
                                            <th scope="row">{row.name.clone()}</th>
                                            <td class="sid"><InlineSid label="TwiML Bin SID" value=row.sid.to_string() /></td>
                                            <td class="bin-url"><code>{row.url.clone()}</code></td>
                                            <td>{row.updated.clone()}</td>
                                            <td class="row-actions">
                                                <button
                                                    type="button"
                                                    class="button button-small"
                                                    aria-label=format!("Edit {}", row.name)
                                                    on:click=move |_| editing.set(Some(Editing::Existing {
                                                        sid: edit_row.sid.clone(),
                                                        name: edit_row.name.clone(),
                                                        twiml: edit_row.twiml.clone(),
                                                    }))
                                                >
                                                    "Edit"
                                                </button>
                                                <button
                                                    type="button"
                                                    class="button button-small button-danger"
                                                    aria-label=format!("Delete {}", row.name)
                                                    on:click=move |_| {
                                                        deleting.set(Some(delete_row.clone()));
                                                        confirm_open.set(true);
                                                    }
                                                >
                                                    "Delete"
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <EditorDialog editing />
            <ConfirmDialog open=confirm_open title="Delete this TwiML Bin?" confirm="Delete TwiML Bin" on_confirm=delete>
                <p>{move || deleting.with(|d| d.as_ref().map(|d| format!(
                    "{} will be deleted and its URL will stop answering; anything that fetches it will fail.",
                    d.name
                )))}</p>
            </ConfirmDialog>
        </section>
    }
}
