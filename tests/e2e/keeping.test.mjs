// End-to-end: the work is kept — saved when the page is left right after typing; a scenario
// replaced by a share link can be brought back, after a reload too; two tabs do not overwrite each
// other's work unseen; and a browser that refuses to save is said to, for as long as it refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pageSuite, openReady, setScenario, runCount, waitForRun } from "./harness.mjs";
import { initSync, encodeLink } from "../../www/pkg/iam_playground.js";

initSync({ module: readFileSync(new URL("../../www/pkg/iam_playground_bg.wasm", import.meta.url)) });

const env = pageSuite();

const KEY = "iam-playground.scenario";
const BEFORE_LINK_KEY = "iam-playground.before-link";

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

const beforeLinkKept = (page) => page.evaluate((key) => localStorage.getItem(key), BEFORE_LINK_KEY);

test("a share link keeps the scenario it replaces, and Restore brings it back", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  const mine = scenario("my own work");
  const shared = scenario("from a colleague");
  await setScenario(page, mine);
  await page.waitForTimeout(600);
  await openLink(page, shared);
  assert.equal((await page.inputValue("#scenario-input")).trimEnd(), shared);
  assert.equal(await page.textContent("#notice-text"), "Opened the scenario from the link. The scenario you had is kept.");
  assert.equal(await page.isVisible("#notice-undo"), false, "Restore, not Undo, brings it back");
  assert.equal(await page.isVisible("#before-link"), true);
  assert.equal(await page.textContent("#before-link span"), "The scenario you had before opening a share link is kept in this browser.");
  assert.equal(await page.textContent("#before-link-restore"), "Restore my previous scenario");
  // Kept in storage as well: the saved scenario is the link's from now on.
  assert.equal(await beforeLinkKept(page), mine);
  // Another notice does not take the offer away.
  await page.click("#new");
  await page.waitForFunction(() => document.querySelector("#notice-text").textContent === "Started a new scenario.");
  assert.equal(await page.isVisible("#before-link-restore"), true);
  await page.click("#notice-undo");
  await page.click("#before-link-restore");
  await page.waitForFunction((text) => document.querySelector("#scenario-input").value === text, mine);
  assert.equal(await page.textContent("#notice-text"), "Restored the scenario you had before opening the link.");
  assert.equal(await page.isVisible("#before-link"), false);
  assert.equal(await beforeLinkKept(page), null);
  assert.equal(await page.evaluate(() => document.activeElement.id), "scenario-input", "the focus does not vanish with the bar");
  // The link's scenario is one Undo away.
  await page.click("#notice-undo");
  assert.equal((await page.inputValue("#scenario-input")).trimEnd(), shared);
  await context.close();
});

test("the scenario a link replaced is still offered after a reload, until restored or discarded", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  const mine = scenario("my work, before the link");
  const shared = scenario("the link's");
  await setScenario(page, mine);
  await page.waitForTimeout(600);
  await openLink(page, shared);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal((await page.inputValue("#scenario-input")).trimEnd(), shared, "the link's scenario is the saved one");
  assert.equal(await page.isVisible("#before-link"), true);
  const runs = await runCount(page);
  await page.click("#before-link-restore");
  await waitForRun(page, runs);
  assert.equal(await page.inputValue("#scenario-input"), mine);
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.inputValue("#scenario-input"), mine);
  assert.equal(await page.isVisible("#before-link"), false, "restored: nothing more to offer");

  // Discard forgets it, for good.
  await openLink(page, shared);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  await page.click("#before-link-discard");
  assert.equal(await page.isVisible("#before-link"), false);
  assert.equal(await page.textContent("#notice-text"), "Discarded the scenario you had before opening the link.");
  assert.equal(await beforeLinkKept(page), null);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.isVisible("#before-link"), false);
  assert.equal((await page.inputValue("#scenario-input")).trimEnd(), shared);
  await context.close();
});

test("a second link over the first link's scenario, left as it came, keeps the work from before the first", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  const mine = scenario("mine");
  await setScenario(page, mine);
  await page.waitForTimeout(600);
  await openLink(page, scenario("first link"));
  // A link opened over the page's own address, in the same visit.
  const runs = await runCount(page);
  await page.evaluate((hash) => { location.hash = hash; }, encodeLink(scenario("second link")));
  await waitForRun(page, runs);
  await page.waitForFunction(() => document.querySelector("#scenario-input").value.includes("second link"));
  assert.equal(await beforeLinkKept(page), mine);
  // Edited, the link's scenario is work of its own: a third link keeps that instead.
  await page.fill("#scenario-input", scenario("second link, edited"));
  await page.evaluate((hash) => { location.hash = hash; }, encodeLink(scenario("third link")));
  await page.waitForFunction(() => document.querySelector("#scenario-input").value.includes("third link"));
  assert.equal(await beforeLinkKept(page), scenario("second link, edited"));
  await context.close();
});

test("a share link of the scenario already there offers nothing to restore", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  const mine = scenario("the same on both sides");
  await setScenario(page, mine);
  await page.waitForTimeout(600);
  await openLink(page, mine);
  assert.equal(await page.textContent("#notice-text"), "Opened the scenario from the link.");
  assert.equal(await page.isVisible("#before-link"), false);
  await context.close();
});

test("the restore button speaks Japanese", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "ja-JP" });
  await setScenario(page, scenario("自分の作業"));
  await page.waitForTimeout(600);
  await openLink(page, scenario("共有されたもの"));
  assert.equal(await page.textContent("#before-link-restore"), "以前のシナリオに戻す");
  assert.equal(await page.textContent("#before-link-discard"), "破棄する");
  assert.equal(await page.textContent("#before-link span"), "共有リンクを開く前のシナリオを、このブラウザーに保管してあります。");
  assert.match(await page.textContent("#notice-text"), /保管してあります。$/);
  await context.close();
});

/** Opens a second tab of the page, sharing the first's storage. */
async function secondTab(context) {
  const page = await context.newPage();
  await page.goto(env.server.origin);
  await page.waitForSelector("body[data-ready]");
  return page;
}

const saved = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test("two tabs: the tab whose saved work another replaced says so, saves nothing over it, and either choice loses nothing", async () => {
  const { page: a, context } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  const b = await secondTab(context);
  const textA = scenario("tab A");
  const textB = scenario("tab B");
  await setScenario(b, textB);
  await a.waitForSelector("#other-tab:not([hidden])");
  assert.equal(await a.textContent("#other-tab span"),
    "Another tab of this page saved a different version of the scenario. This tab's changes are not saved until you choose which version to keep.");
  assert.equal(await b.isVisible("#other-tab"), false, "the tab that saved is not asked");
  // Typing in A does not replace B's saved work while A has not chosen.
  await setScenario(a, textA);
  await a.waitForTimeout(700);
  assert.equal(await saved(a), textB);
  assert.equal(await a.isVisible("#other-tab"), true);
  // A keeps its own: saved, and now B is the tab told.
  await a.click("#other-tab-keep");
  assert.equal(await a.isVisible("#other-tab"), false);
  assert.equal(await a.textContent("#notice-text"), "Saved this tab's version in place of the other tab's.");
  assert.equal(await saved(a), textA);
  await b.waitForSelector("#other-tab:not([hidden])");
  // B loads A's version; its own is one Undo away.
  const runs = await runCount(b);
  await b.click("#other-tab-load");
  await waitForRun(b, runs);
  assert.equal(await b.inputValue("#scenario-input"), textA);
  assert.equal(await b.isVisible("#other-tab"), false);
  assert.equal(await b.textContent("#notice-text"), "Loaded the version saved in the other tab. Undo brings back this tab's.");
  await b.click("#notice-undo");
  assert.equal(await b.inputValue("#scenario-input"), textB);
  await context.close();
});

test("two tabs: another tab saving this tab's own text asks nothing, and the question speaks Japanese", async () => {
  const { page: a, context } = await openReady(env.browser, env.server.origin, "/", { locale: "ja-JP" });
  const b = await secondTab(context);
  const same = scenario("どちらも同じ");
  await setScenario(a, same);
  await setScenario(b, same);
  await a.waitForTimeout(700);
  assert.equal(await a.isVisible("#other-tab"), false);
  assert.equal(await b.isVisible("#other-tab"), false);
  await setScenario(b, scenario("タブ B"));
  await a.waitForSelector("#other-tab:not([hidden])");
  assert.match(await a.textContent("#other-tab span"), /別のタブで.*どちらを残すか選ぶまで/);
  assert.equal(await a.textContent("#other-tab-load"), "別のタブの内容を読み込む");
  assert.equal(await a.textContent("#other-tab-keep"), "このタブの内容を残す");
  // Typing A's way to the other tab's text settles it: nothing left to choose.
  await setScenario(a, scenario("タブ B"));
  await a.waitForTimeout(700);
  assert.equal(await a.isVisible("#other-tab"), false);
  await context.close();
});

test("a browser that refuses to save is said to in a warning of its own, which later notices do not replace", async () => {
  const context = await env.browser.newContext({ locale: "en-US" });
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
  });
  const page = await context.newPage();
  await page.goto(env.server.origin);
  await page.waitForSelector("body[data-ready]");
  const text = scenario("not saved");
  await setScenario(page, text);
  await page.waitForSelector("#storage-warning:not([hidden])");
  const warning = "Your work could not be saved in this browser (storage is full or unavailable). It is still here: export it to keep it.";
  assert.equal((await page.textContent("#storage-warning")).trim(), warning);
  assert.equal(await page.getAttribute("#storage-warning", "role"), "alert");
  assert.equal(await page.inputValue("#scenario-input"), text);
  // Other notices come and go; the warning stays.
  await page.click("#new");
  await page.waitForFunction(() => document.querySelector("#notice-text").textContent === "Started a new scenario.");
  await page.click("#notice-close");
  assert.equal(await page.isVisible("#storage-warning"), true);
  const runs = await runCount(page);
  await page.selectOption("#language", "ja");
  await waitForRun(page, runs);
  assert.match(await page.textContent("#storage-warning"), /保存できませんでした/);
  await context.close();
});

test("the storage warning goes once saving works again", async () => {
  const context = await env.browser.newContext({ locale: "en-US" });
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__refuse) throw new DOMException("full", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await page.goto(env.server.origin);
  await page.waitForSelector("body[data-ready]");
  await page.evaluate(() => { window.__refuse = true; });
  await setScenario(page, scenario("refused"));
  await page.waitForSelector("#storage-warning:not([hidden])");
  await page.evaluate(() => { window.__refuse = false; });
  await setScenario(page, scenario("saved again"));
  await page.waitForSelector("#storage-warning[hidden]", { state: "attached" });
  assert.equal(await saved(page), scenario("saved again"));
  await context.close();
});
