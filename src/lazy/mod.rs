//! The app downloaded in pieces: the sign-in page and what every page needs (the shell, the
//! store, the domain) are the first download; each group of pages ([`groups`]) is a piece of
//! its own, fetched the first time one of its pages is visited and prefetched when the
//! browser is idle after the first screen.
//!
//! The build (`cargo xtask build`, see `docs/splitting.md`) splits the wasm at the functions
//! [`lazy_pages!`] marks. A piece that fails to load (the network gone, a deploy that removed
//! the old pieces) is not a crash: its page's place says so, with Retry
//! ([`crate::components::piece_failed`]). Leptos's own `#[lazy_route]` panics then (leptos
//! 0.8), so the pages are split with `wasm_split`'s `fallible` option instead.

pub mod groups;

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos_router::ChooseView;

use crate::components::piece_failed::PieceFailed;

/// Why a piece did not load (the browser's console has the details).
pub type LoadFailed = leptos::wasm_split::SplitLoaderError;

/// A page's view, once its piece is loaded.
pub type Loading = Pin<Box<dyn Future<Output = Result<AnyView, LoadFailed>>>>;

/// A piece being fetched and instantiated, without building a view.
pub type Fetching = Pin<Box<dyn Future<Output = Result<(), LoadFailed>>>>;

/// A page whose code is in a piece: what a route's `view` is for a lazily loaded page.
/// The router waits for the piece before it leaves the page it shows (so nothing blank
/// flashes), then builds the page; if the piece cannot be had, the page's place says so.
#[derive(Clone, Copy)]
pub struct LazyPage {
    load: fn() -> Loading,
    fetch: fn() -> Fetching,
}

impl LazyPage {
    /// A page from its piece's two entry points (made by [`lazy_pages!`]).
    pub const fn new(load: fn() -> Loading, fetch: fn() -> Fetching) -> LazyPage {
        LazyPage { load, fetch }
    }

    /// The page's view, loading its piece first if it is not loaded yet.
    pub fn load(&self) -> Loading {
        (self.load)()
    }

    /// Fetches and instantiates the page's piece.
    pub fn fetch(&self) -> Fetching {
        (self.fetch)()
    }
}

impl ChooseView for LazyPage {
    async fn choose(self) -> AnyView {
        match self.load().await {
            Ok(page) => page,
            Err(_) => view! { <PieceFailed page=self /> }.into_any(),
        }
    }

    async fn preload(&self) {
        // A failure is shown by `choose`, which tries once more.
        let _ = self.fetch().await;
    }
}

/// Declares a group of pages that is one piece: for each `Name => path::to::Component`, a
/// constant `Name` (a [`LazyPage`], a route's `view`) whose component's code goes into the
/// piece named after the group, and `prefetch()`, which loads the piece.
///
/// A browser-test build (the `unsplit` feature, which `test-hooks` turns on) links every page
/// into the one wasm: wasm-bindgen-test cannot load pieces.
#[macro_export]
macro_rules! lazy_pages {
    ($group:ident { $($page:ident => $component:path),* $(,)? }) => {
        $(
            #[allow(non_snake_case)]
            #[doc(hidden)]
            pub mod $page {
                use leptos::prelude::{AnyView, IntoAny};
                use $crate::lazy::LoadFailed;

                /// The page's view, built by the code in its piece.
                #[cfg(not(feature = "unsplit"))]
                #[leptos::wasm_split::wasm_split(
                    $group,
                    wasm_split_path = ::leptos::wasm_split,
                    preload(fetch),
                    fallible
                )]
                pub fn $page() -> Result<AnyView, LoadFailed> {
                    Ok($component().into_any())
                }

                /// The page's view (every page is in the one wasm).
                #[cfg(feature = "unsplit")]
                pub async fn $page() -> Result<AnyView, LoadFailed> {
                    Ok($component().into_any())
                }

                /// Nothing to fetch: every page is in the one wasm.
                #[cfg(feature = "unsplit")]
                pub async fn fetch() -> Result<(), LoadFailed> {
                    Ok(())
                }
            }

            #[allow(non_upper_case_globals)]
            #[doc = concat!("The page `", stringify!($component), "`, in the `", stringify!($group), "` piece.")]
            pub const $page: $crate::lazy::LazyPage =
                $crate::lazy::LazyPage::new(|| Box::pin($page::$page()), || Box::pin($page::fetch()));
        )*

        /// Fetches and instantiates this group's piece.
        pub async fn prefetch() -> Result<(), $crate::lazy::LoadFailed> {
            $( $page.fetch().await?; )*
            Ok(())
        }
    };
}

/// After the first screen, when the browser is idle, loads every piece one after the other,
/// so a first visit to any page does not wait for the network. A piece that fails is left:
/// its page tries again when visited.
pub fn prefetch_when_idle() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let start = Closure::once_into_js(|| {
        leptos::task::spawn_local(async {
            for prefetch in groups::PREFETCH {
                let _ = prefetch().await;
            }
        });
    });
    let window = web_sys::window().expect("a browser window");
    // requestIdleCallback is missing in some browsers (Safari): a timeout does then.
    if window.request_idle_callback(start.unchecked_ref()).is_err() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 1000);
    }
}
