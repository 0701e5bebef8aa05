// End-to-end: Share never hands out a link that the page would refuse to open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { pageSuite, openReady, runCount, waitForRun } from "./harness.mjs";

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
