// Keeping work: local storage (reporting, never losing, when it fails), what other tabs of the
// page save, and files in and out.
const KEY = "iam-playground.scenario";
// The scenario a share link replaced, until it is restored or discarded, or another link replaces it.
const BEFORE_LINK_KEY = "iam-playground.before-link";

export function loadSaved() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

/** Saves the text; returns false when the browser refuses (full or unavailable). */
export function save(text) {
  try { localStorage.setItem(KEY, text); return true; } catch { return false; }
}

/** Keeps the scenario a share link is about to replace; false when the browser refuses. */
export function keepBeforeLink(text) {
  try { localStorage.setItem(BEFORE_LINK_KEY, text); return true; } catch { return false; }
}

export function loadBeforeLink() {
  try { return localStorage.getItem(BEFORE_LINK_KEY); } catch { return null; }
}

export function forgetBeforeLink() {
  try { localStorage.removeItem(BEFORE_LINK_KEY); } catch { /* storage unavailable */ }
}

/**
 * Calls `saved(text)` when another tab of this page saves its scenario, `beforeLink(text)` (null
 * when forgotten) when one keeps or forgets the scenario a link replaced. The browser sends the
 * `storage` event only to the other tabs of the same origin, never to the one that wrote.
 */
export function watchOtherTabs({ saved, beforeLink }) {
  window.addEventListener("storage", (event) => {
    if (event.key === KEY && event.newValue != null) saved(event.newValue);
    else if (event.key === BEFORE_LINK_KEY) beforeLink(event.newValue);
  });
}

export function downloadText(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the scenario's title, in safe characters. */
export function fileName(title) {
  const base = String(title ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${base || "scenario"}.json`;
}
