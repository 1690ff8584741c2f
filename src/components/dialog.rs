//! A modal dialog on the native `<dialog>`: the browser moves focus into it, keeps it there,
//! closes it on Escape and gives focus back to what opened it.

use leptos::html;
use leptos::prelude::*;

/// A modal dialog shown while `open` is true; Escape or "Cancel" sets `open` to false.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The dialog's title, also its accessible name.
    #[prop(into)]
    title: String,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let title_id = format!(
        "dialog-{}",
        title
            .to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), "-")
    );
    let label_id = title_id.clone();
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        match (open.get(), el.open()) {
            (true, false) => {
                let _ = el.show_modal();
            }
            (false, true) => el.close(),
            _ => {}
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=label_id
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id>{title}</h2>
            {children()}
        </dialog>
    }
}
