//! Creating or editing a TwiML Bin: a name and the TwiML, checked as it is typed.

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::{Command, TwimlBinSid, check_twiml};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// What the editor is open on.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    /// A new bin.
    New,
    /// An existing bin with its current name and TwiML.
    Existing {
        /// The bin.
        sid: TwimlBinSid,
        /// Its name now.
        name: String,
        /// Its TwiML now.
        twiml: String,
    },
}

/// The TwiML a new bin starts with.
const STARTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say>Hello from Flex Console.</Say>\n</Response>\n";

/// The editor dialog for `editing`, mounted for each opening, so its fields start from what
/// it opens on. It stays open with the domain's reason until the bin is saved, so nothing
/// typed is lost.
#[component]
pub fn EditorDialog(
    /// What it opens on.
    editing: Editing,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let opened = Opened::new();
    let (start_name, start_twiml) = match &editing {
        Editing::New => (String::new(), STARTER.to_owned()),
        Editing::Existing { name, twiml, .. } => (name.clone(), twiml.clone()),
    };
    let name = RwSignal::new(start_name);
    let twiml = RwSignal::new(start_twiml);
    let refusal = RwSignal::new(None::<String>);
    let editing = StoredValue::new(editing);
    let check = Memo::new(move |_| twiml.with(|t| check_twiml(t).err().map(|e| e.to_string())));
    let refused = scope.offer(move |account| {
        let (friendly_name, twiml) = (name.get(), twiml.get());
        match editing.get_value() {
            Editing::Existing { sid, .. } => Command::UpdateTwimlBin {
                account: *account,
                bin: sid,
                friendly_name,
                twiml,
            },
            _ => Command::CreateTwimlBin {
                account: *account,
                friendly_name,
                twiml,
            },
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = editing.get_value();
        let (friendly_name, text) = (name.get_untracked(), twiml.get_untracked());
        let (command, done) = match target {
            Editing::New => (
                Command::CreateTwimlBin {
                    account: scope.account,
                    friendly_name: friendly_name.clone(),
                    twiml: text,
                },
                format!("The TwiML Bin {} was created.", friendly_name.trim()),
            ),
            Editing::Existing { sid, .. } => (
                Command::UpdateTwimlBin {
                    account: scope.account,
                    bin: sid,
                    friendly_name: friendly_name.clone(),
                    twiml: text,
                },
                format!("The TwiML Bin {} was saved.", friendly_name.trim()),
            ),
        };
        match store.apply(command) {
            Ok(_) => {
                toasts.success(done);
                opened.close();
            }
            Err(e) => refusal.set(Some(e.to_string())),
        }
    };
    let title = match editing.get_value() {
        Editing::Existing { .. } => "Edit TwiML Bin",
        Editing::New => "Create new TwiML Bin",
    };
    let invalid = move || check.with(Option::is_some);
    view! {
        <Dialog open=opened.signal() on_close title>
            <form class="dialog-form" novalidate on:submit=submit data-testid="bin-form">
                <div class="form-field">
                    <label class="field-label" for="bin-name">"Friendly name"</label>
                    <input
                        class="input"
                        id="bin-name"
                        type="text"
                        autocomplete="off"
                        maxlength="64"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <div class="form-field">
                    <label class="field-label" for="bin-twiml">"TwiML"</label>
                    <textarea
                        class="input twiml-editor"
                        id="bin-twiml"
                        rows="10"
                        spellcheck="false"
                        aria-invalid=move || invalid().then_some("true")
                        aria-describedby="bin-twiml-check"
                        prop:value=move || twiml.get()
                        on:input=move |ev| twiml.set(event_target_value(&ev))
                    ></textarea>
                    <p id="bin-twiml-check" class=move || if invalid() { "field-error" } else { "hint" }>
                        {move || match check.get() {
                            Some(error) => format!("Not valid TwiML: {error}."),
                            None => "Valid TwiML.".to_owned(),
                        }}
                    </p>
                </div>
                <FormProblem problem=refusal />
                <DialogFooter on_cancel=opened.closer()>
                    <ActionButton refused class="button-primary">"Save"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
