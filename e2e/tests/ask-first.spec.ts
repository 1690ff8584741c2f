// Ask before acting, swept: for every demo user and every page of each of their accounts,
// every control that runs a command and is disabled says why, naming a role or a state;
// and every enabled one, used, is not refused. A row's "⋯" menu is opened and its items
// swept the same way.
import type { Locator } from "@playwright/test";
import { expect, slowed, test, type Console } from "./console";

const PAGES = [
  "",
  "/api-keys",
  "/flex",
  "/flex/users",
  "/flex/settings",
  "/flex/addresses",
  "/users",
  "/users?tab=invited",
  "/billing",
  "/activity",
  "/phone-numbers",
  "/studio",
  "/taskrouter",
  "/taskrouter/queues",
  "/taskrouter/workflows",
  "/taskrouter/activities",
  "/taskrouter/channels",
  "/taskrouter/workers",
  "/functions",
  "/twiml-bins",
];

/** A reason names a role, or a state of the account or of the thing acted on. */
const REASON =
  /Owner|Administrator|Developer|Billing Manager|Support|admin|supervisor|is suspended|is closed|trial|paid plan|already|no Flex|no secondary|worker|Flex creates|Flex needs it|is used by|not routed to a Studio flow|no Send to Flex step|to no Studio flow/;

/** What a refusal reads like, as opposed to a message about a value typed. */
const REFUSAL = /needs the .* role|is suspended|is closed|not a member|cannot be removed|cannot leave|already (accepted|revoked)|only one phone number|already has/;

/** The controls that run commands (components/offer.rs) in the page, dialogs included. */
const CONTROLS = ".offer > button, .offer > select";

/** The rows' "⋯" menus looked into (the first few: rows of a table ask the same questions). */
const MENUS = 6;

/** Opens each of the first rows' menus in turn; `look` gets the open menu's items and says
 *  whether to leave it open and stop (true) or close it and go on. */
async function eachMenu(console: Console, look: (items: Locator[]) => Promise<boolean>) {
  for (const button of (await console.main.locator(".row-menu-button").all()).slice(0, MENUS)) {
    if (!(await button.isVisible())) continue;
    await button.click();
    const menu = console.page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
    await expect(menu).toBeVisible();
    if (await look(await menu.getByRole("menuitem").all())) return true;
    await console.page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
  }
  return false;
}

/** Every refused control on screen, and in the rows' menus, says why, and its reason names a
 *  role or a state. */
async function refusedControlsSayWhy(console: Console, where: string) {
  const refused = console.page.locator(
    `main .offer > button[aria-disabled="true"], main .offer > select:disabled`,
  );
  await eachMenu(console, async (items) => {
    for (const item of items) if ((await item.getAttribute("aria-disabled")) === "true") await reasonOf(console, item, where);
    return false;
  });
  for (const control of await refused.all()) {
    if (!(await control.isVisible())) continue;
    const id = await control.getAttribute("aria-describedby");
    expect(id, `${where}: a refused control has a reason`).toBeTruthy();
    const reason = (await console.page.locator(`[id="${id}"]`).textContent()) ?? "";
    expect(reason, `${where}: "${await control.textContent()}"`).toMatch(REASON);
  }
}

/** A refused menu item's reason, as it is written under it, names a role or a state. */
async function reasonOf(console: Console, item: Locator, where: string) {
  const id = await item.getAttribute("aria-describedby");
  expect(id, `${where}: a refused menu item has a reason`).toBeTruthy();
  const reason = console.page.locator(`[id="${id}"]`);
  await expect(reason, `${where}: the reason is written, not hidden`).toBeVisible();
  expect((await reason.textContent()) ?? "", `${where}: "${await item.textContent()}"`).toMatch(REASON);
}

/** The first enabled item of a row's menu not used yet, its menu left open; or null. */
async function nextMenuItem(console: Console, labels: Set<string>) {
  let found: Locator | null = null;
  await eachMenu(console, async (items) => {
    for (const item of items) {
      const label = ((await item.textContent()) ?? "").trim() + "MENUITEM";
      if ((await item.getAttribute("aria-disabled")) === "true" || labels.has(label)) continue;
      labels.add(label);
      found = item;
      return true;
    }
    return false;
  });
  return found as Locator | null;
}

/** Nothing on screen reports a refusal. */
async function nothingRefused(console: Console, what: string) {
  const toast = (await console.page.getByTestId("toast-error").textContent()) ?? "";
  expect(toast.trim(), `${what} was refused`).toBe("");
  for (const alert of await console.main.getByRole("alert").all()) {
    const text = (await alert.textContent()) ?? "";
    expect(text, `${what} was refused`).not.toMatch(REFUSAL);
  }
}

/** Uses a control as a person would: presses a button, or picks another option. */
async function use(control: ReturnType<Console["page"]["locator"]>) {
  const tag = await control.evaluate((e) => e.tagName);
  if (tag === "SELECT") {
    const values = await control.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const current = await control.inputValue();
    const other = values.find((v) => v !== current);
    if (other !== undefined) await control.selectOption(other);
  } else {
    await control.click();
  }
}

/** Presses the first enabled control of each kind on the page (and the enabled ones of a
 *  dialog it opens), checking after each that nothing was refused. */
async function enabledControlsAreNotRefused(console: Console, url: string, where: string) {
  const page = console.page;
  const labels = new Set<string>();
  for (let round = 0; round < 12; round++) {
    const enabled = page.locator(`main ${CONTROLS}`).filter({ hasNot: page.locator("[aria-disabled]") });
    let next = null;
    for (const control of await enabled.all()) {
      if (!(await control.isVisible()) || (await control.isDisabled())) continue;
      const label = ((await control.textContent()) ?? "").trim() + (await control.evaluate((e) => e.tagName));
      if (labels.has(label)) continue;
      labels.add(label);
      next = control;
      break;
    }
    next ??= await nextMenuItem(console, labels);
    if (!next) return;
    const what = `${where}: ${(await next.textContent())?.trim()}`;
    await use(next);
    const dialog = page.locator("dialog[open]");
    if (await dialog.count()) {
      const inside = dialog.locator(`${CONTROLS}`).filter({ hasNot: page.locator("[aria-disabled]") });
      const last = inside.last();
      if ((await inside.count()) && (await last.isEnabled()) && (await last.getAttribute("aria-disabled")) === null) {
        await use(last);
      }
    }
    // Whatever it ran is applied and written (a refusal would be on screen by then).
    await expect(page.getByTestId("save-state")).not.toHaveText("Saving…");
    await nothingRefused(console, what);
    if (await dialog.count()) await page.keyboard.press("Escape");
    // A control that leaves the page (Log in with Console, Leave account) is followed back.
    if (!page.url().endsWith(url)) await page.goto(url);
    await expect(page.getByRole("banner")).toBeVisible();
  }
}

/** The demo's Console users, as the sign-in page lists them. */
const USERS = [
  "Maria Garcia",
  "Priya Patel",
  "Liam O'Brien",
  "Noah Kim",
  "James Chen",
  "Sofia Rossi",
  "Emma Dubois",
  "Ahmed Hassan",
  "Grace Lee",
];

for (const user of USERS) {
  test(`every control ${user} meets says why it is refused, and no enabled one is`, async ({ console }) => {
    test.setTimeout(slowed(240_000));
    await console.signInAs(user);
    const links = console.main.getByRole("table").getByRole("link");
    const accounts: [string, string][] = [];
    for (const link of await links.all()) {
      const href = await link.getAttribute("href");
      if (href && /\/accounts\/AC[0-9a-f]{32}$/.test(href)) accounts.push([(await link.textContent())!.trim(), href]);
    }
    expect(accounts.length, `${user} has accounts`).toBeGreaterThan(0);
    for (const [name, href] of accounts) {
      for (const path of PAGES) {
        const url = href + path;
        await console.page.goto(url);
        await expect(console.page.getByRole("banner")).toBeVisible();
        const where = `${user} on ${name}${path || " (Account Info)"}`;
        await refusedControlsSayWhy(console, where);
        await enabledControlsAreNotRefused(console, url, where);
        await refusedControlsSayWhy(console, `${where}, after using it`);
      }
    }
  });
}

test("a suspended account's pages refuse every action up front, saying it is suspended", async ({ console }) => {
  await console.signInAs("Ahmed Hassan");
  const sid = await console.openAccount("Umbrella Retail");
  let checked = 0;
  for (const path of PAGES) {
    await console.page.goto(`/accounts/${sid}${path}`);
    await expect(console.page.getByRole("banner")).toBeVisible();
    for (const control of await console.main.locator(CONTROLS).all()) {
      if (!(await control.isVisible())) continue;
      const text = ((await control.textContent()) ?? "").trim();
      // Leaving the suspended state is what a suspended account allows (the Owner closes).
      if (["Reactivate account", "Close account"].includes(text)) {
        await expect(control, text).toBeEnabled();
        continue;
      }
      await expect(control, `${path}: ${text}`).toBeDisabled();
      await expect(control, `${path}: ${text}`).toHaveAccessibleDescription(/Umbrella Retail is suspended/);
      checked++;
    }
  }
  expect(checked, "the suspended account's pages have actions to refuse").toBeGreaterThan(5);
});
