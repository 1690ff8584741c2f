// The browser half of `cargo xtask bench`: sizes of the release build, startup, the scale
// scenario's Flex users page and its search, and memory, each next to a vanilla-JS page
// (bench/baseline/) that renders the same screen from the same data, in the same run.
// Then it adds the native per-command figures (bench/commands.rs), prints one table and
// writes it as JSON.
//
// Usage: node bench/run.mjs <dist> <commands.json> <results.json> [hour.json]
//        (hour.json: the state after an hour of demo traffic, by bench/hour.rs; BENCH_ONLY=traffic
//        measures only the traffic rows and prints them, writing nothing)
//        node bench/run.mjs --serve <dist> [port]   (only serve the app and the baseline, to look)
// Playwright comes from e2e/node_modules (installed by `cargo xtask`), the browser is
// Debian's Chromium (CHROMIUM, default /usr/bin/chromium).

import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import os from "node:os";
import * as lighthouse from "./lighthouse.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const require = createRequire(join(root, "e2e/package.json"));
const { chromium } = require("playwright");

const serveOnly = process.argv[2] === "--serve";
const [distArg, commandsArg, resultsArg] = process.argv.slice(serveOnly ? 3 : 2);
const dist = resolve(distArg ?? join(root, "dist"));
const resultsPath = resolve(resultsArg ?? join(here, "results.json"));
/** Fresh loads per startup measurement (the issue asks for at least 10). */
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
/** Loads of the scale scenario's Flex users page. */
const SCALE_LOADS = Number(process.env.BENCH_SCALE_LOADS ?? 7);

// ---------------------------------------------------------------- sizes

function sizes() {
  const rows = {};
  for (const name of readdirSync(dist)) {
    const ext = extname(name).slice(1);
    if (!["wasm", "js", "css", "html"].includes(ext)) continue;
    const body = readFileSync(join(dist, name));
    const row = (rows[ext] ??= { raw: 0, gzip: 0, brotli: 0, files: [] });
    row.files.push(name);
    row.raw += body.length;
    row.gzip += gzipSync(body, { level: 9 }).length;
    row.brotli += brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: ext === "wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }).length;
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of Object.values(rows)) for (const k of Object.keys(total)) total[k] += r[k];
  // What the first screen downloads: index.html and the files it names (the stylesheet, the
  // glue, the split loader, the first wasm, update.js); not 404.html (its copy), sw.js
  // (registered after the page has loaded) nor the pieces (when first needed, or idle).
  const index = readFileSync(join(dist, "index.html"), "utf8");
  const firstScreen = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const name of readdirSync(dist)) {
    if (name !== "index.html" && !index.includes(`${name}"`) && !index.includes(`${name}'`)) continue;
    const body = readFileSync(join(dist, name));
    const ext = extname(name).slice(1);
    firstScreen.files.push(name);
    firstScreen.raw += body.length;
    firstScreen.gzip += gzipSync(body, { level: 9 }).length;
    firstScreen.brotli += brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: ext === "wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }).length;
  }
  return { ...rows, total, firstScreen };
}

// ---------------------------------------------------------------- server

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

const demoScenario = JSON.parse(readFileSync(join(dist, "scenarios/demo.json"), "utf8"));
const demoNow = demoScenario.now;
// The demo, as the baseline page carries it (the app carries it compiled in).
const baselineHtml = readFileSync(join(here, "baseline/index.html"), "utf8").replace(
  "<!-- DEMO -->",
  `<script id="demo" type="application/json">${JSON.stringify({ now: demoNow, console: demoScenario.console }).replaceAll("<", "\\u003c")}</script>`,
);

const appCss = readdirSync(dist).find((n) => n.endsWith(".css"));

function file(path) {
  try {
    return statSync(path).isFile() ? readFileSync(path) : null;
  } catch {
    return null;
  }
}

/** A file name with a content hash in it (trunk's `name-0123456789abcdef.ext`): its body
 * never changes, so a CDN may keep it for a year. */
const hashed = (path) => /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path);

/** Brotli bodies, made once per file (quality 11, as a CDN's precompressed assets). */
const compressed = new Map();
function brotli(key, body) {
  if (!compressed.has(key)) {
    compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  }
  return compressed.get(key);
}

/** Serves dist/ at / (with the SPA fallback, like e2e/serve.mjs) and the baseline at
 * /bench-baseline/ on the same origin, so the baseline can read the app's IndexedDB.
 * `cdn`: as a CDN serves static files (brotli when asked for, hashed files cached for a
 * year, the rest revalidated), for Lighthouse; otherwise uncompressed and never cached. */
function serve({ cdn = false, port = 0 } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const send = (body, type) => {
      const headers = { "content-type": type, "cache-control": "no-cache" };
      if (cdn) {
        if (hashed(path)) headers["cache-control"] = "public, max-age=31536000, immutable";
        headers.vary = "accept-encoding";
        if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "") && !type.startsWith("image/png")) {
          body = brotli(path, body);
          headers["content-encoding"] = "br";
        }
      }
      res.writeHead(200, headers).end(body);
    };
    if (path === "/scenarios/bench-hour.json" && hourArg) return send(readFileSync(resolve(hourArg)), types[".json"]);
    if (path.startsWith("/bench-baseline/")) {
      const inner = path.slice("/bench-baseline/".length);
      // The app's own stylesheet, as the release build ships it.
      if (inner === "main.css") return send(readFileSync(join(dist, appCss)), types[".css"]);
      if (inner === "baseline.js") return send(readFileSync(join(here, "baseline/baseline.js")), types[".js"]);
      return send(baselineHtml, types[".html"]);
    }
    const inner = normalize(path).replace(/^(\.\.[/\\])+/, "");
    const wanted = join(dist, inner);
    let body = wanted.startsWith(dist) ? file(wanted) : null;
    let type = types[extname(wanted)] ?? "application/octet-stream";
    if (!body && !extname(inner)) {
      body = file(join(dist, "index.html"));
      type = types[".html"];
    }
    if (!body) return res.writeHead(404).end("not found");
    send(body, type);
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

// ---------------------------------------------------------------- browser helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Before any page script: remember when a DOM condition first held (checked on every
 * mutation), and expose the wasm instance's memory once trunk's loader has started it. */
function watch(condition) {
  window.__bench = { readyAt: null };
  const observer = new MutationObserver(() => {
    if (window.__bench.readyAt === null && condition()) {
      window.__bench.readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__bench.wasm = e.detail?.wasm;
    window.__bench.startedAt = performance.now();
  });
}

/** Loads `url` in a page of `context` and returns the console-ready mark and the time the
 * DOM condition first held, both in ms from navigation start. */
async function load(context, url, conditionSource, timeout = 120_000) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // As script text, so the condition needs no eval (a strict Content Security Policy allows this).
  await page.addInitScript({ content: `(${watch})(${conditionSource});` });
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName("console-ready").length > 0 && window.__bench.readyAt !== null,
    null,
    { timeout, polling: 50 },
  );
  const times = await page.evaluate(() => ({
    mark: performance.getEntriesByName("console-ready")[0].startTime,
    dom: window.__bench.readyAt,
    // Where the time went: the wasm file downloaded, and instantiated (main() started).
    wasmLoaded: performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"))?.responseEnd ?? null,
    wasmStarted: window.__bench.startedAt ?? null,
    // The app's own marks (src/marks.rs): the saved state read from IndexedDB, then made
    // into the Console.
    storeRead: performance.getEntriesByName("store-read")[0]?.startTime ?? null,
    storeRestored: performance.getEntriesByName("store-restored")[0]?.startTime ?? null,
  }));
  if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
  return { page, ...times };
}

// The first screen: the sign-in page listing the demo's Console users.
const demoUsers = Object.keys(demoScenario.console.users).length;
const signInReady = `() => document.querySelectorAll("ul.user-cards > li").length === ${Math.min(demoUsers, 50)}`;

async function startup(browser, base) {
  const samples = { app: [], baseline: [], appDom: [], baselineDom: [], appWasmLoaded: [], appWasmStarted: [], appStoreRestored: [] };
  // Alternate the two, so both see the same machine.
  for (let i = 0; i < LOADS; i++) {
    for (const [who, url] of [
      ["app", `${base}/`],
      ["baseline", `${base}/bench-baseline/`],
    ]) {
      const context = await browser.newContext(NO_SERVICE_WORKER);
      const { mark, dom, wasmLoaded, wasmStarted, storeRestored } = await load(context, url, signInReady);
      samples[who].push(mark);
      samples[who + "Dom"].push(dom);
      if (who === "app") {
        samples.appWasmLoaded.push(wasmLoaded);
        samples.appWasmStarted.push(wasmStarted);
        samples.appStoreRestored.push(storeRestored);
      }
      await context.close();
    }
  }
  return samples;
}

// ---------------------------------------------------------------- a page's piece

const [mariaSid] = Object.entries(demoScenario.console.users).find(([, u]) => u.full_name === "Maria Garcia");
const acme = Object.values(demoScenario.console.accounts).find((a) => a.friendly_name === "Acme Support");
/** Visits of a lazily loaded page, each in a fresh context. */
const VISITS = Number(process.env.BENCH_VISITS ?? 9);

/** In the page: clicks the navigation's link to `path` and times the click to the page's
 * heading `title` on screen (the first mutation that shows it). */
function clickThrough([path, title]) {
  return new Promise((done, fail) => {
    const shown = () => [...document.querySelectorAll("main h1")].some((h) => h.textContent.trim() === title);
    const observer = new MutationObserver(() => {
      if (shown()) {
        observer.disconnect();
        clearTimeout(timeout);
        done(performance.now() - t0);
      }
    });
    const timeout = setTimeout(() => fail(new Error(`${title} never showed`)), 30_000);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const link = document.querySelector(`nav[aria-label="Console"] a[href$="${path}"]`);
    const t0 = performance.now();
    link.click();
  });
}

/** The first visit to a page whose piece is not loaded yet, against a visit to the same page
 * once it is: Acme Support's Phone Numbers (the products piece), reached from its Account Info
 * by the navigation, as a signed-in Maria Garcia. The products piece's request is held until
 * the click, so the prefetch when idle has not loaded it. */
async function lazyVisit(browser, base) {
  const samples = { first: [], loaded: [] };
  for (let i = 0; i < VISITS; i++) {
    const context = await browser.newContext(NO_SERVICE_WORKER);
    await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), mariaSid);
    const page = await context.newPage();
    let release;
    const gate = new Promise((ok) => (release = ok));
    await page.route(/\/split_products-[0-9a-f]{16}\.wasm$/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${base}/accounts/${acme.sid}`);
    await page.locator("main h1", { hasText: "Account Info" }).waitFor();
    release();
    samples.first.push(await page.evaluate(clickThrough, ["/phone-numbers", "Phone Numbers"]));
    await page.evaluate(clickThrough, [`/accounts/${acme.sid}`, "Account Info"]);
    samples.loaded.push(await page.evaluate(clickThrough, ["/phone-numbers", "Phone Numbers"]));
    await context.close();
  }
  return samples;
}

// ---------------------------------------------------------------- scale

const scale = JSON.parse(readFileSync(join(dist, "scenarios/scale.json"), "utf8"));
const [ownerSid] = Object.entries(scale.console.users).find(([, u]) => u.email === "user0@scale.example.com");
const flexAccount = Object.values(scale.console.accounts).find((a) => a.friendly_name === "Scale Account 0000");
const workers = Object.values(flexAccount.flex.workspace.workers);
const searchText = workers.map((w) => `${w.full_name}\n${w.identity}\n${w.sid}`.toLowerCase());
const countOf = (needle) => searchText.filter((t) => t.includes(needle)).length;

/** Search strings typed one character at a time, each keystroke changing how many workers
 * match (so the page has to change), ending at one worker: parts of worker SIDs. */
function searches(rounds) {
  const picked = [];
  for (let w = 0; w < workers.length && picked.length < rounds; w += 997) {
    const text = workers[w].sid.slice(2, 8).toLowerCase();
    let previous = workers.length;
    const counts = [];
    for (let k = 1; k <= text.length; k++) {
      const n = countOf(text.slice(0, k));
      if (n >= previous) break;
      counts.push((previous = n));
    }
    if (counts.length === text.length) picked.push({ text, counts });
  }
  return picked;
}

const usersReady = `() => {
  const count = document.querySelector('[data-testid="worker-count"]');
  // The app says "15,000 workers" (or "N of 15,000 workers" when searching); the baseline
  // still says "1–25 of 15,000 workers".
  return !!count && (count.textContent.includes("of ${workers.length.toLocaleString("en-US")} workers") || count.textContent.trim() === "${workers.length.toLocaleString("en-US")} workers")
    && document.querySelectorAll("table.workers-table th[scope=row]").length === 25;
}`;

/** In the page: types each search string into the search box, one character per input
 * event, and times each keystroke from the event to the last DOM change it caused (the
 * count shows the expected number and nothing changes for 50 ms afterwards). */
async function typeSearches(page, typed) {
  return page.evaluate(async (typed) => {
    const input = document.querySelector("#worker-search");
    const count = document.querySelector('[data-testid="worker-count"]');
    const times = [];
    // The count as both pages write it: "of 1 worker", "of 15,000 workers".
    // The baseline: "1–25 of 1,234 workers"; the app: "1,234 of 15,000 workers", or
    // "15,000 workers" when nothing is hidden.
    const all = count.textContent.trim();
    const shows = (n) => (text) =>
      text.includes(`of ${n.toLocaleString("en-US")} worker${n === 1 ? "" : "s"}`) ||
      text.trim().startsWith(`${n.toLocaleString("en-US")} of `) ||
      (n === 15000 && text.trim() === all);
    const keystroke = (value, expected) =>
      new Promise((done, fail) => {
        let last = null;
        let seen = false;
        let quiet;
        const observer = new MutationObserver(() => {
          last = performance.now();
          if (!seen && count.isConnected && shows(expected)(count.textContent)) seen = true;
          if (seen) {
            clearTimeout(quiet);
            quiet = setTimeout(finish, 50);
          }
        });
        const finish = () => {
          observer.disconnect();
          clearTimeout(timeout);
          done({ total: last - t0, sync });
        };
        const timeout = setTimeout(() => {
          observer.disconnect();
          fail(new Error(`"${value}": the count never showed ${expected}: ${count.textContent}`));
        }, 20_000);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        input.value = value;
        const t0 = performance.now();
        input.dispatchEvent(new Event("input", { bubbles: true }));
        // The part done inside the event handler itself.
        const sync = performance.now() - t0;
      });
    for (const { text, counts } of typed) {
      for (let k = 1; k <= text.length; k++) times.push(await keystroke(text.slice(0, k), counts[k - 1]));
      await keystroke("", 15000);
    }
    return times;
  }, typed);
}

/** In the app's page: opens the palette with Ctrl+K (timed to the field shown: the index is
 * built then) and types each search string into it one character per input event, timing
 * each keystroke from the event to the last change of the results (quiet for 50 ms). */
async function typePalette(page, typed) {
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press("Control+k");
  await page.locator("#palette-search").waitFor();
  const opened = (await page.evaluate(() => performance.now())) - t0;
  const keys = await page.evaluate(async (typed) => {
    const input = document.querySelector("#palette-search");
    const results = document.querySelector("#palette-results");
    const keystroke = (value) =>
      new Promise((done) => {
        let last = null;
        let quiet;
        const observer = new MutationObserver(() => {
          last = performance.now();
          clearTimeout(quiet);
          quiet = setTimeout(finish, 50);
        });
        const finish = () => {
          observer.disconnect();
          done(last === null ? 0 : last - t0);
        };
        observer.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
        input.value = value;
        const t0 = performance.now();
        input.dispatchEvent(new Event("input", { bubbles: true }));
        quiet = setTimeout(finish, 50);
      });
    const times = [];
    for (const { text } of typed) {
      for (let k = 1; k <= text.length; k++) times.push(await keystroke(text.slice(0, k)));
      await keystroke("");
    }
    return times;
  }, typed);
  await page.keyboard.press("Escape");
  return { opened, keys };
}

async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  const wasm = await page.evaluate(() => window.__bench?.wasm?.memory?.buffer?.byteLength ?? null);
  return { js: usedSize, wasm };
}

/** Every load is measured from the network, as the baseline's is: the app's service worker
 * (which would answer repeat loads from its cache) is kept out. */
const NO_SERVICE_WORKER = { serviceWorkers: "block" };

async function scaleRun(browser, base) {
  const context = await browser.newContext(NO_SERVICE_WORKER);
  await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), ownerSid);
  // Load the scenario into the app's store, as the e2e test does, and wait until it is saved.
  const { page: loader } = await load(context, `${base}/data?scenario=scale`, `() => true`);
  await loader.getByTestId("banner-scenario-loaded").waitFor({ timeout: 120_000 });
  await loader.getByTestId("store-saved").filter({ hasText: "All changes saved" }).waitFor({ timeout: 120_000 });
  const afterLoad = await heap(loader);
  await loader.close();

  const typed = searches(3);
  const result = { app: [], baseline: [], appDom: [], baselineDom: [], appWasmStarted: [], appStoreRead: [], appStoreRestored: [], appKeys: [], baselineKeys: [], appKeysSync: [], baselineKeysSync: [], paletteOpen: [], paletteKeys: [] };
  const users = `/accounts/${flexAccount.sid}/flex/users`;
  let memory = { afterLoad };
  for (let i = 0; i < SCALE_LOADS; i++) {
    for (const [who, url] of [
      ["app", `${base}${users}`],
      ["baseline", `${base}/bench-baseline${users}`],
    ]) {
      const { page, mark, dom, wasmStarted, storeRead, storeRestored } = await load(context, url, usersReady);
      result[who].push(mark);
      result[who + "Dom"].push(dom);
      if (who === "app") {
        result.appWasmStarted.push(wasmStarted);
        result.appStoreRead.push(storeRead);
        result.appStoreRestored.push(storeRestored);
      }
      const keys = await typeSearches(page, typed);
      result[who + "Keys"].push(...keys.map((k) => k.total));
      result[who + "KeysSync"].push(...keys.map((k) => k.sync));
      if (who === "app") {
        const palette = await typePalette(page, typed);
        result.paletteOpen.push(palette.opened);
        result.paletteKeys.push(...palette.keys);
      }
      if (i === 0) memory[who] = await heap(page);
      await page.close();
    }
  }
  await context.close();
  return { ...result, memory, typed };
}

// ---------------------------------------------------------------- TaskRouter: which workers match
// Issue 26, item 7 (the browser's row): the queue form answers "which workers match" as its
// Queue Expression is typed, over the scale scenario's 15,000 workers. Each keystroke is timed
// from the input event to the last change it caused on the page (quiet for 50 ms).

/** The expressions typed, one character at a time, into the Create task queue form. */
const QUEUE_EXPRESSIONS = ["routing.skills HAS 'sales'", "routing.levels.support >= 7 AND routing.skills HAS 'spanish'"];

async function queueMatchKeystrokes(browser, base) {
  const context = await browser.newContext(NO_SERVICE_WORKER);
  await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), ownerSid);
  const { page: loader } = await load(context, `${base}/data?scenario=scale`, `() => true`);
  await loader.getByTestId("banner-scenario-loaded").waitFor({ timeout: 120_000 });
  await loader.getByTestId("store-saved").filter({ hasText: "All changes saved" }).waitFor({ timeout: 120_000 });
  await loader.close();
  const page = await context.newPage();
  await page.goto(`${base}/accounts/${flexAccount.sid}/taskrouter/queues`);
  await page.getByRole("button", { name: "Create task queue" }).click();
  const field = page.locator("#new-queue-expression");
  await field.waitFor();
  await page.locator('[data-testid="create-queue"] [data-testid="match-line"]').filter({ hasText: "15,000 workers match" }).waitFor({ timeout: 60_000 });
  const keys = await page.evaluate(async (typed) => {
    const input = document.querySelector("#new-queue-expression");
    const line = document.querySelector('[data-testid="create-queue"] [data-testid="match-line"]');
    const keystroke = (value) =>
      new Promise((done) => {
        let last = null;
        let quiet;
        const observer = new MutationObserver(() => {
          last = performance.now();
          clearTimeout(quiet);
          quiet = setTimeout(finish, 50);
        });
        const finish = () => {
          observer.disconnect();
          done({ ms: last === null ? performance.now() - 50 - t0 : last - t0, said: line.textContent });
        };
        observer.observe(line, { subtree: true, childList: true, characterData: true, attributes: true });
        input.value = value;
        const t0 = performance.now();
        input.dispatchEvent(new Event("input", { bubbles: true }));
        quiet = setTimeout(finish, 50);
      });
    const times = [];
    for (const text of typed) {
      for (let k = 1; k <= text.length; k++) times.push(await keystroke(text.slice(0, k)));
    }
    return times;
  }, QUEUE_EXPRESSIONS);
  await context.close();
  const last = keys[keys.length - 1].said;
  if (!/workers? match/.test(last)) throw new Error(`which workers match: the form said ${last}`);
  return keys.map((k) => k.ms);
}

/** The row it prints. */
function queueMatchRow(keys) {
  return [
    { measure: `scale: which workers match, queue form keystroke (15,000 workers), median of ${keys.length}`, appText: fmtMs(median(keys)), app: median(keys), target: "<= 16.7 ms (a frame)", met: median(keys) <= 16.7 },
    { measure: `  same, slowest keystroke`, appText: fmtMs(Math.max(...keys)), app: Math.max(...keys) },
  ];
}

// ---------------------------------------------------------------- an hour of demo traffic
// Issue 27, item 8 (the browser's rows): the state an hour of demo traffic leaves (made
// natively by bench/hour.rs, stepping as the store does, and loaded here as a scenario), then
// simulated traffic started on the Data page at 60 contacts a minute with the 50 simulated
// agents, and the Flex UI's queue stats watched for a real-time window while it runs: every
// frame's interval (requestAnimationFrame), the long tasks (PerformanceObserver), and in the
// second half, keystrokes in the palette's search box. Then what IndexedDB holds.

/** The state after an hour of traffic, as a scenario file (argument 4; bench/hour.rs writes it). */
const hourArg = serveOnly ? process.env.BENCH_HOUR : process.argv[5];
const hourScenario = hourArg ? JSON.parse(readFileSync(resolve(hourArg), "utf8")) : null;
/** The real-time window traffic is watched for, in seconds. */
const TRAFFIC_SECONDS = Number(process.env.BENCH_TRAFFIC_SECONDS ?? 60);
/** What is typed into the palette, a character every TYPE_EVERY ms, in the window's second half. */
const PALETTE_WORDS = ["hannah", "support", "globex", "queue", "agent 2"];
const TYPE_EVERY = 400;

/** Bytes IndexedDB holds for the app: each object store's values (text as UTF-8) and keys. */
async function storedBytes(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open("flex-console");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const utf8 = new TextEncoder();
    const size = (v) => utf8.encode(typeof v === "string" ? v : JSON.stringify(v)).length;
    const out = {};
    for (const name of db.objectStoreNames) {
      out[name] = await new Promise((ok, fail) => {
        const tx = db.transaction(name, "readonly");
        const values = tx.objectStore(name).getAll();
        const keys = tx.objectStore(name).getAllKeys();
        tx.oncomplete = () =>
          ok({ count: values.result.length, bytes: values.result.reduce((a, v) => a + size(v), 0) + keys.result.reduce((a, k) => a + size(k), 0) });
        tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
    return out;
  });
}

/** In the page: every frame's interval (requestAnimationFrame) and the long tasks
 * (PerformanceObserver) for `seconds`, and the queue stats tiles before and after. */
async function watchFrames({ seconds }) {
  const frames = [];
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: "longtask" });
  const tiles = () => document.querySelector('[data-testid="queue-tiles"]')?.innerText.replace(/\s+/g, " ");
  const first = tiles();
  const end = performance.now() + seconds * 1000;
  let last = 0;
  await new Promise((done) => {
    const frame = (t) => {
      frames.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(frame);
      else done();
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(frame);
    });
  });
  observer.disconnect();
  return { frames, longTasks, first, after: tiles() };
}

async function trafficHour(browser, base) {
  const users = Object.entries(hourScenario.console.users);
  const [james] = users.find(([, u]) => u.email === "james.chen@example.com");
  const globex = Object.values(hourScenario.console.accounts).find((a) => a.friendly_name === "Globex Contact Center");
  const tasksAtLoad = Object.keys(globex.flex.workspace.tasks).length;
  const context = await browser.newContext(NO_SERVICE_WORKER);
  await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), james);
  const { page } = await load(context, `${base}/data?scenario=bench-hour`, `() => true`);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.getByTestId("banner-scenario-loaded").waitFor({ timeout: 120_000 });
  await page.getByTestId("store-saved").filter({ hasText: "All changes saved" }).waitFor({ timeout: 120_000 });
  const atLoad = await storedBytes(page);

  // To the Flex UI without loading a page (simulated traffic runs in the tab that started
  // it): Log in with Console, then the rail's Queue stats.
  const follow = (href) =>
    page.evaluate((href) => {
      const a = document.createElement("a");
      a.href = href;
      document.body.append(a);
      a.click();
      a.remove();
    }, href);
  const queueStats = async () => {
    await follow(`/accounts/${globex.sid}/flex`);
    await page.getByRole("button", { name: "Log in with Console" }).click();
    await page.getByRole("navigation", { name: "Flex" }).getByRole("link", { name: "Queue stats" }).click();
    await page.getByRole("heading", { level: 1, name: "Queue stats" }).waitFor();
  };
  // The control: the same page an hour in with no traffic running (the clock still deletes
  // the tasks that ended), so what the traffic costs shows apart from what the page costs.
  await queueStats();
  const control = await page.evaluate(watchFrames, { seconds: TRAFFIC_SECONDS / 3 });

  // Start the traffic as a presenter does: Globex, 60 a minute, every agent listed simulated.
  await follow("/data");
  const section = page.getByRole("region", { name: "Simulated traffic" });
  await section.getByLabel("Account").selectOption(globex.sid);
  await section.getByLabel("Contacts a minute").fill("60");
  const boxes = section.locator("fieldset.traffic-agents input[type=checkbox]");
  const agents = await boxes.count();
  for (let i = 0; i < agents; i++) await boxes.nth(i).check();
  await section.getByRole("button", { name: "Start traffic" }).click();
  await section.getByTestId("traffic-status").waitFor();
  await follow(`/flex/${globex.sid}/queues`);
  await page.getByRole("heading", { level: 1, name: "Queue stats" }).waitFor();

  // The first half: queue stats alone, following the traffic.
  const seen = await page.evaluate(watchFrames, { seconds: TRAFFIC_SECONDS / 2 });
  // The second half, with keystrokes: the palette opened over queue stats.
  await page.keyboard.press("Control+k");
  await page.locator("#palette-search").waitFor();
  const typed = await page.evaluate(
    async ({ seconds, words, every }) => {
      const frames = [];
      const longTasks = [];
      const keys = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks.push(e.duration);
      });
      observer.observe({ type: "longtask" });
      const input = document.querySelector("#palette-search");
      const results = document.querySelector("#palette-results");
      const keystroke = (value) =>
        new Promise((done) => {
          let lastChange = null;
          let quiet;
          const mo = new MutationObserver(() => {
            lastChange = performance.now();
            clearTimeout(quiet);
            quiet = setTimeout(finish, 50);
          });
          const finish = () => {
            mo.disconnect();
            done(lastChange === null ? null : lastChange - t0);
          };
          mo.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
          input.value = value;
          const t0 = performance.now();
          input.dispatchEvent(new Event("input", { bubbles: true }));
          quiet = setTimeout(finish, 50);
        });
      const end = performance.now() + seconds * 1000;
      let last = performance.now();
      let running = true;
      const framesDone = new Promise((done) => {
        const frame = (t) => {
          frames.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(frame);
          else {
            running = false;
            done();
          }
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(frame);
        });
      });
      outer: for (let w = 0; ; w = (w + 1) % words.length) {
        for (const value of [...Array(words[w].length).keys()].map((k) => words[w].slice(0, k + 1)).concat([""])) {
          if (!running) break outer;
          const ms = await keystroke(value);
          if (ms !== null) keys.push(ms);
          await new Promise((ok) => setTimeout(ok, every));
        }
      }
      await framesDone;
      observer.disconnect();
      return { frames, longTasks, keys };
    },
    { seconds: TRAFFIC_SECONDS / 2, words: PALETTE_WORDS, every: TYPE_EVERY },
  );
  await page.keyboard.press("Escape");
  const status = await follow(`/data`).then(() => page.getByTestId("traffic-status").textContent({ timeout: 30_000 }));
  await page.getByTestId("store-saved").filter({ hasText: "All changes saved" }).waitFor({ timeout: 120_000 });
  const atEnd = await storedBytes(page);
  await context.close();
  if (errors.length) throw new Error(`traffic: ${errors.join("; ")}`);
  return {
    agents,
    tasksAtLoad,
    control,
    frames: [...seen.frames, ...typed.frames],
    longTasks: [...seen.longTasks, ...typed.longTasks],
    keys: typed.keys,
    tiles: { first: seen.first, after: seen.after },
    status,
    stored: { atLoad, atEnd },
  };
}

/** The rows it prints. */
function trafficRows(t) {
  const frames = [...t.frames].sort((a, b) => a - b);
  const p95 = frames[Math.min(frames.length - 1, Math.floor(frames.length * 0.95))];
  const max = frames[frames.length - 1];
  const over = frames.filter((f) => f > 16.7 * 1.5).length;
  const longest = t.longTasks.length ? Math.max(...t.longTasks) : 0;
  const keyMedian = median(t.keys);
  const keyMax = Math.max(...t.keys);
  const kb = (s) => (s ? s.bytes : 0);
  const state = (s) => kb(s.snapshot) + kb(s.log);
  const frame = "<= 16.7 ms (a frame)";
  const control = [...t.control.frames].sort((a, b) => a - b);
  const controlP95 = control[Math.min(control.length - 1, Math.floor(control.length * 0.95))];
  const controlLong = t.control.longTasks.length ? Math.max(...t.control.longTasks) : 0;
  return [
    { measure: `traffic, hour in, ${t.agents} simulated agents, 60 a minute, queue stats for ${TRAFFIC_SECONDS} s: frame interval p95 (${frames.length} frames)`, appText: fmtMs(p95), app: p95, target: frame, met: p95 <= 16.7 * 1.05 },
    { measure: `  same, longest frame (frames over 25 ms: ${over})`, appText: fmtMs(max), app: max, target: frame, met: max <= 16.7 * 1.05 },
    { measure: `  long tasks (over 50 ms): count / longest`, appText: `${t.longTasks.length} / ${fmtMs(longest)}`, app: t.longTasks.length },
    { measure: `  palette keystroke to results while it runs, median of ${t.keys.length}`, appText: fmtMs(keyMedian), app: keyMedian, target: frame, met: keyMedian <= 16.7 },
    { measure: `  same, slowest keystroke`, appText: fmtMs(keyMax), app: keyMax, target: frame, met: keyMax <= 16.7 },
    { measure: `  control, no traffic (${TRAFFIC_SECONDS / 3} s): frame p95 / longest / long tasks, longest`, appText: `${fmtMs(controlP95)} / ${fmtMs(control[control.length - 1])} / ${t.control.longTasks.length}, ${fmtMs(controlLong)}`, app: controlP95 },
    { measure: `  stored after the hour (IndexedDB snapshot + log: ${t.stored.atLoad.log?.count ?? 0} entries)`, appText: fmtKB(state(t.stored.atLoad)), app: state(t.stored.atLoad) },
    { measure: `  stored after the window (snapshot + log: ${t.stored.atEnd.log?.count ?? 0} entries)`, appText: fmtKB(state(t.stored.atEnd)), app: state(t.stored.atEnd) },
  ];
}

// ---------------------------------------------------------------- table

function commandFigures() {
  try {
    return JSON.parse(readFileSync(commandsArg, "utf8"));
  } catch (e) {
    console.error(`bench: no native per-command figures (${e.message})`);
    return null;
  }
}

const fmtMs = (x) => (x == null ? "" : `${x.toFixed(1)} ms`);
const fmtKB = (x) => (x == null ? "" : `${(x / 1024).toFixed(1)} KB`);
const fmtMB = (x) => (x == null ? "" : `${(x / 1024 / 1024).toFixed(1)} MB`);
const fmtNs = (x) => (x == null ? "" : x >= 10_000 ? `${(x / 1000).toFixed(1)} µs` : `${Math.round(x)} ns`);

function table(rows) {
  const heads = ["measure", "app", "baseline", "ratio", "target", "met?"];
  const cells = rows.map((r) => [
    r.measure,
    r.appText ?? "",
    r.baselineText ?? "",
    r.ratio == null ? "" : `${r.ratio.toFixed(2)}x`,
    r.target ?? "",
    r.met == null ? "" : r.met ? "yes" : "NO",
  ]);
  const widths = heads.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => "| " + c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(" | ") + " |";
  const divider = "|" + widths.map((w, i) => (i === 0 ? ":" + "-".repeat(w + 1) : "-".repeat(w + 1) + ":")).join("|") + "|";
  return [line(heads), divider, ...cells.map(line)].join("\n");
}

async function main() {
  const started = Date.now();
  const size = sizes();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
  });
  let start, sc, lh, visit, queueKeys, traffic;
  try {
    if (hourScenario) {
      console.log(`bench: an hour of demo traffic in, then ${TRAFFIC_SECONDS} s of it live on the Flex UI's queue stats`);
      traffic = await trafficHour(browser, base);
      if (process.env.BENCH_ONLY === "traffic") {
        console.log(`\n${table(trafficRows(traffic))}\n`);
        console.log(JSON.stringify({ ...traffic, frames: undefined, keys: undefined }, null, 2));
        return;
      }
    }
    console.log(`bench: startup, ${LOADS} fresh loads each of the app and the baseline`);
    start = await startup(browser, base);
    console.log(`bench: the first visit to a lazily loaded page, ${VISITS} fresh contexts`);
    visit = await lazyVisit(browser, base);
    console.log(`bench: scale scenario, ${SCALE_LOADS} loads each of the Flex users page`);
    sc = await scaleRun(browser, base);
    console.log("bench: scale scenario, which workers match as a Queue Expression is typed");
    queueKeys = await queueMatchKeystrokes(browser, base);
  } finally {
    await browser.close();
    server.close();
  }
  console.log("bench: Lighthouse, mobile and desktop presets, the app and the baseline served as a CDN would");
  const cdn = await serve({ cdn: true });
  try {
    const at = `http://127.0.0.1:${cdn.address().port}`;
    lh = await lighthouse.audit({ app: `${at}/`, baseline: `${at}/bench-baseline/` }, process.env.CHROMIUM ?? "/usr/bin/chromium");
  } finally {
    cdn.close();
  }
  const commands = commandFigures();

  const rows = [];
  for (const ext of ["wasm", "js", "css", "html"]) {
    const s = size[ext];
    if (!s) continue;
    rows.push({ measure: `size ${ext} (raw / gzip -9 / brotli -q 11)`, appText: `${fmtKB(s.raw)} / ${fmtKB(s.gzip)} / ${fmtKB(s.brotli)}`, value: s });
  }
  // The baseline's bytes: its page with the demo in it, and the app's stylesheet it uses.
  const baselineBytes = [baselineHtml, readFileSync(join(here, "baseline/baseline.js")), readFileSync(join(dist, appCss))]
    .map((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)
    .reduce((a, b) => a + b, 0);
  rows.push({
    measure: "first screen downloads (index.html and what it names), brotli (raw / gzip -9 / brotli)",
    appText: `${fmtKB(size.firstScreen.raw)} / ${fmtKB(size.firstScreen.gzip)} / ${fmtKB(size.firstScreen.brotli)}`,
    baselineText: fmtKB(baselineBytes),
    ratio: size.firstScreen.brotli / baselineBytes,
    target: "<= 200 KB brotli",
    met: size.firstScreen.brotli <= 200 * 1024,
    value: size.firstScreen,
  });
  rows.push({
    measure: "the whole app, every piece, brotli (raw / gzip -9 / brotli)",
    appText: `${fmtKB(size.total.raw)} / ${fmtKB(size.total.gzip)} / ${fmtKB(size.total.brotli)}`,
    baselineText: fmtKB(baselineBytes),
    ratio: size.total.brotli / baselineBytes,
    value: size.total,
  });
  const ratioRow = (measure, app, baseline, target, limit, fmt = fmtMs) => {
    const ratio = app / baseline;
    return { measure, app, baseline, appText: fmt(app), baselineText: fmt(baseline), ratio, target, met: limit == null ? null : ratio <= limit };
  };
  rows.push(ratioRow(`startup to first screen, median of ${LOADS} (mark)`, median(start.app), median(start.baseline), "<= 1.5x", 1.5));
  rows.push(ratioRow(`  same, DOM observed`, median(start.appDom), median(start.baselineDom), "", null));
  const firstVisit = median(visit.first);
  const loadedVisit = median(visit.loaded);
  rows.push({
    measure: `first visit to a lazily loaded page (click to page), median of ${VISITS}`,
    appText: `${fmtMs(firstVisit)} (+${fmtMs(firstVisit - loadedVisit)})`,
    app: firstVisit,
    target: "<= +150 ms",
    met: firstVisit - loadedVisit <= 150,
  });
  rows.push({ measure: `  same page, its piece already loaded`, appText: fmtMs(loadedVisit), app: loadedVisit });
  rows.push(ratioRow(`scale: Flex users page load, median of ${SCALE_LOADS} (mark)`, median(sc.app), median(sc.baseline), "<= 1.5x", 1.5));
  rows.push(ratioRow(`  same, DOM observed`, median(sc.appDom), median(sc.baselineDom), "", null));
  rows.push(ratioRow(`scale: search keystroke, median of ${sc.appKeys.length}`, median(sc.appKeys), median(sc.baselineKeys), "<= 1.5x", 1.5));
  rows.push(ratioRow(`  same, slowest keystroke`, Math.max(...sc.appKeys), Math.max(...sc.baselineKeys), "", null));
  // The palette has no counterpart in the baseline: the app's own figures, against a frame.
  rows.push({ measure: `scale: palette opened (index built), median of ${sc.paletteOpen.length}`, appText: fmtMs(median(sc.paletteOpen)), app: median(sc.paletteOpen) });
  rows.push({ measure: `scale: palette keystroke to results, median of ${sc.paletteKeys.length}`, appText: fmtMs(median(sc.paletteKeys)), app: median(sc.paletteKeys), target: "<= 16.7 ms (a frame)", met: median(sc.paletteKeys) <= 16.7 });
  rows.push({ measure: `  same, slowest keystroke`, appText: fmtMs(Math.max(...sc.paletteKeys)), app: Math.max(...sc.paletteKeys) });
  rows.push(...queueMatchRow(queueKeys));
  if (commands) {
    const at = (n) => commands.rows.filter((r) => r.workers === n);
    const [small, large] = commands.workers;
    const mean = (rs, k) => rs.reduce((a, r) => a + r[k], 0) / rs.length;
    for (const [what, key] of [["apply", "apply_median_ns"], ["save (log entry JSON)", "save_median_ns"]]) {
      const row = ratioRow(`per command ${what}, mean of medians: ${large} vs ${small} workers`, mean(at(large), key), mean(at(small), key), "<= 2x", 2, fmtNs);
      rows.push(row);
      let worst = null;
      for (const r of at(large)) {
        const s = at(small).find((x) => x.command === r.command);
        const ratio = r[key] / s[key];
        if (!worst || ratio > worst.ratio) worst = { ...ratioRow(`  worst: ${r.command}`, r[key], s[key], "<= 2x", 2, fmtNs) };
      }
      rows.push(worst);
    }
  }
  if (traffic) rows.push(...trafficRows(traffic));
  rows.push(...lighthouse.rows(lh));
  const m = sc.memory;
  rows.push({ measure: "memory after loading scale: JS heap / wasm memory", appText: `${fmtMB(m.afterLoad.js)} / ${fmtMB(m.afterLoad.wasm)}` });
  rows.push({
    measure: "memory on the scale Flex users page: JS heap + wasm",
    appText: `${fmtMB(m.app.js)} + ${fmtMB(m.app.wasm)}`,
    baselineText: fmtMB(m.baseline.js),
    ratio: (m.app.js + (m.app.wasm ?? 0)) / m.baseline.js,
  });

  const printed = table(rows);
  console.log(`\n${printed}\n`);
  console.log(
    `where the app's time goes (medians): startup: wasm downloaded at ${fmtMs(median(start.appWasmLoaded))}, ` +
      `instantiated (main started) at ${fmtMs(median(start.appWasmStarted))}, saved state ready at ${fmtMs(median(start.appStoreRestored))}, ` +
      `first screen at ${fmtMs(median(start.app))}; ` +
      `scale page: main started at ${fmtMs(median(sc.appWasmStarted))}, saved state read at ${fmtMs(median(sc.appStoreRead))}, ` +
      `made into the Console at ${fmtMs(median(sc.appStoreRestored))}, page at ${fmtMs(median(sc.app))}; ` +
      `keystroke: ${fmtMs(median(sc.appKeysSync))} inside the input handler of ${fmtMs(median(sc.appKeys))} ` +
      `(baseline ${fmtMs(median(sc.baselineKeysSync))} of ${fmtMs(median(sc.baselineKeys))})\n`,
  );
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version },
    seconds: Math.round((Date.now() - started) / 1000),
    sizes: size,
    startup_ms: start,
    lazy_visit_ms: visit,
    scale_ms: { ...sc, memory: undefined, queueMatchKeys: queueKeys },
    traffic: traffic ?? null,
    memory_bytes: sc.memory,
    lighthouse: lh,
    commands,
    table: rows.map(({ value, ...r }) => r),
  };
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + "\n");
  console.log(`bench: wrote ${resultsPath}`);
}

if (serveOnly) {
  const server = await serve({ cdn: process.env.BENCH_CDN === "1", port: Number(commandsArg ?? 4190) });
  const at = `http://127.0.0.1:${server.address().port}`;
  console.log(`app at ${at}/, baseline at ${at}/bench-baseline/`);
} else main().catch((e) => {
  console.error(e);
  process.exit(1);
});
