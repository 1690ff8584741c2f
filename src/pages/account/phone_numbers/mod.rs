//! Phone Numbers (`/accounts/:account_sid/phone-numbers`): the account's numbers with
//! their capabilities and the Studio flow that handles each; buy, route and release.

mod buy_dialog;

use leptos::prelude::*;

use super::{AccountScope, Requires};
use crate::components::confirm::ConfirmDialog;
use crate::components::contact_dialog::{ContactDialog, ContactTo};
use crate::components::copyable_sid::InlineSid;
use crate::components::empty_state::EmptyState;
use crate::components::link::{href, linked_search, take_request};
use crate::components::offer::{ActionButton, ActionSelect};
use crate::components::page_header::PageHeader;
use crate::components::search::{SearchBox, matches, summary};
use crate::components::toast::Toasts;
use crate::domain::{
    AccountPage, Command, PhoneNumberSid, StudioFlowSid, TaskCommand, national_format,
};
use crate::store::Store;
use buy_dialog::BuyDialog;

/// One row of the numbers table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct NumberRow {
    sid: PhoneNumberSid,
    e164: String,
    national: String,
    locality: String,
    capabilities: String,
    flow: Option<(StudioFlowSid, String)>,
}

/// What the page shows.
#[derive(Clone, Debug, PartialEq)]
struct Numbers {
    account_name: String,
    rows: Vec<NumberRow>,
    /// The flows a number can be routed to (the account's Flex Studio flows).
    flows: Vec<(StudioFlowSid, String)>,
}

/// The Phone Numbers page.
#[component]
pub fn PhoneNumbers() -> impl IntoView {
    view! {
        <Requires page=AccountPage::PhoneNumbers>
            <NumbersPage />
        </Requires>
    }
}

#[component]
fn NumbersPage() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let numbers = {
        let account = scope.account;
        Memo::new(move |_| {
            store.with(|c| {
                let a = c.account(&account)?;
                let flow_name = |sid: &StudioFlowSid| a.studio_flow_name(sid).map(str::to_owned);
                let mut rows: Vec<NumberRow> = a
                    .phone_numbers
                    .values()
                    .map(|n| NumberRow {
                        sid: n.sid,
                        e164: n.phone_number.clone(),
                        national: national_format(&n.phone_number),
                        locality: n.locality.clone(),
                        capabilities: n.capabilities.names().join(", "),
                        flow: n
                            .studio_flow
                            .as_ref()
                            .and_then(|f| Some((*f, flow_name(f)?))),
                    })
                    .collect();
                rows.sort_by(|x, y| x.e164.cmp(&y.e164));
                let flows = a
                    .flex
                    .iter()
                    .flat_map(|f| &f.studio_flows)
                    .map(|f| (f.sid, f.friendly_name.clone()))
                    .collect();
                Some(Numbers {
                    account_name: a.friendly_name.clone(),
                    rows,
                    flows,
                })
            })
        })
    };
    let search = RwSignal::new(linked_search());
    let buying = RwSignal::new(false);
    let releasing = RwSignal::new(None::<NumberRow>);
    let confirm_open = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let query = search.get();
        numbers.with(|n| {
            n.iter()
                .flat_map(|n| &n.rows)
                .filter(|r| {
                    let flow = r.flow.as_ref().map_or("", |(_, name)| name.as_str());
                    matches(
                        &query,
                        &[&r.e164, &r.national, r.sid.as_str(), &r.locality, flow],
                    )
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let total = move || numbers.with(|n| n.as_ref().map_or(0, |n| n.rows.len()));
    let studio = href(&format!("/accounts/{}/studio", scope.account));
    let can_buy = scope.offer(move |account| store.with(|c| c.buy_any_number(*account)));
    // The palette's "Buy a number" comes here with `?do=buy`.
    if take_request("buy") && can_buy.get_untracked().is_none() {
        buying.set(true);
    }

    let buy = move || {
        view! {
            <ActionButton refused=can_buy class="button-primary" on_press=Callback::new(move |()| buying.set(true))>
                "Buy a number"
            </ActionButton>
        }
    };
    view! {
        <section class="page page-wide" aria-labelledby="numbers-title">
            <PageHeader
                id="numbers-title"
                title="Phone Numbers"
                account=Signal::derive(move || numbers.with(|n| n.as_ref().map(|n| n.account_name.clone())).unwrap_or_default())
                description="The account's incoming numbers. Route a number to a Studio flow to have Flex answer its calls and messages."
            >
                {buy()}
            </PageHeader>
            <Show
                when=move || { total() > 0 }
                fallback=|| view! {
                    <EmptyState message="This account has no phone numbers yet. Buy one, with Buy a number above, to receive calls and messages." />
                }
            >
                <SearchBox id="number-search" what="Phone numbers" placeholder="Number, SID, place or flow" value=search on_input=Callback::new(move |text| search.set(text)) />
                <p class="table-summary" aria-live="polite" data-testid="number-count">
                    {move || summary(shown.with(Vec::len), total(), "number", "numbers")}
                </p>
                <div class="table-wrap">
                    <table class="table numbers-table">
                        <caption class="visually-hidden">"Phone numbers of this account"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Number"</th>
                                <th scope="col">"SID"</th>
                                <th scope="col">"Capabilities"</th>
                                <th scope="col">"Studio flow"</th>
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || shown.get() key=|r| r.clone() let:row>
                                <NumberLine
                                    row=row.clone()
                                    flows=Signal::derive(move || numbers.with(|n| n.as_ref().map(|n| n.flows.clone()).unwrap_or_default()))
                                    on_release=Callback::new(move |()| {
                                        releasing.set(Some(row.clone()));
                                        confirm_open.set(true);
                                    })
                                />
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || shown.with(Vec::is_empty)>
                    <EmptyState message="No number matches this search.">
                        <button type="button" class="button" on:click=move |_| search.set(String::new())>"Clear search"</button>
                    </EmptyState>
                </Show>
            </Show>
            <p class="muted">"Studio flows are managed on the " <a href=studio>"Studio"</a> " page."</p>
            <BuyDialog open=buying />
            {move || releasing.get().map(|row| view! { <ReleaseDialog open=confirm_open row /> })}
        </section>
    }
}

/// The confirmation before releasing `row`.
#[component]
fn ReleaseDialog(open: RwSignal<bool>, row: NumberRow) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let sid = row.sid;
    let refused = scope.offer(move |account| Command::ReleasePhoneNumber {
        account: *account,
        number: sid,
    });
    let account = scope.account;
    let national = row.national.clone();
    let release = move |()| {
        let result = store.apply(Command::ReleasePhoneNumber {
            account,
            number: row.sid,
        });
        toasts.outcome(&result, format!("{} was released.", row.national));
    };
    view! {
        <ConfirmDialog open title="Release this number?" confirm="Release number" refused on_confirm=release>
            <p>
                {national} " will leave this account: its calls and messages stop reaching Flex, and someone else may buy it."
            </p>
        </ConfirmDialog>
    }
}

/// One number: its flow can be changed in place; releasing asks first.
#[component]
fn NumberLine(
    row: NumberRow,
    flows: Signal<Vec<(StudioFlowSid, String)>>,
    on_release: Callback<()>,
) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let number = row.sid;
    let national = row.national.clone();
    let current = row.flow.as_ref().map(|(sid, _)| *sid);
    let can_route = {
        let (number, current) = (number, current);
        scope.offer(move |account| Command::RoutePhoneNumber {
            account: *account,
            number,
            flow: current,
        })
    };
    let can_release = {
        scope.offer(move |account| Command::ReleasePhoneNumber {
            account: *account,
            number,
        })
    };
    let can_call = scope.offer(move |account| Command::Task {
        account: *account,
        change: TaskCommand::SimulateCall {
            number,
            from: "+14155550199".into(),
            extra: String::new(),
        },
    });
    let calling = RwSignal::new(false);
    // Mounted on first use and kept, so closing hands focus back to the button.
    let mounted = RwSignal::new(false);
    let call_label = row.national.clone();
    let account = scope.account;
    let studio = href(&format!("/accounts/{}/studio", scope.account));
    let route = move |value: String| {
        let flow = value.parse::<StudioFlowSid>().ok();
        let name = flows.with_untracked(|f| {
            f.iter()
                .find(|(sid, _)| Some(sid) == flow.as_ref())
                .map(|(_, n)| n.clone())
        });
        let result = store.apply(Command::RoutePhoneNumber {
            account: scope.account,
            number,
            flow,
        });
        let done = match name {
            Some(name) => format!("{national} is now handled by {name}."),
            None => format!("{national} is no longer routed to a Studio flow."),
        };
        toasts.outcome(&result, done);
    };
    let options = Signal::derive(move || {
        let mut options = vec![(String::new(), "Not routed".to_owned())];
        options.extend(
            flows
                .get()
                .into_iter()
                .map(|(sid, name)| (sid.to_string(), name)),
        );
        options
    });
    let value = current.map(|sid| sid.to_string()).unwrap_or_default();
    let flow_link = row
        .flow
        .as_ref()
        .map(|(sid, name)| (format!("{studio}#{sid}"), format!("Open {name}")));
    view! {
        <tr data-testid="number-row">
            <th scope="row">
                <span class="number">{row.national.clone()}</span>
                <span class="muted number-e164">{row.e164.clone()}</span>
                <span class="muted number-place">{row.locality.clone()}</span>
            </th>
            <td data-label="SID"><InlineSid label="Phone number SID" value=row.sid.to_string() /></td>
            <td data-label="Capabilities">{row.capabilities.clone()}</td>
            <td data-label="Studio flow">
                <ActionSelect
                    refused=can_route
                    id=format!("flow-{}", row.sid)
                    label=format!("Studio flow for {}", row.national)
                    value=Signal::stored(value)
                    options
                    on_pick=Callback::new(route)
                />
                {flow_link.map(|(to, text)| view! { <a class="flow-link" href=to>{text}</a> })}
            </td>
            <td class="row-actions">
                <ActionButton refused=can_call class="button-small"
                    label=format!("Simulate a call to {}", row.national)
                    on_press=Callback::new(move |()| {
                        mounted.set(true);
                        calling.set(true);
                    })>
                    "Simulate a call"
                </ActionButton>
                <ActionButton refused=can_release class="button-small button-danger"
                    label=format!("Release {}", row.national) on_press=on_release>
                    "Release"
                </ActionButton>
                {move || mounted.get().then(|| view! {
                    <ContactDialog open=calling account to=ContactTo::Call(number) label=call_label.clone() />
                })}
            </td>
        </tr>
    }
}
