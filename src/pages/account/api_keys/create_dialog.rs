//! Creating an API key, in two steps as on Twilio: a name and a type, then the new key's SID
//! and secret, shown this once, until the person says they have saved them.

use leptos::prelude::*;

use crate::components::copyable_sid::CopyableSid;
use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::focus;
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::{API_KEY_NAME_MAX, ApiKeyType, Command, Event, EventKind};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// A key just created: the only moment its secret is known.
#[derive(Clone, Debug, PartialEq)]
struct NewKey {
    sid: String,
    name: String,
    secret: String,
}

impl NewKey {
    /// The new key on the event creating it returned.
    fn from_event(event: Event) -> Option<NewKey> {
        match event.kind {
            EventKind::ApiKeyCreated {
                key,
                friendly_name,
                secret: Some(secret),
                ..
            } => Some(NewKey {
                sid: key.to_string(),
                name: friendly_name,
                secret: secret.as_str().to_owned(),
            }),
            _ => None,
        }
    }
}

/// The create dialog, mounted for each opening. It stays open with the domain's reason until
/// the key is created, so nothing typed is lost, and then until the secret is confirmed saved.
#[component]
pub fn CreateKeyDialog(
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let opened = Opened::new();
    let created = RwSignal::new(None::<NewKey>);
    let saved = RwSignal::new(false);
    // Escape must not throw the secret away before the person has it.
    let keep_open = Signal::derive(move || created.with(Option::is_some) && !saved.get());
    view! {
        <Dialog open=opened.signal() on_close title="Create new API key" keep_open>
            {move || match created.get() {
                None => view! { <KeyForm opened created /> }.into_any(),
                Some(key) => view! { <SecretStep key saved opened /> }.into_any(),
            }}
        </Dialog>
    }
}

/// Step one: the friendly name and the key type.
#[component]
fn KeyForm(opened: Opened, created: RwSignal<Option<NewKey>>) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let name = RwSignal::new(String::new());
    let key_type = RwSignal::new(ApiKeyType::Standard);
    let problem = RwSignal::new(None::<String>);
    let command = move |account: &crate::domain::AccountSid| Command::CreateApiKey {
        account: *account,
        friendly_name: name.get(),
        key_type: key_type.get(),
    };
    let refused = scope.offer(command);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store.apply(untrack(|| command(&scope.account))) {
            Ok(event) => {
                created.set(NewKey::from_event(event));
                // The form and its button are gone: focus goes to the secret's Copy button.
                focus::soon(|| {
                    focus::to("[data-testid=new-key] [aria-label='Copy Secret']");
                });
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let option = move |value: ApiKeyType| {
        let id = format!("key-type-{}", value.key());
        view! {
            <label class="check check-described">
                <input
                    type="radio"
                    name="key-type"
                    aria-describedby=id.clone()
                    prop:checked=move || key_type.get() == value
                    on:change=move |_| key_type.set(value)
                />
                <span><strong>{value.to_string()}</strong> " " <span id=id class="muted">{value.access()}</span></span>
            </label>
        }
    };
    view! {
        <form class="dialog-form" novalidate on:submit=submit data-testid="key-form">
            <div class="form-field">
                <label class="field-label" for="key-name">"Friendly name"</label>
                <input
                    class="input"
                    id="key-name"
                    type="text"
                    autocomplete="off"
                    maxlength=API_KEY_NAME_MAX.to_string()
                    aria-describedby="key-name-hint"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <p id="key-name-hint" class="hint">"Say what uses it, e.g. \"Billing exporter\"; you can rename it later."</p>
            </div>
            <fieldset>
                <legend>"Key type"</legend>
                {ApiKeyType::ALL.into_iter().map(option).collect_view()}
            </fieldset>
            <FormProblem problem />
            <DialogFooter on_cancel=opened.closer()>
                <ActionButton refused class="button-primary">"Create API key"</ActionButton>
            </DialogFooter>
        </form>
    }
}

/// Step two: the SID and the secret, with Copy, and a box to tick before leaving.
#[component]
fn SecretStep(key: NewKey, saved: RwSignal<bool>, opened: Opened) -> impl IntoView {
    let toasts = Toasts::get();
    let nudged = RwSignal::new(false);
    let ready = format!("The API key {} was created.", key.name);
    let done = move |_| {
        if saved.get_untracked() {
            toasts.success(ready.clone());
            opened.close();
        } else {
            nudged.set(true);
        }
    };
    view! {
        <div class="secret-step" data-testid="new-key">
            <h3>{format!("Save the secret of {}", key.name)}</h3>
            <p class="notice warning-note">
                "This is the only time the secret is shown. Once you close this, nobody can see it again: if it is lost, delete the key and create a new one."
            </p>
            <dl class="fields">
                <CopyableSid label="SID" value=key.sid.clone() />
                <CopyableSid label="Secret" value=key.secret.clone() />
            </dl>
            <label class="check">
                <input
                    type="checkbox"
                    aria-describedby="key-saved-hint"
                    prop:checked=move || saved.get()
                    on:change=move |ev| {
                        saved.set(event_target_checked(&ev));
                        nudged.set(false);
                    }
                />
                "Got it! I have saved the SID and secret in a safe place."
            </label>
            <p id="key-saved-hint" class=move || if nudged.get() { "field-error" } else { "hint" }>
                {move || if saved.get() {
                    "Done closes this for good."
                } else {
                    "Tick the box first: once this closes, the secret cannot be shown again."
                }}
            </p>
            // No Cancel: the key exists; only Done, once the secret is saved, closes this.
            <div class="dialog-footer">
                <button
                    type="button"
                    class="button button-primary"
                    aria-disabled=move || (!saved.get()).then_some("true")
                    aria-describedby="key-saved-hint"
                    on:click=done
                >
                    "Done"
                </button>
            </div>
        </div>
    }
}
