//! The release build's sizes: raw and gzip -9, per kind of file.

use std::path::Path;
use std::process::Command;

/// Prints the wasm, js, css and html sizes of a build in `dist`, raw and gzipped.
pub fn print(dist: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut rows: Vec<(String, u64, u64)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if !["wasm", "js", "css", "html"].contains(&ext) {
            continue;
        }
        let raw = entry.metadata().map(|m| m.len()).unwrap_or(0);
        rows.push((ext.to_string(), raw, gzip_size(&path)?));
    }
    rows.sort();
    println!("\nrelease build sizes ({}):", dist.display());
    println!("  {:<6} {:>10} {:>10}", "file", "raw B", "gzip -9 B");
    let (mut raw_total, mut gz_total) = (0, 0);
    for (ext, raw, gz) in &rows {
        println!("  {ext:<6} {raw:>10} {gz:>10}");
        raw_total += raw;
        gz_total += gz;
    }
    println!("  {:<6} {raw_total:>10} {gz_total:>10}", "total");
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
