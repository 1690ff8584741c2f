//! Inviting someone by email with some roles (never Owner: the role picker does not offer it).

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter};
use crate::components::form_problem::FormProblem;
use crate::components::offer::{ActionButton, Refusal};
use crate::components::role_picker::{RolePicker, picked};
use crate::components::toast::Toasts;
use crate::domain::{Command, ConsoleRole, Email};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The "Invite user" dialog. It stays open, with the reason next to the field, until the
/// domain accepts the invitation.
#[component]
pub fn InviteDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The domain's answer for inviting here.
    refused: Refusal,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let email = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<ConsoleRole>::new());
    let email_error = RwSignal::new(None::<String>);
    let roles_error = RwSignal::new(None::<String>);
    let refusal = RwSignal::new(None::<String>);
    let reset = move || {
        email.set(String::new());
        roles.set(Vec::new());
        email_error.set(None);
        roles_error.set(None);
        refusal.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        refusal.set(None);
        let parsed = Email::parse(email.get_untracked().trim());
        email_error.set(parsed.as_ref().err().map(|e| format!("{e}.")));
        let chosen = picked(&roles.get_untracked());
        roles_error.set(chosen.as_ref().err().map(|e| format!("Choose roles: {e}.")));
        let (Ok(address), Ok(roles)) = (parsed, chosen) else {
            return;
        };
        let command = Command::Invite {
            account: scope.account,
            email: address.clone(),
            roles,
        };
        let result = store.apply(command);
        toasts.outcome(&result, format!("Invitation sent to {address}."));
        match result {
            Ok(_) => {
                reset();
                open.set(false);
            }
            Err(e) => refusal.set(Some(e.to_string())),
        }
    };
    let invalid = move || email_error.with(Option::is_some);
    view! {
        <Dialog open on_close=Callback::new(move |()| open.set(false)) title="Invite user">
            <form class="dialog-form" novalidate on:submit=submit data-testid="invite-form">
                <div class="form-field">
                    <label class="field-label" for="invite-email">"Email"</label>
                    <input
                        class="input"
                        id="invite-email"
                        type="email"
                        autocomplete="off"
                        prop:value=move || email.get()
                        on:input=move |ev| email.set(event_target_value(&ev))
                        aria-invalid=move || invalid().then_some("true")
                        aria-describedby=move || invalid().then_some("invite-email-error")
                    />
                    <Show when=invalid>
                        <p id="invite-email-error" class="field-error">{move || email_error.get()}</p>
                    </Show>
                </div>
                <RolePicker roles on_pick=Callback::new(move |picked| roles.set(picked)) legend="Roles" />
                <Show when=move || roles_error.with(Option::is_some)>
                    <p class="field-error">{move || roles_error.get()}</p>
                </Show>
                <p class="muted">"The invitation expires after 7 days; it can be resent or revoked on the Invited users tab."</p>
                <FormProblem problem=refusal />
                <DialogFooter on_cancel=move |()| open.set(false)>
                    <ActionButton refused class="button-primary">"Send invitation"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
