//! The Send to Flex step of a Studio flow, edited in a dialog on the Studio page: workflow,
//! task channel, priority, timeout and the attributes template. The domain checks it
//! (`SetSendToFlex`); a refusal shows in the dialog.

use leptos::prelude::*;

use crate::components::dialog::Dialog;
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::taskrouter::task::{DEFAULT_TASK_TIMEOUT, MAX_PRIORITY, MAX_TASK_TIMEOUT};
use crate::domain::words::thousands;
use crate::domain::{
    Command, DEFAULT_VOICE_ATTRIBUTES, MAX_SEND_TO_FLEX_ATTRIBUTES, SendToFlex, StudioFlowSid,
    TaskChannelSid, WorkflowSid,
};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The dialog editing `flow`'s step (named `name`), starting from `step`.
#[component]
pub fn SendToFlexDialog(
    /// Whether it is shown.
    open: RwSignal<bool>,
    /// The flow.
    flow: StudioFlowSid,
    /// Its name.
    name: String,
    /// Its step now.
    step: Option<SendToFlex>,
) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let account = scope.account;
    let choices = Memo::new(move |_| {
        store.with(|c| {
            c.workspace(&account).map(|ws| {
                let workflows: Vec<(WorkflowSid, String)> = ws
                    .workflows
                    .iter()
                    .map(|w| (w.sid, w.friendly_name.clone()))
                    .collect();
                let channels: Vec<(TaskChannelSid, String)> = ws
                    .task_channels
                    .iter()
                    .map(|c| (c.sid, c.unique_name.clone()))
                    .collect();
                (workflows, channels)
            })
        })
    });
    let (workflows, channels) = choices.get_untracked().unwrap_or_default();
    let workflow = RwSignal::new(
        step.as_ref()
            .map(|s| s.workflow)
            .or(workflows.first().map(|w| w.0))
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let channel = RwSignal::new(
        step.as_ref()
            .map(|s| s.channel)
            .or(channels.iter().find(|c| c.1 == "voice").map(|c| c.0))
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let priority = RwSignal::new(step.as_ref().map_or(0, |s| s.priority).to_string());
    let timeout = RwSignal::new(
        step.as_ref()
            .map_or(DEFAULT_TASK_TIMEOUT, |s| s.timeout)
            .to_string(),
    );
    let attributes = RwSignal::new(
        step.as_ref()
            .map_or(DEFAULT_VOICE_ATTRIBUTES.to_owned(), |s| {
                s.attributes.clone()
            }),
    );
    let problem = RwSignal::new(None::<String>);
    let typed = move || -> Result<SendToFlex, String> {
        Ok(SendToFlex {
            workflow: workflow
                .get()
                .parse()
                .map_err(|_| "Choose a workflow.".to_owned())?,
            channel: channel
                .get()
                .parse()
                .map_err(|_| "Choose a task channel.".to_owned())?,
            priority: priority.get().trim().parse().map_err(|_| {
                format!(
                    "Priority: a whole number from 0 to {}.",
                    thousands(u64::from(MAX_PRIORITY))
                )
            })?,
            timeout: timeout
                .get()
                .trim()
                .parse()
                .map_err(|_| "Timeout: a whole number of seconds.".to_owned())?,
            attributes: attributes.get(),
        })
    };
    // Save asks the command it runs, with the step as typed; a value that does not parse
    // is the person's to correct (said when pressed), so only whether they may change the
    // flow at all is asked then. Remove step asks removing it.
    let refused = scope.offer(move |account| Command::SetSendToFlex {
        account: *account,
        flow,
        step: typed().ok(),
    });
    let refused_removal = scope.offer(move |account| Command::SetSendToFlex {
        account: *account,
        flow,
        step: None,
    });
    let save = {
        let name = name.clone();
        move |step: Option<SendToFlex>| {
            let removed = step.is_none();
            let result = store.apply(Command::SetSendToFlex {
                account,
                flow,
                step,
            });
            match &result {
                Ok(_) => {
                    problem.set(None);
                    open.set(false);
                }
                Err(e) => problem.set(Some(e.to_string())),
            }
            let done = if removed {
                format!("{name} no longer sends contacts to Flex.")
            } else {
                format!("{name} sends contacts to Flex with the new settings.")
            };
            if result.is_ok() {
                toasts.outcome(&result, done);
            }
        }
    };
    let submit = {
        let save = save.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match untrack(typed) {
                Ok(step) => save(Some(step)),
                Err(e) => problem.set(Some(e)),
            }
        }
    };
    let had_step = step.is_some();
    view! {
        <Dialog open on_close=Callback::new(move |()| open.set(false)) title=format!("Send to Flex: {name}")>
            <form class="dialog-form" on:submit=submit>
                <p class="muted">"A call or message reaching this flow becomes a TaskRouter task with these settings. "
                    "Variables such as " <code>"{{trigger.call.From}}"</code> " and " <code>"{{trigger.message.From}}"</code>
                    " are filled in from the contact."</p>
                <div class="form-field">
                    <label class="field-label" for="stf-workflow">"Workflow"</label>
                    <select class="input" id="stf-workflow" on:change=move |ev| workflow.set(event_target_value(&ev))>
                        {workflows.iter().map(|(sid, name)| {
                            let value = sid.to_string();
                            let selected = value == workflow.get_untracked();
                            view! { <option value=value selected=selected>{name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label class="field-label" for="stf-channel">"Task Channel"</label>
                    <select class="input" id="stf-channel" on:change=move |ev| channel.set(event_target_value(&ev))>
                        {channels.iter().map(|(sid, name)| {
                            let value = sid.to_string();
                            let selected = value == channel.get_untracked();
                            view! { <option value=value selected=selected>{name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label class="field-label" for="stf-priority">"Priority"</label>
                    <input class="input" id="stf-priority" inputmode="numeric" prop:value=move || priority.get()
                        on:input=move |ev| priority.set(event_target_value(&ev)) />
                </div>
                <div class="form-field">
                    <label class="field-label" for="stf-timeout">{format!("Timeout (seconds, at most {})", thousands(u64::from(MAX_TASK_TIMEOUT)))}</label>
                    <input class="input" id="stf-timeout" inputmode="numeric" prop:value=move || timeout.get()
                        on:input=move |ev| timeout.set(event_target_value(&ev)) />
                </div>
                <div class="form-field">
                    <label class="field-label" for="stf-attributes">{format!("Attributes (JSON, at most {} characters)", thousands(MAX_SEND_TO_FLEX_ATTRIBUTES as u64))}</label>
                    <textarea class="input twiml-editor" id="stf-attributes" rows="4" spellcheck="false"
                        prop:value=move || attributes.get()
                        on:input=move |ev| attributes.set(event_target_value(&ev))></textarea>
                    <p class="hint">{move || format!("{} of {} characters", attributes.with(|a| a.chars().count()), thousands(MAX_SEND_TO_FLEX_ATTRIBUTES as u64))}</p>
                </div>
                <FormProblem problem />
                <div class="actions">
                    <ActionButton refused class="button-primary">"Save"</ActionButton>
                    {had_step.then(|| {
                        let save = save.clone();
                        view! {
                            <ActionButton refused=refused_removal class="button-danger"
                                on_press=Callback::new(move |()| save(None))>
                                "Remove step"
                            </ActionButton>
                        }
                    })}
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Dialog>
    }
}
