// End-to-end tests run against the release builds, served as plain static files:
// dist/ at the root, and dist-console/ (built with --public-url /console/) under /console/.
import { defineConfig } from "@playwright/test";

export const ROOT_URL = "http://127.0.0.1:4173";
export const SUB_PATH_URL = "http://127.0.0.1:4174/console/";

export default defineConfig({
  testDir: "tests",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: "list",
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
    { command: "node serve.mjs ../dist 4173 /", url: ROOT_URL, reuseExistingServer: false },
    { command: "node serve.mjs ../dist-console 4174 /console/", url: SUB_PATH_URL, reuseExistingServer: false },
  ],
});
