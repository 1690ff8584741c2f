// A contact center at work for the layout and axe sweeps: a call ringing on an agent desktop,
// so the desk, the task's pages and queue stats are seen with a task in them.
import type { BrowserContext } from "@playwright/test";
import { expect, type Console } from "./console";

/**
 * Stops the browser's clock a moment from now (unless `freeze` is false: axe needs timers),
 * then signs James Chen in, logs him in to Globex Contact Center's Flex, makes him Available
 * and simulates a call to (212) 555-0110 (Voice IVR): it rings for him, the only agent
 * Available. Returns the account's SID and the task's.
 */
export async function callRinging(console: Console, context: BrowserContext, { freeze = true } = {}) {
  if (freeze) {
    await context.clock.install();
    await context.clock.pauseAt(Date.now() + 1_000);
  }
  await console.signInAs("James Chen");
  const sid = await console.openAccount("Globex Contact Center", "/flex");
  await console.main.getByRole("button", { name: "Log in with Console" }).click();
  await expect(console.page.getByRole("heading", { name: "Agent desktop", level: 1 })).toBeVisible();
  const status = console.page.getByRole("banner").getByLabel("Your status");
  await status.selectOption({ label: "Available" });
  await expect(status.locator("option:checked")).toHaveText("Available");
  await console.open(`/accounts/${sid}/phone-numbers`);
  await console.main.getByRole("button", { name: "Simulate a call to (212) 555-0110" }).click();
  const dialog = console.page.getByRole("dialog", { name: "Simulate a call" });
  await dialog.getByLabel("Caller (E.164)").fill("+14155550123");
  await dialog.getByRole("button", { name: "Place call" }).click();
  const created = dialog.getByTestId("task-created");
  await expect(created).toContainText("was created");
  const task = (await created.locator("code").textContent())!;
  return { sid, task };
}

/** The pages of a contact center at work, after [`callRinging`]: Flex's and the Console's. */
export function contactCenterPages(sid: string, task: string) {
  return [
    `/flex/${sid}/agent-desktop`,
    `/flex/${sid}/tasks/${task}`,
    `/flex/${sid}/queues`,
    `/flex/${sid}/teams`,
    `/accounts/${sid}/taskrouter/tasks`,
    `/accounts/${sid}/taskrouter/tasks/${task}`,
  ];
}
