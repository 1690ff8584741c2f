//! Renaming an API key: the friendly name is the only thing about a key that can change.

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::draft::Draft;
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
    let account = scope.account;
    // The key's name as stored, followed until typed in; the rename carries the revision it
    // was typed over (see `Draft`).
    let stored = Memo::new(move |_| {
        store.with(|c| {
            let key = c.account(&account)?.api_keys.get(&key)?;
            Some((key.friendly_name.clone(), key.revision.number))
        })
    });
    let draft = Draft::new(stored);
    let name = StoredValue::new(name);
    let typed = move || draft.values().unwrap_or_else(|| name.get_value());
    let problem = RwSignal::new(None::<String>);
    let command = move |account: &crate::domain::AccountSid| Command::RenameApiKey {
        account: *account,
        key,
        friendly_name: typed(),
        revision: draft.seen(),
    };
    let refused = scope.offer(command);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = untrack(|| command(&account));
        let done = format!("The API key is now called {}.", untrack(typed).trim());
        match store.apply(command) {
            Ok(_) => {
                toasts.success(done);
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
                        prop:value=typed
                        on:input=move |ev| draft.edit(|n| *n = event_target_value(&ev))
                    />
                </div>
                <Show when=move || draft.stale() || draft.gone()>
                    <div class="notice changed-elsewhere" role="status" data-testid="key-changed">
                        <p>{move || refused.get()}</p>
                        <Show when=move || !draft.gone()>
                            <button type="button" class="button" on:click=move |_| {
                                draft.reload();
                                problem.set(None);
                            }>"Load the newer values"</button>
                        </Show>
                    </div>
                </Show>
                <FormProblem problem />
                <DialogFooter on_cancel=opened.closer()>
                    <ActionButton refused class="button-primary">"Save"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
