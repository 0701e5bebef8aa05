// End-to-end: the page's sentences — whole sentences, plurals, every word in the page's language,
// and notices that follow a language switch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun } from "./harness.mjs";

const env = pageSuite();

async function switchLanguage(page, lang) {
  const runs = await runCount(page);
  await page.selectOption("#language", lang);
  await waitForRun(page, runs);
}

test("a refused link's notice is two sentences, in English and Japanese", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/#s1.abc", { locale: "en-US" });
  await page.waitForSelector("#notice:not([hidden])");
  assert.equal(await page.textContent("#notice-text"),
    "This link cannot be opened: the link's data is damaged and cannot be unpacked: copy the whole link again. Your work is unchanged.");
  await context.close();
  const ja = await openReady(env.browser, env.server.origin, "/#s1.abc", { locale: "ja-JP" });
  await ja.page.waitForSelector("#notice:not([hidden])");
  assert.equal(await ja.page.textContent("#notice-text"),
    "このリンクは開けません: リンクのデータが壊れていて展開できません: リンク全体をもう一度コピーしてください。作業内容は変更されていません。");
  await ja.context.close();
});

test("a notice follows a language switch, or goes when it quotes the engine", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await page.click("#examples > summary");
  const runs = await runCount(page);
  await page.click('#example-list button[data-file="session-policy.json"]');
  await waitForRun(page, runs);
  assert.equal(await page.textContent("#notice-text"), "Loaded the example “A session policy scopes a session down”.");
  await switchLanguage(page, "ja");
  assert.equal(await page.textContent("#notice-text"), "例「セッションポリシーによるセッションの権限の絞り込み」を開きました。");
  assert.equal(await page.textContent("#notice-undo"), "元に戻す");
  await switchLanguage(page, "en");

  // The engine's sentence was said in English: switching does not leave it under Japanese buttons.
  await page.goto(`${env.server.origin}/#s1.abc`);
  await page.waitForSelector("body[data-ready]");
  await page.waitForSelector("#notice:not([hidden])");
  await switchLanguage(page, "ja");
  assert.equal(await page.isVisible("#notice"), false);
  await context.close();
});

test("a notice shows the code in an engine sentence as code, not between backticks", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/#s1.ab+c", { locale: "en-US" });
  await page.waitForSelector("#notice:not([hidden])");
  const text = await page.textContent("#notice-text");
  assert.ok(!text.includes("`"), text);
  assert.ok((await page.locator("#notice-text code").allTextContents()).includes("+"), text);
  await context.close();
});
