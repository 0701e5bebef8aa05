// Panes for the scenario's world. Each pane edits its own part of the scenario text (a role's
// trust policy edits /roles/N/trust and nothing else), so the JSON stays the one source of truth.
import { h } from "./dom.js";
import { t, language } from "./i18n.js";
import { call } from "./engine.js";
import { JsonEditor } from "./editor.js";
import { parseWithRanges, nodeAt, setAt, lineColumn, pointerPush } from "./jsonpos.js";

const KINDS = ["accounts", "users", "groups", "roles", "resources"];
// What Add appends: `account` is the scenario's first account, `name` one no entity has yet
// (see `newEntity`).
const TEMPLATES = {
  accounts: (id) => ({ id, name: "new-account" }),
  users: (account, name) => ({ arn: `arn:aws:iam::${account}:user/${name}`, policies: [] }),
  groups: (account, name) => ({ arn: `arn:aws:iam::${account}:group/${name}`, policies: [] }),
  roles: (account, name) => ({ arn: `arn:aws:iam::${account}:role/${name}`, trust: roleTrust(account), policies: [] }),
  resources: (_account, name) => ({ arn: `arn:aws:s3:::${name}`, policy: { Version: "2012-10-17", Statement: [] } }),
};
const BASE_NAMES = { users: "new-user", groups: "new-group", roles: "NewRole", resources: "new-bucket" };
const FIRST_ACCOUNT = "111122223333";

/** A trust policy that lets the principals of the role's own account assume it (their policies permitting). */
function roleTrust(account) {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }] };
}
const EMPTY_POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };

// SCPs and RCPs. AWS attaches FullAWSAccess (RCPFullAWSAccess) to the root, every OU and every
// account, and a level must allow an action for it to pass (AWS Organizations User Guide, "SCP
// evaluation", "RCP evaluation"); a new inline policy is a guardrail that denies something the
// usual requests do not do, so adding one changes nothing until it is edited.
const ORG_POLICIES = {
  scps: {
    full: "FullAWSAccess",
    template: () => ({ Version: "2012-10-17", Statement: [{ Sid: "DenyLeavingTheOrganization", Effect: "Deny",
      Action: "organizations:LeaveOrganization", Resource: "*" }] }),
  },
  rcps: {
    full: "RCPFullAWSAccess",
    template: () => ({ Version: "2012-10-17", Statement: [{ Sid: "EnforceSecureTransport", Effect: "Deny", Principal: "*",
      Action: ["sts:*", "s3:*", "sqs:*", "secretsmanager:*", "kms:*"], Resource: "*",
      Condition: { BoolIfExists: { "aws:SecureTransport": "false" } } }] }),
  },
};
const ORG_KINDS = Object.keys(ORG_POLICIES);

/** Formats a pane's JSON with the engine, as the toolbar's Format does for the whole scenario. */
async function formatPolicy(text) {
  try {
    return { text: await call("formatJson", text, language()) };
  } catch (error) {
    const problem = await call("checkJson", text, language()).catch(() => null);
    return { problem: problem ?? { message: error.message } };
  }
}

/**
 * What is wrong with text that is not JSON, in the page's language: the engine's sentence with
 * its line and column, as the scenario editor's findings say it (the browser's JSON.parse
 * speaks English only, and counts characters from the start of the text).
 */
async function jsonProblem(text) {
  const found = await call("checkJson", text, language()).catch(() => null);
  return found ? t("invalidJsonAt", found.line, found.column, found.message) : t("invalidJson");
}

const isObject = (v) => v != null && typeof v === "object" && !Array.isArray(v);

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
    if (!root) return; // keep the last good panes while the JSON is broken
    this.fields = [];
    const doc = JSON.parse(text);
    this.doc = isObject(doc) ? doc : {};
    const named = [...new Set([...ORG_KINDS.map((k) => ORG_POLICIES[k].full), ...Object.keys(isObject(this.doc.policies) ? this.doc.policies : {})])];
    this.container.replaceChildren(
      h("datalist", { id: "named-policy-list" }, named.map((name) => h("option", { value: name }))),
      ...KINDS.map((kind) => this.kindSection(kind, Array.isArray(this.doc[kind]) ? this.doc[kind] : [], text, root)));
  }

  kindSection(kind, list, text, root) {
    const items = list.map((entity, i) => this.entity(kind, entity, pointerPush(`/${kind}`, i), text, root));
    const add = h("button", { type: "button", class: "small", text: `${t("add")}`, "aria-label": `${t("add")}: ${t(`kind.${kind}`)}`,
      dataset: { key: `add ${kind}` }, onclick: () => this.write(`/${kind}`, [...list, this.newEntity(kind, list)], true) });
    return h("section", { class: "kind", dataset: { kind } },
      h("h3", {}, h("span", { text: `${t(`kind.${kind}`)} (${list.length})` }), " ", add), items);
  }

  /**
   * A new entity for `list` (the scenario's `kind`) with an ID or name that none of it has: the
   * engine refuses a duplicate (DUPLICATE_ENTITY), and with it the whole scenario.
   */
  newEntity(kind, list) {
    const account = this.firstAccount();
    if (kind === "accounts") {
      const ids = new Set(list.map((a) => String(a?.id ?? "")));
      let id = Number(FIRST_ACCOUNT);
      while (ids.has(String(id))) id += 1;
      return TEMPLATES.accounts(String(id));
    }
    // IAM names are unique in an account whatever their case and path; a bucket by its ARN.
    const names = new Set(list.map((e) => String(e?.arn ?? "").split(/[/:]/).pop().toLowerCase()));
    return TEMPLATES[kind](account, unusedName(BASE_NAMES[kind], names));
  }

  /** The account new users, groups and roles go in: the scenario's first. */
  firstAccount() {
    const id = String((Array.isArray(this.doc.accounts) ? this.doc.accounts : [])[0]?.id ?? "");
    return /^\d{12}$/.test(id) ? id : FIRST_ACCOUNT;
  }

  entity(kind, entity, pointer, text, root) {
    const label = kind === "accounts" ? `${entity?.id ?? ""} ${entity?.name ?? ""}` : String(entity?.arn ?? "");
    const details = h("details", { class: "entity", open: this.open.has(pointer), dataset: { pointer } },
      h("summary", {}, h("span", { text: label })));
    details.addEventListener("toggle", () => (details.open ? this.open.add(pointer) : this.open.delete(pointer)));
    const body = h("div", { class: "entity-body" });
    if (kind === "accounts") {
      body.append(
        this.textInput(t("accountId"), pointerPush(pointer, "id"), entity.id, { onChange: (id) => this.renameAccount(pointer, entity, id) }),
        this.textInput(t("accountName"), pointerPush(pointer, "name"), entity.name),
        this.organization(pointer, entity, text, root));
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
    if (kind === "resources" && /^arn:aws[\w-]*:s3:::/.test(entity.arn ?? "")) {
      // S3 ARNs name no account: the owner decides cross-account evaluation and RCPs.
      const at = pointerPush(pointer, "account");
      body.append(this.textInput(t("ownerAccount"), at, entity.account, { onChange: (v) => this.write(at, v.trim() || undefined, true) }));
    }
    if (kind === "resources") body.append(this.optionalPolicy(t("resourcePolicy"), t("addPolicy"), pointer, "policy", entity, text, root));
    body.append(h("button", { type: "button", class: "small danger", text: t("remove"), "aria-label": `${t("remove")}: ${label}`,
      onclick: () => this.write(pointer, undefined, true, `add ${kind}`) }));
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
        onclick: () => this.write(p, key === "trust" ? roleTrust(accountOf(entity.arn) ?? this.firstAccount()) : EMPTY_POLICY, true) }));
    }
    if (typeof value === "string") return h("div", { class: "field" }, h("h4", { text: title }), h("p", { class: "named" }, h("code", { text: value })));
    return this.jsonField(title, p, text, root);
  }

  /**
   * An account's place in its organization: the path from the root through the OUs to the
   * account, and the SCPs and RCPs attached at each level, each policy in its own editor.
   */
  organization(pointer, account, text, root) {
    const p = pointerPush(pointer, "organization");
    const org = account.organization;
    const box = h("section", { class: "field org", dataset: { pointer: p } }, h("h4", { text: t("organization") }));
    if (org == null) {
      box.append(h("p", { class: "muted", text: t("org.none") }),
        h("button", { type: "button", class: "small", text: t("org.join"), dataset: { key: `org join ${pointer}` },
          "aria-label": `${t("org.join")}: ${account.id ?? ""}`,
          onclick: () => this.write(p, this.newOrganization(account.id), true, `input ${pointerPush(p, "id")}`) }));
      return box;
    }
    if (!isObject(org)) return this.jsonField(t("organization"), p, text, root);
    const path = Array.isArray(org.path) ? org.path : [];
    const levels = [
      ...path.map((id, index) => ({ id: String(id), kind: index === 0 ? "root" : "ou", index })),
      { id: String(account.id ?? ""), kind: "account" },
    ];
    // Nested as the organization is: the root holds the OUs, the last OU holds the account.
    let inner = null;
    for (const level of [...levels].reverse()) {
      inner = h("li", {}, this.orgLevel(p, org, level, text, root), inner && h("ol", { class: "org-path" }, inner));
    }
    box.append(h("p", { class: "muted note", text: t("org.note") }),
      this.textInput(t("org.id"), pointerPush(p, "id"), org.id),
      this.checkbox(t("org.management"), pointerPush(p, "management"), org.management === true),
      h("ol", { class: "org-path", "aria-label": t("org.path") }, inner));
    const onPath = new Set(levels.map((l) => l.id));
    const stray = ORG_KINDS.flatMap((kind) => (Array.isArray(org[kind]) ? org[kind] : [])
      .map((entry, i) => ({ kind, entry, i })).filter(({ entry }) => !onPath.has(String(entry?.target))));
    if (stray.length) {
      // Attached to a target that is not on this path: the engine reports it; here it can be fixed.
      box.append(h("div", { class: "org-stray" }, h("h5", { text: t("org.stray") }),
        stray.map(({ kind, i }) => {
          const entryP = pointerPush(pointerPush(p, kind), i);
          return h("div", { class: "attached" },
            this.textInput(t(`org.${kind}Target`), pointerPush(entryP, "target"), org[kind][i]?.target),
            h("button", { type: "button", class: "small danger", text: t("remove"), "aria-label": `${t("remove")}: ${org[kind][i]?.target ?? ""}`,
              onclick: () => this.write(pointerPush(p, kind), org[kind].filter((_, k) => k !== i), true, `org add-ou ${p}`) }));
        })));
    }
    box.append(h("div", { class: "buttons" },
      h("button", { type: "button", class: "small", text: t("org.addOu"), dataset: { key: `org add-ou ${p}` },
        onclick: () => this.write(pointerPush(p, "path"), [...path, path.length ? this.newOuId(path) : "r-ab12"], true) }),
      h("button", { type: "button", class: "small danger", text: t("org.leave"), "aria-label": `${t("org.leave")}: ${account.id ?? ""}`,
        onclick: () => this.write(p, undefined, true, `org join ${pointer}`) })));
    return box;
  }

  /** One level of the path (root, OU or the account) with its SCPs and RCPs. */
  orgLevel(p, org, level, text, root) {
    const name = `${t(`org.level.${level.kind}`)} ${level.id}`;
    const head = level.kind === "account"
      ? h("h5", { text: name })
      : h("div", { class: "level-head" },
        this.textInput(t(`org.level.${level.kind}`), pointerPush(pointerPush(p, "path"), level.index), level.id,
          { onChange: (id) => this.renameLevel(p, org, level.index, id.trim()) }),
        level.kind === "ou" && h("button", { type: "button", class: "small danger", text: t("remove"), "aria-label": `${t("remove")}: ${name}`,
          onclick: () => this.removeLevel(p, org, level.index) }));
    return h("section", { class: "org-level", dataset: { level: level.kind, target: level.id }, "aria-label": name },
      head, ORG_KINDS.map((kind) => this.attached(p, org, kind, level, name, text, root)));
  }

  /** The SCPs (or RCPs) attached at one level: named ones by name, inline ones in an editor. */
  attached(p, org, kind, level, levelName, text, root) {
    const listP = pointerPush(p, kind);
    const list = Array.isArray(org[kind]) ? org[kind] : [];
    const key = `org add ${kind} ${p} ${level.id}`;
    const items = [];
    let n = 0;
    list.forEach((entry, i) => {
      if (String(entry?.target) !== level.id || !Array.isArray(entry.policies)) return;
      const policiesP = pointerPush(pointerPush(listP, i), "policies");
      entry.policies.forEach((ref, j) => {
        n += 1;
        const refP = pointerPush(policiesP, j);
        const title = t(`org.${kind}N`, n);
        const remove = h("button", { type: "button", class: "small danger", text: t("org.detach"),
          "aria-label": `${t("org.detach")}: ${title} (${levelName})`, onclick: () => this.detach(listP, list, i, j, key) });
        items.push(typeof ref === "string"
          ? h("div", { class: "attached named" }, this.textInput(title, refP, ref, { list: "named-policy-list" }), remove)
          : h("div", { class: "attached" }, this.jsonField(title, refP, text, root, { label: `${title} (${levelName})` }), remove));
      });
    });
    const choices = new Set([ORG_POLICIES[kind].full, ...Object.keys(isObject(this.doc.policies) ? this.doc.policies : {})]);
    const selectId = `attach-${kind}-${p}-${level.id}`.replace(/[^\w-]/g, "_");
    const select = h("select", { id: selectId }, [...choices].map((name) => h("option", { value: name, text: name })));
    return h("div", { class: "org-policies", dataset: { kind } },
      h("h6", {}, t(`org.${kind}`), !items.length && h("span", { class: "muted", text: ` ${t("org.noneHere")}` })),
      items,
      h("div", { class: "buttons" },
        h("button", { type: "button", class: "small", text: t(`org.add.${kind}`), dataset: { key },
          "aria-label": `${t(`org.add.${kind}`)}: ${levelName}`, onclick: () => this.attach(listP, list, level, ORG_POLICIES[kind].template(), ORG_POLICIES[kind].full) }),
        h("label", { class: "attach", for: selectId, text: t("org.attachNamed") }), select,
        h("button", { type: "button", class: "small", text: t("org.attach"), dataset: { key: `${key} named` },
          "aria-label": `${t("org.attach")}: ${levelName} (${t(`org.${kind}`)})`, onclick: () => this.attach(listP, list, level, select.value) })));
  }

  /**
   * Attaches a policy at a level. The first policy of a level comes with the full-access policy
   * AWS attaches there by default, so that a new guardrail restricts rather than denies all.
   */
  attach(listP, list, level, policy, withDefault) {
    const at = list.findIndex((e) => String(e?.target) === level.id && Array.isArray(e.policies));
    if (at >= 0) {
      this.write(pointerPush(pointerPush(listP, at), "policies"), [...list[at].policies, policy], true);
    } else {
      const policies = withDefault && policy !== withDefault ? [withDefault, policy] : [policy];
      this.write(listP, [...list, { target: level.id, policies }], true);
    }
  }

  /** Detaches one policy; a level left with none is removed from the list. */
  detach(listP, list, i, j, focus) {
    const rest = list[i].policies.filter((_, k) => k !== j);
    if (rest.length) this.write(pointerPush(pointerPush(listP, i), "policies"), rest, true, focus);
    else this.write(listP, list.filter((_, k) => k !== i), true, focus);
  }

  /** Renames a root or OU; the SCPs and RCPs attached to it follow. */
  renameLevel(p, org, index, id) {
    const old = String(org.path[index]);
    if (!id || id === old) return;
    const writes = [[pointerPush(p, "path"), org.path.map((x, k) => (k === index ? id : x))]];
    for (const kind of ORG_KINDS) {
      (Array.isArray(org[kind]) ? org[kind] : []).forEach((entry, i) => {
        if (String(entry?.target) === old) writes.push([pointerPush(pointerPush(pointerPush(p, kind), i), "target"), id]);
      });
    }
    this.writeAll(writes, true, `input ${pointerPush(pointerPush(p, "path"), index)}`);
  }

  /** Removes an OU from the path, with what was attached to it. */
  removeLevel(p, org, index) {
    const old = String(org.path[index]);
    const writes = [[pointerPush(p, "path"), org.path.filter((_, k) => k !== index)]];
    for (const kind of ORG_KINDS) {
      const list = Array.isArray(org[kind]) ? org[kind] : [];
      const kept = list.filter((entry) => String(entry?.target) !== old);
      if (kept.length !== list.length) writes.push([pointerPush(p, kind), kept]);
    }
    this.writeAll(writes, true, `org add-ou ${p}`);
  }

  /** Changes an account's ID; SCPs and RCPs attached to the account follow. */
  renameAccount(pointer, account, id) {
    const writes = [[pointerPush(pointer, "id"), id]];
    const org = account.organization;
    if (isObject(org) && id !== account.id) {
      for (const kind of ORG_KINDS) {
        (Array.isArray(org[kind]) ? org[kind] : []).forEach((entry, i) => {
          if (entry?.target === account.id) writes.push([`${pointer}/organization/${kind}/${i}/target`, id]);
        });
      }
    }
    this.writeAll(writes, true);
  }

  /** A new organization for an account: the one another account is in, or a new one. */
  newOrganization(accountId) {
    const other = (Array.isArray(this.doc.accounts) ? this.doc.accounts : [])
      .map((a) => a?.organization).find((o) => isObject(o) && typeof o.id === "string" && typeof o.path?.[0] === "string");
    const id = other?.id ?? "o-a1b2c3d4e5";
    const rootId = other?.path[0] ?? "r-ab12";
    return { id, path: [rootId], scps: [{ target: rootId, policies: ["FullAWSAccess"] }, { target: String(accountId ?? ""), policies: ["FullAWSAccess"] }] };
  }

  /** An OU ID in AWS's shape (`ou-ROOT-SUFFIX`) that no account's path uses yet. */
  newOuId(path) {
    const rootPart = /^r-([0-9a-z]{4,32})$/.exec(String(path[0] ?? ""))?.[1] ?? "ab12";
    const used = new Set((Array.isArray(this.doc.accounts) ? this.doc.accounts : []).flatMap((a) => (Array.isArray(a?.organization?.path) ? a.organization.path : [])));
    for (let n = 1; ; n++) {
      const id = `ou-${rootPart}-${String(n).padStart(8, "0")}`;
      if (!used.has(id)) return id;
    }
  }

  /**
   * A JSON editor bound to the value at `pointer`; edits replace exactly that value's text.
   * `label` names it for screen readers when `title` alone would not say which one it is.
   */
  jsonField(title, pointer, text, root, { label = title } = {}) {
    const node = nodeAt(root, pointer);
    const { shown, indent } = dedent(node ? text.slice(node.start, node.end) : "");
    const raw = shown;
    const problem = h("p", { class: "field-problem", role: "status" });
    // The engine's word on text that is not JSON arrives later than the next keystroke may: only
    // the latest edit's is shown.
    let edits = 0;
    const editor = new JsonEditor({
      label, rows: Math.min(14, raw.split("\n").length + 1), formatter: formatPolicy,
      onInput: (value) => {
        const edit = ++edits;
        let parsed;
        try {
          parsed = JSON.parse(value);
        } catch {
          jsonProblem(value).then((said) => { if (edit === edits) problem.textContent = said; });
          return;
        }
        problem.textContent = "";
        const next = setAt(this.getText(), pointer, parsed, value.replace(/\n/g, `\n${indent}`));
        if (next != null) this.setText(next, { structural: false });
      },
    });
    editor.setValue(raw);
    editor.element.dataset.pointer = pointer;
    this.fields.push({ pointer, editor, indent: indent.length });
    return h("div", { class: "field" }, h("h4", { text: title }), editor.element, problem);
  }

  /** A one-line text field for the string at `pointer`; `onChange(value)` replaces the plain write. */
  textInput(label, pointer, value, { onChange, list } = {}) {
    const input = h("input", { type: "text", value: value ?? "", spellcheck: "false", list, dataset: { pointer, key: `input ${pointer}` } });
    input.addEventListener("change", () => (onChange ? onChange(input.value) : this.write(pointer, input.value, true)));
    return h("label", { class: "line" }, h("span", { text: label }), input);
  }

  /** A check box for the flag at `pointer`: `true` when checked, left out of the text when not. */
  checkbox(label, pointer, checked) {
    const input = h("input", { type: "checkbox", checked, dataset: { pointer, key: `input ${pointer}` } });
    input.addEventListener("change", () => this.write(pointer, input.checked ? true : undefined, true, `input ${pointer}`));
    return h("label", { class: "line check" }, input, h("span", { text: label }));
  }

  numberInput(label, pointer, value) {
    // A role's MaxSessionDuration is one to twelve hours (IAM API Reference, CreateRole).
    const input = h("input", { type: "number", min: "3600", max: "43200", step: "1", value: String(value) });
    input.addEventListener("change", () => this.write(pointer, Number(input.value), false));
    return h("label", { class: "line" }, h("span", { text: label }), input);
  }

  write(pointer, value, structural, focusKey) {
    this.writeAll([[pointer, value]], structural, focusKey);
  }

  /**
   * Writes several values, in order, as one edit. A structural edit re-renders the panes at once
   * and puts the keyboard focus back where it was (or on `focusKey` when that element is gone).
   */
  writeAll(writes, structural, focusKey) {
    let next = this.getText();
    for (const [pointer, value] of writes) {
      next = setAt(next, pointer, value);
      if (next == null) return;
    }
    const active = this.container.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    this.setText(next, { structural });
    if (!structural) return;
    this.render();
    const find = (key) => key && [...this.container.querySelectorAll("[data-key]")].find((el) => el.dataset.key === key);
    const target = find(active) ?? find(focusKey);
    if (target) {
      target.closest("details")?.setAttribute("open", "");
      target.focus();
    }
  }

  /** Shows the scenario's findings in the pane editors they fall into. */
  showFindings(findings) {
    const text = this.getText();
    const root = parseWithRanges(text);
    if (!root) return;
    // A one-line field (an ID, a target, a policy name) that a finding points at says so.
    for (const input of this.container.querySelectorAll("input[data-pointer]")) {
      const about = findings.filter((f) => f.pointer === input.dataset.pointer);
      if (about.length) {
        input.setAttribute("aria-invalid", "true");
        input.title = about.map((f) => f.message).join("\n");
      } else if (input.hasAttribute("aria-invalid")) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("title");
      }
    }
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

/** The account an IAM ARN names, if it does. */
function accountOf(arn) {
  return /^arn:[\w-]+:iam::(\d{12}):/.exec(String(arn ?? ""))?.[1];
}

/** `base`, else `base2`, `base3`...: the first that `taken` (in lower case) does not hold. */
function unusedName(base, taken) {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  return name;
}

/** Removes the indentation that lines after the first share, so a nested policy reads as pasted. */
function dedent(raw) {
  const rest = raw.split("\n").slice(1).filter((l) => l.trim());
  if (!rest.length) return { shown: raw, indent: "" };
  let indent = /^[ \t]*/.exec(rest[0])[0];
  for (const line of rest) while (indent && !line.startsWith(indent)) indent = indent.slice(0, -1);
  return { shown: indent ? raw.split("\n").map((l, i) => (i && l.startsWith(indent) ? l.slice(indent.length) : l)).join("\n") : raw, indent };
}
