//! The checks `cargo xtask test` runs before any test: the formatter and the linter, on the
//! native targets and on the wasm target, so a warning fails the run as a failing test does.

use crate::run::{cargo, run_plain};

/// `cargo fmt --check`, then clippy with warnings as errors: the workspace natively (the
/// domain, its tests, the bench, xtask), then the app for wasm as it is served (split into
/// pieces) and with its browser tests (every page in one wasm, `test-hooks`).
pub fn run() -> Result<(), String> {
    println!("\n== formatting and lints (cargo fmt --check, cargo clippy -D warnings) ==");
    run_plain(cargo().args(["fmt", "--all", "--check"])).map_err(|_| {
        "cargo fmt --check found unformatted code: run `cargo fmt --all`".to_string()
    })?;
    run_plain(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run_plain(cargo().args([
        "clippy",
        "--package",
        "flex-console",
        "--target",
        "wasm32-unknown-unknown",
        "--lib",
        "--bins",
        "--",
        "-D",
        "warnings",
    ]))?;
    run_plain(cargo().args([
        "clippy",
        "--package",
        "flex-console",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--features",
        "test-hooks",
        "--",
        "-D",
        "warnings",
    ]))
}
