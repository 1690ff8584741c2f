// The in-browser store, end to end: persistence, two tabs, scenarios, export and import.
// State changes go through the Data page ("Add a sample account" as the signed-in user).
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, slowed, test } from "./console";

const DEMO = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
const DEMO_ACCOUNTS = Object.keys(DEMO.console.accounts).length;
const MARIA = Object.entries(DEMO.console.users as Record<string, { email: string }>).find(
  ([, user]) => user.email === "maria.garcia@example.com",
)![0];

/** Signs Maria in for every tab of the context (the session is per tab). */
async function signIn(context: BrowserContext) {
  await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), MARIA);
}

const accounts = (page: Page) => page.getByTestId("store-accounts");

async function addSampleAccount(page: Page) {
  await page.getByRole("button", { name: "Add a sample account" }).click();
}

test("a change survives a reload", async ({ console, context }) => {
  await signIn(context);
  await console.open("/data");
  await expect(console.heading("Data")).toBeVisible();
  await expect(accounts(console.page)).toHaveText(String(DEMO_ACCOUNTS));
  await addSampleAccount(console.page);
  await expect(accounts(console.page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  await expect(console.page.getByTestId("store-saved")).toHaveText("All changes saved");
  await console.page.reload();
  await expect(accounts(console.page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  await expect(console.page.getByTestId("store-revision")).toHaveText("1");
});

test("two tabs see each other's changes and lose none", async ({ console, context }) => {
  await signIn(context);
  const a = console.page;
  await console.open("/data");
  const b = await context.newPage();
  await b.goto("/data");
  await expect(accounts(b)).toHaveText(String(DEMO_ACCOUNTS));

  await addSampleAccount(a);
  await expect(accounts(b)).toHaveText(String(DEMO_ACCOUNTS + 1));

  // Both act at once: both changes are kept, in both tabs.
  await Promise.all([addSampleAccount(a), addSampleAccount(b)]);
  for (const page of [a, b]) {
    await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 3));
    await expect(page.getByTestId("store-revision")).toHaveText("3");
  }
  await b.reload();
  await expect(accounts(b)).toHaveText(String(DEMO_ACCOUNTS + 3));
});

test.describe(() => {
  // The test holds the file back with page.route, which a service worker's own fetch would
  // pass by: the worker is kept out here (hosting.spec.ts tests it).
  test.use({ serviceWorkers: "block" });

  test("?scenario=scale loads the scale scenario, showing progress", async ({ console }) => {
    // The 8 MB scenario is read, written and read back after the reload: like the other tests
    // of the scale scenario, it is given the time that takes on a busy machine.
    test.setTimeout(slowed(180_000));
    // Hold the file back until the loading indicator has been seen.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await console.page.route("**/scenarios/scale.json", async (route) => {
      await released;
      await route.continue();
    });
    await console.open("/data?scenario=scale");
    await expect(console.page.getByTestId("banner-scenario-loading")).toContainText("Loading scenario “scale”");
    release();
    // Said only once written: a reload right after finds it.
    await expect(console.page.getByTestId("banner-scenario-loaded")).toBeVisible({ timeout: slowed(90_000) });
    await expect(accounts(console.page)).toHaveText("1,000");
    await expect(console.page.getByTestId("store-workers")).toHaveText("15,000");
    await expect(console.page).not.toHaveURL(/scenario=/);
    await console.page.reload();
    await expect(accounts(console.page)).toHaveText("1,000", { timeout: slowed(60_000) });
    await expect(console.page.getByTestId("banner-scenario-loading")).toHaveCount(0);
  });
});

test("?scenario=missing shows an error and leaves the data as it was", async ({ console }) => {
  await console.open("/data?scenario=missing");
  const error = console.page.getByTestId("banner-scenario-error");
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute("role", "alert");
  await expect(error).toContainText("scenarios/missing.json");
  await expect(error).toContainText("404");
  await expect(error).toContainText("unchanged");
  await expect(accounts(console.page)).toHaveText(String(DEMO_ACCOUNTS));
  // The browser logs the failed request itself; that is the expected 404, not an app error.
  console.errors.splice(0, console.errors.length, ...console.errors.filter((e) => !e.includes("404")));
});

test("an export imports back", async ({ console, context }) => {
  await signIn(context);
  const page = console.page;
  await console.open("/data");
  await addSampleAccount(page);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export data" }).click(),
  ]);
  const exported = readFileSync((await download.path())!, "utf8");
  expect(JSON.parse(exported)).toMatchObject({ format: 1, name: "export" });

  await addSampleAccount(page);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 2));
  await page.getByLabel("Scenario or export file (JSON)").setInputFiles({
    name: "flex-console-export.json",
    mimeType: "application/json",
    buffer: Buffer.from(exported),
  });
  const dialog = page.getByRole("dialog", { name: "Replace all data?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Replace data" }).click();
  await expect(dialog).toBeHidden();
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  await expect(page.getByTestId("store-saved")).toHaveText("All changes saved");
});

test("importing a bad file names the bad field and changes nothing", async ({ console }) => {
  const page = console.page;
  await console.open("/data");
  const bad = structuredClone(DEMO);
  bad.console.users[MARIA].email = "not an email";
  await page.getByLabel("Scenario or export file (JSON)").setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const error = page.getByTestId("import-error");
  await expect(error).toContainText(`console.users.${MARIA}.email`);
  await expect(error).toContainText("nothing changed");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS));
});

test("a reset asks first, and Escape cancels it", async ({ console, context }) => {
  await signIn(context);
  const page = console.page;
  await console.open("/data");
  await addSampleAccount(page);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  const reset = page.getByRole("button", { name: "Reset data…" });
  await reset.click();
  const dialog = page.getByRole("dialog", { name: "Replace all data?" });
  await expect(dialog).toContainText("demo");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  await reset.click();
  await dialog.getByRole("button", { name: "Replace data" }).click();
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS));
});
