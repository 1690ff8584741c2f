//! The Data page (`/data`), the presenter's page: what is in the store, export, import,
//! reset and restore points. It is outside the simulated Console, so it works signed out.

mod progress;
mod restore_points;
mod traffic;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::count::{count, thousands};
use crate::components::dialog::{Dialog, DialogFooter};
use crate::components::offer::{ActionButton, offer_signed_in};
use crate::components::page_header::PageHeader;
use crate::domain::{AccountType, Command};
use crate::store::restore::changes_text;
use crate::store::scenario::Scenario;
use crate::store::{Replacing, SaveStatus, Store, transfer};

/// A change of the whole state waiting for confirmation.
#[derive(Clone)]
enum Replacement {
    /// Replace with an imported file.
    Import(Box<Scenario>),
    /// Reset to a scenario by name.
    Reset(String),
}

/// The Data page at `/data`.
#[component]
pub fn DataPage() -> impl IntoView {
    let store = Store::get();
    let accounts = move || store.with(|c| c.accounts().count());
    let users = move || store.with(|c| c.users().count());
    let workers = move || {
        store.with(|c| {
            c.accounts()
                .map(|a| c.workers(&a.sid).count())
                .sum::<usize>()
        })
    };
    let saved = move || describe_save(&store.save_status());
    let persisted = LocalResource::new(persisted);

    let sample_message = RwSignal::new(None::<String>);
    let sample_name = move || {
        format!(
            "Sample account {}",
            store.with(|c| c.accounts().count()) + 1
        )
    };
    let sample = |friendly_name| Command::CreateAccount {
        friendly_name,
        account_type: AccountType::Trial,
    };
    let can_add_sample = offer_signed_in(move || sample(sample_name()));
    let add_sample = move |()| {
        let name = untrack(sample_name);
        let command = sample(name.clone());
        sample_message.set(Some(match store.apply(command) {
            Ok(_) => format!("Added \u{201c}{name}\u{201d}."),
            Err(e) => e.to_string(),
        }));
    };

    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let text = store.export_text();
        export_error.set(transfer::download("flex-console-export.json", &text).err());
    };

    let pending = RwSignal::new(None::<Replacement>);
    let ask = move |replacement: Replacement| pending.set(Some(replacement));
    let close = move || pending.set(None);
    let confirm = move |_| {
        match pending.get_untracked() {
            Some(Replacement::Import(scenario)) => {
                let what = Replacing::Import(scenario.name.clone());
                store.replace(*scenario, what);
            }
            Some(Replacement::Reset(name)) => store.reset_to(&name),
            None => {}
        }
        close();
    };

    let import_error = RwSignal::new(None::<String>);
    let import = move |event: ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        import_error.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = transfer::read_picked(&input).await;
            // Clear the input so picking the same file again reads it again.
            input.set_value("");
            match outcome {
                Ok(Some((file, text))) => match Store::read_import(&text) {
                    Ok(scenario) => ask(Replacement::Import(Box::new(scenario))),
                    Err(e) => {
                        let _ = import_error.try_set(Some(format!(
                            "{file} was not imported, nothing changed. {e}"
                        )));
                    }
                },
                Ok(None) => {}
                Err(e) => {
                    let _ = import_error.try_set(Some(e));
                }
            }
        });
    };

    let reset_choice = RwSignal::new("demo".to_owned());
    let reset = move |_| ask(Replacement::Reset(reset_choice.get_untracked()));

    // Names exactly what is replaced, and by what.
    let current = move || {
        format!(
            "the current data ({}, {}, {} since it was loaded)",
            count(accounts(), "account", "accounts"),
            count(users(), "Console user", "Console users"),
            changes_text(store.changes())
        )
    };
    let question = move || match pending.get() {
        Some(Replacement::Import(s)) => format!(
            "Replace {} with the imported \u{201c}{}\u{201d} ({}, {})? Every tab shows the new data; the current data is kept as a restore point below.",
            current(),
            s.name,
            count(s.console.accounts().count(), "account", "accounts"),
            count(s.console.users().count(), "Console user", "Console users")
        ),
        Some(Replacement::Reset(name)) => format!(
            "Replace {} with the \u{201c}{name}\u{201d} scenario? Every tab shows the new data; the current data is kept as a restore point below.",
            current()
        ),
        None => String::new(),
    };

    view! {
        <div class="page" role="region" aria-labelledby="data-title">
        <PageHeader
            id="data-title"
            title="Data"
            description="The presenter's page: everything the Console shows is kept in this browser (IndexedDB) and shared by its tabs. Export it to keep a copy, import a copy back, reset to a scenario, or go back to a restore point."
        />
        <p class="muted" data-testid="presenter-note">
            "This page is outside the simulated Console, so it needs no signed-in user and no role: whoever presents or hosts the Console uses it."
        </p>

        <section class="data-section" aria-labelledby="data-summary-title">
            <h2 id="data-summary-title">"What is in the store"</h2>
            <dl class="data-summary">
                <dt>"Revision"</dt>
                <dd data-testid="store-revision">{move || store.revision()}</dd>
                <dt>"Accounts"</dt>
                <dd data-testid="store-accounts">{move || thousands(accounts())}</dd>
                <dt>"Console users"</dt>
                <dd data-testid="store-users">{move || thousands(users())}</dd>
                <dt>"Flex workers"</dt>
                <dd data-testid="store-workers">{move || thousands(workers())}</dd>
                <dt>"Console time"</dt>
                <dd>{move || { store.revision(); store.now().to_string() }}</dd>
                <dt>"Changes since it was loaded"</dt>
                <dd data-testid="store-changes">{move || store.changes()}</dd>
                <dt>"Saved"</dt>
                <dd data-testid="store-saved">{saved}</dd>
                <dt>"Kept by the browser"</dt>
                <dd data-testid="store-persisted">{move || persisted.get().map(describe_persisted)}</dd>
            </dl>
        </section>

        <section class="data-section" aria-labelledby="data-sample-title">
            <h2 id="data-sample-title">"Sample data"</h2>
            <p>"Add a trial account owned by the signed-in user, for example to watch a change reach another tab."</p>
            <ActionButton refused=can_add_sample inline=true on_press=Callback::new(add_sample)>
                "Add a sample account"
            </ActionButton>
            <p aria-live="polite" data-testid="sample-message">{move || sample_message.get()}</p>
        </section>

        <traffic::SimulatedTraffic />

        <section class="data-section" aria-labelledby="data-export-title">
            <h2 id="data-export-title">"Export"</h2>
            <p>"Download the whole state as a scenario file, the activity log included; it can be imported again or served from scenarios/."</p>
            <button type="button" class="button" on:click=export>"Export data"</button>
            {move || export_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </section>

        <section class="data-section" aria-labelledby="data-import-title">
            <h2 id="data-import-title">"Import"</h2>
            <label for="data-import-file">"Scenario or export file (JSON)"</label>
            <input id="data-import-file" type="file" accept=".json,application/json" on:change=import />
            {move || import_error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="import-error">{e}</p> })}
            <progress::Progress of=progress::Of::Import />
        </section>

        <section class="data-section" aria-labelledby="data-reset-title">
            <h2 id="data-reset-title">"Reset"</h2>
            <label for="data-reset-scenario">"Scenario"</label>
            <select class="input"
                id="data-reset-scenario"
                on:change=move |e| reset_choice.set(event_target_value(&e))
                prop:value=move || reset_choice.get()
            >
                <option value="demo">"Demo (built in)"</option>
                <option value="scale">"Scale: 1,000 accounts, 15,000 workers"</option>
            </select>
            <button type="button" class="button button-danger" on:click=reset>"Reset data\u{2026}"</button>
            <progress::Progress of=progress::Of::Scenario />
        </section>

        <restore_points::RestorePoints />

        <Dialog
            open=Signal::derive(move || pending.with(Option::is_some))
            on_close=Callback::new(move |()| close())
            title="Replace all data?"
        >
            <p>{question}</p>
            // Cancel first, so it has the focus as the question opens.
            <DialogFooter on_cancel=move |()| close()>
                <button type="button" class="button button-danger" on:click=confirm>"Replace data"</button>
            </DialogFooter>
        </Dialog>
        </div>
    }
}

/// The save state in words.
fn describe_save(status: &SaveStatus) -> String {
    match (status.persistent, status.unsaved, &status.error) {
        (false, _, _) => "Not saved: this tab keeps changes in memory only".into(),
        (true, 0, None) => "All changes saved".into(),
        (true, n, Some(_)) => format!("{n} change(s) not saved"),
        (true, n, None) => format!("Saving {n} change(s)\u{2026}"),
    }
}

/// Whether the browser agreed to keep this site's storage (asked at start-up by update.js),
/// or None where it cannot say.
async fn persisted() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let answer = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?).await;
    answer.ok()?.as_bool()
}

fn describe_persisted(answer: Option<bool>) -> &'static str {
    match answer {
        Some(true) => "Yes: the browser keeps the store even when disk space runs low.",
        Some(false) => {
            "Not promised: the browser may clear the store when disk space runs low. Export to keep a copy."
        }
        None => "Unknown: this browser does not say.",
    }
}
