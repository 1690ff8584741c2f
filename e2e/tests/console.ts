// Page object for the Console shell, so tests read as what a user does and sees.
import { expect, test as base, type Page } from "@playwright/test";

export class Console {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on("console", (msg) => {
      if (msg.type() === "error") this.errors.push(msg.text());
    });
    page.on("pageerror", (err) => this.errors.push(err.message));
  }

  /** Opens an app path, relative to the server's mount point. */
  async open(path: string) {
    await this.page.goto(path);
    await expect(this.page.getByRole("banner")).toBeVisible();
  }

  get main() {
    return this.page.getByRole("main");
  }

  get navigation() {
    return this.page.getByRole("navigation", { name: "Console" });
  }

  heading(name: string) {
    return this.main.getByRole("heading", { level: 1, name });
  }

  /** Account Info of the account with this name is on screen (its name above the title). */
  async expectAccountInfo(name: string) {
    await expect(this.heading("Account Info")).toBeVisible();
    await expect(this.main.locator(".eyebrow").first()).toHaveText(name);
  }

  /** Signs in from the sign-in page by picking the Console user with this full name. */
  async signInAs(fullName: string) {
    await this.open("/");
    await this.page.getByRole("button", { name: new RegExp("^" + fullName) }).click();
    await expect(this.page).toHaveURL(/\/accounts$/);
    // The accounts list is in a piece of its own (docs/splitting.md): the address changes
    // first, the list shows once the piece is there.
    await expect(this.heading("Accounts")).toBeVisible();
  }

  /** Opens an account's page from the accounts list; returns the account's SID. */
  async openAccount(name: string, page = "") {
    await this.open("/accounts");
    const link = this.main.getByRole("link", { name, exact: true });
    const href = (await link.getAttribute("href"))!;
    const sid = href.split("/").pop()!;
    await this.page.goto(href + page);
    return sid;
  }

  /** Opens a row's "⋯" menu (named like "Actions for Noah Kim") and returns its item `action`. */
  async action(menu: string, action: string) {
    const button = this.main.getByRole("button", { name: menu, exact: true });
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    const item = this.main.getByRole("menu", { name: menu, exact: true }).getByRole("menuitem", { name: action, exact: true });
    await expect(item).toBeVisible();
    return item;
  }

  /** The account switcher's button in the top bar. */
  get switcher() {
    return this.page.getByRole("banner").getByRole("button", { name: /^Account/ });
  }

  /** The theme the page shows now: "light" or "dark". */
  async theme() {
    return this.page.locator("html").getAttribute("data-theme");
  }
}

/** What leaving a page did: how often the browser asked "Leave site?" (`beforeunload`), and
 * what the person answers the next time it does ("leave", as most tests want, or "stay"). */
export type Leaving = { asked: number; answer: "leave" | "stay" };
const leavings = new WeakMap<Page, Leaving>();

/** How leaving `page` went, and how the next "Leave site?" is answered. */
export function leaving(page: Page): Leaving {
  let record = leavings.get(page);
  if (!record) {
    record = { asked: 0, answer: "leave" };
    leavings.set(page, record);
    const asked = record;
    // A listener must answer every dialog, or the page waits; the app opens none but this one.
    page.on("dialog", async (dialog) => {
      if (dialog.type() !== "beforeunload") return dialog.dismiss();
      asked.asked += 1;
      await (asked.answer === "leave" ? dialog.accept() : dialog.dismiss());
    });
  }
  return record;
}

/** Slows the page's CPU `rate` times (Chromium's CPU throttling, through the DevTools
 * protocol), as a busy or slow machine would: it holds across reloads of the page. */
export async function throttle(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

/** `E2E_CPU_THROTTLE=4` runs every page of every test 4 times slower (see docs/testing.md). */
const CPU_RATE = Number(process.env.E2E_CPU_THROTTLE ?? 1);
const throttled = new WeakMap<Page, Promise<void>>();

/** How long a test that looks at `pages` pages (axe on each, or a sweep of its controls) may
 * take: as long for each page as a test of one page is given (`each`), so a test that does
 * more is given more, on a busy machine as on an idle one (and N times more when
 * E2E_CPU_THROTTLE=N). It is a limit, never a wait: the test goes on as soon as the page shows. */
export function timeForPages(pages: number, each = 20_000) {
  return slowed(pages * each);
}

/** A time limit for the machine the test runs on: `ms`, or N times that when E2E_CPU_THROTTLE=N. */
export function slowed(ms: number) {
  return ms * CPU_RATE;
}

export const test = base.extend<{ console: Console }>({
  context: async ({ context }, use) => {
    // Every page of the context, the test's own and the tabs it opens: a "Leave site?" is
    // answered as the test says (Leave by default), and the CPU slowed when asked to.
    context.on("page", (page) => {
      leaving(page);
      if (CPU_RATE > 1) throttled.set(page, throttle(page, CPU_RATE));
    });
    await use(context);
  },
  page: async ({ page }, use) => {
    leaving(page);
    if (CPU_RATE > 1) await (throttled.get(page) ?? throttle(page, CPU_RATE));
    await use(page);
  },
  console: async ({ page }, use) => {
    const console = new Console(page);
    await use(console);
    expect(console.errors, "the page logged no errors").toEqual([]);
  },
});

export { expect };
