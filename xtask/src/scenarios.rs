//! The scenario files under `public/scenarios/`, generated before trunk copies them into
//! `dist/`: when one is missing or older than the code that generates it.

use std::path::Path;
use std::time::SystemTime;

use crate::root;
use crate::run::{cargo, run_plain};

const FILES: [&str; 2] = ["demo.json", "scale.json"];

/// Runs `cargo run --example scenarios` (the debug build `cargo test` already made) unless the files are up to date.
pub fn ensure() -> Result<(), String> {
    let root = root();
    let sources = [
        root.join("domain/src"),
        root.join("src/store/scenario.rs"),
        root.join("examples/scenarios.rs"),
    ];
    let newest_source = sources.iter().filter_map(|p| newest(p)).max();
    let dir = root.join("public/scenarios");
    let fresh = FILES
        .iter()
        .all(|f| modified(&dir.join(f)).is_some_and(|m| Some(m) >= newest_source));
    if fresh {
        return Ok(());
    }
    println!("xtask: generating the scenario files (cargo run --example scenarios)");
    run_plain(cargo().args(["run", "--example", "scenarios"]))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest modification time of a file, or of the files in a folder (recursively).
fn newest(path: &Path) -> Option<SystemTime> {
    let Ok(entries) = std::fs::read_dir(path) else {
        return modified(path);
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| newest(&e.path()))
        .max()
}
