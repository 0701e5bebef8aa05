// End-to-end: the editor keeps up with typing in a large scenario by drawing only what changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageSuite, openReady } from "./harness.mjs";

const env = pageSuite();

test("typing within a line does not draw the line numbers again; a new line does", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await page.evaluate(() => { window.firstNumber = document.querySelector("#editor-host .gutter .ln"); });
  const lines = () => page.locator("#editor-host .gutter .ln:not(.pad)").count();
  const before = await lines();
  await page.focus("#scenario-input");
  await page.evaluate(() => { const t = document.querySelector("#scenario-input"); const i = t.value.indexOf('"title"'); t.setSelectionRange(i, i); });
  await page.keyboard.type("  ");
  assert.equal(await page.evaluate(() => window.firstNumber === document.querySelector("#editor-host .gutter .ln")), true,
    "the same line-number elements after typing within a line");
  await page.keyboard.press("Enter");
  assert.equal(await lines(), before + 1);
  assert.equal(await page.evaluate(() => window.firstNumber === document.querySelector("#editor-host .gutter .ln")), false);
  assert.deepEqual(errors, []);
  await context.close();
});
