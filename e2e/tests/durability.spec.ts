// Nothing a presenter does loses data: a scenario link asks before replacing work, every
// replaced state is a restore point (across reloads and tabs), and a tab closed in the middle
// of a burst of changes keeps every change it had reported saved.
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./console";

/** The account's name on its Account Info page (above the title). */
function accountName(page: Page) {
  return page.getByRole("main").locator(".eyebrow").first();
}

const DEMO = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
const MARIA = Object.entries(DEMO.console.users as Record<string, { email: string }>).find(
  ([, user]) => user.email === "maria.garcia@example.com",
)![0];
const ACME = Object.entries(DEMO.console.accounts as Record<string, { friendly_name: string }>).find(
  ([, a]) => a.friendly_name === "Acme Support",
)![0];
const RENAMED = "Acme Support (prepared for the demo)";

/** Signs Maria in for every tab of the context (the session is per tab). */
async function signIn(context: BrowserContext) {
  await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), MARIA);
}

/** Renames Acme Support on its Account Info page, as its Owner does before a demo. */
async function prepare(page: Page) {
  await page.goto(`/accounts/${ACME}`);
  await page.getByLabel("Account name").fill(RENAMED);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(accountName(page)).toHaveText(RENAMED);
}

test("a scenario link asks before replacing work, and what it replaced can be restored", async ({ console, context }) => {
  await signIn(context);
  const page = console.page;
  await prepare(page);
  await console.navigation.getByRole("link", { name: "Data" }).click();
  await expect(page.getByTestId("store-saved")).toHaveText("All changes saved");
  await expect(page.getByTestId("store-changes")).toHaveText("1");

  // The wrong link, five minutes before the demo: asked first, and "Keep my data" keeps it.
  await page.goto(`/accounts/${ACME}?scenario=demo`);
  const asking = page.getByTestId("banner-scenario-asking");
  await expect(asking).toContainText("replaces the current data (1 change since it was loaded)");
  await expect(asking).toContainText("kept as a restore point");
  await asking.getByRole("button", { name: "Keep my data" }).click();
  await expect(asking).toHaveCount(0);
  await expect(page).not.toHaveURL(/scenario=/);
  await expect(accountName(page)).toHaveText(RENAMED);

  // A second tab is open on the Data page when the link is followed for real.
  const other = await context.newPage();
  await other.goto("/data");
  await expect(other.getByTestId("no-restore-points")).toBeVisible();

  await page.goto(`/accounts/${ACME}?scenario=demo`);
  await page.getByTestId("banner-scenario-asking").getByRole("button", { name: "Load scenario" }).click();
  await expect(page.getByTestId("banner-scenario-loaded")).toBeVisible();
  await expect(accountName(page)).toHaveText("Acme Support");

  // The other tab is told, and lists the restore point (shared by the tabs).
  await expect(other.getByTestId("banner-replaced-elsewhere")).toContainText("replaced in another tab");
  const point = other.getByTestId("restore-point");
  await expect(point).toHaveCount(1);
  await expect(point).toContainText("Replaced by the demo scenario");
  await expect(point).toContainText("1 change since it was loaded");

  // It survives a reload, and Restore brings the prepared data back (for every tab).
  await other.reload();
  await other.getByTestId("restore-point").getByRole("button", { name: /^Restore the data from before/ }).click();
  await expect(other.getByText("Restored the data the demo scenario replaced")).toBeVisible();
  await page.goto(`/accounts/${ACME}`);
  await expect(accountName(page)).toHaveText(RENAMED);
  // Restoring was itself undoable: what it replaced is the newest restore point.
  await other.reload();
  await expect(other.getByTestId("restore-point")).toHaveCount(2);
  await expect(other.getByTestId("restore-point").first()).toContainText("Replaced by restoring the data from before");
  await other.close();
});

test("a scenario link over data with no changes just loads", async ({ console }) => {
  await console.open("/data?scenario=demo");
  await expect(console.page.getByTestId("banner-scenario-loaded")).toBeVisible();
  await expect(console.page.getByTestId("banner-scenario-asking")).toHaveCount(0);
});

test("a tab closed in the middle of a burst keeps every change it reported saved", async ({ console, context }) => {
  await signIn(context);
  const page = console.page;
  await console.open("/data");
  await expect(page.getByTestId("store-saved")).toHaveText("All changes saved");
  const add = page.getByRole("button", { name: "Add a sample account" });
  for (let i = 0; i < 60; i++) await add.click({ delay: 0 });
  // Whatever the page says is saved at this moment is what must survive; close at once.
  const saved = Number(await page.getByTestId("store-revision").textContent());
  await page.close({ runBeforeUnload: false });
  expect(saved, "some of the burst was reported saved before the tab closed").toBeGreaterThan(0);

  const again = await context.newPage();
  await again.goto("/data");
  await expect(again.getByRole("heading", { level: 1, name: "Data" })).toBeVisible();
  await expect(again.getByTestId("banner-recovered")).toHaveCount(0);
  await expect(again.getByTestId("banner-save-error")).toHaveCount(0);
  const revision = Number(await again.getByTestId("store-revision").textContent());
  expect(revision).toBeGreaterThanOrEqual(saved);
  const accounts = Number(await again.getByTestId("store-accounts").textContent());
  expect(accounts).toBeGreaterThanOrEqual(Object.keys(DEMO.console.accounts).length + saved);
  // And the store goes on working.
  await again.getByRole("button", { name: "Add a sample account" }).click();
  await expect(again.getByTestId("store-saved")).toHaveText("All changes saved");
  await again.close();
});

test("data saved before restore points existed (database version 1) is read, and the new stores are added", async ({ console, context }) => {
  const page = console.page;
  // The version-1 database as that build wrote it, made from a page of the same origin
  // before the app ever runs there.
  await page.route("**/blank-page", (route) =>
    route.fulfill({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,">' }),
  );
  await page.goto("/blank-page");
  const saved = structuredClone(DEMO.console);
  saved.accounts[ACME].friendly_name = "Acme Support (saved by version 1)";
  await page.evaluate(
    (consoleJson) =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open("flex-console", 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore("snapshot");
          db.createObjectStore("log");
          db.createObjectStore("unreadable", { autoIncrement: true });
        };
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction("snapshot", "readwrite");
          tx.objectStore("snapshot").put(JSON.stringify({ schema: 1, revision: 3, now: 1736154000000, wall: null }), "meta");
          tx.objectStore("snapshot").put(consoleJson, "console");
          tx.oncomplete = () => (db.close(), done());
          tx.onerror = () => fail(tx.error);
        };
        request.onerror = () => fail(request.error);
      }),
    JSON.stringify(saved),
  );
  await signIn(context);
  await page.goto("/accounts");
  await expect(console.main.getByRole("link", { name: "Acme Support (saved by version 1)", exact: true })).toBeVisible();
  const stores = await page.evaluate(
    () =>
      new Promise<{ version: number; names: string[] }>((done) => {
        const request = indexedDB.open("flex-console");
        request.onsuccess = () => {
          const db = request.result;
          done({ version: db.version, names: [...db.objectStoreNames].sort() });
          db.close();
        };
      }),
  );
  expect(stores).toEqual({ version: 2, names: ["log", "restore_points", "restore_states", "snapshot", "unreadable"] });
  // And it is kept: a change on top of it survives a reload.
  await page.goto(`/accounts/${ACME}`);
  await page.getByLabel("Account name").fill(RENAMED);
  await page.getByRole("button", { name: "Rename" }).click();
  await console.navigation.getByRole("link", { name: "Data" }).click();
  await expect(page.getByTestId("store-saved")).toHaveText("All changes saved");
  await page.goto("/accounts");
  await expect(console.main.getByRole("link", { name: RENAMED, exact: true })).toBeVisible();
});
