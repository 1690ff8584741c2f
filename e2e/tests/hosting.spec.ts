// Deploy anywhere: the one dist/ on hosts that rewrite unknown paths and on hosts that do not
// (GitHub Pages: 404.html, status 404), at / and at a sub-path the build never named; offline
// after the first visit; under a strict Content-Security-Policy; and a newer build announced.
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { DEPLOY_DIR, DEPLOY_URL, HOSTS } from "../playwright.config";
import { expect, slowed, test, type Console } from "./console";

/** Records every Content-Security-Policy violation the page reports. */
async function watchPolicy(console: Console) {
  await console.page.addInitScript(() => {
    (window as any).violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as any).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}
const violations = (console: Console) => console.page.evaluate(() => (window as any).violations as string[]);

/** Waits until a service worker controls the page (it installs on the first visit). */
async function controlled(console: Console) {
  await console.page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, {
    timeout: slowed(15_000),
  });
}

for (const host of HOSTS) {
  test(`${host.name}: sign in, deep links, reload, a new tab, offline, the policy`, async ({ browser, console, context, page }) => {
    await watchPolicy(console);
    // Sign in and open a deep page by clicking, as a person does.
    await page.goto(host.url);
    await page.getByRole("button", { name: /^Maria Garcia/ }).click();
    await expect(page).toHaveURL(new RegExp(`${host.url}accounts$`));
    await page.getByRole("main").getByRole("link", { name: "Acme Support", exact: true }).click();
    await console.navigation.getByRole("link", { name: "Flex users" }).click();
    await expect(console.heading("Flex users")).toBeVisible();
    const deep = page.url();
    expect(deep).toMatch(new RegExp(`^${host.url}accounts/AC[0-9a-f]{32}/flex/users$`));

    // The deep link opened by a browser that never visited (no service worker yet): the host
    // answers with index.html, or with 404.html and status 404, and either starts the app there.
    const fresh = await browser.newContext();
    const first = await fresh.newPage();
    const response = await first.goto(deep);
    expect(response?.status()).toBe(host.name.includes("GitHub") ? 404 : 200);
    await expect(first.getByRole("heading", { name: "Sign in to continue" })).toBeVisible();
    await fresh.close();

    // A reload of the deep page starts the app at that page.
    await page.reload();
    await expect(console.heading("Flex users")).toBeVisible();

    // The same page in a new tab: signed out there, so it offers sign-in and comes back.
    const tab = await context.newPage();
    await tab.goto(deep);
    await expect(tab.getByRole("heading", { name: "Sign in to continue" })).toBeVisible();
    await tab.getByRole("link", { name: "Sign in as a Console user" }).click();
    await expect(tab.getByTestId("sign-in-returns")).toBeVisible();
    await tab.getByRole("button", { name: /^Priya Patel/ }).click();
    await expect(tab).toHaveURL(deep);
    await expect(tab.getByRole("heading", { level: 1, name: "Flex users" })).toBeVisible();
    await tab.close();

    // Offline after the first visit: the service worker answers every page.
    await controlled(console);
    await context.setOffline(true);
    await page.reload();
    await expect(console.heading("Flex users")).toBeVisible();
    await console.navigation.getByRole("link", { name: "Manage users" }).click();
    await expect(console.heading("Manage users")).toBeVisible();
    await page.goto(host.url + "data");
    await expect(console.heading("Data")).toBeVisible();
    // What is not a page of the app is not answered with the app (someone else's pages).
    const elsewhere = await context.newPage();
    await expect(elsewhere.goto(host.url + "elsewhere/page")).rejects.toThrow();
    await elsewhere.close();
    await context.setOffline(false);

    // The policy is the build's, strict, and nothing broke it.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(await violations(console)).toEqual([]);
  });
}

test("an injected inline script is blocked by the policy", async ({ console, page }) => {
  await watchPolicy(console);
  await console.open("/");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true;";
    document.body.append(script);
  });
  await expect.poll(() => violations(console)).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
  expect(await page.evaluate(() => (window as any).injected)).toBeUndefined();
  // The browser reports the blocked script as an error; that is the point here.
  console.errors.length = 0;
});

test("a new build deployed over the old one says a new version is ready, and Reload takes it", async ({ console, page }) => {
  await rm(DEPLOY_DIR, { recursive: true, force: true });
  await cp("../dist", DEPLOY_DIR, { recursive: true });
  await page.goto(DEPLOY_URL);
  await expect(console.heading("Sign in to the Console")).toBeVisible();
  await controlled(console);
  // A newer build: every build's service worker carries its own version.
  const sw = `${DEPLOY_DIR}/sw.js`;
  const old = await readFile(sw, "utf8");
  const version = old.match(/const VERSION = "([0-9a-f]+)"/)![1];
  await writeFile(sw, old.replace(`const VERSION = "${version}"`, 'const VERSION = "a-newer-build"'));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
  const banner = page.getByTestId("update-banner");
  await expect(banner).toContainText("A new version of Flex Console is ready.");
  await banner.getByRole("button", { name: "Reload" }).click();
  await expect(banner).toHaveCount(0);
  await expect(console.heading("Sign in to the Console")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => caches.keys()))
    .toEqual(["flex-console-a-newer-build"]);
});
