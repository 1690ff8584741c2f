//! Transferring ownership to an existing member; the old Owner stays as Administrator.

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::{Command, UserSid};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// "Transfer ownership": a button (refused up front with the domain's reason) and its dialog.
#[component]
pub fn TransferOwnership() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // The question is asked of the member chosen, or of the first candidate before one is.
    let first_other = {
        let (account, me) = (scope.account, scope.user);
        move || {
            store.with(|c| {
                c.account(&account)
                    .and_then(|a| a.members.keys().find(|sid| **sid != me).cloned())
            })
        }
    };
    let refused = {
        let me = scope.user;
        scope.offer(move |account| Command::TransferOwnership {
            account: *account,
            to: chosen
                .with(|c| c.parse::<UserSid>().ok())
                .or_else(&first_other)
                .unwrap_or(me),
        })
    };
    // Everyone but the signed-in user, by name.
    let candidates = {
        let (account, me) = (scope.account, scope.user);
        move || {
            let mut list: Vec<(String, String, String)> = store.with(|c| {
                c.members(&account, "", None)
                    .into_iter()
                    .filter(|row| row.user.sid != me)
                    .map(|row| {
                        (
                            row.user.sid.to_string(),
                            row.user.full_name.clone(),
                            row.roles.to_string(),
                        )
                    })
                    .collect()
            });
            list.sort_by_key(|c| c.1.to_lowercase());
            list
        }
    };
    let open_dialog = move |()| {
        chosen.set(String::new());
        problem.set(None);
        open.set(true);
    };
    let account = scope.account;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(to) = chosen.get_untracked().parse::<UserSid>() else {
            problem.set(Some("Choose the member who becomes the Owner.".into()));
            return;
        };
        let name = store
            .with_untracked(|c| c.user(&to).map(|u| u.full_name.clone()))
            .unwrap_or_default();
        let result = store.apply(Command::TransferOwnership { account, to });
        toasts.outcome(
            &result,
            format!("{name} is now the Owner; you stay on as Administrator."),
        );
        match result {
            Ok(_) => open.set(false),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <ActionButton refused on_press=Callback::new(open_dialog)>"Transfer ownership"</ActionButton>
        <Dialog open on_close=Callback::new(move |()| open.set(false)) title="Transfer ownership">
            <form class="dialog-form" novalidate on:submit=submit>
                <p>
                    "The new Owner must already be a member of this account. You stay on as "
                    <strong>"Administrator"</strong> "; only the new Owner can transfer ownership again."
                </p>
                <div class="form-field">
                    <label class="field-label" for="transfer-to">"New Owner"</label>
                    <select
                        class="input"
                        id="transfer-to"
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="">"Choose a member"</option>
                        {move || {
                            candidates()
                                .into_iter()
                                .map(|(sid, name, roles)| view! { <option value=sid>{format!("{name} ({roles})")}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <FormProblem problem />
                <DialogFooter on_cancel=move |()| open.set(false)>
                    <ActionButton refused class="button-danger">"Transfer ownership"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
