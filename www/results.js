// The answers: one card per request, decision at a glance, the AWS error, the session, and the
// engine's explanation on demand. Every value from the scenario is shown as text.
import { h, prose } from "./dom.js";
import { t, tn } from "./i18n.js";
import { parseWithRanges, nodeAt } from "./jsonpos.js";

/**
 * Renders a run's results into `container`; `reveal(line)` shows a line in the scenario editor;
 * `text` is the scenario text the run evaluated; `open` holds the keys (`requestKeys`) of the
 * requests whose explanations a person has opened.
 */
export function renderResults(container, run, { reveal, open, onOpenBrief = () => {}, text = "" }) {
  if (!run.results.length) {
    container.replaceChildren(h("p", { class: "empty", text: t(run.runnable ? "noRequests" : "notRunnable") }));
    return;
  }
  const source = scenarioSource(text);
  const keys = requestKeys(text);
  const tokens = lastKeys.tokens;
  const focused = focusedPlace(container);
  container.replaceChildren(...run.results.map((r) =>
    requestCard(r, keys[r.index] ?? `#${r.index}`, reveal, open, onOpenBrief, source, tokens[r.index] === true)));
  if (focused) restoreFocus(container, focused);
}

// The keys of the last text asked about (see `requestKeys`), and which of its requests are made
// with GetSessionToken credentials (`"credentials": "GetSessionToken"`), which the card says.
let lastKeys = { text: null, keys: [], tokens: [] };

/**
 * A key for each request of the scenario `text` that stays the same when other requests are
 * added, deleted or moved, so that an opened explanation follows its request rather than its
 * place in the list: the request's `name` when it has one (a person tells requests apart by it),
 * else what it asks (principal, action and resource), which survives edits to its parameters.
 * Two requests with the same key are told apart by their order among those with that key.
 * A request renamed, or edited in what it asks, is a new request and starts closed.
 */
export function requestKeys(text) {
  // A run and the render that follows ask for the same text's keys: it is parsed once.
  if (text === lastKeys.text) return lastKeys.keys;
  const requests = requestsOf(text);
  lastKeys = { text, keys: keysOf(requests), tokens: requests.map((r) => r?.credentials === "GetSessionToken") };
  return lastKeys.keys;
}

function requestsOf(text) {
  try {
    const requests = JSON.parse(text)?.requests;
    return Array.isArray(requests) ? requests : [];
  } catch {
    return [];
  }
}

function keysOf(requests) {
  const seen = new Map();
  return requests.map((r) => {
    const base = typeof r?.name === "string" && r.name !== ""
      ? `name ${r.name}`
      : `asks ${JSON.stringify([r?.principal ?? null, r?.action ?? null, r?.resource ?? null])}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

/** The indices in `text` of the requests whose keys are in `open`: what the engine explains in full. */
export function openIndices(text, open) {
  if (!open.size) return [];
  return requestKeys(text).flatMap((key, index) => (open.has(key) ? [index] : []));
}

// Re-rendering replaces every card; a person reading them with the keyboard (who has just opened
// an explanation, which runs the scenario again) keeps the focus where it was: on the same
// control of the same request.
const FOCUSABLE = "summary, button, a[href], input, select, textarea, [tabindex]";

/** Where the focus is among the results, if it is: its request's key and its place in the card. */
function focusedPlace(container) {
  const active = document.activeElement;
  if (!active || !container.contains(active)) return null;
  const card = active.closest(".request");
  if (!card) return null;
  return { key: card.dataset.key, place: [...card.querySelectorAll(FOCUSABLE)].indexOf(active) };
}

function restoreFocus(container, { key, place }) {
  const card = [...container.querySelectorAll(".request")].find((c) => c.dataset.key === key);
  if (!card) return;
  const controls = card.querySelectorAll(FOCUSABLE);
  // The same control when the card still has it, else its explanation toggle.
  const target = controls[place] ?? card.querySelector("details.explain > summary");
  target?.focus({ preventScroll: true });
}

/**
 * The evaluated scenario text, read only when needed: whether a policy's statement is in the
 * text at all (an AWS managed policy's statements are the catalogue's, with the catalogue's
 * lines).
 */
function scenarioSource(text) {
  let ranges;
  return {
    has(pointer) {
      if (ranges === undefined) ranges = parseWithRanges(text);
      return pointer != null && nodeAt(ranges, pointer) != null;
    },
  };
}

function badge(decision) {
  return h("span", { class: "badge", dataset: { decision }, text: t(`decision.${decision}`) });
}

function requestCard(result, key, reveal, open, onOpenBrief, source, withToken) {
  const isOpen = open.has(key);
  const explain = result.explain ?? {};
  const expectation = result.expectation ?? "none";
  // The engine restates what was asked even for a request STS refused before any policy was
  // read (an STS call without a resource names none).
  const text = (value) => (typeof value === "string" ? value : "");
  const action = text(explain.action);
  const resource = text(explain.resource);
  const name = result.name || action;
  const card = h("article", {
    class: "request", dataset: { decision: result.decision, expectation, index: String(result.index), key },
    // Named as its header reads: a request without a name by what it asks.
    "aria-label": [`${result.index + 1}.`, name].filter(Boolean).join(" "),
  },
  h("header", {},
    h("span", { class: "index", text: `${result.index + 1}` }),
    badge(result.decision),
    h("span", { class: "name", text: name }),
    expectation !== "none" && h("span", { class: `expect expect-${expectation}`, text: t(`expect.${expectation}`) })),
  (explain.principal || action || resource) && h("p", { class: "what" },
    explain.principal && h("code", { text: explain.principal }),
    withToken && h("span", { class: "credentials", text: ` (${t("withTokenShort")})` }),
    explain.principal && (action || resource) && " → ",
    action && h("code", { text: action }), action && resource && " ", resource && h("code", { text: resource })),
  result.code && h("p", { class: "error" }, h("strong", { text: result.code }), " ", result.message ?? ""),
  result.session && sessionCard(result.session));
  // The explanation is built when it is first shown: most cards stay closed, and building them
  // all would delay the first decisions of a large scenario.
  // Every toggle is named after its request, so that a list of controls tells them apart.
  const details = h("details", { class: "explain", open: isOpen },
    h("summary", { text: t("explanation"), "aria-label": name ? t("explanationOf", result.index + 1, name) : t("explanationOfN", result.index + 1) }));
  let built = false;
  const build = () => {
    if (!built) details.append(explanation(explain, reveal, source));
    built = true;
  };
  if (isOpen) build();
  details.addEventListener("toggle", () => {
    if (!details.open) return open.delete(key);
    // A card drawn open (one already opened, drawn again by a run) fires "toggle" too: only a
    // person opening a closed request asks for a run, or a run that cannot give the whole
    // explanation (while the text cannot run) would ask for another, and so on without end.
    const opened = !open.has(key);
    open.add(key);
    build();
    // A brief explanation is the summary alone; opening it asks the engine for the whole.
    if (explain.brief && opened) onOpenBrief();
  });
  card.append(details);
  return card;
}

function sessionCard(s) {
  const rows = [
    ["session.arn", s.arn],
    ["session.expires", s.expiresAt != null ? t("seconds", s.expiresAt) : null],
    // Chaining is a role session's matter: a federated user's or a session token's never is.
    ["session.chained", s.arn?.includes(":assumed-role/") ? (s.chained ? t("yes") : t("no")) : null],
    ["session.mfa", s.mfa ? t("yes") : t("no")],
    ["session.sourceIdentity", s.sourceIdentity],
    ["session.tags", s.tags && Object.keys(s.tags).length ? Object.entries(s.tags).map(([k, v]) => `${k}=${v}`).join(", ") : null],
    ["session.transitive", s.transitiveTagKeys?.length ? s.transitiveTagKeys.join(", ") : null],
  ];
  return h("dl", { class: "session", "aria-label": t("session") },
    rows.filter(([, v]) => v != null && v !== "").map(([k, v]) => [h("dt", { text: t(k) }), h("dd", { text: String(v) })]));
}

function explanation(explain, reveal, source) {
  const parts = [];
  if (explain.summary) parts.push(h("p", { class: "summary" }, prose(explain.summary)));
  // A sentence the summary already says (an error's one note, a denial's reason) is not said
  // again under it.
  const unsaid = (sentences) => (sentences ?? []).filter((s) => !explain.summary?.includes(s.trim()));
  for (const check of explain.checks ?? []) parts.push(checkBlock(check, reveal, source, unsaid));
  if (explain.context?.length) parts.push(contextTable(explain.context));
  const notes = unsaid(explain.notes);
  if (notes.length) parts.push(h("ul", { class: "notes" }, notes.map((n) => h("li", {}, prose(n)))));
  // A closed request comes with its summary alone; opening it asks the engine for the rest.
  if (explain.brief) parts.push(h("p", { class: "muted brief-note", text: t("briefExplanation") }));
  return h("div", { class: "explain-body" }, parts);
}

function checkBlock(check, reveal, source, unsaid) {
  const auth = check.authorization;
  const notes = unsaid(check.notes);
  const reasons = unsaid(auth?.reasons);
  const block = h("section", { class: "check", dataset: { decision: check.decision ?? "" } },
    h("h4", {}, badge(check.decision), " ", check.name ?? "", " ",
      h("code", { text: `${check.action ?? ""} ${check.resource ?? ""}` })),
    check.message && h("p", { text: check.message }),
    notes.length > 0 && h("ul", { class: "notes" }, notes.map((n) => h("li", {}, prose(n)))));
  if (!auth) return block;
  // The check's message is usually AWS's denial itself: it is said once.
  if (auth.message && auth.message !== check.message) block.append(h("p", { class: "auth-message", text: auth.message }));
  if (reasons.length) block.append(h("ul", { class: "reasons" }, reasons.map((r) => h("li", {}, prose(r)))));
  if (auth.changes?.length) {
    block.append(h("h5", { text: t("whatWouldChange") }), h("ul", { class: "changes" }, auth.changes.map((c) => h("li", {}, prose(c)))));
  }
  const deciding = new Set((auth.deciding ?? []).map((d) => d.pointer));
  const sides = groupBy(auth.policies ?? [], (p) => p.side ?? "caller");
  for (const [side, policies] of sides) {
    const title = sides.size > 1 || auth.crossAccount ? t(`side.${side}`, side) : t("policies");
    block.append(h("div", { class: "side", dataset: { side } }, h("h5", { text: title }),
      policies.map((p) => policyBlock(p, deciding, reveal, source))));
  }
  return block;
}

function policyBlock(policy, deciding, reveal, source) {
  return h("div", { class: "policy", dataset: { verdict: policy.verdict ?? "" } },
    h("div", { class: "policy-head" },
      h("span", { class: "ptype", text: policy.type ? t(`ptype.${policy.type}`, policy.type) : "" }), " ",
      h("strong", { text: policy.label ?? "" }),
      // An SCP's or RCP's label names its level already ("… at r-ab12"): it is said once.
      policy.level && !names(policy.label, policy.level) && h("span", { class: "level", text: ` (${policy.level})` }),
      policy.verdict && h("span", { class: "verdict", text: ` — ${t(`verdict.${policy.verdict}`, policy.verdict)}` })),
    (policy.statements ?? []).length
      ? h("ul", { class: "statements" }, policy.statements.map((s) => statementItem(s, policyName(policy), deciding, reveal, source)))
      : h("p", { class: "muted", text: t("noStatements") }));
}

/** What a policy is called in a control's name: its label, else its type. */
function policyName(policy) {
  return policy.label || (policy.type ? t(`ptype.${policy.type}`, policy.type) : "");
}

function statementItem(s, policy, deciding, reveal, source) {
  const isDeciding = deciding.has(s.pointer);
  // A line of the scenario only for a statement written in it, not one of an AWS managed policy.
  const line = s.line && source.has(s.pointer) ? s.line : null;
  const statementName = s.sid ? String(s.sid) : t("statementN", s.index);
  const item = h("li", { class: `statement${isDeciding ? " deciding" : ""}${s.applies ? " applies" : ""}` },
    h("div", {},
      h("span", { class: `effect effect-${s.effect}`, text: s.effect ?? "" }), " ",
      h("span", { text: statementName }),
      isDeciding && h("span", { class: "deciding-tag", text: ` ${t("deciding")}` }),
      " ", h("span", { class: "applies-tag", text: s.applies ? t("applies") : t("doesNotApply") }),
      // "line 28" alone does not say which of a list of such buttons this is: the name says.
      line && h("button", { type: "button", class: "link", text: t("showLine", line),
        "aria-label": t("showStatementLine", statementName, policy, line), onclick: () => reveal(line) })),
    h("ul", { class: "elements" },
      element("Action", s.action),
      s.action && !s.action.matched && h("li", { class: "muted", text: t("actionStops") }),
      element("Resource", s.resource), element("Principal", s.principal),
      (s.conditions ?? []).map((c) => h("li", { class: c.matched ? "match" : "nomatch" },
        h("code", { text: `${c.operator} ${c.key}` }), " ", mark(c.matched), " ", prose(c.reason)))));
  return item;
}

function element(name, detail) {
  if (!detail) return null;
  return h("li", { class: detail.matched ? "match" : "nomatch" }, h("code", { text: name }), " ", mark(detail.matched), " ", prose(detail.detail));
}

function mark(matched) {
  return h("span", { class: "tick", "aria-label": matched ? t("matched") : t("notMatched"), text: matched ? "✓" : "✗" });
}

function contextTable(context) {
  // The roles are the elements' own: they keep the table a table for screen readers when a narrow
  // screen lays its rows out as blocks (style.css).
  const cell = (props, ...children) => h("td", { role: "cell", ...props }, ...children);
  return h("table", { class: "context", role: "table" },
    h("caption", { text: t("contextKeys") }),
    h("thead", { role: "rowgroup" }, h("tr", { role: "row" },
      ["key", "value", "source"].map((k) => h("th", { role: "columnheader", scope: "col", text: t(k) })))),
    h("tbody", { role: "rowgroup" }, context.map((c) => h("tr", { role: "row", dataset: { source: c.source ?? "" } },
      cell({}, h("code", {}, breakable(c.key))),
      cell({ text: typeof c.value === "string" ? c.value : JSON.stringify(c.value) }),
      cell({ text: t(`source.${c.source}`, c.source) })))));
}

/** A context key that a narrow table may wrap after a "/" (aws:PrincipalTag/ CostCenter), not mid-word. */
function breakable(key) {
  return String(key).split(/(?<=\/)/).flatMap((part, i) => (i ? [h("wbr"), part] : [part]));
}

/** Whether `text` has `word` as one of its words (an id such as r-ab12, not part of a longer one). */
function names(text, word) {
  return String(text ?? "").split(/[\s()（）、,]+/).includes(word);
}

function groupBy(list, key) {
  const map = new Map();
  for (const item of list) {
    const k = key(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(item);
  }
  return map;
}
