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

export const test = base.extend<{ console: Console }>({
  console: async ({ page }, use) => {
    const console = new Console(page);
    await use(console);
    expect(console.errors, "the page logged no errors").toEqual([]);
  },
});

export { expect };
