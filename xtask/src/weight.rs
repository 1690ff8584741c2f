//! Where the wasm's bytes go: each function's code by the crate and the app module it comes
//! from, read from the name section of a copy of the build that keeps its names
//! (`wasm-opt -g`; the files shipped in `dist/` have the names stripped).
//!
//! The names are Rust's mangled symbols, demangled here. A generic function made for a type of
//! another crate is counted where its name says it lives (`Vec<Worker>::push` is `alloc`), and
//! drop glue (`drop_in_place<T>`) where `T` lives, so the crates' rows are what their code costs
//! once the app's types are put into it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wasmparser::{KnownCustom, Name, Parser, Payload};

/// One wasm file's bytes, by what they are.
#[derive(Default)]
pub struct Weight {
    /// Bytes of code per demangled function name.
    pub functions: Vec<(String, u64)>,
    /// Bytes of data segments (string constants, tables of the program's own).
    pub data: u64,
    /// Every other byte: types, imports, exports, the function table, the section headers.
    pub other: u64,
}

/// Reads a wasm file that keeps its name section.
pub fn read(bytes: &[u8]) -> Result<Weight, String> {
    let mut imported = 0u32;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut weight = Weight::default();
    let mut counted = 0u64;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(
                        import.map_err(|e| e.to_string())?.ty,
                        wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_)
                    ) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let range = body.range();
                bodies.push(range.end - range.start);
            }
            Payload::DataSection(reader) => {
                let range = reader.range();
                weight.data += range.end - range.start;
            }
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for name in reader {
                        if let Name::Function(map) = name.map_err(|e| e.to_string())? {
                            for naming in map {
                                let naming = naming.map_err(|e| e.to_string())?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
                // A custom section (the names included) is not shipped.
                let range = section.range();
                counted += range.end - range.start;
            }
            _ => {}
        }
    }
    let code: u64 = bodies.iter().sum();
    for (i, size) in bodies.into_iter().enumerate() {
        let index = imported + i as u32;
        let name = names
            .get(&index)
            .map(|n| format!("{:#}", rustc_demangle::demangle(n)))
            .unwrap_or_else(|| format!("function {index}"));
        weight.functions.push((name, size));
    }
    weight.other = (bytes.len() as u64).saturating_sub(code + weight.data + counted);
    Ok(weight)
}

/// The crate a demangled name belongs to: the first path of the name, or of the type inside
/// `<…>` for trait impls and drop glue; "runtime" for what is not Rust's (the allocator's C
/// names, wasm-bindgen's glue).
pub fn crate_of(name: &str) -> String {
    let mut name = name.trim();
    for prefix in ["core::ptr::drop_in_place<", "<"] {
        while let Some(rest) = name.strip_prefix(prefix) {
            name = rest.trim_start_matches('&').trim_start_matches("mut ");
            name = name.trim_start_matches("dyn ");
        }
    }
    match name.split_once("::") {
        Some((first, _)) if !first.contains([' ', '<', '>', '(', '[', ',']) => first.to_owned(),
        // `<F as Trait>::f` with a generic or primitive `F`: the trait's crate.
        _ => match name.split_once(" as ") {
            Some((_, rest)) => crate_of(rest),
            // `<str>::to_lowercase`, `<[T]>::sort`: the primitives' own code.
            None if PRIMITIVES.iter().any(|p| name.starts_with(p)) => "core".to_owned(),
            None => "runtime".to_owned(),
        },
    }
}

/// The types whose methods live in `core` (and `alloc`, for `str` and slices).
const PRIMITIVES: [&str; 17] = [
    "str>", "[", "(", "bool>", "char>", "f32>", "f64>", "u8>", "u16>", "u32>", "u64>", "u128>",
    "usize>", "i32>", "i64>", "isize>", "i128>",
];

/// The app module a demangled name belongs to, two levels deep (`pages::account`,
/// `components::palette`, `store::db`, the domain's rooms as `domain::taskrouter`), or
/// `None` when it is not the app's own code.
pub fn module_of(name: &str) -> Option<String> {
    let krate = crate_of(name);
    let (prefix, depth) = match krate.as_str() {
        "flex_console" => ("", 2),
        "flex_console_domain" => ("domain::", 1),
        _ => return None,
    };
    let path = name.trim_start_matches(['<', '&']);
    let path = path.trim_start_matches("core::ptr::drop_in_place<");
    let parts: Vec<&str> = path
        .split("::")
        .skip(1)
        .take_while(|p| {
            p.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && !p.contains(['<', ' ', '{'])
        })
        .take(depth)
        .collect();
    let module = if parts.is_empty() {
        "(top)".to_owned()
    } else {
        parts.join("::")
    };
    Some(format!("{prefix}{module}"))
}

/// Brotli -q 11 sizes of files, by Node's zlib (Node is needed to build already).
pub fn brotli_sizes(files: &[PathBuf]) -> Result<Vec<u64>, String> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let script = "const z=require('zlib'),fs=require('fs');\
        for(const f of process.argv.slice(1)){const b=fs.readFileSync(f);\
        console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,\
        [z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length)}";
    let out = std::process::Command::new("node")
        .arg("-e")
        .arg(script)
        .args(files)
        .output()
        .map_err(|e| format!("node is needed to measure brotli sizes: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().parse::<u64>().map_err(|e| e.to_string()))
        .collect()
}

/// Prints the byte table of the named copies in `named` (one `.wasm` per piece of the build,
/// the first download's called `main.wasm`).
pub fn print(named: &Path) -> Result<(), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(named)
        .map_err(|e| format!("no named copy of the wasm in {}: {e}", named.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    // The first download first, then the pieces by name, then the code they share.
    files.sort_by_key(|p| {
        let stem = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        (stem != "main", stem.starts_with("chunk_"), p.clone())
    });
    let mut by_crate: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    let mut by_module: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    let mut data = vec![0; files.len()];
    let mut other = vec![0; files.len()];
    for (i, file) in files.iter().enumerate() {
        let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
        let weight = read(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
        for (name, size) in &weight.functions {
            by_crate
                .entry(crate_of(name))
                .or_insert_with(|| vec![0; files.len()])[i] += size;
            if let Some(module) = module_of(name) {
                by_module
                    .entry(module)
                    .or_insert_with(|| vec![0; files.len()])[i] += size;
            }
        }
        data[i] = weight.data;
        other[i] = weight.other;
    }
    // One column per piece; the code the pieces share (`chunk_*`) in one column.
    let column = |f: &PathBuf| {
        let stem = f.file_stem().unwrap_or_default().to_string_lossy();
        if stem.starts_with("chunk_") {
            "shared".to_owned()
        } else {
            stem.trim_start_matches("split_").to_owned()
        }
    };
    let mut pieces: Vec<String> = Vec::new();
    for f in &files {
        if !pieces.contains(&column(f)) {
            pieces.push(column(f));
        }
    }
    let index_of: Vec<usize> = files
        .iter()
        .map(|f| pieces.iter().position(|p| *p == column(f)).unwrap_or(0))
        .collect();
    let regroup = |values: &Vec<u64>| {
        let mut out = vec![0; pieces.len()];
        for (i, v) in values.iter().enumerate() {
            out[index_of[i]] += v;
        }
        out
    };
    let by_crate: BTreeMap<String, Vec<u64>> = by_crate
        .iter()
        .map(|(k, v)| (k.clone(), regroup(v)))
        .collect();
    let by_module: BTreeMap<String, Vec<u64>> = by_module
        .iter()
        .map(|(k, v)| (k.clone(), regroup(v)))
        .collect();
    let data = regroup(&data);
    let other = regroup(&other);
    let table = |title: &str, rows: &BTreeMap<String, Vec<u64>>, limit: usize| {
        let mut rows: Vec<(&String, &Vec<u64>)> = rows.iter().collect();
        rows.sort_by_key(|(_, v)| std::cmp::Reverse(v.iter().sum::<u64>()));
        println!("\n{title} (KB of code, raw; wasm-opt -Oz):");
        print!("  {:<34}", "");
        for piece in &pieces {
            print!(" {:>9}", shorten(piece, 9));
        }
        println!(" {:>9}", "all");
        let mut rest = vec![0; pieces.len()];
        for (i, (name, values)) in rows.iter().enumerate() {
            if i >= limit {
                for (r, v) in rest.iter_mut().zip(values.iter()) {
                    *r += v;
                }
                continue;
            }
            row(name, values);
        }
        if rest.iter().any(|v| *v > 0) {
            row("(the rest)", &rest);
        }
    };
    table("by crate", &by_crate, 18);
    let mut totals: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    totals.insert("data (strings, tables)".into(), data);
    totals.insert("types, imports, exports, table".into(), other);
    for (name, values) in &totals {
        row(name, values);
    }
    table("by the app's own module", &by_module, 40);
    Ok(())
}

fn row(name: &str, values: &[u64]) {
    print!("  {:<34}", shorten(name, 34));
    for v in values {
        print!(" {:>9.1}", *v as f64 / 1024.0);
    }
    println!(" {:>9.1}", values.iter().sum::<u64>() as f64 / 1024.0);
}

fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        text.chars().take(width - 1).collect::<String>() + "…"
    }
}

/// Drops every custom section (the names, the producers) from a wasm file: what a browser
/// does not need.
pub fn strip_custom_sections(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut out = bytes[..8].to_vec();
    let mut at = 8;
    while at < bytes.len() {
        let id = bytes[at];
        let (size, len) = leb128(&bytes[at + 1..])?;
        let end = at + 1 + len + size as usize;
        if end > bytes.len() {
            return Err("a section runs past the end of the file".into());
        }
        if id != 0 {
            out.extend_from_slice(&bytes[at..end]);
        }
        at = end;
    }
    Ok(out)
}

fn leb128(bytes: &[u8]) -> Result<(u64, usize), String> {
    let mut value = 0u64;
    for (i, byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok((value, i + 1));
        }
    }
    Err("a bad section size".into())
}

#[cfg(test)]
mod tests {
    use super::{crate_of, module_of};

    #[test]
    fn names_are_counted_where_they_live() {
        assert_eq!(
            crate_of("tachys::html::element::HtmlElement<E,At,Ch>::build"),
            "tachys"
        );
        assert_eq!(
            crate_of("<alloc::vec::Vec<T> as core::clone::Clone>::clone"),
            "alloc"
        );
        assert_eq!(
            crate_of("core::ptr::drop_in_place<flex_console_domain::console::Console>"),
            "flex_console_domain"
        );
        assert_eq!(crate_of("dlmalloc"), "runtime");
        assert_eq!(
            crate_of("<F as leptos_router::matching::ChooseView>::choose::{{closure}}"),
            "leptos_router"
        );
        assert_eq!(
            crate_of(
                "<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_map"
            ),
            "serde_json"
        );
        assert_eq!(crate_of("<str>::to_lowercase"), "core");
        assert_eq!(
            module_of("flex_console::pages::account::flex_users::FlexUsers::{{closure}}"),
            Some("pages::account".into())
        );
        assert_eq!(
            module_of(
                "<flex_console_domain::taskrouter::Workspace as serde::Serialize>::serialize"
            ),
            Some("domain::taskrouter".into())
        );
        assert_eq!(module_of("tachys::view::Render::build"), None);
    }
}
