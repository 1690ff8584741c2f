//! Removing a member, after a confirmation.

use leptos::prelude::*;

use super::active::MemberItem;
use crate::components::dialog::Dialog;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::Command;
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The "Remove member" confirmation for `member`.
#[component]
pub fn RemoveDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The member to remove.
    member: MemberItem,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let problem = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if open.get() {
            problem.set(None);
        }
    });
    let sid = member.sid.clone();
    let refused = scope.offer(move |account| Command::RemoveMember {
        account: account.clone(),
        user: sid.clone(),
    });
    let name = member.name.clone();
    let remove = move |()| {
        let command = Command::RemoveMember {
            account: scope.account.clone(),
            user: member.sid.clone(),
        };
        let result = store.apply(command);
        toasts.outcome(
            &result,
            format!("{} was removed from the account.", member.name),
        );
        match result {
            Ok(_) => open.set(false),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog open title="Remove member">
            <p>"Remove " <strong>{name}</strong> " from this account?"</p>
            <p class="muted">"They lose access to this account only; their Console user and their other accounts stay."</p>
            <Show when=move || problem.with(Option::is_some)>
                <p class="form-error" role="alert">{move || problem.get()}</p>
            </Show>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                <ActionButton refused class="button-danger" on_press=Callback::new(remove)>"Remove member"</ActionButton>
            </div>
        </Dialog>
    }
}
