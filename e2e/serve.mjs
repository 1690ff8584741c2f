// Serves a release build as a CDN would: static files, with index.html for any other path
// under the mount point (the SPA fallback that makes deep links work).
// Usage: node serve.mjs <dist folder> <port> [mount path, default "/"]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const [dist, port, mount = "/"] = process.argv.slice(2);
const root = resolve(dist);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

async function file(path) {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (!path.startsWith(mount) && path + "/" !== mount) {
    res.writeHead(404).end("not under " + mount);
    return;
  }
  const inner = normalize(path.slice(mount.length)).replace(/^(\.\.[/\\])+/, "");
  const wanted = join(root, inner);
  let body = wanted.startsWith(root) ? await file(wanted) : null;
  let type = types[extname(wanted)] ?? "application/octet-stream";
  if (!body && !extname(inner)) {
    body = await file(join(root, "index.html"));
    type = types[".html"];
  }
  if (!body) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": type, "cache-control": "no-cache" }).end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}${mount}`));
