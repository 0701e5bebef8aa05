// Typing in a large scenario, in headless Chromium: the time the page takes per keystroke in the
// main editor, with the 2,148-line scenario of 20 requests over 50 policies (bench/fixtures).
// For each key, from the `input` event (a capturing listener on the window, which runs before the
// editor's own) to the end of the event's synchronous work (a bubbling listener on the window,
// which runs after it), then the style and layout that the next frame needs (forced at once in a
// requestAnimationFrame callback, so that the wait for the frame itself is not counted).
// Also the time to a task posted from that callback, which runs once the frame has been drawn
// (painting too, and the wait for the frame's turn). Median over the keys, typed in the middle of
// the text: letters inside a string, then Enter
// (which adds a line, and so draws the line numbers again). Then the whole text replaced at once,
// and Ctrl+Shift+F (Format) on the scenario written on one line, which Chromium puts in with input
// events for each line.
//
//   node bench/typing.mjs [--keys 50] [--editor FILE]
//
// `--editor FILE` serves FILE as /editor.js instead of www/editor.js, to time another version
// of the editor on the same page, e.g. the one on main:
//   git show main:www/editor.js > /tmp/editor-main.js && node bench/typing.mjs --editor /tmp/editor-main.js
// playwright-core comes from the root node_modules (scripts/setup.sh test); Chromium from Debian.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { launchBrowser, startServer, runCount, waitForRun } from "../tests/e2e/harness.mjs";

const { values: args } = parseArgs({ options: { keys: { type: "string", default: "50" }, editor: { type: "string" } } });
const keys = Number(args.keys);
const fixture = await readFile(new URL("fixtures/20-requests-50-policies.json", import.meta.url), "utf8");
const editorSource = args.editor ? await readFile(args.editor, "utf8") : null;

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1400, height: 900 } });
  if (editorSource) {
    await context.route((url) => url.pathname === "/editor.js", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: editorSource }));
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(server.origin + "/");
  await page.waitForSelector("body[data-ready]", { timeout: 20_000 });
  // Set as a value, not typed: Chromium inserts typed or pasted-by-command text a line at a time,
  // with an input event for each line.
  const runs = await runCount(page);
  await page.evaluate((text) => {
    const textarea = document.querySelector("#scenario-input");
    textarea.value = text;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }, fixture);
  await waitForRun(page, runs);
  // The editor draws a replaced text after the run that follows it; let that, the panes and the
  // saving settle.
  await page.waitForTimeout(1500);
  const lines = await page.evaluate(() => document.querySelector("#scenario-input").value.split("\n").length);

  await page.evaluate(() => {
    const textarea = document.querySelector("#scenario-input");
    window.typingTimes = [];
    window.typed = 0;
    // A key may cause more than one input event (Enter here: the editor inserts the new line and
    // its indentation by a command, which Chromium reports as one event per line it inserts); a
    // key's time runs from its first event's start to its last event's end.
    let key = null;
    window.addEventListener("input", (event) => {
      if (event.target !== textarea) return;
      if (key) { key.events++; return; }
      key = { start: performance.now(), end: 0, events: 1 };
      requestAnimationFrame(() => {
        const { start, end, events } = key;
        key = null;
        const before = performance.now();
        void document.body.offsetHeight; // style and layout, as the frame would do them
        const layout = performance.now() - before;
        // A task posted from the frame runs once the frame has been drawn: the time to it also
        // counts painting, and the wait for the frame's turn.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.typingTimes.push({ sync: end - start, layout, total: end - start + layout, frame: performance.now() - start, events });
          window.typed++;
        };
        channel.port2.postMessage(null);
      });
    }, true);
    window.addEventListener("input", (event) => {
      if (event.target === textarea && key) key.end = performance.now();
    });
  });

  /** Types each key at `anchor` (the middle of the text), one at a time, and returns the medians. */
  async function typeKeys(anchor, pressed) {
    await page.focus("#scenario-input");
    await page.evaluate((anchor) => {
      const textarea = document.querySelector("#scenario-input");
      const middle = Math.floor(textarea.value.length / 2);
      const at = textarea.value.indexOf(anchor, middle) + anchor.length;
      textarea.setSelectionRange(at, at);
      window.typingTimes = [];
      window.typed = 0;
    }, anchor);
    const warmup = 5;
    for (let i = 0; i < pressed.length; i++) {
      await page.keyboard.press(pressed[i]);
      await page.waitForFunction((n) => window.typed > n, i, { polling: 1 });
      if (i === warmup - 1) await page.evaluate(() => { window.typingTimes.length = 0; });
    }
    const times = await page.evaluate(() => window.typingTimes);
    const median = (key) => {
      const sorted = times.map((t) => t[key]).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)];
    };
    return { n: times.length, sync: median("sync"), layout: median("layout"), total: median("total"), frame: median("frame"), events: median("events") };
  }

  const letters = Array.from({ length: keys + 5 }, (_, i) => "abcdefghijklmnopqrstuvwxyz"[i % 26]);
  const typed = await typeKeys('"Sid": "Items', letters);
  const enters = await typeKeys('"Sid": "Read",', Array(Math.max(10, Math.floor(keys / 2)) + 5).fill("Enter"));

  // The whole text replaced at once (an example, an import, a paste over all): every line is new.
  const replaced = await page.evaluate(async (text) => {
    const textarea = document.querySelector("#scenario-input");
    const other = text.replace(/\n/g, "\n ");
    const times = [];
    for (let i = 0; i < 11; i++) {
      textarea.value = i % 2 ? text : other;
      const start = performance.now();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      times.push(performance.now() - start);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
    return times.sort((a, b) => a - b)[5];
  }, fixture);

  // Ctrl+Shift+F (Format) in the editor on the scenario written on one line: the page puts the
  // formatted text in through the editing command (so that Ctrl+Z brings the line back), and
  // Chromium reports that as input events for each line inserted, each with the whole new text.
  await page.evaluate((text) => {
    const textarea = document.querySelector("#scenario-input");
    textarea.value = JSON.stringify(JSON.parse(text));
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    window.formatted = null;
    let events = 0;
    let start = 0;
    textarea.addEventListener("input", () => { if (!events++) start = performance.now(); }, true);
    textarea.addEventListener("input", () => {
      if (textarea.value.split("\n").length > 2000) window.formatted = { ms: performance.now() - start, events };
    });
  }, fixture);
  await page.waitForTimeout(1000);
  await page.focus("#scenario-input");
  await page.keyboard.press("Control+Shift+F");
  const formatted = await page.waitForFunction(() => window.formatted?.events > 2000 && window.formatted, null, { timeout: 600_000 })
    .then((handle) => handle.jsonValue());

  const agent = await page.evaluate(() => navigator.userAgent);
  console.log(agent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? agent);
  console.log(`editor: ${args.editor ?? "www/editor.js"}; scenario: bench/fixtures/20-requests-50-policies.json, ${lines} lines`);
  const ms = (t) => `median ${t.total.toFixed(1)} ms (synchronous ${t.sync.toFixed(1)} ms + style and layout ${t.layout.toFixed(1)} ms), ${t.n} keys, ${t.events} input event(s) each; ` +
    `to the end of the next frame ${t.frame.toFixed(1)} ms`;
  console.log(`a letter inside a string in the middle of the text: ${ms(typed)}`);
  console.log(`Enter in the middle of the text (a new line):       ${ms(enters)}`);
  console.log(`the whole text replaced, every line new (one input event): median ${replaced.toFixed(1)} ms synchronous, 11 times`);
  console.log(`Ctrl+Shift+F on the scenario written on one line: ${formatted.events} input events, ` +
    `${formatted.ms.toFixed(0)} ms from the first event's start to the last one's end`);
  if (errors.length) throw new Error(`the page failed: ${errors.join("; ")}`);
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
