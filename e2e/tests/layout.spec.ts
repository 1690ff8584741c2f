// The layout at the widths people use: at a laptop's 1280 and 1366 px, and at a tablet's 1024
// and 768 px (tables as cards there), nothing inside the page scrolls sideways, clips its
// content or runs past the page's edge, with the demo data and with the scale scenario's
// longest lists; on a 390 px phone no page scrolls sideways.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { callRinging, contactCenterPages } from "./contact";
import { expect, slowed, test, timeForPages, type Console } from "./console";

const ACCOUNT_PAGES = ["", "/api-keys", "/flex", "/flex/users", "/flex/settings", "/flex/addresses", "/users", "/users?tab=invited", "/billing", "/activity", "/phone-numbers", "/studio", "/taskrouter", "/taskrouter/tasks", "/taskrouter/queues", "/taskrouter/workflows", "/taskrouter/activities", "/taskrouter/channels", "/taskrouter/workers", "/functions", "/twiml-bins"];
// TaskRouter's pages, on Globex's routed contact center (its queues, workflow and workers).
const DEMO = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
const [GLOBEX, globex] = Object.entries(DEMO.console.accounts as Record<string, { friendly_name: string; flex: any }>).find(
  ([, a]) => a.friendly_name === "Globex Contact Center",
)!;
const named = (list: { friendly_name: string; sid: string }[], name: string) => list.find((x) => x.friendly_name === name)!.sid;
const HANNAH = Object.entries(globex.flex.workspace.workers as Record<string, { identity: string }>).find(
  ([, w]) => w.identity === "hannah.becker@globex.example.com",
)![0];
const TASKROUTER_PAGES = [
  "/taskrouter",
  "/taskrouter/queues",
  `/taskrouter/queues/${named(globex.flex.workspace.task_queues, "Support")}`,
  "/taskrouter/workflows",
  `/taskrouter/workflows/${named(globex.flex.workspace.workflows, "Inbound Routing")}`,
  "/taskrouter/activities",
  "/taskrouter/channels",
  "/taskrouter/workers",
  `/taskrouter/workers/${HANNAH}`,
];
const WORKFLOW_PAGE = TASKROUTER_PAGES.find((p) => p.startsWith("/taskrouter/workflows/"))!;
const FLEX_PAGES = ["/teams", "/queues", "/admin", "/admin/skills"];

/** Signs James Chen (Globex's Owner) in and goes into Globex's Flex as admin. */
async function intoGlobexFlex(console: Console) {
  await console.signInAs("James Chen");
  await console.open(`/accounts/${GLOBEX}/flex`);
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await expect(console.page).toHaveURL(new RegExp(`/flex/${GLOBEX}/agent-desktop$`));
}

const CONSOLE_PAGES = ["/accounts", "/activity", "/activity?q=bought&from=2025-01-01&to=2025-03-04&kind=phone_numbers", "/activity?from=2025-03-05&to=2025-03-01", "/data", "/sso"];

/**
 * What is wrong with the layout inside `main` now, one line per element: an element that
 * scrolls sideways or clips its content, or one whose right edge is past the page's. Text
 * shortened with an ellipsis on purpose (its whole value on hover and focus) is not a defect.
 */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector("main")!;
    // The page's edge is where main's padding starts: nothing is to run into it.
    const edge = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    const found: string[] = [];
    if (main.scrollWidth > main.clientWidth + 1) found.push(`main scrolls sideways (${main.scrollWidth} in ${main.clientWidth})`);
    for (const el of main.querySelectorAll("*")) {
      if (el.closest(".visually-hidden, dialog, .offer-why:not(.offer-why-shown)")) continue;
      // A text field scrolls a value longer than itself by nature: not a layout defect.
      if (el.matches("input, textarea")) continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      if (style.textOverflow === "ellipsis") continue;
      const box = el.getBoundingClientRect();
      // A one-pixel box is hidden from sight on purpose (the middle of a shortened SID).
      if (box.width <= 1 && box.height <= 1) continue;
      if (style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${name(el)} ${style.overflowX === "hidden" || style.overflowX === "clip" ? "clips" : "scrolls"} sideways (${el.scrollWidth} in ${el.clientWidth})`);
      } else if (box.right > edge + 1) {
        found.push(`${name(el)} ends ${Math.round(box.right - edge)} px past the page`);
      }
    }
    return found;
  });
}

/**
 * The figures of queue stats' tiles that run onto a second line, one line per text: a tile
 * reads at a glance only while each of its figures (and the count under the service level)
 * stays on one line.
 */
async function tileWraps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const dd of document.querySelectorAll("main .stat-tile dd")) {
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!(text.textContent ?? "").trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom)));
        if (lines.size > 1) found.push(`“${text.textContent!.trim()}” in ${dd.closest(".stat-tile")!.getAttribute("data-testid")} runs onto ${lines.size} lines`);
      }
    }
    return found;
  });
}

/** Accepts the call [`callRinging`] made ring, then opens queue stats: its service level has a figure. */
async function queueStatsWithAFigure(console: Console, sid: string) {
  await console.open(`/flex/${sid}/agent-desktop`);
  await console.main.getByRole("button", { name: "Accept" }).click();
  await expect(console.main.getByTestId("task-state")).toHaveText("Assigned · Voice");
  await console.open(`/flex/${sid}/queues`);
  await expect(console.main.getByTestId("tile-service-level")).toContainText("100%");
}

async function fits(console: Console, what: string) {
  await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible({ timeout: slowed(30_000) });
  expect.soft(await cutOff(console.page), `the layout of ${what}`).toEqual([]);
}

for (const width of [1280, 1366, 1024, 768]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("every Console page and every page of an account, with the demo data", async ({ console }) => {
      test.setTimeout(timeForPages(CONSOLE_PAGES.length + ACCOUNT_PAGES.length, 10_000));
      await console.signInAs("Maria Garcia");
      for (const path of CONSOLE_PAGES) {
        await console.open(path);
        await fits(console, path);
      }
      const sid = await console.openAccount("Acme Support");
      for (const path of ACCOUNT_PAGES) {
        await console.open(`/accounts/${sid}${path}`);
        await fits(console, `/accounts/…${path}`);
      }
    });

    test("TaskRouter's pages and the Flex UI's skills, with the routed contact center", async ({ console, page }) => {
      test.setTimeout(90_000);
      await intoGlobexFlex(console);
      for (const path of FLEX_PAGES) {
        await page.goto(`/flex/${GLOBEX}${path}`);
        await fits(console, `/flex/…${path}`);
      }
      await page.goto(`/flex/${GLOBEX}/teams`);
      await console.main.getByRole("button", { name: "Skills of Hannah Becker" }).click();
      await expect(page.getByRole("dialog", { name: "Skills of Hannah Becker" })).toBeVisible();
      await page.keyboard.press("Escape");
      for (const path of TASKROUTER_PAGES) {
        await console.open(`/accounts/${GLOBEX}${path}`);
        await fits(console, `/accounts/…${path}`);
      }
      // The workflow page with Try a task answered.
      await console.open(`/accounts/${GLOBEX}${WORKFLOW_PAGE}`);
      await console.main.getByRole("button", { name: "Try a task" }).click();
      await expect(console.main.getByTestId("try-step").first()).toBeVisible();
      await fits(console, "/accounts/…/taskrouter/workflows/… with Try a task answered");
    });

    test("the contact center at work: a call ringing on the desk, its task's pages, queue stats and Teams", async ({ console, context }) => {
      const { sid, task } = await callRinging(console, context);
      for (const path of contactCenterPages(sid, task)) {
        await console.open(path);
        await fits(console, path.replace(sid, "…"));
      }
      await console.open(`/flex/${sid}/agent-desktop`);
      await expect(console.main.getByTestId("task-card")).toContainText("+14155550123");
      // Accepted, the service level has a figure and a count: each on one line in its tile.
      await queueStatsWithAFigure(console, sid);
      await fits(console, "queue stats with a task accepted");
      expect.soft(await tileWraps(console.page), "queue stats' tiles").toEqual([]);
    });

    test("the longest lists, with the scale scenario", async ({ console, context }) => {
      test.setTimeout(slowed(180_000));
      const scale = JSON.parse(readFileSync(new URL("../../public/scenarios/scale.json", import.meta.url), "utf8"));
      const [owner] = Object.entries(scale.console.users as Record<string, { email: string }>).find(([, u]) => u.email === "user0@scale.example.com")!;
      const [account, flexAccount] = Object.entries(scale.console.accounts as Record<string, { friendly_name: string; flex: any }>).find(([, a]) => a.friendly_name === "Scale Account 0000")!;
      const EVERYONE = named(flexAccount.flex.workspace.task_queues, "Everyone");
      await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), owner);
      await console.open("/data?scenario=scale");
      await expect(console.page.getByTestId("banner-scenario-loaded")).toBeVisible({ timeout: slowed(90_000) });
      await expect(console.page.getByTestId("store-saved")).toHaveText("All changes saved", { timeout: slowed(60_000) });
      await console.open("/accounts");
      await fits(console, "/accounts (1,000 accounts)");
      for (const path of ["/flex/users", "/users", "/activity", "/taskrouter/queues", "/taskrouter/workers", `/taskrouter/queues/${EVERYONE}`]) {
        await console.open(`/accounts/${account}${path}`);
        await fits(console, `/accounts/…${path} (scale)`);
      }
    });
  });
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the contact center's pages do not scroll sideways", async ({ console, context }) => {
    const { sid, task } = await callRinging(console, context);
    for (const path of contactCenterPages(sid, task)) {
      await console.open(path);
      await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
      const wide = await console.page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `the width of ${path}`).toBeLessThanOrEqual(390);
    }
    await queueStatsWithAFigure(console, sid);
    expect(await tileWraps(console.page), "queue stats' tiles").toEqual([]);
  });

  test("no page scrolls sideways", async ({ console }) => {
    test.setTimeout(timeForPages(CONSOLE_PAGES.length + ACCOUNT_PAGES.length, 10_000));
    await console.signInAs("Maria Garcia");
    const sid = await console.openAccount("Acme Support");
    for (const path of [...CONSOLE_PAGES, ...ACCOUNT_PAGES.map((p) => `/accounts/${sid}${p}`)]) {
      await console.open(path);
      await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
      const wide = await console.page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `the width of ${path}`).toBeLessThanOrEqual(390);
    }
  });

  test("no TaskRouter page or Flex skills page scrolls sideways, with the routed contact center", async ({ console, page }) => {
    test.setTimeout(60_000);
    await intoGlobexFlex(console);
    const paths = [...FLEX_PAGES.map((p) => `/flex/${GLOBEX}${p}`), ...TASKROUTER_PAGES.map((p) => `/accounts/${GLOBEX}${p}`)];
    for (const path of paths) {
      await page.goto(path);
      await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
      const wide = await console.page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `the width of ${path}`).toBeLessThanOrEqual(390);
    }
  });
});

/**
 * The demo with every name, email and SID at its longest legal length and without spaces
 * (Rename allows 64 characters for an account, a person's name 100, an email 254), as a
 * scenario file: Acme Support's name, Liam O'Brien's name, Noah Kim's email, an open
 * invitation's email, a Flex user, a TwiML Bin and an API key.
 */
function longValues() {
  const demo = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
  const c = demo.console;
  const email = (start: string) => `${start}${"x".repeat(64 - start.length)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`;
  const byName = (name: string) => Object.values(c.users as Record<string, { full_name: string; email: string }>).find((u) => u.full_name === name)!;
  const acme = Object.values(c.accounts as Record<string, any>).find((a) => a.friendly_name === "Acme Support")!;
  acme.friendly_name = "AcmeSupportInternationalCustomerExperienceOperationsCenterEMEA01";
  byName("Liam O'Brien").full_name = "Liam" + "O".repeat(96);
  const noah = byName("Noah Kim");
  noah.email = email("noah");
  const invitation = Object.values(acme.invitations as Record<string, any>).find((i) => i.email === "oliver.smith@example.com")!;
  invitation.email = email("oliver");
  const lucas = Object.values(acme.flex.workspace.workers as Record<string, any>).find((w) => w.full_name === "Lucas Martin")!;
  lucas.full_name = "Lucas" + "M".repeat(95);
  lucas.identity = email("lucas");
  const bin = `EH${"a".repeat(32)}`;
  acme.twiml_bins = { [bin]: { sid: bin, friendly_name: "B".repeat(64), twiml: "<Response/>", created: demo.now, updated: demo.now } };
  const key = `SK${"b".repeat(32)}`;
  acme.api_keys = { [key]: { sid: key, friendly_name: "K".repeat(64), key_type: "standard", created: demo.now } };
  return { text: JSON.stringify(demo), acme: Object.keys(c.accounts).find((sid) => c.accounts[sid] === acme)! };
}

/** Imports `text` as a scenario file from the Data page. */
async function importScenario(console: Console, text: string) {
  await console.open("/data");
  await console.page.getByLabel("Scenario or export file (JSON)").setInputFiles({ name: "long.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await console.page.getByRole("dialog", { name: "Replace all data?" }).getByRole("button", { name: "Replace data" }).click();
  await expect(console.page.getByTestId("store-saved")).toHaveText("All changes saved");
}

/**
 * Text cut short with an ellipsis whose whole value is neither on hover (a `title`) nor in
 * the page's text for a screen reader (an element the ellipsis does not apply to).
 */
async function cutWithoutWhole(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll("main *, header *")) {
      const style = getComputedStyle(el);
      if (style.textOverflow !== "ellipsis" || el.scrollWidth <= el.clientWidth + 1) continue;
      const text = (el.textContent ?? "").trim();
      const titled = el.closest("[title]")?.getAttribute("title")?.includes(text);
      if (!titled) found.push(`“${text.slice(0, 40)}…” is cut without its whole value on hover`);
    }
    return found;
  });
}

/** Every page of an account whose list has a primary action, and that action. */
const PRIMARY_ACTIONS: [string, string][] = [
  ["/users", "Invite user"],
  ["/users?tab=invited", "Invite user"],
  ["/phone-numbers", "Buy a number"],
  ["/twiml-bins", "Create new TwiML Bin"],
  ["/api-keys", "Create API key"],
];

/** The pages with a pager under their table. */
const PAGED = ["/users", "/users?tab=invited", "/activity", "/flex/users"];

/** The top bar's controls that differ from the first in height or text size, one line each. */
async function unevenTopBar(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll("header.topbar button")].filter((b) => (b as HTMLElement).offsetParent !== null);
    const measure = (b: Element) => ({
      name: (b.getAttribute("aria-label") ?? b.textContent ?? "").trim().slice(0, 30),
      height: Math.round(b.getBoundingClientRect().height * 2) / 2,
      size: getComputedStyle(b).fontSize,
    });
    const all = controls.map(measure);
    const first = all[0];
    return all.filter((c) => c.height !== first.height || c.size !== first.size).map((c) => `${c.name}: ${c.height} px, ${c.size} (${first.name}: ${first.height} px, ${first.size})`);
  });
}

for (const width of [1280, 390]) {
  test.describe(`the longest legal values at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 } });

    test("never make a page wider than the window nor run past its edge", async ({ console, context }) => {
      // Reported: a 64-character account name made Account Info, Manage users and Flex users
      // 934 px wide on a 390 px phone; a 254-character email pushed Invited users' row menu
      // to x=3293 at 1280 px.
      const { text, acme } = longValues();
      await importScenario(console, text);
      const maria = Object.entries(JSON.parse(text).console.users as Record<string, { email: string }>).find(([, u]) => u.email === "maria.garcia@example.com")![0];
      await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), maria);
      for (const path of ["/accounts", "/activity", ...ACCOUNT_PAGES.map((p) => `/accounts/${acme}${p}`)]) {
        await console.open(path);
        await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
        const wide = await console.page.evaluate(() => document.documentElement.scrollWidth);
        expect.soft(wide, `the width of ${path}`).toBeLessThanOrEqual(width);
        if (width >= 1024) expect.soft(await cutOff(console.page), `the layout of ${path}`).toEqual([]);
        expect.soft(await cutWithoutWhole(console.page), `values cut on ${path}`).toEqual([]);
      }
    });
  });

  test.describe(`the building blocks at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("every control of the top bar has one height and one text size", async ({ console }) => {
      await console.open("/");
      expect(await unevenTopBar(console.page), "signed out").toEqual([]);
      await console.signInAs("Maria Garcia");
      expect(await unevenTopBar(console.page), "on /accounts").toEqual([]);
      await console.openAccount("Acme Support");
      await expect(console.heading("Account Info")).toBeVisible();
      expect(await unevenTopBar(console.page), "on an account").toEqual([]);
      const controls = console.page.getByRole("banner").getByRole("button");
      expect(await controls.count(), "the top bar's buttons were measured").toBeGreaterThanOrEqual(3);
      // With no account open, the switcher's "Choose an account" is read whole, not cut.
      await console.open("/activity");
      const current = console.switcher.locator(".switcher-current");
      await expect(current).toHaveText("Choose an account");
      expect(await current.evaluate((e) => e.scrollWidth - e.clientWidth), "Choose an account is cut").toBeLessThanOrEqual(0);
    });

    test("the Flex UI's top bar keeps its controls apart and each on one line, whatever the status", async ({ console }) => {
      // Reported: at 390 px the status pill ran over the theme button and "Log out" took two lines.
      await intoGlobexFlex(console);
      const status = console.page.getByRole("banner").getByLabel("Your status");
      for (const activity of ["Offline", "Available", "Unavailable"]) {
        await status.selectOption({ label: activity });
        await expect(status.locator("option:checked")).toHaveText(activity);
        const problems = await console.page.evaluate(() => {
          const shown = [...document.querySelectorAll("header.flex-topbar :is(a, button, select, .status-pill)")]
            .filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().width > 1);
          const name = (e: Element) => (e.getAttribute("aria-label") ?? e.textContent ?? "").trim().slice(0, 20) || e.tagName;
          const found: string[] = [];
          const bar = document.querySelector("header.flex-topbar")!;
          const edge = bar.getBoundingClientRect().right - parseFloat(getComputedStyle(bar).paddingRight);
          const inside = (a: Element, b: Element) => a.contains(b) || b.contains(a);
          for (const [i, a] of shown.entries()) {
            const r = a.getBoundingClientRect();
            if (r.right > edge + 1) found.push(`${name(a)} ends ${Math.round(r.right - edge)} px into the bar's edge`);
            const line = parseFloat(getComputedStyle(a).lineHeight) || 24;
            if (!a.matches(".status-pill") && a.scrollHeight > line * 1.5 + 16) found.push(`${name(a)} wraps (${a.scrollHeight} px tall)`);
            for (const b of shown.slice(i + 1)) {
              if (inside(a, b)) continue;
              const q = b.getBoundingClientRect();
              const overlap = Math.min(r.right, q.right) - Math.max(r.left, q.left);
              if (overlap > 0.5 && Math.min(r.bottom, q.bottom) > Math.max(r.top, q.top)) found.push(`${name(a)} runs ${Math.round(overlap)} px over ${name(b)}`);
            }
          }
          return found;
        });
        expect.soft(problems, `the top bar with the status ${activity}`).toEqual([]);
      }
      // Its words read as one line: "Back toConsole" was drawn once the link became a flex box.
      if (width > 720) expect(await console.page.locator("header.flex-topbar .flex-back").evaluate((e) => (e as HTMLElement).innerText)).toBe("Back to Console");
    });

    test("the navigation is never taller than the window, so a short page does not scroll", async ({ console }) => {
      test.skip(width <= 720, "on a phone the navigation is a drawer with its own scroll");
      await console.signInAs("Maria Garcia");
      const sid = await console.openAccount("Acme Support", "/twiml-bins");
      await expect(console.heading("TwiML Bins")).toBeVisible();
      const [list, room] = await console.page.evaluate(() => [
        document.querySelector("#console-nav > ul")!.getBoundingClientRect().bottom,
        window.innerHeight,
      ]);
      expect(list, "the navigation's bottom").toBeLessThanOrEqual(room);
      expect(await console.page.evaluate(() => document.documentElement.scrollHeight), `/accounts/${sid}/twiml-bins scrolls`).toBeLessThanOrEqual(800);
    });

    test("every list page's primary action is in its header, beside the title (under it on a phone)", async ({ console }) => {
      await console.signInAs("Maria Garcia");
      const sid = await console.openAccount("Acme Support");
      for (const [path, action] of PRIMARY_ACTIONS) {
        await console.open(`/accounts/${sid}${path}`);
        const header = console.main.locator("header.page-header");
        const title = header.getByRole("heading", { level: 1 });
        const button = header.getByRole("button", { name: action, exact: true });
        await expect(button, `${path}: ${action} in the header`).toBeVisible();
        const actions = header.locator(".page-actions");
        const [t, b, h, a] = [await title.boundingBox(), await button.boundingBox(), await header.boundingBox(), await actions.boundingBox()];
        if (width > 720) {
          // On the title's line, in the actions at the header's right edge.
          expect.soft(Math.abs(b!.y + b!.height / 2 - (t!.y + t!.height / 2)), `${path}: ${action} on the title's line`).toBeLessThan(8);
          expect.soft(h!.x + h!.width - (a!.x + a!.width), `${path}: the actions at the right`).toBeLessThan(2);
          expect.soft(b!.x, `${path}: ${action} right of the title`).toBeGreaterThan(t!.x + t!.width);
        } else {
          // Under the title and the description, the header's whole width.
          expect.soft(b!.y, `${path}: ${action} under the title`).toBeGreaterThan(t!.y + t!.height);
          expect.soft(Math.abs(b!.width - h!.width), `${path}: ${action} full width`).toBeLessThan(2);
        }
      }
    });

    test("no pager is taller than one line", async ({ console }) => {
      await console.signInAs("Maria Garcia");
      const sid = await console.openAccount("Acme Support");
      for (const path of [...PAGED.map((p) => `/accounts/${sid}${p}`), "/activity"]) {
        await console.open(path);
        const pager = console.main.getByRole("navigation", { name: /^Pages of/ });
        await expect(pager, `${path} has a pager`).toBeVisible();
        const lines = await pager.evaluate((nav) => {
          const tops = [...nav.children].filter((c) => (c as HTMLElement).offsetWidth > 1).map((c) => c.getBoundingClientRect());
          return { height: nav.getBoundingClientRect().height, spread: Math.max(...tops.map((r) => r.bottom)) - Math.min(...tops.map((r) => r.top)) };
        });
        expect.soft(lines.height, `${path}: the pager's height`).toBeLessThanOrEqual(40);
        expect.soft(lines.spread, `${path}: the pager's pieces on one line`).toBeLessThanOrEqual(40);
      }
    });
  });
}
