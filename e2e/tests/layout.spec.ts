// The layout at the widths people use: at a laptop's 1280 and 1366 px, and at a tablet's 1024
// and 768 px (tables as cards there), nothing inside the page scrolls sideways, clips its
// content or runs past the page's edge, with the demo data and with the scale scenario's
// longest lists; on a 390 px phone no page scrolls sideways.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { callRinging, contactCenterPages } from "./contact";
import { expect, test, type Console } from "./console";

const ACCOUNT_PAGES = ["", "/api-keys", "/flex", "/flex/users", "/flex/settings", "/flex/addresses", "/users", "/users?tab=invited", "/billing", "/activity", "/phone-numbers", "/studio", "/taskrouter", "/taskrouter/tasks", "/functions", "/twiml-bins"];
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

async function fits(console: Console, what: string) {
  await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 30_000 });
  expect.soft(await cutOff(console.page), `the layout of ${what}`).toEqual([]);
}

for (const width of [1280, 1366, 1024, 768]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("every Console page and every page of an account, with the demo data", async ({ console }) => {
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

    test("the contact center at work: a call ringing on the desk, its task's pages, queue stats and Teams", async ({ console, context }) => {
      const { sid, task } = await callRinging(console, context);
      for (const path of contactCenterPages(sid, task)) {
        await console.open(path);
        await fits(console, path.replace(sid, "…"));
      }
      await console.open(`/flex/${sid}/agent-desktop`);
      await expect(console.main.getByTestId("task-card")).toContainText("+14155550123");
    });

    test("the longest lists, with the scale scenario", async ({ console, context }) => {
      test.setTimeout(180_000);
      const scale = JSON.parse(readFileSync(new URL("../../public/scenarios/scale.json", import.meta.url), "utf8"));
      const [owner] = Object.entries(scale.console.users as Record<string, { email: string }>).find(([, u]) => u.email === "user0@scale.example.com")!;
      const [account] = Object.entries(scale.console.accounts as Record<string, { friendly_name: string }>).find(([, a]) => a.friendly_name === "Scale Account 0000")!;
      await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), owner);
      await console.open("/data?scenario=scale");
      await expect(console.page.getByTestId("banner-scenario-loaded")).toBeVisible({ timeout: 90_000 });
      await expect(console.page.getByTestId("store-saved")).toHaveText("All changes saved", { timeout: 60_000 });
      await console.open("/accounts");
      await fits(console, "/accounts (1,000 accounts)");
      for (const path of ["/flex/users", "/users", "/activity"]) {
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
  });

  test("no page scrolls sideways", async ({ console }) => {
    await console.signInAs("Maria Garcia");
    const sid = await console.openAccount("Acme Support");
    for (const path of [...CONSOLE_PAGES, ...ACCOUNT_PAGES.map((p) => `/accounts/${sid}${p}`)]) {
      await console.open(path);
      await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
      const wide = await console.page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `the width of ${path}`).toBeLessThanOrEqual(390);
    }
  });
});
