//! A workflow's page (`/accounts/:account_sid/taskrouter/workflows/WW…`): the workflow as a
//! form with its configuration JSON beside it (one value, two views), saved over the
//! revision it was edited on; "Try a task"; and deleting it (the domain refuses Flex's own).

use leptos::prelude::*;

use super::editor::{DefaultQueue, FiltersEditor, WorkflowFields};
use super::form::WorkflowForm;
use super::json::ConfigurationJson;
use super::queue_options;
use super::try_task::TryTask;
use crate::components::confirm::ConfirmCommand;
use crate::components::copyable_sid::CopyableSid;
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::{AccountPage, Command, TaskRouterCommand, WorkflowSid, WorkflowSpec};
use crate::pages::account::taskrouter::changed::ChangedElsewhere;
use crate::pages::account::taskrouter::{NotInWorkspace, TrPage, sid_param, tr_path, trail_to};
use crate::pages::account::{AccountScope, Requires};
use crate::store::Store;

/// A workflow's page.
#[component]
pub fn WorkflowPage() -> impl IntoView {
    let sid = sid_param("workflow_sid");
    view! {
        <Requires page=AccountPage::Workflows>
            // Built anew for another workflow, so no form carries over.
            {move || {
                let raw = sid.get();
                match raw.parse::<WorkflowSid>() {
                    Ok(workflow) => view! { <Page workflow /> }.into_any(),
                    Err(_) => view! {
                        <TrPage id="workflow-title" title="Workflow not found" lead="" trail=trail_to(AccountPage::Workflows)>
                            <NotInWorkspace what="workflow" sid=raw.clone() list=AccountPage::Workflows />
                        </TrPage>
                    }.into_any(),
                }
            }}
        </Requires>
    }
}

#[component]
fn Page(workflow: WorkflowSid) -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    let name = Memo::new(move |_| {
        store.with(|c| {
            c.workspace(&account)?
                .workflow(&workflow)
                .map(|w| w.friendly_name.clone())
        })
    });
    let exists = Memo::new(move |_| name.with(Option::is_some));
    let title = Signal::derive(move || {
        name.get()
            .unwrap_or_else(|| "Workflow not found".to_owned())
    });
    let stored = Memo::new(move |_| {
        store.with(|c| {
            let w = c.workspace(&account)?.workflow(&workflow)?;
            Some((w.spec(), w.revision.number))
        })
    });
    let form = WorkflowForm::new(stored);
    view! {
        <TrPage id="workflow-title" title lead="A workflow: its filters route each task to a queue; a task no filter matches goes to the Default Task Queue."
            trail=trail_to(AccountPage::Workflows)>
            <Show when=move || exists.get() fallback=move || view! {
                <NotInWorkspace what="workflow" sid=workflow.to_string() list=AccountPage::Workflows />
            }>
                <dl class="fields">
                    <CopyableSid label="Workflow SID" value=workflow.to_string() />
                </dl>
                <WorkflowEditor workflow form />
                <TryTask workflow edited=Signal::derive(move || form.draft.edited()) />
                <DeleteWorkflow workflow name=Signal::derive(move || name.get().unwrap_or_default()) />
            </Show>
        </TrPage>
    }
}

/// The form and the JSON, and the save.
#[component]
fn WorkflowEditor(workflow: WorkflowSid, form: WorkflowForm) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let account = scope.account;
    let queues = queue_options();
    let problem = RwSignal::new(None::<String>);
    let command = move |spec: WorkflowSpec, revision: u64| Command::TaskRouter {
        account,
        change: TaskRouterCommand::UpdateWorkflow {
            workflow,
            spec,
            revision,
        },
    };
    let values = move || form.draft.values().unwrap_or_default();
    let refused = scope.offer(move |_| command(values(), form.draft.seen().unwrap_or_default()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // JSON that does not read is a mistake to correct first: saving the form's last
        // reading would drop what was typed.
        if let Some(e) = form.json_error.get_untracked() {
            problem.set(Some(format!(
                "Configuration (JSON): {e}. Correct it, or edit the form, before saving."
            )));
            return;
        }
        let (spec, seen) = untrack(|| (values(), form.draft.seen().unwrap_or_default()));
        let name = spec.friendly_name.trim().to_owned();
        match store.apply(command(spec, seen)) {
            Ok(_) => {
                problem.set(None);
                form.reload();
                toasts.success(format!("The workflow {name} was saved."));
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="tr-form workflow-form" aria-labelledby="workflow-settings" on:submit=save novalidate data-testid="workflow-form">
            <h2 id="workflow-settings">"Routing"</h2>
            <ChangedElsewhere stale=Signal::derive(move || form.draft.stale()) refused on_load=Callback::new(move |()| {
                form.reload();
                problem.set(None);
            }) />
            <div class="workflow-views">
                <div class="workflow-fields">
                    <WorkflowFields form />
                    <FiltersEditor form queues />
                    <DefaultQueue form queues />
                </div>
                <ConfigurationJson form />
            </div>
            <FormProblem problem />
            <div class="actions">
                <ActionButton refused class="button-primary" testid="save-workflow">"Save workflow"</ActionButton>
            </div>
        </form>
    }
}

/// Deleting the workflow: the domain's refusal written under the button (Flex's own
/// workflow), else a confirmation, then back to the list.
#[component]
fn DeleteWorkflow(workflow: WorkflowSid, name: Signal<String>) -> impl IntoView {
    let scope = AccountScope::get();
    let account = scope.account;
    let command = move || Command::TaskRouter {
        account,
        change: TaskRouterCommand::DeleteWorkflow { workflow },
    };
    let refused = scope.offer(move |_| command());
    let confirm = RwSignal::new(false);
    let done = move || format!("The workflow {} was deleted.", name.get_untracked());
    view! {
        <section class="card danger-zone" aria-labelledby="delete-workflow">
            <h2 id="delete-workflow">"Delete this workflow"</h2>
            <p>"Tasks can no longer be created on it."</p>
            <ActionButton refused class="button-danger" inline=true on_press=Callback::new(move |()| confirm.set(true))>
                "Delete workflow"
            </ActionButton>
            <ConfirmCommand open=confirm title="Delete this workflow?" confirm="Delete workflow" command done leave_to=tr_path("/workflows")>
                <p>{move || format!("{} will be deleted. This cannot be undone.", name.get())}</p>
            </ConfirmCommand>
        </section>
    }
}
