//! The release build's sizes: each file raw, gzip -9 and brotli -q 11, and what the first
//! screen downloads (index.html and what it names) against the whole app.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Prints the wasm, js, css and html files of a build in `dist`, raw, gzipped and brotli'd.
pub fn print(dist: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["wasm", "js", "css", "html"].contains(&e))
        })
        .collect();
    files.sort();
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let brotli = crate::weight::brotli_sizes(&files)?;
    println!("\nrelease build sizes ({}):", dist.display());
    println!(
        "  {:<44} {:>10} {:>10} {:>10}  first screen",
        "file", "raw B", "gzip -9 B", "brotli B"
    );
    let mut first = [0u64; 3];
    let mut whole = [0u64; 3];
    for (path, brotli) in files.iter().zip(brotli) {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let raw = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let gzip = gzip_size(path)?;
        // The first screen loads index.html and the files it names (not 404.html, its copy,
        // nor sw.js, registered after the page has loaded).
        let at_first = name == "index.html" || index.contains(&format!("{name}\""));
        let at_first = at_first || index.contains(&format!("{name}'"));
        println!(
            "  {name:<44} {raw:>10} {gzip:>10} {brotli:>10}  {}",
            if at_first { "yes" } else { "" }
        );
        for (total, value) in whole.iter_mut().zip([raw, gzip, brotli]) {
            *total += value;
        }
        if at_first {
            for (total, value) in first.iter_mut().zip([raw, gzip, brotli]) {
                *total += value;
            }
        }
    }
    let kb = |v: u64| format!("{:.1} KB", v as f64 / 1024.0);
    println!(
        "  first screen: {} raw, {} gzip, {} brotli; the whole app: {} raw, {} gzip, {} brotli",
        kb(first[0]),
        kb(first[1]),
        kb(first[2]),
        kb(whole[0]),
        kb(whole[1]),
        kb(whole[2])
    );
    Ok(())
}

fn gzip_size(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("gzip is needed to measure sizes: {e}"))?;
    Ok(out.stdout.len() as u64)
}
