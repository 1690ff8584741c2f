//! A yes-or-no question before an action that cannot be undone (promote, close, leave).

use leptos::prelude::*;

use super::dialog::{Dialog, DialogFooter};
use super::offer::{ActionButton, Refusal};

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
