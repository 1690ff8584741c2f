import { SUB_PATH_URL } from "../playwright.config";
import { expect, test } from "./console";

test("the Console opens on the sign-in page, inside the shell", async ({ console }) => {
  await console.open("/");
  await expect(console.heading("Sign in to the Console")).toBeVisible();
  await expect(console.page.getByRole("link", { name: "Flex Console" })).toBeVisible();
  await expect(console.navigation.getByRole("link", { name: "Sign in" })).toHaveAttribute("aria-current", "page");
  await expect(console.page).toHaveTitle("Flex Console");
});

test("a deep link to an account page survives a reload", async ({ console }) => {
  await console.signInAs("Liam O'Brien");
  const sid = await console.openAccount("Acme Support", "/flex");
  await expect(console.heading("Flex overview")).toBeVisible();
  await console.page.reload();
  await expect(console.heading("Flex overview")).toBeVisible();
  await expect(console.page).toHaveURL(`/accounts/${sid}/flex`);
  await expect(console.main.getByTestId("account-sid")).toHaveText(sid);
});

test("an unknown deep link loaded directly shows the not-found page", async ({ console }) => {
  await console.open("/accounts/AC00000000000000000000000000000000/nowhere");
  await expect(console.heading("Page not found")).toBeVisible();
  await expect(console.main).toContainText("/accounts/AC00000000000000000000000000000000/nowhere");
});

test("the theme can be switched and is remembered", async ({ console }) => {
  await console.open("/");
  const before = await console.theme();
  const toggle = console.page.getByRole("button", { name: /theme/ });
  await toggle.click();
  const after = await console.theme();
  expect(after).not.toEqual(before);
  await console.page.reload();
  await expect(console.page.locator("html")).toHaveAttribute("data-theme", after!);
});

test.describe("served under a sub-path", () => {
  test("the app loads and its links stay under the sub-path", async ({ console }) => {
    await console.open(SUB_PATH_URL);
    await expect(console.heading("Sign in to the Console")).toBeVisible();
    await expect(console.page.getByRole("link", { name: "Flex Console" })).toHaveAttribute("href", "/console/");
    await console.page.getByRole("button", { name: /^Maria Garcia/ }).click();
    await expect(console.page).toHaveURL(SUB_PATH_URL + "accounts");
    await console.main.getByRole("link", { name: "Acme Support", exact: true }).click();
    await console.expectAccountInfo("Acme Support");
    await expect(console.page).toHaveURL(new RegExp("/console/accounts/AC[0-9a-f]{32}$"));
    await console.page.reload();
    await console.expectAccountInfo("Acme Support");
    // the account's navigation and the switcher know the account under the sub-path too
    const info = console.navigation.getByRole("link", { name: "Account Info" });
    await expect(info).toHaveAttribute("aria-current", "page");
    await expect(info).toHaveAttribute("href", /^\/console\/accounts\/AC[0-9a-f]{32}$/);
    await expect(console.switcher).toContainText("Acme Support");
    await console.navigation.getByRole("link", { name: "Flex overview" }).click();
    await expect(console.heading("Flex overview")).toBeVisible();
    await expect(console.page).toHaveURL(/\/console\/accounts\/AC[0-9a-f]{32}\/flex$/);
  });

  test("deep links under the sub-path load the page they name", async ({ console }) => {
    await console.open(SUB_PATH_URL + "no/such/page");
    await expect(console.heading("Page not found")).toBeVisible();
    await expect(console.main).toContainText("/no/such/page");
    await console.open(SUB_PATH_URL + "accounts/ACffffffffffffffffffffffffffffffff");
    await expect(console.heading("Sign in to continue")).toBeVisible();
  });
});

test("on a phone the account switcher and the user menu open on screen, and a pick switches", async ({ console, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await console.signInAs("Maria Garcia");
  await console.openAccount("Acme Support");
  const onScreen = async (locator: import("@playwright/test").Locator) => {
    const box = (await locator.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  };
  await console.switcher.click();
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  for (const option of await options.all()) await onScreen(option);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await options.filter({ hasText: "Globex Contact Center" }).click();
  await expect(console.switcher).toContainText("Globex Contact Center");

  await page.getByRole("banner").getByRole("button", { name: /^Signed in as Maria Garcia/ }).click();
  const menu = page.locator(".user-panel");
  await expect(menu).toBeVisible();
  await onScreen(menu);
});

test("on a phone the navigation is a drawer: focus stays in it, Escape or a link closes it", async ({ console, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await console.signInAs("Maria Garcia");
  await console.openAccount("Acme Support");
  await console.expectAccountInfo("Acme Support");
  const banner = page.getByRole("banner");
  // One row of top bar, and no navigation in the way until it is asked for.
  const bar = (await banner.boundingBox())!;
  expect(bar.height).toBeLessThanOrEqual(64);
  await expect(console.navigation.getByRole("link", { name: "Manage users" })).toBeHidden();
  const menu = banner.getByRole("button", { name: "Menu" });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const links = console.navigation.getByRole("link");
  await expect(links.first()).toBeFocused();
  // Tab goes round the drawer: from its last link to its Close button, never to the page.
  await links.last().focus();
  await page.keyboard.press("Tab");
  await expect(console.navigation.getByRole("button", { name: "Close menu" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(links.last()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(console.navigation.getByRole("link", { name: "Manage users" })).toBeHidden();
  // A link followed closes it and opens its page.
  await menu.click();
  await console.navigation.getByRole("link", { name: "Manage users" }).click();
  await expect(console.heading("Manage users")).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("every way an account is opened counts as recent in the switcher", async ({ console, page }) => {
  await console.signInAs("Maria Garcia");
  const first = async (name: string) => {
    await console.switcher.click();
    await expect(page.getByRole("option").first()).toContainText(name);
    await page.keyboard.press("Escape");
  };
  // From the accounts list.
  await console.main.getByRole("link", { name: "Globex Contact Center", exact: true }).click();
  await console.expectAccountInfo("Globex Contact Center");
  await first("Globex Contact Center");
  // From a deep link to one of an account's pages.
  await console.open("/accounts");
  const acme = (await console.main.getByRole("link", { name: "Acme Support", exact: true }).getAttribute("href"))!;
  await page.goto(acme + "/users");
  await expect(console.heading("Manage users")).toBeVisible();
  await first("Acme Support");
  // From the palette.
  await page.keyboard.press("Control+k");
  await page.keyboard.type("globex contact");
  await page.getByRole("dialog", { name: "Jump to" }).getByRole("option", { name: /Globex Contact Center/ }).first().click();
  await console.expectAccountInfo("Globex Contact Center");
  await first("Globex Contact Center");
});
