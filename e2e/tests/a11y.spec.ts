// axe-core on every page of the Console and of the Flex UI, light and dark, with the account
// switcher, the user menu, the palette and a dialog open: nothing it finds is let through.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { callRinging, contactCenterPages } from "./contact";
import { expect, test, timeForPages, type Console } from "./console";

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
const FLEX_PAGES = ["", "/agent-desktop", "/teams", "/queues", "/admin", "/admin/skills", "/insights"];

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

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the sign-in page, the accounts list, Activity, the Data and SSO pages", async ({ console }) => {
      test.setTimeout(timeForPages(6));
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
      test.setTimeout(timeForPages(ACCOUNT_PAGES.length + 5));
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
      test.setTimeout(timeForPages(3));
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

    test("a form over a record changed elsewhere, and a choice that left its list", async ({ console, context, page }) => {
      await console.signInAs("Maria Garcia");
      const sid = await console.openAccount("Acme Support", "/flex/settings");
      await console.main.getByLabel("Flex UI version").selectOption("2.13.x");
      // Another tab signed in as Maria saves a newer change.
      const other = await context.newPage();
      const maria = await page.evaluate(() => sessionStorage.getItem("flex-console.signed-in"));
      await other.addInitScript((who) => sessionStorage.setItem("flex-console.signed-in", who!), maria);
      await other.goto(`/accounts/${sid}/flex/settings`);
      await other.getByLabel("Call recording").check();
      await other.getByRole("button", { name: "Save settings" }).click();
      await expect(console.main.getByTestId("settings-changed")).toBeVisible();
      await clean(console, "Flex settings changed elsewhere");
      await console.open(`/accounts/${sid}/users`);
      await console.main.getByRole("button", { name: "Transfer ownership" }).click();
      await page.getByLabel("New Owner").selectOption({ label: "Liam O'Brien (Developer)" });
      await other.goto(`/accounts/${sid}/users`);
      await other.getByRole("main").getByRole("button", { name: "Actions for Liam O'Brien", exact: true }).click();
      await other.getByRole("menuitem", { name: "Remove", exact: true }).click();
      await other.getByRole("dialog", { name: "Remove member" }).getByRole("button", { name: "Remove member" }).click();
      await expect(page.getByTestId("choice-gone")).toContainText("is no longer a member");
      await clean(console, "Transfer ownership with its choice gone");
    });

    test("every TaskRouter page, its dialogs and Try a task, with the routed contact center", async ({ console, page }) => {
      test.setTimeout(90_000);
      await console.signInAs("James Chen");
      for (const path of TASKROUTER_PAGES) {
        await console.open(`/accounts/${GLOBEX}${path}`);
        await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
        await clean(console, `/accounts/…${path}`);
      }
      await console.open(`/accounts/${GLOBEX}${WORKFLOW_PAGE}`);
      await console.main.getByRole("button", { name: "Try a task" }).click();
      await expect(console.main.getByTestId("try-step").first()).toBeVisible();
      await clean(console, "Try a task, answered");
      // A broken expression and a JSON mistake, as they are shown.
      await console.main.getByTestId("filter").first().getByLabel("Matching Tasks").fill("language ==");
      await console.main.getByLabel("Configuration (JSON)").fill("{");
      await clean(console, "a workflow with a broken expression and JSON");
      await console.open(`/accounts/${GLOBEX}/taskrouter/queues`);
      await console.main.getByRole("button", { name: "Create task queue" }).click();
      await page.getByRole("dialog", { name: "Create task queue" }).getByLabel("Queue Expression").fill("routing.skills HAS");
      await clean(console, "the Create task queue dialog with a broken expression");
      await page.keyboard.press("Escape");
      await console.open(`/accounts/${GLOBEX}/taskrouter/activities`);
      await console.action("Actions for Offline", "Delete");
      await clean(console, "an activity's menu with a refused Delete");
    });

    test("the Flex UI's skills: the catalogue, and an agent's skills from Teams", async ({ console, page }) => {
      await console.signInAs("James Chen");
      await console.open(`/accounts/${GLOBEX}/flex`);
      await console.main.getByRole("button", { name: "Log in with Console" }).click();
      await expect(page).toHaveURL(new RegExp(`/flex/${GLOBEX}/agent-desktop$`));
      await page.goto(`/flex/${GLOBEX}/admin/skills`);
      await console.main.getByRole("button", { name: "Add skill" }).click();
      await expect(page.getByRole("dialog", { name: "Add skill" })).toBeVisible();
      expect(await findings(page), "axe on the Add skill dialog").toEqual([]);
      await page.keyboard.press("Escape");
      await page.goto(`/flex/${GLOBEX}/teams`);
      await console.main.getByRole("button", { name: "Skills of Hannah Becker" }).click();
      await expect(page.getByRole("dialog", { name: "Skills of Hannah Becker" })).toBeVisible();
      expect(await findings(page), "axe on an agent's Skills dialog").toEqual([]);
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
      test.setTimeout(timeForPages(FLEX_PAGES.length));
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
