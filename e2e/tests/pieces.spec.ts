// The app downloaded in pieces (src/lazy): the first screen downloads no page's piece, a page's
// piece comes when the page is first visited, and a piece that fails to load (the network gone,
// a deploy that removed the old pieces) is a message with Retry in the page's place, not a
// crash: the rest of the Console and the store keep working.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Console } from "./console";

// The service worker would answer from its cache, where the test wants the network to fail.
test.use({ serviceWorkers: "block" });

/** The products piece's file (Phone Numbers, Studio, Functions, TwiML Bins). */
const PRODUCTS = /\/split_products-[0-9a-f]{16}\.wasm$/;

/** The failed piece's message in the page's place. */
const failed = (console: Console) => console.main.getByTestId("piece-failed");

/** The loader logs each failed fetch; that is what these tests cause. */
function expectOnlyFailedLoads(console: Console) {
  for (const error of console.errors) expect(error).toMatch(/fetch|wasm|ERR_|404|Failed|integrity|network/i);
  console.errors.length = 0;
}

test("the first screen downloads one wasm; a page's piece comes when it is first needed", async ({ console, page }) => {
  await console.open("/");
  await expect(console.heading("Sign in to the Console")).toBeVisible();
  const before = await page.evaluate(() => {
    const ready = performance.getEntriesByName("console-ready")[0].startTime;
    return performance
      .getEntriesByType("resource")
      .filter((r) => r.startTime < ready && r.name.endsWith(".wasm"))
      .map((r) => r.name.split("/").pop());
  });
  expect(before).toEqual([expect.stringMatching(/^flex-console-[0-9a-f]{16}_bg\.wasm$/)]);

  // A page of a piece: its piece is fetched (now or already, by the prefetch when idle).
  await page.getByRole("button", { name: /^Maria Garcia/ }).click();
  await expect(console.heading("Accounts")).toBeVisible();
  const pieces = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((r) => r.name.split("/").pop()!).filter((n) => n.startsWith("split_")),
  );
  expect(pieces).toContainEqual(expect.stringMatching(/^split_console-[0-9a-f]{16}\.wasm$/));
});

test("a piece that fails to load says so in the page's place; Retry loads it; the rest keeps working", async ({ console, page }) => {
  // The network fails for the products piece only (and for its prefetch when idle).
  await page.route(PRODUCTS, (route) => route.abort("internetdisconnected"));
  await console.signInAs("Maria Garcia");
  await console.main.getByRole("link", { name: "Acme Support", exact: true }).click();
  await expect(console.heading("Account Info")).toBeVisible();

  await console.navigation.getByRole("link", { name: "Phone Numbers" }).click();
  await expect(failed(console)).toBeVisible();
  await expect(console.heading("This page did not load")).toBeVisible();
  await expect(failed(console).getByRole("alert")).toContainText("could not be downloaded");
  // The shell is still there, and the URL is the page's.
  await expect(page).toHaveURL(/\/phone-numbers$/);
  await expect(page.getByRole("banner")).toBeVisible();

  // Retry while the network still fails: it says so, and the button stays usable.
  const retry = failed(console).getByRole("button", { name: "Retry" });
  await retry.click();
  await expect(failed(console).getByTestId("piece-failed-again")).toBeVisible();
  await expect(retry).toBeEnabled();

  // The rest of the app and the store keep working: another page, the account switcher.
  await console.navigation.getByRole("link", { name: "Manage users" }).click();
  await expect(console.heading("Manage users")).toBeVisible();
  await expect(console.main.getByText("maria.garcia@example.com")).toBeVisible();
  await console.switcher.click();
  await expect(page.getByRole("option", { name: /Globex/ }).first()).toBeVisible();
  await page.keyboard.press("Escape");

  // Back on the page, the network back: Retry shows the page, focus on its heading.
  await console.navigation.getByRole("link", { name: "Phone Numbers" }).click();
  await expect(failed(console)).toBeVisible();
  await page.unroute(PRODUCTS);
  await failed(console).getByRole("button", { name: "Retry" }).click();
  await expect(console.heading("Phone Numbers")).toBeVisible();
  await expect(failed(console)).toHaveCount(0);
  await expect(console.heading("Phone Numbers")).toBeFocused();
  expectOnlyFailedLoads(console);
});

test("a deep link whose piece is gone (a deploy removed it) says so, and the Console around it works", async ({ console, page }) => {
  await console.signInAs("Maria Garcia");
  const sid = await console.openAccount("Acme Support");
  await expect(console.heading("Account Info")).toBeVisible();
  // A newer deploy removed the old pieces: the host answers 404.
  await page.route(PRODUCTS, (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`/accounts/${sid}/studio`);
  await expect(console.heading("This page did not load")).toBeVisible();
  await expect(failed(console).getByRole("button", { name: "Reload the Console" })).toBeVisible();
  await console.navigation.getByRole("link", { name: "Account Info" }).click();
  await console.expectAccountInfo("Acme Support");
  expectOnlyFailedLoads(console);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the failed piece's message passes axe (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.route(PRODUCTS, (route) => route.abort("internetdisconnected"));
    await page.goto("/");
    await page.getByRole("button", { name: /^Maria Garcia/ }).click();
    await page.getByRole("main").getByRole("link", { name: "Acme Support", exact: true }).click();
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Twiml Bins" }).or(
      page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "TwiML Bins" }),
    ).click();
    await expect(page.getByTestId("piece-failed")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`))).toEqual([]);
    await context.close();
  });
}
