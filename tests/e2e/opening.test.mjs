// End-to-end: opening a request's explanation. It runs the scenario once for the full
// explanation (never again and again, even while the text cannot run), keeps the keyboard focus
// on the toggle, and stays with its request when the requests before it change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario } from "./harness.mjs";

const env = pageSuite();

const ALICE = "arn:aws:iam::111122223333:user/alice";
const READ = { principal: ALICE, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" };
const SEND = { principal: ALICE, action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:111122223333:q" };
const WRITE = { principal: ALICE, action: "s3:PutObject", resource: "arn:aws:s3:::b/k" };

/** Alice may read and send; `requests` are what she asks. */
function scenario(requests) {
  return {
    scenario: 1, title: "opening explanations",
    users: [{ arn: ALICE, policies: [{ Version: "2012-10-17", Statement: [
      { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
      { Sid: "Send", Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" },
    ] }] }],
    requests,
  };
}

const text = (requests) => JSON.stringify(scenario(requests), null, 2);
const card = (page, index) => page.locator(`.request[data-index="${index}"]`);
const toggle = (page, index) => card(page, index).locator("details.explain > summary");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Which requests' explanations are open, by name (or action for one without a name). */
function openNames(page) {
  return page.$$eval(".request", (cards) => cards
    .filter((c) => c.querySelector("details.explain").open)
    .map((c) => c.querySelector("header .name").textContent));
}

test("a request opened while the text cannot run runs once, says the rest comes later, and is explained in full once mended", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  const good = text([{ name: "read", ...READ }, { name: "write", ...WRITE }]);
  await setScenario(page, good);
  await setScenario(page, good.trimEnd().slice(0, -1)); // a brace missing: the results go stale
  assert.equal(await page.getAttribute("#results", "data-stale"), "true");

  const runs = await runCount(page);
  await toggle(page, 1).click();
  await sleep(1000);
  assert.equal(await runCount(page), runs + 1, "one run for the opening, and no more");
  await sleep(500);
  assert.equal(await runCount(page), runs + 1, "still no more");
  assert.equal(await card(page, 1).locator(".brief-note").textContent(), "The rest of the explanation appears when the scenario runs again.");
  assert.equal(await card(page, 1).locator(".explain .check").count(), 0);

  await setScenario(page, good);
  await card(page, 1).locator(".explain .check").first().waitFor();
  assert.equal(await card(page, 1).locator(".brief-note").count(), 0);
  assert.deepEqual(await openNames(page), ["write"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("opening a request that can run asks for its full explanation exactly once", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await setScenario(page, text([{ name: "read", ...READ }, { name: "send", ...SEND }]));
  const runs = await runCount(page);
  await toggle(page, 0).click();
  await waitForRun(page, runs);
  await card(page, 0).locator(".explain .check").first().waitFor();
  await sleep(1000);
  assert.equal(await runCount(page), runs + 1);
  assert.equal(await card(page, 0).locator(".explain .statement").count(), 2, "every statement, not the brief summary");
  assert.deepEqual(errors, []);
  await context.close();
});

test("opening an explanation with the keyboard leaves the focus on its toggle", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await setScenario(page, text([{ name: "read", ...READ }, { name: "send", ...SEND }, { name: "write", ...WRITE }]));
  await toggle(page, 1).focus();
  const runs = await runCount(page);
  await page.keyboard.press("Enter");
  await waitForRun(page, runs);
  await card(page, 1).locator(".explain .check").first().waitFor();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, request: el.closest(".request")?.dataset.index ?? null };
  });
  assert.deepEqual(await focused(), { tag: "SUMMARY", request: "1" });
  // Closing it again with the keyboard keeps the focus there too.
  await page.keyboard.press("Enter");
  assert.equal(await card(page, 1).locator("details.explain").getAttribute("open"), null);
  assert.deepEqual(await focused(), { tag: "SUMMARY", request: "1" });
  // An edit that re-runs while the toggle has the focus (Ctrl+Enter) leaves it there.
  const again = await runCount(page);
  await page.keyboard.press("Control+Enter");
  await waitForRun(page, again);
  assert.deepEqual(await focused(), { tag: "SUMMARY", request: "1" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("an opened explanation stays with its request when a request before it is deleted", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  const named = [{ name: "read", ...READ }, { name: "send", ...SEND }, { name: "write", ...WRITE }];
  await setScenario(page, text(named));
  const runs = await runCount(page);
  await toggle(page, 2).click();
  await waitForRun(page, runs);
  assert.deepEqual(await openNames(page), ["write"]);

  await setScenario(page, text(named.slice(1)));
  assert.deepEqual(await openNames(page), ["write"], "the request named write, now second, is still the open one");
  await card(page, 1).locator(".explain .check").first().waitFor();
  assert.equal(await card(page, 1).locator(".brief-note").count(), 0, "explained in full");

  // Requests without a name are told apart by what they ask.
  const unnamed = [READ, SEND, WRITE];
  await setScenario(page, text(unnamed));
  const more = await runCount(page);
  await toggle(page, 1).click();
  await waitForRun(page, more);
  assert.deepEqual(await openNames(page), ["sqs:SendMessage"]);
  await setScenario(page, text(unnamed.slice(1)));
  assert.deepEqual(await openNames(page), ["sqs:SendMessage"]);
  await card(page, 0).locator(".explain .check").first().waitFor();
  assert.equal(await card(page, 0).locator(".brief-note").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
