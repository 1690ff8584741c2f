// Manage users: members, invitations, roles, removal and ownership, by role.
import { expect, slowed, test, type Console } from "./console";

/** Signs in and opens Acme Support's Manage users page; returns the account SID. */
async function acmeUsers(console: Console, who = "Maria Garcia") {
  await console.signInAs(who);
  const sid = await console.openAccount("Acme Support", "/users");
  await expect(console.heading("Manage users")).toBeVisible();
  return sid;
}

function members(console: Console) {
  return console.main.getByRole("table", { name: "Active users" });
}

function memberRow(console: Console, name: string) {
  return members(console).getByRole("row", { name: new RegExp(name) });
}

async function invite(console: Console, email: string, roles: string[]) {
  await console.main.getByRole("button", { name: "Invite user" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Email").fill(email);
  for (const role of roles) await dialog.getByLabel(role, { exact: true }).check();
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  return dialog;
}

test("the Owner invites a new email with Developer and Support; it is listed with its expiry", async ({ console }) => {
  await acmeUsers(console);
  const dialog = await invite(console, "New.Agent@example.com", ["Developer", "Support"]);
  await expect(console.page.getByTestId("toast-success")).toContainText("Invitation sent to new.agent@example.com.");
  await expect(dialog).toBeHidden();

  await console.main.getByRole("tab", { name: "Invited users" }).click();
  await expect(console.page).toHaveURL(/\/users\?tab=invited$/);
  await expect(console.main.getByRole("tab", { name: "Invited users" })).toHaveAttribute("aria-selected", "true");
  const row = console.main.getByRole("table", { name: "Invited users" }).getByRole("row", { name: /new\.agent@example\.com/ });
  await expect(row).toContainText("Developer + Support");
  await expect(row).toContainText("Maria Garcia");
  await expect(row).toContainText("Pending");
  // the demo clock starts at 2025-03-03 10:00 UTC; invitations last seven days
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^2025-03-10 10:\d\d UTC$/);
});

test("an invalid email shows the reason next to the field and invites nobody", async ({ console }) => {
  await acmeUsers(console);
  await console.main.getByRole("tab", { name: "Invited users" }).click();
  const rows = console.main.getByRole("table", { name: "Invited users" }).getByRole("row");
  const before = await rows.count();

  const dialog = await invite(console, "maria@localhost", ["Developer"]);
  const email = dialog.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/is not a valid email address: the domain after the @ needs a dot/);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(rows).toHaveCount(before);
});

test("a second invitation to a pending email shows the domain's message", async ({ console }) => {
  await acmeUsers(console);
  const dialog = await invite(console, "oliver.smith@example.com", ["Support"]);
  const message = "oliver.smith@example.com already has a pending invitation to this account; resend or revoke it instead.";
  await expect(dialog.getByRole("alert")).toHaveText(message);
  await expect(console.page.getByTestId("toast-error")).toContainText(message);
  await expect(dialog).toBeVisible();
});

test("nobody can remove or demote the Owner", async ({ console }) => {
  await acmeUsers(console);
  const owner = memberRow(console, "Maria Garcia");
  await expect(owner).toContainText("Owner");
  for (const name of ["Remove", "Change roles"]) {
    const button = await console.action("Actions for Maria Garcia", name);
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/The Owner cannot be removed or given other roles/);
  }
  await expect(console.page.getByTestId("member-count")).toHaveText("4 members");
});

test("the Owner changes a member's roles and removes another", async ({ console }) => {
  await acmeUsers(console);
  await (await console.action("Actions for Noah Kim", "Change roles")).click();
  const dialog = console.page.getByRole("dialog", { name: "Change roles" });
  await expect(dialog.getByLabel("Support", { exact: true })).toBeChecked();
  await dialog.getByLabel("Billing Manager", { exact: true }).check();
  await dialog.getByRole("button", { name: "Save roles" }).click();
  await expect(console.page.getByTestId("toast-success")).toContainText("Noah Kim now has the Billing Manager + Support role.");
  await expect(memberRow(console, "Noah Kim")).toContainText("Billing Manager + Support");

  await (await console.action("Actions for Liam O'Brien", "Remove")).click();
  const confirm = console.page.getByRole("dialog", { name: "Remove member" });
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(memberRow(console, "Liam O'Brien")).toHaveCount(0);
  await expect(console.page.getByTestId("member-count")).toHaveText("3 members");
});

test("the Owner transfers ownership to an Administrator and stays on as Administrator", async ({ console }) => {
  await acmeUsers(console);
  await console.main.getByRole("button", { name: "Transfer ownership" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Transfer ownership" });
  await expect(dialog).toContainText("You stay on as Administrator");
  await dialog.getByLabel("New Owner").selectOption({ label: "Priya Patel (Administrator)" });
  await dialog.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(console.page.getByTestId("toast-success")).toContainText("Priya Patel is now the Owner");
  await expect(memberRow(console, "Priya Patel")).toContainText("Owner");
  await expect(memberRow(console, "Maria Garcia")).toContainText("Administrator");
  const transfer = console.main.getByRole("button", { name: "Transfer ownership" });
  await expect(transfer).toBeDisabled();
  await expect(transfer).toHaveAccessibleDescription(
    "Transferring ownership needs the Owner role. You are Administrator on Acme Support.",
  );
});

test("a Developer gets the no-permission page naming Owner or Administrator", async ({ console }) => {
  await console.signInAs("Liam O'Brien");
  await console.openAccount("Acme Support", "/users");
  const denied = console.main.getByTestId("no-permission");
  await expect(denied).toContainText("Managing users needs the Owner or Administrator role");
  await expect(console.main.getByRole("button", { name: "Invite user" })).toHaveCount(0);
});

test("a member's name that looks like HTML is shown as text", async ({ console, page }) => {
  const name = '<img src=x onerror="window.__xss=1">';
  await acmeUsers(console);
  await invite(console, "xss@example.com", ["Administrator"]);
  await expect(console.page.getByTestId("toast-success")).toContainText("Invitation sent to xss@example.com.");

  // accept as the invited email, which creates the Console user with that name
  await console.navigation.getByRole("link", { name: "Switch user" }).click();
  await console.main.getByLabel("Email", { exact: true }).fill("xss@example.com");
  await console.main.getByRole("button", { name: "Continue" }).click();
  await console.main.getByLabel("Your name").fill(name);
  await console.main.getByRole("button", { name: "Accept the invitation to Acme Support" }).click();
  await expect(page).toHaveURL(/\/accounts$/);

  await console.main.getByRole("link", { name: "Acme Support", exact: true }).click();
  await console.navigation.getByRole("link", { name: "Manage users" }).click();
  await expect(members(console).getByRole("rowheader", { name, exact: true })).toBeVisible();
  await expect(console.main.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("search by name, email or SID and the role filter narrow the members", async ({ console, page }) => {
  await acmeUsers(console);
  const rows = members(console).locator("tbody tr");
  await expect(rows).toHaveCount(4);

  const search = console.main.getByLabel("Search");
  await search.fill("PRIYA");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Priya Patel");
  await expect(page).toHaveURL(/q=PRIYA/);

  await search.fill("noah.kim@");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Noah Kim");

  await search.fill("");
  const liamSid = (await memberRow(console, "Liam O'Brien").locator("code").textContent())!;
  await search.fill(liamSid.slice(10).toLowerCase());
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Liam O'Brien");

  await search.fill("");
  await console.main.getByLabel("Role", { exact: true }).selectOption({ label: "Support" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Noah Kim");
  await expect(page).toHaveURL(/role=support/);

  // the filter survives a reload: it lives in the URL
  await page.reload();
  await expect(members(console).locator("tbody tr")).toHaveCount(1);
  await expect(console.main.getByLabel("Role", { exact: true })).toHaveValue("support");
});

test("sorting and pagination show where the reader is", async ({ console }) => {
  await acmeUsers(console);
  await expect(console.page.getByTestId("page-status")).toHaveText("1–4 of 4");
  await expect(console.page.getByTestId("member-count")).toHaveText("4 members");
  await expect(console.main.getByRole("button", { name: "Next page" })).toBeDisabled();

  const names = members(console).locator("tbody th");
  await expect(names).toHaveText(["Liam O'Brien", "Maria Garcia", "Noah Kim", "Priya Patel"]);
  const nameHeader = members(console).getByRole("columnheader", { name: "Name" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(names).toHaveText(["Priya Patel", "Noah Kim", "Maria Garcia", "Liam O'Brien"]);
  await members(console).getByRole("columnheader", { name: "Roles" }).getByRole("button").click();
  await expect(names).toHaveText(["Maria Garcia", "Priya Patel", "Liam O'Brien", "Noah Kim"]);

  await console.main.getByLabel("Rows per page").selectOption("50");
  await expect(console.page.getByTestId("page-status")).toHaveText("1–4 of 4");
});

test("the Invited users tab has the same search and pager as Active users, in the URL", async ({ console, page }) => {
  await acmeUsers(console);
  await console.main.getByRole("tab", { name: "Invited users" }).click();
  const table = console.main.getByRole("table", { name: "Invited users" });
  await expect(console.main.getByTestId("invitation-count")).toHaveText("5 invitations");
  await expect(console.main.getByTestId("page-status")).toHaveText("1–5 of 5");
  await console.main.getByRole("search", { name: "Invitations" }).getByLabel("Search").fill("expired");
  await expect(table.getByRole("row", { name: /ava\.jones@example\.com/ })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(console.main.getByTestId("invitation-count")).toHaveText("1 of 5 invitations");
  await expect(console.main.getByTestId("page-status")).toHaveText("1–1 of 1");
  await expect(page).toHaveURL(/tab=invited&q=expired/);
  await page.reload();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await console.main.getByRole("search", { name: "Invitations" }).getByLabel("Search").fill("nobody-like-this");
  await console.main.getByRole("button", { name: "Clear search" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(5);
});

test("the Invited users tab resends and revokes", async ({ console }) => {
  await acmeUsers(console);
  await console.main.getByRole("tab", { name: "Invited users" }).click();
  const table = console.main.getByRole("table", { name: "Invited users" });
  const expired = table.getByRole("row", { name: /ava\.jones@example\.com/ });
  await expect(expired).toContainText("Expired");
  await (await console.action("Actions for the invitation to ava.jones@example.com", "Resend")).click();
  await expect(expired).toContainText("Pending");

  const pending = table.getByRole("row", { name: /oliver\.smith@example\.com/ });
  await (await console.action("Actions for the invitation to oliver.smith@example.com", "Revoke")).click();
  await expect(pending).toContainText("Revoked");
  // A revoked invitation cannot be resent or revoked again, and its buttons say why.
  for (const action of ["Resend", "Revoke"]) {
    const button = await console.action("Actions for the invitation to oliver.smith@example.com", action);
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription("This invitation was already revoked.");
  }
});

test("at 360 pixels wide each member is a card, and nothing scrolls sideways", async ({ console, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await acmeUsers(console);
  const wrap = members(console).locator("xpath=..");
  const [scroll, client] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll, "the table's container does not scroll sideways").toBeLessThanOrEqual(client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // A card: the name as its title, the actions in its corner, all on screen.
  const menu = memberRow(console, "Noah Kim").getByRole("button", { name: "Actions for Noah Kim" });
  const box = (await menu.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await (await console.action("Actions for Noah Kim", "Change roles")).click();
  await expect(page.getByRole("dialog", { name: "Change roles" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(console.main.getByRole("button", { name: "Invite user" })).toBeVisible();
  await expect(console.main.getByLabel("Search")).toBeVisible();
});

test("an invitation's status follows the Console clock while the page stays open", async ({ console, page }) => {
  // The browser's clock, moved on by the test: the Console's follows it.
  await page.clock.install();
  await acmeUsers(console);
  await console.main.getByRole("tab", { name: "Invited users" }).click();
  const oliver = console.main.getByRole("table", { name: "Invited users" }).getByRole("row", { name: /oliver\.smith@example\.com/ });
  await expect(oliver).toContainText("Pending");
  // Its 7 days run out (it expires 2025-03-08 10:00 UTC; the demo's clock starts on the 3rd).
  await page.clock.fastForward(144 * 60 * 60 * 1000);
  await expect(oliver).toContainText("Expired", { timeout: slowed(10_000) });
});

test("the sign-in page's pending invitations follow the Console clock too", async ({ console, page }) => {
  await page.clock.install();
  await console.open("/");
  await console.main.getByLabel("Email").fill("oliver.smith@example.com");
  await console.main.getByRole("button", { name: "Continue" }).click();
  await expect(console.main.getByRole("button", { name: /Accept/ }).first()).toBeVisible();
  await expect(console.main).not.toContainText("No pending invitations.");
  // Four days on it is still pending; six days on it has expired, on the same page.
  await page.clock.fastForward(96 * 60 * 60 * 1000);
  await expect(console.main.getByRole("button", { name: /Accept/ }).first()).toBeVisible();
  await page.clock.fastForward(48 * 60 * 60 * 1000);
  await expect(console.main).toContainText("No pending invitations.", { timeout: slowed(10_000) });
});
