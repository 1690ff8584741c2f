import { SUB_PATH_URL } from "../playwright.config";
import { expect, test } from "./console";

test("the Console home renders in the shell", async ({ console }) => {
  await console.open("/");
  await expect(console.heading("Flex Console")).toBeVisible();
  await expect(console.page.getByRole("link", { name: "Flex Console" })).toBeVisible();
  await expect(console.navigation.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  await expect(console.page).toHaveTitle("Flex Console");
});

test("a deep link loaded directly lands on that page", async ({ console }) => {
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
    await expect(console.heading("Flex Console")).toBeVisible();
    await expect(console.page.getByRole("link", { name: "Flex Console" })).toHaveAttribute("href", "/console/");
  });

  test("a deep link under the sub-path loads", async ({ console }) => {
    await console.open(SUB_PATH_URL + "accounts/unknown");
    await expect(console.heading("Page not found")).toBeVisible();
    await expect(console.main).toContainText("/accounts/unknown");
  });
});
