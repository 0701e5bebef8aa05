// The one way this page makes elements: text goes in as text (textContent / text nodes), never as
// HTML, so nothing a user types can become markup or script.

/** Makes an element; `text` sets textContent, `on*` adds listeners, other props are attributes. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = String(value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * An engine sentence as nodes: a span between two backticks (the engine's mark for code, as in
 * "`sts:AssumeRole` matches sts:AssumeRole") becomes a <code> element, the rest text. Both go in
 * as text. A sentence whose backticks do not pair up is shown as written: which of them would
 * open a span cannot be told.
 */
export function prose(text) {
  const parts = String(text ?? "").split("`");
  if (parts.length % 2 === 0) return [parts.join("`")];
  return parts.map((part, i) => (i % 2 === 0 ? part : part ? h("code", { text: part }) : "``")).filter((p) => p !== "");
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Calls `fn` once input has paused for `ms` milliseconds. `flush()` on the returned function
 * makes a pending call at once (a page being left cannot wait for the pause).
 */
export function debounce(fn, ms) {
  let timer = null;
  let pending = null;
  const later = (...args) => {
    clearTimeout(timer);
    pending = args;
    timer = setTimeout(later.flush, ms);
  };
  later.flush = () => {
    if (pending == null) return;
    const args = pending;
    clearTimeout(timer);
    pending = null;
    fn(...args);
  };
  return later;
}
