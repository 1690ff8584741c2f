//! Leaving the account (not for the Owner, who must transfer ownership first).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::dialog::Dialog;
use crate::components::toast::Toasts;
use crate::domain::{Command, DomainError};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// "Leave account": a button (disabled with the domain's reason for the Owner) and its
/// confirmation.
#[component]
pub fn LeaveAccount() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let (account, me) = (scope.account.clone(), scope.user.clone());
    let is_owner = Memo::new({
        let account = account.clone();
        move |_| {
            store.with(|c| c.account(&account).and_then(|a| a.owner().cloned())) == Some(me.clone())
        }
    });
    let account_name = {
        let account = account.clone();
        move || {
            store
                .with(|c| c.account(&account).map(|a| a.friendly_name.clone()))
                .unwrap_or_default()
        }
    };
    let leave = move |_| {
        let name = account_name();
        let result = store.apply(Command::LeaveAccount {
            account: account.clone(),
        });
        toasts.outcome(&result, format!("You left {name}."));
        match result {
            Ok(_) => {
                open.set(false);
                navigate("/accounts", Default::default());
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let reason = move || {
        is_owner
            .get()
            .then(|| DomainError::OwnerCannotLeave.to_string())
    };
    view! {
        <button
            type="button"
            class="button"
            disabled=is_owner
            title=reason
            aria-describedby=move || is_owner.get().then_some("leave-reason")
            on:click=move |_| {
                problem.set(None);
                open.set(true);
            }
        >
            "Leave account"
        </button>
        <Show when=move || is_owner.get()>
            <span id="leave-reason" class="visually-hidden">{reason}</span>
        </Show>
        <Dialog open title="Leave account">
            <p>"Leave this account? You lose access to it until an Owner or Administrator invites you again."</p>
            <Show when=move || problem.with(Option::is_some)>
                <p class="form-error" role="alert">{move || problem.get()}</p>
            </Show>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class="button button-danger" on:click=leave>"Leave account"</button>
            </div>
        </Dialog>
    }
}
