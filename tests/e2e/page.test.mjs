// End-to-end: the served page in headless Chromium, driven as a user would drive it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pageSuite, openPage, runCount, waitForRun } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
const examples = JSON.parse(readFileSync(`${root}www/examples/index.json`, "utf8"));

const env = pageSuite();

/** Opens the page and waits until its first run is shown. */
async function open(path = "/", options = {}) {
  const opened = await openPage(env.browser, env.server.origin, path, options);
  await opened.page.waitForSelector("body[data-ready]", { timeout: 20_000 });
  return opened;
}

/** Replaces the scenario text in the main editor and waits for the run that follows. */
async function setScenario(page, text) {
  const runs = Number(await page.getAttribute("body", "data-runs"));
  await page.fill("#scenario-input", typeof text === "string" ? text : JSON.stringify(text, null, 2));
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
}

const decisions = (page) => page.$$eval(".request[data-decision]", (els) => els.map((e) => e.dataset.decision));

/** A two-account scenario whose single request is allowed by the role's trust policy. */
function crossAccount(extra = {}) {
  return {
    scenario: 1,
    title: "trust flip",
    users: [{ arn: "arn:aws:iam::111122223333:user/alice", policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] }] }],
    roles: [{ arn: "arn:aws:iam::444455556666:role/Deployer",
      trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] } }],
    requests: [{ name: "alice assumes Deployer", principal: "arn:aws:iam::111122223333:user/alice", action: "sts:AssumeRole",
      resource: "arn:aws:iam::444455556666:role/Deployer", parameters: { RoleSessionName: "alice" } }],
    ...extra,
  };
}

test("the page starts the engine and stays on its own origin", async () => {
  const { page, foreignRequests, errors, context } = await open();
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  assert.match(await page.textContent("#engine-status"), /Engine \d+\.\d+\.\d+ ready/);
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the wasm is served as application/wasm", async () => {
  const response = await fetch(`${env.server.origin}/pkg/iam_playground_bg.wasm`);
  assert.equal(response.headers.get("content-type"), "application/wasm");
  assert.match(response.headers.get("content-security-policy"), /default-src 'self'/);
});

for (const example of examples) {
  test(`example ${example.file} loads and meets every expectation`, async () => {
    const { page, context, errors, foreignRequests } = await open();
    const expected = JSON.parse(readFileSync(`${root}www/examples/${example.file}`, "utf8")).requests.length;
    await page.click("#examples > summary");
    const runs = Number(await page.getAttribute("body", "data-runs"));
    await page.click(`#example-list button[data-file="${example.file}"]`);
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
    const results = await page.$$eval(".request[data-decision]", (els) => els.map((e) => [e.dataset.decision, e.dataset.expectation]));
    assert.equal(results.length, expected);
    for (const [decision, expectation] of results) {
      assert.match(decision, /^(allowed|implicitDeny|explicitDeny|error)$/);
      assert.equal(expectation, "met", `a request in ${example.file} does not meet its expectation`);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
    await context.close();
  });
}

test("editing a role's trust policy in its pane flips the decision", async () => {
  const { page, context } = await open();
  await setScenario(page, crossAccount());
  assert.deepEqual(await decisions(page), ["allowed"]);
  // Wait for the pane of this scenario's role, not one left from the example shown before.
  await page.waitForSelector('#world details[data-pointer="/roles/0"] > summary:has-text("role/Deployer")');
  await page.click('#world details[data-pointer="/roles/0"] > summary');
  const trust = '#world .editor[data-pointer="/roles/0/trust"] textarea';
  const text = await page.inputValue(trust);
  const runs = Number(await page.getAttribute("body", "data-runs"));
  await page.fill(trust, text.replace("111122223333:root", "999999999999:root"));
  // The pane writes its policy back into the scenario text, which then re-runs.
  await page.waitForFunction(() => document.querySelector("#scenario-input").value.includes("999999999999:root"));
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
  await page.waitForSelector('[data-decision="implicitDeny"]');
  assert.deepEqual(await decisions(page), ["implicitDeny"]);
  await context.close();
});

test("broken JSON shows a marker on the right line and a finding", async () => {
  const { page, context } = await open();
  await setScenario(page, '{\n  "scenario": 1,\n  "requests": [],\n}');
  await page.waitForSelector('.gutter .ln.marker[data-line="4"]');
  const title = await page.getAttribute('#editor-host .gutter .ln.marker[data-line="4"]', "title");
  assert.ok(title.length > 0);
  assert.equal(await page.$$eval("#editor-host .gutter .ln.marker", (els) => els.length), 1);
  assert.ok(await page.$('#findings .finding[data-line="4"]'));
  await context.close();
});

test("a finding far along a long line scrolls the editor across to it", async () => {
  const { page, context } = await open("/", { viewport: { width: 1400, height: 1000 } });
  // The request's principal, a role (which cannot make a request), ends a line wider than the editor.
  const name = "a request whose name is long enough to push what follows it far to the right of the editor";
  await setScenario(page, `{
  "scenario": 1,
  "accounts": [ { "id": "111122223333" } ],
  "roles": [ { "arn": "arn:aws:iam::111122223333:role/Reader", "trust": { "Version": "2012-10-17", "Statement": [] } } ],
  "requests": [
    { "name": "${name}", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/q1.csv", "principal": "arn:aws:iam::111122223333:role/Reader" }
  ]
}`);
  const finding = page.locator('#findings .finding[data-line="6"] button.link');
  assert.match(await finding.textContent(), /^6:1\d\d$/);
  await finding.click();
  const view = await page.evaluate(() => {
    const area = document.querySelector("#scenario-input");
    const style = getComputedStyle(area);
    const lineStart = area.value.lastIndexOf("\n", area.selectionStart - 1) + 1;
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontSize} ${style.fontFamily}`;
    return {
      selected: area.value.slice(area.selectionStart, area.selectionEnd),
      // Where the selection starts, from the left of the text, and the part of the text in view.
      start: context.measureText(area.value.slice(lineStart, area.selectionStart)).width,
      left: area.scrollLeft, width: area.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      highlightLeft: document.querySelector("#editor-host .highlight").scrollLeft,
    };
  });
  assert.match(view.selected, /^"arn:aws:iam::111122223333:role\/Reader"/);
  assert.ok(view.start > view.width, `the selection starts beyond the first screen: ${JSON.stringify(view)}`);
  assert.ok(view.start >= view.left && view.start < view.left + view.width, `the selection's start is in view: ${JSON.stringify(view)}`);
  assert.equal(view.highlightLeft, view.left, "the highlighted copy scrolls with the text");
  await context.close();
});

test("a share link opens the same scenario; a refused link leaves the work untouched", async () => {
  const { page, context } = await open();
  const text = JSON.stringify(crossAccount({ title: "shared ✓ 日本語" }), null, 2);
  await setScenario(page, text);
  await page.click("#share");
  await page.waitForFunction(() => document.querySelector("#notice-link").value.includes("#"));
  const link = await page.inputValue("#notice-link");
  assert.ok(link.startsWith(env.server.origin));
  const other = await env.browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await second.waitForSelector("body[data-ready]");
  const opened = await second.inputValue("#scenario-input");
  assert.equal(opened.trimEnd(), text);
  await other.close();

  await page.waitForTimeout(600);
  await page.goto("about:blank");
  await page.goto(`${env.server.origin}/#s9.not-a-link`);
  await page.waitForSelector("body[data-ready]");
  await page.waitForSelector("#notice:not([hidden])");
  assert.match(await page.textContent("#notice-text"), /cannot be opened: .+ Your work is unchanged/);
  assert.equal(await page.inputValue("#scenario-input"), text);
  await context.close();
});

test("a reload keeps the work", async () => {
  const { page, context } = await open();
  const text = JSON.stringify(crossAccount({ title: "kept across reload" }), null, 2);
  await setScenario(page, text);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.inputValue("#scenario-input"), text);
  await context.close();
});

/** Switches the page's language and waits for the run it starts. */
async function switchLanguage(page, lang) {
  const runs = Number(await page.getAttribute("body", "data-runs"));
  await page.selectOption("#language", lang);
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
}

test("the Japanese switch changes the page's text and is remembered", async () => {
  const { page, context } = await open("/", { locale: "en-US" });
  assert.equal(await page.textContent("#requests-h"), "Requests");
  await switchLanguage(page, "ja");
  assert.equal(await page.textContent("#requests-h"), "リクエスト");
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.textContent("#requests-h"), "リクエスト");
  await context.close();
});

test("the switch re-runs the engine: an opened explanation follows the language, AWS's message stays English", async () => {
  const { page, context } = await open("/", { locale: "en-US" });
  const denied = crossAccount({ requests: [{ name: "bob has no identity policy", principal: "arn:aws:iam::111122223333:user/bob",
    action: "sts:AssumeRole", resource: "arn:aws:iam::444455556666:role/Deployer", parameters: { RoleSessionName: "bob" } }] });
  denied.users.push({ arn: "arn:aws:iam::111122223333:user/bob" });
  await setScenario(page, denied);
  await page.click(".request .explain > summary");
  const summary = () => page.textContent(".request .explain .summary");
  const error = () => page.textContent(".request .error");
  assert.match(await summary(), /^Implicitly denied at sts:AssumeRole/);
  const message = await error();
  assert.match(message, /AccessDenied User: arn:aws:iam::111122223333:user\/bob is not authorized to perform: sts:AssumeRole/);

  await switchLanguage(page, "ja");
  assert.equal(await page.getAttribute(".request .explain", "open"), "", "the explanation stays open");
  assert.match(await summary(), /^暗黙的に拒否されました \(sts:AssumeRole\)。クロスアカウント: /);
  assert.match(await page.textContent(".request .explain .changes"), /アイデンティティベースのポリシーも必要です/);
  assert.match(await page.textContent(".request .explain .statement .elements"), /をそのアカウントで指定しています/);
  assert.equal(await page.textContent(".request .explain .ptype"), "ロールの信頼ポリシー");
  assert.equal(await error(), message, "AWS's own message is not translated");

  await switchLanguage(page, "en");
  assert.match(await summary(), /^Implicitly denied at sts:AssumeRole/);
  await context.close();
});

test("the page follows a Japanese browser and the dark theme switch is remembered", async () => {
  const { page, context } = await open("/", { locale: "ja-JP", colorScheme: "dark" });
  assert.equal(await page.textContent("#share"), "共有");
  await page.selectOption("#theme", "light");
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await context.close();
});

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  "<script>window.__pwned=2</script>",
  "javascript:window.__pwned=3",
  `"><svg onload="window.__pwned=4">`,
  "長い名前".repeat(300),
  "\u202e\u0000 emoji 🧨",
];

test("hostile text in every field stays inert", async () => {
  const { page, context, errors, foreignRequests } = await open();
  const hostileIndex = HOSTILE.slice(0, 4).map((s, i) => ({ file: `${s}.json`, title: { en: s, ja: s }, summary: { en: HOSTILE[i + 1] ?? s, ja: s } }));
  await page.route("**/examples/index.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(hostileIndex) }));
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  let dialogs = 0;
  page.on("dialog", (dialog) => { dialogs++; dialog.dismiss(); });
  const [a, b, c, d, long, odd] = HOSTILE;
  const scenario = {
    scenario: 1, title: a, description: b,
    accounts: [{ id: "111122223333", name: c }],
    users: [{ arn: `arn:aws:iam::111122223333:user/${a}`, tags: { [b]: c, team: d },
      policies: [{ Version: "2012-10-17", Statement: [{ Sid: "x", Effect: "Allow", Action: ["sts:AssumeRole", a], Resource: "*",
        Condition: { StringEquals: { [`aws:PrincipalTag/${b}`]: d } } }] }] }],
    roles: [{ arn: `arn:aws:iam::111122223333:role/${d}`, tags: { [a]: long },
      trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: c }, Action: "sts:AssumeRole" }] } }],
    resources: [{ arn: `arn:aws:s3:::${a}`, policy: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: b }] } }],
    requests: [
      { name: a, principal: `arn:aws:iam::111122223333:user/${a}`, action: "sts:AssumeRole", resource: `arn:aws:iam::111122223333:role/${d}`,
        parameters: { RoleSessionName: c, Tags: [{ Key: b, Value: long }], SourceIdentity: odd }, context: { [a]: b } },
      { name: long, principal: c, action: a, resource: b, expect: "allowed" },
    ],
  };
  await setScenario(page, scenario);
  await page.click("#examples > summary");
  for (const details of await page.$$("details:not([open])")) await details.evaluate((el) => { el.open = true; });
  await page.fill("#req-name", a);
  await page.fill("#req-principal", d);
  await page.click('#builder button[type="submit"]');
  await page.waitForTimeout(800);
  assert.equal(dialogs, 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval("img, svg, iframe, object, embed", (els) => els.length), 0);
  assert.equal(await page.$$eval("script", (els) => els.length), 1);
  assert.equal(await page.$$eval("a[href^='javascript']", (els) => els.length), 0);
  assert.ok((await page.textContent("#example-list")).includes(a), "a hostile title is shown as text");
  assert.ok((await page.textContent("#findings")).includes(a), "a finding that quotes hostile text shows it as text");
  // The engine refuses hostile ARNs; a runnable scenario carries hostile text in names, tags,
  // condition values and context values, which the results echo.
  const runnable = crossAccount({ title: a, description: b });
  runnable.users[0].tags = { team: a, note: d };
  runnable.roles[0].tags = { odd };
  runnable.users[0].policies[0].Statement[0].Condition = { StringNotEquals: { "aws:PrincipalTag/team": [b, c] } };
  runnable.requests[0].name = a;
  runnable.requests[0].context = { "aws:SourceIp": "203.0.113.7", "custom:key": b };
  runnable.requests.push({ name: b, principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key", context: { "s3:prefix": c } });
  await setScenario(page, runnable);
  for (const details of await page.$$("details:not([open])")) await details.evaluate((el) => { el.open = true; });
  await page.waitForTimeout(300);
  assert.ok((await page.textContent("#results")).includes(a), "a hostile request name is shown as text");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval("img, svg, iframe, object, embed", (els) => els.length), 0);
  assert.equal(await page.$$eval("script", (els) => els.length), 1);
  assert.equal(dialogs, 0);
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await context.close();
});

test("when storage refuses, the page says so and keeps the work", async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
  });
  const page = await context.newPage();
  await page.goto(env.server.origin);
  await page.waitForSelector("body[data-ready]");
  const text = JSON.stringify(crossAccount({ title: "not saved" }), null, 2);
  await setScenario(page, text);
  await page.waitForSelector("#storage-warning:not([hidden])");
  assert.match(await page.textContent("#storage-warning"), /could not be saved/);
  assert.equal(await page.inputValue("#scenario-input"), text);
  await context.close();
});

test("Ctrl+Shift+F formats the scenario and Ctrl+Z brings the text back", async () => {
  const { page, context } = await open();
  await setScenario(page, '{"scenario":1,"requests":[]}');
  await page.focus("#scenario-input");
  await page.keyboard.press("Control+Shift+F");
  await page.waitForFunction(() => document.querySelector("#scenario-input").value.includes("\n"));
  assert.deepEqual(JSON.parse(await page.inputValue("#scenario-input")), { scenario: 1, requests: [] });
  await page.keyboard.press("Control+Z");
  assert.equal(await page.inputValue("#scenario-input"), '{"scenario":1,"requests":[]}');
  await context.close();
});

test("the request builder appends an AssumeRole request and a GitHub Actions web identity request", async () => {
  const { page, context } = await open();
  const scenario = crossAccount();
  scenario.roles.push({ arn: "arn:aws:iam::444455556666:role/GitHubDeploy",
    trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow",
      Principal: { Federated: "arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main" } } }] } });
  await setScenario(page, scenario);
  await page.waitForSelector("#req-principal");
  await page.fill("#req-name", "built by the form");
  await page.fill("#req-principal", "arn:aws:iam::111122223333:user/alice");
  await page.fill("#req-role", "arn:aws:iam::444455556666:role/Deployer");
  // Session tags need sts:TagSession in the trust policy too (AWS: "Passing session tags in AWS STS").
  await page.fill("#req-tags", "team=blue");
  await page.selectOption("#req-expect", "implicitDeny");
  let runs = Number(await page.getAttribute("body", "data-runs"));
  await page.click('#builder button[type="submit"]');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
  assert.deepEqual(await decisions(page), ["allowed", "implicitDeny"]);
  const doc = JSON.parse(await page.inputValue("#scenario-input"));
  assert.equal(doc.requests.length, 2);
  assert.deepEqual(doc.requests[1].parameters.Tags, [{ Key: "team", Value: "blue" }]);

  await page.waitForSelector("#req-kind");
  await page.selectOption("#req-kind", "webIdentity");
  await page.fill("#req-role", "arn:aws:iam::444455556666:role/GitHubDeploy");
  await page.selectOption("#req-expect", "allowed");
  runs = Number(await page.getAttribute("body", "data-runs"));
  await page.click('#builder button[type="submit"]');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
  const after = JSON.parse(await page.inputValue("#scenario-input"));
  assert.equal(after.requests[2].parameters.WebIdentityToken.sub, "repo:my-org/my-repo:ref:refs/heads/main");
  const cards = await page.$$eval(".request[data-decision]", (els) => els.map((e) => [e.dataset.decision, e.dataset.expectation]));
  assert.deepEqual(cards.slice(1), [["implicitDeny", "met"], ["allowed", "met"]]);
  await context.close();
});

test("loading an example replaces the scenario and Undo brings the work back", async () => {
  const { page, context } = await open();
  const text = JSON.stringify(crossAccount({ title: "my own work" }), null, 2);
  await setScenario(page, text);
  await page.click("#examples > summary");
  await page.click(`#example-list button[data-file="${examples[0].file}"]`);
  await page.waitForFunction(() => !document.querySelector("#notice-undo").hidden);
  assert.notEqual(await page.inputValue("#scenario-input"), text);
  await page.click("#notice-undo");
  assert.equal(await page.inputValue("#scenario-input"), text);
  await context.close();
});

for (const [screen, viewport] of [["a phone", { width: 390, height: 844 }], ["a desktop", { width: 1280, height: 800 }]]) {
  test(`on ${screen}, loading an example closes the gallery and shows the results`, async () => {
    const { page, context } = await open("/", { viewport });
    await page.click("#examples > summary");
    const runs = await runCount(page);
    await page.click('#example-list button[data-file="role-chaining.json"]');
    await waitForRun(page, runs);
    await page.waitForFunction(() => !document.querySelector("#examples").open);
    // The first result is on screen (the page settles its scroll after the run).
    await page.waitForFunction(() => {
      const box = document.querySelector(".request").getBoundingClientRect();
      return box.top >= 0 && box.top < innerHeight - 40;
    }, null, { timeout: 3000 });
    assert.equal(await page.locator(".request").count(), 9);
    // The Load button is hidden with the gallery: the keyboard focus moves to the results.
    assert.equal(await page.evaluate(() => document.activeElement.id), "requests-h");
    await context.close();
  });
}

test("hovering a marked line shows the finding's sentence", async () => {
  const { page, context } = await open();
  await setScenario(page, '{\n  "scenario": 1,\n  "requests": [],\n}');
  await page.waitForSelector('#editor-host .gutter .ln.marker[data-line="4"]');
  const box = await page.locator("#scenario-input").boundingBox();
  await page.mouse.move(box.x + 30, box.y + 6 + 18 * 3 + 9);
  const title = await page.getAttribute("#scenario-input", "title");
  assert.ok(title && title === await page.getAttribute('#editor-host .gutter .ln.marker[data-line="4"]', "title"));
  await context.close();
});

test("a closed request's explanation is not built, and opening it runs again with every statement", async () => {
  const { page, context, errors } = await open();
  await setScenario(page, {
    scenario: 1, title: "brief explanations",
    accounts: [{ id: "111122223333" }],
    users: [{ arn: "arn:aws:iam::111122223333:user/alice", policies: [{ Version: "2012-10-17", Statement: [
      { Sid: "Other", Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" },
      { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
    ] }] }],
    requests: [{ principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }],
  });
  assert.deepEqual(await decisions(page), ["allowed"]);
  const statements = () => page.$$eval(".request .explain .statement", (els) => els.length);
  assert.equal(await statements(), 0, "closed: the explanation is not built");
  const runs = await runCount(page);
  await page.click(".request .explain > summary");
  await waitForRun(page, runs);
  assert.equal(await statements(), 2, "open: every statement");
  assert.equal(await page.locator(".request .brief-note").count(), 0, "the whole explanation, no note");
  assert.equal(await page.getAttribute(".request .explain", "open"), "", "the explanation stays open");
  assert.deepEqual(errors, []);
  await context.close();
});
