// End-to-end: the builder's service calls that pass a role are made in the scenario's account,
// and EC2 is passed a role through the instance profile the scenario lists for it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario, scenarioNow } from "./harness.mjs";

const env = pageSuite();

const USER = "arn:aws:iam::444455556666:user/deployer";
const WEB = "arn:aws:iam::444455556666:role/WebServer";
const BARE = "arn:aws:iam::444455556666:role/NoProfile";
const PROFILE = "arn:aws:iam::444455556666:instance-profile/web";
const EC2_TRUST = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] };

const SCENARIO = {
  scenario: 1, title: "passing roles", accounts: [{ id: "444455556666" }],
  users: [{ arn: USER, policies: [{ Version: "2012-10-17", Statement: [
    { Effect: "Allow", Action: ["ec2:RunInstances", "lambda:CreateFunction", "iam:PassRole"], Resource: "*" }] }] }],
  roles: [{ arn: WEB, trust: EC2_TRUST, instanceProfiles: [PROFILE] }, { arn: BARE, trust: EC2_TRUST }],
  requests: [],
};

async function passRoleForm(service, role) {
  const opened = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  const { page } = opened;
  await setScenario(page, SCENARIO);
  await page.waitForFunction((arn) => document.querySelector(`#role-list option[value="${arn}"]`), WEB);
  await page.selectOption("#req-kind", "passRole");
  await page.selectOption("#req-service", service);
  await page.fill("#req-principal", USER);
  await page.fill("#req-passedRole", role);
  return opened;
}

async function addRequest(page) {
  const runs = await runCount(page);
  await page.click('#builder button[type="submit"]');
  await waitForRun(page, runs);
  const doc = await scenarioNow(page);
  assert.equal(doc.requests.length, 1);
  return { request: doc.requests[0], decision: await page.getAttribute('.request[data-index="0"]', "data-decision") };
}

test("a service call's resource is in the principal's account", async () => {
  const { page, context, errors } = await passRoleForm("lambda:CreateFunction", WEB);
  const { request } = await addRequest(page);
  assert.equal(request.resource, "arn:aws:lambda:us-east-1:444455556666:function:my-function");
  assert.deepEqual(errors, []);
  await context.close();
});

test("ec2:RunInstances passes the instance profile the role lists", async () => {
  const { page, context, errors } = await passRoleForm("ec2:RunInstances", WEB);
  const { request, decision } = await addRequest(page);
  assert.equal(request.resource, "arn:aws:ec2:us-east-1:444455556666:instance/*");
  assert.deepEqual(request.parameters, { IamInstanceProfile: { Arn: PROFILE } });
  assert.equal(decision, "allowed");
  assert.deepEqual(errors, []);
  await context.close();
});

test("ec2:RunInstances with a role that lists no instance profile says so and adds nothing", async () => {
  const { page, context, errors } = await passRoleForm("ec2:RunInstances", BARE);
  await page.click('#builder button[type="submit"]');
  assert.equal(await page.getAttribute("#req-passedRole", "aria-invalid"), "true");
  assert.match(await page.textContent("#req-passedRole-problem"), /instance profile/);
  assert.equal((await scenarioNow(page)).requests.length, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
