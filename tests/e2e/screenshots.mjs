// Takes the screenshots in docs/screenshots/: the page's main states in both languages and both
// themes. Run after scripts/build-wasm.sh: node tests/e2e/screenshots.mjs
import { mkdirSync } from "node:fs";
import { startServer, launchBrowser, openPage } from "./harness.mjs";

const out = new URL("../../docs/screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();

async function shoot(name, { locale = "en-US", colorScheme = "light", width = 1400, height = 1000, prepare }) {
  const { page, context } = await openPage(browser, server.origin, "/", { locale, colorScheme, viewport: { width, height } });
  await page.waitForSelector("body[data-ready]", { timeout: 20_000 });
  if (prepare) await prepare(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}${name}.png` });
  await context.close();
  console.log(`${out}${name}.png`);
}

const openExplanation = async (page) => {
  await page.click(".request[data-index='0'] details.explain > summary");
  await page.evaluate(() => document.querySelector(".request[data-index='0']").scrollIntoView());
};
const breakJson = async (page) => {
  const text = await page.inputValue("#scenario-input");
  await page.fill("#scenario-input", text.replace(/,\n/, ",,\n"));
  await page.waitForSelector("#editor-host .ln.marker");
};
const openRole = async (page) => {
  await page.click('#world details[data-pointer="/roles/0"] > summary');
  await page.evaluate(() => document.querySelector("#world .kind[data-kind='roles']").scrollIntoView());
};
const gallery = async (page) => { await page.click("#examples > summary"); };

for (const [lang, locale] of [["en", "en-US"], ["ja", "ja-JP"]]) {
  for (const theme of ["light", "dark"]) {
    await shoot(`main-${lang}-${theme}`, { locale, colorScheme: theme });
    await shoot(`explanation-${lang}-${theme}`, { locale, colorScheme: theme, prepare: openExplanation });
  }
  await shoot(`broken-json-${lang}-light`, { locale, prepare: breakJson });
  await shoot(`role-pane-${lang}-dark`, { locale, colorScheme: "dark", prepare: openRole });
  await shoot(`examples-${lang}-light`, { locale, prepare: gallery });
}
const passRole = async (page) => {
  await page.click("#examples > summary");
  const button = await page.$('#example-list button[data-file="lambda-pass-role.json"]');
  if (!button) return;
  const runs = Number(await page.getAttribute("body", "data-runs"));
  await button.click();
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
  await page.click("#notice-close");
  await page.click(".request[data-index='0'] details.explain > summary");
  await page.evaluate(() => document.querySelector("#requests-h").scrollIntoView());
};
await shoot("passrole-en-light", { prepare: passRole });
await shoot("passrole-ja-dark", { locale: "ja-JP", colorScheme: "dark", prepare: passRole });
await shoot("phone-en-light", { width: 390, height: 844 });
await browser.close();
server.stop();
