//! What a page says in its place when its piece of the app could not be downloaded: the rest
//! of the Console (the navigation, the store, every page already loaded) keeps working.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

use crate::lazy::LazyPage;

/// "This page did not load", with Retry (which loads the piece again and shows the page) and
/// Reload (for when a newer version has been published and the old pieces are gone).
#[component]
pub fn PieceFailed(
    /// The page whose piece failed.
    page: LazyPage,
) -> impl IntoView {
    let retrying = RwSignal::new(false);
    let failed_again = RwSignal::new(false);
    // The page, once a retry has loaded it: taken once, when `loaded` turns true.
    let page_view = StoredValue::new_local(None::<AnyView>);
    let loaded = RwSignal::new(false);
    // The page is built where the router would have built it: under this route's owner, with
    // its context (the account's scope, the Flex session).
    let owner = StoredValue::new_local(Owner::current().unwrap_or_default());
    let retry = move |_| {
        if retrying.get_untracked() {
            return;
        }
        retrying.set(true);
        let load = owner.with_value(|o| o.with(|| ScopedFuture::new_untracked(page.load())));
        leptos::task::spawn_local(async move {
            match load.await {
                Ok(view) => {
                    page_view.set_value(Some(view));
                    loaded.set(true);
                    // The Retry button is gone: focus goes to the page's heading.
                    crate::components::focus::recover(None);
                }
                Err(_) => failed_again.set(true),
            }
            retrying.set(false);
        });
    };
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    move || {
        if loaded.get() {
            return page_view
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| ().into_any());
        }
        view! {
            <section class="page" aria-labelledby="piece-failed-title" data-testid="piece-failed">
                <h1 id="piece-failed-title">"This page did not load"</h1>
                <div class="notice" role="alert">
                    <p>
                        "Part of Flex Console could not be downloaded: the network may be down, \
                         or a newer version of the Console has been published. \
                         Everything else still works, and nothing you saved is lost."
                    </p>
                    <Show when=move || failed_again.get()>
                        <p data-testid="piece-failed-again">
                            "It failed again. If you are online, reload the Console to get the newest version."
                        </p>
                    </Show>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="button button-primary"
                        on:click=retry
                        aria-disabled=move || retrying.get().then_some("true")
                    >
                        {move || if retrying.get() { "Retrying…" } else { "Retry" }}
                    </button>
                    <button type="button" class="button" on:click=reload>"Reload the Console"</button>
                </div>
            </section>
        }
        .into_any()
    }
}
