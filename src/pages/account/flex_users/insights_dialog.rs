//! Giving a worker Insights roles: the seven WFO roles as checkboxes. The domain decides,
//! before Save is pressed and again when it is; its refusal is shown as is.

use leptos::prelude::*;

use super::table::{WorkerItem, insights_probe};
use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::{Command, InsightsRole};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// What each Insights role is for, as the Flex Insights documentation describes it.
fn describe(role: InsightsRole) -> &'static str {
    match role {
        InsightsRole::FullAccess => "everything in Insights",
        InsightsRole::TeamLeader => "reports and conversations of their team",
        InsightsRole::DataAnalyst => "builds reports and dashboards",
        InsightsRole::DataAuditor => "reviews conversation data",
        InsightsRole::QualityManager => "runs quality assessments",
        InsightsRole::QualityProcessManager => "designs assessment questionnaires",
        InsightsRole::DashboardViewer => "views shared dashboards",
    }
}

/// The "Insights roles" dialog for `worker`.
#[component]
pub fn InsightsRolesDialog(
    /// The worker whose Insights roles change.
    worker: WorkerItem,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let opened = Opened::new();
    // Mounted for each opening, so it starts from the worker's current roles.
    let picked = RwSignal::new(worker.insights_roles.clone());
    let problem = RwSignal::new(None::<String>);
    let sid = worker.sid;
    let refused = scope.offer(move |account| insights_probe(account, &sid));
    let name = worker.name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let roles = picked.get_untracked();
        let command = Command::SetInsightsRoles {
            account: scope.account,
            worker: worker.sid,
            roles: roles.clone(),
        };
        let result = store.apply(command);
        let done = if roles.is_empty() {
            format!("{} has no Insights roles now.", worker.name)
        } else {
            let mut names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            names.sort_unstable();
            format!(
                "Insights roles of {} set: {}.",
                worker.name,
                names.join(", ")
            )
        };
        toasts.outcome(&result, done);
        match result {
            Ok(_) => opened.close(),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let toggle = move |role: InsightsRole, on: bool| {
        picked.update(|p| {
            p.retain(|r| *r != role);
            if on {
                p.push(role);
            }
        })
    };
    view! {
        <Dialog open=opened.signal() on_close title="Insights roles">
            <form class="dialog-form" novalidate on:submit=submit>
                <p>"Flex Insights roles of " <strong>{name}</strong> "."</p>
                <fieldset class="role-picker insights-picker">
                    <legend>"Insights roles"</legend>
                    {InsightsRole::ALL
                        .into_iter()
                        .map(|role| {
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        value=role.as_str()
                                        prop:checked=move || picked.with(|p| p.contains(&role))
                                        on:change=move |ev| toggle(role, event_target_checked(&ev))
                                    />
                                    <code>{role.as_str()}</code>
                                    <span class="muted">" — " {describe(role)}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <p class="muted">"These roles last until the worker's next login, which sets roles afresh."</p>
                <FormProblem problem />
                <DialogFooter on_cancel=opened.closer()>
                    <ActionButton refused class="button-primary">"Save Insights roles"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
