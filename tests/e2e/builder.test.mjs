// End-to-end: the request builder's AssumeRoleWithSAML form writes a request the engine runs, and
// the page shows the decision AWS would make.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario, scenarioNow } from "./harness.mjs";

const env = pageSuite();

const SAML = "https://aws.amazon.com/SAML/Attributes/";
const PROVIDER = "arn:aws:iam::111122223333:saml-provider/CorpIdP";
const ROLE = "arn:aws:iam::111122223333:role/SAMLReadOnly";

/** Opens the SAML example from the gallery, as a user would. */
async function openSamlExample() {
  const opened = await openReady(env.browser, env.server.origin);
  const { page } = opened;
  await page.click("#examples > summary");
  const runs = await runCount(page);
  await page.click('#example-list button[data-file="saml-federation.json"]');
  await waitForRun(page, runs);
  await page.click("#notice-close");
  return opened;
}

/** Submits the builder's form and returns the card of the request it added. */
async function addRequest(page) {
  const before = (await scenarioNow(page)).requests.length;
  const runs = await runCount(page);
  await page.click('#builder button[type="submit"]');
  await waitForRun(page, runs);
  const doc = await scenarioNow(page);
  assert.equal(doc.requests.length, before + 1);
  const card = page.locator(`.request[data-index="${before}"]`);
  return { request: doc.requests[before], card };
}

async function samlForm(page) {
  await page.waitForSelector("#req-kind");
  await page.selectOption("#req-kind", "saml");
  assert.equal(await page.isVisible("#req-samlProvider"), true);
  assert.equal(await page.isVisible("#req-principal"), false, "a SAML request has no principal: the assertion says who");
}

test("the builder adds an AssumeRoleWithSAML request that the role's trust policy allows", async () => {
  const { page, context, errors } = await openSamlExample();
  await samlForm(page);
  // The role that trusts a SAML provider, and the provider it names, are offered.
  assert.equal(await page.inputValue("#req-role"), ROLE);
  assert.equal(await page.inputValue("#req-samlProvider"), PROVIDER);
  await page.fill("#req-name", "jane signs in through CorpIdP");
  await page.fill("#req-samlSubject", "jane@example.com");
  await page.fill("#req-sessionName", "jane@example.com");
  await page.fill("#req-duration", "1800");
  await page.fill("#req-samlAttributes", "eduPersonAffiliation=staff\neduPersonAffiliation=member");
  await page.selectOption("#req-expect", "allowed");
  const { request, card } = await addRequest(page);
  assert.deepEqual(request, {
    name: "jane signs in through CorpIdP",
    action: "sts:AssumeRoleWithSAML",
    resource: ROLE,
    parameters: {
      PrincipalArn: PROVIDER,
      SAMLAssertion: {
        iss: "https://idp.example.com/saml",
        sub: "jane@example.com",
        sub_type: "persistent",
        aud: "https://signin.aws.amazon.com/saml",
        [`${SAML}Role`]: `${ROLE},${PROVIDER}`,
        [`${SAML}RoleSessionName`]: "jane@example.com",
        eduPersonAffiliation: ["staff", "member"],
      },
      DurationSeconds: 1800,
    },
    expect: "allowed",
  });
  assert.equal(await card.getAttribute("data-decision"), "allowed");
  assert.equal(await card.getAttribute("data-expectation"), "met");
  const session = await card.locator("dl.session").textContent();
  assert.match(session, /arn:aws:sts::111122223333:assumed-role\/SAMLReadOnly\/jane@example\.com/);
  assert.match(session, /1800 s after start/);
  // Every other request of the example still meets its expectation.
  const unmet = await page.$$eval('.request[data-expectation="unmet"]', (els) => els.length);
  assert.equal(unmet, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("SAML requests the trust policy or STS refuse show AWS's denial or error", async () => {
  const { page, context } = await openSamlExample();
  await samlForm(page);

  // Another recipient: SAML:aud does not match the trust policy's condition.
  await page.fill("#req-name", "an assertion for another recipient");
  await page.fill("#req-samlRecipient", "https://example.com/acs");
  let { card } = await addRequest(page);
  assert.equal(await card.getAttribute("data-decision"), "implicitDeny");
  assert.match(await card.locator(".error").textContent(), /^AccessDenied Not authorized to perform sts:AssumeRoleWithSAML$/);

  // A provider the trust policy does not name.
  await page.waitForSelector("#req-kind");
  await page.fill("#req-name", "another identity provider");
  await page.fill("#req-samlRecipient", "https://signin.aws.amazon.com/saml");
  await page.fill("#req-samlProvider", "arn:aws:iam::111122223333:saml-provider/OtherIdP");
  ({ card } = await addRequest(page));
  assert.equal(await card.getAttribute("data-decision"), "implicitDeny");

  // Session tags in the assertion need sts:TagSession, which this trust policy does not allow.
  await page.waitForSelector("#req-kind");
  await page.fill("#req-name", "tags without sts:TagSession");
  await page.fill("#req-samlProvider", PROVIDER);
  await page.fill("#req-tags", "department=finance");
  ({ card } = await addRequest(page));
  assert.equal(await card.getAttribute("data-decision"), "implicitDeny");
  const doc = await scenarioNow(page);
  assert.equal(doc.requests.at(-1).parameters.SAMLAssertion[`${SAML}PrincipalTag:department`], "finance");
  await card.locator("details.explain > summary").click();
  assert.match(await card.locator(".explain-body").textContent(), /sts:TagSession/);

  // A session name STS refuses in the assertion never reaches the trust policy (IAM User Guide,
  // "Troubleshoot SAML federation with IAM").
  await page.waitForSelector("#req-kind");
  await page.fill("#req-name", "a session name with a space");
  await page.fill("#req-tags", "");
  await page.fill("#req-sessionName", "bad name");
  await page.selectOption("#req-expect", "error");
  ({ card } = await addRequest(page));
  assert.equal(await card.getAttribute("data-decision"), "error");
  assert.equal(await card.getAttribute("data-expectation"), "met");
  assert.equal(await card.locator(".error").textContent(), "InvalidIdentityToken RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
  await context.close();
});

test("session tags from a SAML assertion reach the session when the trust policy allows sts:TagSession", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  await setScenario(page, {
    scenario: 1,
    title: "SAML with session tags",
    roles: [{ arn: "arn:aws:iam::444455556666:role/Finance",
      trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: "arn:aws:iam::444455556666:saml-provider/Okta" },
        Action: ["sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity"], Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } }] },
      policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::ledger/${aws:PrincipalTag/department}/*" }] }] },
    ],
    requests: [],
  });
  // The form is rebuilt for this scenario's roles once the editor is left alone.
  await page.waitForSelector('#saml-provider-list option[value="arn:aws:iam::444455556666:saml-provider/Okta"]', { state: "attached" });
  await samlForm(page);
  assert.equal(await page.inputValue("#req-samlProvider"), "arn:aws:iam::444455556666:saml-provider/Okta");
  await page.fill("#req-name", "jane of finance");
  await page.fill("#req-sessionName", "jane");
  await page.fill("#req-tags", "department=finance\ncostcenter=42");
  await page.fill("#req-transitive", "department");
  await page.fill("#req-sourceIdentity", "jane.doe");
  let { card } = await addRequest(page);
  assert.equal(await card.getAttribute("data-decision"), "allowed");
  const session = await card.locator("dl.session").textContent();
  assert.match(session, /Tags\s*costcenter=42, department=finance/);
  assert.match(session, /Transitive tag keys\s*department/);
  assert.match(session, /Source identity\s*jane\.doe/);

  // The session's tag is what the role's policy reads: the builder's next request uses it.
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-name", "jane reads the finance ledger");
  await page.fill("#req-principal", "arn:aws:sts::444455556666:assumed-role/Finance/jane");
  await page.fill("#req-action", "s3:GetObject");
  await page.fill("#req-resource", "arn:aws:s3:::ledger/finance/q1.csv");
  ({ card } = await addRequest(page));
  assert.equal(await card.getAttribute("data-decision"), "allowed");
  await context.close();
});

test("the SAML form speaks Japanese", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "ja-JP" });
  assert.equal(await page.textContent('#req-kind option[value="saml"]'), "AssumeRoleWithSAML (SAML 2.0 フェデレーション)");
  await page.selectOption("#req-kind", "saml");
  assert.equal(await page.textContent('label[for="req-samlProvider"]'), "SAML プロバイダーの ARN (PrincipalArn)");
  assert.equal(await page.textContent('label[for="req-samlRecipient"]'), "受信者 (SAML:aud)");
  await context.close();
});

/** A scenario with two requests written compactly by hand, the way the builder must leave them. */
const HANDWRITTEN = `{
  "scenario": 1,
  "title": "hand-written requests",
  "users": [{"arn": "arn:aws:iam::111122223333:user/alice", "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}]}],
  "roles": [{"arn": "arn:aws:iam::111122223333:role/Reader", "trust": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}]}}],
  "requests": [
    {"name":"alice reads","principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},
    { "name": "alice writes", "principal": "arn:aws:iam::111122223333:user/alice",
      "action": "s3:PutObject", "resource": "arn:aws:s3:::b/k", "expect": "implicitDeny" }
  ]
}
`;

test("a request the builder lacks a required field for is not added, and the field says so", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  await setScenario(page, HANDWRITTEN);
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-principal", "");
  const text = await page.inputValue("#scenario-input");
  const runs = await runCount(page);
  await page.click('#builder button[type="submit"]');
  await page.waitForTimeout(500);
  assert.equal(await page.inputValue("#scenario-input"), text, "nothing is appended");
  assert.equal(await runCount(page), runs);
  const principal = page.locator("#req-principal");
  assert.equal(await principal.getAttribute("aria-invalid"), "true");
  assert.equal(await principal.getAttribute("aria-describedby"), "req-principal-problem");
  assert.equal(await page.textContent("#req-principal-problem"), "Principal ARN is required for this kind of request.");
  assert.equal(await page.isVisible("#req-principal-problem"), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "req-principal", "the field is focused");
  // Only the missing field is marked.
  assert.equal(await page.getAttribute("#req-action", "aria-invalid"), null);

  // Typing clears the mark; an AssumeRole without its role is refused the same way.
  await page.fill("#req-principal", "arn:aws:iam::111122223333:user/alice");
  assert.equal(await principal.getAttribute("aria-invalid"), null);
  assert.equal(await page.isVisible("#req-principal-problem"), false);
  await page.selectOption("#req-kind", "assumeRole");
  await page.fill("#req-role", "");
  await page.fill("#req-sessionPolicy", "{ not json");
  await page.click('#builder button[type="submit"]');
  assert.equal(await page.textContent("#req-role-problem"), "Role ARN is required for this kind of request.");
  assert.equal(await page.textContent("#req-sessionPolicy-problem"), "The session policy is not valid JSON.");
  assert.equal(await page.getAttribute("#req-sessionPolicy", "aria-invalid"), "true");
  assert.equal(await page.inputValue("#scenario-input"), text, "nothing is appended");

  // Complete, it is added and runs.
  await page.fill("#req-role", "arn:aws:iam::111122223333:role/Reader");
  await page.fill("#req-sessionPolicy", "");
  const { request, card } = await addRequest(page);
  assert.equal(request.resource, "arn:aws:iam::111122223333:role/Reader");
  assert.equal(await card.getAttribute("data-decision"), "allowed");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the builder's field problems speak Japanese", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "ja-JP" });
  await setScenario(page, HANDWRITTEN);
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-principal", "");
  await page.click('#builder button[type="submit"]');
  assert.equal(await page.textContent("#req-principal-problem"), "この種類のリクエストには「プリンシパル ARN」が必要です。");
  await context.close();
});

test("adding a request leaves the requests already written byte for byte as they were", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  await setScenario(page, HANDWRITTEN);
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-name", "alice lists");
  await page.fill("#req-principal", "arn:aws:iam::111122223333:user/alice");
  await page.fill("#req-action", "s3:ListBucket");
  await page.fill("#req-resource", "arn:aws:s3:::b");
  const { request } = await addRequest(page);
  assert.deepEqual(request, { name: "alice lists", principal: "arn:aws:iam::111122223333:user/alice", action: "s3:ListBucket", resource: "arn:aws:s3:::b" });
  assert.equal((await scenarioNow(page)).requests.length, 3);
  const after = await page.inputValue("#scenario-input");
  const end = HANDWRITTEN.indexOf('"expect": "implicitDeny" }') + '"expect": "implicitDeny" }'.length;
  assert.equal(after.slice(0, end), HANDWRITTEN.slice(0, end), "everything before the new request is unchanged");
  assert.ok(after.endsWith(HANDWRITTEN.slice(end)), "everything after it too");
  assert.equal(after.slice(end, after.length - HANDWRITTEN.length + end),
    `,\n    ${JSON.stringify(request, null, 2).replace(/\n/g, "\n    ")}`, "after the last one, laid out as it is (over several lines)");
  await context.close();
});

test("a request added to an empty list, or to a scenario that is not JSON yet", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  const empty = HANDWRITTEN.replace(/"requests": \[[^]*\]\n}/, '"requests": []\n}');
  await setScenario(page, empty);
  await page.selectOption("#req-kind", "other");
  await page.fill("#req-principal", "arn:aws:iam::111122223333:user/alice");
  await addRequest(page);
  assert.ok((await page.inputValue("#scenario-input")).startsWith(empty.slice(0, empty.indexOf('"requests"'))));

  await setScenario(page, `${empty.trimEnd()},`);
  await page.click('#builder button[type="submit"]');
  await page.waitForSelector("#notice:not([hidden])");
  assert.match(await page.textContent("#notice-text"), /^The request was not added: the scenario is not valid JSON yet/);
  await context.close();
});

/** Waits (a while) until the builder's `#id` holds `value`, and returns what it holds. */
async function fieldSettles(page, id, value) {
  await page.waitForFunction(([i, v]) => document.getElementById(i)?.value === v, [id, value], { timeout: 3000 }).catch(() => {});
  return page.inputValue(`#${id}`);
}

async function loadExample(page, file) {
  await page.click("#examples > summary");
  const runs = await runCount(page);
  await page.click(`#example-list button[data-file="${file}"]`);
  await waitForRun(page, runs);
}

test("the builder offers the scenario's own roles, never a replaced scenario's", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  const webServer = "arn:aws:iam::111122223333:role/WebServer";
  assert.equal(await page.inputValue("#req-role"), webServer);
  assert.equal(await page.inputValue("#req-passedRole"), webServer);
  // An example with other roles: its first is offered.
  await loadExample(page, "lambda-pass-role.json");
  const appRole = "arn:aws:iam::111122223333:role/service-role/AppRole";
  assert.equal(await fieldSettles(page, "req-role", appRole), appRole);
  assert.equal(await fieldSettles(page, "req-passedRole", appRole), appRole);
  // A new scenario has no roles: none is offered.
  let runs = await runCount(page);
  await page.click("#new");
  await waitForRun(page, runs);
  assert.equal(await fieldSettles(page, "req-role", ""), "");
  assert.equal(await fieldSettles(page, "req-passedRole", ""), "");
  // Undo brings back the example, and its role.
  runs = await runCount(page);
  await page.click("#undo");
  await waitForRun(page, runs);
  assert.equal(await fieldSettles(page, "req-role", appRole), appRole);
  assert.deepEqual(errors, []);
  await context.close();
});

test("what was typed in the builder survives a rebuild of the same scenario, not another scenario", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  await page.selectOption("#req-kind", "passRole");
  await page.fill("#req-name", "typed name");
  await page.fill("#req-passedRole", "arn:aws:iam::111122223333:role/Typed");
  // A language switch rebuilds the form: what was typed and chosen stays.
  let runs = await runCount(page);
  await page.selectOption("#language", "ja");
  await waitForRun(page, runs);
  assert.equal(await page.inputValue("#req-kind"), "passRole");
  assert.equal(await page.inputValue("#req-name"), "typed name");
  assert.equal(await page.inputValue("#req-passedRole"), "arn:aws:iam::111122223333:role/Typed");
  // An edit that adds a role first rebuilds it: the untouched role field follows, the typed ones stay.
  const doc = await scenarioNow(page);
  const first = "arn:aws:iam::111122223333:role/FirstNow";
  doc.roles.unshift({ arn: first, trust: { Version: "2012-10-17", Statement: [] } });
  await setScenario(page, doc);
  assert.equal(await fieldSettles(page, "req-role", first), first);
  assert.equal(await page.inputValue("#req-passedRole"), "arn:aws:iam::111122223333:role/Typed");
  assert.equal(await page.inputValue("#req-name"), "typed name");
  // Another scenario starts from its own defaults.
  await loadExample(page, "role-chaining.json");
  const role1 = "arn:aws:iam::111122223333:role/Role1";
  assert.equal(await fieldSettles(page, "req-passedRole", role1), role1);
  assert.equal(await page.inputValue("#req-name"), "");
  assert.equal(await page.inputValue("#req-kind"), "assumeRole");
  await context.close();
});

/** The ARNs the builder's Principal list offers. */
const principalChoices = (page) => page.$$eval("#principal-list option", (options) => options.map((o) => o.value));
const sessionArn = (role, name) => `arn:aws:sts::111122223333:assumed-role/${role}/${name}`;

test("the Principal list offers who can make a request: users, account roots and the sessions earlier requests created, never a role", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  await loadExample(page, "role-chaining.json");
  await page.click("#notice-close");
  // A role acts only through a session; the engine refuses a role's ARN as a principal. A new
  // request runs at the last one's time (3721 s), when Role2/alice and Role3/alice (one-hour
  // chained sessions) have expired: they are not offered.
  assert.deepEqual(await principalChoices(page), [
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:root",
    sessionArn("Role1", "alice"), sessionArn("Role2", "alice-later"),
  ]);
  // The next link of the chain, made by a session on offer, runs with the rest of the scenario.
  await page.fill("#req-name", "Role2's later session assumes Role3");
  await page.fill("#req-principal", sessionArn("Role2", "alice-later"));
  await page.fill("#req-role", "arn:aws:iam::111122223333:role/Role3");
  await page.fill("#req-sessionName", "step3");
  const { card } = await addRequest(page);
  assert.equal(await card.getAttribute("data-decision"), "allowed");
  assert.equal(await page.isVisible("#stale-note"), false);
  assert.equal(await page.locator('#findings .finding[data-severity="error"]').count(), 0);
  // ...and the session it created is offered for the request after it.
  assert.ok((await principalChoices(page)).includes(sessionArn("Role3", "step3")));
  assert.deepEqual(errors, []);
  await context.close();
});
