// End-to-end: the served page loads the release engine in Chromium and answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, openPage } from "./harness.mjs";

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

test("the page starts the engine and stays on its own origin", async () => {
  const { page, foreignRequests, errors, context } = await openPage(browser, server.origin);
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  assert.match(await page.textContent("#engine-status"), /Engine \d+\.\d+\.\d+ ready/);
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the wasm is served as application/wasm", async () => {
  const response = await fetch(`${server.origin}/pkg/iam_playground_bg.wasm`);
  assert.equal(response.headers.get("content-type"), "application/wasm");
  assert.match(response.headers.get("content-security-policy"), /default-src 'self'/);
});

test("broken JSON is reported with its line and column", async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.waitForSelector('#engine-status[data-state="ready"]');
  await page.fill("#json-input", '{\n  "Version": "2012-10-17",\n}');
  await page.waitForFunction(() => document.querySelector("#json-result").textContent.startsWith("Line 3"));
  assert.match(await page.textContent("#json-result"), /Line 3, column 1: .*trailing comma/);
  await context.close();
});
