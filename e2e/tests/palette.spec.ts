// Jump anywhere, with the keyboard alone: the palette (Ctrl+K, `/`), its kinds of result, a SID
// the user may not see, Escape, the one-step user switch, the shortcuts, and focus that never
// falls back to the page after a pressed control goes away.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test, type Console } from "./console";

const DEMO = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
const accountSid = (name: string) =>
  Object.entries(DEMO.console.accounts as Record<string, { friendly_name: string }>).find(([, a]) => a.friendly_name === name)![0];
const ACME = accountSid("Acme Support");
const GLOBEX = accountSid("Globex Contact Center");
const workerSid = (account: string, email: string) =>
  Object.entries(DEMO.console.accounts[account].flex.workspace.workers as Record<string, { identity: string }>).find(
    ([, w]) => w.identity === email,
  )![0];
const CHLOE = workerSid(ACME, "chloe.nguyen@acme-support.example.com");
const OFFLINE = (DEMO.console.accounts[ACME].flex.workspace.activities as { sid: string; friendly_name: string }[]).find(
  (a) => a.friendly_name === "Offline",
)!.sid;

const palette = (page: Page) => page.getByRole("dialog", { name: "Jump to" });
const field = (page: Page) => palette(page).getByRole("combobox");

async function openAcme(console: Console, who: string, path = "") {
  await console.signInAs(who);
  await console.page.goto(`/accounts/${ACME}${path}`);
  await expect(console.page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("part of a worker SID finds the worker, and Enter opens the worker's own page", async ({ console, page }) => {
  await openAcme(console, "Maria Garcia");
  await page.keyboard.press("Control+k");
  await expect(field(page)).toBeFocused();
  await page.keyboard.type(CHLOE.slice(0, 10));
  const first = palette(page).getByRole("option").first();
  await expect(first).toContainText("Chloe Nguyen");
  await expect(field(page)).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${ACME}/taskrouter/workers/${CHLOE}$`));
  await expect(console.heading("Chloe Nguyen")).toBeVisible();
});

test("on Activities, a typed search shows at once and a jump to an activity there replaces it", async ({ console, page }) => {
  await openAcme(console, "Maria Garcia", "/taskrouter/activities");
  const search = console.main.getByLabel("Search");
  await search.pressSequentially("zzz-nobody");
  await expect(console.main.getByText("No activities match.")).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=zzz-nobody$/);
  // The palette's jump changes this page's URL from outside: the page follows it.
  await page.keyboard.press("Control+k");
  await page.keyboard.insertText(OFFLINE);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${ACME}/taskrouter/activities\\?q=${OFFLINE}$`));
  await expect(search).toHaveValue(OFFLINE);
  await expect(console.main.getByText("1 of 3 activities", { exact: true })).toBeVisible();
});

test("a full pasted account SID goes to that account; a page name and an action are found", async ({ console, page }) => {
  await openAcme(console, "James Chen");
  await page.keyboard.press("/");
  await page.keyboard.insertText(GLOBEX);
  await expect(palette(page).getByRole("option").first()).toContainText("Globex Contact Center");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${GLOBEX}$`));
  await expect(console.switcher).toContainText("Globex Contact Center");

  await page.keyboard.press("Control+k");
  await page.keyboard.type("twiml");
  await expect(palette(page).getByRole("option").first()).toContainText("TwiML Bins");
  await page.keyboard.press("Enter");
  await expect(console.heading("TwiML Bins")).toBeVisible();

  await page.keyboard.press("Control+k");
  await page.keyboard.type("invite");
  await expect(palette(page).getByRole("option").first()).toContainText("Invite user");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Invite user" })).toBeVisible();
  await expect(page).not.toHaveURL(/do=/);
});

test("actions are offered only when the domain allows them, and a hidden SID says why", async ({ console, page }) => {
  await console.signInAs("Sofia Rossi");
  await page.goto(`/accounts/${GLOBEX}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("Control+k");
  await page.keyboard.type("invite");
  await expect(palette(page).getByRole("option", { name: /Invite user/ })).toHaveCount(0);
  await field(page).fill("");
  const worker = workerSid(GLOBEX, "daniel.wright@globex.example.com");
  await page.keyboard.insertText(worker);
  await expect(palette(page).getByTestId("palette-hidden")).toHaveText(
    `${worker} is a worker you may not see here: Viewing workers needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center.`,
  );
  await field(page).fill("");
  await page.keyboard.insertText(workerSid(ACME, "chloe.nguyen@acme-support.example.com"));
  await expect(palette(page).getByTestId("palette-hidden")).toContainText("in an account you are not a member of");
});

test("Escape closes the palette and gives focus back", async ({ console, page }) => {
  await openAcme(console, "Maria Garcia");
  const opener = page.getByRole("button", { name: /^Jump to/ });
  await opener.focus();
  await page.keyboard.press("Enter");
  await expect(field(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(palette(page)).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test("the user menu switches user in one step, and leaves a page the new user may not use", async ({ console, page }) => {
  await openAcme(console, "Maria Garcia", "/users");
  await expect(console.heading("Manage users")).toBeVisible();
  await page.getByRole("banner").getByRole("button", { name: /Signed in as/ }).click();
  await page.getByLabel("Switch to").fill("noah");
  await page.getByRole("banner").getByRole("button", { name: /^Noah Kim/ }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText("Noah Kim");
  // Support may not manage users: the account's own page instead.
  await expect(page).toHaveURL(new RegExp(`/accounts/${ACME}$`));
  await expect(console.main.getByTestId("your-roles")).toHaveText("Support");
  // And back, Maria listed first as the most recent.
  await page.getByRole("banner").getByRole("button", { name: /Signed in as/ }).click();
  await expect(page.locator(".user-switch .menu-item").first()).toContainText("Maria Garcia");
});

test("? lists the shortcuts, and g then u opens Manage users", async ({ console, page }) => {
  await openAcme(console, "Maria Garcia");
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByTestId("shortcuts")).toContainText("g then u");
  await page.keyboard.press("Escape");
  await page.keyboard.press("g");
  await page.keyboard.press("u");
  await expect(console.heading("Manage users")).toBeVisible();
});

test("focus moves to what replaced the pressed button after Create Flex instance", async ({ console, page }) => {
  await console.signInAs("Priya Patel");
  await console.openAccount("Initech Labs", "/flex");
  const create = console.main.getByRole("button", { name: "Create Flex instance" });
  await create.focus();
  await page.keyboard.press("Enter");
  await expect(console.main.getByRole("button", { name: "Log in with Console" })).toBeFocused();
  await expect(page.getByTestId("toast-success")).toContainText("Flex instance created");
});

test("focus stays in the list after a row is deleted", async ({ console, page }) => {
  await console.signInAs("Liam O'Brien");
  await console.openAccount("Globex Contact Center", "/twiml-bins");
  // The row's menu, by keyboard: Enter opens it on "Edit", the arrow moves to "Delete".
  const menu = console.main.getByTestId("bin-row").getByRole("button", { name: /^Actions for / });
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(console.main.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(console.main.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Delete this TwiML Bin?" });
  await confirm.getByRole("button", { name: "Delete TwiML Bin" }).focus();
  await page.keyboard.press("Enter");
  await expect(console.main.getByTestId("bin-row")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});
