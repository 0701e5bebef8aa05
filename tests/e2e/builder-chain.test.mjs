// End-to-end: the Principal list offers the role sessions that a request added now could use,
// not those expired by the time it runs (it runs at the previous request's time).
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, setScenario } from "./harness.mjs";

const env = pageSuite();

const ALICE = "arn:aws:iam::111122223333:user/alice";
const ROLE = "arn:aws:iam::111122223333:role/Reader";
const SESSION = "arn:aws:sts::111122223333:assumed-role/Reader/alice";

/** alice assumes Reader for an hour at 0, then reads at `lastAt`. */
function scenario(lastAt) {
  return {
    scenario: 1, title: "chain", accounts: [{ id: "111122223333" }],
    users: [{ arn: ALICE, policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: ROLE }] }] }],
    roles: [{ arn: ROLE, trust: { Version: "2012-10-17", Statement: [
      { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] } }],
    requests: [
      { name: "assume", principal: ALICE, action: "sts:AssumeRole", resource: ROLE, parameters: { RoleSessionName: "alice", DurationSeconds: 3600 }, at: 0 },
      { name: "read", principal: ALICE, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", at: lastAt },
    ],
  };
}

const offered = (page) => page.$$eval("#principal-list option", (os) => os.map((o) => o.value));

test("a session still valid at the next request's time is offered as a principal", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  await setScenario(page, scenario(100));
  assert.ok((await offered(page)).includes(SESSION));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a session expired by the next request's time is not offered", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  await setScenario(page, scenario(4000));
  const principals = await offered(page);
  assert.ok(principals.includes(ALICE));
  assert.ok(!principals.includes(SESSION), "the session expired at 3600 s");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the focus stays on the Add button when the form is drawn again after adding", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  await setScenario(page, scenario(100));
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-principal", ALICE);
  const form = await page.$("#builder form");
  await page.focus('#builder button[type="submit"]');
  await page.keyboard.press("Enter");
  // The form is drawn again once the scenario has its new request.
  await page.waitForFunction((old) => document.querySelector("#builder form") !== old, form);
  assert.equal((await page.evaluate(() => JSON.parse(document.querySelector("#scenario-input").value).requests.length)), 3);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "submit");
  assert.equal(await page.evaluate(() => document.querySelector("#builder").contains(document.activeElement)), true);
  assert.deepEqual(errors, []);
  await context.close();
});
