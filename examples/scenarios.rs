//! Writes the scenario files the app can load with `?scenario=NAME`:
//! `public/scenarios/demo.json` and `public/scenarios/scale.json`.
//!
//! Run with `cargo run --example scenarios` (`cargo xtask` runs it when a file is
//! missing or older than the domain code). The output is deterministic: the same code
//! gives byte-identical files.

use flex_console::store::scenario::Scenario;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/scenarios");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for scenario in [Scenario::demo(), Scenario::scale()] {
        let path = dir.join(format!("{}.json", scenario.name));
        let text = scenario.to_json();
        // Check what the app will check, so a broken file is never shipped.
        if let Err(e) = Scenario::parse(&text) {
            eprintln!("{} does not read back: {e}", path.display());
            std::process::exit(1);
        }
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {} ({} KB)", path.display(), text.len() / 1024);
    }
}
