// End-to-end: Undo brings back the scenario an example replaced, and nothing of the example's
// comes with it (its results, the sessions it created).
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario } from "./harness.mjs";

const env = pageSuite();

const MINE = JSON.stringify({ scenario: 1, title: "mine", users: [{ arn: "arn:aws:iam::111122223333:user/alice" }],
  requests: [{ name: "alice reads", principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }] }, null, 2);

test("Undo to a scenario that cannot run shows none of the replaced scenario's results", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  // A scenario that cannot run: its last brace is missing.
  await setScenario(page, MINE.slice(0, MINE.lastIndexOf("}")));
  await page.click("#examples > summary");
  let runs = await runCount(page);
  await page.click('#example-list button[data-file="saml-federation.json"]');
  await waitForRun(page, runs);
  await page.waitForFunction(() => document.querySelector("#principal-list option[value*=':assumed-role/']"));
  runs = await runCount(page);
  await page.click("#undo");
  await waitForRun(page, runs);
  assert.equal(await page.inputValue("#scenario-input"), MINE.slice(0, MINE.lastIndexOf("}")));
  assert.equal(await page.getAttribute("#results", "data-stale"), "false");
  assert.equal(await page.isHidden("#stale-note"), true);
  assert.equal(await page.locator("#results .request").count(), 0, "the example's results are not shown as this text's");
  const principals = await page.$$eval("#principal-list option", (os) => os.map((o) => o.value));
  assert.deepEqual(principals.filter((a) => a.includes(":assumed-role/")), [], "the example's sessions are not offered");
  assert.deepEqual(errors, []);
  await context.close();
});
