//! What the release build must hold for any host (see hosting/post_build.mjs, which writes it).

use std::path::Path;

/// The files a host needs beside the app's own: the fallbacks and the service worker.
const HOST_FILES: [&str; 5] = [
    "404.html",
    "_redirects",
    "staticwebapp.config.json",
    "sw.js",
    "manifest.webmanifest",
];

/// Checks that a release `dist/` has what every host needs, with the policy's hashes in place.
pub fn check(dist: &Path) -> Result<(), String> {
    for file in HOST_FILES {
        if !dist.join(file).is_file() {
            return Err(format!(
                "{} has no {file}: did hosting/post_build.mjs run?",
                dist.display()
            ));
        }
    }
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    if index.contains("'inline-scripts'") || !index.contains("'sha256-") {
        return Err("index.html's Content-Security-Policy has no script hashes".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The first path segments index.html's mount script knows must be the router's: a route
    /// it did not know would be taken for part of the mount point.
    #[test]
    fn the_mount_script_knows_every_first_route_segment() {
        let root = crate::root();
        let index = std::fs::read_to_string(root.join("index.html")).unwrap();
        let list = index
            .split("var routes = [")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .expect("index.html's mount script lists its routes");
        let mut known: Vec<String> = list
            .split(',')
            .map(|r| r.trim().trim_matches('"').to_owned())
            .filter(|r| !r.is_empty())
            .collect();
        known.sort();
        let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
        let mut routed: Vec<String> = lib
            .split("path!(\"/")
            .skip(1)
            .filter_map(|rest| rest.split(['/', '"']).next())
            .filter(|first| !first.is_empty())
            .map(str::to_owned)
            .collect();
        routed.sort();
        routed.dedup();
        assert_eq!(known, routed);
    }

    /// index.html's early read opens the app's own database at the app's version: another
    /// name would read nothing, another version would never be taken.
    #[test]
    fn the_early_read_opens_the_apps_database() {
        let root = crate::root();
        let index = std::fs::read_to_string(root.join("index.html")).unwrap();
        let db = std::fs::read_to_string(root.join("src/store/db.rs")).unwrap();
        let constant = |name: &str| {
            db.split(&format!("const {name}: "))
                .nth(1)
                .and_then(|rest| rest.split(" = ").nth(1))
                .and_then(|rest| rest.split(';').next())
                .unwrap_or_else(|| panic!("db.rs has {name}"))
                .to_owned()
        };
        let opened = format!(
            "indexedDB.open({}, {})",
            constant("DEFAULT_NAME"),
            constant("VERSION")
        );
        assert!(index.contains(&opened), "index.html should call {opened}");

        // The stores it creates on a first visit: db.rs's STORES, its names resolved.
        let table = db
            .split("const STORES: [(&str, bool); 5] = [")
            .nth(1)
            .and_then(|rest| rest.split("];").next())
            .expect("db.rs lists its STORES");
        let stores: Vec<String> = table
            .split('(')
            .skip(1)
            .map(|entry| {
                let (name, generated) = entry.split_once(',').expect("(NAME, bool)");
                let generated = generated.split(')').next().unwrap_or_default().trim();
                format!("[{}, {generated}]", constant(name.trim()))
            })
            .collect();
        let created = format!("[{}]", stores.join(", "));
        assert!(
            index.contains(&created),
            "index.html's early read should create {created}"
        );
    }
}
