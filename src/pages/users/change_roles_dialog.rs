//! Changing a member's roles with the role picker.

use leptos::prelude::*;

use super::active::MemberItem;
use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::role_picker::{RolePicker, picked};
use crate::components::toast::Toasts;
use crate::domain::Command;
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The "Change roles" dialog for `member`.
#[component]
pub fn ChangeRolesDialog(
    /// The member whose roles change.
    member: MemberItem,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let opened = Opened::new();
    // Mounted for each opening, so it starts from the member's current roles.
    let roles = RwSignal::new(member.roles.roles());
    let problem = RwSignal::new(None::<String>);
    let current = member.roles;
    let (sid, name) = (member.sid, member.name.clone());
    let refused = scope.offer(move |account| Command::ChangeRoles {
        account: *account,
        user: sid,
        roles: current,
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let roles = match picked(&roles.get_untracked()) {
            Ok(roles) => roles,
            Err(e) => {
                problem.set(Some(format!("Choose roles: {e}.")));
                return;
            }
        };
        let command = Command::ChangeRoles {
            account: scope.account,
            user: member.sid,
            roles,
        };
        let result = store.apply(command);
        toasts.outcome(
            &result,
            format!("{} now has the {roles} role.", member.name),
        );
        match result {
            Ok(_) => opened.close(),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog open=opened.signal() on_close title="Change roles">
            <form class="dialog-form" novalidate on:submit=submit>
                <p>"Roles of " <strong>{name}</strong> " in this account."</p>
                <RolePicker roles legend="Roles" />
                <FormProblem problem />
                <DialogFooter on_cancel=opened.closer()>
                    <ActionButton refused class="button-primary">"Save roles"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
