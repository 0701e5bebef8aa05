// A JSON editor on a plain textarea: a highlighted copy of the text lies under the transparent
// textarea, line numbers beside it, and the engine's findings as marks in both, with the sentence
// on hover (gutter) and in the list the caller renders. No library, nothing to download.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { offsetOf } from "./jsonpos.js";

const TOKEN = /("(?:[^"\\\n]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],])|(\s+)|(.)/gy;

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
    this.highlight.scrollTop = this.textarea.scrollTop;
    this.highlight.scrollLeft = this.textarea.scrollLeft;
    this.gutter.scrollTop = this.textarea.scrollTop;
  }

  render() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = null;
    const text = this.textarea.value;
    this.renderGutter(text);
    this.renderHighlight(text);
    this.syncScroll();
  }

  renderGutter(text) {
    let lines = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
    // Most keystrokes change neither the number of lines nor the marks: thousands of line
    // numbers are not drawn again for them.
    const key = `${lines} ${this.findingsKey} ${JSON.stringify(this.problem)}`;
    if (key === this.gutterKey) return;
    this.gutterKey = key;
    const byLine = new Map();
    for (const f of this.marks()) {
      const list = byLine.get(f.line) ?? [];
      list.push(f);
      byLine.set(f.line, list);
    }
    const rows = [];
    for (let n = 1; n <= lines; n++) {
      const found = byLine.get(n);
      const row = h("div", { class: "ln", dataset: { line: String(n) } }, String(n));
      if (found) {
        row.classList.add("marker");
        row.dataset.severity = worst(found);
        row.title = found.map((f) => f.message).join("\n");
      }
      rows.push(row);
    }
    rows.push(h("div", { class: "ln pad" }, " "));
    this.gutter.replaceChildren(...rows);
  }

  renderHighlight(text) {
    const marks = this.marks().map((f) => {
      const start = offsetOf(text, f.line, f.column);
      let end = f.endLine ? offsetOf(text, f.endLine, f.endColumn) : start + 1;
      if (end <= start) end = Math.min(text.length, start + 1);
      return { start, end, severity: f.severity };
    });
    const cuts = new Set([0, text.length]);
    for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
    const out = [];
    TOKEN.lastIndex = 0;
    let m;
    while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) {
      const kind = m[1] ? (m[2] ? "key" : "string") : m[3] ? "number" : m[4] ? "literal" : m[5] ? "punct" : m[6] ? "" : "other";
      const tokenEnd = TOKEN.lastIndex;
      const keyEnd = m[1] && m[2] ? m.index + m[1].length : tokenEnd;
      pieces(out, text, m.index, keyEnd, kind, cuts, marks);
      if (keyEnd < tokenEnd) pieces(out, text, keyEnd, tokenEnd, "punct", cuts, marks);
    }
    out.push("\n ");
    this.highlight.replaceChildren(...out);
  }
}

let measure = null;

/** The width in pixels of one line of `text` in the textarea's font (a tab as the two spaces of its tab-size). */
function textWidth(text, style) {
  measure ??= document.createElement("canvas").getContext("2d");
  measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return measure.measureText(text.replace(/\t/g, "  ")).width;
}

function pieces(out, text, start, end, kind, cuts, marks) {
  const inner = [...cuts].filter((c) => c > start && c < end).sort((a, b) => a - b);
  let from = start;
  for (const to of [...inner, end]) {
    const mark = marks.find((m) => m.start <= from && m.end > from);
    const cls = [kind, mark ? `mark mark-${mark.severity}` : ""].join(" ").trim();
    const piece = text.slice(from, to);
    out.push(cls ? h("span", { class: cls }, piece) : document.createTextNode(piece));
    from = to;
  }
}

const ORDER = ["error", "security-warning", "warning", "suggestion"];
function worst(findings) {
  return ORDER.find((s) => findings.some((f) => f.severity === s)) ?? "warning";
}
