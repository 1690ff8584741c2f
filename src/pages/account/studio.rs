//! Studio (`/accounts/:account_sid/studio`): the Studio flows Flex provisioned, what each
//! one handles (phone numbers and Flex Flows), and deleting a flow after a confirmation
//! that names exactly what stops being routed.

use leptos::prelude::*;

use super::NoFlexYet;
use super::taskrouter::no_match;
use super::{AccountScope, Requires};
use crate::components::confirm::ConfirmDialog;
use crate::components::copyable_sid::InlineSid;
use crate::components::link::{href, linked_search};
use crate::components::offer::ActionButton;
use crate::components::page_header::PageHeader;
use crate::components::search::{SearchBox, matches};
use crate::components::toast::Toasts;
use crate::domain::{AccountPage, Command, SendToFlex, StudioFlowSid, national_format};
use crate::pages::account::send_to_flex::SendToFlexDialog;
use crate::store::Store;

/// A Studio flow as the page shows it.
#[derive(Clone, Debug, PartialEq)]
struct FlowItem {
    sid: StudioFlowSid,
    name: String,
    /// The numbers routed to it, in national format.
    numbers: Vec<String>,
    /// The Flex Flows handing it messages, by name.
    flex_flows: Vec<String>,
    /// Its Send to Flex step.
    step: Option<SendToFlex>,
    /// The step in words: "Inbound Routing · voice · priority 0", or why it fails.
    step_text: Option<String>,
}

/// A Flex Flow and the Studio flow it hands messages to.
#[derive(Clone, Debug, PartialEq)]
struct FlexFlowItem {
    sid: String,
    name: String,
    channel: String,
    /// The Studio flow's name; None: not routed.
    studio_flow: Option<String>,
}

/// What the page shows.
#[derive(Clone, Debug, PartialEq)]
struct StudioView {
    flows: Vec<FlowItem>,
    flex_flows: Vec<FlexFlowItem>,
    /// Numbers no flow handles, in national format.
    unrouted_numbers: Vec<String>,
}

/// The Studio page.
#[component]
pub fn Studio() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Studio>
            <StudioPage />
        </Requires>
    }
}

#[component]
fn StudioPage() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let account = scope.account;
    let name = {
        Memo::new(move |_| {
            store.with(|c| {
                c.account(&account)
                    .map(|a| (a.friendly_name.clone(), a.flex.is_some()))
            })
        })
    };
    let model = Memo::new(move |_| {
        store.with(|c| {
            let a = c.account(&account)?;
            let flex = a.flex.as_ref()?;
            let flows = flex
                .studio_flows
                .iter()
                .map(|f| FlowItem {
                    sid: f.sid,
                    name: f.friendly_name.clone(),
                    numbers: c
                        .numbers_routed_to(&account, &f.sid)
                        .map(|n| national_format(&n.phone_number))
                        .collect(),
                    flex_flows: flex
                        .flex_flows
                        .iter()
                        .filter(|ff| ff.studio_flow.as_ref() == Some(&f.sid))
                        .map(|ff| ff.friendly_name.clone())
                        .chain(
                            flex.addresses
                                .iter()
                                .filter(|a| a.studio_flow.as_ref() == Some(&f.sid))
                                .map(|a| format!("{} {}", a.address_type, a.label())),
                        )
                        .collect(),
                    step: f.send_to_flex.clone(),
                    step_text: f.send_to_flex.as_ref().map(|s| {
                        let ws = &flex.workspace;
                        let workflow = ws.workflow(&s.workflow).map_or_else(
                            || format!("deleted workflow {}", s.workflow),
                            |w| w.friendly_name.clone(),
                        );
                        let channel = ws
                            .channel(&s.channel)
                            .map_or("deleted channel", |c| c.unique_name.as_str());
                        format!("{workflow} · {channel} · priority {}", s.priority)
                    }),
                })
                .collect();
            let flex_flows = flex
                .flex_flows
                .iter()
                .map(|ff| FlexFlowItem {
                    sid: ff.sid.to_string(),
                    name: ff.friendly_name.clone(),
                    channel: ff.channel_type.clone(),
                    studio_flow: ff
                        .studio_flow
                        .as_ref()
                        .and_then(|s| a.studio_flow_name(s))
                        .map(str::to_owned),
                })
                .collect();
            let unrouted_numbers = a
                .phone_numbers
                .values()
                .filter(|n| n.studio_flow.is_none())
                .map(|n| national_format(&n.phone_number))
                .collect();
            Some(StudioView {
                flows,
                flex_flows,
                unrouted_numbers,
            })
        })
    });
    move || {
        name.get().map(|(name, has_flex)| {
            view! {
                <section class="page page-wide product-page" aria-labelledby="studio-title">
                    <PageHeader
                        id="studio-title"
                        title="Studio"
                        account=name
                        description="The Studio flows Flex provisioned, the phone numbers, Flex Flows and Conversations addresses each one handles, and the Send to Flex step that makes their contacts tasks."
                    />
                    {if has_flex {
                        view! { <StudioDetails model /> }.into_any()
                    } else {
                        view! { <NoFlexYet what="Studio flows" provisioned=true /> }.into_any()
                    }}
                </section>
            }
        })
    }
}

/// The flows, the Flex Flows and the delete confirmation.
#[component]
fn StudioDetails(model: Memo<Option<StudioView>>) -> impl IntoView {
    let scope = AccountScope::get();
    let query = RwSignal::new(linked_search());
    let open = RwSignal::new(false);
    let target = RwSignal::new(None::<FlowItem>);
    let editing = RwSignal::new(None::<FlowItem>);
    let edit_open = RwSignal::new(false);
    let numbers_page = href(&format!("/accounts/{}/phone-numbers", scope.account));
    let flows = move || model.with(|m| m.as_ref().map(|m| m.flows.clone()).unwrap_or_default());
    let flow_rows = {
        let numbers_page = numbers_page.clone();
        move || {
            let q = query.get();
            let rows: Vec<FlowItem> = flows()
                .into_iter()
                .filter(|f| {
                    let sid = f.sid.to_string();
                    let mut fields = vec![f.name.as_str(), sid.as_str()];
                    fields.extend(f.numbers.iter().map(String::as_str));
                    fields.extend(f.flex_flows.iter().map(String::as_str));
                    matches(&q, &fields)
                })
                .collect();
            if rows.is_empty() {
                return no_match(6, "Studio flows", &q).into_any();
            }
            rows.into_iter()
                .map(|f| {
                    let numbers_page = numbers_page.clone();
                    let item = f.clone();
                    let sid = f.sid;
                    let refused = scope.offer(move |account| Command::DeleteStudioFlow {
                        account: *account,
                        flow: sid,
                    });
                    let can_edit = scope.offer(move |account| Command::SetSendToFlex {
                        account: *account,
                        flow: sid,
                        step: None,
                    });
                    let edited = f.clone();
                    let step = match f.step_text.clone() {
                        Some(text) => view! { <span>{text}</span> }.into_any(),
                        None => view! { <strong class="not-routed">"No Send to Flex step"</strong> }.into_any(),
                    };
                    let numbers = if f.numbers.is_empty() {
                        view! { <span class="muted">"None"</span> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {f.numbers.iter().map(|n| view! {
                                    <li><a href=numbers_page.clone()>{n.clone()}</a></li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    };
                    let flex_flows = if f.flex_flows.is_empty() {
                        view! { <span class="muted">"None"</span> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {f.flex_flows.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    };
                    view! {
                        // The id lets a number's "Open <flow>" link land on its flow.
                        <tr id=f.sid.to_string()>
                            <th scope="row">{f.name.clone()}</th>
                            <td class="sid-cell col-secondary" data-label="SID"><InlineSid label="Studio flow SID" value=f.sid.to_string() /></td>
                            <td data-label="Phone numbers" data-testid="flow-numbers">{numbers}</td>
                            <td data-label="Flex Flows and addresses" data-testid="flow-flex-flows">{flex_flows}</td>
                            <td data-label="Send to Flex" data-testid="flow-send-to-flex">{step}</td>
                            <td class="row-actions">
                                <ActionButton refused=can_edit class="button-small"
                                    label=format!("Edit Send to Flex of {}", f.name)
                                    on_press=Callback::new(move |()| {
                                        editing.set(Some(edited.clone()));
                                        edit_open.set(true);
                                    })>
                                    "Send to Flex"
                                </ActionButton>
                                <ActionButton refused class="button-small button-danger"
                                    label=format!("Delete Studio flow {}", f.name)
                                    on_press=Callback::new(move |()| {
                                        target.set(Some(item.clone()));
                                        open.set(true);
                                    })>
                                    "Delete"
                                </ActionButton>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let flex_flow_rows = move || {
        let q = query.get();
        let rows: Vec<FlexFlowItem> = model
            .with(|m| m.as_ref().map(|m| m.flex_flows.clone()))
            .unwrap_or_default()
            .into_iter()
            .filter(|f| {
                let routed = f.studio_flow.as_deref().unwrap_or("Not routed");
                matches(
                    &q,
                    &[f.name.as_str(), f.sid.as_str(), f.channel.as_str(), routed],
                )
            })
            .collect();
        if rows.is_empty() {
            return no_match(4, "Flex Flows", &q).into_any();
        }
        rows.into_iter()
            .map(|f| {
                let routing = match f.studio_flow {
                    Some(flow) => view! { <span>{flow}</span> }.into_any(),
                    None => view! { <strong class="not-routed">"Not routed"</strong> }.into_any(),
                };
                view! {
                    <tr>
                        <th scope="row">{f.name}</th>
                        <td data-label="Channel"><code>{f.channel}</code></td>
                        <td class="sid-cell" data-label="SID"><InlineSid label="Flex Flow SID" value=f.sid /></td>
                        <td data-label="Studio flow" data-testid="flex-flow-routing">{routing}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let unrouted = move || {
        let numbers = model
            .with(|m| m.as_ref().map(|m| m.unrouted_numbers.clone()))
            .unwrap_or_default();
        (!numbers.is_empty()).then(|| {
            view! {
                <p data-testid="unrouted-numbers">
                    "Phone numbers no flow handles (calls and messages to them are not routed): "
                    <a href=numbers_page.clone()>{numbers.join(", ")}</a>
                </p>
            }
        })
    };
    view! {
        <div class="notice warning-note" data-testid="delete-warning">
            <p><strong>"Deleting a flow breaks routing. "</strong>
            "Phone numbers and Flex Flows that use a deleted flow are no longer routed: calls and messages to them reach no flow."</p>
        </div>
        <SearchBox id="studio-search" what="Studio flows" placeholder="Flow, SID, number or Flex Flow" value=query on_input=Callback::new(move |text| query.set(text)) />
        <h2>"Studio flows"</h2>
        <div class="table-wrap">
            <table class="table product-table">
                <caption class="visually-hidden">"Studio flows"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col" class="col-secondary">"SID"</th>
                        <th scope="col">"Phone numbers"</th>
                        <th scope="col">"Flex Flows and addresses"</th>
                        <th scope="col">"Send to Flex"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{flow_rows}</tbody>
            </table>
        </div>
        {unrouted}
        <h2>"Flex Flows"</h2>
        <div class="table-wrap">
            <table class="table product-table">
                <caption class="visually-hidden">"Flex Flows"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Channel"</th>
                        <th scope="col">"SID"</th>
                        <th scope="col">"Studio flow"</th>
                    </tr>
                </thead>
                <tbody>{flex_flow_rows}</tbody>
            </table>
        </div>
        {move || target.get().map(|flow| view! { <DeleteFlowDialog open flow /> })}
        {move || editing.get().map(|f| view! {
            <SendToFlexDialog open=edit_open flow=f.sid name=f.name step=f.step />
        })}
    }
}

/// The confirmation before deleting `flow`, naming what stops being routed.
#[component]
fn DeleteFlowDialog(open: RwSignal<bool>, flow: FlowItem) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let sid = flow.sid;
    let refused = scope.offer(move |account| Command::DeleteStudioFlow {
        account: *account,
        flow: sid,
    });
    let numbers = if flow.numbers.is_empty() {
        "no phone numbers".to_owned()
    } else {
        format!("phone numbers {}", flow.numbers.join(", "))
    };
    let flex_flows = if flow.flex_flows.is_empty() {
        "no Flex Flows".to_owned()
    } else {
        format!("Flex Flows {}", flow.flex_flows.join(", "))
    };
    let (name, sid) = (flow.name.clone(), flow.sid.to_string());
    let account = scope.account;
    let delete = move |()| {
        let result = store.apply(Command::DeleteStudioFlow {
            account,
            flow: flow.sid,
        });
        toasts.outcome(
            &result,
            format!("Studio flow {} ({}) was deleted.", flow.name, flow.sid),
        );
    };
    view! {
        <ConfirmDialog open title="Delete Studio flow" confirm="Delete Studio flow" refused on_confirm=delete>
            <p>"Delete the Studio flow " <strong>{name}</strong> " (" <code>{sid}</code> ")?"</p>
            <p class="notice warning-note" data-testid="delete-consequences">
                "This stops routing for " <strong>{numbers}</strong> " and " <strong>{flex_flows}</strong>
                ": their calls and messages reach no flow until you route them to another one. "
                "This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}
