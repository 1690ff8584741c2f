//! Project commands, run as `cargo xtask <command>` from anywhere in the repository.
//!
//! - `serve`: install what is missing, then serve the app at http://127.0.0.1:8080
//! - `test`: install what is missing, check formatting and lints, then run every test: native,
//!   browser (wasm) and end to end
//! - `build`: install what is missing, then build the release into `dist/` (any mount point, or
//!   `--public-url /x/` for a fixed one) and print its sizes; with `--sizes`, also where the
//!   wasm's bytes go, by crate and by the app's own module
//! - `sizes`: the sizes of the last release build and where its wasm's bytes go
//! - `post-build`: trunk's post-build step (Trunk.toml): splits the wasm into pieces, then
//!   runs hosting/post_build.mjs
//! - `bench`: build the release, then measure size, startup, scale, per-command cost and
//!   memory against a vanilla-JS baseline; print a table and write `bench/results.json`
//!
//! Each tool is installed only when it is missing or at another version, from the package
//! registries (crates.io, npm, Debian), never by a tool's own download.

mod bench;
mod hosting;
mod install;
mod lint;
mod pieces;
mod run;
mod scenarios;
mod sizes;
mod weight;

use std::path::PathBuf;
use std::process::ExitCode;

use run::{Summary, cargo, run_counted, run_plain};

/// The sub-path the end-to-end tests serve a second release build under.
const SUB_PATH: &str = "/console/";

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "serve" => serve(),
        "test" => test(),
        "build" => build().map(|_| ()),
        "bench" => bench::run(),
        "post-build" => pieces::post_build(),
        "sizes" => {
            sizes::print(&root().join("dist")).and_then(|()| weight::print(&pieces::named_dir()))
        }
        _ => {
            eprintln!("usage: cargo xtask <serve | test | build | bench>");
            eprintln!("  serve  serve the app at http://127.0.0.1:8080 (installs what is missing)");
            eprintln!(
                "  test   run every test: native, browser, end to end (installs what is missing)"
            );
            eprintln!(
                "  build  build the release into dist/ and print its sizes (--sizes: by crate and module)"
            );
            eprintln!("  bench  build the release and measure it; writes bench/results.json");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the repository root")
        .to_path_buf()
}

fn serve() -> Result<(), String> {
    install::build_tools()?;
    scenarios::ensure()?;
    run_plain(install::trunk().args(["serve", "--open=false"]))
}

/// `cargo xtask build [--public-url /x/]`: a release into dist/ that works at any mount point,
/// or, with `--public-url`, one fixed to that path.
fn build() -> Result<(), String> {
    install::build_tools()?;
    install::npm_packages()?;
    scenarios::ensure()?;
    let mut extra: Vec<String> = std::env::args().skip(2).collect();
    let by_crate = extra.iter().any(|a| a == "--sizes");
    extra.retain(|a| a != "--sizes");
    run_plain(install::trunk().args(["build", "--release"]).args(&extra))?;
    hosting::check(&root().join("dist"))?;
    sizes::print(&root().join("dist"))?;
    if by_crate {
        weight::print(&pieces::named_dir())?;
    }
    Ok(())
}

fn test() -> Result<(), String> {
    install::build_tools()?;
    install::lint_tools()?;
    lint::run()?;
    install::browser()?;
    install::npm_packages()?;
    let mut summary = Summary::default();

    println!("\n== native tests (cargo test) ==");
    run_counted(cargo().args(["test", "--workspace"]), &mut summary)?;

    println!("\n== browser tests (wasm-bindgen-test in headless Chromium) ==");
    run_counted(
        cargo()
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
                "--features",
                "test-hooks",
            ])
            .env("CHROMEDRIVER", install::CHROMEDRIVER)
            // The runner gives the whole run 20 s by default: too little on a loaded two-core
            // machine (seen: killed mid-run while other builds ran). A hang still ends.
            .env("WASM_BINDGEN_TEST_TIMEOUT", "900"),
        &mut summary,
    )?;

    println!("\n== release builds for the end-to-end tests ==");
    scenarios::ensure()?;
    run_plain(install::trunk().args(["build", "--release"]))?;
    hosting::check(&root().join("dist"))?;
    run_plain(install::trunk().args([
        "build",
        "--release",
        "--public-url",
        SUB_PATH,
        "--dist",
        "dist-console",
    ]))?;
    sizes::print(&root().join("dist"))?;

    println!("\n== end-to-end tests (Playwright, release build served as static files) ==");
    run_counted(install::playwright().arg("test"), &mut summary)?;

    println!("\n{summary}");
    if summary.failed > 0 || summary.passed == 0 {
        return Err("tests failed".into());
    }
    Ok(())
}
