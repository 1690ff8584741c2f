//! A dialog whose form runs one command, as creating or renaming a thing does: its fields,
//! the domain's problem with the last try under them, Cancel and the button that runs it,
//! asked first. Done, a toast says what was done, the dialog closes and, if the page says
//! where, the new thing's page opens; refused, the dialog stays open with the reason.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::dialog::{Dialog, Opened};
use super::form_problem::FormProblem;
use super::offer::{ActionButton, offer_signed_in};
use super::toast::Toasts;
use crate::domain::{Command, Event};
use crate::store::Store;

/// The dialog, mounted for each opening (its fields start from the page's signals).
#[component]
pub fn CommandDialog<C, D>(
    /// The title, also the dialog's accessible name.
    title: &'static str,
    /// The form's `data-testid`.
    testid: &'static str,
    /// The label of the button that runs the command.
    submit: &'static str,
    /// The command, from the fields (tracked: asked again as they change).
    command: C,
    /// The toast once done, from what the command did.
    done: D,
    /// Where to go once done, from what the command did (a created thing's page).
    #[prop(optional)]
    open_after: Option<fn(&Event) -> Option<String>>,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
    /// The fields.
    children: Children,
) -> impl IntoView
where
    C: Fn() -> Command + Copy + Send + Sync + 'static,
    D: Fn(&Event) -> String + Send + Sync + 'static,
{
    let store = Store::get();
    let toasts = Toasts::get();
    let navigate = use_navigate();
    let opened = Opened::new();
    let problem = RwSignal::new(None::<String>);
    let refused = offer_signed_in(command);
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store.apply(untrack(command)) {
            Ok(event) => {
                toasts.success(done(&event));
                let next = open_after.and_then(|to| to(&event));
                opened.close();
                if let Some(path) = next {
                    navigate(&path, Default::default());
                }
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog open=opened.signal() on_close title>
            <form class="dialog-form" novalidate on:submit=submit_form data-testid=testid>
                {children()}
                <FormProblem problem />
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| opened.close()>"Cancel"</button>
                    <ActionButton refused class="button-primary">{submit}</ActionButton>
                </div>
            </form>
        </Dialog>
    }
}
