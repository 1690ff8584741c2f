// Serves a release build as static hosts do, for the end-to-end tests.
// Usage: node serve.mjs <dist folder> <port> [mount path, default "/"] [--no-rewrite]
//
// - By default it is a host that rewrites: any other path under the mount without a file
//   extension gets index.html (Netlify, Cloudflare Pages, Azure, S3 + CloudFront, nginx...).
// - With --no-rewrite it is like GitHub or GitLab Pages: a folder gets its index.html, and any
//   path with no file gets 404.html with status 404.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = process.argv.slice(2);
const rewrite = !args.includes("--no-rewrite");
const [dist, port, mount = "/"] = args.filter((a) => !a.startsWith("--"));
const root = resolve(dist);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
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
  const send = (status, body, ext) =>
    res.writeHead(status, { "content-type": types[ext] ?? "application/octet-stream", "cache-control": "no-cache" }).end(body);
  const inner = normalize(path.slice(mount.length)).replace(/^(\.\.[/\\])+/, "");
  const wanted = join(root, inner);
  if (!wanted.startsWith(root)) return send(404, "not found", ".html");
  const folder = inner === "" || inner === "." || path.endsWith("/");
  const body = await file(folder ? join(wanted, "index.html") : wanted);
  if (body) return send(200, body, folder ? ".html" : extname(wanted));
  if (rewrite && !extname(inner)) return send(200, await file(join(root, "index.html")), ".html");
  const missing = rewrite ? null : await file(join(root, "404.html"));
  return missing ? send(404, missing, ".html") : send(404, "not found", ".html");
}).listen(Number(port), "127.0.0.1", () =>
  console.log(`serving ${root} at http://127.0.0.1:${port}${mount}${rewrite ? "" : " (no rewrite, 404.html)"}`),
);
