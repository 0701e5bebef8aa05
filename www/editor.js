// A JSON editor on a plain textarea: a highlighted copy of the text lies under the transparent
// textarea, line numbers beside it, and the engine's findings as marks in both, with the sentence
// on hover (gutter) and in the list the caller renders. No library, nothing to download.
//
// The highlighted copy has one row per line of the text, and an edit draws again only the rows of
// the lines it changed (and of those whose marks changed): JSON strings cannot span lines, so a
// line's colours depend on that line alone. Keys are known by a colon on their own line, as in any
// formatted JSON. The line numbers are likewise added, removed and marked one by one.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { offsetOf } from "./jsonpos.js";

const TOKEN = /("(?:[^"\\\n]|\\.)*"?)([^\S\n]*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],])|(\s+)|(.)/gy;

export class JsonEditor {
  /**
   * `label` names the editor for screen readers; `onInput(text)` runs on every edit. With
   * `formatter(text)` (resolving `{text}` or `{problem: {message, line, column}}`), the editor has
   * its own Format button and Ctrl+Shift+F formats it rather than the whole page's scenario.
   */
  constructor({ label, onInput, rows = 20, id, formatter }) {
    this.onInput = onInput;
    this.formatter = formatter;
    this.gutter = h("div", { class: "gutter", "aria-hidden": "true" });
    this.highlight = h("pre", { class: "highlight", "aria-hidden": "true" });
    // What the highlighted copy shows: a row per line ({text, marks, element}), then a last row
    // that gives it the textarea's height past a final newline.
    this.rows = [];
    this.end = h("div", {}, " ");
    this.highlight.append(this.end);
    // The gutter's rows, one per line, and the line numbers marked in it.
    this.numbers = [];
    this.marked = [];
    this.numbersEnd = h("div", { class: "ln pad" }, " ");
    this.gutter.append(this.numbersEnd);
    this.textarea = h("textarea", {
      spellcheck: "false", autocapitalize: "off", autocomplete: "off", wrap: "off",
      "aria-label": label, rows, id,
    });
    this.element = h("div", { class: "editor" });
    if (formatter) {
      // A failed format says why and where, and leaves the text exactly as it was.
      this.status = h("span", { class: "editor-status", role: "status" });
      this.element.append(h("div", { class: "editor-tools" }, this.status,
        h("button", { type: "button", class: "small format", text: t("format"), title: t("formatShortcut"),
          "aria-label": `${t("format")}: ${label}`, onclick: () => this.format() })));
    }
    this.element.append(this.gutter, h("div", { class: "code" }, this.highlight, this.textarea));
    this.findings = [];
    this.findingsKey = "[]";
    this.problem = null;
    this.textarea.addEventListener("input", () => {
      this.clearProblem();
      this.render();
      this.onInput?.(this.textarea.value);
    });
    this.textarea.addEventListener("scroll", () => this.syncScroll());
    this.textarea.addEventListener("keydown", (event) => this.keydown(event));
    this.textarea.addEventListener("mousemove", (event) => this.hover(event));
  }

  /** The findings' sentences as the textarea's tooltip while the pointer is over their line. */
  hover(event) {
    const style = getComputedStyle(this.textarea);
    const lineHeight = parseFloat(style.lineHeight) || 18;
    const top = event.offsetY + this.textarea.scrollTop - (parseFloat(style.paddingTop) || 0);
    const line = Math.floor(top / lineHeight) + 1;
    const here = this.marks().filter((f) => line >= f.line && line <= (f.endLine ?? f.line));
    const title = here.map((f) => f.message).join("\n");
    if (this.textarea.title !== title) this.textarea.title = title;
  }

  get value() { return this.textarea.value; }

  /** Replaces the text; `undoable` keeps the browser's own undo (Ctrl+Z) able to bring it back. */
  /** Replaces the text; `render: false` leaves drawing it to the caller (see `renderAfter`). */
  setValue(text, { undoable = false, render = true } = {}) {
    if (text === this.textarea.value) return;
    if (undoable && document.activeElement === this.textarea) {
      this.textarea.select();
      document.execCommand("insertText", false, text);
    } else {
      this.textarea.value = text;
    }
    if (render) this.renderSoon();
  }

  /**
   * Draws the text once `promise` settles and a frame has been painted: highlighting a large
   * scenario takes longer than evaluating it, so the engine's answers are shown first.
   */
  renderAfter(promise) {
    promise.finally(() => requestAnimationFrame(() => setTimeout(() => this.render())));
  }

  /**
   * Renders at the next frame, once however often it is asked: a replaced text (a share link, an
   * example) is highlighted while the engine already evaluates it, instead of before.
   */
  renderSoon() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.render();
    });
  }

  /** Shows findings ({severity, message, line, column, endLine, endColumn}) as marks. */
  setFindings(findings) {
    const next = findings.filter((f) => f.line);
    // Re-highlighting a large scenario takes tens of milliseconds: skip it when nothing changed
    // (each run reports its findings again, mostly the same ones).
    const key = JSON.stringify(next.map((f) => [f.severity, f.message, f.line, f.column, f.endLine, f.endColumn]));
    if (key === this.findingsKey) return;
    this.findingsKey = key;
    this.findings = next;
    this.render();
  }

  /**
   * Selects from a line and column (1-based) to the end of the line and scrolls the start of the
   * selection into view, across as well as down: a finding far along a long line would otherwise
   * be selected out of sight.
   */
  revealLine(line, column = 1) {
    const text = this.textarea.value;
    const start = offsetOf(text, line, column);
    const end = text.indexOf("\n", start);
    this.textarea.focus();
    this.textarea.setSelectionRange(start, end < 0 ? text.length : end);
    const lineHeight = parseFloat(getComputedStyle(this.textarea).lineHeight) || 18;
    this.textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
    this.textarea.scrollLeft = this.scrollLeftFor(text.slice(offsetOf(text, line, 1), start));
    this.syncScroll();
  }

  /**
   * How far to scroll across for the text after `before` (its line up to there) to be in view: as
   * now when it already is, else so that a few characters before it show too.
   */
  scrollLeftFor(before) {
    const style = getComputedStyle(this.textarea);
    const x = textWidth(before, style);
    const char = textWidth("0", style);
    const left = this.textarea.scrollLeft;
    const width = this.textarea.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
    if (x >= left && x + 4 * char <= left + width) return left;
    return Math.max(0, x - 8 * char);
  }

  /** Formats the text through `formatter`; on failure shows the problem at its line and column. */
  async format() {
    if (!this.formatter) return;
    const before = this.textarea.value;
    const { text, problem } = await this.formatter(before);
    if (this.textarea.value !== before) return; // typed meanwhile: that text was not formatted
    if (problem) { this.showProblem(problem); return; }
    this.clearProblem();
    const formatted = text.replace(/\s+$/, "");
    if (formatted === before) return;
    // Through the browser's editing commands, so Ctrl+Z brings the text back.
    this.textarea.focus();
    this.textarea.select();
    if (!document.execCommand("insertText", false, formatted)) {
      this.textarea.value = formatted;
      this.render();
      this.onInput?.(formatted);
    }
  }

  showProblem({ message, line, column }) {
    this.problem = line ? { severity: "error", message, line, column } : null;
    this.status.textContent = line ? t("formatFailedAt", line, column, message) : t("formatFailed", message);
    this.status.dataset.state = "error";
    this.render();
    if (line) {
      const at = offsetOf(this.textarea.value, line, column);
      this.textarea.focus();
      this.textarea.setSelectionRange(at, at);
    }
  }

  clearProblem() {
    if (!this.status || (!this.problem && !this.status.textContent)) return;
    this.problem = null;
    this.status.textContent = "";
    delete this.status.dataset.state;
  }

  /** The findings and a format problem, if any: what the gutter and the underlines show. */
  marks() {
    return this.problem ? [...this.findings, this.problem] : this.findings;
  }

  keydown(event) {
    const mod = event.ctrlKey || event.metaKey;
    if (this.formatter && mod && event.shiftKey && !event.altKey && event.key.toLowerCase() === "f") {
      // This editor's own text, not the page's scenario.
      event.preventDefault();
      event.stopPropagation();
      this.format();
      return;
    }
    // Enter keeps the current line's indentation, as code editors do.
    if (event.key === "Enter" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const { selectionStart, value } = this.textarea;
      const lineStart = value.lastIndexOf("\n", selectionStart - 1) + 1;
      const indent = /^[ \t]*/.exec(value.slice(lineStart))[0];
      event.preventDefault();
      document.execCommand("insertText", false, `\n${indent}`);
    }
  }

  syncScroll() {
    this.scrolled = true;
    const { textarea, highlight } = this;
    // The copy covers the textarea's text, not its scroll bars: with the same room for the same
    // text it scrolls exactly as far, where it would otherwise stop a scroll bar's width short of
    // the textarea's far right.
    const bars = `${textarea.offsetWidth - textarea.clientWidth - 2 * textarea.clientLeft} ` +
      `${textarea.offsetHeight - textarea.clientHeight - 2 * textarea.clientTop}`;
    if (bars !== this.bars) {
      this.bars = bars;
      const [right, bottom] = bars.split(" ");
      highlight.style.right = `${right}px`;
      highlight.style.bottom = `${bottom}px`;
    }
    highlight.scrollTop = textarea.scrollTop;
    highlight.scrollLeft = textarea.scrollLeft;
    this.gutter.scrollTop = textarea.scrollTop;
  }

  render() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = null;
    const text = this.textarea.value;
    const lines = text.split("\n");
    this.renderGutter(lines);
    this.renderHighlight(lines, text);
    // Setting a scroll position lays the page out first, which a page drawing many small editors
    // at once (a pane for each of thousands of users) would do once for each of them. An editor
    // that was never scrolled has nothing to follow: its first scroll event (which comes before
    // the next frame is drawn) lines the copy up.
    if (this.scrolled) this.syncScroll();
  }

  renderGutter(lines) {
    // Most keystrokes change neither the number of lines nor the marks: the line numbers are left
    // as they are for them, and otherwise only those added, removed or (un)marked are touched.
    const key = `${lines.length} ${this.findingsKey} ${JSON.stringify(this.problem)}`;
    if (key === this.gutterKey) return;
    this.gutterKey = key;
    const numbers = this.numbers;
    if (numbers.length < lines.length) {
      const added = document.createDocumentFragment();
      for (let n = numbers.length + 1; n <= lines.length; n++) {
        const row = h("div", { class: "ln", dataset: { line: String(n) } }, String(n));
        numbers.push(row);
        added.append(row);
      }
      this.gutter.insertBefore(added, this.numbersEnd);
    }
    while (numbers.length > lines.length) numbers.pop().remove();
    for (const row of this.marked) {
      row.classList.remove("marker");
      delete row.dataset.severity;
      row.removeAttribute("title");
    }
    const byLine = new Map();
    for (const f of this.marks()) {
      const list = byLine.get(f.line) ?? [];
      list.push(f);
      byLine.set(f.line, list);
    }
    this.marked = [];
    for (const [n, found] of byLine) {
      const row = numbers[n - 1];
      if (!row) continue;
      row.classList.add("marker");
      row.dataset.severity = worst(found);
      row.title = found.map((f) => f.message).join("\n");
      this.marked.push(row);
    }
  }

  /**
   * Draws again the rows of the lines that differ from what is shown: the lines before the first
   * difference and after the last are kept, rows and all. Then the rows whose marks changed.
   */
  renderHighlight(lines, text) {
    const rows = this.rows;
    const marks = lineMarks(this.marks(), lines, text);
    const same = Math.min(rows.length, lines.length);
    let head = 0;
    while (head < same && rows[head].text === lines[head]) head++;
    let tail = 0;
    while (tail < same - head && rows[rows.length - 1 - tail].text === lines[lines.length - 1 - tail]) tail++;
    const fresh = [];
    const added = document.createDocumentFragment();
    for (let i = head; i < lines.length - tail; i++) {
      const row = highlightRow(lines[i], marks.get(i));
      fresh.push(row);
      added.append(row.element);
    }
    const gone = rows.length - tail - head;
    if (gone > 1) {
      // Many rows at once (a paste over them, a new text) go as one range, not one by one.
      const range = document.createRange();
      range.setStartBefore(rows[head].element);
      range.setEndAfter(rows[head + gone - 1].element);
      range.deleteContents();
    } else if (gone) {
      rows[head].element.remove();
    }
    this.highlight.insertBefore(added, rows[head + gone]?.element ?? this.end);
    // Splices without spreading the new rows into arguments: a pasted text may have many.
    this.rows = rows.slice(0, head).concat(fresh, rows.slice(head + gone));
    // Marks stay on their line and column as the text changes under them, so the rows that had
    // one and those that have one now are compared, wherever they are.
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      const want = marks.get(i);
      if (row.marks === markKey(want)) continue;
      const next = highlightRow(row.text, want);
      row.element.replaceWith(next.element);
      this.rows[i] = next;
    }
  }
}

/**
 * The marks of each line (a Map from a 0-based line to its [{from, to, severity}], columns within
 * the line and its newline), from findings' lines and columns as they fall in this text.
 */
function lineMarks(findings, lines, text) {
  const byLine = new Map();
  if (!findings.length) return byLine;
  const starts = [];
  let at = 0;
  for (const line of lines) { starts.push(at); at += line.length + 1; }
  // As `offsetOf`, without looking for the line's start again.
  const offset = (line, column) =>
    line > lines.length ? text.length : Math.min(text.length, starts[Math.max(0, line - 1)] + Math.max(0, column - 1));
  const lineOf = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  for (const f of findings) {
    const start = offset(f.line, f.column);
    let end = f.endLine ? offset(f.endLine, f.endColumn) : start + 1;
    if (end <= start) end = start + 1;
    end = Math.min(end, text.length);
    if (!(end > start)) continue; // at the very end of the text: nothing to underline
    for (let l = lineOf(start); l < lines.length && starts[l] < end; l++) {
      const list = byLine.get(l) ?? [];
      list.push({ from: Math.max(start - starts[l], 0), to: Math.min(end - starts[l], lines[l].length + 1), severity: f.severity });
      byLine.set(l, list);
    }
  }
  return byLine;
}

function markKey(marks) {
  return marks ? marks.map((m) => `${m.from} ${m.to} ${m.severity}`).join(",") : "";
}

/** One line of the highlighted copy, with its newline: its tokens as text, coloured by kind. */
function highlightRow(line, marks) {
  const text = `${line}\n`;
  const out = [];
  TOKEN.lastIndex = 0;
  let m;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) {
    const kind = m[1] ? (m[2] ? "key" : "string") : m[3] ? "number" : m[4] ? "literal" : m[5] ? "punct" : m[6] ? "" : "other";
    const tokenEnd = TOKEN.lastIndex;
    const keyEnd = m[1] && m[2] ? m.index + m[1].length : tokenEnd;
    pieces(out, text, m.index, keyEnd, kind, marks);
    if (keyEnd < tokenEnd) pieces(out, text, keyEnd, tokenEnd, "punct", marks);
  }
  const element = document.createElement("div");
  element.append(...out);
  return { text: line, marks: markKey(marks), element };
}

let measure = null;

/** The width in pixels of one line of `text` in the textarea's font (a tab as the two spaces of its tab-size). */
function textWidth(text, style) {
  measure ??= document.createElement("canvas").getContext("2d");
  measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return measure.measureText(text.replace(/\t/g, "  ")).width;
}

/** The token from `start` to `end` as text nodes and spans, cut where a mark starts or ends. */
function pieces(out, text, start, end, kind, marks = []) {
  let from = start;
  while (from < end) {
    let to = end;
    for (const m of marks) {
      if (m.from > from && m.from < to) to = m.from;
      if (m.to > from && m.to < to) to = m.to;
    }
    const mark = marks.find((m) => m.from <= from && m.to > from);
    const cls = [kind, mark ? `mark mark-${mark.severity}` : ""].join(" ").trim();
    const piece = text.slice(from, to);
    if (cls) {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = piece;
      out.push(span);
    } else {
      out.push(document.createTextNode(piece));
    }
    from = to;
  }
}

const ORDER = ["error", "security-warning", "warning", "suggestion"];
function worst(findings) {
  return ORDER.find((s) => findings.some((f) => f.severity === s)) ?? "warning";
}
