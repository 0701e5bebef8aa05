// End-to-end: what assistive technology and keyboard users get — a visible focus ring on the
// scenario editor, named selects on a narrow screen, and explanation toggles told apart by name.
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

test("on a narrow screen the Language and Theme selects keep their names", async () => {
  const { page, context } = await openReady(env.browser, env.server.origin, "/", { viewport: { width: 480, height: 900 }, locale: "en-US" });
  assert.equal(await page.getByRole("combobox", { name: "Language", exact: true }).count(), 1);
  assert.equal(await page.getByRole("combobox", { name: "Theme", exact: true }).count(), 1);
  // ...while their labels are out of sight, as the narrow layout wants.
  const box = await page.locator(".toolbar .select span").first().boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1, JSON.stringify(box));
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
