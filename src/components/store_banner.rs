//! Notices about the store: unsaved changes, unreadable saved data, scenario loading, and
//! changes undone after another tab's. Everything shown is text, never HTML.

use leptos::prelude::*;

use super::link::href;
use crate::store::restore::changes_text;
use crate::store::{ReplaceStatus, Replacing, Store, transfer};

/// The store's notices, shown at the top of the page.
#[component]
pub fn StoreBanner() -> impl IntoView {
    let store = Store::get();
    let download_error = RwSignal::new(None::<String>);
    let save_error = move || {
        store.save_status().error.map(|error| {
            view! {
                <div class="store-banner store-banner-danger" role="alert" data-testid="banner-save-error">
                    <p>{error}</p>
                    <button type="button" class="button button-small" on:click=move |_| store.retry_save()>"Retry"</button>
                </div>
            }
        })
    };
    let recovered = move || {
        store.recovered().map(|recovered| {
            let text = recovered.text.clone();
            let download = move |_| {
                let outcome = transfer::download("flex-console-unreadable-data.json", &text);
                download_error.set(outcome.err());
            };
            view! {
                <div class="store-banner store-banner-warning" role="alert" data-testid="banner-recovered">
                    <p>
                        "The saved data could not be read (" {recovered.reason.clone()}
                        "), so the Console started from the demo scenario. The unreadable data is kept aside in this browser."
                    </p>
                    <button type="button" class="button button-small" on:click=download>"Download unreadable data"</button>
                    <button type="button" class="button button-small" on:click=move |_| store.dismiss_recovered()>"Dismiss"</button>
                    {move || download_error.get().map(|e| view! { <p class="form-error">{e}</p> })}
                </div>
            }
        })
    };
    let replace_failed = move || match store.replace_status() {
        ReplaceStatus::Failed { what, reason } => Some(view! {
            <div class="store-banner store-banner-danger" role="alert" data-testid="banner-scenario-error">
                <p>{could_not(&what)} " " {reason} " The current data is unchanged."</p>
                <button type="button" class="button button-small" on:click=move |_| store.dismiss_replace()>"Dismiss"</button>
            </div>
        }),
        _ => None,
    };
    // Loading, then saving, then done: "done" only once the new state is written.
    let replace_progress = move || {
        match store.replace_status() {
        ReplaceStatus::Loading(what) => Some(
            view! {
                <div class="store-banner store-banner-info" data-testid="banner-scenario-loading">
                    <span class="store-spinner" aria-hidden="true"></span>
                    <p>{loading(&what)}</p>
                </div>
            }
            .into_any(),
        ),
        ReplaceStatus::Saving(what) => Some(
            view! {
                <div class="store-banner store-banner-info" data-testid="banner-scenario-saving">
                    <span class="store-spinner" aria-hidden="true"></span>
                    <p>
                        {saving(&what)}
                        " Until it is saved, reloading or closing this tab brings back the data from before."
                    </p>
                </div>
            }
            .into_any(),
        ),
        ReplaceStatus::Done(what) => Some(
            view! {
                <div class="store-banner store-banner-success" data-testid="banner-scenario-loaded">
                    <p>{done(&what)}</p>
                    <button type="button" class="button button-small" on:click=move |_| store.dismiss_replace()>"Dismiss"</button>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
    };
    // A scenario link over data with changes: asked first, nothing replaced until answered.
    let asking = move || match store.replace_status() {
        ReplaceStatus::Asking { name, changes } => Some(view! {
            <div class="store-banner store-banner-warning" role="alertdialog" aria-labelledby="banner-asking-text" data-testid="banner-scenario-asking">
                <p id="banner-asking-text">
                    "This link loads the \u{201c}" {name.clone()} "\u{201d} scenario, which replaces the current data ("
                    {changes_text(changes)}
                    " since it was loaded). The current data is kept as a restore point on the Data page."
                </p>
                <button type="button" class="button button-primary" on:click=move |_| store.load_asked()>"Load scenario"</button>
                <button type="button" class="button" on:click=move |_| store.keep_data()>"Keep my data"</button>
            </div>
        }),
        _ => None,
    };
    let replaced = move || {
        store.replaced_elsewhere().then(|| view! {
            <div class="store-banner store-banner-info" role="status" data-testid="banner-replaced-elsewhere">
                <p>
                    "The data was replaced in another tab. What was here before is kept as a "
                    <a href=href("/data#restore-points")>"restore point"</a> "."
                </p>
                <button type="button" class="button button-small" on:click=move |_| store.dismiss_replaced_elsewhere()>"Dismiss"</button>
            </div>
        })
    };
    let refusals = move || {
        let list = store.refusals();
        (!list.is_empty()).then(|| {
            view! {
                <div class="store-banner store-banner-warning" role="alert" data-testid="banner-refused">
                    <ul>{list.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    <button type="button" class="button button-small" on:click=move |_| store.dismiss_refusals()>"Dismiss"</button>
                </div>
            }
        })
    };
    view! {
        <div class="store-banners">
            {save_error}
            {asking}
            {replaced}
            {recovered}
            {replace_failed}
            {refusals}
            // A live region that is always there, so progress is announced when it changes.
            <div role="status" aria-live="polite">{replace_progress}</div>
        </div>
    }
}

/// "Loading scenario “scale”…", and the like for the other replacements.
fn loading(what: &Replacing) -> String {
    match what {
        Replacing::Scenario(name) => format!("Loading scenario \u{201c}{name}\u{201d}\u{2026}"),
        Replacing::Import(name) => format!("Reading \u{201c}{name}\u{201d}\u{2026}"),
        Replacing::Restore { when, .. } => {
            format!("Reading the restore point from before {when}\u{2026}")
        }
    }
}

/// "Saving scenario “scale”…": the new state is shown, and not written yet.
fn saving(what: &Replacing) -> String {
    match what {
        Replacing::Scenario(name) => format!("Saving scenario \u{201c}{name}\u{201d}\u{2026}"),
        Replacing::Import(name) => format!("Saving the imported \u{201c}{name}\u{201d}\u{2026}"),
        Replacing::Restore { when, .. } => {
            format!("Saving the restored data from before {when}\u{2026}")
        }
    }
}

/// "Scenario “scale” loaded.": said only once it is written.
fn done(what: &Replacing) -> String {
    match what {
        Replacing::Scenario(name) => format!("Scenario \u{201c}{name}\u{201d} loaded."),
        Replacing::Import(name) => format!("Imported \u{201c}{name}\u{201d}."),
        Replacing::Restore { replaced_by, .. } => format!(
            "Restored the data {replaced_by} replaced. What was here is now a restore point."
        ),
    }
}

/// "Scenario “x” could not be loaded.", and the like.
fn could_not(what: &Replacing) -> String {
    match what {
        Replacing::Scenario(name) => {
            format!("Scenario \u{201c}{name}\u{201d} could not be loaded.")
        }
        Replacing::Import(name) => format!("\u{201c}{name}\u{201d} could not be imported."),
        Replacing::Restore { when, .. } => {
            format!("The data from before {when} could not be restored.")
        }
    }
}
