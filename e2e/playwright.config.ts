// End-to-end tests run against the release builds, served as plain static files: the one
// dist/ at the root and under a sub-path it was not built for, by a host that rewrites unknown
// paths to index.html and by one that does not (GitHub Pages: 404.html, status 404); and
// dist-console/ (built with --public-url /console/) under /console/.
import { defineConfig } from "@playwright/test";

// The first of six ports in a row; E2E_PORT_BASE moves them, so two checkouts can run their
// tests side by side on one machine.
const PORT = Number(process.env.E2E_PORT_BASE ?? 4173);
const port = (n: number) => PORT + n;
export const ROOT_URL = `http://127.0.0.1:${port(0)}`;
export const SUB_PATH_URL = `http://127.0.0.1:${port(1)}/console/`;
/** The hosts the same dist/ is served by, for tests/hosting.spec.ts. */
export const HOSTS = [
  { name: "a rewriting host at /", url: `http://127.0.0.1:${port(0)}/` },
  { name: "a rewriting host at a sub-path", url: `http://127.0.0.1:${port(2)}/team/demo/console/` },
  { name: "a GitHub-Pages-like host at /", url: `http://127.0.0.1:${port(3)}/` },
  { name: "a GitHub-Pages-like host at a sub-path", url: `http://127.0.0.1:${port(4)}/team/demo/console/` },
];
/** A host whose files a test replaces with a newer build (tests/hosting.spec.ts). */
export const DEPLOY_DIR = ".deployed";
export const DEPLOY_URL = `http://127.0.0.1:${port(5)}/`;

/** E2E_CPU_THROTTLE=N runs every page N times slower (tests/console.ts; docs/testing.md): each
 * wait still waits for what a person would see, and gives up only N times later. */
const CPU_RATE = Number(process.env.E2E_CPU_THROTTLE ?? 1);

export default defineConfig({
  testDir: "tests",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: "list",
  timeout: 30_000 * CPU_RATE,
  expect: { timeout: 5_000 * CPU_RATE },
  use: {
    baseURL: ROOT_URL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: no browser is downloaded on these machines.
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    { command: `node serve.mjs ../dist ${port(0)} /`, url: ROOT_URL, reuseExistingServer: false },
    { command: `node serve.mjs ../dist-console ${port(1)} /console/`, url: SUB_PATH_URL, reuseExistingServer: false },
    { command: `node serve.mjs ../dist ${port(2)} /team/demo/console/`, url: HOSTS[1].url, reuseExistingServer: false },
    { command: `node serve.mjs ../dist ${port(3)} / --no-rewrite`, url: HOSTS[2].url, reuseExistingServer: false },
    { command: `node serve.mjs ../dist ${port(4)} /team/demo/console/ --no-rewrite`, url: HOSTS[3].url, reuseExistingServer: false },
    { command: `node serve.mjs ${DEPLOY_DIR} ${port(5)} / --no-rewrite`, port: port(5), reuseExistingServer: false },
  ],
});
