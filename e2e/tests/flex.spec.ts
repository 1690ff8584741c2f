// The Flex UI by role: "Log in with Console" entering it, SSO login, and what each Flex role sees and may change.
import { SUB_PATH_URL } from "../playwright.config";
import { expect, test, type Console } from "./console";

const ALL_VIEWS = ["Agent desktop", "Teams", "Queue stats", "Admin dashboard", "Skills", "Insights"];

/** The Flex UI's own navigation. */
function flexNav(console: Console) {
  return console.page.getByRole("navigation", { name: "Flex" });
}

/** Signs in, opens the account's Flex overview and presses "Log in with Console". */
async function launch(console: Console, user: string, account: string) {
  await console.signInAs(user);
  const sid = await console.openAccount(account, "/flex");
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  return sid;
}

/** Opens /sso and logs in with this assertion; `roles` is typed into the roles field. */
async function ssoLogin(console: Console, account: string, email: string, name: string, roles: string) {
  await console.open("/sso");
  await expect(console.heading("Log in to Flex with SSO")).toBeVisible();
  const select = console.main.getByLabel("Account");
  const option = select.locator("option", { hasText: account });
  await select.selectOption((await option.getAttribute("value"))!);
  await console.main.getByLabel("Email").fill(email);
  await console.main.getByLabel("Full name").fill(name);
  await console.main.getByLabel("Roles", { exact: true }).fill(roles);
  await console.main.getByRole("button", { name: "Log in to Flex" }).click();
}

for (const [user, role] of [
  ["Maria Garcia", "Owner"],
  ["Priya Patel", "Administrator"],
  ["Liam O'Brien", "Developer"],
]) {
  test(`a Console ${role} launches Flex as admin and sees every view`, async ({ console }) => {
    const sid = await launch(console, user, "Acme Support");
    // Admins take work too: they land on the agent desktop.
    await expect(console.page).toHaveURL(new RegExp(`/flex/${sid}/agent-desktop$`));
    const banner = console.page.getByRole("banner");
    await expect(banner).toContainText("Twilio Flex");
    await expect(console.page.getByTestId("flex-worker")).toHaveText(user);
    await expect(console.navigation).toHaveCount(0);
    await expect(flexNav(console).getByRole("link")).toHaveText(ALL_VIEWS);
    for (const view of ALL_VIEWS) {
      await flexNav(console).getByRole("link", { name: view }).click();
      await expect(console.heading(view)).toBeVisible();
    }
    // Acme is on a trial: Insights explains the upgrade (Insights is the last view visited)
    await expect(console.main.getByTestId("insights-upgrade")).toContainText("only on a paid Flex plan");
    await expect(banner.getByLabel("Your status")).toBeEnabled();
    await flexNav(console).getByRole("link", { name: "Admin dashboard" }).click();
    await expect(console.main.getByTestId("flex-configuration")).toContainText("Flex Task Assignment");
    // The settings are read here and changed in the Console, where Twilio puts them.
    await expect(configured(console, "Call recording")).toHaveText("Off");
    await expect(console.main.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    await expect(console.main.getByTestId("settings-link").getByRole("link", { name: "Flex settings" })).toHaveAttribute(
      "href",
      `/accounts/${sid}/flex/settings`,
    );
  });
}

test("an admin sets a queue's service level threshold on queue stats; out of range is said", async ({ console }) => {
  await launch(console, "Maria Garcia", "Acme Support");
  await flexNav(console).getByRole("link", { name: "Queue stats" }).click();
  const everyone = console.main.getByTestId("queue-row-everyone");
  const threshold = everyone.getByLabel("Service level threshold of Everyone, in seconds");
  await expect(threshold).toHaveValue("20");
  await threshold.fill("0");
  await everyone.getByRole("button", { name: "Save the threshold of Everyone" }).click();
  await expect(everyone.getByRole("alert")).toContainText("Choose from 1 to 3,600 seconds.");
  await threshold.fill("45");
  await everyone.getByRole("button", { name: "Save the threshold of Everyone" }).click();
  await expect(console.page.getByTestId("toast-success").last()).toContainText("Everyone's service level threshold is now 45 seconds.");
  await expect(everyone.getByRole("alert")).toHaveCount(0);
  // Written before the reload, as the Flex UI's top bar says (a reload mid-write loses it).
  await expect(console.page.getByRole("banner").getByTestId("save-state")).toHaveText("All changes saved");
  await console.page.reload();
  await expect(console.main.getByTestId("queue-row-everyone").getByLabel("Service level threshold of Everyone, in seconds")).toHaveValue("45");
});

/** The value the admin dashboard's configuration shows for `label`, exactly. */
function configured(console: Console, label: string) {
  return console.main
    .getByTestId("flex-configuration")
    .locator(".field", { has: console.page.getByText(label, { exact: true }) })
    .locator("dd");
}

test("an Owner saves the Flex settings in the Console; a Developer is refused before typing anything", async ({ console }) => {
  await console.signInAs("Maria Garcia");
  const sid = await console.openAccount("Acme Support", "/flex");
  await console.main.getByRole("link", { name: "Flex settings" }).click();
  await expect(console.page).toHaveURL(new RegExp(`/accounts/${sid}/flex/settings$`));
  await expect(console.heading("Flex settings")).toBeVisible();
  await expect(console.navigation.getByRole("link", { name: "Flex settings" })).toHaveAttribute("aria-current", "page");
  await console.main.getByLabel("Call recording").check();
  await console.main.getByRole("button", { name: "Save settings" }).click();
  await expect(console.page.getByTestId("toast-success").last()).toContainText("Flex settings saved.");
  // The Flex UI's admin dashboard reads it.
  await console.open(`/accounts/${sid}/flex`);
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await flexNav(console).getByRole("link", { name: "Admin dashboard" }).click();
  await expect(configured(console, "Call recording")).toHaveText("On");
  // As Liam, a Developer: the form says why before anything is typed, and saves nothing.
  await console.signInAs("Liam O'Brien");
  await console.open(`/accounts/${sid}/flex/settings`);
  await expect(console.main.getByLabel("Call recording")).toBeChecked();
  const why = "Changing Flex settings needs the Owner or Administrator role. You are Developer on Acme Support.";
  await expect(console.main.getByTestId("settings-why")).toHaveText(why);
  await expect(console.main.getByLabel("Flex UI version")).toBeDisabled();
  const save = console.main.getByRole("button", { name: "Save settings" });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(why);
  // Pressed anyway, it saves nothing and reports nothing as done.
  await save.click({ force: true });
  await expect(console.main.getByRole("alert")).toHaveCount(0);
  await expect(console.page.getByTestId("toast-success").filter({ hasText: "Flex settings saved" })).toHaveCount(0);
});

test("Support enters as a read-only admin: views but every change control is disabled with its reason", async ({ console }) => {
  const sid = await launch(console, "Noah Kim", "Acme Support");
  await expect(console.page).toHaveURL(new RegExp(`/flex/${sid}/admin$`));
  await expect(flexNav(console).getByRole("link")).toHaveText(["Teams", "Queue stats", "Admin dashboard", "Skills"]);
  // configuration
  await expect(console.heading("Admin dashboard")).toBeVisible();
  await expect(console.main.getByTestId("flex-configuration")).toContainText("Flex Task Assignment");
  await expect(console.main.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  // own status
  const status = console.page.getByRole("banner").getByLabel("Your status");
  await expect(status).toBeDisabled();
  await expect(console.page.getByRole("banner")).toContainText("Read-only admins cannot change their own status.");
  // other agents
  await flexNav(console).getByRole("link", { name: "Teams" }).click();
  const lucas = console.main.getByLabel("Activity of Lucas Martin");
  await expect(lucas).toBeDisabled();
  await expect(lucas).toHaveAccessibleDescription("Read-only admins cannot change other agents.");
  await expect(console.main.getByRole("row", { name: /Lucas Martin/ }).getByTestId("worker-activity")).toHaveText("Available");
  await flexNav(console).getByRole("link", { name: "Queue stats" }).click();
  await expect(console.main.getByTestId("tile-available").locator("dd")).toHaveText("1");
  await expect(console.main.getByTestId("tile-offline").locator("dd")).toHaveText("4");
  // Thresholds are read here, set by admins.
  await expect(console.main.getByTestId("queue-row-everyone").getByTestId("queue-threshold")).toHaveText("20 s");
  await expect(console.main.getByLabel("Service level threshold of Everyone, in seconds")).toHaveCount(0);
  // the agent desktop is not for read-only admins, even by URL (a reload keeps the Flex session)
  await console.page.goto(`/flex/${sid}/agent-desktop`);
  await expect(console.heading("Agent desktop is not available for your Flex role")).toBeVisible();
  await expect(console.main).toContainText("admin, supervisor or agent");
});

test("a Billing Manager is refused on the overview and stays in the Console", async ({ console }) => {
  await console.signInAs("Sofia Rossi");
  const sid = await console.openAccount("Globex Contact Center", "/flex");
  await expect(console.main.getByTestId("launch-outcome")).toContainText("Launching Flex needs the Owner, Administrator, Developer or Support role.");
  await expect(console.main.getByRole("button", { name: "Log in with Console" })).toBeDisabled();
  await expect(console.page).toHaveURL(new RegExp(`/accounts/${sid}/flex$`));
  await console.page.goto(`/flex/${sid}/admin`);
  await expect(console.heading("Log in to Flex")).toBeVisible();
  // and no worker was created for her: the Owner finds none in Flex users
  await console.signInAs("James Chen");
  await console.openAccount("Globex Contact Center", "/flex/users");
  const search = console.main.getByLabel("Search");
  await search.fill("james.chen");
  await expect(console.main.getByRole("cell", { name: "james.chen@example.com" })).toBeVisible();
  await search.fill("sofia.rossi");
  await expect(console.main.getByRole("cell", { name: "sofia.rossi@example.com" })).toHaveCount(0);
  await expect(console.main).toContainText("No workers match.");
});

test("SSO as supervisor sees teams and queue stats but not the admin dashboard", async ({ console }) => {
  await ssoLogin(console, "Globex Contact Center", "zoe.park@globex.example.com", "Zoe Park", "");
  await console.main.getByRole("button", { name: "supervisor", exact: true }).click();
  await expect(console.main.getByLabel("Roles", { exact: true })).toHaveValue("supervisor");
  await console.main.getByRole("button", { name: "Log in to Flex" }).click();
  await expect(console.page).toHaveURL(/\/flex\/AC[0-9a-f]{32}\/agent-desktop$/);
  await expect(console.page.getByTestId("flex-worker")).toHaveText("Zoe Park");
  await expect(flexNav(console).getByRole("link")).toHaveText(["Agent desktop", "Teams", "Queue stats", "Insights"]);
  await flexNav(console).getByRole("link", { name: "Teams" }).click();
  await expect(console.main.getByRole("row", { name: /Zoe Park/ })).toContainText("supervisor");
  await flexNav(console).getByRole("link", { name: "Queue stats" }).click();
  await expect(console.heading("Queue stats")).toBeVisible();
  await flexNav(console).getByRole("link", { name: "Insights" }).click();
  await expect(console.main.getByTestId("insights-no-role")).toContainText("wfo.team_leader");
  const url = console.page.url().replace(/insights$/, "admin");
  await console.page.goto(url);
  await expect(console.heading("Admin dashboard is not available for your Flex role")).toBeVisible();
  await expect(console.main).toContainText("admin or flex.readonlyadmin");
});

test("SSO without roles fails with 45050 and changes nothing", async ({ console }) => {
  await ssoLogin(console, "Globex Contact Center", "nobody@globex.example.com", "No Body", "");
  await expect(console.main.getByRole("alert")).toContainText("error 45050");
  await expect(console.main.getByRole("alert")).toContainText("must contain agent, supervisor or admin");
  await expect(console.page).toHaveURL(/\/sso$/);
});

test("SSO cannot grant read-only admin", async ({ console }) => {
  await ssoLogin(console, "Acme Support", "ro@acme-support.example.com", "Read Only", "flex.readonlyadmin");
  await expect(console.main.getByRole("alert")).toContainText("flex.readonlyadmin role cannot be granted through SSO");
  await expect(console.page).toHaveURL(/\/sso$/);
});

test("an SSO agent sets their own activity and an admin sees it in Teams", async ({ console, page }) => {
  await ssoLogin(console, "Acme Support", "ines.ruiz@acme-support.example.com", "Ines Ruiz", "agent");
  await expect(console.heading("Agent desktop")).toBeVisible();
  await expect(flexNav(console).getByRole("link")).toHaveText(["Agent desktop"]);
  await expect(console.main.getByTestId("own-activity")).toHaveText("Offline");
  // The status pill in the top bar changes it.
  const status = page.getByRole("banner").getByLabel("Your status");
  await status.selectOption({ label: "Available" });
  await expect(console.main.getByTestId("own-activity")).toHaveText("Available");
  await expect(status.locator("option:checked")).toHaveText("Available");
  await expect(page.getByTestId("status-pill").locator(".status-dot")).toHaveClass(/status-available/);
  // back to the Console without reloading, then in as an admin
  await page.getByRole("link", { name: "Back to Console" }).click();
  await expect(console.heading("Sign in to the Console")).toBeVisible();
  await console.main.getByRole("button", { name: /^Maria Garcia/ }).click();
  await console.main.getByRole("link", { name: "Acme Support", exact: true }).click();
  await console.navigation.getByRole("link", { name: "Flex overview" }).click();
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await flexNav(console).getByRole("link", { name: "Teams" }).click();
  const ines = console.main.getByRole("row", { name: /Ines Ruiz/ });
  await expect(ines.getByTestId("worker-activity")).toHaveText("Available");
  // An admin changes another agent's activity from Teams.
  await ines.getByLabel("Activity of Ines Ruiz").selectOption({ label: "Unavailable" });
  await expect(console.page.getByTestId("toast-success").last()).toContainText("Ines Ruiz is now Unavailable.");
  await expect(ines.getByTestId("worker-activity")).toHaveText("Unavailable");
});

test("an SSO supervisor changes an agent's activity in Teams; an SSO agent sees no Teams", async ({ console }) => {
  await ssoLogin(console, "Acme Support", "ines.ruiz@acme-support.example.com", "Ines Ruiz", "agent");
  await expect(flexNav(console).getByRole("link")).toHaveText(["Agent desktop"]);
  await console.page.getByRole("link", { name: "Back to Console" }).click();
  await ssoLogin(console, "Acme Support", "chloe.nguyen@acme-support.example.com", "Chloe Nguyen", "supervisor");
  await flexNav(console).getByRole("link", { name: "Teams" }).click();
  const ines = console.main.getByRole("row", { name: /Ines Ruiz/ });
  await expect(ines.getByTestId("worker-activity")).toHaveText("Offline");
  const select = ines.getByLabel("Activity of Ines Ruiz");
  await expect(select).toBeEnabled();
  await select.selectOption({ label: "Available" });
  await expect(ines.getByTestId("worker-activity")).toHaveText("Available");
  // Chloe's own row is changed from her desk, not from Teams.
  await expect(console.main.getByRole("row", { name: /Chloe Nguyen/ }).getByRole("combobox")).toHaveCount(0);
});

test("Back to Console returns to the Flex overview", async ({ console }) => {
  const sid = await launch(console, "Priya Patel", "Acme Support");
  await expect(console.heading("Agent desktop")).toBeVisible();
  await console.page.getByRole("link", { name: "Back to Console" }).click();
  await expect(console.page).toHaveURL(new RegExp(`/accounts/${sid}/flex$`));
  await expect(console.heading("Flex overview")).toBeVisible();
  await expect(console.navigation.getByRole("link", { name: "Flex SSO login" })).toBeVisible();
});

test("the Flex UI stays under the sub-path", async ({ console }) => {
  const base = process.env.FLEX_SUB_PATH_URL ?? SUB_PATH_URL;
  await console.open(base);
  await console.page.getByRole("button", { name: /^Noah Kim/ }).click();
  const account = console.main.getByRole("link", { name: "Acme Support", exact: true });
  await console.page.goto(new URL((await account.getAttribute("href"))! + "/flex", console.page.url()).href);
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await expect(console.page).toHaveURL(new RegExp("/console/flex/AC[0-9a-f]{32}/admin$"));
  await expect(console.page.getByRole("banner")).toContainText("Twilio Flex");
  await expect(console.page.getByRole("link", { name: "Back to Console" })).toHaveAttribute("href", /^\/console\/accounts\/AC[0-9a-f]{32}\/flex$/);
  await console.page.reload();
  await expect(console.heading("Admin dashboard")).toBeVisible();
});

test("an SSO login says which Insights roles it did not apply, and why", async ({ console }) => {
  // Acme is on the trial plan: Insights roles are dropped, and the login says so.
  await ssoLogin(console, "Acme Support", "tess.lane@acme-support.example.com", "Tess Lane", "supervisor, wfo.team_leader");
  await expect(console.page).toHaveURL(/\/flex\/AC[0-9a-f]{32}\/agent-desktop$/);
  const toast = console.page.getByTestId("toast-success");
  await expect(toast).toContainText("with roles supervisor.");
  await expect(toast).toContainText("The Insights roles wfo.team_leader were not applied: Flex Insights roles need a paid Flex plan");
  // On Globex's paid plan an agent's are dropped for the role.
  await ssoLogin(console, "Globex Contact Center", "al.ng@globex.example.com", "Al Ng", "agent, wfo.full_access");
  await expect(console.page.getByTestId("toast-success").last()).toContainText(
    "The Insights roles wfo.full_access were not applied: Insights roles can only be given to workers with the admin or supervisor Flex role.",
  );
  // Applied: nothing about Insights roles.
  await ssoLogin(console, "Globex Contact Center", "bo.kim@globex.example.com", "Bo Kim", "supervisor, wfo.team_leader");
  await expect(console.page.getByTestId("toast-success").last()).toContainText("with roles supervisor, wfo.team_leader.");
  await expect(console.page.getByTestId("toast-success").last()).not.toContainText("not applied");
});
