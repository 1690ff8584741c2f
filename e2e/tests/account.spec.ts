// Sign-in, the account switcher, Account Info and the Flex overview, by role.
import { expect, test } from "./console";

test("signing in lists the user's accounts with their roles", async ({ console }) => {
  await console.signInAs("Maria Garcia");
  await expect(console.heading("Accounts")).toBeVisible();
  const acme = console.main.getByRole("row", { name: /Acme Support/ });
  await expect(acme).toContainText("Owner");
  await expect(console.main.getByRole("row", { name: /Globex Contact Center/ })).toContainText("Support");
  await expect(console.page.getByTestId("signed-in-user")).toHaveText("Maria Garcia");
});

test("the account switcher works from the keyboard and resets the page", async ({ console, page }) => {
  await console.signInAs("Maria Garcia");
  await console.openAccount("Acme Support");
  const name = console.main.getByLabel("Account name");
  await name.fill("Draft name");
  await console.switcher.click();
  await page.keyboard.type("globex");
  await page.keyboard.press("Enter");
  await console.expectAccountInfo("Globex Contact Center");
  await expect(console.main.getByTestId("your-roles")).toHaveText("Support");
  // back to Acme: nothing typed before the switch survives it
  await console.switcher.click();
  await page.keyboard.type("acme");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await console.expectAccountInfo("Acme Support");
  await expect(console.main.getByLabel("Account name")).toHaveValue("Acme Support");
});

test("a Developer sees and reveals the Auth Token and launches Flex as admin", async ({ console }) => {
  await console.signInAs("Liam O'Brien");
  await console.openAccount("Acme Support");
  const token = console.main.getByTestId("auth-token");
  await expect(token).toHaveText("•".repeat(32));
  await console.main.getByRole("button", { name: "Show" }).first().click();
  await expect(token).toHaveText(/^[0-9a-f]{32}$/);
  await console.navigation.getByRole("link", { name: "Flex overview" }).click();
  await expect(console.main.getByTestId("launch-outcome")).toHaveText(/as admin \(roles admin, wfo\.full_access\)/);
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await expect(console.page.getByTestId("toast-success")).toContainText(/Worker WK[0-9a-f]{32} created with roles admin, wfo\.full_access/);
});

/** The account's Auth Token, as its Owner reveals it on Account Info. */
async function tokenOf(console: import("./console").Console, owner: string, account: string) {
  await console.signInAs(owner);
  await console.openAccount(account);
  await console.main.getByRole("button", { name: "Show" }).first().click();
  const token = (await console.main.getByTestId("auth-token").textContent())!;
  expect(token).toMatch(/^[0-9a-f]{32}$/);
  return token;
}

test("a Billing Manager has no Auth Token anywhere in the page and cannot launch Flex", async ({ console, page }) => {
  const token = await tokenOf(console, "James Chen", "Globex Contact Center");
  await console.signInAs("Sofia Rossi");
  await console.openAccount("Globex Contact Center");
  await expect(console.main).toContainText(
    "Seeing the Auth Token needs the Owner, Administrator or Developer role. You are Billing Manager on Globex Contact Center.",
  );
  await expect(console.main.getByRole("button", { name: "Show" })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await console.navigation.getByRole("link", { name: "Flex overview" }).click();
  // The launch panel names the person's own role and the roles that may launch.
  const refusal =
    "Launching Flex needs the Owner, Administrator, Developer or Support role. You are Billing Manager on Globex Contact Center.";
  await expect(console.main.getByTestId("launch-outcome")).toContainText(refusal);
  const launch = console.main.getByRole("button", { name: "Log in with Console" });
  await expect(launch).toBeDisabled();
  await expect(launch).toHaveAccessibleDescription(refusal);
  expect(await page.content()).not.toContain(token);
});

test("Support sees no token and enters Flex as a read-only admin", async ({ console, page }) => {
  const token = await tokenOf(console, "Maria Garcia", "Acme Support");
  await console.signInAs("Noah Kim");
  await console.openAccount("Acme Support", "/flex");
  await expect(console.main.getByTestId("launch-outcome")).toContainText("read-only admin (roles flex.readonlyadmin)");
  await expect(console.main.getByRole("button", { name: "Show" })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
});

test("a suspended account refuses to launch Flex with its reason", async ({ console }) => {
  await console.signInAs("Maria Garcia");
  await console.openAccount("Acme Support");
  await console.main.getByRole("button", { name: "Suspend account" }).click();
  await expect(console.page.getByTestId("toast-success")).toContainText("Account suspended.");
  await console.navigation.getByRole("link", { name: "Flex overview" }).click();
  await expect(console.main.getByTestId("launch-outcome")).toContainText("You cannot enter Flex: Acme Support is suspended");
  const launch = console.main.getByRole("button", { name: "Log in with Console" });
  await expect(launch).toBeDisabled();
  await expect(launch).toHaveAccessibleDescription(/Acme Support is suspended: it must be reactivated first/);
});

test("an Owner creates the Flex instance and gets a GO SID", async ({ console }) => {
  await console.signInAs("Priya Patel");
  await console.openAccount("Initech Labs", "/flex");
  await console.main.getByRole("button", { name: "Create Flex instance" }).click();
  await expect(console.main.getByTestId("flex-instance-sid")).toHaveText(/^GO[0-9a-f]{32}$/);
  await expect(console.main.getByRole("row", { name: /Flex Task Assignment/ })).toContainText(/WS[0-9a-f]{32}/);
  await expect(console.main.getByRole("row", { name: /Everyone \(target 1==1\)/ })).toBeVisible();
});

test("promoting the secondary token replaces the primary after a confirmation", async ({ console }) => {
  await console.signInAs("Priya Patel");
  await console.openAccount("Initech Labs");
  await console.main.getByRole("button", { name: "Show" }).nth(1).click();
  const secondary = await console.main.getByTestId("secondary-auth-token").textContent();
  await (await console.action("Actions for the secondary Auth Token", "Promote to primary")).click();
  const dialog = console.page.getByRole("dialog", { name: "Promote the secondary token?" });
  await expect(dialog).toContainText("stops working");
  await dialog.getByRole("button", { name: "Promote" }).click();
  await expect(console.page.getByTestId("toast-success")).toContainText("Secondary token promoted");
  await console.main.getByRole("button", { name: "Show" }).first().click();
  await expect(console.main.getByTestId("auth-token")).toHaveText(secondary!);
  await expect(console.main.getByRole("button", { name: "Create secondary token" })).toBeVisible();
});

test("a user who is not a member gets a clear page, and an unknown account too", async ({ console }) => {
  await console.signInAs("Sofia Rossi");
  await console.open("/accounts");
  await console.signInAs("Maria Garcia");
  const acme = await console.openAccount("Acme Support");
  await console.signInAs("Sofia Rossi");
  await console.open(`/accounts/${acme}`);
  await expect(console.heading("You don't have access to this account")).toBeVisible();
  await console.open("/accounts/ACffffffffffffffffffffffffffffffff");
  await expect(console.heading("Account not found")).toBeVisible();
});
