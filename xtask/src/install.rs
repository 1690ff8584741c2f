//! Installing what is missing, and only that, at the versions that work on these machines.
//!
//! Versions are pinned on purpose (see the README): trunk 0.22 needs a newer rustc, the
//! wasm-bindgen CLI must equal the `wasm-bindgen` crate, and only npm's binaryen 132 gives a
//! wasm-opt whose output runs (Debian's 108 breaks the page).

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::root;
use crate::run::run_plain;

const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` version pinned in Cargo.toml.
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's Chromium, used by the browser tests and Playwright alike.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver, which wasm-bindgen-test-runner drives.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything that building the app needs: the wasm target, trunk and wasm-bindgen, and
/// Node.js for trunk's post-build hook (hosting/post_build.mjs).
pub fn build_tools() -> Result<(), String> {
    if !runs("node", "--version") {
        return Err(
            "Node.js is missing (trunk's post-build step runs on it). Install Debian's \
                    packages `nodejs` and `npm` (Node.js 18 or newer), then run this command again."
                .into(),
        );
    }
    wasm_target()?;
    if !version_is("trunk", "--version", TRUNK_VERSION) {
        cargo_install(&["--locked", "trunk", "--version", TRUNK_VERSION])?;
    }
    if !version_is("wasm-bindgen", "--version", WASM_BINDGEN_VERSION)
        || !runs("wasm-bindgen-test-runner", "--version")
    {
        // Not --locked: its lockfile asks for a webpki-roots version the registry lacks.
        cargo_install(&["wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION])?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver, installed with apt when missing.
pub fn browser() -> Result<(), String> {
    if PathBuf::from(CHROMIUM).exists() && PathBuf::from(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    if !root_user || !runs("apt-get", "--version") {
        return Err(format!(
            "Chromium is missing. Install Debian's packages `chromium` and `chromium-driver` \
             (they provide {CHROMIUM} and {CHROMEDRIVER}), then run this command again."
        ));
    }
    println!("xtask: installing Chromium and ChromeDriver (apt)");
    run_plain(Command::new("apt-get").args(["update", "-q"]))?;
    run_plain(
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-q",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The npm packages in `e2e/` (Playwright, binaryen's wasm-opt), installed from the lockfile
/// when missing or when the lockfile changed since the last install.
pub fn npm_packages() -> Result<(), String> {
    npm_ci("e2e", &["wasm-opt", "playwright"])
}

/// The npm packages in `bench/` (Lighthouse), for `cargo xtask bench` only.
pub fn bench_packages() -> Result<(), String> {
    npm_ci("bench", &["lighthouse"])
}

/// `npm ci` in `folder` unless its packages are installed from the current lockfile and
/// the commands `bins` are there.
fn npm_ci(folder: &str, bins: &[&str]) -> Result<(), String> {
    if !runs("npm", "--version") {
        return Err(
            "Node.js and npm are missing. Install Debian's packages `nodejs` and `npm` \
                    (Node.js 18 or newer), then run this command again."
                .into(),
        );
    }
    let dir = root().join(folder);
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&installed), modified(&lock)), (Some(i), Some(l)) if i >= l);
    let bin = dir.join("node_modules/.bin");
    if fresh && bins.iter().all(|b| bin.join(b).exists()) {
        return Ok(());
    }
    println!("xtask: installing the npm packages of {folder}/ (npm ci)");
    run_plain(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            // Playwright drives Debian's Chromium; its own browser download is not allowed here.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

/// `trunk`, run from the repository root with npm's wasm-opt first on the PATH.
pub fn trunk() -> Command {
    let mut command = Command::new("trunk");
    command
        .current_dir(root())
        .env("PATH", path_with_node_bin());
    command
}

/// Playwright's command line, run from `e2e/`.
pub fn playwright() -> Command {
    let mut command = Command::new(node_bin("playwright"));
    command
        .current_dir(root().join("e2e"))
        .env("CHROMIUM", CHROMIUM);
    command
}

fn node_bin(name: &str) -> PathBuf {
    root().join("e2e/node_modules/.bin").join(name)
}

fn path_with_node_bin() -> String {
    let bin = root().join("e2e/node_modules/.bin");
    let path = std::env::var("PATH").unwrap_or_default();
    format!("{}:{path}", bin.display())
}

/// rustfmt and clippy, the checks `cargo xtask test` runs first (rustup components; most
/// toolchains have them already).
pub fn lint_tools() -> Result<(), String> {
    for (component, program) in [("rustfmt", "cargo-fmt"), ("clippy", "cargo-clippy")] {
        if !runs(program, "--version") {
            run_plain(Command::new("rustup").args(["component", "add", component]))?;
        }
    }
    Ok(())
}

fn wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the {WASM_TARGET} target: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == WASM_TARGET)
    {
        return Ok(());
    }
    run_plain(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn cargo_install(args: &[&str]) -> Result<(), String> {
    println!("xtask: cargo install {}", args.join(" "));
    run_plain(crate::run::cargo().arg("install").args(args))
}

/// Whether `program flag` runs and prints a line whose last word is `version`.
fn version_is(program: &str, flag: &str, version: &str) -> bool {
    Command::new(program)
        .arg(flag)
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .nth(1)
                .is_some_and(|v| v.trim_start_matches('v') == version)
        })
}

fn runs(program: &str, flag: &str) -> bool {
    Command::new(program)
        .arg(flag)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
