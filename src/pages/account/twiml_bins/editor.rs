//! Creating or editing a TwiML Bin: a name and the TwiML, checked as it is typed.

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter, Opened};
use crate::components::draft::Draft;
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::products::check_bin_twiml;
use crate::domain::{Command, DomainError, TwimlBinSid};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// What the editor is open on.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    /// A new bin.
    New,
    /// An existing bin: the form shows its name and TwiML as they are now, following
    /// changes made elsewhere until edited (a [`Draft`] over the bin's revision).
    Existing {
        /// The bin.
        sid: TwimlBinSid,
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
    let account = scope.account;
    let existing = match &editing {
        Editing::Existing { sid } => Some(*sid),
        Editing::New => None,
    };
    // The bin as stored ((name, TwiML), revision); a new bin starts from the starter TwiML.
    let stored = Memo::new(move |_| match existing {
        Some(sid) => store.with(|c| {
            let bin = c.account(&account)?.twiml_bins.get(&sid)?;
            Some((
                (bin.friendly_name.clone(), bin.twiml.clone()),
                bin.revision.number,
            ))
        }),
        None => Some(((String::new(), STARTER.to_owned()), 0)),
    });
    let draft = Draft::new(stored);
    let name = move || draft.read(|(name, _)| name.clone()).unwrap_or_default();
    let twiml = move || draft.read(|(_, twiml)| twiml.clone()).unwrap_or_default();
    let refusal = RwSignal::new(None::<String>);
    let editing = StoredValue::new(editing);
    // What Save checks (XML 1.0 and the length), so "Valid TwiML." means Save accepts it.
    let check = Memo::new(move |_| {
        draft
            .read(|(_, t)| check_bin_twiml(t).err())
            .flatten()
            .map(|e| match e {
                DomainError::InvalidTwiml(e) => format!("Not valid TwiML: {e}."),
                other => other.to_string(),
            })
    });
    let refused = scope.offer(move |account| {
        let (friendly_name, twiml) = (name(), twiml());
        match editing.get_value() {
            Editing::Existing { sid } => Command::UpdateTwimlBin {
                account: *account,
                bin: sid,
                friendly_name,
                twiml,
                revision: draft.seen(),
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
        let (friendly_name, text) = (untrack(name), untrack(twiml));
        let (command, done) = match target {
            Editing::New => (
                Command::CreateTwimlBin {
                    account: scope.account,
                    friendly_name: friendly_name.clone(),
                    twiml: text,
                },
                format!("The TwiML Bin {} was created.", friendly_name.trim()),
            ),
            Editing::Existing { sid } => (
                Command::UpdateTwimlBin {
                    account: scope.account,
                    bin: sid,
                    friendly_name: friendly_name.clone(),
                    twiml: text,
                    revision: untrack(move || draft.seen()),
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
                        prop:value=name
                        on:input=move |ev| draft.edit(|(name, _)| *name = event_target_value(&ev))
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
                        prop:value=twiml
                        on:input=move |ev| draft.edit(|(_, twiml)| *twiml = event_target_value(&ev))
                    ></textarea>
                    <p id="bin-twiml-check" class=move || if invalid() { "field-error" } else { "hint" }>
                        {move || check.get().unwrap_or_else(|| "Valid TwiML.".to_owned())}
                    </p>
                </div>
                <Show when=move || existing.is_some() && (draft.stale() || draft.gone())>
                    <div class="notice changed-elsewhere" role="status" data-testid="bin-changed">
                        <p>{move || if draft.gone() {
                            "This TwiML Bin was deleted after this form was opened; it can no longer be saved.".to_owned()
                        } else {
                            refused.get().unwrap_or_default()
                        }}</p>
                        <Show when=move || !draft.gone()>
                            <button type="button" class="button" on:click=move |_| {
                                draft.reload();
                                refusal.set(None);
                            }>"Load the newer values"</button>
                        </Show>
                    </div>
                </Show>
                <FormProblem problem=refusal />
                <DialogFooter on_cancel=opened.closer()>
                    <ActionButton refused class="button-primary">"Save"</ActionButton>
                </DialogFooter>
            </form>
        </Dialog>
    }
}
