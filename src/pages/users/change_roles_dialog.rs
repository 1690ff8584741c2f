//! Changing a member's roles with the role picker.

use leptos::prelude::*;

use super::active::MemberItem;
use crate::components::dialog::Dialog;
use crate::components::offer::ActionButton;
use crate::components::role_picker::{RolePicker, picked};
use crate::components::toast::Toasts;
use crate::domain::Command;
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The "Change roles" dialog for `member`.
#[component]
pub fn ChangeRolesDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The member whose roles change.
    member: MemberItem,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let roles = RwSignal::new(member.roles.roles());
    let problem = RwSignal::new(None::<String>);
    // Each opening starts from the member's current roles.
    let current = member.roles;
    Effect::new(move |_| {
        if open.get() {
            roles.set(current.roles());
            problem.set(None);
        }
    });
    let (sid, name) = (member.sid.clone(), member.name.clone());
    let refused = scope.offer(move |account| Command::ChangeRoles {
        account: account.clone(),
        user: sid.clone(),
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
            account: scope.account.clone(),
            user: member.sid.clone(),
            roles,
        };
        let result = store.apply(command);
        toasts.outcome(
            &result,
            format!("{} now has the {roles} role.", member.name),
        );
        match result {
            Ok(_) => open.set(false),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog open title="Change roles">
            <form class="dialog-form" novalidate on:submit=submit>
                <p>"Roles of " <strong>{name}</strong> " in this account."</p>
                <RolePicker roles legend="Roles" />
                <Show when=move || problem.with(Option::is_some)>
                    <p class="form-error" role="alert">{move || problem.get()}</p>
                </Show>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                    <ActionButton refused class="button-primary">"Save roles"</ActionButton>
                </div>
            </form>
        </Dialog>
    }
}
