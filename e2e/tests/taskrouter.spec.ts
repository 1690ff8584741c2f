// TaskRouter set up in the browser (issue 26): Twilio's skills-based routing guide done end to
// end (a skill, given to an agent with a level; a queue on it listing that agent; a workflow
// filter routing to it; Try a task naming that queue and agent, and other attributes falling
// to the default queue), a broken expression refused with its column, a queue a workflow uses
// refused deletion; the workflow's JSON and form as one value; filters and steps reordered
// from the keyboard; a save over a newer change; activities, channels and a worker's page.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test, type Console } from "./console";

const DEMO = JSON.parse(readFileSync(new URL("../../public/scenarios/demo.json", import.meta.url), "utf8"));
const accountSid = (name: string) =>
  Object.entries(DEMO.console.accounts as Record<string, { friendly_name: string }>).find(([, a]) => a.friendly_name === name)![0];
const GLOBEX = accountSid("Globex Contact Center");
const workspace = DEMO.console.accounts[GLOBEX].flex.workspace;
const queueSid = (name: string) => workspace.task_queues.find((q: { friendly_name: string }) => q.friendly_name === name).sid;
const workflowSid = (name: string) => workspace.workflows.find((w: { friendly_name: string }) => w.friendly_name === name).sid;
const workerSid = (email: string) =>
  Object.entries(workspace.workers as Record<string, { identity: string }>).find(([, w]) => w.identity === email)![0];

const flexNav = (page: Page) => page.getByRole("navigation", { name: "Flex" });

/** Signs `who` in and opens a TaskRouter page of Globex. */
async function openGlobex(console: Console, who: string, path: string) {
  await console.signInAs(who);
  await console.page.goto(`/accounts/${GLOBEX}/taskrouter${path}`);
  await expect(console.main.getByRole("heading", { level: 1 })).toBeVisible();
}

/** The reason a refused control gives (what its `aria-describedby` points at). */
async function reasonOf(console: Console, control: ReturnType<Page["locator"]>) {
  const id = await control.getAttribute("aria-describedby");
  expect(id, "a refused control has a reason").toBeTruthy();
  return console.page.locator(`[id="${id}"]`);
}

/** A filter of the workflow form, by its position from 1. */
const filter = (console: Console, n: number) => console.main.getByTestId("filter").nth(n - 1);

test("the skills-based routing guide, in the browser: skill, agent, queue, workflow filter, Try a task", async ({ console, page }) => {
  test.setTimeout(120_000);
  // A Flex admin defines a skill with levels on the admin dashboard's Skills page.
  await console.signInAs("James Chen");
  await console.page.goto(`/accounts/${GLOBEX}/flex`);
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await expect(page).toHaveURL(new RegExp(`/flex/${GLOBEX}/agent-desktop$`));
  await flexNav(page).getByRole("link", { name: "Skills" }).click();
  await expect(console.heading("Skills")).toBeVisible();
  await console.main.getByRole("button", { name: "Add skill" }).click();
  const add = page.getByRole("dialog", { name: "Add skill" });
  await add.getByLabel("Skill name").fill("billing");
  await add.getByLabel(/^Has levels/).check();
  await add.getByLabel("Minimum level").fill("1");
  await add.getByLabel("Maximum level").fill("5");
  await add.getByRole("button", { name: "Add skill" }).click();
  await expect(add).toBeHidden();
  const billing = console.main.getByTestId("skill-row").filter({ hasText: "billing" });
  await expect(billing).toContainText("1 to 5");

  // In Teams, the admin gives it to Hannah Becker at level 4 and makes her Available.
  await flexNav(page).getByRole("link", { name: "Teams" }).click();
  const hannah = console.main.getByRole("row", { name: /Hannah Becker/ });
  await hannah.getByRole("button", { name: "Skills of Hannah Becker" }).click();
  const skills = page.getByRole("dialog", { name: "Skills of Hannah Becker" });
  await skills.getByLabel("billing").check();
  await skills.getByLabel("Level (1 to 5)").fill("4");
  await skills.getByRole("button", { name: "Save skills" }).click();
  await expect(skills).toBeHidden();
  await expect(hannah.getByTestId("worker-skills")).toContainText("billing (4)");
  await hannah.getByLabel("Activity of Hannah Becker").selectOption({ label: "Available" });
  await expect(hannah.getByTestId("worker-activity")).toHaveText("Available");

  // In the Console, a queue on the skill lists her as matching, as its expression is typed.
  await page.goto(`/accounts/${GLOBEX}/taskrouter/queues`);
  await console.main.getByRole("button", { name: "Create task queue" }).click();
  const create = page.getByRole("dialog", { name: "Create task queue" });
  await create.getByLabel("Task Queue Name").fill("Billing");
  const expression = create.getByLabel("Queue Expression");
  await expression.fill("routing.skills HAS");
  await expect(create.getByTestId("match-line")).toHaveText("column 19: expected a value after HAS");
  await expect(expression).toHaveAttribute("aria-invalid", "true");
  // Created anyway, it is refused with the column, and the dialog stays open to correct it.
  await create.getByRole("button", { name: "Create task queue" }).click();
  await expect(create.getByRole("alert")).toHaveText("Queue Expression: column 19: expected a value after HAS");
  await expect(create).toBeVisible();
  await expression.fill("routing.skills HAS 'billing' AND routing.levels.billing >= 3");
  await expect(create.getByTestId("match-line")).toHaveText("1 worker matches: Hannah Becker");
  await create.getByRole("button", { name: "Create task queue" }).click();
  await expect(console.heading("Billing")).toBeVisible();
  await expect(console.main.getByTestId("member-row").getByRole("rowheader")).toHaveText(["Hannah Becker"]);
  await expect(console.main.getByTestId("member-row")).toContainText("Available");

  // A broken expression is refused with its column, and nothing is saved.
  const settings = console.main.getByTestId("queue-form");
  await settings.getByLabel("Queue Expression").fill("routing.skills HAS 'billing' AND");
  await expect(settings.getByTestId("match-line")).toHaveText("column 33: expected a condition after AND");
  await settings.getByRole("button", { name: "Save task queue" }).click();
  await expect(settings.getByRole("alert")).toHaveText("Queue Expression: column 33: expected a condition after AND");
  await page.reload();
  await expect(settings.getByLabel("Queue Expression")).toHaveValue("routing.skills HAS 'billing' AND routing.levels.billing >= 3");
  await settings.getByLabel("Queue Expression").fill("routing.skills HAS 'billing'");
  await expect(settings.getByTestId("match-line")).toHaveText("1 worker matches: Hannah Becker");

  // The workflow gets a filter routing to it.
  await page.goto(`/accounts/${GLOBEX}/taskrouter/workflows/${workflowSid("Inbound Routing")}`);
  await expect(console.heading("Inbound Routing")).toBeVisible();
  await expect(console.main.getByTestId("filter")).toHaveCount(4);
  await console.main.getByRole("button", { name: "Add a filter" }).click();
  const added = filter(console, 5);
  await expect(added.getByLabel("Filter Name")).toBeFocused();
  await added.getByLabel("Filter Name").fill("Billing");
  await added.getByLabel("Matching Tasks").fill("type == 'billing'");
  await added.getByLabel("Task Queue").selectOption({ label: "Billing" });
  await expect(added.getByTestId("match-line")).toHaveText("1 worker matches: Hannah Becker (of 1 in the queue)");
  await console.main.getByRole("button", { name: "Save workflow" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("The workflow Inbound Routing was saved.");

  // Try a task: billing names the queue and Hannah; anything else falls to the default queue.
  const tryIt = console.main.getByTestId("try-task");
  await tryIt.getByLabel("Task attributes (JSON)").fill('{"type": "billing"}');
  await tryIt.getByLabel("Task channel").selectOption({ label: "voice" });
  await tryIt.getByRole("button", { name: "Try a task" }).click();
  await expect(tryIt.getByTestId("try-filter")).toHaveText("Filter 5 (Billing) matches: the task goes through its routing steps.");
  const step = tryIt.getByTestId("try-step").first();
  await expect(step.getByTestId("try-queue")).toHaveText("Billing");
  await expect(step.getByTestId("try-offered").getByRole("listitem")).toHaveText(["Hannah Becker"]);
  await tryIt.getByLabel("Task attributes (JSON)").fill('{"type": "returns"}');
  await tryIt.getByRole("button", { name: "Try a task" }).click();
  await expect(tryIt.getByTestId("try-filter")).toHaveText("No filter matches: the Default Task Queue takes the task.");
  await expect(tryIt.getByTestId("try-step").first().getByTestId("try-queue")).toHaveText("Everyone");
  await tryIt.getByLabel("Task attributes (JSON)").fill('{"type": }');
  await tryIt.getByRole("button", { name: "Try a task" }).click();
  await expect(tryIt.getByTestId("try-problem")).toHaveText("The task attributes are not valid JSON at line 1, column 10: expected value.");

  // A queue a workflow routes to cannot be deleted: the domain names the workflow.
  await page.goto(`/accounts/${GLOBEX}/taskrouter/queues`);
  await console.main.getByRole("link", { name: "Billing", exact: true }).click();
  const remove = console.main.getByRole("button", { name: "Delete task queue" });
  await expect(remove).toHaveAttribute("aria-disabled", "true");
  await expect(await reasonOf(console, remove)).toHaveText(
    "The task queue Billing is used by the workflow Inbound Routing. Route it to another queue first.",
  );
  // Pressed anyway (a refused button stays focusable), it shows its reason and opens nothing.
  await remove.click({ force: true });
  await expect(page.locator("dialog[open]")).toHaveCount(0);
  await page.goto(`/accounts/${GLOBEX}/taskrouter/queues`);
  await expect(console.main.getByRole("link", { name: "Billing", exact: true })).toBeVisible();
});

test("the workflow's JSON and its form are one value, and a JSON mistake names its line and column", async ({ console, page }) => {
  await openGlobex(console, "Liam O'Brien", `/workflows/${workflowSid("Inbound Routing")}`);
  const json = console.main.getByLabel("Configuration (JSON)");
  await expect(json).toHaveValue(/"filter_friendly_name": "VIP"/);
  // The JSON typed becomes the form's value.
  const text = await json.inputValue();
  await json.fill(text.replace('"filter_friendly_name": "VIP"', '"filter_friendly_name": "Very important"'));
  await expect(filter(console, 2).getByLabel("Filter Name")).toHaveValue("Very important");
  // The form's edit shows in the JSON.
  await filter(console, 1).getByLabel("Filter Name").fill("Español");
  await expect(json).toHaveValue(/"filter_friendly_name": "Español"/);
  await expect(json).toHaveValue(/"filter_friendly_name": "Very important"/);
  // A mistake: line and column, and the form keeps the last configuration that read.
  const broken = (await json.inputValue()).replace('"task_routing": {', '"task_routing": {{');
  await json.fill(broken);
  await expect(console.main.getByTestId("json-check")).toHaveText(
    "Not a configuration: line 2, column 20: key must be a string. The form shows the last one that read.",
  );
  await expect(json).toHaveAttribute("aria-invalid", "true");
  await expect(filter(console, 1).getByLabel("Filter Name")).toHaveValue("Español");
  await console.main.getByRole("button", { name: "Save workflow" }).click();
  await expect(console.main.getByTestId("workflow-form").getByRole("alert")).toContainText("Configuration (JSON): line 2, column 20");
  await json.fill(broken.replace("{{", "{"));
  await expect(console.main.getByTestId("json-check")).toHaveText("The same configuration as the form: edit either.");
  await console.main.getByRole("button", { name: "Save workflow" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("The workflow Inbound Routing was saved.");
  await page.reload();
  await expect(filter(console, 1).getByLabel("Filter Name")).toHaveValue("Español");
  await expect(filter(console, 2).getByLabel("Filter Name")).toHaveValue("Very important");
  await expect(console.main.getByLabel("Configuration (JSON)")).toHaveValue(/"filter_friendly_name": "Very important"/);
});

test("filters and steps are reordered with the keyboard, and focus follows what moved", async ({ console, page }) => {
  await openGlobex(console, "Liam O'Brien", `/workflows/${workflowSid("Inbound Routing")}`);
  const names = console.main.getByTestId("filter").locator("legend");
  await expect(names).toHaveText(["Filter 1: Spanish speakers", "Filter 2: VIP", "Filter 3: Sales", "Filter 4: Support"]);
  await console.main.getByRole("button", { name: "Move filter 2 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(names).toHaveText(["Filter 1: VIP", "Filter 2: Spanish speakers", "Filter 3: Sales", "Filter 4: Support"]);
  // At the top, "up" is refused, so focus is on the filter's "down".
  await expect(console.main.getByRole("button", { name: "Move filter 1 down" })).toBeFocused();
  await expect(console.main.getByRole("button", { name: "Move filter 1 up" })).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Space");
  await expect(names).toHaveText(["Filter 1: Spanish speakers", "Filter 2: VIP", "Filter 3: Sales", "Filter 4: Support"]);
  await expect(console.main.getByRole("button", { name: "Move filter 2 down" })).toBeFocused();
  // A step moves within its filter: VIP's two steps swap.
  const steps = filter(console, 2).getByTestId("step");
  await expect(steps.nth(0).getByLabel("Task Queue")).toHaveValue(queueSid("Support Tier 2"));
  await console.main.getByRole("button", { name: "Move step 1 of filter 2 down" }).focus();
  await page.keyboard.press("Enter");
  await expect(steps.nth(0).getByLabel("Task Queue")).toHaveValue(queueSid("Support"));
  await expect(steps.nth(1).getByLabel("Task Queue")).toHaveValue(queueSid("Support Tier 2"));
  await expect(console.main.getByRole("button", { name: "Move step 2 of filter 2 up" })).toBeFocused();
  // The JSON follows the order.
  const json = await console.main.getByLabel("Configuration (JSON)").inputValue();
  const config = JSON.parse(json);
  expect(config.task_routing.filters[1].targets.map((t: { queue: string }) => t.queue)).toEqual([queueSid("Support"), queueSid("Support Tier 2")]);
  // Removing a step keeps focus in the filter ("down" is refused at the end, yet focusable).
  await page.keyboard.press("Tab");
  await expect(console.main.getByRole("button", { name: "Move step 2 of filter 2 down" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(console.main.getByRole("button", { name: "Remove step 2 of filter 2" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(steps).toHaveCount(1);
  await expect(console.main.getByRole("button", { name: "Remove step 1 of filter 2" })).toBeFocused();
});

test("a save over a newer change names who made it and offers the newer values; an untouched form follows them", async ({ console }) => {
  const sales = queueSid("Sales");
  await openGlobex(console, "Liam O'Brien", `/queues/${sales}`);
  // Another tab of the same browser: the store is shared, as between two tabs.
  const other = await console.page.context().newPage();
  const them = new (console.constructor as typeof Console)(other);
  await them.signInAs("James Chen");
  await other.goto(`/accounts/${GLOBEX}/taskrouter/queues/${sales}`);
  await expect(them.heading("Sales")).toBeVisible();

  // Liam starts editing; James saves another change first.
  const mine = console.main.getByTestId("queue-form");
  await mine.getByLabel("Max Reserved Workers").fill("3");
  const theirs = them.main.getByTestId("queue-form");
  await theirs.getByLabel("Queue Expression").fill("routing.skills HAS 'sales' OR routing.skills HAS 'support'");
  await theirs.getByRole("button", { name: "Save task queue" }).click();
  await expect(other.getByTestId("toast-success")).toContainText("The task queue Sales was saved.");

  const notice = mine.getByTestId("changed-elsewhere");
  await expect(notice).toContainText("James Chen changed this task queue");
  await expect(notice).toContainText("after this form was opened. Load the newer values, then make your change again.");
  await expect(mine.getByRole("button", { name: "Save task queue" })).toHaveAttribute("aria-disabled", "true");
  await notice.getByRole("button", { name: "Load the newer values" }).click();
  await expect(mine.getByLabel("Queue Expression")).toHaveValue("routing.skills HAS 'sales' OR routing.skills HAS 'support'");
  await expect(mine.getByLabel("Max Reserved Workers")).toHaveValue("1");
  await expect(mine.getByLabel("Task Queue Name")).toBeFocused();
  await expect(notice).toHaveCount(0);

  // Untouched, James's form follows Liam's save.
  await mine.getByLabel("Max Reserved Workers").fill("2");
  await mine.getByRole("button", { name: "Save task queue" }).click();
  await expect(console.page.getByTestId("toast-success")).toContainText("The task queue Sales was saved.");
  await expect(theirs.getByLabel("Max Reserved Workers")).toHaveValue("2");
  await expect(theirs.getByTestId("changed-elsewhere")).toHaveCount(0);
  await other.close();
});

test("activities: created with their availability once, renamed, made the default; deleting says what is in the way", async ({ console, page }) => {
  await openGlobex(console, "Liam O'Brien", "/activities");
  await console.main.getByRole("button", { name: "Create activity" }).click();
  const create = page.getByRole("dialog", { name: "Create activity" });
  await create.getByLabel("Activity name").fill("Break");
  await create.getByLabel(/^Unavailable/).check();
  await create.getByRole("button", { name: "Create activity" }).click();
  await expect(create).toBeHidden();
  const row = (name: string) => console.main.getByTestId("activity-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row("Break")).toContainText("No");
  await (await console.action("Actions for Break", "Rename")).click();
  const rename = page.getByRole("dialog", { name: "Rename activity" });
  await rename.getByLabel("Activity name").fill("Lunch");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(row("Lunch")).toBeVisible();
  // Offline is the default and timeout activity: deleting it is refused, saying so.
  const item = await console.action("Actions for Offline", "Delete");
  await expect(item).toHaveAttribute("aria-disabled", "true");
  await expect(console.page.locator(`[id="${await item.getAttribute("aria-describedby")}"]`)).toHaveText(
    "The activity Offline is the workspace's default activity, which new workers start in. Choose another default activity first.",
  );
  await page.keyboard.press("Escape");
  await (await console.action("Actions for Lunch", "Make default activity")).click();
  await expect(row("Lunch")).toContainText("Default activity");
  await expect(row("Offline")).not.toContainText("Default activity");
  // The overview shows the same setting.
  await page.goto(`/accounts/${GLOBEX}/taskrouter`);
  await expect(console.main.getByLabel("Default activity")).toHaveValue(/^WA/);
  await expect(console.main.getByLabel("Default activity").locator("option:checked")).toHaveText("Lunch");
});

test("task channels: the five Flex creates stay; a custom one follows TaskRouter's name rule", async ({ console, page }) => {
  await openGlobex(console, "Liam O'Brien", "/channels");
  await expect(console.main.getByTestId("built-in")).toHaveCount(5);
  const voice = console.main.getByRole("button", { name: "Delete voice" });
  await expect(voice).toHaveAttribute("aria-disabled", "true");
  await voice.focus();
  await expect(await reasonOf(console, voice)).toHaveText(
    "The task channel voice is one of the five Flex creates. Flex's own channels cannot be deleted.",
  );
  await console.main.getByRole("button", { name: "Create task channel" }).click();
  const create = page.getByRole("dialog", { name: "Create task channel" });
  await create.getByLabel("Unique Name").fill("2video");
  await create.getByRole("button", { name: "Create task channel" }).click();
  await expect(create.getByRole("alert")).toHaveText(
    "Unique Name: 2video must not start with a digit (TaskRouter's rule for channel names).",
  );
  await create.getByLabel("Unique Name").fill("video");
  await create.getByLabel("Friendly Name").fill("Video");
  await create.getByRole("button", { name: "Create task channel" }).click();
  await expect(create).toBeHidden();
  const video = console.main.getByTestId("channel-row").filter({ hasText: "video" });
  await expect(video).toContainText("Custom");
  await console.main.getByRole("button", { name: "Delete video" }).click();
  await page.getByRole("dialog", { name: "Delete this task channel?" }).getByRole("button", { name: "Delete task channel" }).click();
  await expect(video).toHaveCount(0);
});

test("a worker's page: attributes as JSON checked by line and column, capacity per channel, the queues it is in", async ({ console, page }) => {
  await openGlobex(console, "Liam O'Brien", `/workers/${workerSid("mateo.silva@globex.example.com")}`);
  await expect(console.heading("Mateo Silva")).toBeVisible();
  await expect(console.main.getByTestId("worker-queue-list").getByRole("link")).toHaveText(["Everyone", "Support", "Spanish"]);
  const attributes = console.main.getByLabel("Attributes (JSON)");
  await expect(attributes).toHaveValue(/"spanish"/);
  const text = await attributes.inputValue();
  await attributes.fill(text.replace('"routing": {', '"routing": {,'));
  await expect(console.main.getByTestId("attributes-check")).toContainText("The attributes are not valid JSON at line");
  await expect(attributes).toHaveAttribute("aria-invalid", "true");
  // Dropping spanish takes Mateo out of the Spanish queue at once.
  await attributes.fill(text.replace(/"spanish"\s*/, "").replace(/,\s*\]/, "]"));
  await expect(console.main.getByTestId("attributes-check")).toContainText("of 4,096 characters.");
  await console.main.getByRole("button", { name: "Save attributes" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("The worker's attributes were saved.");
  await expect(console.main.getByTestId("worker-queue-list").getByRole("link")).toHaveText(["Everyone", "Support"]);
  // Capacity: 0 to 50; switching a channel off keeps it.
  const chat = console.main.getByLabel("chat", { exact: true });
  await chat.fill("3");
  await chat.press("Enter");
  await expect(page.getByTestId("toast-success")).toContainText("The worker now takes up to 3 chat tasks at once.");
  await expect(chat).toBeFocused();
  await console.main.getByLabel("On for chat").uncheck();
  await expect(page.getByTestId("toast-success")).toContainText("chat is switched off for this worker; its capacity stays 3.");
  await chat.fill("51");
  await chat.press("Enter");
  await expect(page.getByTestId("toast-error")).toContainText("Capacity: A worker holds from 0 to 50 tasks of a channel at once.");
  await expect(chat).toHaveValue("3");
});

test("a read-only admin sees the skills and is told why they cannot change them", async ({ console, page }) => {
  await console.signInAs("Maria Garcia");
  await console.page.goto(`/accounts/${GLOBEX}/flex`);
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await flexNav(page).getByRole("link", { name: "Skills" }).click();
  await expect(console.main.getByTestId("skill-row")).toHaveCount(3);
  const add = console.main.getByRole("button", { name: "Add skill" });
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await add.focus();
  await expect(await reasonOf(console, add)).toHaveText("Read-only admins cannot change the skills catalogue.");
  await flexNav(page).getByRole("link", { name: "Teams" }).click();
  await console.main.getByRole("button", { name: "Skills of Mateo Silva" }).click();
  const dialog = page.getByRole("dialog", { name: "Skills of Mateo Silva" });
  await expect(dialog.getByTestId("agent-skills-why")).toHaveText("Read-only admins cannot change other agents.");
  await expect(dialog.getByLabel("spanish")).toBeChecked();
  await expect(dialog.getByLabel("spanish")).toBeDisabled();
  await expect(dialog.getByLabel("Level (1 to 10)")).toHaveValue("4");
  await expect(dialog.getByRole("button", { name: "Save skills" })).toHaveAttribute("aria-disabled", "true");
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(console.main.getByRole("button", { name: "Skills of Mateo Silva" })).toBeFocused();
});

test("a skill agents hold cannot be deleted: the domain names them", async ({ console, page }) => {
  await console.signInAs("James Chen");
  await console.page.goto(`/accounts/${GLOBEX}/flex`);
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await flexNav(page).getByRole("link", { name: "Skills" }).click();
  const remove = console.main.getByRole("button", { name: "Delete support" });
  await expect(remove).toHaveAttribute("aria-disabled", "true");
  await remove.focus();
  await expect(await reasonOf(console, remove)).toHaveText(
    "The skill support is held by Daniel Wright, Hannah Becker and Mateo Silva. Take it from them in Teams first.",
  );
  // Queue stats lists every queue with its own workers.
  await flexNav(page).getByRole("link", { name: "Queue stats" }).click();
  await expect(console.main.getByTestId("queues-table").locator("tbody tr")).toHaveCount(5);
  // Its agents, available, unavailable and offline: those its expression targets.
  const agents = async (row: string) =>
    ((await console.main.getByTestId(`queue-row-${row}`).getByTestId("queue-agents").innerText()).match(/\d+/g) ?? []).map(Number).reduce((a, b) => a + b, 0);
  expect(await agents("support-tier-2")).toBe(2);
  expect(await agents("sales")).toBe(1);
});

test("the overview leads to every list, and a queue's SID in the palette opens its page", async ({ console, page }) => {
  await openGlobex(console, "Liam O'Brien", "");
  await expect(console.main.getByTestId("count-queues")).toHaveText("5 task queues");
  await expect(console.main.getByTestId("count-workflows")).toHaveText("2 workflows");
  await console.navigation.getByRole("link", { name: "Task queues" }).click();
  await expect(console.heading("Task queues")).toBeVisible();
  await expect(console.navigation.getByRole("link", { name: "Task queues" })).toHaveAttribute("aria-current", "page");
  await console.main.getByLabel("Search").fill("tier");
  await expect(console.main.getByTestId("queue-row")).toHaveCount(1);
  await page.keyboard.press("Control+k");
  await page.keyboard.insertText(queueSid("Spanish"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/taskrouter/queues/${queueSid("Spanish")}$`));
  await expect(console.heading("Spanish")).toBeVisible();
  await expect(console.navigation.getByRole("link", { name: "Task queues" })).toHaveAttribute("aria-current", "page");
});
