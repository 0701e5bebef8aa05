// End-to-end: controls that a screen reader lists out of context are named by what they are: the
// share link's box, a request card without a name, and the buttons that show a statement's line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario } from "./harness.mjs";

const env = pageSuite();

const ALICE = "arn:aws:iam::111122223333:user/alice";
const SCENARIO = {
  scenario: 1, title: "names", accounts: [{ id: "111122223333" }],
  users: [{ arn: ALICE, policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }] }],
  requests: [{ principal: ALICE, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }],
};

test("an unnamed request card, and its statement's line button, say what they are", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await setScenario(page, SCENARIO);
  const card = page.locator('.request[data-index="0"]');
  assert.match(await card.getAttribute("aria-label"), /^1\. s3:GetObject$/);
  const runs = await runCount(page);
  await card.locator("details.explain > summary").click();
  await waitForRun(page, runs);
  const button = page.locator('.request[data-index="0"] .statement button.link').first();
  await button.waitFor();
  assert.match(await button.getAttribute("aria-label"), /^Statement 0 of .+, line \d+$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the share link's box has a name in both languages", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await setScenario(page, SCENARIO);
  await page.click("#share");
  await page.waitForSelector("#notice-link:not([hidden])");
  assert.equal(await page.getAttribute("#notice-link", "aria-label"), "Share link");
  await page.selectOption("#language", "ja");
  assert.equal(await page.getAttribute("#notice-link", "aria-label"), "共有リンク");
  assert.deepEqual(errors, []);
  await context.close();
});
