// JSON with the text range of every value, so that a pane editing one part of the scenario (a
// role's trust policy, say) replaces just that part of the text and leaves the rest as written.

const MAX_DEPTH = 256;

/** Parses `text`; returns the root node or null when the text is not valid JSON. */
export function parseWithRanges(text) {
  try {
    const parser = new Parser(text);
    const node = parser.value(0);
    parser.space();
    return parser.at === text.length ? node : null;
  } catch {
    return null;
  }
}

class Parser {
  constructor(text) { this.text = text; this.at = 0; }
  space() { while (/\s/.test(this.text[this.at] ?? "")) this.at++; }
  fail() { throw new Error("invalid JSON"); }
  value(depth) {
    if (depth > MAX_DEPTH) this.fail();
    this.space();
    const start = this.at;
    const c = this.text[this.at];
    if (c === "{") return this.object(start, depth);
    if (c === "[") return this.array(start, depth);
    if (c === '"') { this.string(); return { start, end: this.at }; }
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.at, this.at + 400));
    if (!m) this.fail();
    this.at += m[0].length;
    return { start, end: this.at };
  }
  string() {
    const re = /"(?:[^"\\\u0000-\u001f]|\\.)*"/y;
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (!m) this.fail();
    this.at += m[0].length;
    return JSON.parse(m[0]);
  }
  object(start, depth) {
    this.at++;
    const keys = new Map();
    this.space();
    if (this.text[this.at] === "}") { this.at++; return { start, end: this.at, keys }; }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail();
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ":") this.fail();
      if (!keys.has(key)) keys.set(key, this.value(depth + 1));
      else this.value(depth + 1);
      this.space();
      const c = this.text[this.at++];
      if (c === "}") return { start, end: this.at, keys };
      if (c !== ",") this.fail();
    }
  }
  array(start, depth) {
    this.at++;
    const items = [];
    this.space();
    if (this.text[this.at] === "]") { this.at++; return { start, end: this.at, items }; }
    for (;;) {
      items.push(this.value(depth + 1));
      this.space();
      const c = this.text[this.at++];
      if (c === "]") return { start, end: this.at, items };
      if (c !== ",") this.fail();
    }
  }
}

/** The node a JSON pointer names, or null. */
export function nodeAt(root, pointer) {
  let node = root;
  for (const token of tokens(pointer)) {
    if (!node) return null;
    if (node.keys) node = node.keys.get(token) ?? null;
    else if (node.items) node = node.items[Number(token)] ?? null;
    else return null;
  }
  return node;
}

/** A JSON pointer's reference tokens, unescaped. */
export function tokens(pointer) {
  if (!pointer) return [];
  return pointer.split("/").slice(1).map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Appends a token to a pointer, escaped. */
export function pointerPush(base, token) {
  return `${base}/${String(token).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** 1-based line and UTF-16 column of an offset. */
export function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Offset of a 1-based line and column. */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/**
 * Sets the value at `pointer` in the scenario text. When the value exists, only its range is
 * replaced (`raw` text verbatim, or the value serialized at that place's indentation); otherwise
 * the whole document is rewritten from its parsed form. Returns the new text, or null when the
 * text is not valid JSON.
 */
export function setAt(text, pointer, value, raw) {
  const root = parseWithRanges(text);
  if (!root) return null;
  const node = nodeAt(root, pointer);
  if (node && value !== undefined) {
    const lineStart = text.lastIndexOf("\n", node.start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))[0];
    const body = raw ?? JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
    return text.slice(0, node.start) + body + text.slice(node.end);
  }
  const doc = JSON.parse(text);
  const path = tokens(pointer);
  let parent = doc;
  for (const token of path.slice(0, -1)) {
    if (parent[token] == null || typeof parent[token] !== "object") parent[token] = {};
    parent = parent[token];
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return JSON.stringify(doc, null, 2);
}

/**
 * Appends `value` to the array at `pointer` as text after its last element, leaving the elements
 * already there byte for byte as written. The new element follows the last one's layout: on a
 * line of its own at the same indentation, or after ", " on the same line; several lines when
 * the last one spans several, one line otherwise. Without an array at `pointer`, `setAt` makes
 * one. Returns the new text, or null when the text is not valid JSON.
 */
export function appendAt(text, pointer, value) {
  const root = parseWithRanges(text);
  if (!root) return null;
  const node = nodeAt(root, pointer);
  const indentAt = (offset) => /^[ \t]*/.exec(text.slice(text.lastIndexOf("\n", offset - 1) + 1))[0];
  if (!node) {
    // A missing array goes after the last member of its object, at that member's indentation.
    const path = tokens(pointer);
    const parent = nodeAt(root, path.slice(0, -1).reduce(pointerPush, ""));
    const members = parent?.keys ? [...parent.keys.values()] : [];
    if (members.length) {
      const end = Math.max(...members.map((m) => m.end));
      const key = text.lastIndexOf("\n", members[members.length - 1].start) + 1;
      const indent = /^[ \t]*/.exec(text.slice(key))[0];
      const body = JSON.stringify([value], null, 2).replace(/\n/g, `\n${indent}`);
      return `${text.slice(0, end)},\n${indent}${JSON.stringify(path[path.length - 1])}: ${body}${text.slice(end)}`;
    }
  }
  if (!node?.items) return setAt(text, pointer, [value]);
  const last = node.items[node.items.length - 1];
  if (!last) {
    const outer = indentAt(node.start);
    const inner = `${outer}  `;
    const body = JSON.stringify(value, null, 2).replace(/\n/g, `\n${inner}`);
    return `${text.slice(0, node.start)}[\n${inner}${body}\n${outer}]${text.slice(node.end)}`;
  }
  const indent = indentAt(last.start);
  const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", last.start - 1) + 1, last.start));
  const body = text.slice(last.start, last.end).includes("\n")
    ? JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`)
    : oneLine(value);
  return text.slice(0, last.end) + (ownLine ? `,\n${indent}` : ", ") + body + text.slice(last.end);
}

/** JSON on one line, spaced as scenarios are written by hand: `{ "a": 1, "b": [2, 3] }`. */
function oneLine(value) {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}
