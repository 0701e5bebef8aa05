// End-to-end: the editor keeps up with typing in a large scenario by drawing only what changed,
// and what it draws that way is what drawing the whole text afresh gives: the same rows, colours,
// marks and line numbers, laid out where the textarea has its text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { pageSuite, openReady, startServer } from "./harness.mjs";

const env = pageSuite();

/**
 * Puts checking helpers on the page's `window` (run through page.evaluate, which the page's
 * Content-Security-Policy does not stop):
 * - `oracleNodes(text, marks)`: the whole text highlighted at once, as the editor did before it
 *   drew line by line (a flat sequence of spans and text nodes, then "\n "), written here again
 *   so that it does not share the editor's code. Keys are strings followed by a colon on their
 *   line. `marks` are [{start, end, severity}] offsets in the text.
 * - `findingMarks(text, findings)`: the marks of findings' lines and columns, as the editor places
 *   them; `shownMarks(highlight)`: the marks the highlighted copy shows, each marked span's.
 * - `charClasses(root)`: each character under `root` with the class of its span ("" outside).
 * - `structure(editor)`: the highlighted copy's rows and the gutter's line numbers, as plain data.
 */
function installHelpers() {
  const TOKEN = /("(?:[^"\\\n]|\\.)*"?)([^\S\n]*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],])|(\s+)|(.)/gy;
  const offsetOf = (text, line, column) => {
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf("\n", offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    return Math.min(text.length, offset + Math.max(0, column - 1));
  };
  window.findingMarks = (text, findings) => findings.filter((f) => f.line).map((f) => {
    const start = offsetOf(text, f.line, f.column);
    let end = f.endLine ? offsetOf(text, f.endLine, f.endColumn) : start + 1;
    if (end <= start) end = Math.min(text.length, start + 1);
    return { start, end, severity: f.severity };
  });
  window.shownMarks = (highlight) => {
    const marks = [];
    let at = 0;
    const walker = document.createTreeWalker(highlight, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const mark = / mark-(\S+)/.exec(node.parentNode.className ?? "");
      if (mark) marks.push({ start: at, end: at + node.data.length, severity: mark[1] });
      at += node.data.length;
    }
    return marks;
  };
  window.oracleNodes = (text, marks = []) => {
    const out = [];
    const piece = (from, to, kind) => {
      const mark = marks.find((m) => m.start <= from && m.end > from);
      const cls = [kind, mark ? `mark mark-${mark.severity}` : ""].join(" ").trim();
      if (!cls) { out.push(document.createTextNode(text.slice(from, to))); return; }
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = text.slice(from, to);
      out.push(span);
    };
    const pieces = (start, end, kind) => {
      const cuts = marks.flatMap((m) => [m.start, m.end]).filter((c) => c > start && c < end).sort((a, b) => a - b);
      let from = start;
      for (const to of [...cuts, end]) { if (to > from) piece(from, to, kind); from = to; }
    };
    TOKEN.lastIndex = 0;
    let m;
    while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) {
      const kind = m[1] ? (m[2] ? "key" : "string") : m[3] ? "number" : m[4] ? "literal" : m[5] ? "punct" : m[6] ? "" : "other";
      const keyEnd = m[1] && m[2] ? m.index + m[1].length : TOKEN.lastIndex;
      pieces(m.index, keyEnd, kind);
      if (keyEnd < TOKEN.lastIndex) pieces(keyEnd, TOKEN.lastIndex, "punct");
    }
    out.push(document.createTextNode("\n "));
    return out;
  };
  window.charClasses = (root) => {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const cls = node.parentNode.nodeName === "SPAN" ? node.parentNode.className : "";
      for (const c of node.data) out.push(`${c}|${cls}`);
    }
    return out;
  };
  window.structure = (editor) => ({
    rows: [...editor.highlight.childNodes].map((row) => [row.nodeName, row.attributes.length,
      ...[...row.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? ["#text", n.data] : [n.nodeName, n.className, n.childElementCount, n.textContent]))]),
    numbers: [...editor.gutter.childNodes].map((n) => [n.nodeName, n.className, n.dataset.line ?? null,
      n.dataset.severity ?? null, n.getAttribute("title"), n.textContent]),
  });
}

test("typing within a line draws again only that line; a new line adds a line number and keeps the others", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await page.evaluate(() => {
    const rows = document.querySelector("#editor-host .highlight").children;
    window.kept = { number: document.querySelector("#editor-host .gutter .ln"), first: rows[0], last: rows[rows.length - 2] };
  });
  const lines = () => page.locator("#editor-host .gutter .ln:not(.pad)").count();
  const before = await lines();
  await page.focus("#scenario-input");
  const line = await page.evaluate(() => {
    const t = document.querySelector("#scenario-input");
    const i = t.value.indexOf('"title"');
    t.setSelectionRange(i, i);
    return t.value.slice(0, i).split("\n").length - 1;
  });
  await page.evaluate((line) => { window.kept.typed = document.querySelector("#editor-host .highlight").children[line]; }, line);
  await page.keyboard.type("  ");
  const after = await page.evaluate((line) => {
    const rows = document.querySelector("#editor-host .highlight").children;
    const value = document.querySelector("#scenario-input").value;
    return {
      number: window.kept.number === document.querySelector("#editor-host .gutter .ln"),
      first: window.kept.first === rows[0], last: window.kept.last === rows[rows.length - 2],
      typed: window.kept.typed === rows[line], shows: rows[line].textContent === `${value.split("\n")[line]}\n`,
    };
  }, line);
  assert.deepEqual(after, { number: true, first: true, last: true, typed: false, shows: true },
    "the line numbers and the other lines' rows are kept; the typed line's row is new and shows it");
  await page.keyboard.press("Enter");
  assert.equal(await lines(), before + 1);
  const numbers = await page.$$eval("#editor-host .gutter .ln:not(.pad)", (els) => els.map((e) => [e.textContent, e.dataset.line]));
  assert.deepEqual(numbers, Array.from({ length: before + 1 }, (_, i) => [String(i + 1), String(i + 1)]));
  assert.equal(await page.evaluate(() => window.kept.number === document.querySelector("#editor-host .gutter .ln")), true,
    "a new line adds its number, the others stay");
  assert.equal(await page.locator("#editor-host .highlight > div").count(), before + 2, "a row per line, and the last row");
  assert.deepEqual(errors, []);
  await context.close();
});

test("after random edits, pastes, undo and redo, and findings coming and going, the editor draws what a fresh one draws", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await page.evaluate(installHelpers);
  for (const seed of [1, 2, 3]) {
    const problem = await page.evaluate(async ({ seed, steps }) => {
      // mulberry32, so that a failing sequence of edits can be replayed from its seed.
      let state = seed;
      const random = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = (list) => list[Math.floor(random() * list.length)];
      const int = (n) => Math.floor(random() * n);
      const { JsonEditor } = await import("/editor.js");
      const formatProblem = { current: null };
      const formatter = async () => ({ problem: formatProblem.current });
      const host = document.createElement("div");
      host.style.width = "500px";
      document.body.prepend(host);
      const editor = new JsonEditor({ label: "checked", rows: 10, formatter });
      host.append(editor.element);
      editor.render();
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const snippets = ['"key": ', '"value"', "123", "-4.5e3", "true", "null", "{", "}", "[", "]", ",", ":", " ", "\n",
        "\n    ", "\t", '"日本語のキー": "値"', "😀", '\\"', "\\", '"unterminated', "<img src=x onerror=alert(1)>",
        "a\r\nb\r\n", "ｘ", "\u00a0", '"Action": ["s3:*", "ec2:*"],\n'];
      const lineOf = (text, i) => text.slice(0, i).split("\n").length;
      const ops = {
        insert() {
          const t = editor.textarea.value;
          const at = int(t.length + 1);
          editor.textarea.setSelectionRange(at, at);
          document.execCommand("insertText", false, Array.from({ length: 1 + int(3) }, () => pick(snippets)).join(""));
        },
        remove() {
          const t = editor.textarea.value;
          const from = int(t.length + 1);
          editor.textarea.setSelectionRange(from, Math.min(t.length, from + 1 + int(40)));
          document.execCommand("delete");
        },
        insertLines() {
          const t = editor.textarea.value;
          const starts = [0, ...[...t.matchAll(/\n/g)].map((m) => m.index + 1)];
          const at = pick(starts);
          editor.textarea.setSelectionRange(at, at);
          document.execCommand("insertText", false, Array.from({ length: 1 + int(6) }, (_, i) => `    "k${i}": ${i},\n`).join(""));
        },
        removeLines() {
          const t = editor.textarea.value;
          const starts = [0, ...[...t.matchAll(/\n/g)].map((m) => m.index + 1)];
          const from = int(starts.length);
          const to = Math.min(starts.length - 1, from + 1 + int(5));
          editor.textarea.setSelectionRange(starts[from], to > from ? starts[to] : t.length);
          document.execCommand("delete");
        },
        pasteOverAll() {
          editor.textarea.select();
          const doc = { title: `seed ${seed}`, policies: { P: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] } } };
          const text = pick([JSON.stringify(doc, null, 2), JSON.stringify(doc, null, "\t").replace(/\n/g, "\r\n"), JSON.stringify(doc), "{\n}"]);
          document.execCommand("insertText", false, text);
        },
        empty() {
          editor.textarea.select();
          document.execCommand("delete");
        },
        undo() { document.execCommand("undo"); },
        redo() { document.execCommand("redo"); },
        async setValue() {
          // As the panes and the examples replace the text: drawn at the next frame.
          editor.setValue(pick(["", "{}", '{\n  "a": [1, 2, 3]\n}', editor.textarea.value + "\n"]));
          await frame();
        },
        findings() {
          const t = editor.textarea.value;
          const lines = t.split("\n").length;
          const list = Array.from({ length: int(5) }, () => {
            const line = 1 + int(lines + 2);
            const f = { severity: pick(["error", "warning", "security-warning", "suggestion"]), message: `finding <b>${int(9)}</b>`, line, column: 1 + int(30) };
            if (random() < 0.6) { f.endLine = line + int(3); f.endColumn = 1 + int(30); }
            return f;
          });
          editor.setFindings(random() < 0.2 ? [] : list);
        },
        async formatFails() {
          const t = editor.textarea.value;
          formatProblem.current = { message: "expected a value", line: 1 + int(t.split("\n").length), column: 1 + int(10) };
          await editor.format();
        },
        async scroll() {
          editor.textarea.scrollTop = int(400);
          editor.textarea.scrollLeft = int(200);
          await frame();
        },
      };
      const weights = { insert: 8, remove: 6, insertLines: 3, removeLines: 3, pasteOverAll: 1, empty: 0.5, undo: 3, redo: 1, setValue: 1, findings: 2, formatFails: 1, scroll: 1 };
      const names = Object.entries(weights).flatMap(([name, w]) => Array(w * 2).fill(name));
      const done = [];
      for (let step = 0; step < steps; step++) {
        const name = pick(names);
        editor.textarea.focus();
        await ops[name]();
        done.push(name);
        const text = editor.textarea.value;
        if (text.includes("\r")) return { seed, step, done, wrong: "the textarea kept a CR" };
        const fresh = new JsonEditor({ label: "fresh", formatter });
        fresh.textarea.value = text;
        fresh.setFindings(editor.findings);
        if (editor.problem) fresh.problem = editor.problem;
        fresh.render();
        const mine = structure(editor);
        const theirs = structure(fresh);
        const wrong =
          JSON.stringify(mine.rows) !== JSON.stringify(theirs.rows) ? "the highlighted rows differ from a fresh editor's"
          : JSON.stringify(mine.numbers) !== JSON.stringify(theirs.numbers) ? "the line numbers differ from a fresh editor's"
          : editor.highlight.textContent !== `${text}\n ` ? "the highlighted copy's text is not the textarea's"
          : editor.highlight.querySelector(":scope img, :scope b, :scope span *, :scope > div *:not(span), :scope > :not(div)") ? "user text became markup"
          : (() => {
            const flat = document.createElement("pre");
            flat.append(...oracleNodes(text, findingMarks(text, editor.marks())));
            return JSON.stringify(charClasses(editor.highlight)) !== JSON.stringify(charClasses(flat));
          })() ? "the colours or marks differ from highlighting the whole text at once"
          : editor.rows.length !== text.split("\n").length ? "not one row per line"
          : null;
        if (wrong) {
          const first = mine.rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(theirs.rows[i]));
          return { seed, step, done: done.slice(-8), wrong, lines: text.split("\n").length, row: first,
            mine: mine.rows[first], theirs: theirs.rows[first], findings: editor.marks() };
        }
      }
      host.remove();
      return null;
    }, { seed, steps: 250 });
    assert.equal(problem, null, JSON.stringify(problem, null, 1));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("keys typed, pasted (CRLF), undone and redone in the scenario editor leave it highlighted as a whole", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await page.evaluate(installHelpers);
  const check = async (what) => {
    const result = await page.evaluate(() => {
      const text = document.querySelector("#scenario-input").value;
      const highlight = document.querySelector("#editor-host .highlight");
      const flat = document.createElement("pre");
      flat.append(...oracleNodes(text));
      // The engine's findings are marked too; the colours of the text are compared here (the
      // marks with findings given to the editor, in the test above).
      const strip = (list) => list.map((c) => c.replace(/ ?mark mark-\S+/, ""));
      return {
        text: highlight.textContent === `${text}\n `,
        rows: highlight.children.length === text.split("\n").length + 1,
        colours: JSON.stringify(strip(charClasses(highlight))) === JSON.stringify(strip(charClasses(flat))),
        numbers: document.querySelectorAll("#editor-host .gutter .ln:not(.pad)").length === text.split("\n").length,
      };
    });
    assert.deepEqual(result, { text: true, rows: true, colours: true, numbers: true }, what);
  };
  await page.focus("#scenario-input");
  await page.evaluate(() => {
    const t = document.querySelector("#scenario-input");
    const i = Math.floor(t.value.length / 2);
    t.setSelectionRange(i, i);
  });
  await page.keyboard.type('"typed": "日本語 and tabs\t",');
  await check("typed");
  await page.keyboard.press("Enter");
  await page.keyboard.type('"n": 1');
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await check("Enter and Backspace");
  await page.keyboard.insertText('{\r\n  "pasted": [1, 2],\r\n  "x": "\u{1F600}"\r\n}\r\n');
  await check("CRLF pasted in the middle");
  assert.equal((await page.inputValue("#scenario-input")).includes("\r"), false);
  const beforeAll = await page.inputValue("#scenario-input");
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText('{\r\n\t"all": true\r\n}');
  await check("pasted over all");
  assert.equal(await page.inputValue("#scenario-input"), '{\n\t"all": true\n}');
  // Chromium undoes a pasted text of several lines in several steps: each is checked.
  const value = () => page.inputValue("#scenario-input");
  for (let i = 0; i < 20 && (await value()) !== beforeAll; i++) {
    await page.keyboard.press("Control+z");
    await check(`undone ${i + 1} time(s)`);
  }
  assert.equal(await value(), beforeAll, "undone to the text before the paste");
  // Redone as far as Chromium redoes it (not always to the last step of such a paste).
  for (let i = 0, last = null; i < 20 && (await value()) !== last; i++) {
    last = await value();
    await page.keyboard.press("Control+Shift+z");
    await check(`redone ${i + 1} time(s)`);
  }
  assert.notEqual(await value(), beforeAll, "redone");
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await check("emptied");
  assert.equal(await page.evaluate(() => document.querySelector("#editor-host .highlight").textContent), "\n ");
  await page.keyboard.press("Control+z");
  await check("undone after emptying");
  assert.notEqual(await value(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Checks that every character of the highlighted copy lies where the whole text highlighted at
 * once puts it (a flat copy in the same place: how the copy was drawn before it had rows, and had
 * the textarea's text over it to the pixel), and
 * that the copy scrolls with the textarea to its far bottom right, and after an edit there.
 */
async function checkAlignment(page) {
  await page.evaluate(installHelpers);
  const long = `  "long": [${Array.from({ length: 300 }, (_, i) => (i % 7 ? i : `"日${i}"`)).join(", ")}],`;
  const text = ["{", '\t"title": "日本語のタイトル 😀 ｘ",', long, "", '\t\t"tabs":\t1,', '  "mixed": "ａｂｃ\tdef",',
    ...Array.from({ length: 60 }, (_, i) => `  "k${i}": ${i},`), "}", ""].join("\r\n");
  await page.focus("#scenario-input");
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(text);
  const placed = await page.evaluate(() => {
    const textarea = document.querySelector("#scenario-input");
    const highlight = document.querySelector("#editor-host .highlight");
    // The same marks as the copy shows (the engine's findings on this text): a mark cuts a token
    // in two, which may move what follows by a fraction of a pixel.
    const flat = highlight.cloneNode(false);
    flat.style.visibility = "hidden";
    flat.append(...oracleNodes(textarea.value, shownMarks(highlight)));
    highlight.after(flat);
    flat.scrollTop = highlight.scrollTop;
    flat.scrollLeft = highlight.scrollLeft;
    const rects = (root) => {
      const out = [];
      const range = document.createRange();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          if (node.data[i] === "\n") continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          out.push([node.data[i], r.left, r.top, r.width, r.height]);
        }
      }
      return out;
    };
    const mine = rects(highlight);
    const theirs = rects(flat);
    flat.remove();
    const moved = mine.map((r, i) => [i, r, theirs[i]])
      .filter(([, a, b]) => !b || a[0] !== b[0] || Math.abs(a[1] - b[1]) > 0.01 || Math.abs(a[2] - b[2]) > 0.01 || a[3] !== b[3] || a[4] !== b[4]);
    return { count: [mine.length, theirs.length], moved: moved.slice(0, 3) };
  });
  assert.equal(placed.count[0], placed.count[1]);
  assert.deepEqual(placed.moved, [], "every character lies where the flat copy has it");
  const scrolled = async () => page.evaluate(() => {
    const t = document.querySelector("#scenario-input");
    const h = document.querySelector("#editor-host .highlight");
    return { top: [t.scrollTop, h.scrollTop], left: [t.scrollLeft, h.scrollLeft] };
  });
  await page.evaluate(() => {
    const t = document.querySelector("#scenario-input");
    t.scrollTop = 1e6;
    t.scrollLeft = 1e6;
  });
  await page.waitForFunction(() => {
    const t = document.querySelector("#scenario-input");
    return t.scrollLeft > 0 && document.querySelector("#editor-host .highlight").scrollLeft > 0;
  });
  let at = await scrolled();
  assert.ok(at.left[0] > 0 && at.top[0] > 0);
  assert.deepEqual([at.top[1], at.left[1]], [at.top[0], at.left[0]], "scrolled to the far bottom right together");
  // Typing at the end of the long line keeps the copy with the text.
  await page.evaluate(() => {
    const t = document.querySelector("#scenario-input");
    const end = t.value.indexOf("\n", t.value.indexOf('"long"'));
    t.setSelectionRange(end, end);
  });
  await page.keyboard.type(" 12345");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  at = await scrolled();
  assert.deepEqual([at.top[1], at.left[1]], [at.top[0], at.left[0]], "after typing at the end of the long line");
}

test("the highlighted copy lies exactly under the text: tabs, Japanese, long lines, CRLF, scrolled to the far end", async () => {
  const { page, context, errors } = await openReady(env.browser, env.server.origin, "/", { locale: "en-US" });
  await checkAlignment(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test("with scroll bars that take room (as on most desktops), the copy still scrolls as far as the text", async () => {
  // The harness's browser hides scroll bars, as headless Chromium does by default.
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    ignoreDefaultArgs: ["--hide-scrollbars"],
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  try {
    const { page, errors } = await openReady(browser, server.origin, "/", { locale: "en-US" });
    await checkAlignment(page);
    const bars = await page.evaluate(() => {
      const t = document.querySelector("#scenario-input");
      return t.offsetWidth - t.clientWidth;
    });
    assert.ok(bars > 0, "the textarea's vertical scroll bar takes room");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
  }
});
