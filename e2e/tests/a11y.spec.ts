// axe-core on every page of the Console and of the Flex UI, light and dark, with the account
// switcher, the user menu, the palette and a dialog open: nothing it finds is let through.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { callRinging, contactCenterPages } from "./contact";
import { expect, test, type Console } from "./console";

/** What axe finds on the page as it is now, one line per rule and element. */
async function findings(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim()})`));
}

async function clean(console: Console, what: string) {
  await expect(console.page.getByRole("banner")).toBeVisible();
  expect(await findings(console.page), `axe on ${what}`).toEqual([]);
}

const ACCOUNT_PAGES = ["", "/api-keys", "/flex", "/flex/users", "/flex/settings", "/flex/addresses", "/users", "/billing", "/activity", "/phone-numbers", "/studio", "/taskrouter", "/taskrouter/tasks", "/functions", "/twiml-bins"];
const FLEX_PAGES = ["", "/agent-desktop", "/teams", "/queues", "/admin", "/insights"];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the sign-in page, the accounts list, Activity, the Data and SSO pages", async ({ console }) => {
      await console.open("/");
      await clean(console, "the sign-in page");
      await console.signInAs("Maria Garcia");
      await clean(console, "/accounts");
      for (const path of ["/activity", "/activity?q=bought&from=2025-03-05&to=2025-03-01", "/data", "/sso"]) {
        await console.open(path);
        await clean(console, path);
      }
    });

    test("every page of an account, with the switcher, the user menu, the palette and a dialog open", async ({ console, page }) => {
      // Thirteen pages and five overlays, each analysed by axe: longer than a journey.
      test.setTimeout(90_000);
      await console.signInAs("Maria Garcia");
      const sid = await console.openAccount("Acme Support");
      for (const path of ACCOUNT_PAGES) {
        await console.open(`/accounts/${sid}${path}`);
        await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
        await clean(console, `/accounts/…${path}`);
      }
      await console.switcher.click();
      await expect(page.getByRole("option").first()).toBeVisible();
      await clean(console, "the account switcher");
      await page.keyboard.press("Escape");
      await page.getByRole("banner").getByRole("button", { name: /^Signed in as/ }).click();
      await clean(console, "the user menu");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+k");
      await page.keyboard.type("ch");
      await expect(page.getByRole("dialog", { name: "Jump to" }).getByRole("option").first()).toBeVisible();
      await clean(console, "the palette");
      await page.keyboard.press("Escape");
      await console.open(`/accounts/${sid}/users`);
      await console.main.getByRole("button", { name: "Invite user" }).click();
      await expect(page.getByRole("dialog", { name: "Invite user" })).toBeVisible();
      await clean(console, "the Invite user dialog");
      await page.keyboard.press("Escape");
      // A row's menu, with a refused item and its reason (the Owner may not be removed).
      await console.action("Actions for Maria Garcia", "Remove");
      await clean(console, "a row's menu");
    });

    test("an API key's two steps: the form, and the secret shown once, with a key listed", async ({ console, page }) => {
      await console.signInAs("Maria Garcia");
      await console.openAccount("Acme Support", "/api-keys");
      await console.main.getByRole("button", { name: "Create API key" }).click();
      const dialog = page.getByRole("dialog", { name: "Create new API key" });
      await dialog.getByLabel("Friendly name").fill("Website chat");
      await clean(console, "the API key form");
      await dialog.getByRole("button", { name: "Create API key" }).click();
      await expect(dialog.getByTestId("new-key")).toBeVisible();
      await clean(console, "the new key's secret");
      await dialog.getByLabel(/^Got it!/).check();
      await dialog.getByRole("button", { name: "Done" }).click();
      await expect(console.main.getByTestId("key-row")).toHaveCount(1);
      await clean(console, "the API keys list");
    });

    test("a phone's navigation drawer and a table as cards", async ({ console, page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await console.signInAs("Maria Garcia");
      const sid = await console.openAccount("Acme Support", "/flex/users");
      await expect(console.heading("Flex users")).toBeVisible();
      await clean(console, "Flex users as cards");
      await page.getByRole("banner").getByRole("button", { name: "Menu" }).click();
      await expect(console.navigation.getByRole("link").first()).toBeFocused();
      await clean(console, `the navigation drawer on /accounts/${sid}/flex/users`);
    });

    test("the contact center at work: a call ringing on the desk, its task's pages, queue stats and Teams", async ({ console, context }) => {
      // Six pages, each analysed by axe (which needs the clock running); the desk first, ringing.
      test.setTimeout(90_000);
      const { sid, task } = await callRinging(console, context, { freeze: false });
      for (const path of contactCenterPages(sid, task)) {
        await console.open(path);
        await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await findings(console.page), `axe on ${path.replace(sid, "…")}`).toEqual([]);
      }
    });

    test("every page of the Flex UI", async ({ console }) => {
      await console.signInAs("Maria Garcia");
      const sid = await console.openAccount("Acme Support", "/flex");
      await console.main.getByRole("button", { name: "Log in with Console" }).click();
      await expect(console.page).toHaveURL(new RegExp(`/flex/${sid}`));
      for (const path of FLEX_PAGES) {
        await console.page.goto(`/flex/${sid}${path}`);
        await expect(console.page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await findings(console.page), `axe on /flex/…${path}`).toEqual([]);
      }
    });
  });
}
