// Nothing is reported saved or loaded before it is written. Two kinds of test:
// - held: another tab of the same origin keeps a read-write transaction open on the stores every
//   write needs, so the app's write waits for as long as the test wants, on any machine: the
//   page says "Saving…", leaving asks, and a reload finds the data from before, whole;
// - raced: the CPU is slowed 6 times (Chromium's CPU throttling) and the page reloaded at once,
//   so the write is still running when the reload comes: what the reload finds is the new data
//   whole or the old data whole, and if the page said "loaded" or "saved" it is the new.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, leaving, test, throttle } from "./console";

const DEMO_TEXT = readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8");
const DEMO = JSON.parse(DEMO_TEXT);
const DEMO_ACCOUNTS = Object.keys(DEMO.console.accounts).length;
const MARIA = Object.entries(DEMO.console.users as Record<string, { email: string }>).find(
  ([, user]) => user.email === "maria.garcia@example.com",
)![0];

// The held tests open a page of their own on the app's origin, which page.route serves only
// when no service worker answers it first (hosting.spec.ts tests the worker).
test.use({ serviceWorkers: "block" });

/** Signs Maria in for every tab of the context (the session is per tab). */
async function signIn(context: BrowserContext) {
  await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), MARIA);
}

const accounts = (page: Page) => page.getByTestId("store-accounts");
const saveState = (page: Page) => page.getByRole("banner").getByTestId("save-state");
const restorePoints = (page: Page) => page.getByTestId("restore-point");

async function addSampleAccount(page: Page) {
  await page.getByRole("button", { name: "Add a sample account" }).click();
}

/** Keeps the app's database busy from another tab until the returned function is called: a
 * read-write transaction on the stores every write needs, kept open by asking again after
 * each answer. The app's next write (and read) waits behind it. */
async function holdWrites(context: BrowserContext): Promise<() => Promise<void>> {
  const holder = await context.newPage();
  await holder.route("**/hold-writes", (route) =>
    route.fulfill({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,">' }),
  );
  await holder.goto("/hold-writes");
  await holder.evaluate(
    () =>
      new Promise<void>((held, fail) => {
        const open = indexedDB.open("flex-console");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["snapshot", "log"], "readwrite");
          tx.oncomplete = () => db.close();
          const w = window as unknown as { released: boolean };
          w.released = false;
          let first = true;
          const ask = () => {
            tx.objectStore("snapshot").get("meta").onsuccess = () => {
              if (first) (first = false), held();
              if (!w.released) ask();
            };
          };
          ask();
        };
      }),
  );
  return async () => {
    await holder.evaluate(() => ((window as unknown as { released: boolean }).released = true));
    await holder.close();
  };
}

/** The banner that says a replacement is being written, and what a reload finds meanwhile. */
async function expectSaving(page: Page) {
  const saving = page.getByTestId("banner-scenario-saving");
  await expect(saving).toContainText("Until it is saved, reloading or closing this tab brings back the data from before.");
  await expect(page.getByTestId("banner-scenario-loaded")).toHaveCount(0);
  await expect(saveState(page)).toHaveText("Saving…");
}

/** What the Data page shows of the state: enough to tell two states apart, and a mix. */
async function shown(page: Page) {
  // Slowed, reading the scale scenario back takes a while: what is waited for is the page.
  await expect(page.getByRole("heading", { level: 1, name: "Data" })).toBeVisible({ timeout: 60_000 });
  await expect(restorePoints(page).or(page.getByTestId("no-restore-points")).first()).toBeVisible({ timeout: 60_000 });
  return {
    accounts: await accounts(page).textContent(),
    workers: await page.getByTestId("store-workers").textContent(),
    changes: await page.getByTestId("store-changes").textContent(),
    restorePoints: await restorePoints(page).count(),
  };
}

test("the top bar says Saving… until a change is written, and leaving asks only meanwhile", async ({ console, context }) => {
  await signIn(context);
  const page = console.page;
  await console.open("/data");
  await expect(saveState(page)).toHaveText("All changes saved");
  // A click first: a browser asks "Leave site?" only on a page the person has used.
  await addSampleAccount(page);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  await expect(saveState(page)).toHaveText("All changes saved");
  await page.reload();
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  expect(leaving(page).asked, "nothing unsaved: leaving does not ask").toBe(0);

  // The write is held back: the change shows, and the top bar says it is not saved yet.
  let release = await holdWrites(context);
  await addSampleAccount(page);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 2));
  await expect(saveState(page)).toHaveText("Saving…");
  // Closing the tab asks; the person stays.
  leaving(page).answer = "stay";
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => leaving(page).asked).toBe(1);
  expect(page.isClosed()).toBe(false);
  await release();
  await expect(saveState(page)).toHaveText("All changes saved");
  await page.reload();
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 2));
  expect(leaving(page).asked, "saved: the reload did not ask").toBe(1);

  // Held again, and this time the person leaves: the reload finds what was saved, whole.
  release = await holdWrites(context);
  await addSampleAccount(page);
  await expect(saveState(page)).toHaveText("Saving…");
  leaving(page).answer = "leave";
  await page.reload();
  expect(leaving(page).asked).toBe(2);
  await release();
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 2));
  await expect(page.getByTestId("store-revision")).toHaveText("2");
  await expect(saveState(page)).toHaveText("All changes saved");
});

test("a write the browser refuses: Not saved with Retry in the top bar, leaving asks, Retry saves it", async ({ console, context }) => {
  await signIn(context);
  const page = console.page;
  await console.open("/data");
  await expect(saveState(page)).toHaveText("All changes saved");
  // Storage refuses every new entry, as a full disk would.
  await page.evaluate(() => {
    const w = window as unknown as { add: typeof IDBObjectStore.prototype.add };
    w.add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await addSampleAccount(page);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  await expect(saveState(page)).toHaveText("Not saved");
  await expect(page.getByTestId("banner-save-error")).toContainText("QuotaExceededError: The quota has been exceeded. They are kept in this tab");
  // The failure in the top bar reads in both themes.
  for (const theme of ["light", "dark"]) {
    if (theme === "dark") await page.getByRole("banner").getByRole("button", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const { violations } = await new AxeBuilder({ page }).include("header").analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), theme).toEqual([]);
  }
  leaving(page).answer = "stay";
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => leaving(page).asked).toBe(1);
  // Storage has room again: Retry in the top bar saves the change kept in the tab.
  await page.evaluate(() => {
    IDBObjectStore.prototype.add = (window as unknown as { add: typeof IDBObjectStore.prototype.add }).add;
  });
  await page.getByRole("banner").getByRole("button", { name: "Retry" }).click();
  await expect(saveState(page)).toHaveText("All changes saved");
  await expect(page.getByTestId("banner-save-error")).toHaveCount(0);
  await page.reload();
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 1));
  expect(leaving(page).asked).toBe(1);
});

/** Each way of replacing the whole state, done on the Data page over data with one change. */
const REPLACEMENTS: { name: string; replace: (page: Page) => Promise<void>; after: number }[] = [
  {
    name: "a scenario link",
    replace: async (page) => {
      await page.getByTestId("banner-scenario-asking").getByRole("button", { name: "Load scenario" }).click();
    },
    after: DEMO_ACCOUNTS,
  },
  {
    name: "a reset",
    replace: async (page) => {
      await page.getByRole("button", { name: "Reset data…" }).click();
      await page.getByRole("dialog", { name: "Replace all data?" }).getByRole("button", { name: "Replace data" }).click();
    },
    after: DEMO_ACCOUNTS,
  },
  {
    name: "an import",
    replace: async (page) => {
      // The demo without its closed account (and that account's log): one account fewer.
      const file = structuredClone(DEMO);
      file.name = "prepared";
      const hooli = Object.keys(file.console.accounts).find((sid) => file.console.accounts[sid].friendly_name === "Hooli Sandbox")!;
      delete file.console.accounts[hooli];
      file.console.activity = file.console.activity.filter((entry: { account?: string }) => entry.account !== hooli);
      await page.getByLabel("Scenario or export file (JSON)").setInputFiles({
        name: "prepared.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(file)),
      });
      await page.getByRole("dialog", { name: "Replace all data?" }).getByRole("button", { name: "Replace data" }).click();
    },
    after: DEMO_ACCOUNTS - 1,
  },
];

for (const { name, replace, after } of REPLACEMENTS) {
  test(`${name} says loaded only once written; until then a reload finds the data from before, whole`, async ({ console, context }) => {
    await signIn(context);
    const page = console.page;
    const open = async () => {
      await page.goto(name === "a scenario link" ? "/data?scenario=demo" : "/data");
      if (name === "a scenario link") await expect(page.getByTestId("banner-scenario-asking")).toBeVisible();
    };
    await console.open("/data");
    await addSampleAccount(page);
    await expect(saveState(page)).toHaveText("All changes saved");
    const before = await shown(page);
    expect(before).toMatchObject({ accounts: String(DEMO_ACCOUNTS + 1), changes: "1", restorePoints: 0 });

    // Held: it says so, and a reload finds the data from before with its change, and no
    // restore point of a replacement that did not happen.
    await open();
    let release = await holdWrites(context);
    await replace(page);
    await expectSaving(page);
    await page.reload();
    expect(leaving(page).asked, "leaving asked").toBe(1);
    await release();
    expect(await shown(page)).toEqual(before);

    // Written: only now does it say so, and a reload finds it.
    await open();
    release = await holdWrites(context);
    await replace(page);
    await expectSaving(page);
    await release();
    await expect(page.getByTestId("banner-scenario-loaded")).toBeVisible();
    await expect(page.getByTestId("banner-scenario-saving")).toHaveCount(0);
    await expect(saveState(page)).toHaveText("All changes saved");
    await page.reload();
    expect(await shown(page)).toMatchObject({ accounts: String(after), changes: "0", restorePoints: 1 });
    expect(leaving(page).asked, "the second reload came after the write").toBe(1);
  });
}

test("a restore says restored only once written; until then a reload finds the data from before, whole", async ({ console, context }) => {
  await signIn(context);
  const page = console.page;
  await console.open("/data");
  await addSampleAccount(page);
  await addSampleAccount(page);
  await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + 2));
  // A reset keeps the changed data as a restore point; a change on the demo follows.
  await REPLACEMENTS[1].replace(page);
  await expect(page.getByTestId("banner-scenario-loaded")).toBeVisible();
  await addSampleAccount(page);
  await expect(saveState(page)).toHaveText("All changes saved");
  const before = await shown(page);
  expect(before).toMatchObject({ accounts: String(DEMO_ACCOUNTS + 1), changes: "1", restorePoints: 1 });
  const restore = () => restorePoints(page).first().getByRole("button", { name: /^Restore the data from before/ }).click();

  let release = await holdWrites(context);
  await restore();
  await expectSaving(page);
  await expect(page.getByText("Restored the data")).toHaveCount(0);
  await page.reload();
  expect(leaving(page).asked).toBe(1);
  await release();
  expect(await shown(page)).toEqual(before);

  release = await holdWrites(context);
  await restore();
  await expectSaving(page);
  await release();
  await expect(page.getByTestId("banner-scenario-loaded")).toContainText("Restored the data the demo scenario replaced");
  await page.reload();
  expect(await shown(page)).toMatchObject({ accounts: String(DEMO_ACCOUNTS + 2), changes: "0", restorePoints: 2 });
});

test.describe("raced: the CPU slowed 6 times and the page reloaded at once", () => {
  // A slowed page takes several times as long to do anything: the test waits for what it
  // shows, with room for the scale scenario's 8 MB.
  test.slow();

  /** What the page said the moment it was reloaded. */
  type Said = { loaded: boolean; saved: string | null; revision: number };

  /**
   * Reloads the page from inside it, the moment `selector` shows `text` (or shows at all, for
   * ""): a MutationObserver
   * reacts to the very change, with no round trip to the test in between, and notes first
   * what the page said then (in sessionStorage, which the reload keeps). Returns, once the
   * page has reloaded, what it had said.
   */
  async function reloadWhen(page: Page, selector: string, text: string, act: () => Promise<void>): Promise<Said> {
    await page.evaluate(
      ({ selector, text }) => {
        const reloadIfShown = () => {
          const shown = document.querySelector(selector);
          if (!shown || (text !== "" && shown.textContent?.trim() !== text)) return false;
          const said = {
            loaded: document.querySelector('[data-testid="banner-scenario-loaded"]') !== null,
            saved: document.querySelector('[data-testid="save-state"]')?.textContent ?? null,
            revision: Number(document.querySelector('[data-testid="store-revision"]')?.textContent),
          };
          sessionStorage.setItem("said-before-reload", JSON.stringify(said));
          location.reload();
          return true;
        };
        const watch = new MutationObserver(() => reloadIfShown() && watch.disconnect());
        watch.observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { selector, text },
    );
    const reloaded = page.waitForEvent("load", { timeout: 120_000 });
    await act();
    await reloaded;
    return JSON.parse((await page.evaluate(() => sessionStorage.getItem("said-before-reload")))!);
  }

  /** Maria on the Data page, with one change saved; the page slowed 6 times. */
  async function prepared(page: Page, context: BrowserContext, open: (path: string) => Promise<void>) {
    await signIn(context);
    await open("/data");
    await addSampleAccount(page);
    await expect(saveState(page)).toHaveText("All changes saved");
    const before = await shown(page);
    await throttle(page, 6);
    return before;
  }

  const SCALE = { accounts: "1,000", workers: "15,000", changes: "0", restorePoints: 1 };

  test("the scale scenario by link, reloaded when it shows", async ({ console, context }) => {
    const page = console.page;
    const before = await prepared(page, context, (path) => console.open(path));
    await page.goto("/data?scenario=scale");
    const loadIt = page.getByTestId("banner-scenario-asking").getByRole("button", { name: "Load scenario" });
    const said = await reloadWhen(page, '[data-testid="store-accounts"]', "1,000", () => loadIt.click());
    const after = await shown(page);
    expect(after, "the new data whole, or the old whole").toEqual(after.accounts === "1,000" ? SCALE : before);
    if (said.loaded) expect(after, "it said loaded: the reload finds it").toEqual(SCALE);
  });

  test("the scale scenario by link, reloaded when it says loaded", async ({ console, context }) => {
    const page = console.page;
    await prepared(page, context, (path) => console.open(path));
    await page.goto("/data?scenario=scale");
    const loadIt = page.getByTestId("banner-scenario-asking").getByRole("button", { name: "Load scenario" });
    const said = await reloadWhen(page, '[data-testid="banner-scenario-loaded"]', "", () => loadIt.click());
    expect(said.loaded).toBe(true);
    expect(await shown(page)).toEqual(SCALE);
  });

  for (const { name, replace, after: count } of REPLACEMENTS.slice(1)) {
    test(`${name}, reloaded when it shows`, async ({ console, context }) => {
      const page = console.page;
      const before = await prepared(page, context, (path) => console.open(path));
      const said = await reloadWhen(page, '[data-testid="store-changes"]', "0", () => replace(page));
      const after = await shown(page);
      const replaced = { accounts: String(count), workers: before.workers, changes: "0", restorePoints: 1 };
      expect(after, "the new data whole, or the old whole").toEqual(after.changes === "0" ? replaced : before);
      if (said.loaded) expect(after, "it said loaded: the reload finds it").toEqual(replaced);
    });
  }

  test("a restore, reloaded when it shows", async ({ console, context }) => {
    const page = console.page;
    await prepared(page, context, (path) => console.open(path));
    await REPLACEMENTS[1].replace(page);
    await expect(page.getByTestId("banner-scenario-loaded")).toBeVisible();
    await expect(saveState(page)).toHaveText("All changes saved");
    const before = await shown(page);
    const restore = restorePoints(page).first().getByRole("button", { name: /^Restore the data from before/ });
    const said = await reloadWhen(page, '[data-testid="store-accounts"]', String(DEMO_ACCOUNTS + 1), () => restore.click());
    const after = await shown(page);
    const restored = { accounts: String(DEMO_ACCOUNTS + 1), workers: before.workers, changes: "0", restorePoints: 2 };
    expect(after, "the new data whole, or the old whole").toEqual(after.accounts === restored.accounts ? restored : before);
    if (said.loaded) expect(after, "it said loaded: the reload finds it").toEqual(restored);
  });

  test("a burst of changes, reloaded in the middle", async ({ console, context }) => {
    await signIn(context);
    const page = console.page;
    await console.open("/data");
    await expect(saveState(page)).toHaveText("All changes saved");
    await throttle(page, 6);
    const add = page.getByRole("button", { name: "Add a sample account" });
    for (let i = 0; i < 19; i++) await add.click({ delay: 0 });
    const said = await reloadWhen(page, '[data-testid="store-accounts"]', String(DEMO_ACCOUNTS + 20), () => add.click({ delay: 0 }));
    await expect(page.getByRole("heading", { level: 1, name: "Data" })).toBeVisible({ timeout: 60_000 });
    const revision = Number(await page.getByTestId("store-revision").textContent());
    // What it said was saved is there; "All changes saved" meant all twenty.
    expect(revision).toBeGreaterThanOrEqual(said.saved === "All changes saved" ? 20 : said.revision);
    // Whole changes only: every revision stored is one account.
    await expect(accounts(page)).toHaveText(String(DEMO_ACCOUNTS + revision));
  });
});
