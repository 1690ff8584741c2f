// Contacts that arrive: a simulated call to a number routed to Voice IVR becomes a task
// through its Send to Flex step (and links to the task's page); a number with no flow, or a
// flow without the step, says so; Conversations addresses hand messages to a flow.
import { expect, test, type Console } from "./console";

async function openGlobex(console: Console, page: string, heading: string) {
  await console.signInAs("Liam O'Brien");
  const sid = await console.openAccount("Globex Contact Center", page);
  await expect(console.heading(heading)).toBeVisible();
  return sid;
}

test("a simulated call to a number routed to Voice IVR creates a task and links to it", async ({ console }) => {
  const sid = await openGlobex(console, "/phone-numbers", "Phone Numbers");
  await console.main.getByRole("button", { name: "Simulate a call to (212) 555-0110" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Simulate a call" });
  await dialog.getByLabel("Caller (E.164)").fill("+14155550123");
  await dialog.getByLabel("Extra attributes (JSON, optional)").fill('{"language":"es"}');
  await dialog.getByRole("button", { name: "Place call" }).click();
  const created = dialog.getByTestId("task-created");
  await expect(created).toContainText(/Task WT[0-9a-f]{32} was created/);
  const task = (await created.locator("code").textContent())!;
  await expect(created.getByRole("link", { name: "Open it in Flex" })).toHaveAttribute("href", new RegExp(`/flex/${sid}/tasks/${task}$`));
  await expect(created.getByRole("link", { name: "Open it in TaskRouter" })).toHaveAttribute(
    "href",
    new RegExp(`/accounts/${sid}/taskrouter/tasks/${task}$`),
  );

  // A caller not in E.164 is refused in the dialog, in words.
  await dialog.getByLabel("Caller (E.164)").fill("4155550123");
  await dialog.getByRole("button", { name: "Place call" }).click();
  await expect(dialog.getByRole("alert")).toContainText("E.164");
});

test("a number with no flow, or a flow with no Send to Flex step, says so instead of creating a task", async ({ console }) => {
  await openGlobex(console, "/phone-numbers", "Phone Numbers");
  const unrouted = console.main.getByRole("button", { name: "Simulate a call to (312) 555-0120" });
  await expect(unrouted).toHaveAttribute("aria-disabled", "true");
  await unrouted.click({ force: true });
  await expect(console.main.getByText("(312) 555-0120 is not routed to a Studio flow, so the call reaches no flow and no task is created.")).toBeVisible();

  // Remove Voice IVR's step on the Studio page: its number then says so too.
  await console.page.goto(console.page.url().replace("/phone-numbers", "/studio"));
  await expect(console.heading("Studio")).toBeVisible();
  const voice = console.main.getByRole("row").filter({ has: console.page.getByRole("rowheader", { name: "Voice IVR" }) });
  await expect(voice.getByTestId("flow-send-to-flex")).toHaveText("Inbound Routing · voice · priority 0");
  await voice.getByRole("button", { name: "Edit Send to Flex of Voice IVR" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Send to Flex: Voice IVR" });
  await expect(dialog.getByLabel(/^Attributes/)).toHaveValue('{"type":"inbound","name":"{{trigger.call.From}}"}');
  await dialog.getByLabel(/^Attributes/).fill(`{"note":"${"x".repeat(1030)}"}`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("at most 1,024 characters");
  await dialog.getByRole("button", { name: "Remove step" }).click();
  await expect(dialog).toBeHidden();
  await expect(voice.getByTestId("flow-send-to-flex")).toHaveText("No Send to Flex step");

  await console.page.goto(console.page.url().replace("/studio", "/phone-numbers"));
  const routed = console.main.getByRole("button", { name: "Simulate a call to (212) 555-0110" });
  await expect(routed).toHaveAttribute("aria-disabled", "true");
  await routed.click({ force: true });
  await expect(console.main.getByText("The Studio flow Voice IVR has no Send to Flex step, so the call ends in the flow and no task is created.")).toBeVisible();
});

test("Conversations addresses: add an SMS address, and a message to the chat address becomes a task", async ({ console }) => {
  await openGlobex(console, "/flex/addresses", "Conversations addresses");
  const rows = console.main.getByTestId("address-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Globex web chat");

  await console.main.getByLabel("Type").selectOption("sms");
  await console.main.getByLabel("Number (E.164)").fill("+14155550177");
  await console.main.getByRole("button", { name: "Add address" }).click();
  await expect(console.main.getByRole("alert")).toContainText("not a phone number of this account");
  await console.main.getByLabel("Number (E.164)").fill("+13125550120");
  await console.main.getByLabel("Studio flow", { exact: true }).selectOption({ label: "Messaging Flow" });
  await console.main.getByRole("button", { name: "Add address" }).click();
  await expect(rows).toHaveCount(2);
  await expect(console.main.getByLabel("Studio flow for (312) 555-0120")).toHaveValue(/^FW/);

  await console.main.getByRole("button", { name: "Simulate a message to Globex web chat" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Simulate a message" });
  await dialog.getByLabel("Sender's name").fill("Ana");
  await dialog.getByLabel("Message").fill("Hola");
  await dialog.getByRole("button", { name: "Send message" }).click();
  await expect(dialog.getByTestId("task-created")).toContainText(/Task WT[0-9a-f]{32} was created/);
});
