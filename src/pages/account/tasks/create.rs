//! "Create a task" on the Tasks page: a task sent through a workflow by hand, with its
//! channel, attributes, priority and timeout (TaskRouter's Create Task). The domain checks
//! everything; its refusal is the form's reason, its answer about the values under them.

use leptos::prelude::*;

use super::super::AccountScope;
use crate::components::form_problem::FormProblem;
use crate::components::offer::{ActionButton, offer};
use crate::components::toast::Toasts;
use crate::domain::taskrouter::DEFAULT_TASK_TIMEOUT;
use crate::domain::{Command, EventKind, TaskChannelSid, TaskCommand, WorkflowSid};
use crate::store::Store;

/// What a new task starts with: a call from a customer wanting support.
const EXAMPLE_ATTRIBUTES: &str = r#"{"type": "support", "name": "+14155550199"}"#;

/// A SID of `prefix` that names nothing (for asking before anything is chosen).
fn unknown_sid<T: std::str::FromStr>(prefix: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("{prefix}{}", "0".repeat(32))
        .parse()
        .expect("a well-formed SID")
}

/// The form, folded until opened.
#[component]
pub fn CreateTask() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let account = scope.account;
    let choices = Memo::new(move |_| {
        store.with(|c| {
            let ws = c.workspace(&account);
            let workflows: Vec<(String, String)> = ws
                .map(|ws| {
                    ws.workflows
                        .iter()
                        .map(|w| (w.sid.to_string(), w.friendly_name.clone()))
                        .collect()
                })
                .unwrap_or_default();
            let channels: Vec<(String, String)> = ws
                .map(|ws| {
                    ws.task_channels
                        .iter()
                        .map(|ch| (ch.sid.to_string(), ch.name().to_owned()))
                        .collect()
                })
                .unwrap_or_default();
            let voice = ws
                .and_then(|ws| ws.channel_named("voice"))
                .map(|ch| ch.sid.to_string());
            (workflows, channels, voice)
        })
    });
    let workflow = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    // Start on the first workflow and on voice, once the lists are known.
    Effect::new(move |_| {
        let (workflows, _, voice) = choices.get();
        if workflow.get_untracked().is_empty()
            && let Some((sid, _)) = workflows.first()
        {
            workflow.set(sid.clone());
        }
        if channel.get_untracked().is_empty()
            && let Some(voice) = voice
        {
            channel.set(voice);
        }
    });
    let attributes = RwSignal::new(EXAMPLE_ATTRIBUTES.to_owned());
    let priority = RwSignal::new("0".to_owned());
    let timeout = RwSignal::new(DEFAULT_TASK_TIMEOUT.to_string());
    let problem = RwSignal::new(None::<String>);
    // The command the form would run now; None while a number or a choice is unreadable.
    let command = move || -> Result<Command, String> {
        let workflow: WorkflowSid = workflow
            .get()
            .parse()
            .map_err(|_| "Choose a workflow.".to_owned())?;
        let channel: TaskChannelSid = channel
            .get()
            .parse()
            .map_err(|_| "Choose a task channel.".to_owned())?;
        let priority: u32 = priority
            .get()
            .trim()
            .parse()
            .map_err(|_| "Priority is a whole number from 0.".to_owned())?;
        let timeout: u32 = timeout
            .get()
            .trim()
            .parse()
            .map_err(|_| "Timeout is a whole number of seconds.".to_owned())?;
        Ok(Command::Task {
            account,
            change: TaskCommand::CreateTask {
                workflow,
                channel,
                attributes: attributes.get(),
                priority,
                timeout,
                origin: "By hand on the Console's Tasks page".to_owned(),
            },
        })
    };
    let refused = {
        let actor = scope.actor();
        // Who may create tasks is asked before the values are: a form half typed is a fair
        // question, its unreadable numbers read as anything.
        offer(actor, move || {
            command().unwrap_or_else(|_| Command::Task {
                account,
                change: TaskCommand::CreateTask {
                    workflow: workflow.get().parse().unwrap_or_else(|_| unknown_sid("WW")),
                    channel: channel.get().parse().unwrap_or_else(|_| unknown_sid("TC")),
                    attributes: String::new(),
                    priority: 0,
                    timeout: DEFAULT_TASK_TIMEOUT,
                    origin: String::new(),
                },
            })
        })
    };
    let toasts = Toasts::get();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if refused.get_untracked().is_some() {
            return;
        }
        let command = match untrack(command) {
            Ok(command) => command,
            Err(why) => {
                problem.set(Some(why));
                return;
            }
        };
        match store.apply(command) {
            Ok(event) => {
                problem.set(None);
                if let EventKind::Task { .. } = event.kind {
                    toasts.success("Task created: it is routed by its workflow now.");
                }
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let field = |id: &'static str, label: &'static str| {
        view! { <label class="field-label" for=id>{label}</label> }
    };
    view! {
        <details class="card create-task" data-testid="create-task">
            <summary>"Create a task"</summary>
            <p class="hint">"Sends a task through a workflow now, as a call reaching Send to Flex would: it is routed, offered and handled like any other."</p>
            <form novalidate on:submit=submit>
                <div class="form-row">
                    <div class="form-field">
                        {field("task-workflow", "Workflow")}
                        <select id="task-workflow" class="input" prop:value=move || workflow.get()
                            on:change=move |ev| workflow.set(event_target_value(&ev))>
                            {move || choices.get().0.into_iter().map(|(sid, name)| {
                                let selected = sid == workflow.get_untracked();
                                view! { <option value=sid selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="form-field">
                        {field("task-channel", "Task channel")}
                        <select id="task-channel" class="input" prop:value=move || channel.get()
                            on:change=move |ev| channel.set(event_target_value(&ev))>
                            {move || choices.get().1.into_iter().map(|(sid, name)| {
                                let selected = sid == channel.get_untracked();
                                view! { <option value=sid selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="form-field">
                        {field("task-priority", "Priority")}
                        <input id="task-priority" class="input" type="text" inputmode="numeric" autocomplete="off"
                            prop:value=move || priority.get() on:input=move |ev| priority.set(event_target_value(&ev)) />
                    </div>
                    <div class="form-field">
                        {field("task-timeout", "Timeout (seconds)")}
                        <input id="task-timeout" class="input" type="text" inputmode="numeric" autocomplete="off"
                            prop:value=move || timeout.get() on:input=move |ev| timeout.set(event_target_value(&ev)) />
                    </div>
                </div>
                <div class="form-field">
                    {field("task-attributes", "Attributes (JSON)")}
                    <textarea id="task-attributes" class="input code-input" rows="4" spellcheck="false"
                        prop:value=move || attributes.get() on:input=move |ev| attributes.set(event_target_value(&ev))></textarea>
                </div>
                <FormProblem problem=problem />
                <div class="actions">
                    <ActionButton refused class="button-primary" testid="create-task-button">"Create task"</ActionButton>
                </div>
            </form>
        </details>
    }
}
