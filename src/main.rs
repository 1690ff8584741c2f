//! Entry point: read the saved state, then mount the app; nothing else.

fn main() {
    console_error_panic_hook::set_once();
    // IndexedDB is asynchronous: read the store before mounting, so the first screen
    // already shows the saved state (no flash of the demo, no network request).
    wasm_bindgen_futures::spawn_local(async {
        let loaded = flex_console::store::open().await;
        leptos::mount::mount_to_body(move || leptos::view! { <flex_console::App loaded /> });
        // `cargo xtask bench` times startup up to the first screen.
        flex_console::marks::mark("console-ready");
        // The other pages' pieces, once the browser has nothing better to do.
        flex_console::lazy::prefetch_when_idle();
    });
}
