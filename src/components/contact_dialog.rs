//! "Simulate a call" and "Simulate a message": the caller (a number in E.164, or a chat
//! name) and any extra attributes are typed, the domain runs the Studio flow's Send to Flex
//! step, and the task it made is linked, in Flex and in the Console's TaskRouter.

use leptos::prelude::*;

use crate::components::dialog::Dialog;
use crate::components::form_problem::FormProblem;
use crate::components::link::href;
use crate::components::offer::{ActionButton, refusal};
use crate::domain::{AccountSid, AddressSid, Command, EventKind, PhoneNumberSid, TaskCommand};
use crate::store::Store;

/// What a contact arrives at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactTo {
    /// A call to a phone number.
    Call(PhoneNumberSid),
    /// A message to a Conversations address; `chat`: the sender is a name, not a number.
    Message {
        /// The address.
        address: AddressSid,
        /// Whether it is a Chat address.
        chat: bool,
    },
}

impl ContactTo {
    /// The command for what was typed.
    fn command(&self, account: AccountSid, from: String, body: String, extra: String) -> Command {
        let change = match self {
            ContactTo::Call(number) => TaskCommand::SimulateCall {
                number: *number,
                from,
                extra,
            },
            ContactTo::Message { address, .. } => TaskCommand::SimulateMessage {
                address: *address,
                from,
                body,
                extra,
            },
        };
        Command::Task { account, change }
    }
}

/// The dialog simulating a contact to `to` (its name `label`, e.g. "(212) 555-0110").
#[component]
pub fn ContactDialog(
    /// Whether it is shown.
    open: RwSignal<bool>,
    /// The account.
    account: AccountSid,
    /// Where the contact arrives.
    to: ContactTo,
    /// How the number or address reads.
    label: String,
) -> impl IntoView {
    let store = Store::get();
    let (title, from_label, start) = match to {
        ContactTo::Call(_) => ("Simulate a call", "Caller (E.164)", "+14155550199"),
        ContactTo::Message { chat: true, .. } => ("Simulate a message", "Sender's name", "Ana"),
        ContactTo::Message { .. } => ("Simulate a message", "Sender (E.164)", "+14155550199"),
    };
    let is_message = matches!(to, ContactTo::Message { .. });
    let from = RwSignal::new(start.to_owned());
    let body = RwSignal::new(String::new());
    let extra = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<String>);
    let command = {
        let to = to.clone();
        move || to.command(account, from.get(), body.get(), extra.get())
    };
    let refused = {
        let command = command.clone();
        Memo::new(move |_| refusal(store.check_signed_in(&command())))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store.apply(untrack(&command)) {
            Ok(event) => {
                problem.set(None);
                if let EventKind::Task {
                    change: crate::domain::taskrouter::TaskEvent::Created { task },
                } = event.kind
                {
                    created.set(Some(task.to_string()));
                }
            }
            Err(e) => {
                created.set(None);
                problem.set(Some(e.to_string()));
            }
        }
    };
    let flex_link = move |task: &str| href(&format!("/flex/{account}/tasks/{task}"));
    let console_link =
        move |task: &str| href(&format!("/accounts/{account}/taskrouter/tasks/{task}"));
    view! {
        <Dialog open on_close=Callback::new(move |()| open.set(false)) title=title>
            <form class="dialog-form" on:submit=submit>
                <p>{if is_message { "A message to " } else { "A call to " }} <strong>{label}</strong>
                    " runs its Studio flow's Send to Flex step."</p>
                <div class="form-field">
                    <label class="field-label" for="contact-from">{from_label}</label>
                    <input class="input" id="contact-from" autocomplete="off" prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev)) />
                </div>
                {is_message.then(|| view! {
                    <div class="form-field">
                        <label class="field-label" for="contact-body">"Message"</label>
                        <input class="input" id="contact-body" autocomplete="off" prop:value=move || body.get()
                            on:input=move |ev| body.set(event_target_value(&ev)) />
                    </div>
                })}
                <div class="form-field">
                    <label class="field-label" for="contact-extra">"Extra attributes (JSON, optional)"</label>
                    <textarea class="input code" id="contact-extra" rows="3" spellcheck="false"
                        placeholder=r#"{"language":"es"}"#
                        prop:value=move || extra.get()
                        on:input=move |ev| extra.set(event_target_value(&ev))></textarea>
                </div>
                <FormProblem problem />
                {move || created.get().map(|task| view! {
                    <p class="notice" role="status" data-testid="task-created">
                        "Task " <code>{task.clone()}</code> " was created. "
                        <a href=flex_link(&task)>"Open it in Flex"</a> " · "
                        <a href=console_link(&task)>"Open it in TaskRouter"</a>
                    </p>
                })}
                <div class="actions">
                    <ActionButton refused class="button-primary" inline=true>
                        {if is_message { "Send message" } else { "Place call" }}
                    </ActionButton>
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </form>
        </Dialog>
    }
}
