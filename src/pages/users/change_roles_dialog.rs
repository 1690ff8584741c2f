//! Changing a member's roles with the role picker.

use leptos::prelude::*;

use super::active::MemberItem;
use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::draft::Draft;
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
    let (sid, name) = (member.sid, member.name.clone());
    let account = scope.account;
    // The member's roles as stored, with their revision: the picker follows a change made
    // elsewhere until a box is touched; then a save over a newer change is refused.
    let stored = Memo::new(move |_| {
        store.with(|c| {
            let member = c.account(&account)?.members.get(&sid)?;
            Some((member.roles.roles(), member.revision.number))
        })
    });
    let draft = Draft::new(stored);
    let roles = Signal::derive(move || draft.values().unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    // Whether their roles may be changed at all (asked with the roles they have now).
    let refused = scope.offer(move |account| Command::ChangeRoles {
        account: *account,
        user: sid,
        roles: stored
            .with(|s| s.as_ref().and_then(|(r, _)| picked(r).ok()))
            .unwrap_or(member.roles),
        revision: draft.seen(),
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
            revision: draft.seen_untracked(),
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
                <Show when=move || draft.stale() || draft.gone()>
                    <div class="notice changed-elsewhere" role="status" data-testid="roles-changed">
                        <p>{move || refused.get().unwrap_or_default()}</p>
                        <Show when=move || !draft.gone()>
                            <button type="button" class="button" on:click=move |_| {
                                draft.reload();
                                problem.set(None);
                            }>"Load the newer values"</button>
                        </Show>
                    </div>
                </Show>
                <RolePicker roles on_pick=Callback::new(move |picked: Vec<_>| draft.edit(|r| *r = picked)) legend="Roles" />
                <FormProblem problem />
                <DialogFooter on_cancel=opened.closer()>
                    <ActionButton refused class="button-primary">"Save roles"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
