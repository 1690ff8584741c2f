//! Removing a member, after a confirmation.

use leptos::prelude::*;

use super::active::MemberItem;
use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::Command;
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The "Remove member" confirmation for `member`.
#[component]
pub fn RemoveDialog(
    /// The member to remove.
    member: MemberItem,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let opened = Opened::new();
    let problem = RwSignal::new(None::<String>);
    let sid = member.sid;
    let refused = scope.offer(move |account| Command::RemoveMember {
        account: *account,
        user: sid,
    });
    let name = member.name.clone();
    let remove = move |()| {
        let command = Command::RemoveMember {
            account: scope.account,
            user: member.sid,
        };
        let result = store.apply(command);
        toasts.outcome(
            &result,
            format!("{} was removed from the account.", member.name),
        );
        match result {
            Ok(_) => opened.close(),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog open=opened.signal() on_close title="Remove member">
            <p>"Remove " <strong>{name}</strong> " from this account?"</p>
            <p class="muted">"They lose access to this account only; their Console user and their other accounts stay."</p>
            <FormProblem problem />
            <DialogFooter on_cancel=opened.closer()>
                <ActionButton refused class="button-danger" on_press=Callback::new(remove)>"Remove member"</ActionButton>
            </DialogFooter>
        </Dialog>
    }
}
