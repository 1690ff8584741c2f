//! Transferring ownership to an existing member (Owner only); the old Owner stays as
//! Administrator.

use leptos::prelude::*;

use crate::components::dialog::Dialog;
use crate::components::toast::Toasts;
use crate::domain::{Capability, Command, UserSid, needs};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// "Transfer ownership": a button (disabled with the reason for non-Owners) and its dialog.
#[component]
pub fn TransferOwnership() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let not_allowed = Memo::new({
        let scope = scope.clone();
        move |_| !scope.can(Capability::TransferOwnership)
    });
    // Everyone but the signed-in user, by name.
    let candidates = {
        let (account, me) = (scope.account.clone(), scope.user.clone());
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
    let open_dialog = move |_| {
        chosen.set(String::new());
        problem.set(None);
        open.set(true);
    };
    let account = scope.account.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(to) = chosen.get_untracked().parse::<UserSid>() else {
            problem.set(Some("Choose the member who becomes the Owner.".into()));
            return;
        };
        let name = store
            .with_untracked(|c| c.user(&to).map(|u| u.full_name.clone()))
            .unwrap_or_default();
        let result = store.apply(Command::TransferOwnership {
            account: account.clone(),
            to,
        });
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
        <button
            type="button"
            class="button"
            disabled=not_allowed
            title=move || not_allowed.get().then(|| needs(Capability::TransferOwnership))
            aria-describedby=move || not_allowed.get().then_some("transfer-reason")
            on:click=open_dialog
        >
            "Transfer ownership"
        </button>
        <Show when=move || not_allowed.get()>
            <span id="transfer-reason" class="visually-hidden">{needs(Capability::TransferOwnership)}</span>
        </Show>
        <Dialog open title="Transfer ownership">
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
                <Show when=move || problem.with(Option::is_some)>
                    <p class="form-error" role="alert">{move || problem.get()}</p>
                </Show>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="button button-danger">"Transfer ownership"</button>
                </div>
            </form>
        </Dialog>
    }
}
