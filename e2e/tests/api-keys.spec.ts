// API keys & tokens: a key created with its secret shown once (Copy, "Got it", never again),
// renamed, deleted with a confirmation; refused up front for the roles the matrix leaves out.
import type { Locator } from "@playwright/test";
import { expect, test, type Console } from "./console";

const GLOBEX = "Globex Contact Center";

/** The secret step of the create dialog. */
const step = (dialog: Locator) => dialog.getByTestId("new-key");

/** Creates a key from the page's Create button; gives its SID and secret, read off the dialog. */
async function createKey(console: Console, name: string, type: "Standard" | "Main") {
  const { page } = console;
  await console.main.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create new API key" });
  await dialog.getByLabel("Friendly name").fill(name);
  await dialog.getByRole("radio", { name: new RegExp(`^${type}`) }).check();
  await dialog.getByRole("button", { name: "Create API key" }).click();
  const step = dialog.getByTestId("new-key");
  await expect(step).toBeVisible();
  const sid = (await step.getByTestId("sid").textContent())!;
  const secret = (await step.getByTestId("secret").textContent())!;
  return { dialog, sid, secret };
}

test("a Developer finds the keys from the Auth Token, creates a Main key and sees its secret once", async ({ console, page }) => {
  await console.signInAs("Liam O'Brien");
  await console.openAccount(GLOBEX);
  await console.main.getByRole("link", { name: "Manage API keys & tokens" }).click();
  await expect(page).toHaveURL(/\/api-keys$/);
  await expect(console.heading("API keys & tokens")).toBeVisible();
  await expect(console.main.getByTestId("no-keys")).toBeVisible();
  // The Auth Tokens are on this page too, as on Twilio's.
  await expect(console.main.getByRole("button", { name: "Copy Auth Token" })).toBeVisible();

  const { dialog, sid, secret } = await createKey(console, "Deploy pipeline", "Main");
  expect(sid).toMatch(/^SK[0-9a-f]{32}$/);
  expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
  await expect(dialog.getByRole("button", { name: "Copy Secret" })).toBeFocused();
  // Neither Escape (twice: a browser may insist the second time) nor Done lets the secret go
  // before the box is ticked, and Done says why before it is pressed.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(dialog.getByTestId("new-key")).toBeVisible();
  await expect(step(dialog).getByTestId("secret")).toHaveText(secret);
  const done = dialog.getByRole("button", { name: "Done" });
  await expect(done).toHaveAccessibleDescription("Tick the box first: once this closes, the secret cannot be shown again.");
  await done.click({ force: true });
  await expect(dialog.locator(".field-error")).toHaveText("Tick the box first: once this closes, the secret cannot be shown again.");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Got it!/).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast-success")).toContainText("The API key Deploy pipeline was created.");
  await expect(console.main.getByRole("button", { name: "Create API key" })).toBeFocused();

  const row = console.main.getByTestId("key-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("rowheader")).toHaveText("Deploy pipeline");
  await expect(row.getByRole("cell", { name: "Main", exact: true })).toBeVisible();
  await expect(row.locator(".inline-sid")).toHaveAttribute("data-sid", sid);
  // Never again: not on the page, not after a reload, not in the log.
  await expect(page.locator("body")).not.toContainText(secret);
  await page.reload();
  await expect(row).toHaveCount(1);
  expect(await page.content()).not.toContain(secret);
  await page.goto(page.url().replace("/api-keys", "/activity"));
  await expect(console.main).toContainText("Created the Main API key Deploy pipeline");
  expect(await page.content()).not.toContain(secret);
});

test("a key is renamed and deleted after a confirmation; a pasted SK SID opens its page", async ({ console, page }) => {
  await console.signInAs("James Chen");
  // The Flex overview's Auth Token leads here too.
  await console.openAccount(GLOBEX, "/flex");
  await console.main.getByRole("link", { name: "Manage API keys & tokens" }).click();
  await expect(console.heading("API keys & tokens")).toBeVisible();
  const { dialog, sid } = await createKey(console, "Old name", "Standard");
  await dialog.getByLabel(/^Got it!/).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  await page.goto(page.url().replace(/\/accounts\/.*$/, "/accounts"));
  await page.keyboard.press("Control+k");
  await page.keyboard.insertText(sid);
  await expect(page.getByRole("option").first()).toContainText("Old name");
  await page.keyboard.press("Enter");
  await expect(console.heading("API keys & tokens")).toBeVisible();

  await (await console.action("Actions for Old name", "Rename")).click();
  const rename = page.getByRole("dialog", { name: "Rename API key" });
  await expect(rename.getByLabel("Friendly name")).toHaveValue("Old name");
  await rename.getByLabel("Friendly name").fill("  ");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByRole("alert")).toHaveText("The API key name must not be empty.");
  await rename.getByLabel("Friendly name").fill("Reporting export");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  const row = console.main.getByTestId("key-row");
  await expect(row.getByRole("rowheader")).toHaveText("Reporting export");
  await expect(row.locator(".inline-sid")).toHaveAttribute("data-sid", sid);
  await expect(row.getByRole("cell", { name: "Standard", exact: true })).toBeVisible();

  await (await console.action("Actions for Reporting export", "Delete")).click();
  const confirm = page.getByRole("dialog", { name: "Delete this API key?" });
  await expect(confirm).toContainText("Reporting export will be revoked at once");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveCount(1);
  await (await console.action("Actions for Reporting export", "Delete")).click();
  await confirm.getByRole("button", { name: "Delete API key" }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("toast-success")).toContainText("The API key Reporting export was deleted.");
  await expect(console.main.getByTestId("no-keys")).toBeVisible();
});

test("a Billing Manager gets no link and no page; a suspended account's Create is refused up front", async ({ console, page }) => {
  await console.signInAs("Sofia Rossi");
  const sid = await console.openAccount(GLOBEX);
  await console.expectAccountInfo(GLOBEX);
  await expect(console.main.getByRole("link", { name: "Manage API keys & tokens" })).toHaveCount(0);
  await console.open(`/accounts/${sid}/flex`);
  await expect(console.heading("Flex overview")).toBeVisible();
  await expect(console.main.getByRole("link", { name: "Manage API keys & tokens" })).toHaveCount(0);
  // The navigation marks the page refused, with the domain's reason.
  await expect(console.navigation.getByRole("link", { name: "API keys & tokens" })).toHaveAccessibleDescription(
    /^Managing API keys needs the Owner, Administrator or Developer role/,
  );
  await console.open(`/accounts/${sid}/api-keys`);
  await expect(console.main.getByTestId("no-permission")).toContainText(
    "Managing API keys needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center.",
  );

  await console.signInAs("Ahmed Hassan");
  await console.openAccount("Umbrella Retail", "/api-keys");
  const create = console.main.getByRole("button", { name: "Create API key" });
  await expect(create).toHaveAttribute("aria-disabled", "true");
  // The reason is there before the button is pressed, and pressing opens nothing.
  await expect(create).toHaveAccessibleDescription(
    "Umbrella Retail is suspended: it must be reactivated first, which needs the Owner or Administrator role.",
  );
  await create.click({ force: true });
  await expect(create).toHaveAccessibleDescription(
    "Umbrella Retail is suspended: it must be reactivated first, which needs the Owner or Administrator role.",
  );
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
