// The resources Flex is built from: Studio, Functions and Assets (TaskRouter: taskrouter.spec.ts).
import { expect, test, type Console } from "./console";

/** Signs in and opens one of an account's product pages; returns the account SID. */
async function product(console: Console, who: string, account: string, page: string, heading: string) {
  await console.signInAs(who);
  const sid = await console.openAccount(account, page);
  await expect(console.heading(heading)).toBeVisible();
  return sid;
}

function table(console: Console, name: string) {
  return console.main.getByRole("table", { name, exact: true });
}

function row(console: Console, tableName: string, name: string) {
  return table(console, tableName)
    .getByRole("row")
    .filter({ has: console.page.getByRole("rowheader", { name, exact: true }) });
}

test("Studio shows what each flow handles, and deleting one names what stops being routed", async ({ console }) => {
  const sid = await product(console, "Liam O'Brien", "Acme Support", "/studio", "Studio");
  await expect(console.main.getByTestId("delete-warning")).toContainText("Deleting a flow breaks routing");
  const voice = row(console, "Studio flows", "Voice IVR");
  await expect(voice.getByTestId("flow-numbers")).toHaveText("(415) 555-0100");
  await expect(voice).toContainText(/FW[0-9a-f]{32}/);
  const messaging = row(console, "Studio flows", "Messaging Flow");
  await expect(messaging.getByTestId("flow-numbers")).toHaveText("(415) 555-0101");
  await expect(messaging.getByTestId("flow-flex-flows")).toHaveText("Flex Messaging Channel");
  await expect(row(console, "Studio flows", "Webchat Flow").getByTestId("flow-flex-flows")).toHaveText(
    "Flex Web Channel",
  );
  await expect(voice.getByRole("link", { name: "(415) 555-0100" })).toHaveAttribute(
    "href",
    `/accounts/${sid}/phone-numbers`,
  );
  await expect(row(console, "Flex Flows", "Flex Messaging Channel").getByTestId("flex-flow-routing")).toHaveText(
    "Messaging Flow",
  );

  await console.main.getByLabel("Search").fill("555-0101");
  await expect(table(console, "Studio flows").getByRole("rowheader")).toHaveText(["Messaging Flow"]);
  await console.main.getByLabel("Search").fill("");

  await console.main.getByRole("button", { name: "Delete Studio flow Messaging Flow" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Delete Studio flow" });
  await expect(dialog).toContainText("Messaging Flow");
  await expect(dialog.getByTestId("delete-consequences")).toContainText("(415) 555-0101");
  await expect(dialog.getByTestId("delete-consequences")).toContainText("Flex Messaging Channel");
  await dialog.getByRole("button", { name: "Delete Studio flow" }).click();
  await expect(dialog).toBeHidden();
  await expect(console.page.getByTestId("toast-success")).toContainText("Studio flow Messaging Flow");
  await expect(table(console, "Studio flows").getByRole("rowheader")).toHaveText(["Voice IVR", "Webchat Flow"]);
  await expect(row(console, "Flex Flows", "Flex Messaging Channel").getByTestId("flex-flow-routing")).toHaveText(
    "Not routed",
  );
  await expect(console.main.getByTestId("unrouted-numbers")).toContainText("(415) 555-0101");
});

test("Functions and Assets shows the service's domain, its Function and its Asset", async ({ console }) => {
  await product(console, "Liam O'Brien", "Acme Support", "/functions", "Functions and Assets");
  const domain = (await console.main.getByTestId("runtime-domain").textContent())!;
  expect(domain).toMatch(/^[a-z]+-[a-z]+-\d{4}\.twil\.io$/);
  await expect(console.main.getByTestId("service-sid")).toHaveText(/^ZS[0-9a-f]{32}$/);
  const validator = row(console, "Functions", "/flex-token-validator");
  await expect(validator).toContainText("Protected");
  await expect(validator).toContainText(`https://${domain}/flex-token-validator`);
  await expect(validator).toContainText(/ZH[0-9a-f]{32}/);
  const plugins = row(console, "Assets", "/plugins/plugins.json");
  await expect(plugins).toContainText("Private");
  await expect(plugins).toContainText(`https://${domain}/plugins/plugins.json`);
  await expect(table(console, "Functions").getByRole("rowheader")).toHaveCount(1);
  await expect(table(console, "Assets").getByRole("rowheader")).toHaveCount(1);

  await console.main.getByLabel("Search").fill("private");
  await expect(table(console, "Functions")).toContainText("No functions match");
  await expect(row(console, "Assets", "/plugins/plugins.json")).toBeVisible();
});

test("the Flex overview links its resources to their product pages", async ({ console }) => {
  const sid = await product(console, "Liam O'Brien", "Acme Support", "/flex", "Flex overview");
  await console.main.getByRole("link", { name: "Flex Task Assignment" }).click();
  await expect(console.heading("TaskRouter")).toBeVisible();
  await expect(console.page).toHaveURL(new RegExp(`/accounts/${sid}/taskrouter$`));
  await console.page.goBack();
  await console.main.getByRole("link", { name: "Voice IVR" }).click();
  await expect(console.heading("Studio")).toBeVisible();
  await console.page.goBack();
  await console.main.getByRole("link", { name: "Flex Plugins" }).click();
  await expect(console.heading("Functions and Assets")).toBeVisible();
});

test("an account without Flex says its resources come with Flex", async ({ console }) => {
  const sid = await product(console, "Priya Patel", "Initech Labs", "/taskrouter", "TaskRouter");
  await expect(console.main.getByTestId("no-flex")).toContainText("TaskRouter resources are created when Flex is set up");
  for (const [path, heading] of [
    ["/studio", "Studio"],
    ["/functions", "Functions and Assets"],
  ]) {
    await console.page.goto(`/accounts/${sid}${path}`);
    await expect(console.heading(heading)).toBeVisible();
    await expect(console.main.getByTestId("no-flex")).toContainText("created when Flex is set up");
  }
  await console.main.getByRole("link", { name: "Go to the Flex overview" }).click();
  await expect(console.page).toHaveURL(new RegExp(`/accounts/${sid}/flex$`));
});

test("a Billing Manager gets the no-permission page on every product page", async ({ console }) => {
  await console.signInAs("Sofia Rossi");
  const sid = await console.openAccount("Globex Contact Center", "/taskrouter");
  for (const [path, action] of [
    ["/taskrouter", "Viewing TaskRouter"],
    ["/studio", "Viewing Studio"],
    ["/functions", "Viewing Functions and Assets"],
  ]) {
    await console.page.goto(`/accounts/${sid}${path}`);
    const denied = console.main.getByTestId("no-permission");
    await expect(denied).toContainText(`${action} needs the Owner, Administrator or Developer role`);
    await expect(console.main.getByRole("table")).toHaveCount(0);
  }
});
