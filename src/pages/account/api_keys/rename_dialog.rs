//! Renaming an API key: the friendly name is the only thing about a key that can change.

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::{API_KEY_NAME_MAX, ApiKeySid, Command};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// The rename dialog for one key, mounted for each opening with the key's name typed in. It
/// stays open with the domain's reason until the name is saved.
#[component]
pub fn RenameKeyDialog(
    /// The key.
    key: ApiKeySid,
    /// Its name now.
    name: String,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let opened = Opened::new();
    let typed = RwSignal::new(name);
    let problem = RwSignal::new(None::<String>);
    let command = move |account: &crate::domain::AccountSid| Command::RenameApiKey {
        account: *account,
        key,
        friendly_name: typed.get(),
    };
    let refused = scope.offer(command);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store.apply(untrack(|| command(&scope.account))) {
            Ok(_) => {
                toasts.success(format!(
                    "The API key is now called {}.",
                    typed.get_untracked().trim()
                ));
                opened.close();
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog open=opened.signal() on_close title="Rename API key">
            <form class="dialog-form" novalidate on:submit=submit data-testid="rename-key-form">
                <p class="muted">"Only the name changes: the SID, the secret and the type stay, so nothing that uses the key notices."</p>
                <div class="form-field">
                    <label class="field-label" for="rename-key-name">"Friendly name"</label>
                    <input
                        class="input"
                        id="rename-key-name"
                        type="text"
                        autocomplete="off"
                        maxlength=API_KEY_NAME_MAX.to_string()
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
                <FormProblem problem />
                <DialogFooter on_cancel=opened.closer()>
                    <ActionButton refused class="button-primary">"Save"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
