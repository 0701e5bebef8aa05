// End-to-end: the world panes format their own policies.
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

const open = (path, options) => openReady(browser, server.origin, path, options);
const button = (page, name) => page.getByRole("button", { name, exact: true });

test("a pane's Format button and Ctrl+Shift+F format that policy alone; invalid JSON is left as typed with its line and column", async () => {
  const { page, context } = await open();
  const doc = {
    scenario: 1,
    roles: [{ arn: "arn:aws:iam::111122223333:role/Deployer",
      trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] } }],
    requests: [],
  };
  const compact = JSON.stringify(doc);
  await setScenario(page, compact);
  const summary = '#world details[data-pointer="/roles/0"] > summary:has-text("role/Deployer")';
  await page.waitForSelector(summary);
  await page.click(summary);
  const trust = page.getByRole("textbox", { name: "Trust policy", exact: true });
  assert.equal(await trust.inputValue(), JSON.stringify(doc.roles[0].trust));

  await button(page, "Format: Trust policy").click();
  await page.waitForFunction(() => document.querySelector('#world .editor[data-pointer="/roles/0/trust"] textarea').value.includes("\n"));
  assert.equal(await trust.inputValue(), JSON.stringify(doc.roles[0].trust, null, 2));
  let text = await page.inputValue("#scenario-input");
  assert.ok(text.startsWith('{"scenario":1,"roles":[{"arn":'), "the rest of the scenario is left as written");
  assert.deepEqual(JSON.parse(text), doc);

  // The browser's undo brings the pane's text back, and the scenario with it.
  await page.keyboard.press("Control+Z");
  assert.equal(await trust.inputValue(), JSON.stringify(doc.roles[0].trust));
  await page.waitForFunction((c) => document.querySelector("#scenario-input").value === c, compact);

  await trust.focus();
  await page.keyboard.press("Control+Shift+F");
  await page.waitForFunction(() => document.querySelector('#world .editor[data-pointer="/roles/0/trust"] textarea').value.includes("\n"));
  text = await page.inputValue("#scenario-input");
  assert.ok(text.startsWith('{"scenario":1,"roles":[{"arn":'), "Ctrl+Shift+F in a pane does not format the whole scenario");
  assert.deepEqual(JSON.parse(text), doc);

  const broken = '{"Version": "2012-10-17",\n  "Statement": [}';
  await trust.fill(broken);
  await trust.focus();
  await page.keyboard.press("Control+Shift+F");
  const status = '#world .editor[data-pointer="/roles/0/trust"] .editor-status';
  await page.waitForSelector(`${status}[data-state="error"]`);
  assert.match(await page.textContent(status), /^Cannot format: line 2, column 17: /);
  assert.equal(await trust.inputValue(), broken, "the text is left exactly as typed");
  assert.equal(await page.getAttribute('#world .editor[data-pointer="/roles/0/trust"] .gutter .ln.marker', "data-line"), "2");
  assert.deepEqual(JSON.parse(await page.inputValue("#scenario-input")), doc, "the scenario keeps the last valid policy");
  await page.keyboard.type(" ");
  assert.equal(await page.textContent(status), "", "typing clears the message");
  await context.close();
});
