//! A yes-or-no question before an action that cannot be undone (promote, close, leave), and
//! the one before a command that deletes a thing ([`ConfirmCommand`]).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::dialog::{Dialog, DialogFooter};
use super::offer::{ActionButton, Refusal, offer_signed_in};
use super::toast::Toasts;
use crate::domain::Command;
use crate::store::Store;

/// A modal confirmation: the message, then "Cancel" and the confirming button (solid red: what
/// it does cannot be undone), which runs `on_confirm` and closes the dialog.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The question, also the dialog's accessible name.
    #[prop(into)]
    title: String,
    /// The confirming button's label, e.g. "Close account".
    #[prop(into)]
    confirm: String,
    /// What confirming does.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// The domain's answer for the command confirming runs.
    refused: Refusal,
    /// What happens if the user confirms, said plainly.
    children: Children,
) -> impl IntoView {
    view! {
        <Dialog open=open on_close=Callback::new(move |()| open.set(false)) title>
            {children()}
            <DialogFooter on_cancel=move |()| open.set(false)>
                <ActionButton refused class="button-danger" on_press=Callback::new(move |()| {
                    on_confirm.run(());
                    open.set(false);
                })>
                    {confirm}
                </ActionButton>
            </DialogFooter>
        </Dialog>
    }
}

/// [`ConfirmDialog`] for one command, asked first: confirmed, it runs, a toast says what was
/// done (or why not) and, done, the page goes to `leave_to` if given (the list, when the
/// thing deleted was the page's own).
#[component]
pub fn ConfirmCommand<C, D>(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The question, also the dialog's accessible name.
    title: &'static str,
    /// The confirming button's label, e.g. "Delete activity".
    confirm: &'static str,
    /// The command confirming runs.
    command: C,
    /// The toast once done.
    done: D,
    /// Where to go once done.
    #[prop(optional)]
    leave_to: Option<String>,
    /// What happens if the user confirms, said plainly.
    children: Children,
) -> impl IntoView
where
    C: Fn() -> Command + Copy + Send + Sync + 'static,
    D: Fn() -> String + Send + Sync + 'static,
{
    let store = Store::get();
    let toasts = Toasts::get();
    let navigate = use_navigate();
    let refused = offer_signed_in(command);
    let run = move |()| {
        let done = done();
        let result = store.apply(command());
        toasts.outcome(&result, done);
        if let (Ok(_), Some(path)) = (&result, &leave_to) {
            navigate(path, Default::default());
        }
    };
    view! {
        <ConfirmDialog open title confirm refused on_confirm=run>
            {children()}
        </ConfirmDialog>
    }
}
