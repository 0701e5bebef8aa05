// End-to-end: the request builder's GetSessionToken and GetFederationToken forms, and a request
// made with GetSessionToken credentials, run as AWS would decide them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario, scenarioNow, decisions } from "./harness.mjs";

const env = pageSuite();

const ALICE = "arn:aws:iam::111122223333:user/alice";
const INSTANCE = "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc";

/** alice may stop instances only with MFA, and may federate with any name. */
const SCENARIO = {
  scenario: 1, title: "tokens", accounts: [{ id: "111122223333" }],
  users: [{ arn: ALICE, policies: [{ Version: "2012-10-17", Statement: [
    { Effect: "Allow", Action: "ec2:StopInstances", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } },
    { Effect: "Allow", Action: ["sts:GetFederationToken", "s3:GetObject"], Resource: "*" }] }] }],
  requests: [],
};

/** Submits the form and returns the request it added. */
async function add(page) {
  const runs = await runCount(page);
  await page.click('#builder button[type="submit"]');
  await waitForRun(page, runs);
  const doc = await scenarioNow(page);
  return doc.requests.at(-1);
}

test("GetSessionToken with MFA, then a call with its credentials that needs MFA", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  await setScenario(page, SCENARIO);
  await page.selectOption("#req-kind", "sessionToken");
  assert.equal(await page.isVisible("#req-mfa"), true);
  assert.equal(await page.isVisible("#req-withToken"), false, "GetSessionToken takes long-term credentials");
  await page.fill("#req-principal", ALICE);
  await page.check("#req-mfa");
  await page.fill("#req-duration", "3600");
  assert.deepEqual(await add(page), {
    name: "GetSessionToken (temporary credentials)", principal: ALICE, action: "sts:GetSessionToken",
    parameters: { SerialNumber: "arn:aws:iam::111122223333:mfa/device", TokenCode: "123456", DurationSeconds: 3600 },
  });
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-principal", ALICE);
  await page.fill("#req-action", "ec2:StopInstances");
  await page.fill("#req-resource", INSTANCE);
  await page.check("#req-withToken");
  const request = await add(page);
  assert.equal(request.credentials, "GetSessionToken");
  // The card says which credentials the request was made with.
  assert.match(await page.textContent('.request[data-index="1"] .what'), /\(with GetSessionToken credentials\)/);
  // The same call with the long-term keys is denied: they carry no MFA.
  await page.uncheck("#req-withToken");
  assert.equal((await add(page)).credentials, undefined);
  assert.deepEqual(await decisions(page), ["allowed", "allowed", "implicitDeny"]);
  // A role session has no GetSessionToken credentials: the form says so and adds nothing.
  await page.fill("#req-principal", "arn:aws:sts::111122223333:assumed-role/R/s1");
  await page.check("#req-withToken");
  await page.click('#builder button[type="submit"]');
  assert.equal(await page.getAttribute("#req-principal", "aria-invalid"), "true");
  assert.match(await page.textContent("#req-principal-problem"), /Only a user or the root user/);
  assert.equal((await scenarioNow(page)).requests.length, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("GetFederationToken with a session policy, then a request of the federated user", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  await setScenario(page, SCENARIO);
  await page.selectOption("#req-kind", "federationToken");
  await page.fill("#req-principal", ALICE);
  await page.fill("#req-federatedName", "jane");
  await page.fill("#req-sessionPolicy", '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
  const federate = await add(page);
  assert.equal(federate.action, "sts:GetFederationToken");
  assert.equal(federate.parameters.Name, "jane");
  // The session it made is offered as the next request's principal.
  const jane = "arn:aws:sts::111122223333:federated-user/jane";
  const offered = await page.$$eval("#principal-list option", (os) => os.map((o) => o.value));
  assert.ok(offered.includes(jane), offered.join(", "));
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-principal", jane);
  await page.fill("#req-action", "s3:GetObject");
  await page.fill("#req-resource", "arn:aws:s3:::reports/q3.pdf");
  await add(page);
  assert.deepEqual(await decisions(page), ["allowed", "allowed"]);
  assert.deepEqual(errors, []);
  await context.close();
});
