// The request builder: a form that writes one request object and appends it to the scenario.
import { h } from "./dom.js";
import { t } from "./i18n.js";

const SERVICES = {
  "lambda:CreateFunction": { param: "Role", resource: "arn:aws:lambda:us-east-1:111122223333:function:my-function" },
  "ec2:RunInstances": { param: "IamInstanceProfile", resource: "arn:aws:ec2:us-east-1:111122223333:instance/*" },
  "cloudformation:CreateStack": { param: "RoleARN", resource: "arn:aws:cloudformation:us-east-1:111122223333:stack/my-stack/*" },
  "ecs:RunTask": { param: "taskRoleArn", resource: "arn:aws:ecs:us-east-1:111122223333:task-definition/my-task:1" },
};

/** Builds the form into `container`; `append(request)` adds the request to the scenario. */
export function buildRequestForm(container, { append, notify, scenario }) {
  // A rebuild (new roles in the scenario, another language) keeps what the user has typed.
  const previous = new Map([...container.querySelectorAll("input, select, textarea")]
    .filter((el) => el.id).map((el) => [el.id, el.type === "checkbox" ? el.checked : el.value]));
  const kind = h("select", { id: "req-kind" },
    ["assumeRole", "webIdentity", "passRole", "other"].map((k) => h("option", { value: k, text: t(`req.${k}`) })));
  const fields = {};
  const field = (key, props = {}) => {
    const id = `req-${key}`;
    const input = props.multiline
      ? h("textarea", { id, rows: props.rows ?? 3, spellcheck: "false" })
      : h("input", { id, type: props.type ?? "text", spellcheck: "false", value: props.value ?? "", list: props.list });
    fields[key] = input;
    return h("div", { class: "row", dataset: { for: props.kinds?.join(" ") ?? "all" } },
      h("label", { for: id, text: t(`req.${key}`) }), input);
  };
  const doc = scenario();
  const principals = [...(doc.users ?? []), ...(doc.roles ?? [])].map((e) => e.arn).filter(Boolean);
  const roles = (doc.roles ?? []).map((r) => r.arn).filter(Boolean);
  const lists = [
    h("datalist", { id: "principal-list" }, principals.map((a) => h("option", { value: a }))),
    h("datalist", { id: "role-list" }, roles.map((a) => h("option", { value: a }))),
  ];
  const service = h("select", { id: "req-service" }, Object.keys(SERVICES).map((s) => h("option", { value: s, text: s })));
  const expect = h("select", { id: "req-expect" }, h("option", { value: "", text: t("req.expectNone") }),
    ["allowed", "implicitDeny", "explicitDeny", "error"].map((d) => h("option", { value: d, text: t(`decision.${d}`) })));
  const mfa = h("input", { id: "req-mfa", type: "checkbox" });
  const rows = [
    h("div", { class: "row" }, h("label", { for: "req-kind", text: t("req.kind") }), kind),
    field("name"),
    field("principal", { kinds: ["assumeRole", "passRole", "other"], list: "principal-list" }),
    field("role", { kinds: ["assumeRole", "webIdentity"], list: "role-list", value: roles[0] ?? "" }),
    field("sessionName", { kinds: ["assumeRole", "webIdentity"], value: "session" }),
    field("duration", { kinds: ["assumeRole", "webIdentity"], type: "number" }),
    field("externalId", { kinds: ["assumeRole"] }),
    h("div", { class: "row check", dataset: { for: "assumeRole" } }, mfa, h("label", { for: "req-mfa", text: t("req.mfa") })),
    field("sessionPolicy", { kinds: ["assumeRole", "webIdentity"], multiline: true }),
    field("tags", { kinds: ["assumeRole"], multiline: true }),
    field("transitive", { kinds: ["assumeRole"] }),
    field("sourceIdentity", { kinds: ["assumeRole", "webIdentity"] }),
    field("org", { kinds: ["webIdentity"], value: "my-org" }),
    field("repo", { kinds: ["webIdentity"], value: "my-repo" }),
    field("branch", { kinds: ["webIdentity"], value: "main" }),
    field("environment", { kinds: ["webIdentity"] }),
    h("div", { class: "row", dataset: { for: "passRole" } }, h("label", { for: "req-service", text: t("req.service") }), service),
    field("passedRole", { kinds: ["passRole"], list: "role-list", value: roles[0] ?? "" }),
    field("action", { kinds: ["other"], value: "s3:GetObject" }),
    field("resource", { kinds: ["other"], value: "arn:aws:s3:::bucket/key" }),
    field("context", { kinds: ["assumeRole", "passRole", "other"], multiline: true }),
    h("div", { class: "row" }, h("label", { for: "req-expect", text: t("req.expect") }), expect),
  ];
  const show = () => {
    for (const row of rows) {
      const kinds = row.dataset.for;
      row.hidden = !(kinds === undefined || kinds === "all" || kinds.split(" ").includes(kind.value));
    }
  };
  kind.addEventListener("change", show);
  const form = h("form", { class: "builder", novalidate: true }, lists, rows,
    h("button", { type: "submit", text: t("req.add") }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = makeRequest(kind.value, fields, { mfa: mfa.checked, service: service.value, expect: expect.value }, notify);
    if (request) { append(request); notify(t("req.added")); }
  });
  for (const [id, value] of previous) {
    const el = form.querySelector(`#${id}`);
    if (el && el.type === "checkbox") el.checked = value;
    else if (el) el.value = value;
  }
  show();
  container.replaceChildren(form);
}

function pairs(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

function makeRequest(kind, f, { mfa, service, expect }, notify) {
  const v = (key) => f[key].value.trim();
  const request = { name: v("name") || t(`req.${kind}`) };
  const context = pairs(f.context.value);
  if (kind === "assumeRole" || kind === "webIdentity") {
    const parameters = { RoleSessionName: v("sessionName") || "session" };
    if (v("duration")) parameters.DurationSeconds = Number(v("duration"));
    if (v("sessionPolicy")) {
      try { parameters.Policy = JSON.parse(v("sessionPolicy")); } catch { notify(t("req.badSessionPolicy")); return null; }
    }
    if (v("sourceIdentity")) parameters.SourceIdentity = v("sourceIdentity");
    if (kind === "assumeRole") {
      request.principal = v("principal");
      if (v("externalId")) parameters.ExternalId = v("externalId");
      if (mfa) {
        const account = /^arn:aws:iam::(\d{12}):/.exec(request.principal)?.[1] ?? "111122223333";
        parameters.SerialNumber = `arn:aws:iam::${account}:mfa/device`;
        parameters.TokenCode = "123456";
      }
      const tags = Object.entries(pairs(f.tags.value)).map(([Key, Value]) => ({ Key, Value }));
      if (tags.length) parameters.Tags = tags;
      const transitive = v("transitive").split(",").map((s) => s.trim()).filter(Boolean);
      if (transitive.length) parameters.TransitiveTagKeys = transitive;
    } else {
      parameters.WebIdentityToken = githubClaims(v("org"), v("repo"), v("branch"), v("environment"));
    }
    Object.assign(request, { action: kind === "assumeRole" ? "sts:AssumeRole" : "sts:AssumeRoleWithWebIdentity", resource: v("role"), parameters });
  } else if (kind === "passRole") {
    const spec = SERVICES[service];
    Object.assign(request, { principal: v("principal"), action: service, resource: spec.resource, parameters: { [spec.param]: v("passedRole") } });
  } else {
    Object.assign(request, { principal: v("principal"), action: v("action"), resource: v("resource") });
  }
  if (kind !== "webIdentity" && Object.keys(context).length) request.context = context;
  if (expect) request.expect = expect;
  return request;
}

/** The claims GitHub Actions puts in its OIDC token for a workflow run (GitHub's OIDC docs). */
export function githubClaims(org, repo, branch, environment) {
  const repository = `${org}/${repo}`;
  return {
    iss: "https://token.actions.githubusercontent.com",
    aud: "sts.amazonaws.com",
    sub: environment ? `repo:${repository}:environment:${environment}` : `repo:${repository}:ref:refs/heads/${branch}`,
    repository,
    repository_owner: org,
    ref: `refs/heads/${branch}`,
    ...(environment ? { environment } : {}),
  };
}
