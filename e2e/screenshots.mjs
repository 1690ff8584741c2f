// Makes the pictures of the product (README.md, docs/design.md) from the release build: the
// main pages at a laptop's width and on a phone, light and dark, the command palette, and the
// building blocks of docs/design.md. Usage (after `cargo xtask build`), from e2e/:
//   node screenshots.mjs [folder]   (serves ../dist itself on port 4199, or SCREENSHOTS_PORT;
//                                    writes ../docs/*.png, or into the folder given)
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const out = process.argv[2] ?? "../docs";
const port = process.env.SCREENSHOTS_PORT ?? "4199";
const origin = `http://127.0.0.1:${port}`;
const server = spawn("node", ["serve.mjs", "../dist", port, "/"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

/** The account pages pictured, by file name. */
const PAGES = { "account-info": "", "flex-overview": "/flex", "manage-users": "/users", "flex-users": "/flex/users", "phone-numbers": "/phone-numbers" };
const written = [];

/** A fresh page signed in as Maria Garcia (the demo's Owner of Acme Support); Acme's SID. */
async function signedIn(viewport, colorScheme) {
  const page = await browser.newPage({ viewport, colorScheme });
  await page.goto(`${origin}/`);
  await page.getByRole("button", { name: /^Maria Garcia/ }).click();
  const link = page.getByRole("main").getByRole("link", { name: "Acme Support", exact: true });
  const sid = (await link.getAttribute("href")).split("/").pop();
  return { page, sid };
}

async function shoot(page, name, element) {
  // Nothing moving or half-drawn: the fonts loaded and the last frame painted.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  await (element ?? page).screenshot({ path: `${out}/${name}.png` });
  written.push(`${name}.png`);
}

/** The building blocks of docs/design.md, in light, at a laptop's width or on a phone (`-phone`). */
async function designPictures(viewport, suffix) {
  const { page, sid } = await signedIn(viewport, "light");
  const main = page.getByRole("main");
  await page.goto(`${origin}/accounts/${sid}/users`);
  await main.getByRole("heading", { level: 1 }).waitFor();
  await shoot(page, `design-page-header${suffix}`, main.locator("header.page-header"));
  await shoot(page, `design-list${suffix}`);
  await page.goto(`${origin}/accounts/${sid}`);
  await main.getByRole("heading", { level: 1 }).waitFor();
  await shoot(page, `design-details${suffix}`, main.locator("dl.fields").first());
  await page.goto(`${origin}/accounts/${sid}/users`);
  await page.getByRole("button", { name: "Actions for Maria Garcia" }).click();
  await shoot(page, `design-menu${suffix}`);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Actions for Liam O'Brien" }).click();
  await page.getByRole("menuitem", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: "Remove member" }).waitFor();
  await shoot(page, `design-dialog${suffix}`);
  await page.close();
}

try {
  for (const scheme of ["light", "dark"]) {
    const { page, sid } = await signedIn({ width: 1280, height: 800 }, scheme);
    await shoot(page, `accounts-${scheme}`);
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(`${origin}/accounts/${sid}${path}`);
      await page.getByRole("main").getByRole("heading", { level: 1 }).waitFor();
      // Flex users with a row's menu open: the Insights roles item refused on a trial plan.
      if (name === "flex-users") await page.getByRole("button", { name: "Actions for Noah Kim" }).click();
      await shoot(page, `${name}-${scheme}`);
    }
    await page.keyboard.press("Control+k");
    await page.keyboard.type("ch");
    await page.getByRole("dialog", { name: "Jump to" }).getByRole("option").first().waitFor();
    await shoot(page, `palette-${scheme}`);
    await page.close();

    const phone = await signedIn({ width: 390, height: 844 }, scheme);
    await phone.page.goto(`${origin}/accounts/${phone.sid}/flex/users`);
    await phone.page.getByRole("main").getByRole("heading", { level: 1 }).waitFor();
    await shoot(phone.page, `phone-flex-users-${scheme}`);
    await phone.page.getByRole("button", { name: "Menu" }).click();
    await phone.page.getByRole("navigation", { name: "Console" }).getByRole("link").first().waitFor();
    await shoot(phone.page, `phone-menu-${scheme}`);
    await phone.page.close();
  }
  await designPictures({ width: 1280, height: 800 }, "");
  await designPictures({ width: 390, height: 844 }, "-phone");
} finally {
  await browser.close();
  server.kill();
}
console.log(`wrote ${written.length} pictures into ${out}: ${written.join(", ")}`);
