//! Performance marks: where `cargo xtask bench` sees the app's time go (the User Timing
//! API, read with `performance.getEntriesByName`). Marks cost a few microseconds each.

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.mark(name)`.
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    pub fn mark(name: &str);
}
