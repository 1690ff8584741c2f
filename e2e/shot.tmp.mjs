import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = "http://127.0.0.1:4173";
async function shot(name, width, dark, steps) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: dark ? "dark" : "light" });
  const page = await ctx.newPage();
  await page.goto(base + "/");
  await steps(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
  await ctx.close();
}
async function signIn(page, who) {
  await page.getByRole("button", { name: new RegExp("^" + who) }).click();
  await page.waitForURL(/accounts$/);
}
async function open(page, account, path = "") {
  const href = await page.getByRole("main").getByRole("link", { name: account, exact: true }).getAttribute("href");
  await page.goto(base + href + path);
  await page.waitForTimeout(300);
}
await shot("info-noah-1280", 1280, false, async (p) => { await signIn(p, "Noah Kim"); await open(p, "Acme Support"); await p.getByRole("button", { name: "Rename" }).hover(); });
await shot("info-noah-1280-dark", 1280, true, async (p) => { await signIn(p, "Noah Kim"); await open(p, "Acme Support"); await p.getByRole("button", { name: "Close account" }).focus(); });
await shot("flex-sofia-1280", 1280, false, async (p) => { await signIn(p, "Sofia Rossi"); await open(p, "Globex Contact Center", "/flex"); });
await shot("users-ahmed-1280", 1280, false, async (p) => { await signIn(p, "Ahmed Hassan"); await open(p, "Umbrella Retail", "/users"); await p.getByRole("button", { name: "Invite user" }).hover(); });
await shot("info-noah-390", 390, false, async (p) => { await signIn(p, "Noah Kim"); await open(p, "Acme Support"); await p.getByRole("button", { name: "Rename" }).click({ force: true }); });
await browser.close();
