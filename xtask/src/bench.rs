//! `cargo xtask bench`: builds the release into `dist/`, times commands and the loading of
//! the scale scenario natively (`bench/commands.rs`, `bench/load.rs`), routing and an hour of
//! demo traffic natively (`bench/routing.rs`, `bench/hour.rs`), then measures the
//! build in headless Chromium next to a vanilla-JS baseline, Lighthouse included
//! (`bench/run.mjs`), prints one table and writes it to `bench/results.json`.

use crate::root;
use crate::run::{cargo, run_plain};
use crate::{install, scenarios};

/// Builds, measures, prints the table and writes `bench/results.json`.
pub fn run() -> Result<(), String> {
    install::build_tools()?;
    install::browser()?;
    install::npm_packages()?;
    install::bench_packages()?;
    scenarios::ensure()?;

    println!("\n== release build (trunk build --release) ==");
    run_plain(install::trunk().args(["build", "--release"]))?;

    println!("\n== per-command cost, native (bench/commands.rs) ==");
    let commands =
        std::env::temp_dir().join(format!("flex-console-bench-{}.json", std::process::id()));
    run_plain(
        cargo()
            .args([
                "run",
                "--quiet",
                "--profile",
                "bench",
                "--example",
                "bench_commands",
                "--",
            ])
            .arg(&commands),
    )?;

    println!("\n== loading the scale scenario's Console, native (bench/load.rs) ==");
    run_plain(cargo().args([
        "run",
        "--quiet",
        "--profile",
        "bench",
        "--example",
        "bench_load",
    ]))?;

    println!("\n== routing, native (bench/routing.rs) ==");
    run_plain(cargo().args([
        "run",
        "--quiet",
        "--profile",
        "bench",
        "--example",
        "bench_routing",
    ]))?;

    println!("\n== an hour of demo traffic, native (bench/hour.rs) ==");
    let hour = std::env::temp_dir().join(format!("flex-console-hour-{}.json", std::process::id()));
    run_plain(
        cargo()
            .args([
                "run",
                "--quiet",
                "--profile",
                "bench",
                "--example",
                "bench_hour",
                "--",
            ])
            .arg(&hour),
    )?;

    println!(
        "\n== browser: sizes, startup, scale, demo traffic an hour in, memory, Lighthouse (bench/run.mjs) =="
    );
    let root = root();
    let outcome = run_plain(
        std::process::Command::new("node")
            .arg(root.join("bench/run.mjs"))
            .arg(root.join("dist"))
            .arg(&commands)
            .arg(root.join("bench/results.json"))
            .arg(&hour)
            .current_dir(&root)
            .env("CHROMIUM", install::CHROMIUM),
    );
    let _ = std::fs::remove_file(&commands);
    let _ = std::fs::remove_file(&hour);
    outcome
}
