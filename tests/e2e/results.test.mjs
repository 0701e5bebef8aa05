// End-to-end: what a request's card and explanation say — each sentence once, the request as
// asked even when STS refuses it early, and "line N" only for statements written in the scenario.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario, decisions, scenarioNow } from "./harness.mjs";

const env = pageSuite();

async function openExample(file, options = {}) {
  const opened = await openReady(env.browser, env.server.origin, "/", options);
  const { page } = opened;
  await page.click("#examples > summary");
  const runs = await runCount(page);
  await page.click(`#example-list button[data-file="${file}"]`);
  await waitForRun(page, runs); // (the gallery closes itself)
  return opened;
}

/** Opens request `index`'s explanation and waits for the full one. */
async function explain(page, index) {
  const card = page.locator(`.request[data-index="${index}"]`);
  const runs = await runCount(page);
  await card.locator("details.explain > summary").click();
  await waitForRun(page, runs);
  await card.locator(".explain-body").waitFor();
  return page.locator(`.request[data-index="${index}"]`);
}

test("an error result names the request's action and resource, and says its summary once", async () => {
  const { page, context, errors } = await openExample("role-chaining.json");
  for (const [index, action, resource] of [
    [1, "sts:AssumeRole", "arn:aws:iam::111122223333:role/Role2"],
    [3, "sts:AssumeRole", "arn:aws:iam::111122223333:role/Role3"],
    [7, "s3:GetObject", "arn:aws:s3:::projects/apollo/plan.txt"],
  ]) {
    const card = page.locator(`.request[data-index="${index}"]`);
    assert.equal(await card.getAttribute("data-decision"), "error");
    const what = (await card.locator(".what").textContent()).replace(/\s+/g, " ").trim();
    assert.ok(what.endsWith(`→ ${action} ${resource}`), what);
  }
  const card = await explain(page, 1);
  const body = await card.locator(".explain-body").textContent();
  const sentence = "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";
  assert.equal(body.split(sentence).length - 1, 1, body);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a request STS refuses for its duration, built in the builder, names what it asked", async () => {
  const { page, context } = await openExample("role-chaining.json");
  await page.selectOption("#req-kind", "assumeRole");
  await page.fill("#req-principal", "arn:aws:sts::111122223333:assumed-role/Role1/alice");
  await page.fill("#req-role", "arn:aws:iam::111122223333:role/Role2");
  await page.fill("#req-duration", "7200");
  const runs = await runCount(page);
  await page.click('#builder button[type="submit"]');
  await waitForRun(page, runs);
  const card = page.locator(".request").last();
  assert.equal(await card.getAttribute("data-decision"), "error");
  assert.match((await card.locator(".what").textContent()).replace(/\s+/g, " "), /→ sts:AssumeRole arn:aws:iam::111122223333:role\/Role2$/);

  // A web identity request STS refuses the same way.
  await page.selectOption("#req-kind", "webIdentity");
  await page.fill("#req-role", "arn:aws:iam::111122223333:role/Role1");
  await page.fill("#req-duration", "99999");
  const again = await runCount(page);
  await page.click('#builder button[type="submit"]');
  await waitForRun(page, again);
  const web = page.locator(".request").last();
  assert.equal(await web.getAttribute("data-decision"), "error");
  // (It has no principal to show: the token says who, and STS refused it before reading it.)
  assert.match((await web.locator(".what").textContent()).replace(/\s+/g, " ").trim(), /^(\S+ → )?sts:AssumeRoleWithWebIdentity arn:aws:iam::111122223333:role\/Role1$/);
  await context.close();
});

test("AWS's denial is said once in an implicit deny's check", async () => {
  const { page, context } = await openExample("role-chaining.json");
  const card = await explain(page, 6);
  const check = (await card.locator(".explain-body .check").textContent());
  const denial = "User: arn:aws:sts::111122223333:assumed-role/Role3/alice is not authorized to perform: s3:PutObject";
  assert.equal(check.split(denial).length - 1, 1, check);
  await context.close();
});

test("'line N' is offered for statements in the scenario, not for an AWS managed policy's", async () => {
  const { page, context } = await openExample("session-policy.json");
  const card = await explain(page, 2);
  const policy = (label) => card.locator(".policy", { has: page.locator(`.policy-head strong:text-is("${label}")`) });
  const managed = policy("AmazonEC2ReadOnlyAccess (AWS managed) of role Operator");
  assert.equal(await managed.locator(".statement").count(), 4);
  assert.equal(await managed.locator("button.link").count(), 0, "the managed policy's text is not in the editor");
  assert.equal(await policy("AmazonS3FullAccess (AWS managed) of role Operator").locator("button.link").count(), 0);
  // The session policy is written in the scenario: its statements' lines are offered, and show
  // the statement.
  const session = policy("session policy").locator("button.link");
  assert.deepEqual(await session.allTextContents(), ["line 17", "line 18"]);
  await session.first().click();
  const selected = await page.evaluate(() => {
    const el = document.querySelector("#scenario-input");
    return el.value.slice(el.selectionStart, el.selectionEnd);
  });
  assert.match(selected, /"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports\/\*"/);
  await context.close();
});

test("a policy no statement of which applies says so in words, in both languages", async () => {
  const { page, context } = await openExample("session-policy.json", { locale: "en-US" });
  let card = await explain(page, 2);
  const verdicts = () => card.locator(".policy-head .verdict").allTextContents();
  assert.ok((await verdicts()).includes(" — no statement applies"), String(await verdicts()));
  assert.ok(!(await card.textContent()).includes("noMatch"));
  const runs = await runCount(page);
  await page.selectOption("#language", "ja");
  await waitForRun(page, runs);
  card = page.locator('.request[data-index="2"]');
  assert.ok((await verdicts()).includes(" — 該当するステートメントなし"), String(await verdicts()));
  assert.equal(await card.locator(".policy", { has: page.locator('.policy-head strong:has-text("AmazonEC2ReadOnlyAccess")') }).locator("button.link").count(), 0);
  await context.close();
});

test("the run's summary counts in the singular and the plural", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  const alice = "arn:aws:iam::111122223333:user/alice";
  const read = { principal: alice, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" };
  const scenario = (requests) => ({ scenario: 1, title: "counts",
    users: [{ arn: alice, policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }] }],
    roles: [{ arn: "arn:aws:iam::111122223333:role/R", trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: alice }, Action: "sts:AssumeRole" }] } }],
    requests });
  const tooLong = { principal: alice, action: "sts:AssumeRole", resource: "arn:aws:iam::111122223333:role/R",
    parameters: { RoleSessionName: "a", DurationSeconds: 99999 }, expect: "allowed" };
  await setScenario(page, scenario([read, tooLong]));
  assert.equal(await page.textContent("#run-summary"), "2 requests · 1 allowed · 0 denied · 1 error · 1 expectation unmet");
  await setScenario(page, scenario([read]));
  assert.equal(await page.textContent("#run-summary"), "1 request · 1 allowed · 0 denied · 0 errors · 0 expectations unmet");
  await context.close();
});

test("while the results are out of date, the summary keeps counting them", async () => {
  const { page, context } = await openExample("admin-role-requires-mfa.json", { locale: "en-US" });
  const counts = await page.textContent("#run-summary");
  assert.match(counts, /^\d+ requests · \d+ allowed · /);
  await setScenario(page, (await page.inputValue("#scenario-input")).trimEnd().slice(0, -1));
  assert.equal(await page.getAttribute("#results", "data-stale"), "true");
  assert.equal(await page.textContent("#run-summary"), counts);
  await context.close();
});

test("the session card names the source identity as AWS's Japanese documentation and the explanations do", async () => {
  const { page, context } = await openExample("role-chaining.json", { locale: "ja-JP" });
  const terms = await page.locator('.request[data-index="0"] .session dt').allTextContents();
  assert.ok(terms.includes("ソースアイデンティティ"), String(terms));
  await context.close();
});

test("a finding's severity is in the page's language", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "ja-JP" });
  await setScenario(page, '{\n  "scenario": 1,\n  "requests": [],\n}');
  await page.waitForSelector('#findings .finding[data-severity="error"]');
  assert.equal(await page.textContent('#findings .finding[data-severity="error"] .sev'), "エラー");
  await context.close();
});

test("while an edit leaves the scenario unable to run, the last results stay, marked out of date", async () => {
  const { page, context, errors } = await openExample("admin-role-requires-mfa.json", { locale: "ja-JP" });
  const before = await decisions(page);
  assert.ok(before.length >= 3);
  const good = await page.inputValue("#scenario-input");
  // Half-typed: a brace missing at the end.
  await setScenario(page, good.trimEnd().slice(0, -1));
  assert.deepEqual(await decisions(page), before);
  assert.equal(await page.getAttribute("#results", "data-stale"), "true");
  assert.equal(await page.isVisible("#stale-note"), true);
  assert.match(await page.textContent("#stale-note"), /実行できた最後のバージョンの結果です/);
  assert.ok(await page.locator("#findings .finding[data-severity=\"error\"]").count() >= 1);
  // A closed request opened now: its summary, and a note that the rest comes with the next run.
  await page.click(".request .explain > summary");
  assert.ok((await page.textContent(".request .explain .summary")).length > 10);
  assert.match(await page.textContent(".request .brief-note"), /シナリオが再び実行されると表示されます/);
  assert.equal(await page.locator(".request .explain .check").count(), 0);
  // Mended: fresh results, nothing marked; the opened request is explained in full.
  await setScenario(page, good);
  assert.deepEqual(await decisions(page), before);
  assert.equal(await page.getAttribute("#results", "data-stale"), "false");
  assert.equal(await page.isVisible("#stale-note"), false);
  assert.equal(await page.locator(".request .brief-note").count(), 0);
  assert.ok(await page.locator(".request .explain .check").count() >= 1);
  // Another scenario that cannot run never shows this one's results.
  const runs = await runCount(page);
  await page.click("#new");
  await waitForRun(page, runs);
  await setScenario(page, "{");
  assert.deepEqual(await decisions(page), []);
  assert.equal(await page.isVisible("#stale-note"), false);
  assert.match(await page.textContent("#results"), /まだ実行できません/);
  assert.ok((await scenarioNow(page).catch(() => null)) === null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a text pasted over the whole scenario that cannot run does not show the old one's results", async () => {
  const { page, context, errors } = await openExample("ec2-instance-role-vs-access-keys.json",
    { locale: "en-US", permissions: ["clipboard-read", "clipboard-write"] });
  assert.ok((await decisions(page)).length >= 3);
  const paste = async (text) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    const runs = await runCount(page);
    await page.keyboard.press("Control+V");
    await waitForRun(page, runs);
  };
  // Pasted over part of the text (a brace missing now): still this scenario, its results stay.
  const good = await page.inputValue("#scenario-input");
  await page.focus("#scenario-input");
  await page.evaluate((n) => document.querySelector("#scenario-input").setSelectionRange(n - 2, n), good.length);
  await paste(" ");
  assert.equal(await page.getAttribute("#results", "data-stale"), "true");
  // Pasted over all of it: another scenario, whose results are not the old ones.
  await page.keyboard.press("Control+A");
  await paste('{ "scenario": 1, "title": "another", "users": [ ');
  assert.equal(await page.inputValue("#scenario-input"), '{ "scenario": 1, "title": "another", "users": [ ');
  assert.deepEqual(await decisions(page), []);
  assert.equal(await page.isVisible("#stale-note"), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an engine sentence's backtick spans are shown as code, hostile text stays text, odd backticks stay as written", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin);
  // The helper itself, on the page.
  const shown = await page.evaluate(async () => {
    const { h, prose } = await import("./dom.js");
    const render = (text) => {
      const el = h("p", {}, prose(text));
      return { html: el.innerHTML, text: el.textContent, codes: [...el.querySelectorAll("code")].map((c) => c.textContent) };
    };
    return {
      plain: render("no code here"),
      two: render("`sts:AssumeRole` matches sts:AssumeRole; add it under `users`"),
      hostile: render("see `<img src=x onerror=\"window.pwned=1\">` and <b>this</b>"),
      odd: render("a `b` c `d"),
      empty: render("an empty `` pair"),
    };
  });
  assert.deepEqual(shown.plain, { html: "no code here", text: "no code here", codes: [] });
  assert.equal(shown.two.html, "<code>sts:AssumeRole</code> matches sts:AssumeRole; add it under <code>users</code>");
  assert.deepEqual(shown.hostile.codes, ['<img src=x onerror="window.pwned=1">']);
  assert.equal(shown.hostile.text, 'see <img src=x onerror="window.pwned=1"> and <b>this</b>');
  assert.deepEqual(shown.odd, { html: "a `b` c `d", text: "a `b` c `d", codes: [] });
  assert.deepEqual(shown.empty.codes, []);
  assert.equal(shown.empty.text, "an empty `` pair");

  // On the page: statement details, condition reasons, summaries and findings.
  const alice = "arn:aws:iam::111122223333:user/alice";
  const hostile = "`<img src=x onerror=\"window.pwned=1\">`";
  await setScenario(page, {
    scenario: 1, title: "backticks",
    users: [{ arn: alice, policies: [{ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*",
      Condition: { StringEquals: { "aws:username": [hostile, "odd`one"] } } }] }] }],
    requests: [
      { name: "read", principal: alice, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
      { name: "nobody", principal: "arn:aws:iam::111122223333:user/nobody", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
    ],
  });
  // A finding: the policy has no `Version`.
  const finding = page.locator("#findings .finding", { hasText: "has no Version" });
  assert.equal(await finding.locator("code", { hasText: /^Version$/ }).count(), 1, await page.textContent("#findings"));
  let card = await explain(page, 0);
  const action = card.locator(".elements li", { has: page.locator('code:text-is("Action")') }).first();
  assert.deepEqual(await action.locator("code").allTextContents(), ["Action", "s3:GetObject"]);
  assert.ok(!(await action.textContent()).includes("`"), await action.textContent());
  const reason = card.locator(".elements li", { has: page.locator('code:text-is("StringEquals aws:username")') });
  const text = await reason.textContent();
  assert.ok(text.includes(hostile) && text.includes("odd`one"), text);
  assert.equal(await page.locator(".explain-body img, .explain-body b").count(), 0);
  card = await explain(page, 1);
  const summary = card.locator(".summary");
  assert.deepEqual(await summary.locator("code").allTextContents(), ["users"], await summary.textContent());
  assert.ok(!(await summary.textContent()).includes("`"));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a denial's reason is said once: in the summary, not again under the check", async () => {
  const { page, context } = await openExample("cross-account-external-id.json");
  const card = await explain(page, 1);
  assert.equal(await card.getAttribute("data-decision"), "implicitDeny");
  const reason = "Cross-account: the role trust policy in the resource's account does not allow this caller, so the trusting account refuses.";
  assert.ok((await card.locator(".summary").textContent()).includes(reason));
  const body = await card.locator(".explain-body").textContent();
  assert.equal(body.split(reason).length - 1, 1, body);
  // A check's reason the summary does not give stays under its check.
  const { page: lambda, context: other } = await openExample("lambda-pass-role.json");
  const flow = await explain(lambda, 1);
  const call = flow.locator(".check").first();
  assert.equal(await call.getAttribute("data-decision"), "allowed");
  assert.deepEqual(await call.locator(".reasons li").allTextContents(), ["An identity-based policy allows the request, and nothing denies it."]);
  const passRole = flow.locator('.check[data-decision="implicitDeny"]');
  assert.equal(await passRole.locator(".reasons li").count(), 0);
  await other.close();
  await context.close();
});

test("an SCP's header names its level once", async () => {
  const { page, context } = await openExample("scp-denies.json");
  const card = await explain(page, 1);
  const heads = (await card.locator(".policy-head").allTextContents()).map((s) => s.replace(/\s+/g, " ").trim());
  assert.ok(heads.includes("service control policy SCP FullAWSAccess (AWS managed) at r-ab12 — allow"), heads.join("\n"));
  assert.ok(heads.includes("service control policy SCP policy OnlyS3AndEc2 at ou-ab12-11111111 — no statement applies"), heads.join("\n"));
  for (const head of heads) assert.doesNotMatch(head, /\((r-|ou-|\d{12})[^)]*\)/, head);
  await context.close();
});

test("the request context table breaks no word on a phone or a desktop", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const { page, context } = await openExample("scp-denies.json", { viewport });
    const card = await explain(page, 1);
    const table = card.locator("table.context");
    await table.scrollIntoViewIfNeeded();
    const layout = await table.evaluate((el) => {
      const lines = (node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      const visible = (node) => node.getBoundingClientRect().width > 1;
      return {
        // A key wraps only after a "/", a source and a header never.
        keys: [...el.querySelectorAll("tbody td:first-child code")].filter((c) => !c.textContent.includes("/"))
          .map((c) => [c.textContent, lines(c)]),
        sources: [...el.querySelectorAll("tbody td:last-child")].map((c) => [c.textContent, lines(c)]),
        headers: [...el.querySelectorAll("th")].filter(visible).map((c) => [c.textContent, lines(c)]),
        overflows: el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > el.closest(".request").getBoundingClientRect().right,
      };
    });
    const broken = [...layout.keys, ...layout.sources, ...layout.headers].filter(([, n]) => n !== 1);
    assert.ok(layout.keys.length > 10 && layout.sources.length === layout.keys.length);
    assert.deepEqual(broken, [], `${viewport.width}px: ${JSON.stringify(broken)}`);
    assert.equal(layout.overflows, false, `${viewport.width}px: the table overflows its card`);
    await context.close();
  }
});
