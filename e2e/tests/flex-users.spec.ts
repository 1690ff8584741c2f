// Flex users: the account's TaskRouter workers, their attributes, Insights roles and deletion.
import { readFileSync } from "node:fs";
import { expect, slowed, test, type Console } from "./console";

/** Signs in and opens an account's Flex users page; returns the account SID. */
async function flexUsers(console: Console, who: string, account = "Globex Contact Center") {
  await console.signInAs(who);
  const sid = await console.openAccount(account, "/flex/users");
  await expect(console.heading("Flex users")).toBeVisible();
  return sid;
}

function workers(console: Console) {
  return console.main.getByRole("table", { name: /Flex users/ });
}

/** The row of the worker with this name. */
function workerRow(console: Console, name: string) {
  return workers(console)
    .getByRole("row")
    .filter({ has: console.page.getByRole("rowheader", { name, exact: true }) });
}

/** Opens a worker's attributes from its row's menu and returns them parsed. */
async function attributesOf(console: Console, name: string) {
  await (await console.action(`Actions for ${name}`, "Attributes")).click();
  const dialog = console.page.getByRole("dialog", { name: "Worker attributes" });
  await expect(dialog).toContainText(name);
  const attributes = JSON.parse((await dialog.getByTestId("worker-attributes").textContent())!);
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(console.main.getByRole("button", { name: `Actions for ${name}` })).toBeFocused();
  return attributes;
}

async function setInsightsRoles(console: Console, name: string, check: string[]) {
  await (await console.action(`Actions for ${name}`, "Insights roles")).click();
  const dialog = console.page.getByRole("dialog", { name: "Insights roles" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("checkbox")).toHaveCount(7);
  for (const role of check) await dialog.getByRole("checkbox", { name: new RegExp("^" + role.replace(".", "\\.")) }).check();
  await dialog.getByRole("button", { name: "Save Insights roles" }).click();
  await expect(dialog).toBeHidden();
}

test("the Owner sees the workers with their attributes and the note about logins", async ({ console }) => {
  await flexUsers(console, "James Chen");
  await expect(console.main.getByTestId("worker-count")).toHaveText("5 workers");
  await expect(console.main.getByTestId("roles-note")).toContainText("Roles are overwritten at every login");
  await expect(console.main.getByTestId("roles-note")).toContainText("SSO");
  const james = workerRow(console, "James Chen");
  await expect(james.getByTestId("flex-roles")).toHaveText("admin");
  await expect(james.getByTestId("insights-roles")).toHaveText("wfo.full_access");
  await expect(james).toContainText("james.chen@example.com");
  await expect(james.locator("code.sid")).toHaveText(/^WK[0-9a-f]{32}$/);
  const attributes = await attributesOf(console, "James Chen");
  expect(attributes).toMatchObject({
    full_name: "James Chen",
    email: "james.chen@example.com",
    roles: ["admin", "wfo.full_access"],
    contact_uri: "client:james_2Echen_40example_2Ecom",
    routing: { skills: [], levels: {} },
    disabled_skills: { skills: [], levels: {} },
  });
  // The JSON is shown as text, exactly as serde_json writes it.
  const daniel = await attributesOf(console, "Daniel Wright");
  expect(daniel.roles).toEqual(["supervisor", "wfo.team_leader"]);
  expect(daniel.contact_uri).toBe("client:daniel_2Ewright_40globex_2Eexample_2Ecom");
});

test("search and filters narrow the list and stay in the URL", async ({ console, page }) => {
  await flexUsers(console, "James Chen");
  await console.main.getByLabel("Search").fill("hannah");
  await expect(console.main.getByTestId("worker-count")).toHaveText("1 of 5 workers");
  await expect(workerRow(console, "Hannah Becker")).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=hannah/);
  await console.main.getByLabel("Search").fill("");
  await console.main.getByLabel("Flex role").selectOption("agent");
  await expect(console.main.getByTestId("worker-count")).toHaveText("2 of 5 workers");
  await expect(workerRow(console, "Mateo Silva")).toBeVisible();
  await expect(workerRow(console, "James Chen")).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]role=agent/);
  await page.reload();
  await expect(console.main.getByLabel("Flex role")).toHaveValue("agent");
  await expect(console.main.getByTestId("worker-count")).toHaveText("2 of 5 workers");
  await console.main.getByLabel("Flex role").selectOption("");
  // Every Globex worker is Offline: Available must find none (a filter that did nothing
  // would show all five), Offline all of them.
  await console.main.getByLabel("Activity").selectOption("Available");
  await expect(page).toHaveURL(/[?&]activity=Available/);
  await expect(console.main.getByTestId("worker-count")).toHaveText("No workers match.");
  await console.main.getByLabel("Activity").selectOption("Offline");
  await expect(page).toHaveURL(/[?&]activity=Offline/);
  await expect(console.main.getByTestId("worker-count")).toHaveText("5 workers");
  for (const row of await workers(console).locator("tbody > tr").all()) {
    await expect(row).toContainText("Offline");
  }
});

test("Insights roles are refused on a trial plan, with the reason up front", async ({ console }) => {
  await flexUsers(console, "Maria Garcia", "Acme Support");
  const button = await console.action("Actions for Chloe Nguyen", "Insights roles");
  await expect(button).toBeDisabled();
  await expect(workerRow(console, "Chloe Nguyen").getByTestId("refusal").first()).toHaveText(
    /Flex Insights roles need a paid Flex plan/,
  );
  await expect(button).toHaveAccessibleDescription(/need a paid Flex plan/);
});

test("Insights roles are refused for an agent and given to a supervisor on a paid plan", async ({ console }) => {
  await flexUsers(console, "James Chen");
  const hannah = await console.action("Actions for Hannah Becker", "Insights roles");
  await expect(hannah).toBeDisabled();
  await expect(hannah).toHaveAccessibleDescription(
    "Insights roles can only be given to workers with the admin or supervisor Flex role.",
  );
  // A refused item does nothing when pressed (tapped anyway): the menu stays, no dialog opens.
  await hannah.click({ force: true });
  await expect(hannah).toBeVisible();
  await expect(console.page.getByRole("dialog")).toHaveCount(0);
  await console.page.keyboard.press("Escape");
  await expect(hannah).toBeHidden();
  await setInsightsRoles(console, "Daniel Wright", ["wfo.data_analyst", "wfo.dashboard_viewer"]);
  await expect(console.page.getByTestId("toast-success")).toContainText("Insights roles of Daniel Wright set");
  await expect(workerRow(console, "Daniel Wright").getByTestId("insights-roles")).toHaveText(
    "wfo.team_leader, wfo.data_analyst, wfo.dashboard_viewer",
  );
  const attributes = await attributesOf(console, "Daniel Wright");
  expect(attributes.roles).toEqual(["supervisor", "wfo.team_leader", "wfo.data_analyst", "wfo.dashboard_viewer"]);
});

test("a worker's edited roles are overwritten at the next login", async ({ console }) => {
  const launch = async () => {
    await console.signInAs("Liam O'Brien");
    await console.openAccount("Globex Contact Center", "/flex");
    await console.main.getByRole("button", { name: "Log in with Console" }).click();
    await expect(console.page.getByTestId("toast-success")).toContainText("admin, wfo.full_access");
  };
  await launch();
  await flexUsers(console, "James Chen");
  await setInsightsRoles(console, "Liam O'Brien", ["wfo.team_leader"]);
  await expect(workerRow(console, "Liam O'Brien").getByTestId("insights-roles")).toHaveText(
    "wfo.full_access, wfo.team_leader",
  );
  await launch();
  // the launch opened the Flex UI; the Owner looks at the workers again
  await flexUsers(console, "James Chen");
  await expect(workerRow(console, "Liam O'Brien").getByTestId("insights-roles")).toHaveText("wfo.full_access");
  expect((await attributesOf(console, "Liam O'Brien")).roles).toEqual(["admin", "wfo.full_access"]);
});

test("deleting a worker asks first, says it comes back at the next login, and removes it", async ({ console }) => {
  await flexUsers(console, "James Chen");
  await (await console.action("Actions for Mateo Silva", "Delete")).click();
  const dialog = console.page.getByRole("dialog", { name: "Delete worker" });
  await expect(dialog).toContainText("Mateo Silva");
  await expect(dialog.getByTestId("delete-returns-note")).toContainText("comes back at this person's next login");
  await expect(dialog.getByTestId("delete-returns-note")).toContainText("identity provider");
  await dialog.getByRole("button", { name: "Delete worker" }).click();
  await expect(dialog).toBeHidden();
  await expect(console.page.getByTestId("toast-success")).toContainText("Mateo Silva");
  await expect(workerRow(console, "Mateo Silva")).toHaveCount(0);
  await expect(console.main.getByTestId("worker-count")).toHaveText("4 workers");
});

test("a Billing Manager gets the no-permission page", async ({ console }) => {
  await console.signInAs("Sofia Rossi");
  await console.openAccount("Globex Contact Center", "/flex/users");
  const denied = console.main.getByTestId("no-permission");
  await expect(denied).toContainText("Managing Flex users needs the Owner, Administrator or Developer role");
  await expect(workers(console)).toHaveCount(0);
});

test("an account without Flex says so and links to the Flex overview", async ({ console }) => {
  const sid = await flexUsers(console, "Priya Patel", "Initech Labs");
  await expect(console.main.getByTestId("no-flex")).toContainText("no Flex instance");
  await console.main.getByRole("link", { name: "Go to the Flex overview" }).click();
  await expect(console.page).toHaveURL(new RegExp(`/accounts/${sid}/flex$`));
});

test("the scale scenario's 15,000 workers are paginated and a search narrows them", async ({ console, context }) => {
  test.setTimeout(slowed(180_000));
  const scale = JSON.parse(readFileSync(new URL("../../public/scenarios/scale.json", import.meta.url), "utf8"));
  const [owner] = Object.entries(scale.console.users as Record<string, { email: string }>).find(
    ([, u]) => u.email === "user0@scale.example.com",
  )!;
  const [account] = Object.entries(scale.console.accounts as Record<string, { friendly_name: string }>).find(
    ([, a]) => a.friendly_name === "Scale Account 0000",
  )!;
  await context.addInitScript((sid) => sessionStorage.setItem("flex-console.signed-in", sid), owner);
  await console.open("/data?scenario=scale");
  await expect(console.page.getByTestId("banner-scenario-loaded")).toBeVisible({ timeout: slowed(90_000) });
  // the loaded scenario is written in the background: wait for it before reloading the page
  await expect(console.page.getByTestId("store-saved")).toHaveText("All changes saved", { timeout: slowed(60_000) });
  await console.page.goto(`/accounts/${account}/flex/users`);
  await expect(console.heading("Flex users")).toBeVisible({ timeout: slowed(30_000) });
  const count = console.main.getByTestId("worker-count");
  await expect(count).toHaveText("15,000 workers", { timeout: slowed(30_000) });
  await expect(console.main.getByTestId("page-status")).toHaveText("1–25 of 15,000");
  await expect(workers(console).getByRole("rowheader")).toHaveCount(25);
  await console.main.getByLabel("Rows per page").selectOption("100");
  await expect(workers(console).getByRole("rowheader")).toHaveCount(100);
  await expect(console.main.getByTestId("page-status")).toHaveText("1–100 of 15,000");
  await console.main.getByRole("button", { name: "Next page" }).click();
  await expect(console.main.getByTestId("page-status")).toHaveText("101–200 of 15,000");
  const started = Date.now();
  await console.main.getByLabel("Search").pressSequentially("agent1234@");
  await expect(count).toHaveText("1 of 15,000 workers");
  const typing = Date.now() - started;
  await expect(workers(console).getByRole("rowheader")).toHaveCount(1);
  await expect(workers(console)).toContainText("agent1234@contact.scale.example.com");
  expect(typing, "typing ten characters into the search over 15,000 workers").toBeLessThan(10_000);
  await console.main.getByLabel("Search").fill("");
  await console.main.getByLabel("Flex role").selectOption("supervisor");
  await expect(count).toHaveText("299 of 15,000 workers");
});

test("the workers sort by name, email, activity and Flex role, and the sort is in the URL", async ({ console, page }) => {
  // A worker whose email sorts first and whose name sorts last, so each sort shows itself.
  await console.open("/sso");
  const select = console.main.getByLabel("Account");
  await select.selectOption((await select.locator("option", { hasText: "Acme Support" }).getAttribute("value"))!);
  await console.main.getByLabel("Email").fill("a.zed@acme-support.example.com");
  await console.main.getByLabel("Full name").fill("Zed Aaron");
  await console.main.getByLabel("Roles", { exact: true }).fill("agent");
  await console.main.getByRole("button", { name: "Log in to Flex" }).click();
  await expect(page).toHaveURL(/\/flex\/AC[0-9a-f]{32}\//);
  await flexUsers(console, "Maria Garcia", "Acme Support");

  const header = (name: string) => workers(console).getByRole("columnheader", { name: new RegExp("^" + name) });
  const column = (testid: string) => workers(console).getByTestId(testid).allTextContents();
  const names = () => workers(console).getByRole("rowheader").allTextContents();
  const inOrder = (list: string[]) => [...list].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));

  await expect(header("Name")).toHaveAttribute("aria-sort", "none");
  await header("Name").getByRole("button").click();
  await expect(header("Name")).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/[?&]sort=name/);
  const ascending = await names();
  expect(ascending).toHaveLength(6);
  expect(ascending).toEqual(inOrder(ascending));
  expect(ascending.at(-1)).toBe("Zed Aaron");
  await header("Name").getByRole("button").click();
  await expect(header("Name")).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/[?&]dir=desc/);
  expect(await names()).toEqual([...ascending].reverse());

  await header("Email").getByRole("button").click();
  await expect(header("Email")).toHaveAttribute("aria-sort", "ascending");
  await expect(header("Name")).toHaveAttribute("aria-sort", "none");
  const emails = await column("worker-email");
  expect(emails).toEqual(inOrder(emails));
  expect((await names())[0], "by email, not by name").toBe("Zed Aaron");

  // Lucas Martin is the one Available; the others are Offline.
  await header("Activity").getByRole("button").click();
  const activities = await column("worker-activity");
  expect(new Set(activities).size).toBeGreaterThan(1);
  expect(activities).toEqual(inOrder(activities));
  expect((await names())[0]).toBe("Lucas Martin");

  // Flex roles in the order admin, supervisor, agent, read-only admin; it survives a reload.
  await header("Flex roles").getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=role/);
  await page.reload();
  await expect(header("Flex roles")).toHaveAttribute("aria-sort", "ascending");
  const rank = (roles: string) => ["admin", "supervisor", "agent", "flex.readonlyadmin"].indexOf(roles.split(", ")[0]);
  const ranks = (await column("flex-roles")).map(rank);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(new Set(ranks).size, "more than one Flex role among the workers").toBeGreaterThan(1);
});
