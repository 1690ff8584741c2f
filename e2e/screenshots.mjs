// Makes the README's pictures of the product from the release build: the command palette, at a
// laptop's width, light and dark. Usage (after `cargo xtask build`), from e2e/:
//   node screenshots.mjs        (serves ../dist itself on port 4199, writes ../docs/*.png)
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const server = spawn("node", ["serve.mjs", "../dist", "4199", "/"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  for (const scheme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto("http://127.0.0.1:4199/");
    await page.getByRole("button", { name: /^Maria Garcia/ }).click();
    await page.getByRole("main").getByRole("link", { name: "Acme Support", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Acme Support" }).waitFor();
    await page.keyboard.press("Control+k");
    await page.keyboard.type("ch");
    await page.getByRole("option").first().waitFor();
    await page.screenshot({ path: `../docs/palette-${scheme}.png` });
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log("wrote docs/palette-light.png and docs/palette-dark.png");
