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
