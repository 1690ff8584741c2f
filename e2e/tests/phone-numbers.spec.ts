// Phone numbers, TwiML Bins and the activity log: buying, routing and releasing numbers,
// TwiML checked as it is typed, and every change on record with the person who made it.
import { expect, test, type Console } from "./console";

async function openPage(console: Console, who: string, account: string, page: string, heading: string) {
  await console.signInAs(who);
  const sid = await console.openAccount(account, page);
  await expect(console.heading(heading)).toBeVisible();
  return sid;
}

function numberRow(console: Console, national: string) {
  return console.main
    .getByRole("row")
    .filter({ has: console.page.getByRole("rowheader", { name: new RegExp("^" + national.replace(/[()]/g, "\\$&")) }) });
}

test("a Developer buys a number, routes it to Voice IVR, and the flow shows it", async ({ console }) => {
  await openPage(console, "Liam O'Brien", "Globex Contact Center", "/phone-numbers", "Phone Numbers");
  await expect(console.main.getByTestId("number-count")).toHaveText("2 numbers");

  await console.main.getByRole("button", { name: "Buy a number" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Buy a number" });
  await dialog.getByLabel("Area code").selectOption("617");
  await dialog.getByLabel("Contains digits").fill("0105");
  await expect(dialog.getByTestId("offers").getByRole("listitem")).toHaveCount(1);
  await expect(dialog.getByTestId("offers")).toContainText("Boston, MA");
  await dialog.getByRole("button", { name: "Buy (617) 555-0105" }).click();
  await expect(dialog).toBeHidden();
  await expect(console.page.getByTestId("toast-success")).toContainText("You bought (617) 555-0105");

  const row = numberRow(console, "(617) 555-0105");
  await expect(row).toContainText("+16175550105");
  await expect(row.locator("code")).toHaveText(/^PN[0-9a-f]{32}$/);
  await expect(row.getByLabel("Studio flow for (617) 555-0105")).toHaveValue("");
  await row.getByLabel("Studio flow for (617) 555-0105").selectOption({ label: "Voice IVR" });
  await expect(numberRow(console, "(617) 555-0105").getByRole("link", { name: "Open Voice IVR" })).toBeVisible();
  await expect(console.main.getByTestId("number-count")).toHaveText("3 numbers");

  // Search narrows the table.
  await console.main.getByRole("searchbox", { name: "Search" }).fill("boston");
  await expect(console.main.getByTestId("number-count")).toHaveText("1 of 3 numbers");

  // The flow lists the numbers it handles.
  await console.navigation.getByRole("link", { name: "Studio" }).click();
  await expect(console.heading("Studio")).toBeVisible();
  await expect(console.main).toContainText("(617) 555-0105");

  // Reload: the purchase and the route were saved.
  await console.page.goto(console.page.url().replace("/studio", "/phone-numbers"));
  await expect(numberRow(console, "(617) 555-0105").getByRole("link", { name: "Open Voice IVR" })).toBeVisible();
});

test("a number is released after confirming and can be bought again", async ({ console }) => {
  await openPage(console, "Liam O'Brien", "Globex Contact Center", "/phone-numbers", "Phone Numbers");
  await numberRow(console, "(312) 555-0120").getByRole("button", { name: "Release (312) 555-0120" }).click();
  const confirm = console.page.getByRole("dialog", { name: "Release this number?" });
  await expect(confirm).toContainText("(312) 555-0120 will leave this account");
  await confirm.getByRole("button", { name: "Release number" }).click();
  await expect(numberRow(console, "(312) 555-0120")).toHaveCount(0);
  await expect(console.main.getByTestId("number-count")).toHaveText("1 number");
  await console.main.getByRole("button", { name: "Buy a number" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Buy a number" });
  await dialog.getByLabel("Contains digits").fill("3125550120");
  await expect(dialog.getByRole("button", { name: "Buy (312) 555-0120" })).toBeVisible();
});

test("a Billing Manager gets the no-permission page on product pages and may read the activity log", async ({ console }) => {
  await console.signInAs("Sofia Rossi");
  await console.openAccount("Globex Contact Center", "/phone-numbers");
  await expect(console.main.getByTestId("no-permission")).toContainText("Viewing phone numbers needs the Owner, Administrator or Developer role");
  await expect(console.main.getByRole("button", { name: "Buy a number" })).toHaveCount(0);
  await console.page.goto(console.page.url().replace("/phone-numbers", "/twiml-bins"));
  await expect(console.main.getByTestId("no-permission")).toContainText("Viewing TwiML Bins needs the Owner, Administrator or Developer role");
  // Everyone may read the activity log.
  await console.page.goto(console.page.url().replace("/twiml-bins", "/activity"));
  await expect(console.heading("Activity")).toBeVisible();
});

test("TwiML is checked as it is typed, refused with where and why, and nothing typed is lost", async ({ console }) => {
  await openPage(console, "Liam O'Brien", "Globex Contact Center", "/twiml-bins", "TwiML Bins");
  await expect(console.main.getByTestId("bin-row")).toHaveCount(1);
  await console.main.getByRole("button", { name: "Create new TwiML Bin" }).click();
  const dialog = console.page.getByRole("dialog", { name: "TwiML Bin" });
  await expect(dialog.getByLabel("TwiML")).toHaveValue(/<Response>/);
  await expect(dialog).toContainText("Valid TwiML.");
  await dialog.getByLabel("Friendly name").fill("Queue music");
  const broken = "<Response>\n  <Play loop=10>https://example.com/music.mp3</Play>\n</Response>";
  await dialog.getByLabel("TwiML").fill(broken);
  await expect(dialog.getByLabel("TwiML")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("Not valid TwiML: line 2, column 14: the value of loop must be in quotes");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The TwiML is not valid at line 2, column 14");
  await expect(dialog.getByLabel("TwiML")).toHaveValue(broken);
  await dialog.getByLabel("TwiML").fill(broken.replace("loop=10", 'loop="10"'));
  await expect(dialog).toContainText("Valid TwiML.");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const row = console.main.getByTestId("bin-row").filter({ hasText: "Queue music" });
  await expect(row.locator("code").first()).toHaveText(/^EH[0-9a-f]{32}$/);
  await expect(row).toContainText("https://handler.twilio.com/twiml/EH");

  await (await console.action("Actions for Queue music", "Edit")).click();
  await expect(dialog.getByLabel("TwiML")).toHaveValue(/loop="10"/);
  await dialog.getByLabel("Friendly name").fill("Hold music");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const renamed = console.main.getByTestId("bin-row").filter({ hasText: "Hold music" });
  await expect(renamed).toHaveCount(1);
  await (await console.action("Actions for Hold music", "Delete")).click();
  const confirm = console.page.getByRole("dialog", { name: "Delete this TwiML Bin?" });
  await confirm.getByRole("button", { name: "Delete TwiML Bin" }).click();
  await expect(console.main.getByTestId("bin-row")).toHaveCount(1);
});

test("the activity log shows the invitation and the purchase, each with who made it", async ({ console }) => {
  await openPage(console, "James Chen", "Globex Contact Center", "/users", "Manage users");
  await console.main.getByRole("button", { name: "Invite user" }).click();
  const invite = console.page.getByRole("dialog", { name: "Invite user" });
  await invite.getByLabel("Email").fill("new.agent@example.com");
  await invite.getByLabel("Developer", { exact: true }).check();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite).toBeHidden();

  await openPage(console, "Liam O'Brien", "Globex Contact Center", "/phone-numbers", "Phone Numbers");
  await console.main.getByRole("button", { name: "Buy a number" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Buy a number" });
  await dialog.getByLabel("Area code").selectOption("206");
  await dialog.getByRole("button", { name: "Buy (206) 555-0100" }).click();
  await expect(dialog).toBeHidden();

  await console.page.goto(console.page.url().replace("/phone-numbers", "/activity"));
  await expect(console.heading("Activity")).toBeVisible();
  const rows = console.main.getByTestId("activity-row");
  await expect(rows.nth(0)).toContainText("Liam O'Brien");
  await expect(rows.nth(0)).toContainText("Bought (206) 555-0100");
  await expect(rows.nth(0)).toContainText("Phone numbers");
  await expect(rows.nth(1)).toContainText("James Chen");
  await expect(rows.nth(1)).toContainText("Invited new.agent@example.com as Developer");

  // Filter by person, then by kind.
  await console.main.getByLabel("Person").selectOption({ label: "James Chen" });
  await expect(rows.first()).toContainText("Invited new.agent@example.com");
  await expect(console.main.getByText("Bought (206) 555-0100")).toHaveCount(0);
  await console.main.getByLabel("Person").selectOption({ label: "Everyone" });
  await console.main.getByLabel("Kind").selectOption({ label: "Phone numbers" });
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText("Bought (206) 555-0100");
});
