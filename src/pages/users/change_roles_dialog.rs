//! Changing a member's roles with the role picker.

use leptos::prelude::*;

use super::active::MemberItem;
use crate::components::dialog::Dialog;
use crate::components::role_picker::{RolePicker, picked};
use crate::components::toast::Toasts;
use crate::domain::{Command, ConsoleRole};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The "Change roles" dialog for the member in `target`.
#[component]
pub fn ChangeRolesDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The member whose roles change.
    target: RwSignal<Option<MemberItem>>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let roles = RwSignal::new(Vec::<ConsoleRole>::new());
    let problem = RwSignal::new(None::<String>);
    // Each opening starts from the member's current roles.
    Effect::new(move |_| {
        if open.get() {
            let current = target.with_untracked(|t| t.as_ref().map(|m| m.roles.roles()));
            roles.set(current.unwrap_or_default());
            problem.set(None);
        }
    });
    let name = move || target.with(|t| t.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(member) = target.get_untracked() else {
            return;
        };
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
                    <button type="submit" class="button button-primary">"Save roles"</button>
                </div>
            </form>
        </Dialog>
    }
}
