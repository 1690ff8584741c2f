//! Notices about the store: unsaved changes, unreadable saved data, scenario loading, and
//! changes undone after another tab's. Everything shown is text, never HTML.

use leptos::prelude::*;

use super::link::href;
use crate::store::restore::changes_text;
use crate::store::{ScenarioStatus, Store, transfer};

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
                    <button type="button" on:click=move |_| store.retry_save()>"Retry"</button>
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
                    <button type="button" on:click=download>"Download unreadable data"</button>
                    <button type="button" class="button button-small" on:click=move |_| store.dismiss_recovered()>"Dismiss"</button>
                    {move || download_error.get().map(|e| view! { <p class="form-error">{e}</p> })}
                </div>
            }
        })
    };
    let scenario_failed = move || match store.scenario_status() {
        ScenarioStatus::Failed { name, reason } => Some(view! {
            <div class="store-banner store-banner-danger" role="alert" data-testid="banner-scenario-error">
                <p>"Scenario \u{201c}" {name} "\u{201d} could not be loaded. " {reason} " The current data is unchanged."</p>
                <button type="button" class="button button-small" on:click=move |_| store.dismiss_scenario()>"Dismiss"</button>
            </div>
        }),
        _ => None,
    };
    let scenario_progress = move || {
        match store.scenario_status() {
        ScenarioStatus::Loading(name) => Some(
            view! {
                <div class="store-banner store-banner-info" data-testid="banner-scenario-loading">
                    <span class="store-spinner" aria-hidden="true"></span>
                    <p>"Loading scenario \u{201c}" {name} "\u{201d}\u{2026}"</p>
                </div>
            }
            .into_any(),
        ),
        ScenarioStatus::Loaded(name) => Some(
            view! {
                <div class="store-banner store-banner-success" data-testid="banner-scenario-loaded">
                    <p>"Scenario \u{201c}" {name} "\u{201d} loaded."</p>
                    <button type="button" class="button button-small" on:click=move |_| store.dismiss_scenario()>"Dismiss"</button>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
    };
    // A scenario link over data with changes: asked first, nothing replaced until answered.
    let asking = move || match store.scenario_status() {
        ScenarioStatus::Asking { name, changes } => Some(view! {
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
            {scenario_failed}
            {refusals}
            // A live region that is always there, so progress is announced when it changes.
            <div role="status" aria-live="polite">{scenario_progress}</div>
        </div>
    }
}
