// Billing: the Flex plan and upgrading a trial, by role.
import { expect, slowed, test, type Console } from "./console";

/** Fills the payment form of step 2 and continues. */
async function pay(console: Console, card: { number: string; expiry: string; cvc?: string }) {
  await console.main.getByLabel("Cardholder name").fill("Noah Kim");
  await console.main.getByLabel("Card number").fill(card.number);
  await console.main.getByLabel("Expiry (MM/YY)").fill(card.expiry);
  await console.main.getByLabel("Security code (CVC)").fill(card.cvc ?? "123");
  await console.main.getByRole("button", { name: "Continue" }).click();
}

test("a Billing Manager sees the trial plan and upgrades Acme through the flow", async ({ console, page }) => {
  // Acme has no Billing Manager in the demo: its Owner makes Noah Kim one first.
  await console.signInAs("Maria Garcia");
  await console.openAccount("Acme Support", "/users");
  await (await console.action("Actions for Noah Kim", "Change roles")).click();
  const roles = page.getByRole("dialog", { name: "Change roles" });
  await roles.getByLabel("Billing Manager", { exact: true }).check();
  await roles.getByLabel("Support", { exact: true }).uncheck();
  await roles.getByRole("button", { name: "Save roles" }).click();
  await expect(console.main.getByRole("row", { name: /Noah Kim/ })).toContainText("Billing Manager");

  await console.navigation.getByRole("link", { name: "Switch user" }).click();
  await page.getByRole("button", { name: /^Noah Kim/ }).click();
  await console.main.getByRole("link", { name: "Acme Support", exact: true }).click();
  await console.navigation.getByRole("link", { name: "Billing" }).click();
  await expect(console.heading("Billing")).toBeVisible();
  await expect(console.main.getByTestId("plan-plan")).toHaveText("Trial");

  // step 1: the terms must be accepted
  await console.main.getByRole("button", { name: "Continue" }).click();
  const terms = console.main.getByLabel("I accept the Flex fair-usage terms");
  await expect(terms).toHaveAccessibleDescription("Accept the fair-usage terms to continue.");
  await terms.check();
  await console.main.getByRole("button", { name: "Continue" }).click();

  // step 2: a mistyped card number is caught before anything is sent
  await pay(console, { number: "4242 4242 4242 4241", expiry: "12/30" });
  const number = console.main.getByLabel("Card number");
  await expect(number).toHaveAttribute("aria-invalid", "true");
  await expect(number).toHaveAccessibleDescription(/This card number is not valid/);
  await pay(console, { number: "4242 4242 4242 4242", expiry: "12/30" });

  // step 3: only the masked card remains
  await expect(console.main).toContainText("Payment method: Visa ending 4242");
  await console.main.getByRole("button", { name: "Upgrade" }).click();
  await expect(console.main.getByRole("alert")).toHaveText("Choose how Flex is billed: Named User or Active User Hours.");
  await console.main.getByLabel(/^Named User/).check();
  await console.main.getByRole("button", { name: "Upgrade" }).click();

  await expect(page.getByTestId("toast-success")).toContainText("5,000 free Active User Hours granted");
  await expect(console.main).toContainText("5,000 free Active User Hours granted");
  await expect(console.main.getByTestId("plan-plan")).toHaveText("Paid");
  await expect(console.main.getByTestId("plan-billing-model")).toHaveText("Named User");
  // Lucas Martin has been Available since January, on the trial: only time from now counts.
  await expect(console.main.getByTestId("hours-left")).toHaveText("5,000.0");
  await expect(console.main.getByTestId("hours-used")).toHaveText("0.0");
  await expect(console.main.getByTestId("plan-payment-method")).toHaveText("Visa ending 4242");
  await expect(page.locator("body")).not.toContainText("4242 4242");
});

test("an expired card or a short security code shows what is wrong", async ({ console }) => {
  await console.signInAs("Maria Garcia");
  await console.openAccount("Acme Support", "/billing");
  await console.main.getByLabel("I accept the Flex fair-usage terms").check();
  await console.main.getByRole("button", { name: "Continue" }).click();
  await pay(console, { number: "5555 5555 5555 4444", expiry: "02/25", cvc: "12" });
  await expect(console.main.getByLabel("Expiry (MM/YY)")).toHaveAccessibleDescription(
    "This card has expired; use a card that is still valid.",
  );
  await expect(console.main.getByLabel("Security code (CVC)")).toHaveAccessibleDescription(
    "The security code (CVC) is the 3 or 4 digits on the card.",
  );
  await expect(console.main.getByLabel("Card number")).not.toHaveAttribute("aria-invalid", "true");
  await expect(console.main.getByTestId("plan-plan")).toHaveText("Trial");
  await expect(console.main.getByTestId("hours-left")).toHaveText("None");
  await expect(console.main).toContainText("on a trial; upgrading to a paid plan grants 5,000");
});

/**
 * Enters Flex from the open account's Flex overview, sets the own status from the pill in the
 * top bar, and goes back to the Console until its top bar says the change is saved: the
 * caller reloads next, and a reload before the write lands loses it (the worker would still
 * be Available after it, and count hours while the test thinks them Offline).
 */
async function setOwnStatus(console: Console, status: string) {
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await console.page.getByRole("navigation", { name: "Flex" }).getByRole("link", { name: "Agent desktop" }).click();
  await console.page.getByRole("banner").getByLabel("Your status").selectOption({ label: status });
  await expect(console.main.getByTestId("own-activity")).toHaveText(status);
  await console.page.getByRole("link", { name: "Back to Console" }).click();
  await expect(console.page.getByRole("banner").getByTestId("save-state")).toHaveText("All changes saved");
}

test("free Active User Hours go down while a worker is Available, on the Flex overview and Billing", async ({ console, page }) => {
  // The browser's clock, moved on by the test: the Console's follows it.
  await page.clock.install();
  await console.signInAs("James Chen");
  await console.openAccount("Globex Contact Center", "/flex");
  const [left, used, beyond] = ["hours-left", "hours-used", "hours-beyond"].map((id) => console.main.getByTestId(id));
  // Nobody at Globex is Available in the demo: all the free hours are left.
  await expect(left).toHaveText("5,000.0");
  await expect(used).toHaveText("0.0");
  await setOwnStatus(console, "Available");

  await console.openAccount("Globex Contact Center", "/flex");
  await expect(left).toHaveText("5,000.0");
  // 90 minutes on, on the same page.
  await page.clock.fastForward(90 * 60 * 1000);
  await expect(left).toHaveText("4,998.5", { timeout: slowed(10_000) });
  await expect(used).toHaveText("1.5");
  await expect(beyond).toHaveText("0.0");
  await expect(console.main).toContainText("4,998.5 of 5,000");

  await console.navigation.getByRole("link", { name: "Billing" }).click();
  await expect(console.heading("Billing")).toBeVisible();
  await expect(left).toHaveText("4,998.5");
  await page.clock.fastForward(60 * 60 * 1000);
  await expect(left).toHaveText("4,997.5", { timeout: slowed(10_000) });
  await expect(used).toHaveText("2.5");

  // Offline: the figure stops moving.
  await console.navigation.getByRole("link", { name: "Flex overview" }).click();
  await setOwnStatus(console, "Offline");
  await console.openAccount("Globex Contact Center", "/billing");
  await expect(left).toHaveText("4,997.5");
  await page.clock.fastForward(3 * 60 * 60 * 1000);
  // Three hours on, the figures drawn afresh (away and back): an Offline worker used none.
  await console.navigation.getByRole("link", { name: "Flex overview" }).click();
  await expect(page).toHaveURL(/\/flex$/);
  await expect(left).toHaveText("4,997.5");
  await console.navigation.getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(/\/billing$/);
  await expect(left).toHaveText("4,997.5");
  await expect(used).toHaveText("2.5");
});

test("a paid plan shows its billing model and free hours", async ({ console }) => {
  await console.signInAs("Sofia Rossi");
  await console.openAccount("Globex Contact Center", "/billing");
  await expect(console.main.getByTestId("plan-plan")).toHaveText("Paid");
  await expect(console.main.getByTestId("plan-billing-model")).toHaveText("Active User Hours");
  await expect(console.main.getByRole("heading", { name: "Upgrade Flex to a paid plan" })).toHaveCount(0);
});

test("an account without Flex says so and links to the Flex overview", async ({ console }) => {
  await console.signInAs("Priya Patel");
  const sid = await console.openAccount("Initech Labs", "/billing");
  await expect(console.main).toContainText("This account has no Flex instance");
  await expect(console.main.getByRole("link", { name: "Go to the Flex overview" })).toHaveAttribute(
    "href",
    `/accounts/${sid}/flex`,
  );
});

test("Support gets the no-permission page on Billing", async ({ console }) => {
  await console.signInAs("Noah Kim");
  await console.openAccount("Acme Support", "/billing");
  await expect(console.main.getByTestId("no-permission")).toContainText(
    "Billing needs the Owner, Administrator or Billing Manager role",
  );
});
