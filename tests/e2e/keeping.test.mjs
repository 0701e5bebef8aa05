// End-to-end: the work is kept — saved when the page is left right after typing, and a scenario
// replaced by a share link can be brought back even after a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, openReady, setScenario } from "./harness.mjs";

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const KEY = "iam-playground.scenario";

function scenario(title) {
  return JSON.stringify({ scenario: 1, title, users: [{ arn: "arn:aws:iam::111122223333:user/alice" }],
    requests: [{ name: "alice reads", principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }] }, null, 2);
}

test("typing and reloading at once keeps what was typed", async () => {
  const { page, context } = await openReady(browser, server.origin);
  await setScenario(page, scenario("typed before"));
  await page.waitForTimeout(600);
  // The last keystrokes, then a reload well inside the save's pause.
  await page.focus("#scenario-input");
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n");
  const typed = await page.inputValue("#scenario-input");
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.inputValue("#scenario-input"), typed);
  await context.close();
});

test("a tab put in the background saves at once", async () => {
  const { page, context } = await openReady(browser, server.origin);
  const text = scenario("hidden tab");
  await page.fill("#scenario-input", text);
  const saved = await page.evaluate((key) => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    return localStorage.getItem(key);
  }, KEY);
  assert.equal(saved, text);
  await context.close();
});
