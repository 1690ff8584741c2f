//! Leaving the account; the domain says who may (the Owner must transfer ownership first).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::dialog::{Dialog, DialogFooter};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::{Capability, Command, describe_roles, roles_granting};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// "Leave account": a button (refused up front with the domain's reason) and its
/// confirmation.
#[component]
pub fn LeaveAccount(
    /// The reason a refusal gives written under the button (in a details list), not only on
    /// hover and focus.
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let account = scope.account;
    let refused = scope.offer(|account| Command::LeaveAccount { account: *account });
    let account_name = {
        move || {
            store
                .with(|c| c.account(&account).map(|a| a.friendly_name.clone()))
                .unwrap_or_default()
        }
    };
    let leave = move |()| {
        let name = account_name();
        let result = store.apply(Command::LeaveAccount { account });
        toasts.outcome(&result, format!("You left {name}."));
        match result {
            Ok(_) => {
                open.set(false);
                navigate("/accounts", Default::default());
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let who = describe_roles(&roles_granting(Capability::ManageUsers));
    view! {
        <ActionButton refused inline class=if inline { "button-small" } else { "" } on_press=Callback::new(move |()| {
            problem.set(None);
            open.set(true);
        })>
            "Leave account"
        </ActionButton>
        <Dialog open on_close=Callback::new(move |()| open.set(false)) title="Leave account">
            <p>"Leave this account? You lose access to it until a member with the " {who} " role invites you again."</p>
            <FormProblem problem />
            <DialogFooter on_cancel=move |()| open.set(false)>
                <ActionButton refused class="button-danger" on_press=Callback::new(leave)>"Leave account"</ActionButton>
            </DialogFooter>
        </Dialog>
    }
}
