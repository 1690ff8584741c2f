// The contact center at work, end to end: an agent goes Available on the agent desktop, a task
// rings for them with its countdown, is accepted, wrapped up and completed; an offer left
// unanswered times out and the agent goes Offline; a task that matches a skills filter goes to
// the agent with the skill and its page says why; several tabs, one agent each, see the same
// task offered and taken at once; queue stats show a call waiting, then handled within the
// service level. The first call is simulated on the Phone Numbers page (Voice IVR's Send to
// Flex step); the others arrive through the Console's Tasks page ("Create a task"). Time
// moves only when the test moves the browser's clock, so nothing here depends on how fast
// the machine is.
import type { BrowserContext, Page } from "@playwright/test";
import { Console, expect, test } from "./console";

const GLOBEX = "Globex Contact Center";

/** The Flex UI's rail. */
function rail(page: Page) {
  return page.getByRole("navigation", { name: "Flex" });
}

/** The status pill's select, in the Flex top bar. */
function statusOf(page: Page) {
  return page.getByRole("banner").getByLabel("Your status");
}

/** Signs `user` in, opens Globex's Flex overview and logs in to Flex with Console: the agent desktop. */
async function enterFlex(console: Console, user: string) {
  await console.signInAs(user);
  const sid = await console.openAccount(GLOBEX, "/flex");
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await expect(console.page).toHaveURL(new RegExp(`/flex/${sid}/agent-desktop$`));
  await expect(console.heading("Agent desktop")).toBeVisible();
  return sid;
}

/** Logs in to Globex's Flex by SSO as one of its agents. */
async function ssoAgent(console: Console, email: string, name: string, roles: string) {
  await console.open("/sso");
  const select = console.main.getByLabel("Account");
  const option = select.locator("option", { hasText: GLOBEX });
  await select.selectOption((await option.getAttribute("value"))!);
  await console.main.getByLabel("Email").fill(email);
  await console.main.getByLabel("Full name").fill(name);
  await console.main.getByLabel("Roles", { exact: true }).fill(roles);
  await console.main.getByRole("button", { name: "Log in to Flex" }).click();
  await expect(console.heading("Agent desktop")).toBeVisible();
}

/** Stops the browser's clock a moment from now: it moves only when the test moves it. */
async function freezeClock(context: BrowserContext) {
  await context.clock.install();
  await context.clock.pauseAt(Date.now() + 1_000);
}

/** Goes Available from the status pill; the pill's dot turns green. */
async function goAvailable(page: Page) {
  await statusOf(page).selectOption({ label: "Available" });
  await expect(statusOf(page).locator("option:checked")).toHaveText("Available");
  await expect(page.getByTestId("status-pill").locator(".status-dot")).toHaveClass(/status-available/);
}

/** On the Console's Tasks page (opened in `console`'s tab), creates a task with these attributes. */
async function createTask(console: Console, sid: string, attributes: string) {
  await console.open(`/accounts/${sid}/taskrouter/tasks`);
  await expect(console.heading("Tasks")).toBeVisible();
  const form = console.main.getByTestId("create-task");
  if ((await form.getAttribute("open")) === null) await form.locator("summary").click();
  await form.getByLabel("Workflow").selectOption({ label: "Inbound Routing" });
  await form.getByLabel("Task channel").selectOption({ label: "Voice" });
  await form.getByLabel("Attributes (JSON)").fill(attributes);
  await form.getByRole("button", { name: "Create task" }).click();
  await expect(console.page.getByTestId("toast-success").last()).toContainText("Task created");
}

/** Opens the Console's page of the newest task whose caller is `caller`. */
async function openTaskPage(console: Console, sid: string, caller: string) {
  await console.open(`/accounts/${sid}/taskrouter/tasks`);
  await console.main.getByRole("link", { name: caller, exact: true }).first().click();
  await expect(console.main.getByRole("heading", { level: 1 })).toContainText(caller);
}

test("an agent goes Available, a simulated call to Voice IVR rings, is accepted, wrapped up and completed, and queue stats follow it", async ({ console, context }) => {
  await freezeClock(context);
  const page = console.page;
  const sid = await enterFlex(console, "James Chen");
  const desk = console.main;
  await expect(desk.getByTestId("desk-empty")).toContainText("No tasks");
  await goAvailable(page);

  // Queue stats, in Maria Garcia's tab (a read-only admin in Globex's Flex).
  const stats = new Console(await context.newPage());
  await stats.signInAs("Maria Garcia");
  await stats.openAccount(GLOBEX, "/flex");
  await stats.main.getByRole("button", { name: "Log in with Console" }).click();
  await rail(stats.page).getByRole("link", { name: "Queue stats" }).click();
  await expect(stats.heading("Queue stats")).toBeVisible();
  const everyone = stats.main.getByTestId("queue-row-everyone");
  const tile = (name: string) => stats.main.getByTestId(`tile-${name}`).locator("dd");
  await expect(everyone.getByTestId("queue-waiting")).toHaveText("0");
  await expect(tile("waiting")).toHaveText("0");
  await expect(tile("service-level")).toHaveText("—");
  await expect(everyone.getByTestId("queue-threshold")).toHaveText("20 s");

  // The call: Liam simulates it on the Phone Numbers page, to the number routed to Voice IVR.
  const other = new Console(await context.newPage());
  await other.signInAs("Liam O'Brien");
  await other.openAccount(GLOBEX, "/phone-numbers");
  await other.main.getByRole("button", { name: "Simulate a call to (212) 555-0110" }).click();
  const dialog = other.page.getByRole("dialog", { name: "Simulate a call" });
  await dialog.getByLabel("Caller (E.164)").fill("+14155550123");
  await dialog.getByRole("button", { name: "Place call" }).click();
  await expect(dialog.getByTestId("task-created")).toContainText("was created");

  // It rings on the desk (no filter matches: Everyone, where James has waited longest).
  const card = desk.getByTestId("task-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("+14155550123");
  await expect(card).toContainText("Incoming · Voice · Everyone");
  await expect(desk.getByTestId("ring-countdown")).toHaveText("0:30");
  await expect(desk.getByTestId("task-waited")).toHaveText("0:00");
  await expect(desk.getByTestId("room-voice").locator(".room-free")).toHaveText("0 free");
  await expect(desk.getByTestId("task-attributes")).toContainText("inbound");
  // Queue stats: it waits in Everyone.
  await expect(everyone.getByTestId("queue-waiting")).toHaveText("1");
  await expect(tile("waiting")).toHaveText("1");
  await expect(tile("active")).toHaveText("0");
  await context.clock.runFor(12_000);
  await expect(desk.getByTestId("ring-countdown")).toHaveText("0:18");
  await expect(desk.getByTestId("task-waited")).toHaveText("0:12");
  await expect(everyone.getByTestId("queue-longest")).toHaveText("0:12");
  await expect(tile("longest")).toHaveText("0:12");

  await desk.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByTestId("toast-success").last()).toContainText("You accepted the task from +14155550123.");
  await expect(desk.getByTestId("task-state")).toHaveText("Assigned · Voice");
  // Accepted after 12 seconds, within the 20-second threshold: handled, within the service level.
  await expect(everyone.getByTestId("queue-waiting")).toHaveText("0");
  await expect(everyone.getByTestId("queue-active")).toHaveText("1");
  await expect(tile("active")).toHaveText("1");
  await expect(everyone.getByTestId("queue-service-level")).toHaveText("100%");
  await expect(tile("service-level")).toHaveText("100% 1 of 1 within SLA");
  // Focus moves to the next step on the next frame: the clock runs a moment.
  await context.clock.runFor(50);
  await expect(desk.getByRole("button", { name: "Wrap up" })).toBeFocused();
  await context.clock.runFor(60_000);
  await expect(desk.getByTestId("task-handling")).toHaveText("1:00");
  await desk.getByRole("button", { name: "Wrap up" }).click();
  await expect(desk.getByTestId("task-state")).toHaveText("Wrapping up · Voice");
  await context.clock.runFor(50);
  await expect(desk.getByRole("button", { name: "Complete" })).toBeFocused();
  await desk.getByRole("button", { name: "Complete" }).click();
  await expect(desk.getByTestId("desk-empty")).toContainText("No tasks");
  await expect(desk.getByTestId("room-voice").locator(".room-free")).toHaveText("1 free");
  await expect(everyone.getByTestId("queue-active")).toHaveText("0");
  await expect(everyone.getByTestId("queue-handled")).toHaveText("1 accepted · 1 within · 1 completed · 0 abandoned");

  // The task page tells the whole path.
  await openTaskPage(other, sid, "+14155550123");
  const path = other.main.getByTestId("task-path");
  await expect(path.locator("li")).toHaveText([
    /Created: Call from \+14155550123 to \(212\) 555-0110/,
    /No filter matched; the Default Task Queue took it/,
    /Entered step 1: queue Everyone/,
    /Offered to James Chen/,
    /\+0:12\s*Accepted by James Chen, 0:12 after it arrived \(0:12 after the offer\)/,
    /Wrap-up started/,
    /Completed/,
  ]);
  await expect(other.main.getByTestId("task-status")).toHaveText("Completed");
  await expect(other.main.getByTestId("task-agent")).toHaveText("James Chen");
});

test("an offer left unanswered times out and the agent goes Offline", async ({ console, context }) => {
  await freezeClock(context);
  const page = console.page;
  const sid = await enterFlex(console, "James Chen");
  await goAvailable(page);
  const other = new Console(await context.newPage());
  await other.signInAs("Liam O'Brien");
  await createTask(other, sid, '{"name": "+14155550188"}');
  const desk = console.main;
  await expect(desk.getByTestId("ring-countdown")).toHaveText("0:30");
  await context.clock.runFor(29_000);
  await expect(desk.getByTestId("ring-countdown")).toHaveText("0:01");
  // Thirty seconds: Inbound Routing's Task Reservation Timeout.
  await context.clock.runFor(2_000);
  await expect(desk.getByTestId("desk-empty")).toContainText("No tasks");
  await expect(desk.getByTestId("own-activity")).toHaveText("Offline");
  await expect(statusOf(page).locator("option:checked")).toHaveText("Offline");
  await expect(page.getByTestId("status-pill").locator(".status-dot")).toHaveClass(/status-offline/);
  await openTaskPage(other, sid, "+14155550188");
  await expect(other.main.getByTestId("task-path")).toContainText("James Chen did not answer in time: the offer timed out");
  await expect(other.main.getByTestId("task-reservations")).toContainText("timeout");
  // Still waiting, and it says why: everyone in Everyone is Offline now.
  await expect(other.main.getByTestId("why-summary")).toHaveText(
    "5 agents match Everyone; 3 are Offline; 1 already had it and did not take it; 1 is a read-only admin.",
  );
  await expect(other.main.getByTestId("why-list")).toContainText("James Chen");
});

test("a task that matches a skills filter goes to the agent with the skill, and its page says why", async ({ console, context }) => {
  await freezeClock(context);
  // Mateo Silva speaks Spanish; he comes in by SSO in his own tab.
  await ssoAgent(console, "mateo.silva@globex.example.com", "Mateo Silva", "agent");
  const desk = console.main;
  const other = new Console(await context.newPage());
  await other.signInAs("Liam O'Brien");
  const sid = await other.openAccount(GLOBEX);
  await createTask(other, sid, '{"language": "es", "name": "Carmen Ruiz"}');
  await openTaskPage(other, sid, "Carmen Ruiz");
  const story = other.main;
  await expect(story.getByTestId("task-path")).toContainText("Matched Filter 1 (Spanish speakers)");
  await expect(story.getByTestId("task-queue")).toHaveText("Spanish");
  await expect(story.getByTestId("why-summary")).toHaveText("2 agents match Spanish; both are Offline.");
  await expect(story.getByTestId("why-list")).toContainText("Mateo Silva");
  await expect(story.getByTestId("why-list")).not.toContainText("Hannah Becker");

  // Mateo goes Available: it rings for him at once, and the task page follows in its tab.
  await goAvailable(console.page);
  await expect(desk.getByTestId("task-card")).toContainText("Carmen Ruiz");
  await expect(desk.getByTestId("task-queue")).toHaveText("Spanish");
  await expect(story.getByTestId("why-summary")).toHaveText("2 agents match Spanish; 1 is being offered it now; 1 is Offline.");
  await expect(story.getByTestId("task-path")).toContainText("Offered to Mateo Silva");
  await desk.getByRole("button", { name: "Accept" }).click();
  await expect(story.getByTestId("task-status")).toHaveText("Assigned");
  await expect(story.getByTestId("why-waiting")).toHaveCount(0);
  // From the desk, the task's own page in Flex.
  await desk.getByTestId("task-page-link").click();
  await expect(console.main.getByRole("heading", { level: 1 })).toHaveText("Carmen Ruiz · Assigned");
  await expect(console.main.getByTestId("task-path")).toContainText("Accepted by Mateo Silva");
});

test("two tabs, one agent each, see the same task offered and taken at once", async ({ console, context }) => {
  await freezeClock(context);
  const sid = await enterFlex(console, "James Chen");
  await goAvailable(console.page);
  await context.clock.runFor(1_000);
  const liam = new Console(await context.newPage());
  await enterFlex(liam, "Liam O'Brien");
  await goAvailable(liam.page);
  const creator = new Console(await context.newPage());
  await creator.signInAs("Grace Lee");
  await createTask(creator, sid, '{"name": "+14155550177"}');
  // James became Available first: he has waited longest, so it rings for him only.
  await expect(console.main.getByTestId("task-card")).toContainText("+14155550177");
  await expect(liam.main.getByTestId("desk-empty")).toContainText("No tasks");
  await console.main.getByRole("button", { name: "Reject" }).click();
  // At once in the other tab: offered to Liam.
  await expect(console.main.getByTestId("desk-empty")).toContainText("No tasks");
  await expect(liam.main.getByTestId("task-card")).toContainText("+14155550177");
  await liam.main.getByRole("button", { name: "Accept" }).click();
  await expect(liam.main.getByTestId("task-state")).toHaveText("Assigned · Voice");
  await openTaskPage(creator, sid, "+14155550177");
  await expect(creator.main.getByTestId("task-path")).toContainText("Rejected by James Chen");
  await expect(creator.main.getByTestId("task-path")).toContainText("Accepted by Liam O'Brien");
  await expect(creator.main.getByTestId("task-agent")).toHaveText("Liam O'Brien");
  // The rail names each view.
  await expect(rail(liam.page).getByRole("link", { name: "Agent desktop" })).toHaveAttribute("aria-current", "page");
});
