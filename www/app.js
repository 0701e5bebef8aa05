// Wires the page: the scenario editor is the one source of truth; every edit (in it, in a pane,
// in the request builder) re-runs the engine in its worker after a short pause.
import { h, fill, debounce, prose } from "./dom.js";
import { call } from "./engine.js";
import { t, tn, apply, language, setLanguage } from "./i18n.js";
import { JsonEditor } from "./editor.js";
import { renderResults, openIndices } from "./results.js";
import { WorldPanes } from "./world.js";
import { buildRequestForm, offerPrincipals } from "./builder.js";
import { appendAt } from "./jsonpos.js";
import { loadSaved, save, downloadText, fileName, keepBeforeLink, loadBeforeLink, forgetBeforeLink, watchOtherTabs } from "./store.js";

const $ = (id) => document.getElementById(id);
const EMPTY = '{\n  "scenario": 1,\n  "title": "",\n  "accounts": [],\n  "users": [],\n  "roles": [],\n  "requests": []\n}\n';
const THEME_KEY = "iam-playground.theme";
// The longest link fragment the engine's decoder opens (MAX_LINK_BYTES in src/scenario/link.rs;
// README, "Share links"): a longer link would be copied only to be refused when opened.
const MAX_LINK_BYTES = 256 * 1024;

// `lastRunnable`: the last run of this scenario that could run, and its text, shown (marked as
// out of date) while an edit leaves the scenario unable to run. `openResults`: the keys of the
// requests whose explanations are open (results.js `requestKeys`), not their places, so that an
// opened explanation follows its request when others are added or deleted. `beforeLink`: the
// scenario a share link replaced, while it is offered back; `linkText`: what the last link opened.
// `otherTab`: the different text another
// tab saved, until this tab's person chooses between the two.
const state = { examples: [], undo: [], run: null, ranText: "", seq: 0, openResults: new Set(), renders: 0, version: null,
  notice: null, beforeLink: null, linkText: null, otherTab: null, lastRunnable: null };

const editor = new JsonEditor({ label: "", id: "scenario-input", rows: 28, onInput: () => changed({ structural: true }) });
editor.textarea.setAttribute("data-i18n-aria-label", "scenarioEditor");
$("editor-host").append(editor.element);
// Pasting over the whole text brings in another scenario, as Import would: while it cannot run,
// the results of the one it replaced are not shown as if they were its own.
editor.textarea.addEventListener("paste", () => {
  const { selectionStart, selectionEnd, value } = editor.textarea;
  if (selectionStart === 0 && selectionEnd === value.length) state.lastRunnable = null;
});

const world = new WorldPanes($("world"), {
  getText: () => editor.value,
  // A structural pane edit re-renders the panes itself (keeping the focus); the form's lists follow.
  setText: (text, { structural }) => { editor.setValue(text); changed({ structural, fromPane: true }); if (structural) buildForm(); },
});

const scheduleRun = debounce(run, 200);
const scheduleSave = debounce(persist, 400);
const scheduleWorld = debounce(() => {
  if (!$("world").contains(document.activeElement)) { world.render(); buildForm(); }
}, 500);

function changed({ structural, fromPane } = {}) {
  scheduleRun();
  scheduleSave();
  if (structural && !fromPane) scheduleWorld();
}

/**
 * Saves the scenario. Not while another tab's different version is in storage and this tab's
 * person has not chosen between them: saving would replace that tab's work unseen. The storage
 * warning stands as long as saving fails.
 */
function persist() {
  if (state.otherTab != null) {
    if (state.otherTab !== editor.value) return;
    otherTabSaved(state.otherTab); // this tab has come to the same text: nothing to choose
  }
  showBar("storage-warning", !save(editor.value));
}

/**
 * Shows or hides one of the standing bars (index.html). Its sentence is written again when it
 * appears: screen readers say what changes in a live region, not that a region appeared.
 */
function showBar(id, shown) {
  const bar = $(id);
  if (bar.hidden !== shown) return;
  bar.hidden = !shown;
  const sentence = bar.querySelector("[data-i18n]");
  sentence.textContent = shown ? t(sentence.dataset.i18n) : "";
}

/** Another tab saved `text`: unless it is this tab's text, this tab says so and asks which to keep. */
function otherTabSaved(text) {
  state.otherTab = text === editor.value ? null : text;
  showBar("other-tab", state.otherTab != null);
}

function settleOtherTab() {
  state.otherTab = null;
  showBar("other-tab", false);
}

/** Takes the other tab's version; this tab's is one Undo away. */
function loadOtherTab() {
  const text = state.otherTab;
  if (text == null) return;
  settleOtherTab();
  editor.textarea.focus({ preventScroll: true });
  replaceScenario(text, () => t("otherTabLoaded"));
}

/** Keeps this tab's version: saved over the other's, which that tab, if still open, is told. */
function keepThisTab() {
  settleOtherTab();
  editor.textarea.focus({ preventScroll: true });
  persist();
  notify(() => t("otherTabKept"));
}

async function run() {
  const seq = ++state.seq;
  const text = editor.value;
  let result;
  try {
    // Only the requests a person has opened are explained in full: re-running stays cheap. The
    // engine names them by their places in this text.
    result = JSON.parse(await call("runScenario", text, language(), openIndices(text, state.openResults)));
  } catch (error) {
    result = { runnable: false, results: [], findings: [{ severity: "error", code: "engine", message: error.message }] };
  }
  if (seq !== state.seq) return; // a newer edit is already being evaluated
  performance.mark("ran");
  state.run = result;
  state.ranText = text;
  if (result.runnable) state.lastRunnable = { run: result, text };
  showRun();
}

function showRun() {
  const result = state.run;
  if (!result) return;
  editor.setFindings(result.findings);
  world.showFindings(result.findings);
  renderFindings(result.findings);
  // A text that cannot run (JSON half typed) keeps the choices of the last one that could.
  if (result.runnable) {
    const doc = scenarioObject();
    offerPrincipals($("builder"), doc, sessions(doc));
  }
  // While the text cannot run (typing half a request, a brace missing), the last results stay,
  // marked as out of date, rather than vanishing with every keystroke.
  const stale = !result.runnable && state.lastRunnable?.run.results.length ? state.lastRunnable : null;
  const shown = stale ? stale.run : result;
  $("results").dataset.stale = String(Boolean(stale));
  $("stale-note").hidden = !stale;
  renderResults($("results"), shown, { reveal: (line) => editor.revealLine(line), open: state.openResults, onOpenBrief: run, text: stale ? stale.text : state.ranText });
  // The counts are those of the results on screen, out of date or not.
  const count = (d) => shown.results.filter((r) => r.decision === d).length;
  const unmet = shown.results.filter((r) => r.expectation === "unmet").length;
  const counts = shown.results.length
    ? [tn("count.requests", shown.results.length), tn("count.allowed", count("allowed")),
      tn("count.denied", count("implicitDeny") + count("explicitDeny")), tn("count.errors", count("error")),
      tn("count.unmet", unmet)]
    : [];
  $("run-summary").textContent = counts.join(" · ");
  $("run-summary").dataset.unmet = String(unmet);
  announce(result.runnable
    ? (counts.length ? t("ranStatus", counts.join(t("listSeparator"))) : t("noRequests"))
    : [tn("cannotRun", result.findings.filter((f) => f.severity === "error").length), stale && t("staleShown")].filter(Boolean).join(t("sentenceGap")));
  document.body.dataset.runs = String(++state.renders);
}

/**
 * Tells screen readers how a run went (#run-status, a polite live region). Written only when the
 * sentence changes: it holds counts, never a place in the text, so typing, which re-runs at every
 * pause, is said only when the outcome changes.
 */
function announce(sentence) {
  if ($("run-status").textContent !== sentence) $("run-status").textContent = sentence;
}

function renderFindings(findings) {
  const list = $("findings");
  if (!findings.length) { fill(list, h("li", { class: "muted", text: t("noFindings") })); return; }
  fill(list, findings.map((f) => {
    const where = f.line ? `${f.line}:${f.column}` : f.pointer ?? "";
    const go = f.line
      ? h("button", { type: "button", class: "link", text: where, onclick: () => editor.revealLine(f.line, f.column) })
      : h("code", { text: where });
    return h("li", { class: "finding", dataset: { severity: f.severity, line: f.line ? String(f.line) : "" } },
      h("span", { class: "sev", text: t(`severity.${f.severity}`, f.severity) }), " ", go, " ", h("span", {}, prose(f.message)),
      f.code && h("span", { class: "muted", text: ` (${f.code})` }));
  }));
}

/**
 * Replaces the whole scenario (example, new, reset, import, link) and keeps the old one for undo;
 * `message` says what happened (see `notify`); `offerUndo: false` when the notice should not
 * offer Undo (a link's: the standing bar's Restore brings back the same scenario).
 */
function replaceScenario(text, message, { offerUndo = true } = {}) {
  if (editor.value && editor.value !== text) state.undo.push(editor.value);
  $("undo").disabled = state.undo.length === 0;
  state.lastRunnable = null; // another scenario's results are never shown for this one
  editor.setValue(text, { render: false });
  state.openResults.clear();
  // The engine starts on the new text first; its answers are shown before the editor, the
  // panes and the request builder are drawn (for a large world those take longer than the
  // evaluation, and the answers are what a person opening a link is waiting for).
  const ran = run();
  editor.renderAfter(ran);
  ran.then(() => {
    world.render();
    buildForm({ fresh: true });
  });
  scheduleSave();
  notify(message, { undo: offerUndo && state.undo.length > 0 });
  return ran;
}

function undo() {
  const previous = state.undo.pop();
  if (previous == null) return;
  // Every text kept for undo is a scenario that was replaced whole: the results, sessions and
  // opened explanations of the one on screen are not its own.
  state.lastRunnable = null;
  state.openResults.clear();
  editor.setValue(previous);
  $("undo").disabled = state.undo.length === 0;
  world.render();
  buildForm({ fresh: true });
  changed({});
  notify(() => t("undone"));
}

/**
 * Shows a notice. `say()` gives its sentence in the page's language, so a language switch says it
 * again; a plain string (one that quotes the engine, in the language it was asked in) is
 * dismissed by a switch instead.
 */
function notify(say, { undo: offerUndo = false, link = null } = {}) {
  state.notice = typeof say === "function" ? say : null;
  $("notice").hidden = false;
  // Notices quote the engine's sentences (a refused link's reason), whose code is in backticks.
  fill($("notice-text"), ...prose(state.notice ? state.notice() : say));
  $("notice-undo").hidden = !offerUndo;
  $("notice-link").hidden = link == null;
  if (link != null) { $("notice-link").value = link; $("notice-link").select(); }
}

function scenarioObject() {
  try { return JSON.parse(editor.value); } catch { return {}; }
}

/**
 * The ARNs of the sessions (role and federated user) that the last run that could run created
 * and that are still valid when a request added to `doc` runs: who can make the next request of
 * a role chain, or a federated user's. A session expired by then would only get ExpiredToken.
 */
function sessions(doc = scenarioObject()) {
  const now = nextRequestTime(doc);
  // A session ARN names the latest session created with it (scenario-format.md, "principal").
  const expiries = new Map();
  for (const r of state.lastRunnable?.run.results ?? []) {
    if (r.session?.arn) expiries.set(r.session.arn, r.session.expiresAt);
  }
  return [...expiries].filter(([, expiresAt]) => expiresAt == null || now < expiresAt).map(([arn]) => arn);
}

/** When a request appended to `doc` runs: a request without `at` runs at the previous one's time. */
function nextRequestTime(doc) {
  let time = 0;
  for (const r of Array.isArray(doc.requests) ? doc.requests : []) {
    if (typeof r?.at === "number") time = r.at;
  }
  return time;
}

/** Draws the request builder; `fresh` when the scenario was replaced by another. */
function buildForm({ fresh = false } = {}) {
  buildRequestForm($("builder"), {
    fresh,
    scenario: scenarioObject,
    sessions,
    notify: (say) => notify(say),
    // The request goes in as text after the last one: the others stay exactly as written.
    append: (request) => {
      const next = appendAt(editor.value, "/requests", request);
      if (next == null) return false;
      editor.setValue(next);
      changed({ structural: true });
      return true;
    },
  });
}

async function format() {
  try {
    editor.setValue(await call("formatJson", editor.value, language()), { undoable: true });
    changed({ structural: true });
  } catch (error) {
    notify(t("formatFailed", error.message));
  }
}

async function share() {
  try {
    const fragment = await call("encodeLink", editor.value, language());
    // The fragment is ASCII (base64url), so its length is its size in bytes.
    if (fragment.length > MAX_LINK_BYTES) {
      notify(() => t("linkTooLarge"));
      return;
    }
    const link = `${location.origin}${location.pathname}${fragment}`;
    try {
      await navigator.clipboard.writeText(link);
      notify(() => t("linkCopied"), { link });
    } catch {
      notify(() => t("linkShown"), { link });
    }
  } catch (error) {
    notify(error.message);
  }
}

/** Asks the engine to decode the link in the address, if any: started first thing, since the
 * engine is what the page waits for longest. */
function decodeFragment() {
  if (!location.hash) return null;
  const hash = linkPart(location.hash);
  history.replaceState(null, "", location.pathname + location.search);
  return { hash, text: call("decodeLink", hash, language()) };
}

/**
 * The share link in a fragment (`#s1.<payload>`, src/scenario/link.rs) without the `&key=value`
 * parameters that mail and campaign tools add to an address's end (`&utm_source=x`), even after
 * its fragment. Only a tail made of such parameters goes: base64url has no `&` or `?`, and
 * whatever else follows the payload stays, for the engine to refuse with its reason.
 */
function linkPart(hash) {
  const at = hash.search(/[&?]/);
  return at > 0 && /^[&?][\w.~%+-]+(=[^&]*)?(&[\w.~%+-]+(=[^&]*)?)*$/.test(hash.slice(at)) ? hash.slice(0, at) : hash;
}

async function openFragment(decoding = decodeFragment()) {
  if (!decoding) return false;
  try {
    const text = await decoding.text;
    // The scenario the link replaces is kept (in storage too, so that a reload does not lose it)
    // and offered back, unless it is the link's own, or an earlier link's left as it came (that
    // link still holds it) while what that link replaced is still kept.
    const previous = editor.value;
    const unedited = previous === state.linkText && state.beforeLink != null;
    const replaces = previous.trim() !== "" && previous.trimEnd() !== text.trimEnd() && !unedited;
    state.linkText = text;
    if (replaces) {
      state.beforeLink = previous;
      keepBeforeLink(previous);
      showBar("before-link", true);
    }
    return replaceScenario(text, () => t(replaces ? "linkOpenedKept" : "linkOpened"), { offerUndo: !replaces }).then(() => true);
  } catch (error) {
    notify(t("linkRefused", sentence(error.message)));
    return false;
  }
}

/**
 * Brings back the scenario a share link replaced (the link's is then one Undo away). The focus,
 * on a button that disappears with its bar, goes to the scenario.
 */
function restoreBeforeLink() {
  const previous = state.beforeLink;
  if (previous == null) return;
  forgetKeptBeforeLink();
  editor.textarea.focus({ preventScroll: true });
  replaceScenario(previous, () => t("restoredBeforeLink"));
}

function discardBeforeLink() {
  forgetKeptBeforeLink();
  editor.textarea.focus({ preventScroll: true });
  notify(() => t("discardedBeforeLink"));
}

function forgetKeptBeforeLink() {
  state.beforeLink = null;
  forgetBeforeLink();
  showBar("before-link", false);
}

/** A sentence without its closing stop, for templates that add their own. */
function sentence(text) {
  return String(text).trim().replace(/[.。]$/, "");
}

async function loadExamples() {
  try {
    const response = await fetch("examples/index.json");
    state.examples = await response.json();
  } catch {
    state.examples = [];
  }
  renderExamples();
}

function renderExamples() {
  const lang = language();
  fill($("example-list"), state.examples.map((ex) => h("li", { class: "example" },
    h("h3", { text: ex.title?.[lang] ?? ex.title?.en ?? ex.file }),
    h("p", { text: ex.summary?.[lang] ?? ex.summary?.en ?? "" }),
    h("button", { type: "button", class: "small", dataset: { file: ex.file }, text: t("loadExample"),
      "aria-label": `${t("loadExample")}: ${ex.title?.[lang] ?? ex.file}`, onclick: () => loadExample(ex) }))));
}

async function exampleText(example) {
  const response = await fetch(`examples/${encodeURIComponent(example.file)}`);
  return response.text();
}

async function loadExample(example) {
  const text = await exampleText(example);
  // The gallery has done its work: it closes rather than stay over the results (and stays open
  // when the example could not be fetched: the fetch throws before this).
  $("examples").open = false;
  await replaceScenario(text, () => t("exampleLoaded", example.title?.[language()] ?? example.file));
  showResults();
}

/**
 * Brings the results into view (on a phone they start far below, under the editor and the
 * panes) and gives their heading the focus, which the Load button, hidden in the closed
 * gallery, can no longer hold. Called once the run is shown and the panes are drawn, when the
 * page has its final height.
 */
function showResults() {
  const heading = $("requests-h");
  heading.focus({ preventScroll: true });
  // Scrolled only when the heading is above the screen or the first result below it: a wide
  // screen, which shows the results beside the editor, does not move.
  const first = $("results").firstElementChild ?? heading;
  if (heading.getBoundingClientRect().top < 0 || first.getBoundingClientRect().top > innerHeight * 0.75) {
    heading.scrollIntoView({ block: "start" });
  }
}

function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  try { localStorage.setItem(THEME_KEY, theme); } catch { /* storage unavailable */ }
}

/** After a language switch: the page's own labels at once, the engine's explanations by a re-run. */
function relabel() {
  apply(document);
  if (state.version) $("engine-status").textContent = t("ready", state.version);
  renderExamples();
  buildForm();
  world.render();
  // A notice is said again in the new language, or dismissed when it quotes the engine.
  if (!$("notice").hidden) {
    if (state.notice) $("notice-text").textContent = state.notice();
    else $("notice").hidden = true;
  }
  run();
}

function wire() {
  $("run").addEventListener("click", run);
  $("format").addEventListener("click", format);
  $("share").addEventListener("click", share);
  $("new").addEventListener("click", () => replaceScenario(EMPTY, () => t("newDone")));
  $("reset").addEventListener("click", async () => {
    if (state.examples[0]) replaceScenario(await exampleText(state.examples[0]), () => t("resetDone"));
  });
  $("undo").addEventListener("click", undo);
  $("notice-undo").addEventListener("click", undo);
  $("before-link-restore").addEventListener("click", restoreBeforeLink);
  $("before-link-discard").addEventListener("click", discardBeforeLink);
  $("other-tab-load").addEventListener("click", loadOtherTab);
  $("other-tab-keep").addEventListener("click", keepThisTab);
  watchOtherTabs({
    saved: otherTabSaved,
    beforeLink: (text) => { state.beforeLink = text; showBar("before-link", text != null); },
  });
  $("notice-close").addEventListener("click", () => { $("notice").hidden = true; });
  $("export").addEventListener("click", () => downloadText(fileName(scenarioObject().title), editor.value));
  $("import").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", async () => {
    const file = $("import-file").files[0];
    if (!file) return;
    try { replaceScenario(await file.text(), () => t("imported", file.name)); } catch (error) { notify(t("importFailed", error.message)); }
    $("import-file").value = "";
  });
  $("language").value = language();
  $("language").addEventListener("change", () => { setLanguage($("language").value); relabel(); });
  let theme = "auto";
  try { theme = localStorage.getItem(THEME_KEY) ?? "auto"; } catch { /* storage unavailable */ }
  $("theme").value = theme;
  setTheme(theme);
  $("theme").addEventListener("change", () => setTheme($("theme").value));
  document.addEventListener("keydown", (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === "Enter") { event.preventDefault(); run(); }
    else if (mod && event.shiftKey && event.key.toLowerCase() === "f") { event.preventDefault(); format(); }
    else if (mod && event.shiftKey && event.key.toLowerCase() === "s") { event.preventDefault(); share(); }
  });
  window.addEventListener("hashchange", () => { if (location.hash) openFragment(); });
  // The last keystrokes are saved when the page is left (reload, tab closed or put away), not
  // only after the pause the save waits for.
  window.addEventListener("pagehide", () => scheduleSave.flush());
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") scheduleSave.flush(); });
}

async function start() {
  performance.mark("start");
  apply(document);
  wire();
  const status = $("engine-status");
  call("version").then((v) => {
    performance.mark("engine");
    state.version = v;
    status.textContent = t("ready", v);
    status.dataset.state = "ready";
    status.removeAttribute("data-i18n");
  }, (error) => {
    status.textContent = t("failed", error.message);
    status.dataset.state = "failed";
    status.removeAttribute("data-i18n");
  });
  const decoding = decodeFragment();
  await loadExamples();
  performance.mark("examples");
  const saved = loadSaved();
  if (saved != null) editor.setValue(saved);
  // A scenario a link replaced in an earlier visit is still offered back.
  state.beforeLink = loadBeforeLink();
  showBar("before-link", state.beforeLink != null);
  const fromLink = await openFragment(decoding);
  performance.mark("link");
  if (!fromLink && saved == null) {
    editor.setValue(state.examples[0] ? await exampleText(state.examples[0]) : EMPTY);
  }
  if (!fromLink) {
    const ran = run();
    world.render();
    buildForm();
    await ran;
  }
  performance.mark("shown");
  document.body.dataset.ready = "true";
}

start();
