// Lighthouse's view of the first screen, for `cargo xtask bench` (bench/run.mjs): the app's
// sign-in page and the baseline's, served as a CDN would (brotli, hashed files cached for a
// year), each audited in Lighthouse's mobile preset (simulated slow 4G, 4x slower CPU) and
// its desktop preset. Lighthouse is pinned in bench/package.json (12.2.3: the last to run on
// Node 20); it drives Debian's Chromium through chrome-launcher, its own dependency.

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "package.json"));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

/** Runs per preset and page; the median is reported (Lighthouse's simulation varies little). */
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** What one audit says of a page. */
function figures(lhr) {
  const value = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    bytes: value("total-byte-weight"),
  };
}

/** Audits `pages` ({ app, baseline } URLs) in both presets; returns, per preset and page,
 * every run's figures. */
export async function audit(pages, chromePath) {
  const { default: lighthouse } = await load("lighthouse");
  const { default: desktop } = await load("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await load("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const runs = {};
  try {
    for (const [preset, config] of [
      ["mobile", undefined],
      ["desktop", desktop],
    ]) {
      for (let i = 0; i < RUNS; i++) {
        // Alternate the two pages, so both see the same machine.
        for (const [who, url] of Object.entries(pages)) {
          const result = await lighthouse(
            url,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] },
            config,
          );
          ((runs[preset] ??= {})[who] ??= []).push(figures(result.lhr));
        }
      }
    }
  } finally {
    await chrome.kill();
  }
  return runs;
}

const ms = (x) => (x == null ? "" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const kb = (x) => (x == null ? "" : `${(x / 1024).toFixed(1)} KB`);

/** The bench table's rows for what [`audit`] returned: the medians side by side, with the
 * targets (mobile largest paint at most 1.5x the baseline's, performance at least 95). */
export function rows(runs) {
  const out = [];
  for (const [preset, pages] of Object.entries(runs)) {
    const m = (who, key) => median(pages[who].map((r) => r[key]));
    const row = (label, key, fmt, target, met) => {
      const app = m("app", key);
      const baseline = m("baseline", key);
      return {
        measure: `lighthouse ${preset}: ${label}, median of ${pages.app.length}`,
        app,
        baseline,
        appText: fmt(app),
        baselineText: fmt(baseline),
        // A score is not a cost: no ratio for it.
        ratio: key !== "score" && baseline ? app / baseline : null,
        target,
        met: met == null ? null : met(app, baseline),
      };
    };
    out.push(row("performance score", "score", String, ">= 95", (a) => a >= 95));
    out.push(row("first contentful paint", "fcp", ms));
    out.push(
      row("largest contentful paint", "lcp", ms, preset === "mobile" ? "<= 1.5x" : "", preset === "mobile" ? (a, b) => a <= 1.5 * b : null),
    );
    out.push(row("total blocking time", "tbt", ms));
    out.push(row("bytes transferred", "bytes", kb));
  }
  return out;
}
