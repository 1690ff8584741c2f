//! Browser tests: components mounted in headless Chromium (wasm-bindgen-test).
//! Run with `cargo xtask test`, or `cargo test --target wasm32-unknown-unknown --test browser
//! --features test-hooks` (the hooks simulate failing writes and wait for the writer).
#![cfg(target_arch = "wasm32")]

mod support;

mod desk;
mod durability;
mod offer;
mod ordering;
mod palette;
mod products;
mod row_menu;
mod secrets;
mod shell;
mod store;
mod taskrouter;
mod users;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
