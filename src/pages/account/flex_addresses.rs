//! Conversations addresses (`/accounts/:account_sid/flex/addresses`), as the Console's Flex
//! section lists them: SMS numbers, WhatsApp senders and Chat addresses, each handing its
//! messages to a Studio flow. Add one, route it to another flow, delete it, and simulate a
//! message to it (the flow's Send to Flex step makes the task).

use leptos::prelude::*;

use super::{AccountScope, NoFlexYet, Requires};
use crate::components::confirm::ConfirmDialog;
use crate::components::contact_dialog::{ContactDialog, ContactTo};
use crate::components::copyable_sid::InlineSid;
use crate::components::form_problem::FormProblem;
use crate::components::offer::{ActionButton, ActionSelect};
use crate::components::toast::Toasts;
use crate::domain::{AccountPage, AddressSid, AddressType, Command, StudioFlowSid, TaskCommand};
use crate::store::Store;

/// One address as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct AddressRow {
    sid: AddressSid,
    kind: AddressType,
    label: String,
    flow: Option<StudioFlowSid>,
}

/// The Conversations addresses page.
#[component]
pub fn FlexAddresses() -> impl IntoView {
    view! {
        <Requires page=AccountPage::FlexAddresses>
            <Page />
        </Requires>
    }
}

#[component]
fn Page() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let account = scope.account;
    let header = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account)
                .map(|a| (a.friendly_name.clone(), a.flex.is_some()))
        })
    });
    move || {
        header.get().map(|(name, has_flex)| {
            view! {
                <section class="page page-wide" aria-labelledby="addresses-title">
                    <p class="eyebrow">{name}</p>
                    <h1 id="addresses-title">"Conversations addresses"</h1>
                    {if has_flex {
                        view! { <Addresses /> }.into_any()
                    } else {
                        view! { <NoFlexYet what="Conversations addresses" provisioned=false /> }.into_any()
                    }}
                </section>
            }
        })
    }
}

#[component]
fn Addresses() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let account = scope.account;
    let rows = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account)
                .and_then(|a| a.flex.as_ref())
                .map(|f| {
                    f.addresses
                        .iter()
                        .map(|a| AddressRow {
                            sid: a.sid,
                            kind: a.address_type,
                            label: a.label(),
                            flow: a.studio_flow,
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let flows = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account)
                .and_then(|a| a.flex.as_ref())
                .map(|f| {
                    f.studio_flows
                        .iter()
                        .map(|f| (f.sid.to_string(), f.friendly_name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let options = Signal::derive(move || {
        let mut o = vec![(String::new(), "No flow".to_owned())];
        o.extend(flows.get());
        o
    });
    // The form adding an address.
    let kind = RwSignal::new(AddressType::Sms);
    let typed = RwSignal::new(String::new());
    let flow = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let create = move || Command::CreateAddress {
        account,
        address_type: kind.get(),
        address: typed.get(),
        flow: flow.get().parse().ok(),
    };
    // The command "Add address" runs, as typed: errors in the values show when pressed.
    let can_create = scope.offer(move |_| create());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = store.apply(untrack(create));
        match &result {
            Ok(_) => {
                problem.set(None);
                typed.set(String::new());
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
        if result.is_ok() {
            toasts.outcome(&result, "The address was added.");
        }
    };
    let deleting = RwSignal::new(None::<AddressRow>);
    let delete_open = RwSignal::new(false);
    let messaging = RwSignal::new(None::<AddressRow>);
    let message_open = RwSignal::new(false);
    let placeholder = move || match kind.get() {
        AddressType::Chat => "Web support",
        _ => "+14155550101",
    };
    view! {
        <p class="lead">"An address hands the messages it receives to a Studio flow, whose Send to Flex step makes them tasks. SMS and WhatsApp addresses are numbers of this account; a Chat address is a webchat, known by its name."</p>
        <h2>"Addresses"</h2>
        <div class="table-wrap">
            <table class="table product-table">
                <caption class="visually-hidden">"Conversations addresses"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Address"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"SID"</th>
                        <th scope="col">"Studio flow"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! {
                        <tr><td colspan="5" class="muted">"No addresses yet: add one below."</td></tr>
                    }>
                        <For each=move || rows.get() key=|r| r.clone() let:row>
                            {
                                let sid = row.sid;
                                let current = row.flow;
                                let can_route = scope.offer(move |account| Command::RouteAddress {
                                    account: *account,
                                    address: sid,
                                    flow: current,
                                });
                                let can_delete = scope.offer(move |account| Command::DeleteAddress {
                                    account: *account,
                                    address: sid,
                                });
                                let chat = row.kind == AddressType::Chat;
                                let can_message = scope.offer(move |account| Command::Task {
                                    account: *account,
                                    change: TaskCommand::SimulateMessage {
                                        address: sid,
                                        from: if chat { "Ana".into() } else { "+14155550199".into() },
                                        body: String::new(),
                                        extra: String::new(),
                                    },
                                });
                                let label = row.label.clone();
                                let route = move |value: String| {
                                    let result = store.apply(Command::RouteAddress {
                                        account,
                                        address: sid,
                                        flow: value.parse().ok(),
                                    });
                                    toasts.outcome(&result, format!("{label} now hands messages to the flow chosen."));
                                };
                                let (for_delete, for_message) = (row.clone(), row.clone());
                                view! {
                                    <tr data-testid="address-row">
                                        <th scope="row">{row.label.clone()}</th>
                                        <td data-label="Type">{row.kind.to_string()}</td>
                                        <td class="sid-cell" data-label="SID"><InlineSid label="Address SID" value=row.sid.to_string() /></td>
                                        <td data-label="Studio flow">
                                            <ActionSelect refused=can_route id=format!("address-flow-{}", row.sid)
                                                label=format!("Studio flow for {}", row.label)
                                                value=Signal::stored(current.map(|f| f.to_string()).unwrap_or_default())
                                                options on_pick=Callback::new(route) />
                                        </td>
                                        <td class="row-actions">
                                            <ActionButton refused=can_message class="button-small"
                                                label=format!("Simulate a message to {}", row.label)
                                                on_press=Callback::new(move |()| {
                                                    messaging.set(Some(for_message.clone()));
                                                    message_open.set(true);
                                                })>
                                                "Simulate a message"
                                            </ActionButton>
                                            <ActionButton refused=can_delete class="button-small button-danger"
                                                label=format!("Delete {}", row.label)
                                                on_press=Callback::new(move |()| {
                                                    deleting.set(Some(for_delete.clone()));
                                                    delete_open.set(true);
                                                })>
                                                "Delete"
                                            </ActionButton>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </Show>
                </tbody>
            </table>
        </div>
        <h2>"Add an address"</h2>
        <form class="inline-form" on:submit=submit>
            <div class="form-field">
                <label class="field-label" for="address-type">"Type"</label>
                <select class="input" id="address-type" on:change=move |ev| {
                    kind.set(match event_target_value(&ev).as_str() {
                        "whatsapp" => AddressType::Whatsapp,
                        "chat" => AddressType::Chat,
                        _ => AddressType::Sms,
                    })
                }>
                    <option value="sms">"SMS"</option>
                    <option value="whatsapp">"WhatsApp"</option>
                    <option value="chat">"Chat"</option>
                </select>
            </div>
            <div class="form-field">
                <label class="field-label" for="address-text">
                    {move || if kind.get() == AddressType::Chat { "Name" } else { "Number (E.164)" }}
                </label>
                <input class="input" id="address-text" autocomplete="off" placeholder=placeholder
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            </div>
            <div class="form-field">
                <label class="field-label" for="address-flow">"Studio flow"</label>
                <select class="input" id="address-flow" on:change=move |ev| flow.set(event_target_value(&ev))>
                    {move || options.get().into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
                </select>
            </div>
            <ActionButton refused=can_create class="button-primary">"Add address"</ActionButton>
        </form>
        <FormProblem problem />
        {move || deleting.get().map(|row| {
            let sid = row.sid;
            let refused = scope.offer(move |account| Command::DeleteAddress { account: *account, address: sid });
            let label = row.label.clone();
            let delete = move |()| {
                let result = store.apply(Command::DeleteAddress { account, address: sid });
                toasts.outcome(&result, format!("The address {label} was deleted."));
            };
            view! {
                <ConfirmDialog open=delete_open title="Delete address" confirm="Delete address" refused on_confirm=delete>
                    <p>"Delete the " {row.kind.to_string()} " address " <strong>{row.label.clone()}</strong>
                        "? Messages to it will no longer reach Flex."</p>
                </ConfirmDialog>
            }
        })}
        {move || messaging.get().map(|row| view! {
            <ContactDialog open=message_open account
                to=ContactTo::Message { address: row.sid, chat: row.kind == AddressType::Chat }
                label=row.label.clone() />
        })}
    }
}
