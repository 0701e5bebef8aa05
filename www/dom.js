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
