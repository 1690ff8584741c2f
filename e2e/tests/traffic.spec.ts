// Demo traffic on the Data page: contacts arrive at the rate chosen and queues fill; with
// simulated agents, tasks are taken; stopping ends it. Time moves by the page's clock.
import { expect, test } from "./console";

test("simulated traffic starts, contacts arrive and queues fill, and it stops", async ({ console, page }) => {
  await page.clock.install();
  await console.open("/data");
  const section = console.main.getByRole("region", { name: "Simulated traffic" });
  await expect(section.getByLabel("Account")).toHaveValue(/^AC/);
  await expect(section.getByLabel("Workflow")).toHaveValue(/^WW/);
  await section.getByLabel("Contacts a minute").fill("30");
  await section.getByRole("button", { name: "Start traffic" }).click();
  const status = section.getByTestId("traffic-status");
  await expect(status).toContainText("Running into Globex Contact Center: 30 contacts a minute, 0 sent so far");

  // A minute on: 30 contacts, and with nobody answering they wait.
  await page.clock.runFor(60_000);
  await expect(status).toContainText("30 sent so far");
  await expect(status).toContainText(/; (1\d|2\d|30) waiting/);

  await section.getByRole("button", { name: "Stop traffic" }).click();
  await expect(status).toBeHidden();
  await expect(section.getByRole("button", { name: "Start traffic" })).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(section.getByRole("button", { name: "Start traffic" })).toBeVisible();
});

test("simulated agents go Available and take the tasks", async ({ console, page }) => {
  await page.clock.install();
  await console.open("/data");
  const section = console.main.getByRole("region", { name: "Simulated traffic" });
  await section.getByLabel("Hannah Becker").check();
  await section.getByLabel("Mateo Silva").check();
  await section.getByLabel("Contacts a minute").fill("6");
  await section.getByRole("button", { name: "Start traffic" }).click();
  const status = section.getByTestId("traffic-status");
  await expect(status).toContainText("0 sent so far");
  await page.clock.runFor(40_000);
  await expect(status).toContainText(/[1-9] being handled/);
});
