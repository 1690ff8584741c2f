// Words a person uses, and one set of rules for every way in: imports are held to the
// commands' rules and say what is wrong in plain words; refusals name people, not SIDs;
// focus starts on the page's heading after signing in.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./console";

const DEMO = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
const ACME = Object.entries(DEMO.console.accounts as Record<string, { friendly_name: string }>).find(
  ([, a]) => a.friendly_name === "Acme Support",
)![0];
const sidOf = (name: string) =>
  Object.entries(DEMO.console.users as Record<string, { full_name: string }>).find(([, u]) => u.full_name === name)![0];

/** Chooses a file for the Data page's import and returns what the page says about it. */
async function importFile(page: Page, text: string) {
  await page.getByLabel("Scenario or export file (JSON)").setInputFiles({
    name: "file.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  return page.getByTestId("import-error");
}

test("signing in with the keyboard puts focus on the next page's heading", async ({ console }) => {
  await console.open("/");
  const card = console.main.getByRole("button", { name: /^Maria Garcia/ });
  await card.focus();
  await console.page.keyboard.press("Enter");
  await expect(console.page).toHaveURL(/\/accounts$/);
  await expect(console.heading("Accounts")).toBeFocused();
});

test("an import that is not a scenario file is said in plain words", async ({ console }) => {
  // Reported: "invalid length 0, expected struct Envelope with 5 elements".
  await console.open("/data");
  const error = await importFile(console.page, "[]");
  await expect(error).toContainText(
    "must be a scenario or export file, a JSON object with format, name, now and console; this is a list",
  );
  await expect(error).not.toContainText("struct");
  const missing = structuredClone(DEMO);
  delete missing.now;
  await expect(await importFile(console.page, JSON.stringify(missing))).toContainText("the field now is missing");
});

test("an import is held to the rules the commands keep", async ({ console }) => {
  await console.open("/data");
  // Rename allows 64 characters: so does import.
  const long = structuredClone(DEMO);
  long.console.accounts[ACME].friendly_name = "A".repeat(10_000);
  let error = await importFile(console.page, JSON.stringify(long));
  await expect(error).toContainText(`console.accounts.${ACME}.friendly_name: can have at most 64 characters`);

  // An activity entry by a person who does not exist.
  const ghost = structuredClone(DEMO);
  ghost.console.activity[3].by = { user: `US${"0".repeat(32)}` };
  error = await importFile(console.page, JSON.stringify(ghost));
  await expect(error).toContainText("console.activity[3].by: no Console user has this SID");

  // A clock past the Console's range: one invitation later, its export could not be read.
  const late = structuredClone(DEMO);
  late.now = "18446744073709551615";
  error = await importFile(console.page, JSON.stringify(late).replace(`"${late.now}"`, late.now));
  await expect(error).toContainText("now: must be a time from 1970-01-01 to 9999-12-24 23:59 UTC");
  await expect(console.page.getByRole("dialog")).toHaveCount(0);
});

test("a refusal names the person, not their SID", async ({ console, context }) => {
  // Reported: "US988e… is not a member of this account".
  const maria = console.page;
  await maria.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), sidOf("Maria Garcia"));
  await maria.goto(`/accounts/${ACME}/users`);
  await console.main.getByRole("button", { name: "Actions for Liam O'Brien", exact: true }).click();
  await maria.getByRole("menuitem", { name: "Change roles", exact: true }).click();
  const dialog = maria.getByRole("dialog", { name: "Change roles" });
  await dialog.getByLabel("Support").check();

  const priya = await context.newPage();
  await priya.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), sidOf("Priya Patel"));
  await priya.goto(`/accounts/${ACME}/users`);
  await priya.getByRole("main").getByRole("button", { name: "Actions for Liam O'Brien", exact: true }).click();
  await priya.getByRole("menuitem", { name: "Remove", exact: true }).click();
  await priya.getByRole("dialog", { name: "Remove member" }).getByRole("button", { name: "Remove member" }).click();
  await expect(priya.getByTestId("toast-success")).toBeVisible();

  await expect(dialog.getByTestId("roles-changed")).toHaveText("Liam O'Brien is not a member of Acme Support.");
  await expect(dialog.getByRole("button", { name: "Save roles" })).toHaveAttribute("aria-disabled", "true");
  await expect(dialog).not.toContainText(sidOf("Liam O'Brien").slice(0, 6));
});
