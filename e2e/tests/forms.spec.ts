// A form acts on what it shows: selects over lists that change in another tab keep their
// choice by SID (or clear it and say so), and edit forms carry the revision they showed, so
// a save over a newer change is refused with who made it and an offer to load it.
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./console";

const DEMO = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
const USERS = DEMO.console.users as Record<string, { email: string; full_name: string }>;
const sidOf = (name: string) => Object.entries(USERS).find(([, u]) => u.full_name === name)![0];
const ACCOUNTS = DEMO.console.accounts as Record<string, { friendly_name: string }>;
const accountSid = (name: string) => Object.entries(ACCOUNTS).find(([, a]) => a.friendly_name === name)![0];
const ACME = accountSid("Acme Support");

/** `page` (a new tab of `context` if none) signed in as `name`, at `path`: the session is per tab. */
async function tabAs(context: BrowserContext, name: string, path: string, page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  await tab.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), sidOf(name));
  await tab.goto(path);
  await expect(tab.getByRole("heading", { level: 1 })).toBeVisible();
  return tab;
}

/** Removes `member` from Acme Support in `page`, a tab on its Manage users page. */
async function removeMember(page: Page, member: string) {
  await page.getByRole("main").getByRole("button", { name: `Actions for ${member}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Remove", exact: true }).click();
  await page.getByRole("dialog", { name: "Remove member" }).getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("toast-success")).toBeVisible();
}

test("Transfer ownership keeps the member chosen while another tab removes someone else", async ({ console, context }) => {
  // Reported: Maria picks Noah Kim; Liam O'Brien is removed in another tab; her dialog then
  // showed Priya Patel selected, and Transfer made Noah the Owner.
  const maria = await tabAs(context, "Maria Garcia", `/accounts/${ACME}/users`, console.page);
  await maria.getByRole("main").getByRole("button", { name: "Transfer ownership" }).click();
  const dialog = maria.getByRole("dialog", { name: "Transfer ownership" });
  const select = dialog.getByLabel("New Owner");
  await select.selectOption({ label: "Noah Kim (Support)" });

  const priya = await tabAs(context, "Priya Patel", `/accounts/${ACME}/users`);
  await removeMember(priya, "Liam O'Brien");
  await expect(select.locator("option", { hasText: "Liam O'Brien" })).toHaveCount(0);

  await expect(select).toHaveValue(sidOf("Noah Kim"));
  await expect(select.locator("option:checked")).toHaveText("Noah Kim (Support)");
  await dialog.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(maria.getByTestId("toast-success")).toContainText("Noah Kim is now the Owner");
});

test("Transfer ownership clears a chosen member who leaves the list, and says so", async ({ console, context }) => {
  const maria = await tabAs(context, "Maria Garcia", `/accounts/${ACME}/users`, console.page);
  await maria.getByRole("main").getByRole("button", { name: "Transfer ownership" }).click();
  const dialog = maria.getByRole("dialog", { name: "Transfer ownership" });
  const select = dialog.getByLabel("New Owner");
  await select.selectOption({ label: "Liam O'Brien (Developer)" });

  const priya = await tabAs(context, "Priya Patel", `/accounts/${ACME}/users`);
  await removeMember(priya, "Liam O'Brien");

  await expect(dialog.getByTestId("choice-gone")).toHaveText(
    "Liam O'Brien (Developer) is no longer a member of this account; choose again.",
  );
  await expect(select).toHaveValue("");
  await expect(select).toHaveAttribute("aria-describedby", /sid-select-gone/);
  await dialog.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose the member who becomes the Owner.");
  await expect(maria.getByTestId("toast-success")).not.toContainText("is now the Owner");
});

test("the SSO page lets go of an account another tab's import took away", async ({ console, context }) => {
  // Reported: after the state was replaced in another tab, the SSO page stayed on an account
  // that no longer existed; its only option could not be picked again, Log in stayed refused.
  const sso = console.page;
  await console.open("/sso");
  const select = sso.getByLabel("Account");
  await expect(select).toHaveValue(ACME);

  // Another tab imports the demo without Flex on Acme Support.
  const data = structuredClone(DEMO);
  const acme = data.console.accounts[ACME];
  acme.flex = null;
  for (const number of Object.values(acme.phone_numbers) as { studio_flow: string | null }[]) number.studio_flow = null;
  const other = await context.newPage();
  await other.goto("/data");
  await other.getByLabel("Scenario or export file (JSON)").setInputFiles({
    name: "no-flex-on-acme.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await other.getByRole("dialog", { name: "Replace all data?" }).getByRole("button", { name: "Replace data" }).click();
  await expect(other.getByTestId("store-saved")).toHaveText("All changes saved");

  await expect(sso.getByTestId("choice-gone")).toHaveText(
    `Acme Support (${ACME.slice(0, 6)}…${ACME.slice(-4)}) no longer exists or has no Flex; choose again.`,
  );
  await expect(select).toHaveValue("");
  const globex = Object.entries(ACCOUNTS).find(([, a]) => a.friendly_name === "Globex Contact Center")![0];
  await select.selectOption(globex);
  await sso.getByLabel("Email").fill("new.agent@globex.example.com");
  await sso.getByRole("button", { name: "Log in to Flex" }).click();
  await expect(sso.getByTestId("toast-success")).toContainText("Logged in to Flex with SSO");
});

test("Flex settings follow a change saved elsewhere while nothing is edited", async ({ console, context }) => {
  const maria = await tabAs(context, "Maria Garcia", `/accounts/${ACME}/flex/settings`, console.page);
  const priya = await tabAs(context, "Priya Patel", `/accounts/${ACME}/flex/settings`);
  await priya.getByLabel("Call recording").check();
  await priya.getByRole("button", { name: "Save settings" }).click();
  await expect(priya.getByTestId("toast-success")).toContainText("Flex settings saved.");
  await expect(maria.getByLabel("Call recording")).toBeChecked();
  await expect(maria.getByTestId("settings-changed")).toHaveCount(0);
});

test("a Flex settings save over a newer change is refused, names who made it, and loads it", async ({ console, context }) => {
  // Reported: one administrator turned Call recording on and saved; the other, whose form
  // still showed it off, changed only the UI version and saved: recording was off again.
  const maria = await tabAs(context, "Maria Garcia", `/accounts/${ACME}/flex/settings`, console.page);
  const priya = await tabAs(context, "Priya Patel", `/accounts/${ACME}/flex/settings`);
  await maria.getByLabel("Flex UI version").selectOption("2.13.x");

  await priya.getByLabel("Call recording").check();
  await priya.getByRole("button", { name: "Save settings" }).click();
  await expect(priya.getByTestId("toast-success")).toContainText("Flex settings saved.");

  const notice = maria.getByTestId("settings-changed");
  await expect(notice).toContainText(/^Priya Patel changed the Flex settings at \d{4}-\d\d-\d\d \d\d:\d\d UTC, after this form was opened\./);
  await expect(maria.getByLabel("Call recording")).not.toBeChecked();
  // Save is refused up front, with the same reason.
  const save = maria.getByRole("button", { name: "Save settings" });
  await expect(save).toHaveAttribute("aria-disabled", "true");
  await expect(maria.getByTestId("refusal")).toContainText("Priya Patel changed the Flex settings");

  await notice.getByRole("button", { name: "Load the newer values" }).click();
  await expect(maria.getByLabel("Call recording")).toBeChecked();
  await expect(maria.getByLabel("Flex UI version")).toHaveValue("2.x");
  await maria.getByLabel("Flex UI version").selectOption("2.13.x");
  await save.click();
  await expect(maria.getByTestId("toast-success")).toContainText("Flex settings saved.");

  await priya.reload();
  await expect(priya.getByLabel("Call recording")).toBeChecked();
  await expect(priya.getByLabel("Flex UI version")).toHaveValue("2.13.x");
});

test("a role change over a newer one is refused and the newer roles can be loaded", async ({ console, context }) => {
  const maria = await tabAs(context, "Maria Garcia", `/accounts/${ACME}/users`, console.page);
  await maria.getByRole("main").getByRole("button", { name: "Actions for Noah Kim", exact: true }).click();
  await maria.getByRole("menuitem", { name: "Change roles", exact: true }).click();
  const dialog = maria.getByRole("dialog", { name: "Change roles" });
  await dialog.getByLabel("Billing Manager").check();

  const priya = await tabAs(context, "Priya Patel", `/accounts/${ACME}/users`);
  await priya.getByRole("main").getByRole("button", { name: "Actions for Noah Kim", exact: true }).click();
  await priya.getByRole("menuitem", { name: "Change roles", exact: true }).click();
  const other = priya.getByRole("dialog", { name: "Change roles" });
  await other.getByLabel("Developer").check();
  await other.getByRole("button", { name: "Save roles" }).click();
  await expect(priya.getByTestId("toast-success")).toContainText("Noah Kim now has the Developer + Support role.");

  await expect(dialog.getByTestId("roles-changed")).toContainText(/^Priya Patel changed Noah Kim's roles at /);
  await expect(dialog.getByRole("button", { name: "Save roles" })).toHaveAttribute("aria-disabled", "true");
  await dialog.getByRole("button", { name: "Load the newer values" }).click();
  await expect(dialog.getByLabel("Developer")).toBeChecked();
  await expect(dialog.getByLabel("Billing Manager")).not.toBeChecked();
});

test("the TwiML editor says valid only when Save would accept it, the length included", async ({ console, context }) => {
  // Reported: "Valid TwiML." for TwiML over 10,000 characters, which Save then refused.
  const globex = Object.entries(ACCOUNTS).find(([, a]) => a.friendly_name === "Globex Contact Center")![0];
  const page = await tabAs(context, "James Chen", `/accounts/${globex}/twiml-bins`, console.page);
  await page.getByRole("main").getByRole("button", { name: "Create new TwiML Bin" }).click();
  const dialog = page.getByRole("dialog", { name: "TwiML Bin" });
  const twiml = dialog.getByLabel("TwiML");
  await twiml.fill(`<Response><Say>${"a".repeat(10_000)}</Say></Response>`);
  await expect(dialog.locator("#bin-twiml-check")).toHaveText(
    "The TwiML is too long; a TwiML Bin holds at most 10,000 characters; this has 10,032.",
  );
  await expect(twiml).toHaveAttribute("aria-invalid", "true");
  await twiml.fill("<Response><Say>a &#0; b</Say></Response>");
  await expect(dialog.locator("#bin-twiml-check")).toHaveText(
    "Not valid TwiML: line 1, column 18: &#0; is not a character XML allows.",
  );
  await twiml.fill("<Response><Say>Fine</Say></Response>");
  await expect(dialog.locator("#bin-twiml-check")).toHaveText("Valid TwiML.");
});

test("the account name field follows a rename made elsewhere, and an edited one is refused over it", async ({ console, context }) => {
  // Pressing Rename on a field still showing the old name would have put it back.
  const maria = await tabAs(context, "Maria Garcia", `/accounts/${ACME}`, console.page);
  const priya = await tabAs(context, "Priya Patel", `/accounts/${ACME}`);
  const field = maria.getByLabel("Account name");
  await priya.getByLabel("Account name").fill("Acme Customer Care");
  await priya.getByRole("button", { name: "Rename" }).click();
  await expect(priya.getByTestId("toast-success")).toContainText("Account renamed.");
  await expect(field).toHaveValue("Acme Customer Care");

  await field.fill("Acme Support EMEA");
  await priya.getByLabel("Account name").fill("Acme Care");
  await priya.getByRole("button", { name: "Rename" }).click();
  await expect(maria.getByTestId("name-changed")).toContainText(
    /^Priya Patel changed the name of Acme Care at .*, after this form was opened\./,
  );
  await expect(maria.getByRole("button", { name: "Rename" })).toHaveAttribute("aria-disabled", "true");
  await maria.getByTestId("name-changed").getByRole("button", { name: "Load the newer values" }).click();
  await expect(field).toHaveValue("Acme Care");
});
