// Panes for the scenario's world. Each pane edits its own part of the scenario text (a role's
// trust policy edits /roles/N/trust and nothing else), so the JSON stays the one source of truth.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { call } from "./engine.js";
import { JsonEditor } from "./editor.js";
import { parseWithRanges, nodeAt, setAt, lineColumn, pointerPush } from "./jsonpos.js";

const KINDS = ["accounts", "users", "groups", "roles", "resources"];
const TEMPLATES = {
  accounts: () => ({ id: "111122223333", name: "new-account" }),
  users: () => ({ arn: "arn:aws:iam::111122223333:user/new-user", policies: [] }),
  groups: () => ({ arn: "arn:aws:iam::111122223333:group/new-group", policies: [] }),
  roles: () => ({
    arn: "arn:aws:iam::111122223333:role/NewRole",
    trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] },
    policies: [],
  }),
  resources: () => ({ arn: "arn:aws:s3:::new-bucket", policy: { Version: "2012-10-17", Statement: [] } }),
};
const EMPTY_POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };

/** Formats a pane's JSON with the engine, as the toolbar's Format does for the whole scenario. */
async function formatPolicy(text) {
  try {
    return { text: await call("formatJson", text) };
  } catch (error) {
    const problem = await call("checkJson", text).catch(() => null);
    return { problem: problem ?? { message: error.message } };
  }
}

/**
 * The world panes. `getText()` reads the scenario text; `setText(text, {structural})` writes it
 * (structural changes re-render the panes).
 */
export class WorldPanes {
  constructor(container, { getText, setText }) {
    this.container = container;
    this.getText = getText;
    this.setText = setText;
    this.fields = [];
    this.open = new Set();
  }

  render() {
    const text = this.getText();
    const root = parseWithRanges(text);
    this.fields = [];
    if (!root) return; // keep the last good panes while the JSON is broken
    const doc = JSON.parse(text);
    this.container.replaceChildren(...KINDS.map((kind) => this.kindSection(kind, Array.isArray(doc[kind]) ? doc[kind] : [], text, root)));
  }

  kindSection(kind, list, text, root) {
    const items = list.map((entity, i) => this.entity(kind, entity, pointerPush(`/${kind}`, i), text, root));
    const add = h("button", { type: "button", class: "small", text: `${t("add")}`, "aria-label": `${t("add")}: ${t(`kind.${kind}`)}`,
      onclick: () => this.write(`/${kind}`, [...list, TEMPLATES[kind]()], true) });
    return h("section", { class: "kind", dataset: { kind } },
      h("h3", {}, h("span", { text: `${t(`kind.${kind}`)} (${list.length})` }), " ", add), items);
  }

  entity(kind, entity, pointer, text, root) {
    const label = kind === "accounts" ? `${entity?.id ?? ""} ${entity?.name ?? ""}` : String(entity?.arn ?? "");
    const details = h("details", { class: "entity", open: this.open.has(pointer), dataset: { pointer } },
      h("summary", {}, h("span", { text: label })));
    details.addEventListener("toggle", () => (details.open ? this.open.add(pointer) : this.open.delete(pointer)));
    const body = h("div", { class: "entity-body" });
    if (kind === "accounts") {
      body.append(this.textInput(t("accountId"), pointerPush(pointer, "id"), entity.id), this.textInput(t("accountName"), pointerPush(pointer, "name"), entity.name));
      if (entity.organization) body.append(this.jsonField(t("organization"), pointerPush(pointer, "organization"), text, root));
    } else {
      body.append(this.textInput(t("rename"), pointerPush(pointer, "arn"), entity.arn));
    }
    if (kind === "roles") body.append(this.optionalPolicy(t("trust"), t("addTrust"), pointer, "trust", entity, text, root));
    if (kind === "users" || kind === "groups" || kind === "roles") body.append(this.policyList(pointer, entity, text, root));
    if (kind === "users" || kind === "roles") {
      body.append(this.optionalPolicy(t("boundary"), t("addBoundary"), pointer, "boundary", entity, text, root));
      if (entity.tags) body.append(this.jsonField(t("tags"), pointerPush(pointer, "tags"), text, root));
    }
    if (kind === "roles") body.append(this.numberInput(t("maxSession"), pointerPush(pointer, "maxSessionDuration"), entity.maxSessionDuration ?? 3600));
    if (kind === "resources") body.append(this.optionalPolicy(t("resourcePolicy"), t("addPolicy"), pointer, "policy", entity, text, root));
    body.append(h("button", { type: "button", class: "small danger", text: t("remove"), "aria-label": `${t("remove")}: ${label}`,
      onclick: () => this.write(pointer, undefined, true) }));
    details.append(body);
    return details;
  }

  policyList(pointer, entity, text, root) {
    const list = Array.isArray(entity.policies) ? entity.policies : [];
    const listPointer = pointerPush(pointer, "policies");
    return h("div", { class: "field" }, h("h4", { text: t("permissions") }),
      list.map((p, i) => (typeof p === "string"
        ? h("p", { class: "named" }, h("code", { text: p }))
        : this.jsonField(t("policyN", i + 1), pointerPush(listPointer, i), text, root))),
      h("button", { type: "button", class: "small", text: t("addPolicy"), onclick: () => this.write(listPointer, [...list, EMPTY_POLICY], true) }));
  }

  optionalPolicy(title, addLabel, pointer, key, entity, text, root) {
    const value = entity[key];
    const p = pointerPush(pointer, key);
    if (value == null) {
      return h("div", { class: "field" }, h("h4", { text: title }), h("button", { type: "button", class: "small", text: addLabel,
        onclick: () => this.write(p, key === "trust" ? TEMPLATES.roles().trust : EMPTY_POLICY, true) }));
    }
    if (typeof value === "string") return h("div", { class: "field" }, h("h4", { text: title }), h("p", { class: "named" }, h("code", { text: value })));
    return this.jsonField(title, p, text, root);
  }

  /** A JSON editor bound to the value at `pointer`; edits replace exactly that value's text. */
  jsonField(title, pointer, text, root) {
    const node = nodeAt(root, pointer);
    const { shown, indent } = dedent(node ? text.slice(node.start, node.end) : "");
    const raw = shown;
    const problem = h("p", { class: "field-problem", role: "status" });
    const editor = new JsonEditor({
      label: title, rows: Math.min(14, raw.split("\n").length + 1), formatter: formatPolicy,
      onInput: (value) => {
        try {
          const parsed = JSON.parse(value);
          problem.textContent = "";
          const next = setAt(this.getText(), pointer, parsed, value.replace(/\n/g, `\n${indent}`));
          if (next != null) this.setText(next, { structural: false });
        } catch (error) {
          problem.textContent = t("invalidJson", error.message);
        }
      },
    });
    editor.setValue(raw);
    editor.element.dataset.pointer = pointer;
    this.fields.push({ pointer, editor, indent: indent.length });
    return h("div", { class: "field" }, h("h4", { text: title }), editor.element, problem);
  }

  textInput(label, pointer, value) {
    const input = h("input", { type: "text", value: value ?? "", spellcheck: "false", dataset: { pointer } });
    input.addEventListener("change", () => this.write(pointer, input.value, true));
    return h("label", { class: "line" }, h("span", { text: label }), input);
  }

  numberInput(label, pointer, value) {
    const input = h("input", { type: "number", min: "900", max: "43200", step: "1", value: String(value) });
    input.addEventListener("change", () => this.write(pointer, Number(input.value), false));
    return h("label", { class: "line" }, h("span", { text: label }), input);
  }

  write(pointer, value, structural) {
    const next = setAt(this.getText(), pointer, value);
    if (next != null) this.setText(next, { structural });
  }

  /** Shows the scenario's findings in the pane editors they fall into. */
  showFindings(findings) {
    const text = this.getText();
    const root = parseWithRanges(text);
    if (!root) return;
    for (const { pointer, editor, indent } of this.fields) {
      const node = nodeAt(root, pointer);
      if (!node) continue;
      const start = lineColumn(text, node.start);
      const inside = findings.filter((f) => f.line && (f.pointer === pointer || f.pointer?.startsWith(`${pointer}/`)));
      editor.setFindings(inside.map((f) => ({
        ...f,
        line: f.line - start.line + 1,
        column: f.line === start.line ? f.column - start.column + 1 : Math.max(1, f.column - indent),
        endLine: f.endLine ? f.endLine - start.line + 1 : undefined,
        endColumn: f.endLine === start.line ? f.endColumn - start.column + 1 : Math.max(1, f.endColumn - indent),
      })).filter((f) => f.line >= 1));
    }
  }
}

/** Removes the indentation that lines after the first share, so a nested policy reads as pasted. */
function dedent(raw) {
  const rest = raw.split("\n").slice(1).filter((l) => l.trim());
  if (!rest.length) return { shown: raw, indent: "" };
  let indent = /^[ \t]*/.exec(rest[0])[0];
  for (const line of rest) while (indent && !line.startsWith(indent)) indent = indent.slice(0, -1);
  return { shown: indent ? raw.split("\n").map((l, i) => (i && l.startsWith(indent) ? l.slice(indent.length) : l)).join("\n") : raw, indent };
}
