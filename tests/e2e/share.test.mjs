// End-to-end: Share never hands out a link that the page would refuse to open, and a link opens
// with the parameters that tools add to an address's end, while a damaged one is still refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { pageSuite, openReady, runCount, waitForRun } from "./harness.mjs";
import { initSync, encodeLink } from "../../www/pkg/iam_playground.js";

initSync({ module: readFileSync(new URL("../../www/pkg/iam_playground_bg.wasm", import.meta.url)) });

const env = pageSuite();

/** A scenario whose link is over 256 KiB: random tags do not compress. */
function incompressible(users) {
  const list = Array.from({ length: users }, (_, i) =>
    ({ arn: `arn:aws:iam::111122223333:user/u${i}`, tags: { note: randomBytes(60).toString("base64url") } }));
  return JSON.stringify({ scenario: 1, title: "large", accounts: [{ id: "111122223333" }], users: list, roles: [],
    requests: [{ name: "one", principal: list[0].arn, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }] }, null, 2);
}

test("Share refuses a scenario too large for a link and suggests Export", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  const runs = await runCount(page);
  await page.setInputFiles("#import-file", { name: "large.json", mimeType: "application/json", buffer: Buffer.from(incompressible(3000)) });
  await waitForRun(page, runs);
  await page.click("#notice-close");
  await page.click("#share");
  await page.waitForSelector("#notice:not([hidden])");
  assert.match(await page.textContent("#notice-text"), /too large to share as a link.*Export/);
  assert.equal(await page.isHidden("#notice-link"), true, "no link is offered");
  // The notice is said again in Japanese.
  await page.selectOption("#language", "ja");
  assert.match(await page.textContent("#notice-text"), /大きすぎる.*書き出し/);
  assert.deepEqual(errors, []);
  await context.close();
});

const SHARED = JSON.stringify({ scenario: 1, title: "shared with parameters", users: [{ arn: "arn:aws:iam::111122223333:user/alice" }],
  requests: [{ name: "alice reads", principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }] }, null, 2);

/** Opens `path` in a fresh page and waits for its notice. */
async function openNotice(path, locale = "en-US") {
  const opened = await openReady(env.browser, env.server.origin, path, { locale });
  await opened.page.waitForSelector("#notice:not([hidden])");
  return opened;
}

test("a link with parameters added after its fragment opens", async () => {
  for (const tail of ["&utm_source=x", "&utm_source=newsletter&utm_medium=email&fbclid=IwAR0x-Y_z", "?utm_source=x&ref", "&flag"]) {
    const { page, context, errors } = await openNotice(`/${encodeLink(SHARED)}${tail}`);
    assert.equal(await page.textContent("#notice-text"), "Opened the scenario from the link.", tail);
    assert.equal((await page.inputValue("#scenario-input")).trimEnd(), SHARED, tail);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("a damaged link is refused with its reason, parameters after it or not", async () => {
  const cases = [
    // The payload itself is damaged: the parameters go, the engine says what is wrong.
    ["/#s1.ab!c&utm_source=x", "This link cannot be opened: the link has ! at character 7, which cannot appear in a share link (only A-Z, a-z, 0-9, - and _ can); it may have been altered when it was copied. Your work is unchanged."],
    ["/#s1.abc&utm_source=x", "This link cannot be opened: the link's data is damaged and cannot be unpacked: copy the whole link again. Your work is unchanged."],
    ["/#utm_source=x", "This link cannot be opened: this is not an IAM Playground share link: expected an address or fragment whose part after # starts with s1.. Your work is unchanged."],
    // What follows the payload is not parameters: it stays, and is refused.
    [`/${encodeLink(SHARED)}&&x`, null],
    [`/${encodeLink(SHARED)}&=x`, null],
    [`/${encodeLink(SHARED)}!&utm_source=x`, null],
  ];
  for (const [path, sentence] of cases) {
    const { page, context } = await openNotice(path);
    const text = await page.textContent("#notice-text");
    if (sentence) assert.equal(text, sentence, path);
    else assert.match(text, /^This link cannot be opened: the link has .* at character \d+, which cannot appear in a share link/, path);
    assert.equal(await page.isVisible("#before-link"), false);
    await context.close();
  }
  const { page, context } = await openNotice("/#s1.ab!c&utm_source=x", "ja-JP");
  assert.match(await page.textContent("#notice-text"), /^このリンクは開けません: リンクの 7 文字目 \(!\) は共有リンクに使えない文字です/);
  await context.close();
});
