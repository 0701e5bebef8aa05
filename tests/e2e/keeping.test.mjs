// End-to-end: the work is kept — saved when the page is left right after typing, and a scenario
// replaced by a share link can be brought back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pageSuite, openReady, setScenario } from "./harness.mjs";
import { initSync, encodeLink } from "../../www/pkg/iam_playground.js";

initSync({ module: readFileSync(new URL("../../www/pkg/iam_playground_bg.wasm", import.meta.url)) });

const env = pageSuite();

const KEY = "iam-playground.scenario";

function scenario(title) {
  return JSON.stringify({ scenario: 1, title, users: [{ arn: "arn:aws:iam::111122223333:user/alice" }],
    requests: [{ name: "alice reads", principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }] }, null, 2);
}

test("typing and reloading at once keeps what was typed", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
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
  const { page, context } = await openReady(env.browser, env.server.origin);
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

/** Opens a share link of `text` in the page's tab (whose storage holds the saved work). */
async function openLink(page, text) {
  await page.goto("about:blank");
  await page.goto(`${env.server.origin}/${encodeLink(text)}`);
  await page.waitForSelector("body[data-ready]");
  await page.waitForSelector("#notice:not([hidden])");
}

test("a share link keeps the scenario it replaces, and Restore brings it back", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  const mine = scenario("my own work");
  const shared = scenario("from a colleague");
  await setScenario(page, mine);
  await page.waitForTimeout(600);
  await openLink(page, shared);
  assert.equal((await page.inputValue("#scenario-input")).trimEnd(), shared);
  assert.equal(await page.textContent("#notice-text"), "Opened the scenario from the link. The scenario you had is kept.");
  assert.equal(await page.isVisible("#notice-restore"), true);
  assert.equal(await page.textContent("#notice-restore"), "Restore my previous scenario");
  // Kept in storage as well: the saved scenario is the link's from now on.
  assert.equal(await page.evaluate(() => localStorage.getItem("iam-playground.before-link")), mine);
  await page.click("#notice-restore");
  await page.waitForFunction((text) => document.querySelector("#scenario-input").value === text, mine);
  assert.equal(await page.textContent("#notice-text"), "Restored the scenario you had before opening the link.");
  // The link's scenario is one Undo away.
  await page.click("#notice-undo");
  assert.equal((await page.inputValue("#scenario-input")).trimEnd(), shared);
  await context.close();
});

test("a share link of the scenario already there offers nothing to restore", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  const mine = scenario("the same on both sides");
  await setScenario(page, mine);
  await page.waitForTimeout(600);
  await openLink(page, mine);
  assert.equal(await page.textContent("#notice-text"), "Opened the scenario from the link.");
  assert.equal(await page.isVisible("#notice-restore"), false);
  await context.close();
});

test("the restore button speaks Japanese", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "ja-JP" });
  await setScenario(page, scenario("自分の作業"));
  await page.waitForTimeout(600);
  await openLink(page, scenario("共有されたもの"));
  assert.equal(await page.textContent("#notice-restore"), "以前のシナリオに戻す");
  assert.match(await page.textContent("#notice-text"), /保管してあります。$/);
  await context.close();
});
