// Trunk's post-build step, run by `cargo xtask post-build` (Trunk.toml) after it splits the wasm:
// turns trunk's output into a build any static host can
// serve unchanged, at any mount point. Run by `trunk build` and `trunk serve` with
// TRUNK_STAGING_DIR set to the folder about to become dist/.
//
// - Every <link integrity> in index.html is computed from the file it names (the split step,
//   xtask/src/pieces.rs, which runs this script, rewrote the wasm and its glue after trunk).
// - The Content-Security-Policy in index.html gets the sha256 of every inline script (the mount
//   script of index.html and trunk's module loader), so no inline script runs that the build did
//   not write. `trunk serve` (debug) leaves the policy out: its live-reload script is inline.
// - Release only: sw.js, the service worker (hosting/sw.js), is written with the list of files
//   to precache and a version made from their contents (a debug build has none, so
//   `trunk serve` never serves a cached app); 404.html (GitHub and GitLab Pages), _redirects (Netlify,
//   Cloudflare Pages) and staticwebapp.config.json (Azure Static Web Apps) are written.
//
// Node's own modules only: no package to install.
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("post_build.mjs runs as trunk's post_build hook (TRUNK_STAGING_DIR unset)");
const release = process.env.TRUNK_PROFILE === "release";

const sha256 = (data, encoding = "base64") => createHash("sha256").update(data).digest(encoding);

/** Every file below `dir`, as paths relative to it with forward slashes. */
async function files(dir, under = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path, under)));
    else out.push(relative(under, path).split(sep).join("/"));
  }
  return out.sort();
}

// 1. Every link's integrity, from the file it names (the split step renamed and rewrote the
//    glue and the wasm after trunk wrote them, and added the loader's link).
const indexPath = join(staging, "index.html");
let index = await readFile(indexPath, "utf8");
const links = [...index.matchAll(/<link\b[^>]*\bintegrity="[^"]*"[^>]*>/g)].map((m) => m[0]);
for (const link of links) {
  const href = link.match(/\bhref="([^"]*)"/)?.[1];
  if (!href) continue;
  const file = await readFile(join(staging, href.split("/").pop()));
  const integrity = `sha384-${createHash("sha384").update(file).digest("base64")}`;
  index = index.replace(link, link.replace(/\bintegrity="[^"]*"/, `integrity="${integrity}"`));
}

// 2. The policy: hash each inline script exactly as it stands between its tags.
const PLACEHOLDER = "'inline-scripts'";
const POLICY = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
const policy = index.match(POLICY)?.[0];
if (!policy?.includes(PLACEHOLDER)) throw new Error(`index.html has no policy with ${PLACEHOLDER}`);
if (release) {
  const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const hashes = inline.map((script) => `'sha256-${sha256(script)}'`).join(" ");
  index = index.replace(POLICY, policy.replace(PLACEHOLDER, hashes));
} else {
  // No policy (the live-reload script is inline) and no service worker to register.
  index = index.replace(POLICY, "").replace(/<script src="update.js"[^>]*><\/script>/, "");
}
await writeFile(indexPath, index);

if (release) {
  // 3. Fallbacks for hosts that do not rewrite unknown paths, and rewrite rules for those that can.
  await writeFile(join(staging, "404.html"), index);
  await writeFile(join(staging, "_redirects"), "/*    /index.html   200\n");
  const config = {
    navigationFallback: { rewrite: "/index.html", exclude: ["/*.{js,wasm,css,svg,png,json,webmanifest}", "/scenarios/*"] },
    globalHeaders: { "Cache-Control": "no-cache" },
    routes: [{ route: "/*-*.{js,wasm,css,svg}", headers: { "Cache-Control": "public, max-age=31536000, immutable" } }],
  };
  await writeFile(join(staging, "staticwebapp.config.json"), JSON.stringify(config, null, 2) + "\n");

  // 4. The service worker: precache every file the app may need (not the host's own files).
  const notPrecached = new Set(["sw.js", "404.html", "_redirects", "staticwebapp.config.json"]);
  const app = (await files(staging)).filter((f) => !notPrecached.has(f) && !f.endsWith(".gitkeep"));
  const contents = await Promise.all(app.map((f) => readFile(join(staging, f))));
  // A scenario over 1 MB (the scale one) is cached when first fetched instead.
  const large = (f, i) => f.startsWith("scenarios/") && contents[i].length > 1024 * 1024;
  const precache = app.filter((f, i) => !large(f, i));
  const later = app.filter(large);
  const version = sha256(app.map((f, i) => f + " " + sha256(contents[i])).join("\n"), "hex").slice(0, 16);
  const routes = index.match(/var routes = (\[[^\]]*\]);/)?.[1];
  if (!routes) throw new Error("index.html's mount script lists no routes");
  const sw = (await readFile(new URL("./sw.js", import.meta.url), "utf8"))
    .replace("self.ROUTES", routes)
    .replace("self.PRECACHE", JSON.stringify(precache))
    .replace("self.LATER", JSON.stringify(later))
    .replace("self.VERSION", JSON.stringify(version));
  await writeFile(join(staging, "sw.js"), sw);
  console.log(`post_build: policy hashed, sw.js ${version} precaches ${precache.length} files (${later.length} when first used), host fallbacks written`);
} else {
  console.log("post_build: debug build, no policy or service worker");
}
