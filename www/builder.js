// The request builder: a form that writes one request object and appends it to the scenario.
import { h } from "./dom.js";
import { t } from "./i18n.js";

// Each call's resource is in the caller's account (see `accountOf`). EC2 is passed a role through
// an instance profile (`viaProfile`), never the role's own ARN.
const SERVICES = {
  "lambda:CreateFunction": { param: "Role", resource: (account) => `arn:aws:lambda:us-east-1:${account}:function:my-function` },
  "ec2:RunInstances": { param: "IamInstanceProfile", viaProfile: true, resource: (account) => `arn:aws:ec2:us-east-1:${account}:instance/*` },
  "cloudformation:CreateStack": { param: "RoleARN", resource: (account) => `arn:aws:cloudformation:us-east-1:${account}:stack/my-stack/*` },
  "ecs:RunTask": { param: "taskRoleArn", resource: (account) => `arn:aws:ecs:us-east-1:${account}:task-definition/my-task:1` },
};
const DEFAULT_ACCOUNT = "111122223333";
// What AWS reads from a SAML assertion (IAM User Guide, "Configure SAML assertions for the
// authentication response"); the scenario gives the assertion as an object of these.
const SAML_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/";
const SAML_RECIPIENT = "https://signin.aws.amazon.com/saml";
const NAMEID_FORMATS = ["persistent", "transient", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
  "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"];
const STS_KINDS = ["assumeRole", "webIdentity", "saml"];
// The calls that give a user temporary credentials: GetSessionToken, GetFederationToken.
const TOKEN_KINDS = ["sessionToken", "federationToken"];
// The requests a user can make with GetSessionToken credentials ("credentials").
const USER_KINDS = ["assumeRole", "passRole", "other"];
// The fields a kind of request cannot do without: the engine cannot run a request without them.
const REQUIRED = {
  assumeRole: ["principal", "role"],
  webIdentity: ["role", "org", "repo"],
  saml: ["role", "samlProvider", "samlIssuer"],
  passRole: ["principal", "passedRole"],
  other: ["principal", "action", "resource"],
  sessionToken: ["principal"],
  federationToken: ["principal", "federatedName"],
};

/**
 * Builds the form into `container`; `append(request)` adds the request to the scenario;
 * `sessions()` gives the session ARNs (role and federated user) the last run created. `fresh`
 * (a scenario replaced by another: New, an example, an import, a link, Undo) starts from the new
 * scenario's defaults, forgetting what was typed for the old one.
 */
export function buildRequestForm(container, { append, notify, scenario, sessions = () => [], fresh = false }) {
  // A rebuild of the same scenario (new roles in it, another language) keeps what the user has
  // typed or chosen, and only that: a default is the scenario's, and follows it.
  const previous = new Map(fresh ? [] : [...container.querySelectorAll("input, select, textarea")]
    .filter((el) => el.id && el.dataset.typed).map((el) => [el.id, el.type === "checkbox" ? el.checked : el.value]));
  const focused = container.contains(document.activeElement) ? document.activeElement.id : "";
  const flagged = new Set([...container.querySelectorAll('[aria-invalid="true"]')].map((el) => el.id));
  const kind = h("select", { id: "req-kind" },
    ["assumeRole", "webIdentity", "saml", "passRole", "other", ...TOKEN_KINDS].map((k) => h("option", { value: k, text: t(`req.${k}`) })));
  const fields = {};
  const problems = {};
  const field = (key, props = {}) => {
    const id = `req-${key}`;
    const input = props.multiline
      ? h("textarea", { id, rows: props.rows ?? 3, spellcheck: "false" })
      : h("input", { id, type: props.type ?? "text", spellcheck: "false", value: props.value ?? "", list: props.list });
    fields[key] = input;
    // What is wrong with the field, said next to it (and to screen readers through
    // aria-describedby) when the form is submitted.
    problems[key] = h("p", { class: "field-problem", id: `${id}-problem` });
    input.addEventListener("input", () => flag(key, null));
    return h("div", { class: "row", dataset: { for: props.kinds?.join(" ") ?? "all" } },
      h("label", { for: id, text: t(`req.${key}`) }), input, problems[key]);
  };
  const flag = (key, message) => {
    problems[key].textContent = message ?? "";
    if (message) {
      fields[key].setAttribute("aria-invalid", "true");
      fields[key].setAttribute("aria-describedby", problems[key].id);
    } else {
      fields[key].removeAttribute("aria-invalid");
      fields[key].removeAttribute("aria-describedby");
    }
  };
  const doc = scenario();
  const roles = (doc.roles ?? []).map((r) => r.arn).filter(Boolean);
  const samlProviders = [...new Set((doc.roles ?? []).flatMap((r) => samlProvidersOf(r)))];
  const lists = [
    h("datalist", { id: "principal-list" }, principalOptions(doc, sessions())),
    h("datalist", { id: "role-list" }, roles.map((a) => h("option", { value: a }))),
    h("datalist", { id: "saml-provider-list" }, samlProviders.map((a) => h("option", { value: a }))),
  ];
  const samlRole = (doc.roles ?? []).find((r) => samlProvidersOf(r).length);
  const service = h("select", { id: "req-service" }, Object.keys(SERVICES).map((s) => h("option", { value: s, text: s })));
  const expect = h("select", { id: "req-expect" }, h("option", { value: "", text: t("req.expectNone") }),
    ["allowed", "implicitDeny", "explicitDeny", "error"].map((d) => h("option", { value: d, text: t(`decision.${d}`) })));
  const mfa = h("input", { id: "req-mfa", type: "checkbox" });
  const withToken = h("input", { id: "req-withToken", type: "checkbox" });
  const subjectType = h("select", { id: "req-samlSubjectType" }, h("option", { value: "", text: t("req.notGiven") }),
    NAMEID_FORMATS.map((f) => h("option", { value: f, text: f })));
  subjectType.value = "persistent";
  const rows = [
    h("div", { class: "row" }, h("label", { for: "req-kind", text: t("req.kind") }), kind),
    field("name"),
    field("principal", { kinds: [...USER_KINDS, ...TOKEN_KINDS], list: "principal-list" }),
    h("div", { class: "row check", dataset: { for: USER_KINDS.join(" ") } }, withToken, h("label", { for: "req-withToken", text: t("req.withToken") })),
    field("federatedName", { kinds: ["federationToken"], value: "guest" }),
    field("role", { kinds: STS_KINDS, list: "role-list", value: roles[0] ?? "" }),
    h("p", { class: "hint", dataset: { for: "saml" }, text: t("req.samlHint") }),
    field("samlProvider", { kinds: ["saml"], list: "saml-provider-list", value: samlProviders[0] ?? "arn:aws:iam::111122223333:saml-provider/ExampleIdP" }),
    field("samlIssuer", { kinds: ["saml"], value: "https://idp.example.com/saml" }),
    field("samlSubject", { kinds: ["saml"], value: "jdoe@example.com" }),
    h("div", { class: "row", dataset: { for: "saml" } }, h("label", { for: "req-samlSubjectType", text: t("req.samlSubjectType") }), subjectType),
    field("samlRecipient", { kinds: ["saml"], value: SAML_RECIPIENT }),
    field("sessionName", { kinds: STS_KINDS, value: "session" }),
    field("duration", { kinds: [...STS_KINDS, ...TOKEN_KINDS], type: "number" }),
    field("externalId", { kinds: ["assumeRole"] }),
    h("div", { class: "row check", dataset: { for: "assumeRole sessionToken" } }, mfa, h("label", { for: "req-mfa", text: t("req.mfa") })),
    field("sessionPolicy", { kinds: [...STS_KINDS, "federationToken"], multiline: true }),
    field("tags", { kinds: ["assumeRole", "saml", "federationToken"], multiline: true }),
    field("transitive", { kinds: ["assumeRole", "saml"] }),
    field("sourceIdentity", { kinds: ["assumeRole", "webIdentity", "saml"] }),
    field("samlAttributes", { kinds: ["saml"], multiline: true }),
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
  // The SAML provider follows the role (the first one its trust policy names) until one is typed.
  const followRole = () => {
    const provider = samlProvidersOf(roleEntry(doc, fields.role.value))[0];
    if (provider && !fields.samlProvider.dataset.typed) fields.samlProvider.value = provider;
  };
  fields.role.addEventListener("change", followRole);
  // Switching to SAML with a role that trusts no SAML provider offers one that does.
  const offerSamlRole = () => {
    if (kind.value === "saml" && samlRole && !fields.role.dataset.typed && !samlProvidersOf(roleEntry(doc, fields.role.value)).length) {
      fields.role.value = samlRole.arn;
      followRole();
    }
  };
  const recheck = () => {
    for (const key of Object.keys(fields)) flag(key, null);
    offerSamlRole();
    show();
  };
  kind.addEventListener("change", recheck);
  service.addEventListener("change", recheck);
  const form = h("form", { class: "builder", novalidate: true }, lists, rows,
    // An id, so that a rebuild after the request is added gives the focus back to this button.
    h("button", { type: "submit", id: "req-add", text: t("req.add") }));
  // What the user types or chooses is marked, and is what a rebuild keeps.
  for (const type of ["input", "change"]) form.addEventListener(type, (event) => { event.target.dataset.typed = "true"; });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // A request without what it needs is not added: each such field says what it lacks.
    const now = scenario();
    const wrong = problemsOf(kind.value, fields, { doc: now, service: service.value, withToken: withToken.checked });
    for (const key of Object.keys(fields)) flag(key, wrong.get(key));
    if (wrong.size) {
      fields[wrong.keys().next().value].focus();
      return;
    }
    const request = makeRequest(kind.value, fields, { doc: now, mfa: mfa.checked, withToken: withToken.checked, service: service.value, expect: expect.value, subjectType: subjectType.value });
    if (append(request)) notify(() => t("req.added"));
    else notify(() => t("req.notAdded"));
  });
  for (const [id, value] of previous) {
    const el = form.querySelector(`#${id}`);
    if (!el) continue;
    if (el.type === "checkbox") el.checked = value;
    else el.value = value;
    el.dataset.typed = "true";
  }
  // The defaults that follow the kind and the role follow what was kept.
  offerSamlRole();
  followRole();
  // ...and the problems it was told about, in the language of the moment.
  for (const [key, message] of problemsOf(kind.value, fields, { doc, service: service.value, withToken: withToken.checked })) if (flagged.has(fields[key].id)) flag(key, message);
  show();
  container.replaceChildren(form);
  if (focused) form.querySelector(`#${focused}`)?.focus();
}

/**
 * Refreshes the Principal list alone, after a run: a run creates the sessions that the next
 * requests of a role chain are made by, and rebuilding the whole form would disturb typing in it.
 */
export function offerPrincipals(container, doc, sessions) {
  container.querySelector("#principal-list")?.replaceChildren(...principalOptions(doc, sessions));
}

/**
 * What can make a request: the scenario's users, the root of each of its accounts, and the
 * sessions (`sessions`, ARNs) its requests created. Not a role: a role acts only through a
 * session, and the engine refuses a role's ARN as a principal (WRONG_ARN_KIND).
 */
function principalOptions(doc, sessions) {
  const users = (Array.isArray(doc.users) ? doc.users : []).map((u) => u?.arn);
  const roots = (Array.isArray(doc.accounts) ? doc.accounts : [])
    .map((a) => String(a?.id ?? "")).filter((id) => /^\d{12}$/.test(id)).map((id) => `arn:aws:iam::${id}:root`);
  const arns = [...users, ...roots, ...sessions].filter((a) => typeof a === "string" && a);
  return [...new Set(arns)].map((a) => h("option", { value: a }));
}

function roleEntry(doc, arn) {
  return (Array.isArray(doc.roles) ? doc.roles : []).find((r) => r?.arn === arn);
}

/**
 * The account a service call is made in: the principal's (an IAM or STS ARN names it), else the
 * scenario's first account, so that the call's resource is one the scenario's policies can name.
 */
function accountOf(doc, principal) {
  const own = /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
  if (own) return own;
  const first = (Array.isArray(doc.accounts) ? doc.accounts : []).map((a) => String(a?.id ?? "")).find((id) => /^\d{12}$/.test(id));
  return first ?? DEFAULT_ACCOUNT;
}

/**
 * The instance profile through which EC2 is passed `roleArn`: the first the role lists in the
 * scenario (the engine finds the role through that list, so a profile it does not list would be
 * refused), or null.
 */
function instanceProfileOf(doc, roleArn) {
  const profiles = roleEntry(doc, roleArn)?.instanceProfiles;
  return (Array.isArray(profiles) ? profiles : []).find((p) => typeof p === "string" && p) ?? null;
}

/** The SAML provider ARNs a role's trust policy names as `Federated` principals. */
function samlProvidersOf(role) {
  const statements = role?.trust?.Statement;
  const out = [];
  for (const st of Array.isArray(statements) ? statements : statements ? [statements] : []) {
    const federated = st?.Principal?.Federated;
    for (const p of Array.isArray(federated) ? federated : [federated]) {
      if (typeof p === "string" && /^arn:[\w-]+:iam::\d{12}:saml-provider\/./.test(p)) out.push(p);
    }
  }
  return out;
}

function pairs(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/**
 * The fields of a `kind` of request that it cannot be added with, each with its sentence; `doc`
 * is the scenario, `service` the service call a passRole request makes.
 */
function problemsOf(kind, f, { doc, service, withToken = false }) {
  const v = (key) => f[key].value.trim();
  const wrong = new Map();
  for (const key of REQUIRED[kind] ?? []) {
    if (!v(key)) wrong.set(key, t("req.required", t(`req.${key}`)));
  }
  if (kind === "passRole" && SERVICES[service]?.viaProfile && v("passedRole") && !instanceProfileOf(doc, v("passedRole"))) {
    wrong.set("passedRole", t("req.noInstanceProfile", v("passedRole")));
  }
  if (kind === "webIdentity" && !v("branch") && !v("environment")) wrong.set("branch", t("req.required", t("req.branch")));
  // Only a user or the root user has GetSessionToken credentials (the engine refuses the rest).
  const longTerm = /^arn:[\w-]+:iam::\d{12}:(user\/|root$)/.test(v("principal"));
  if (withToken && USER_KINDS.includes(kind) && v("principal") && !longTerm) wrong.set("principal", t("req.tokenNeedsUser"));
  const sts = STS_KINDS.includes(kind) || TOKEN_KINDS.includes(kind);
  if (sts && v("duration") && !/^\d+$/.test(v("duration"))) wrong.set("duration", t("req.badDuration"));
  if (sts && v("sessionPolicy")) {
    try { JSON.parse(v("sessionPolicy")); } catch { wrong.set("sessionPolicy", t("req.badSessionPolicy")); }
  }
  return wrong;
}

/** The request the form describes; `problemsOf` has found nothing wrong with it. */
function makeRequest(kind, f, { doc, mfa, withToken, service, expect, subjectType }) {
  const v = (key) => f[key].value.trim();
  const request = { name: v("name") || t(`req.${kind}`) };
  const context = pairs(f.context.value);
  if (TOKEN_KINDS.includes(kind)) {
    Object.assign(request, { principal: v("principal") }, tokenCall(kind, v, f, mfa));
  } else if (kind === "saml") {
    const parameters = { PrincipalArn: v("samlProvider"), SAMLAssertion: samlAssertion(v, f, subjectType) };
    if (v("duration")) parameters.DurationSeconds = Number(v("duration"));
    if (v("sessionPolicy")) parameters.Policy = JSON.parse(v("sessionPolicy"));
    Object.assign(request, { action: "sts:AssumeRoleWithSAML", resource: v("role"), parameters });
  } else if (kind === "assumeRole" || kind === "webIdentity") {
    const parameters = { RoleSessionName: v("sessionName") || "session" };
    if (v("duration")) parameters.DurationSeconds = Number(v("duration"));
    if (v("sessionPolicy")) parameters.Policy = JSON.parse(v("sessionPolicy"));
    if (v("sourceIdentity")) parameters.SourceIdentity = v("sourceIdentity");
    if (kind === "assumeRole") {
      request.principal = v("principal");
      if (v("externalId")) parameters.ExternalId = v("externalId");
      if (mfa) Object.assign(parameters, mfaOf(request.principal));
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
    const passed = spec.viaProfile ? { Arn: instanceProfileOf(doc, v("passedRole")) } : v("passedRole");
    Object.assign(request, { principal: v("principal"), action: service, resource: spec.resource(accountOf(doc, v("principal"))),
      parameters: { [spec.param]: passed } });
  } else {
    Object.assign(request, { principal: v("principal"), action: v("action"), resource: v("resource") });
  }
  if (withToken && USER_KINDS.includes(kind)) request.credentials = "GetSessionToken";
  if (USER_KINDS.includes(kind) && Object.keys(context).length) request.context = context;
  if (expect) request.expect = expect;
  return request;
}

/** A user's MFA device and a code, as a call that gives MFA passes them. */
function mfaOf(principal) {
  const account = /^arn:aws:iam::(\d{12}):/.exec(principal)?.[1] ?? DEFAULT_ACCOUNT;
  return { SerialNumber: `arn:aws:iam::${account}:mfa/device`, TokenCode: "123456" };
}

/** A GetSessionToken or GetFederationToken call: its action and the parameters given. */
function tokenCall(kind, v, f, mfa) {
  const parameters = {};
  if (kind === "federationToken") {
    parameters.Name = v("federatedName");
    if (v("sessionPolicy")) parameters.Policy = JSON.parse(v("sessionPolicy"));
    const tags = Object.entries(pairs(f.tags.value)).map(([Key, Value]) => ({ Key, Value }));
    if (tags.length) parameters.Tags = tags;
  } else if (mfa) {
    Object.assign(parameters, mfaOf(v("principal")));
  }
  if (v("duration")) parameters.DurationSeconds = Number(v("duration"));
  const action = kind === "sessionToken" ? "sts:GetSessionToken" : "sts:GetFederationToken";
  return Object.keys(parameters).length ? { action, parameters } : { action };
}

/**
 * The assertion as the scenario gives it: Issuer, NameID and its format, the Recipient, and the
 * attributes AWS defines (the Role attribute pairs the role with the provider, as an IdP sends it).
 */
function samlAssertion(v, f, subjectType) {
  const assertion = { iss: v("samlIssuer") };
  if (v("samlSubject")) assertion.sub = v("samlSubject");
  if (subjectType) assertion.sub_type = subjectType;
  assertion.aud = v("samlRecipient") || SAML_RECIPIENT;
  assertion[`${SAML_ATTRIBUTE}Role`] = `${v("role")},${v("samlProvider")}`;
  if (v("sessionName")) assertion[`${SAML_ATTRIBUTE}RoleSessionName`] = v("sessionName");
  if (v("sourceIdentity")) assertion[`${SAML_ATTRIBUTE}SourceIdentity`] = v("sourceIdentity");
  for (const [key, value] of Object.entries(pairs(f.tags.value))) assertion[`${SAML_ATTRIBUTE}PrincipalTag:${key}`] = value;
  const transitive = v("transitive").split(",").map((s) => s.trim()).filter(Boolean);
  if (transitive.length) assertion[`${SAML_ATTRIBUTE}TransitiveTagKeys`] = transitive;
  for (const line of f.samlAttributes.value.split("\n")) {
    const at = line.indexOf("=");
    if (at <= 0) continue;
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    assertion[name] = name in assertion ? [assertion[name]].flat().concat(value) : value;
  }
  return assertion;
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
