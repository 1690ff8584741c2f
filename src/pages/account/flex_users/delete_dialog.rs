//! Deleting a worker, after a confirmation that says it comes back at the next login.

use leptos::prelude::*;

use super::table::WorkerItem;
use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::form_problem::FormProblem;
use crate::components::link::href;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::Command;
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The "Delete worker" confirmation for `worker`.
#[component]
pub fn DeleteWorkerDialog(
    /// The worker to delete.
    worker: WorkerItem,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let opened = Opened::new();
    let problem = RwSignal::new(None::<String>);
    let sid = worker.sid;
    let refused = scope.offer(move |account| Command::DeleteWorker {
        account: *account,
        worker: sid,
    });
    let (name, email) = (worker.name.clone(), worker.email.clone());
    let manage_users = href(&format!("/accounts/{}/users", scope.account));
    let delete = move |()| {
        let command = Command::DeleteWorker {
            account: scope.account,
            worker: worker.sid,
        };
        let result = store.apply(command);
        toasts.outcome(
            &result,
            format!("Worker {} ({}) was deleted.", worker.name, worker.sid),
        );
        match result {
            Ok(_) => opened.close(),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog open=opened.signal() on_close title="Delete worker">
            <p>"Delete the worker of " <strong>{name}</strong> " (" {email} ")?"</p>
            <p class="notice" data-testid="delete-returns-note">
                "The worker comes back at this person's next login to Flex, unless their access is removed too: "
                "remove the member on " <a href=manage_users>"Manage users"</a>
                ", or, for a person who signs in through SSO, in the identity provider."
            </p>
            <FormProblem problem />
            <DialogFooter on_cancel=opened.closer()>
                <ActionButton refused class="button-danger" on_press=Callback::new(delete)>"Delete worker"</ActionButton>
            </DialogFooter>
        </Dialog>
    }
}
