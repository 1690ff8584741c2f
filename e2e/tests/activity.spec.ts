// Activity: the Console-wide log (/activity) across the signed-in user's accounts, with
// sign-ups, each entry naming its account; the text, date, person, kind and account filters,
// every one in the URL so a reload keeps it; a date range the domain refuses, said; and an
// account's own Activity keeping its filters in the URL too.
import { expect, test } from "./console";

test("Maria sees the changes of both her accounts, each naming its account, and sign-ups", async ({ console, page }) => {
  await console.signInAs("Maria Garcia");
  await console.navigation.getByRole("link", { name: "All activity" }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(console.heading("Activity")).toBeVisible();
  const rows = console.main.getByTestId("activity-row");
  const accounts = console.main.getByTestId("activity-account");

  await console.main.getByLabel("Search").fill("bought");
  await expect(rows).toHaveCount(4);
  await expect(accounts.filter({ hasText: "Acme Support" })).toHaveCount(2);
  await expect(accounts.filter({ hasText: "Globex Contact Center" })).toHaveCount(2);
  await expect(rows.first()).toContainText("Bought (312) 555-0120");

  // Sign-ups are of the Console: Maria's own and those of her accounts' members, not others'.
  await console.main.getByLabel("Search").fill("signed up");
  await expect(rows.filter({ hasText: "Signed up as maria.garcia@example.com" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Signed up as noah.kim@example.com" }).getByTestId("activity-account")).toHaveText("Console");
  await expect(rows.filter({ hasText: "Signed up as emma.dubois@example.com" })).toHaveCount(0);
  await expect(rows).toHaveCount(6);

  // An entry's account is a link to that account's own Activity.
  await console.main.getByLabel("Search").fill("bought (212)");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link", { name: "Globex Contact Center" }).click();
  await expect(page).toHaveURL(/\/accounts\/AC[0-9a-f]{32}\/activity$/);
  await expect(console.heading("Activity")).toBeVisible();
  await expect(console.main.locator(".eyebrow").first()).toHaveText("Globex Contact Center");
});

test("the text and date filters narrow the list, are in the URL and survive a reload; a bad range is said", async ({ console, page }) => {
  await console.signInAs("James Chen");
  await console.open("/activity");
  const rows = console.main.getByTestId("activity-row");
  const count = console.main.getByTestId("activity-count");
  await expect(rows.first()).toBeVisible();
  // James is Owner of Globex only: no account of Maria's Acme is in his log.
  await expect(console.main.getByTestId("activity-account").filter({ hasText: "Acme Support" })).toHaveCount(0);

  await console.main.getByLabel("Search").fill("BOUGHT");
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/[?&]q=BOUGHT(&|$)/);
  await console.main.getByLabel("From").fill("2025-01-14");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Bought (312) 555-0120");
  await console.main.getByLabel("From").fill("2025-01-13");
  await console.main.getByLabel("To").fill("2025-01-13");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Bought (212) 555-0110");
  await expect(page).toHaveURL(/\?q=BOUGHT&from=2025-01-13&to=2025-01-13$/);

  await page.reload();
  await expect(console.main.getByLabel("Search")).toHaveValue("BOUGHT");
  await expect(console.main.getByLabel("From")).toHaveValue("2025-01-13");
  await expect(console.main.getByLabel("To")).toHaveValue("2025-01-13");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Bought (212) 555-0110");

  // "From" after "to": the domain's message, and no entries rather than the filter ignored.
  await console.main.getByLabel("From").fill("2025-01-20");
  const error = console.main.getByTestId("activity-date-error");
  await expect(error).toHaveText("The “from” date (2025-01-20) is after the “to” date (2025-01-13): no day is in between. Swap them or change one.");
  await expect(console.main.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
  await expect(rows).toHaveCount(0);
  await expect(count).toHaveText("No activity matches.");
  await console.main.getByLabel("To").fill("");
  await expect(error).toBeHidden();
  await expect(rows).toHaveCount(0);
  await expect(page).toHaveURL(/\?q=BOUGHT&from=2025-01-20$/);

  // A deep link with a date that is no date says so too.
  await console.open("/activity?from=2025-02-30");
  await expect(error).toHaveText("The “from” date: “2025-02-30” is not a date: write it as YYYY-MM-DD, e.g. 2025-03-03, from 1970 on.");
  await expect(rows).toHaveCount(0);
});

test("the person, kind and account filters are in the URL; the page is in the palette; signed out asks to sign in", async ({ console, page }) => {
  await console.open("/activity");
  await expect(console.heading("Activity")).toBeVisible();
  await expect(console.main.getByRole("link", { name: "Sign in" })).toBeVisible();

  await console.signInAs("Maria Garcia");
  await page.keyboard.press("Control+k");
  await page.keyboard.insertText("all activity");
  await expect(page.getByRole("dialog", { name: "Jump to" }).getByRole("option").first()).toContainText("All activity");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/activity$/);
  const rows = console.main.getByTestId("activity-row");
  await console.main.getByLabel("Account").selectOption({ label: "Globex Contact Center" });
  await console.main.getByLabel("Kind").selectOption({ label: "Phone numbers" });
  await console.main.getByLabel("Person").selectOption({ label: "Liam O'Brien" });
  await expect(rows).toHaveCount(3);
  await expect(console.main.getByTestId("activity-account").filter({ hasText: "Globex Contact Center" })).toHaveCount(3);
  await expect(page).toHaveURL(/\?person=US[0-9a-f]{32}&kind=phone_numbers&account=AC[0-9a-f]{32}$/);
  const [account, person] = [await console.main.getByLabel("Account").inputValue(), await console.main.getByLabel("Person").inputValue()];
  await page.reload();
  await expect(rows).toHaveCount(3);
  await expect(console.main.getByLabel("Account")).toHaveValue(account);
  await expect(console.main.getByLabel("Account").locator("option:checked")).toHaveText("Globex Contact Center");
  await expect(console.main.getByLabel("Kind")).toHaveValue("phone_numbers");
  await expect(console.main.getByLabel("Person")).toHaveValue(person);
  await expect(console.main.getByLabel("Person").locator("option:checked")).toHaveText("Liam O'Brien");

  // A link naming an account or a person not in the log says so in the select, over no rows.
  const elsewhere = "AC" + "0".repeat(32);
  await console.open(`/activity?person=nobody@example.com&account=${elsewhere}`);
  await expect(console.heading("Activity")).toBeVisible();
  await expect(console.main.getByLabel("Account").locator("option:checked")).toHaveText("An account whose log you cannot read");
  await expect(console.main.getByLabel("Person").locator("option:checked")).toHaveText("Someone not in this log");
  await expect(rows).toHaveCount(0);
  await console.main.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(console.main.getByLabel("Account").locator("option:checked")).toHaveText("All accounts");
  await expect(rows.first()).toBeVisible();
});

test("an account's Activity keeps its person, kind, text and date filters in the URL", async ({ console, page }) => {
  await console.signInAs("James Chen");
  await console.openAccount("Globex Contact Center", "/activity");
  await expect(console.heading("Activity")).toBeVisible();
  const rows = console.main.getByTestId("activity-row");
  await console.main.getByLabel("Person").selectOption({ label: "Liam O'Brien" });
  await console.main.getByLabel("Kind").selectOption({ label: "Phone numbers" });
  await expect(rows).toHaveCount(3);
  await console.main.getByLabel("Search").fill("bought");
  await expect(rows).toHaveCount(2);
  await console.main.getByLabel("To").fill("2025-01-13");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Bought (212) 555-0110");
  await expect(page).toHaveURL(/\/activity\?q=bought&to=2025-01-13&person=US[0-9a-f]{32}&kind=phone_numbers$/);
  // No Account filter on an account's own log, nor an Account column.
  await expect(console.main.getByLabel("Account")).toHaveCount(0);
  await expect(console.main.getByRole("columnheader", { name: "Account" })).toHaveCount(0);
  await expect(console.main.getByTestId("activity-account")).toHaveCount(0);

  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(console.main.getByLabel("Search")).toHaveValue("bought");
  await expect(console.main.getByLabel("To")).toHaveValue("2025-01-13");
  await expect(console.main.getByLabel("Person").locator("option:checked")).toHaveText("Liam O'Brien");
  await expect(console.main.getByLabel("Kind")).toHaveValue("phone_numbers");
});
