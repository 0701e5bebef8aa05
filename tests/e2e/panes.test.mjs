// End-to-end: the world panes edit the organization (levels, SCPs, RCPs) and format their own
// policies, and the requests follow.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario, decisions, scenarioNow } from "./harness.mjs";

const env = pageSuite();

const open = (path, options) => openReady(env.browser, env.server.origin, path, options);
const button = (page, name) => page.getByRole("button", { name, exact: true });

/** One account outside any organization, an administrator in it, and one request she makes. */
function oneAccount({ name, action = "s3:GetObject", resource = "arn:aws:s3:::reports/q1.csv", organization }) {
  return {
    scenario: 1,
    title: "organization panes",
    accounts: [{ id: "111122223333", name, ...(organization ? { organization } : {}) }],
    users: [{ arn: "arn:aws:iam::111122223333:user/alice", policies: ["arn:aws:iam::aws:policy/AdministratorAccess"] }],
    requests: [{ name: "alice calls", principal: "arn:aws:iam::111122223333:user/alice", action, resource }],
  };
}

/** Opens the account's pane, once the panes show this test's scenario (named after the test). */
async function openAccount(page, name) {
  const summary = `#world details[data-pointer="/accounts/0"] > summary:has-text("111122223333 ${name}")`;
  await page.waitForSelector(summary);
  await page.click(summary);
}

/** Clicks a pane button and waits for the run its edit causes. */
async function clickAndRun(page, name) {
  const runs = await runCount(page);
  await button(page, name).click();
  await waitForRun(page, runs);
}

/** Fills a pane editor and waits for the run that follows. */
async function fillAndRun(locator, page, text) {
  const runs = await runCount(page);
  await locator.fill(text);
  await waitForRun(page, runs);
}

test("an SCP added in the account's pane denies an action, with markers in its editor, and detaching it allows again", async () => {
  const { page, context, errors } = await open();
  await setScenario(page, oneAccount({ name: "scp-test" }));
  assert.deepEqual(await decisions(page), ["allowed"]);
  await openAccount(page, "scp-test");
  assert.match(await page.textContent('#world details[data-pointer="/accounts/0"]'), /Not in an organization/);

  await clickAndRun(page, "Add to an organization: 111122223333");
  let doc = await scenarioNow(page);
  assert.deepEqual(doc.accounts[0].organization, {
    id: "o-a1b2c3d4e5", path: ["r-ab12"],
    scps: [{ target: "r-ab12", policies: ["FullAWSAccess"] }, { target: "111122223333", policies: ["FullAWSAccess"] }],
  });
  assert.deepEqual(await decisions(page), ["allowed"]);

  // The new SCP is a guardrail that denies nothing the request does, so nothing changes yet.
  await clickAndRun(page, "Add an SCP: Account 111122223333");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Add an SCP: Account 111122223333",
    "the keyboard focus stays on the button after the panes re-render");
  doc = await scenarioNow(page);
  assert.equal(doc.accounts[0].organization.scps[1].policies.length, 2);
  assert.deepEqual(await decisions(page), ["allowed"]);

  const scp = page.getByRole("textbox", { name: "SCP 2 (Account 111122223333)", exact: true });
  const template = await scp.inputValue();
  assert.match(template, /organizations:LeaveOrganization/);

  // An SCP may not name a principal: the engine's finding is marked in this editor, on its line.
  await fillAndRun(scp, page, template.replace('"Effect": "Deny",', '"Effect": "Deny",\n      "Principal": "*",'));
  const marker = '#world .editor[data-pointer="/accounts/0/organization/scps/1/policies/1"] .gutter .ln.marker';
  await page.waitForSelector(marker);
  assert.equal(await page.getAttribute(marker, "data-line"), "7");
  assert.ok((await page.getAttribute(marker, "title")).length > 0);

  await fillAndRun(scp, page, template.replace("organizations:LeaveOrganization", "s3:GetObject"));
  await page.waitForSelector('.request[data-decision="explicitDeny"]');
  assert.deepEqual(await decisions(page), ["explicitDeny"]);
  assert.match(await page.textContent(".request .error"), /explicit deny in a service control policy/);
  assert.equal(await page.$(marker), null, "the marker goes with the finding");

  await clickAndRun(page, "Detach: SCP 2 (Account 111122223333)");
  doc = await scenarioNow(page);
  assert.deepEqual(doc.accounts[0].organization.scps[1], { target: "111122223333", policies: ["FullAWSAccess"] });
  assert.deepEqual(await decisions(page), ["allowed"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an OU added, given SCPs, renamed and removed in the pane keeps the organization consistent", async () => {
  const { page, context, errors } = await open();
  await setScenario(page, oneAccount({ name: "ou-test", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:111122223333:orders",
    organization: { id: "o-a1b2c3d4e5", path: ["r-ab12"], scps: [{ target: "r-ab12", policies: ["FullAWSAccess"] }] } }));
  await openAccount(page, "ou-test");
  await clickAndRun(page, "Add an OU above the account");
  let org = (await scenarioNow(page)).accounts[0].organization;
  assert.deepEqual(org.path, ["r-ab12", "ou-ab12-00000001"]);

  // Attach a named policy by keyboard: the select, then the Attach button.
  const select = page.getByRole("combobox", { name: "Named policy" }).nth(2);
  await select.selectOption("FullAWSAccess");
  await select.focus();
  const runs = await runCount(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await waitForRun(page, runs);
  org = (await scenarioNow(page)).accounts[0].organization;
  assert.deepEqual(org.scps[1], { target: "ou-ab12-00000001", policies: ["FullAWSAccess"] });

  await clickAndRun(page, "Add an SCP: OU ou-ab12-00000001");
  const ou = page.locator('#world input[data-pointer="/accounts/0/organization/path/1"]');
  await ou.fill("ou-ab12-finance1");
  let before = await runCount(page);
  await ou.press("Enter");
  await waitForRun(page, before);
  org = (await scenarioNow(page)).accounts[0].organization;
  assert.deepEqual(org.path, ["r-ab12", "ou-ab12-finance1"]);
  assert.equal(org.scps[1].target, "ou-ab12-finance1", "what was attached to the OU follows its new ID");
  assert.equal(org.scps[1].policies.length, 2);
  assert.doesNotMatch(await page.textContent("#findings"), /organization path/);

  // The OU's SCP denies SQS: the request flips, and removing the OU takes its SCPs with it.
  const scp = page.getByRole("textbox", { name: "SCP 2 (OU ou-ab12-finance1)", exact: true });
  await fillAndRun(scp, page, (await scp.inputValue()).replace("organizations:LeaveOrganization", "sqs:*"));
  await page.waitForSelector('.request[data-decision="explicitDeny"]');
  before = await runCount(page);
  await button(page, "Remove: OU ou-ab12-finance1").click();
  await waitForRun(page, before);
  org = (await scenarioNow(page)).accounts[0].organization;
  assert.deepEqual(org, { id: "o-a1b2c3d4e5", path: ["r-ab12"], scps: [{ target: "r-ab12", policies: ["FullAWSAccess"] }] });
  assert.deepEqual(await decisions(page), ["allowed"]);

  // Renaming the account moves its own attachments too.
  await clickAndRun(page, "Add an SCP: Account 111122223333");
  const id = page.locator('#world input[data-pointer="/accounts/0/id"]');
  await id.fill("999988887777");
  before = await runCount(page);
  await id.press("Enter");
  await waitForRun(page, before);
  org = (await scenarioNow(page)).accounts[0].organization;
  assert.equal(org.scps[1].target, "999988887777");

  await clickAndRun(page, "Remove from the organization: 999988887777");
  assert.equal((await scenarioNow(page)).accounts[0].organization, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an RCP added at the resource's account denies what its condition says", async () => {
  const { page, context } = await open();
  await setScenario(page, oneAccount({ name: "rcp-test", action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:111122223333:orders" }));
  await openAccount(page, "rcp-test");
  await clickAndRun(page, "Add to an organization: 111122223333");
  await clickAndRun(page, "Add an RCP: Account 111122223333");
  const doc = await scenarioNow(page);
  assert.equal(doc.accounts[0].organization.rcps[0].target, "111122223333");
  assert.equal(doc.accounts[0].organization.rcps[0].policies[0], "RCPFullAWSAccess", "the default RCP comes with the first one");
  assert.deepEqual(await decisions(page), ["allowed"], "requests are over TLS, so the template denies nothing");
  const rcp = page.getByRole("textbox", { name: "RCP 2 (Account 111122223333)", exact: true });
  await fillAndRun(rcp, page, (await rcp.inputValue()).replace('"aws:SecureTransport": "false"', '"aws:SecureTransport": "true"'));
  await page.waitForSelector('.request[data-decision="explicitDeny"]');
  assert.match(await page.textContent(".request .error"), /explicit deny in a resource control policy/);
  await context.close();
});

test("a pane's Format button and Ctrl+Shift+F format that policy alone; invalid JSON is left as typed with its line and column", async () => {
  const { page, context } = await open();
  const doc = {
    scenario: 1,
    roles: [{ arn: "arn:aws:iam::111122223333:role/Deployer",
      trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] } }],
    requests: [],
  };
  const compact = JSON.stringify(doc);
  await setScenario(page, compact);
  const summary = '#world details[data-pointer="/roles/0"] > summary:has-text("role/Deployer")';
  await page.waitForSelector(summary);
  await page.click(summary);
  const trust = page.getByRole("textbox", { name: "Trust policy", exact: true });
  assert.equal(await trust.inputValue(), JSON.stringify(doc.roles[0].trust));

  await button(page, "Format: Trust policy").click();
  await page.waitForFunction(() => document.querySelector('#world .editor[data-pointer="/roles/0/trust"] textarea').value.includes("\n"));
  assert.equal(await trust.inputValue(), JSON.stringify(doc.roles[0].trust, null, 2));
  let text = await page.inputValue("#scenario-input");
  assert.ok(text.startsWith('{"scenario":1,"roles":[{"arn":'), "the rest of the scenario is left as written");
  assert.deepEqual(JSON.parse(text), doc);

  // The browser's undo brings the pane's text back, and the scenario with it.
  await page.keyboard.press("Control+Z");
  assert.equal(await trust.inputValue(), JSON.stringify(doc.roles[0].trust));
  await page.waitForFunction((c) => document.querySelector("#scenario-input").value === c, compact);

  await trust.focus();
  await page.keyboard.press("Control+Shift+F");
  await page.waitForFunction(() => document.querySelector('#world .editor[data-pointer="/roles/0/trust"] textarea').value.includes("\n"));
  text = await page.inputValue("#scenario-input");
  assert.ok(text.startsWith('{"scenario":1,"roles":[{"arn":'), "Ctrl+Shift+F in a pane does not format the whole scenario");
  assert.deepEqual(JSON.parse(text), doc);

  const broken = '{"Version": "2012-10-17",\n  "Statement": [}';
  await trust.fill(broken);
  await trust.focus();
  await page.keyboard.press("Control+Shift+F");
  const status = '#world .editor[data-pointer="/roles/0/trust"] .editor-status';
  await page.waitForSelector(`${status}[data-state="error"]`);
  assert.match(await page.textContent(status), /^Cannot format: line 2, column 17: /);
  assert.equal(await trust.inputValue(), broken, "the text is left exactly as typed");
  assert.equal(await page.getAttribute('#world .editor[data-pointer="/roles/0/trust"] .gutter .ln.marker', "data-line"), "2");
  assert.deepEqual(JSON.parse(await page.inputValue("#scenario-input")), doc, "the scenario keeps the last valid policy");
  await page.keyboard.type(" ");
  assert.equal(await page.textContent(status), "", "typing clears the message");
  await context.close();
});

test("a pane's policy that is not JSON yet says where and why, in the page's language", async () => {
  for (const [locale, label, said] of [
    ["en-US", "Trust policy", /^Not valid JSON yet: line 2, column 17: \S/],
    ["ja-JP", "信頼ポリシー", /^まだ正しい JSON ではありません: 2 行 17 列: \S/],
  ]) {
    const { page, context } = await open("/", { locale });
    await setScenario(page, {
      scenario: 1,
      roles: [{ arn: "arn:aws:iam::111122223333:role/Deployer",
        trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] } }],
      requests: [],
    });
    const summary = '#world details[data-pointer="/roles/0"] > summary:has-text("role/Deployer")';
    await page.waitForSelector(summary);
    await page.click(summary);
    await page.getByRole("textbox", { name: label, exact: true }).fill('{"Version": "2012-10-17",\n  "Statement": [}');
    const problem = page.locator('#world .field:has(> .editor[data-pointer="/roles/0/trust"]) > .field-problem');
    await page.waitForFunction((el) => el.textContent !== "", await problem.elementHandle());
    const text = await problem.textContent();
    assert.match(text, said);
    assert.doesNotMatch(text, /Unexpected|position/, "not the browser's own English");
    await context.close();
  }
});

test("the organization pane and the format button speak Japanese", async () => {
  const { page, context } = await open("/", { locale: "ja-JP" });
  await setScenario(page, oneAccount({ name: "ja-test" }));
  await openAccount(page, "ja-test");
  await button(page, "組織に追加: 111122223333").click();
  await page.waitForSelector('#world .org-level[data-level="account"]');
  assert.match(await page.textContent('#world .org-level[data-level="account"]'), /サービスコントロールポリシー \(SCP\)/);
  await button(page, "SCP を追加: アカウント 111122223333").click();
  await page.waitForSelector('#world .org-level[data-level="account"] .editor button.format');
  assert.equal(await page.textContent('#world .org-level[data-level="account"] .editor button.format'), "整形");
  await context.close();
});

test("an S3 bucket's owner account, set in its pane, makes a request cross-account", async () => {
  const { page, context, errors } = await open();
  const bucketPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow",
    Principal: { AWS: "arn:aws:iam::111122223333:user/bob" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::owner-test/*" }] };
  await setScenario(page, {
    scenario: 1, title: "bucket owner",
    accounts: [{ id: "111122223333" }, { id: "444455556666" }],
    users: [{ arn: "arn:aws:iam::111122223333:user/bob" }],
    resources: [{ arn: "arn:aws:s3:::owner-test", policy: bucketPolicy }],
    requests: [{ principal: "arn:aws:iam::111122223333:user/bob", action: "s3:GetObject", resource: "arn:aws:s3:::owner-test/a" }],
  });
  // In no account, the bucket policy naming bob grants on its own.
  assert.deepEqual(await decisions(page), ["allowed"]);
  const summary = '#world details[data-pointer="/resources/0"] > summary';
  await page.waitForSelector(summary);
  await page.click(summary);
  const owner = page.getByLabel("Owner account (S3 ARNs name none)");
  const runs = await runCount(page);
  await owner.fill("444455556666");
  await owner.press("Enter");
  await owner.dispatchEvent("change");
  await waitForRun(page, runs);
  // Owned by another account, bob's identity policies must allow too, and he has none.
  assert.deepEqual(await decisions(page), ["implicitDeny"]);
  assert.equal((await scenarioNow(page)).resources[0].account, "444455556666");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Add gives each new account, user, group, role and resource an ID or name the scenario does not have yet", async () => {
  const { page, context, errors } = await open();
  // A role named newrole, in another case and under a path: IAM names are unique whatever both.
  const trust = { Version: "2012-10-17", Statement: [] };
  await setScenario(page, { ...oneAccount({ name: "add-test" }), roles: [{ arn: "arn:aws:iam::111122223333:role/team/newrole", trust }] });
  await page.waitForSelector('#world details[data-pointer="/accounts/0"] > summary:has-text("add-test")');
  for (const kind of ["Accounts", "Users", "Groups", "Roles", "Resources"]) {
    await clickAndRun(page, `Add: ${kind}`);
    await clickAndRun(page, `Add: ${kind}`);
  }
  const doc = await scenarioNow(page);
  const iam = (path) => `arn:aws:iam::111122223333:${path}`;
  assert.deepEqual(doc.accounts.map((a) => a.id), ["111122223333", "111122223334", "111122223335"]);
  assert.deepEqual(doc.users.map((u) => u.arn), [iam("user/alice"), iam("user/new-user"), iam("user/new-user2")]);
  assert.deepEqual(doc.groups.map((g) => g.arn), [iam("group/new-group"), iam("group/new-group2")]);
  assert.deepEqual(doc.roles.map((r) => r.arn), [iam("role/team/newrole"), iam("role/NewRole2"), iam("role/NewRole3")]);
  assert.deepEqual(doc.resources.map((r) => r.arn), ["arn:aws:s3:::new-bucket", "arn:aws:s3:::new-bucket2"]);
  // Nothing is defined twice, so the scenario still runs.
  assert.doesNotMatch(await page.textContent("#findings"), /DUPLICATE_ENTITY/);
  assert.equal(await page.isVisible("#stale-note"), false);
  assert.deepEqual(await decisions(page), ["allowed"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a new role goes in the scenario's first account, and its trust policy names that account", async () => {
  const { page, context } = await open();
  await setScenario(page, { ...oneAccount({ name: "home-test" }), accounts: [{ id: "444455556666", name: "home-test" }], users: [], requests: [] });
  await page.waitForSelector('#world details[data-pointer="/accounts/0"] > summary:has-text("home-test")');
  await clickAndRun(page, "Add: Roles");
  const [role] = (await scenarioNow(page)).roles;
  assert.equal(role.arn, "arn:aws:iam::444455556666:role/NewRole");
  assert.equal(role.trust.Statement[0].Principal.AWS, "arn:aws:iam::444455556666:root");
  await context.close();
});

test("a role's maximum session duration field takes what IAM does: one to twelve hours", async () => {
  const { page, context } = await open();
  await setScenario(page, { ...oneAccount({ name: "duration-test" }),
    roles: [{ arn: "arn:aws:iam::111122223333:role/Short", trust: { Version: "2012-10-17", Statement: [] } }] });
  const summary = '#world details[data-pointer="/roles/0"] > summary:has-text("role/Short")';
  await page.waitForSelector(summary);
  await page.click(summary);
  const field = page.getByLabel("Maximum session duration (s)");
  assert.equal(await field.getAttribute("min"), "3600");
  assert.equal(await field.getAttribute("max"), "43200");
  const valid = async (value) => {
    await field.fill(value);
    return field.evaluate((input) => input.validity.valid);
  };
  assert.equal(await valid("1800"), false, "half an hour is below IAM's minimum");
  assert.equal(await valid("3600"), true);
  assert.equal(await valid("43200"), true);
  assert.equal(await valid("43201"), false);
  await context.close();
});

test("the management account box exempts the account from its organization's SCPs, and unchecking it removes the flag", async () => {
  const { page, context, errors } = await open();
  const deny = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] };
  await setScenario(page, oneAccount({ name: "management-test",
    organization: { id: "o-a1b2c3d4e5", path: ["r-ab12"], scps: [{ target: "r-ab12", policies: ["FullAWSAccess", deny] }] } }));
  assert.deepEqual(await decisions(page), ["explicitDeny"]);
  await openAccount(page, "management-test");
  const box = page.getByRole("checkbox", { name: "The organization's management account (SCPs and RCPs do not affect it)" });
  let runs = await runCount(page);
  await box.check();
  await waitForRun(page, runs);
  assert.equal((await scenarioNow(page)).accounts[0].organization.management, true);
  assert.deepEqual(await decisions(page), ["allowed"]);
  runs = await runCount(page);
  await page.getByRole("checkbox", { name: "The organization's management account (SCPs and RCPs do not affect it)" }).uncheck();
  await waitForRun(page, runs);
  assert.equal("management" in (await scenarioNow(page)).accounts[0].organization, false);
  assert.deepEqual(await decisions(page), ["explicitDeny"]);
  assert.deepEqual(errors, []);
  await context.close();
});
