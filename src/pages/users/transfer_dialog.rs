//! Transferring ownership to an existing member; the old Owner stays as Administrator.

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::sid_select::{SidChoice, SidSelect};
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
    let problem = RwSignal::new(None::<String>);
    // Everyone but the signed-in user, by name: (SID, "Name (roles)").
    let candidates = {
        let (account, me) = (scope.account, scope.user);
        Memo::new(move |_| {
            let mut list: Vec<(String, String, String)> = store.with(|c| {
                c.members(&account, "", None)
                    .into_iter()
                    .filter(|row| row.user.sid != me)
                    .map(|row| {
                        (
                            row.user.full_name.to_lowercase(),
                            row.user.sid.to_string(),
                            format!("{} ({})", row.user.full_name, row.roles),
                        )
                    })
                    .collect()
            });
            list.sort();
            list.into_iter()
                .map(|(_, sid, text)| (sid, text))
                .collect::<Vec<_>>()
        })
    };
    // Kept by SID while members come and go in other tabs (see `SidSelect`).
    let choice = SidChoice::new(candidates.into(), None);
    // The question is asked of the member chosen, or of the first candidate before one is.
    let refused = {
        let me = scope.user;
        scope.offer(move |account| Command::TransferOwnership {
            account: *account,
            to: choice
                .get::<UserSid>()
                .or_else(|| candidates.with(|c| c.first().and_then(|(s, _)| s.parse().ok())))
                .unwrap_or(me),
        })
    };
    let open_dialog = move |()| {
        choice.clear();
        problem.set(None);
        open.set(true);
    };
    let account = scope.account;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(to) = choice.get_untracked::<UserSid>() else {
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
                    <SidSelect
                        choice
                        id="transfer-to"
                        prompt="Choose a member"
                        left="is no longer a member of this account"
                    />
                </div>
                <FormProblem problem />
                <DialogFooter on_cancel=move |()| open.set(false)>
                    <ActionButton refused class="button-danger">"Transfer ownership"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
