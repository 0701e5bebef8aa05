//! The AssumeRole, AssumeRoleWithWebIdentity and AssumeRoleWithSAML flow: validate as STS does,
//! authorize every action the trust policy must allow (on both sides of the account boundary),
//! then create the session that later requests can use.

use crate::condition::{ContextValue, RequestContext};
use crate::evaluation::Decision;
use crate::finding::Finding;
use crate::json::Json;
use crate::lang::{say, Lang};
use crate::matching::Caller;
use crate::policy::{codes, parse_policy_in, PolicyKind};
use crate::sts::context::{
    federated_provider, saml_federation, trust_context, web_identity_federation,
    web_identity_provider, TrustContextInput,
};
use crate::sts::params::{read_params, StsParams};
use crate::sts::session::{required_trust_actions, NewSession, Session};
use crate::sts::validate::{assertion, validate, ValidationContext, INVALID_IDENTITY_TOKEN};
use crate::sts::{StsApi, StsError};

use super::caller::{caller_context, resource_context, ResolvedCaller};
use super::credentials::refused_to_session;
use super::document::{Request, Scenario};
use super::result::Check;
use super::run::{
    apply_overrides, error_verdict, malformed_policy_message, verdict_from_checks, Asked, Runner,
    Verdict,
};
use super::sessions::SessionState;
use super::world::RoleEntry;

impl Runner<'_> {
    pub(super) fn run_sts(
        &mut self,
        scenario: &Scenario,
        request: &Request,
        api: StsApi,
    ) -> Verdict {
        let lang = self.lang;
        let (mut params, base) = match self.sts_params(api, request) {
            Ok(read) => read,
            Err(verdict) => return *verdict,
        };
        let role_arn = request
            .resource
            .as_ref()
            .map(|r| r.value.clone())
            .or_else(|| params.role_arn.clone())
            .unwrap_or_default();
        params.role_arn = Some(role_arn.clone());
        let role_account = crate::arn::account_of(&role_arn);
        let session_policies = self.session_policies(scenario, &params, &base, role_account);
        let principal = request.principal.as_ref().map(|p| p.value.clone());
        let Some(role) = self.world.roles.get(&role_arn).cloned() else {
            return self.no_such_role(api, principal.as_deref(), &role_arn);
        };
        let caller = match self.sts_caller(api, principal.as_deref(), &params, &role, request.time)
        {
            Ok(c) => c,
            Err(v) => return *v,
        };
        let refused = principal
            .as_deref()
            .and_then(|p| refused_to_session(api.action(), &caller, p, Some(&role_arn), lang));
        if let Some(refused) = refused {
            return refused;
        }
        let caller_session = caller.session.as_ref().map(|s| s.session.clone());
        let validation = ValidationContext {
            max_session_duration: i64::from(role.max_session_duration),
            caller: caller_session.as_ref(),
            role_arn: &role_arn,
            now: super::SCENARIO_EPOCH.saturating_add(request.time),
        };
        if let Err(e) = validate(&params, validation) {
            let why = refusal_reason(&e, &params, lang);
            return error_verdict(e.code, &e.message, why, principal.as_deref());
        }
        if let Some(refused) = &session_policies.refused {
            return malformed_session_policy(refused, principal.as_deref(), lang);
        }
        let context = self.trust_request_context(&caller, request, &params, &role);
        let side = self.resource_side(&role_arn);
        let mut checks: Vec<Check> = Vec::new();
        for required in required_trust_actions(&params, caller_session.as_ref()) {
            let name = [required.action, " (", required.reason.get(lang), ")"].concat();
            let mut check = self.authorization_check(
                &name,
                required.action,
                &role_arn,
                &caller,
                &side,
                &context,
            );
            if required.identity_policy_too {
                require_identity_allow(&mut check, &caller, lang);
            }
            rewrite_federated_message(&mut check, api);
            let stop = check.decision != Decision::Allowed;
            checks.push(check);
            if stop {
                break;
            }
        }
        // A call that gives MFA itself has it, whatever the note on its session says.
        let session_mfa_note = caller_session.as_ref().is_some_and(|s| s.mfa);
        let mut notes: Vec<String> = caller
            .note
            .clone()
            .filter(|_| !(params.gives_mfa() && session_mfa_note))
            .into_iter()
            .collect();
        notes.extend(self.management_notes(&caller, &role_arn));
        if caller_session.is_some() {
            notes.push(lang.pick(
                "This is role chaining: the caller is itself a role session, so the new session lasts at most one hour.",
                "これはロールの連鎖です。呼び出し元自体がロールセッションであるため、新しいセッションの有効期間は最大 1 時間です。",
            ).into());
        }
        let who = principal.clone().or_else(|| caller_display(&caller));
        let asked = Asked {
            kind: "assumeRole",
            principal: who.as_deref(),
            action: api.action(),
            resource: Some(&role_arn),
        };
        let mut verdict = verdict_from_checks(asked, checks, self.shown(context), notes, lang);
        if verdict.decision == Decision::Allowed {
            drop(caller);
            self.create_session(
                request,
                &params,
                &role,
                caller_session,
                session_policies.indices,
                &mut verdict,
            );
        }
        verdict
    }

    /// An STS call's parameters and the pointer of its `parameters` object, or a
    /// `ValidationError` when their reading found errors (wrong types, unknown names), which
    /// join the scenario's findings.
    pub(super) fn sts_params(
        &mut self,
        api: StsApi,
        request: &Request,
    ) -> Result<(StsParams, String), Box<Verdict>> {
        let base = [&request.place.pointer, "/parameters"].concat();
        let (params, findings) = read_params(api, request.parameters.as_ref(), &base, self.lang);
        match self.unreadable_params(api, request, &base, findings) {
            Some(verdict) => Err(Box::new(verdict)),
            None => Ok((params, base)),
        }
    }

    fn unreadable_params(
        &mut self,
        api: StsApi,
        request: &Request,
        base: &str,
        findings: Vec<Finding>,
    ) -> Option<Verdict> {
        let lang = self.lang;
        let problem = findings.iter().find(|f| f.is_error())?;
        let (message, pointer) = (&problem.message, &problem.pointer);
        // AWS's `message` is English in every language: the same finding, read in English.
        let english = match lang {
            Lang::En => message.clone(),
            Lang::Ja => {
                let (_, en) = read_params(api, request.parameters.as_ref(), base, Lang::En);
                en.into_iter()
                    .find(|f| f.is_error())
                    .map_or_else(|| message.clone(), |f| f.message)
            }
        };
        let verdict = error_verdict(
            "ValidationError",
            &english,
            say!(
                lang,
                "The parameters cannot be read: {message} (at {pointer}).",
                "パラメーターを読み取れません: {message} ({pointer})。"
            ),
            None,
        );
        self.world.findings.extend(findings);
        Some(verdict)
    }

    /// AWS answers AssumeRole on a role that does not exist with the same AccessDenied as a
    /// refused one (semantics notes §8); the explanation says what is really wrong.
    fn no_such_role(&self, api: StsApi, principal: Option<&str>, role_arn: &str) -> Verdict {
        let same_but_case = self
            .world
            .roles
            .keys()
            .find(|k| k.eq_ignore_ascii_case(role_arn) && *k != role_arn);
        let why = match same_but_case {
            Some(k) => say!(self.lang,
                "No role {role_arn} exists, but {k} does: role names are case sensitive when you assume a role.",
                "ロール {role_arn} は存在しませんが、{k} は存在します。ロールを引き受けるとき、ロール名は大文字と小文字が区別されます。"),
            None => say!(self.lang,
                "No role {role_arn} is in this scenario; AWS answers as if access were denied, whether or not the role exists.",
                "ロール {role_arn} はこのシナリオにありません。AWS は、ロールが存在するかどうかにかかわらず、アクセスが拒否された場合と同じように応答します。"),
        };
        let message = match principal {
            Some(p) => format!(
                "User: {p} is not authorized to perform: {} on resource: {role_arn}",
                api.action()
            ),
            None => format!("Not authorized to perform {}", api.action()),
        };
        let mut verdict = error_verdict("AccessDenied", &message, why, principal);
        verdict.decision = Decision::ImplicitDeny;
        verdict.explain.kind = "assumeRole";
        verdict
    }

    fn sts_caller(
        &self,
        api: StsApi,
        principal: Option<&str>,
        params: &StsParams,
        role: &RoleEntry,
        time: u64,
    ) -> Result<ResolvedCaller<'_>, Box<Verdict>> {
        match api {
            StsApi::AssumeRole => {
                let principal = principal.unwrap_or_default();
                let caller = self.caller(principal, time)?;
                if matches!(caller.side.caller, Caller::Root { .. }) {
                    let why = self.lang.pick(
                        "The account's root user cannot call AssumeRole; sign in as an IAM user or role instead.",
                        "アカウントのルートユーザーは AssumeRole を呼び出せません。代わりに IAM ユーザーまたはロールとしてサインインしてください。",
                    );
                    return Err(Box::new(error_verdict(
                        "AccessDenied",
                        "Roles may not be assumed by root accounts.",
                        why.into(),
                        Some(principal),
                    )));
                }
                Ok(caller)
            }
            StsApi::AssumeRoleWithWebIdentity => {
                let token = params.web_identity_token.as_ref();
                let provider = token
                    .and_then(|t| web_identity_provider(t, params.provider_id.as_deref()))
                    .unwrap_or_default();
                let (partition, account) = partition_account(&role.arn);
                let federated = federated_provider(&provider, partition, &account);
                Ok(federated_caller(Caller::Federated {
                    provider: federated,
                }))
            }
            StsApi::AssumeRoleWithSaml => {
                let provider = params.principal_arn.clone().unwrap_or_default();
                Ok(federated_caller(Caller::Federated { provider }))
            }
            // Not run here: GetFederationToken has its own flow (`federation.rs`), GetSessionToken
            // the plain one (`session_token.rs`). Their caller is the principal, as AssumeRole's.
            StsApi::GetFederationToken | StsApi::GetSessionToken => {
                self.caller(principal.unwrap_or_default(), time)
            }
        }
    }

    fn trust_request_context(
        &self,
        caller: &ResolvedCaller,
        request: &Request,
        params: &StsParams,
        role: &RoleEntry,
    ) -> RequestContext {
        let mut context = self.new_context();
        caller_context(self.world, caller, request.time, &mut context);
        resource_context(self.world, &role.arn, &mut context);
        let input = TrustContextInput {
            params,
            caller: caller.session.as_ref().map(|s| &s.session),
            role_tags: &role.permissions.tags,
        };
        for (key, value) in trust_context(&input) {
            context.set_derived(key, value);
        }
        // MFA given with this very call counts for it (STS API reference, SerialNumber/TokenCode).
        if params.gives_mfa() {
            context.set_derived(
                "aws:MultiFactorAuthPresent",
                ContextValue::Single("true".into()),
            );
            context.set_derived("aws:MultiFactorAuthAge", ContextValue::Single("0".into()));
        }
        apply_overrides(request, &mut context);
        context
    }

    fn create_session(
        &mut self,
        request: &Request,
        params: &StsParams,
        role: &RoleEntry,
        caller: Option<Session>,
        policies: Vec<usize>,
        verdict: &mut Verdict,
    ) {
        let federation = federation_of(params, role);
        let new = NewSession {
            role_arn: &role.arn,
            role_id: &role.permissions.unique_id,
            params,
            caller: caller.as_ref(),
            max_session_duration: i64::from(role.max_session_duration),
            at: i64::try_from(request.time).unwrap_or(i64::MAX),
            federation,
        };
        let mut session = match Session::create(new) {
            Ok(s) => s,
            Err(e) => {
                let message = &e.message;
                *verdict = error_verdict(
                    e.code,
                    message,
                    say!(
                        self.lang,
                        "{message}",
                        "STS はセッションを作成できません: {message}"
                    ),
                    verdict.explain.principal.as_deref(),
                );
                return;
            }
        };
        // GetSessionToken credentials with MFA make the call with MFA, as SerialNumber and
        // TokenCode given to it would (IAM User Guide, "Secure API access with MFA").
        let principal = request.principal.as_ref().map(|p| p.value.as_str());
        let token = principal.and_then(|p| self.token_sessions.get(p));
        session.mfa |= self.session_token && token.is_some_and(|t| t.mfa);
        let state = SessionState {
            session,
            policies,
            role_tags: role.permissions.tags.clone(),
        };
        verdict.session = Some(state.card());
        self.sessions.insert(state.session.arn.clone(), state);
    }

    /// Parses the session's inline `Policy` and resolves its `PolicyArns` (a scenario policy of
    /// that name in `home`, the role's account, or for GetFederationToken the user's; or an AWS
    /// managed policy of the catalogue), adding their findings to the scenario's and noting the
    /// first policy STS refuses.
    pub(super) fn session_policies(
        &mut self,
        scenario: &Scenario,
        params: &StsParams,
        base: &str,
        home: Option<&str>,
    ) -> SessionPolicies {
        let mut out = SessionPolicies::default();
        if let Some(policy) = &params.policy {
            let (pointer, from) = (format!("{base}/Policy"), self.world.findings.len());
            out.indices
                .push(self.add_policy(&policy.document, &pointer));
            out.note_refusal(&self.world.findings[from..], pointer);
        }
        for (i, arn) in params.policy_arns.iter().enumerate() {
            let (pointer, from) = (format!("{base}/PolicyArns/{i}"), self.world.findings.len());
            let name = arn.rsplit('/').next().unwrap_or(arn);
            let account = crate::arn::account_of(arn);
            let named = scenario.policies.iter().find(|p| p.name == name);
            if let Some(named) = named.filter(|_| account == home) {
                out.indices.push(self.add_policy(&named.document, &pointer));
            } else if let Some(managed) = super::catalogue::lookup(arn) {
                if let Ok(json) = crate::json::parse(managed.document, &Default::default()) {
                    out.indices.push(self.add_policy(&json, &pointer));
                }
            } else {
                let message = match (account, home) {
                    // "The policies must exist in the same account as the role" (AssumeRole,
                    // `PolicyArns`), "as the IAM user" (GetFederationToken): a policy of the
                    // scenario named in another account's ARN is not theirs.
                    (Some(theirs), Some(home)) if theirs != home && theirs != "aws" => {
                        let whose = match params.api {
                            StsApi::GetFederationToken => self.lang.pick("the user's", "ユーザーの"),
                            _ => self.lang.pick("the role's", "ロールの"),
                        };
                        say!(self.lang,
                        "{arn} is in account {theirs}; managed session policies must be in {whose} account ({home}) or AWS managed.",
                        "{arn} はアカウント {theirs} のポリシーです。管理セッションポリシーは{whose}アカウント ({home}) のもの、または AWS 管理ポリシーでなければなりません。")
                    }
                    _ => say!(self.lang,
                        "{arn} is neither a policy of this scenario (by name) nor in the built-in catalogue of AWS managed policies.",
                        "{arn} はこのシナリオのポリシー (名前で指定) でも、組み込みの AWS 管理ポリシーのカタログのポリシーでもありません。"),
                };
                self.world.findings.push(Finding::error(
                    "UNKNOWN_SESSION_POLICY",
                    message,
                    pointer.clone(),
                    None,
                ));
            }
            out.note_refusal(&self.world.findings[from..], pointer);
        }
        out
    }

    fn add_policy(&mut self, json: &Json, pointer: &str) -> usize {
        let parsed = parse_policy_in(json, PolicyKind::Session, pointer, self.lang);
        self.world.findings.extend(parsed.findings);
        self.world.push_policy(std::rc::Rc::new(parsed.policy))
    }
}

/// The session policies of a call: their indices among the world's policies, and the first one
/// STS refuses, as its place (`.../Policy`, `.../PolicyArns/N`) and its first refusing finding's
/// sentence.
#[derive(Default)]
pub(super) struct SessionPolicies {
    pub indices: Vec<usize>,
    pub refused: Option<(String, String)>,
}

impl SessionPolicies {
    /// Notes the policy at `place` as refused when one of `findings`, its own, refuses it and no
    /// earlier policy was.
    fn note_refusal(&mut self, findings: &[Finding], place: String) {
        if self.refused.is_none() {
            self.refused = findings
                .iter()
                .find(|f| refuses(f))
                .map(|f| (place, f.message.clone()));
        }
    }
}

/// Whether STS refuses a session policy for this finding: an error of IAM's policy grammar,
/// or a policy ARN that names no policy ("The policies must exist in the same account as the
/// role", STS API reference, AssumeRole `PolicyArns`). Warnings and suggestions never refuse,
/// and the size is STS's request validation and packed-size check, with their own errors.
fn refuses(finding: &Finding) -> bool {
    finding.is_error() && finding.code != codes::POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA.name
}

/// A session policy STS refuses fails the call itself (STS API reference, AssumeRole,
/// AssumeRoleWithWebIdentity and AssumeRoleWithSAML, "Errors": "MalformedPolicyDocument: The
/// request was rejected because the policy document was malformed. The error message describes
/// the specific error."), before any policy is evaluated and before a session exists. AWS's
/// message for each grammar error is not published; this one points at the first refused
/// policy, and the explanation gives its first refusing finding (the others are among the
/// scenario's findings).
pub(super) fn malformed_session_policy(
    (place, why): &(String, String),
    principal: Option<&str>,
    lang: Lang,
) -> Verdict {
    let why = say!(
        lang,
        "STS refuses the session policy at {place} before any policy is evaluated: {why}",
        "STS は、ポリシーを評価する前に {place} のセッションポリシーを拒否します: {why}"
    );
    error_verdict(
        "MalformedPolicyDocument",
        &malformed_policy_message(place),
        why,
        principal,
    )
}

/// Why STS refused the call: a SAML assertion's problem says which attribute the identity
/// provider must fix; any other refusal restates STS's message.
pub(super) fn refusal_reason(e: &StsError, params: &StsParams, lang: Lang) -> String {
    match assertion::problem(params) {
        Some(problem) if e.code == INVALID_IDENTITY_TOKEN => problem.explain(lang),
        _ => {
            let message = &e.message;
            say!(
                lang,
                "STS refuses the parameters before any policy is evaluated: {message}",
                "STS は、ポリシーを評価する前にパラメーターを拒否します: {message}"
            )
        }
    }
}

/// A web identity or SAML caller: no identity policies, no organization, no session.
fn federated_caller<'w>(caller: Caller) -> ResolvedCaller<'w> {
    ResolvedCaller {
        token: None,
        side: crate::evaluation::CallerSide {
            caller,
            identity: Vec::new(),
            boundary: None,
            session: Vec::new(),
            scps: None,
            organization: None,
        },
        session: None,
        tags: Vec::new(),
        note: None,
    }
}

fn caller_display(caller: &ResolvedCaller) -> Option<String> {
    Some(caller.side.caller.display_arn().to_string())
}

fn partition_account(role_arn: &str) -> (&str, String) {
    match crate::arn::Arn::parse(role_arn) {
        Ok(arn) => (arn.partition, arn.account.to_string()),
        Err(_) => ("aws", String::new()),
    }
}

fn federation_of(params: &StsParams, role: &RoleEntry) -> Option<crate::sts::session::Federation> {
    let (partition, account) = partition_account(&role.arn);
    if let Some(token) = &params.web_identity_token {
        let provider = web_identity_provider(token, params.provider_id.as_deref())?;
        return Some(web_identity_federation(
            token, &provider, partition, &account,
        ));
    }
    match (&params.saml_assertion, &params.principal_arn) {
        (Some(assertion), Some(arn)) => Some(saml_federation(assertion, arn)),
        _ => None,
    }
}

/// A chained `sts:SetSourceIdentity` needs the caller's own permissions policy to allow it too
/// (IAM User Guide, "Permissions required to set source identity").
fn require_identity_allow(check: &mut Check, caller: &ResolvedCaller, lang: Lang) {
    let Some(authorization) = &check.authorization else {
        return;
    };
    if check.decision != Decision::Allowed
        || caller.side.identity.is_empty() && caller.side.caller.account().is_none()
    {
        return;
    }
    let identity_allows = authorization.policies.iter().any(|p| {
        p.kind == PolicyKind::Identity.aws_name()
            && p.verdict == crate::evaluation::PolicyVerdict::Allow
    });
    if !identity_allows {
        check.decision = Decision::ImplicitDeny;
        check.code = Some("AccessDenied".into());
        check.message = Some(crate::evaluation::access_denied_message(
            caller.side.caller.display_arn(),
            &check.action,
            &check.resource,
            Some(PolicyKind::Identity),
            false,
            true,
        ));
        let action = &check.action;
        let note = say!(lang,
            "In a role chain, {action} must also be allowed by the calling role's own permissions policy.",
            "ロールの連鎖では、{action} は呼び出し元のロール自身の許可ポリシーでも許可されている必要があります。");
        check.notes.push(note);
    }
}

/// Web identity and SAML callers get STS's own short message, not the `User: ...` shape.
fn rewrite_federated_message(check: &mut Check, api: StsApi) {
    if api != StsApi::AssumeRole
        && check.decision != Decision::Allowed
        && check.decision != Decision::Error
    {
        check.message = Some(format!("Not authorized to perform {}", api.action()));
    }
}

#[cfg(test)]
mod tests;
