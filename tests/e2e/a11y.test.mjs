// End-to-end: what assistive technology and keyboard users get — a visible focus ring on the
// scenario editor, named selects (and a visible name where the choice alone does not say what it
// is) on a narrow screen, and explanation toggles told apart by name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady, runCount, waitForRun } from "./harness.mjs";

const env = pageSuite();

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
