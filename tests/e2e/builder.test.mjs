// End-to-end: the request builder's AssumeRoleWithSAML form writes a request the engine runs, and
// the page shows the decision AWS would make.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, openReady, runCount, waitForRun, setScenario, scenarioNow } from "./harness.mjs";

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const SAML = "https://aws.amazon.com/SAML/Attributes/";
const PROVIDER = "arn:aws:iam::111122223333:saml-provider/CorpIdP";
const ROLE = "arn:aws:iam::111122223333:role/SAMLReadOnly";

/** Opens the SAML example from the gallery, as a user would. */
async function openSamlExample() {
  const opened = await openReady(browser, server.origin);
  const { page } = opened;
  await page.click("#examples > summary");
  const runs = await runCount(page);
  await page.click('#example-list button[data-file="saml-federation.json"]');
  await waitForRun(page, runs);
  await page.click("#notice-close");
  await page.click("#examples > summary");
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

  // A session name STS's own validation refuses never reaches the trust policy.
  await page.waitForSelector("#req-kind");
  await page.fill("#req-name", "a session name with a space");
  await page.fill("#req-tags", "");
  await page.fill("#req-sessionName", "bad name");
  await page.selectOption("#req-expect", "error");
  ({ card } = await addRequest(page));
  assert.equal(await card.getAttribute("data-decision"), "error");
  assert.equal(await card.getAttribute("data-expectation"), "met");
  assert.match(await card.locator(".error").textContent(), /^ValidationError 1 validation error detected: Value 'bad name' at 'roleSessionName'/);
  await context.close();
});

test("session tags from a SAML assertion reach the session when the trust policy allows sts:TagSession", async () => {
  const { page, context } = await openReady(browser, server.origin);
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
  const { page, context } = await openReady(browser, server.origin, "/", { locale: "ja-JP" });
  assert.equal(await page.textContent('#req-kind option[value="saml"]'), "AssumeRoleWithSAML (SAML 2.0 フェデレーション)");
  await page.selectOption("#req-kind", "saml");
  assert.equal(await page.textContent('label[for="req-samlProvider"]'), "SAML プロバイダーの ARN (PrincipalArn)");
  assert.equal(await page.textContent('label[for="req-samlRecipient"]'), "受信者 (SAML:aud)");
  await context.close();
});
