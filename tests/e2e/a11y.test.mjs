// End-to-end: what assistive technology and keyboard users get — a visible focus ring on the
// scenario editor, named selects (and a visible name where the choice alone does not say what it
// is) on a narrow screen, explanation toggles told apart by name, and the outcome of each run said
// through a polite live region, only when it changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun, setScenario } from "./harness.mjs";

const env = pageSuite();
const ALICE = "arn:aws:iam::111122223333:user/alice";

/** The accessible names of the explanation toggles (<summary>), from Chromium's accessibility tree. */
async function toggleNames(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === "DisclosureTriangle").map((n) => n.name?.value ?? "");
}

test("the focused scenario editor shows a focus ring that nothing clips", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin);
  await page.focus("#scenario-input");
  const ring = await page.evaluate(() => {
    const editor = document.querySelector("#scenario-input").closest(".editor");
    const style = getComputedStyle(editor);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), overflow: getComputedStyle(editor.parentElement).overflow };
  });
  assert.notEqual(ring.style, "none");
  assert.ok(ring.width >= 2, `outline ${ring.width}px`);
  assert.equal(ring.overflow, "visible", "the editor's own container does not clip its ring");
  await context.close();
});

/** Where the toolbar's label `text` is drawn, or null when it is out of sight (a 1 px box). */
async function labelBox(page, text) {
  const box = await page.locator(".toolbar .select span", { hasText: text }).boundingBox();
  return box && box.width > 1 && box.height > 1 ? box : null;
}

test("on a phone the Theme select says what it is, in both languages, and the Language select keeps its name", async () => {
  for (const [locale, language, theme] of [["en-US", "Language", "Theme"], ["ja-JP", "言語", "テーマ"]]) {
    const { page, context } = await openReady(env.browser, env.server.origin, "/", { viewport: { width: 390, height: 844 }, locale });
    assert.equal(await page.getByRole("combobox", { name: language, exact: true }).count(), 1);
    assert.equal(await page.getByRole("combobox", { name: theme, exact: true }).count(), 1);
    // "English" and "日本語" say what they choose: that label is out of sight. "System" does not:
    // the theme's label is in sight, on the screen, beside its select.
    assert.equal(await labelBox(page, language), null);
    const label = await labelBox(page, theme);
    const select = await page.locator("#theme").boundingBox();
    assert.ok(label && label.x >= 0 && label.x + label.width <= select.x && select.x + select.width <= 390,
      `${locale}: ${JSON.stringify({ label, select })}`);
    await context.close();
  }
});

test("on a wide screen both selects' labels are in sight, on the toolbar's one row", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { viewport: { width: 1400, height: 900 }, locale: "en-US" });
  assert.ok(await labelBox(page, "Language"));
  assert.ok(await labelBox(page, "Theme"));
  const run = await page.locator("#run").boundingBox();
  const theme = await page.locator("#theme").boundingBox();
  assert.ok(Math.abs((run.y + run.height / 2) - (theme.y + theme.height / 2)) < 4, JSON.stringify({ run, theme }));
  await context.close();
});

test("each explanation toggle is named after its request", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await page.click("#examples > summary");
  const runs = await runCount(page);
  await page.click('#example-list button[data-file="role-chaining.json"]');
  await waitForRun(page, runs);
  const cards = await page.locator(".request").count();
  const names = (await toggleNames(page)).filter((n) => n.startsWith("Explanation"));
  assert.equal(names.length, cards);
  assert.equal(new Set(names).size, cards, "no two toggles share a name");
  assert.ok(names.includes("Explanation of request 2: Role1's session asks Role2 for two hours: chaining caps sessions at one hour"), String(names));
  // The visible word is part of the name, in Japanese too.
  const ja = await runCount(page);
  await page.selectOption("#language", "ja");
  await waitForRun(page, ja);
  const jaNames = (await toggleNames(page)).filter((n) => n.endsWith("の説明"));
  assert.ok(jaNames.includes("リクエスト 2「Role1's session asks Role2 for two hours: chaining caps sessions at one hour」の説明"), String(jaNames));
  await context.close();
});

/** Every text the run status has been given since the page started watching it. */
function watchStatus(page) {
  return page.evaluate(() => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(document.querySelector("#run-status").textContent))
      .observe(document.querySelector("#run-status"), { childList: true, characterData: true, subtree: true });
  });
}
const said = (page) => page.evaluate(() => window.__said);

test("the outcome of a run is said politely, errors too when there were no results, and only when it changes", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  assert.equal(await page.getAttribute("#run-status", "role"), "status");
  assert.equal(await page.getAttribute("#run-status", "aria-live"), "polite");
  // The counts and the stale note are said through it, not twice.
  assert.equal(await page.getAttribute("#run-summary", "role"), null);
  assert.equal(await page.getAttribute("#stale-note", "role"), null);
  let runs = await runCount(page);
  await page.click("#new");
  await waitForRun(page, runs);
  assert.equal(await page.textContent("#run-status"), "The scenario has no requests yet: add one below.");
  // No results before it: the error is said all the same.
  await setScenario(page, '{ "scenario": 1, "requests": [');
  assert.equal(await page.textContent("#run-status"), "The scenario cannot run: 1 error, listed under the editor.");
  // More typing with the same outcome says nothing more.
  await watchStatus(page);
  for (const more of ['{ "scenario": 1, "requests": [ {', '{ "scenario": 1, "requests": [ { "name"', '{ "scenario": 1, "requests": [ { "name": "a"']) {
    await setScenario(page, more);
  }
  assert.deepEqual(await said(page), []);
  await setScenario(page, JSON.stringify({ scenario: 1, users: [{ arn: ALICE }], requests: [{ principal: ALICE, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }] }));
  assert.equal(await page.textContent("#run-status"), "Ran the scenario: 1 request, 0 allowed, 1 denied, 0 errors, 0 expectations unmet.");
  assert.equal((await said(page)).length, 1);
  // An edit that leaves results on screen but cannot run says both.
  await setScenario(page, JSON.stringify({ scenario: 1, users: [{ arn: ALICE }], requests: [{ principal: ALICE, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }] }).slice(0, -1));
  assert.equal(await page.textContent("#run-status"),
    "The scenario cannot run: 1 error, listed under the editor. The results shown are those of its last version that could run.");
  runs = await runCount(page);
  await page.selectOption("#language", "ja");
  await waitForRun(page, runs);
  assert.equal(await page.textContent("#run-status"),
    "シナリオを実行できません: エラー 1 件 (エディターの下に表示しています)。表示中の結果は、実行できた最後のバージョンのものです。");
  await context.close();
});
