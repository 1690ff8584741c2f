//! A modal dialog on the native `<dialog>` (docs/design.md, "Dialogs and menus"): the title
//! with a close button (×) on its right, the body, and a footer on the right with Cancel first
//! and the main action last ([`DialogFooter`]); a destructive main action is solid red. The
//! browser moves focus into it, keeps it there, closes it on Escape and gives focus back to
//! what opened it.
//!
//! A page mounts a dialog for the thing it is about (`move || target.get().map(|m| view! {
//! <RemoveMember member=m … /> })`), so its fields start from its props and nothing has to
//! reset them; closing goes through the browser (focus returns), then `on_close` tells the
//! page, which unmounts it.

use leptos::html;
use leptos::prelude::*;

/// A modal dialog shown while `open` is true. When it closes (`open` turns false, Escape,
/// the close button, the browser), `on_close` runs.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown.
    #[prop(into)]
    open: Signal<bool>,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
    /// The dialog's title, also its accessible name.
    #[prop(into)]
    title: String,
    /// While true, nothing but the page closes it: Escape is refused, the close button is
    /// hidden, and a close the browser insists on is undone (a step that must be confirmed,
    /// such as a secret shown once).
    #[prop(optional, into)]
    keep_open: Signal<bool>,
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
    // Where focus goes back to if what opened the dialog is gone when it closes.
    let home = StoredValue::new_local(None::<web_sys::Element>);
    // The one effect: the native element shows and closes as `open` says (the DOM is the
    // world outside; showModal is what traps focus and restores it).
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        match (open.get(), el.open()) {
            (true, false) => {
                let opener = document().active_element();
                home.set_value(
                    opener.and_then(|o| o.closest("tr, .table-wrap, section, main").ok().flatten()),
                );
                let _ = el.show_modal();
            }
            (false, true) => el.close(),
            _ => {}
        }
    });
    let closed = move |_| {
        // A browser may close a modal on a second Escape whatever `cancel` said: a step that
        // must be confirmed is shown again instead of being lost.
        if keep_open.get_untracked() && open.get_untracked() {
            if let Some(el) = dialog.get_untracked() {
                let _ = el.show_modal();
            }
            return;
        }
        on_close.run(());
        // The browser gives focus back to the opener; when the opener went with what the
        // dialog changed (a deleted row, a button replaced), focus the nearest sensible place.
        let home = home.get_value();
        super::focus::soon(move || super::focus::recover(home));
    };
    let close = move |_| {
        if let Some(el) = dialog.get_untracked() {
            el.close();
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=label_id
            on:close=closed
            // Where `closedby` is known, Escape does nothing at all while the step lasts.
            closedby=move || keep_open.get().then_some("none")
            on:cancel=move |ev: leptos::ev::Event| {
                if keep_open.get_untracked() {
                    ev.prevent_default();
                }
            }
        >
            <h2 class="dialog-title" id=title_id>{title}</h2>
            {children()}
            // Last in the page's order, so opening focuses the body's first field, and drawn
            // in the title's corner.
            <button
                type="button"
                class="dialog-close"
                aria-label="Close dialog"
                hidden=move || keep_open.get()
                on:click=close
            >
                <span aria-hidden="true">"×"</span>
            </button>
        </dialog>
    }
}

/// The footer of a dialog, on the right: Cancel first, then the main action (the children).
/// A dialog that only shows something passes no children and `cancel="Close"`.
#[component]
pub fn DialogFooter(
    /// What Cancel does: close the dialog.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// The cancel button's words, "Cancel" unless given.
    #[prop(optional)]
    cancel: Option<&'static str>,
    /// The main action (a submit button, or a button that runs the command).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="dialog-footer">
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                {cancel.unwrap_or("Cancel")}
            </button>
            {children.map(|main| main())}
        </div>
    }
}

/// The open state of a dialog mounted for one target: open at once, closed by `close`.
#[derive(Clone, Copy)]
pub struct Opened(RwSignal<bool>);

impl Opened {
    /// A dialog that opens as it mounts.
    pub fn new() -> Opened {
        Opened(RwSignal::new(true))
    }

    /// Closes the dialog (the browser gives focus back, then `on_close` runs).
    pub fn close(self) {
        self.0.set(false);
    }

    /// Whether it is open, for [`Dialog`]'s `open`.
    pub fn signal(self) -> Signal<bool> {
        self.0.into()
    }

    /// [`Opened::close`] as a callback, for a [`DialogFooter`]'s Cancel.
    pub fn closer(self) -> Callback<()> {
        Callback::new(move |()| self.close())
    }
}

impl Default for Opened {
    fn default() -> Self {
        Opened::new()
    }
}
