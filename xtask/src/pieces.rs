//! The app in pieces: trunk's post-build step (`cargo xtask post-build`, from Trunk.toml) splits
//! the wasm cargo built at the pages `src/lazy` marks, in every build, debug and release:
//!
//! 1. `wasm_split_cli_support` splits cargo's output (linked with `--emit-relocs`, see
//!    `.cargo/config.toml`) into the first download, one piece per group of pages, the pieces
//!    of code several groups share, and the JavaScript loader that fetches them;
//! 2. wasm-bindgen makes the first download's JavaScript glue (`--keep-lld-exports
//!    --no-demangle`, which the split's exports need);
//! 3. in a release, wasm-opt `-Oz` optimizes every wasm, keeping their names in a copy for
//!    `cargo xtask build --sizes` (`target/split/release/named/`) and not in `dist/`;
//! 4. every file is named after its content (`<name>-<16 hex>.<ext>`): the loader fetches the
//!    pieces by those names with their `integrity`, and the glue imports the loader by its name;
//! 5. trunk's own unsplit glue and wasm in the staging folder are replaced by these, and
//!    index.html is pointed at them (hosting/post_build.mjs then writes every `integrity`,
//!    the policy's hashes and the service worker, which precaches the pieces with the rest).
//!
//! Then it runs hosting/post_build.mjs. Trunk 0.21 has no step between its cargo build and
//! its wasm-bindgen (trunk-rs/trunk#1022), so this redoes wasm-bindgen on the split module.
//! See docs/splitting.md.

use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256, Sha384};

use crate::root;
use crate::run::run_plain;

/// The crate's binary, as cargo names its wasm.
const BIN: &str = "flex-console";
/// The first download's name before its content is known (as long as a content hash).
const MAIN_JS_PLACEHOLDER: &str = "________mainjs__";
/// The loader's name before its content is known (as long as a content hash).
const LOADER_PLACEHOLDER: &str = "________loader__";
/// Pieces smaller than this are not run through wasm-opt (bytes).
const SMALL_PIECE: u64 = 24 * 1024;
/// The loader's name without its hash.
const LOADER: &str = "__wasm_split";

/// Trunk's post-build step: splits the wasm in `TRUNK_STAGING_DIR`, then runs
/// hosting/post_build.mjs.
pub fn post_build() -> Result<(), String> {
    let staging = PathBuf::from(
        std::env::var("TRUNK_STAGING_DIR")
            .map_err(|_| "post-build runs as trunk's post_build hook (TRUNK_STAGING_DIR unset)")?,
    );
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    let started = std::time::Instant::now();
    split(&staging, release)?;
    println!(
        "post-build: the wasm split into pieces in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    run_plain(
        Command::new("node")
            .arg(root().join("hosting/post_build.mjs"))
            .current_dir(root()),
    )
}

/// Where cargo builds (`CARGO_TARGET_DIR` or `target/`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// The named copies of the last release's wasm files (`main.wasm` and one per piece).
pub fn named_dir() -> PathBuf {
    target_dir().join("split/release/named")
}

fn split(staging: &Path, release: bool) -> Result<(), String> {
    let profile = if release { "release" } else { "debug" };
    let input = target_dir()
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join(format!("{BIN}.wasm"));
    let wasm =
        std::fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    if !contains(&wasm, b"__wasm_split_placeholder__") {
        // No page is split (src/lazy is not in use): trunk's one wasm is the whole app.
        return one_piece(staging, release);
    }
    // The same cargo output as last time (a second build for another public URL, a rebuild
    // that changed only the styles): the last result again.
    let last = target_dir().join("split").join(format!("{profile}-last"));
    let key = short_hash(&wasm);
    if std::fs::read_to_string(last.join("key")).is_ok_and(|k| k == key) {
        let names = std::fs::read_to_string(last.join("names")).map_err(|e| e.to_string())?;
        let mut outputs = Vec::new();
        for name in names.lines() {
            let bytes = std::fs::read(last.join(name)).map_err(|e| e.to_string())?;
            outputs.push((name.to_owned(), bytes));
        }
        return place(staging, &outputs);
    }
    let work = target_dir().join("split").join(profile);
    let _ = std::fs::remove_dir_all(&work);
    let pieces_dir = work.join("pieces");
    let bindgen_dir = work.join("bindgen");
    for dir in [&pieces_dir, &bindgen_dir] {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }

    // 1. Split.
    let main_wasm = work.join("main.wasm");
    let link_name = format!("./{LOADER}-{LOADER_PLACEHOLDER}.js");
    let main_module = format!("./{BIN}-{MAIN_JS_PLACEHOLDER}.js");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = &pieces_dir;
    options.main_out_path = &main_wasm;
    options.link_name = &link_name;
    options.main_module = &main_module;
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("{e:?}"))?;
    if split.split_modules.is_empty() {
        return Err("the wasm has no split points: is src/lazy's lazy_pages! in use?".into());
    }

    // 2. The first download's JavaScript glue.
    run_plain(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--keep-lld-exports",
                "--no-demangle",
                "--no-typescript",
                "--out-name",
                BIN,
                "--out-dir",
            ])
            .arg(&bindgen_dir)
            .arg(&main_wasm),
    )?;

    // 3. Optimize (a release), keeping a named copy for the byte table.
    let mut wasm_files: Vec<(String, PathBuf)> = vec![(
        "main".to_owned(),
        bindgen_dir.join(format!("{BIN}_bg.wasm")),
    )];
    for piece in &split.split_modules {
        let stem = piece
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a piece without a name")?;
        wasm_files.push((stem.to_owned(), piece.clone()));
    }
    if release {
        let named = named_dir();
        let _ = std::fs::remove_dir_all(&named);
        std::fs::create_dir_all(&named).map_err(|e| e.to_string())?;
        optimize(&wasm_files, &named)?;
    }

    // 4. Names after contents: the pieces, then the loader and the glue, then the main wasm.
    let loader_path = pieces_dir.join(&link_name);
    let mut loader = std::fs::read_to_string(&loader_path).map_err(|e| e.to_string())?;
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    for (stem, path) in &wasm_files[1..] {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let name = format!("{stem}-{}.wasm", short_hash(&bytes));
        let fetch = format!("fetch(new URL(\"./{stem}.wasm\", import.meta.url))");
        if !loader.contains(&fetch) {
            // An empty piece: the loader has nothing to fetch for it.
            continue;
        }
        loader = loader.replace(
            &fetch,
            &format!(
                "fetch(new URL(\"./{name}\", import.meta.url), {{ integrity: \"{}\" }})",
                integrity(&bytes)
            ),
        );
        outputs.push((name, bytes));
    }
    let glue_path = bindgen_dir.join(format!("{BIN}.js"));
    let glue = std::fs::read_to_string(&glue_path).map_err(|e| e.to_string())?;
    let glue_hash = short_hash(format!("{glue}\n{loader}").as_bytes());
    let glue_name = format!("{BIN}-{glue_hash}.js");
    let loader = loader.replace(&format!("{BIN}-{MAIN_JS_PLACEHOLDER}.js"), &glue_name);
    let loader_name = format!("{LOADER}-{}.js", short_hash(loader.as_bytes()));
    let placeholder_loader = format!("{LOADER}-{LOADER_PLACEHOLDER}.js");
    if !glue.contains(&placeholder_loader) {
        return Err("the glue does not import the loader as expected".into());
    }
    let glue = glue.replace(&placeholder_loader, &loader_name);
    let main_bytes = replace_bytes(
        &std::fs::read(&wasm_files[0].1).map_err(|e| e.to_string())?,
        placeholder_loader.as_bytes(),
        loader_name.as_bytes(),
    )?;
    let main_name = format!("{BIN}-{}_bg.wasm", short_hash(&main_bytes));
    outputs.push((main_name, main_bytes));
    outputs.push((loader_name, loader.into_bytes()));
    outputs.push((glue_name, glue.into_bytes()));

    let _ = std::fs::remove_dir_all(&last);
    std::fs::create_dir_all(&last).map_err(|e| e.to_string())?;
    for (name, bytes) in &outputs {
        std::fs::write(last.join(name), bytes).map_err(|e| e.to_string())?;
    }
    let names: Vec<&str> = outputs.iter().map(|(n, _)| n.as_str()).collect();
    std::fs::write(last.join("names"), names.join("\n")).map_err(|e| e.to_string())?;
    std::fs::write(last.join("key"), key).map_err(|e| e.to_string())?;
    place(staging, &outputs)
}

/// Puts the split build in place of trunk's unsplit glue and wasm in `staging`: the last
/// three outputs are the first wasm, the loader and the glue.
fn place(staging: &Path, outputs: &[(String, Vec<u8>)]) -> Result<(), String> {
    let [.., (main_name, _), (loader_name, _), (glue_name, _)] = outputs else {
        return Err("the split build has no first wasm, loader and glue".into());
    };
    // 5. In place of trunk's unsplit glue and wasm.
    let index_path = staging.join("index.html");
    let mut index = std::fs::read_to_string(&index_path).map_err(|e| e.to_string())?;
    let (trunk_js, trunk_wasm) = trunk_names(&index)?;
    for old in [&trunk_js, &trunk_wasm] {
        std::fs::remove_file(staging.join(old)).map_err(|e| format!("{old}: {e}"))?;
    }
    for (name, bytes) in outputs {
        std::fs::write(staging.join(name), bytes).map_err(|e| e.to_string())?;
    }
    index = index.replace(&trunk_js, glue_name);
    index = index.replace(&trunk_wasm, main_name);
    // The loader is imported by the glue: fetched with it, not after it.
    let glue_link = index
        .find(&format!("{glue_name}\""))
        .and_then(|at| index[..at].rfind("<link"))
        .ok_or("index.html has no modulepreload link for the glue")?;
    let link_end = glue_link + index[glue_link..].find('>').ok_or("an unclosed link")? + 1;
    let loader_link = index[glue_link..link_end].replace(glue_name.as_str(), loader_name);
    index.insert_str(link_end, &format!("\n{loader_link}"));
    std::fs::write(&index_path, index).map_err(|e| e.to_string())?;
    Ok(())
}

/// A build with no split points: trunk's wasm optimized in place, its named copy kept.
fn one_piece(staging: &Path, release: bool) -> Result<(), String> {
    if !release {
        return Ok(());
    }
    let index = std::fs::read_to_string(staging.join("index.html")).map_err(|e| e.to_string())?;
    let (_, wasm) = trunk_names(&index)?;
    let named = named_dir();
    let _ = std::fs::remove_dir_all(&named);
    std::fs::create_dir_all(&named).map_err(|e| e.to_string())?;
    optimize(&[("main".to_owned(), staging.join(wasm))], &named)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// wasm-opt -Oz on every wasm, in place; the copy with names goes to `named/<stem>.wasm`.
fn optimize(files: &[(String, PathBuf)], named: &Path) -> Result<(), String> {
    let wasm_opt = {
        let local = root().join("e2e/node_modules/.bin/wasm-opt");
        if local.exists() {
            local
        } else {
            PathBuf::from("wasm-opt")
        }
    };
    // A few at a time: npm's wasm-opt is binaryen compiled to wasm, and much of each run is
    // Node starting it. The smallest pieces are left as the splitter wrote them: what -Oz
    // would take off them is less than a KB each.
    for batch in files.chunks(3) {
        let mut children = Vec::new();
        for (stem, path) in batch {
            let copy = named.join(format!("{stem}.wasm"));
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            if size < SMALL_PIECE {
                let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
                std::fs::write(&copy, &bytes).map_err(|e| e.to_string())?;
                let stripped = crate::weight::strip_custom_sections(&bytes)?;
                std::fs::write(path, stripped).map_err(|e| e.to_string())?;
                continue;
            }
            let child = Command::new(&wasm_opt)
                .args([
                    "-Oz",
                    "-g",
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                ])
                .arg(path)
                .arg("-o")
                .arg(&copy)
                .spawn()
                .map_err(|e| format!("wasm-opt: {e}"))?;
            children.push((child, copy, path));
        }
        for (mut child, copy, path) in children {
            let status = child.wait().map_err(|e| e.to_string())?;
            if !status.success() {
                return Err(format!("wasm-opt failed on {}", path.display()));
            }
            let bytes = std::fs::read(&copy).map_err(|e| e.to_string())?;
            let stripped = crate::weight::strip_custom_sections(&bytes)?;
            std::fs::write(path, stripped).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// The glue's and the wasm's names in trunk's index.html (`import init… from '<base>X.js'`,
/// `module_or_path: '<base>Y.wasm'`).
fn trunk_names(index: &str) -> Result<(String, String), String> {
    let quoted_after = |marker: &str| {
        let start = index.find(marker)? + marker.len();
        let end = start + index[start..].find('\'')?;
        let path = &index[start..end];
        Some(path.rsplit('/').next().unwrap_or(path).to_owned())
    };
    let js = quoted_after("* as bindings from '").ok_or("index.html has no trunk loader")?;
    let wasm = quoted_after("module_or_path: '").ok_or("index.html has no trunk wasm")?;
    Ok((js, wasm))
}

/// 16 hex digits of the SHA-256 of `bytes`: a file's name from its content.
fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A subresource integrity value (`sha384-…`).
fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `bytes` with every `from` replaced by `to`, which must be as long (a name inside a wasm).
fn replace_bytes(bytes: &[u8], from: &[u8], to: &[u8]) -> Result<Vec<u8>, String> {
    assert_eq!(
        from.len(),
        to.len(),
        "a name inside a wasm keeps its length"
    );
    let mut out = bytes.to_vec();
    let mut found = 0;
    let mut at = 0;
    while let Some(i) = out[at..].windows(from.len()).position(|w| w == from) {
        out[at + i..at + i + from.len()].copy_from_slice(to);
        at += i + from.len();
        found += 1;
    }
    if found == 0 {
        return Err("the main wasm does not import the loader as expected".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{base64, replace_bytes, trunk_names};

    #[test]
    fn base64_is_the_standard_one() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn a_name_inside_a_wasm_is_replaced_in_place() {
        let out = replace_bytes(b"\0a-XXXX.js\0", b"XXXX", b"1234").unwrap();
        assert_eq!(out, b"\0a-1234.js\0");
        assert!(replace_bytes(b"nothing", b"XXXX", b"1234").is_err());
    }

    #[test]
    fn trunks_names_are_read_from_its_loader() {
        let index = "<script type=\"module\">\nimport init, * as bindings from '/console/app-1a.js';\nconst wasm = await init({ module_or_path: '/console/app-1a_bg.wasm' });</script>";
        assert_eq!(
            trunk_names(index).unwrap(),
            ("app-1a.js".into(), "app-1a_bg.wasm".into())
        );
    }
}
