//! Running a scenario: each request in order, sessions carried from one request to the next.

use crate::sorted_map::SortedMap;

use crate::condition::RequestContext;
use crate::deadline::{Clock, Deadline};
use crate::evaluation::{
    authorize, Authorization, Decision, PolicyUse, Request as AuthzRequest, ResourceSide,
};
use crate::finding::Finding;
use crate::lang::{say, Lang};
use crate::sts::StsApi;

use super::caller::{caller_context, resolve_caller, resource_context, ResolvedCaller};
use super::credentials::refused_to_session;
use super::document::{read_scenario_with, Request, Scenario};
use super::result::{show_context, Check, ContextShown, Explain, RequestResult, RunOutput};
use super::sessions::SessionState;
use super::world::World;
use crate::sts::session::Session;

/// How a scenario is run.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// The language of the explanations (`explain`). AWS's own `code` and `message` are the
    /// same in every language.
    pub lang: Lang,
    pub limits: TimeLimits,
    /// `None`: every request's explanation in full. `Some(indices)`: only those in full, the
    /// others brief, their summary alone (see [`RequestResult::brief`]); the page explains in
    /// full only the requests a person has opened, which keeps re-running on every keystroke
    /// cheap.
    pub full_explanations: Option<Vec<usize>>,
}

/// Reads and runs a scenario, explaining in English. `Err` holds the findings when the text is
/// not a valid scenario (it cannot be run); findings about the policies inside a valid scenario
/// come beside the results.
pub fn run_scenario(text: &str) -> Result<RunOutput, Vec<Finding>> {
    run_scenario_with(text, &RunOptions::default())
}

/// [`run_scenario`] with options: the language of the explanations.
pub fn run_scenario_with(text: &str, options: &RunOptions) -> Result<RunOutput, Vec<Finding>> {
    let read = read_scenario_with(text, options.lang);
    let valid = read.is_valid();
    let (Some(scenario), true) = (read.scenario, valid) else {
        return Err(read.findings);
    };
    let mut world = World::build(&scenario, options.lang);
    Ok(run_requests(&scenario, &mut world, read.findings, options))
}

/// Runs the requests of a scenario read without errors, in its resolved `world`; `findings` are
/// the reading's. The world is left as it was given: what the requests add to it (session
/// policies, findings about them) is taken out again, so an [`Engine`](super::Engine) can run
/// the next version of the requests in it.
pub(super) fn run_requests(
    scenario: &Scenario,
    world: &mut World,
    mut findings: Vec<Finding>,
    options: &RunOptions,
) -> RunOutput {
    let (lang, limits) = (options.lang, &options.limits);
    let (policies, world_findings) = (world.policies.len(), world.findings.len());
    let keys_read = world.keys_read;
    let mut runner = Runner {
        world,
        sessions: SortedMap::new(),
        token_sessions: SortedMap::new(),
        session_token: false,
        deadline: None,
        lang,
        brief: false,
    };
    // One reading of the clock per request starts its time and checks the scenario's; the
    // first request's is the scenario's own start.
    let start = limits.clock.map(|clock| (clock, clock()));
    let whole = start.map(|(clock, now)| Deadline::from(clock, now, f64::from(limits.scenario_ms)));
    let results = scenario
        .requests
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let now = start.map(|(clock, first)| (clock, if i == 0 { first } else { clock() }));
            if let (Some(whole), Some((_, now))) = (&whole, now) {
                if whole.passed_at(now) {
                    return out_of_time(i, r, limits.scenario_ms, "scenario", lang);
                }
            }
            runner.deadline =
                now.map(|(clock, now)| Deadline::from(clock, now, f64::from(limits.request_ms)));
            let full = options.full_explanations.as_ref();
            runner.brief = full.is_some_and(|f| !f.contains(&i));
            let mut result = runner.run(scenario, i, r);
            if runner.deadline.as_ref().is_some_and(Deadline::was_passed) {
                return out_of_time(i, r, limits.request_ms, "request", lang);
            }
            if runner.brief {
                result.brief();
            }
            result
        })
        .collect();
    findings.extend(runner.world.findings.iter().cloned());
    runner.world.findings.truncate(world_findings);
    runner.world.policies.truncate(policies);
    runner.world.keys_read = keys_read;
    RunOutput { results, findings }
}

pub(super) struct Runner<'w> {
    /// The scenario's world; requests add their session policies and findings to it.
    pub world: &'w mut World,
    /// Sessions created by allowed STS requests, by session ARN; the latest one wins.
    pub sessions: SortedMap<String, SessionState>,
    /// GetSessionToken sessions, by the ARN of the user (or root user) who created them: its
    /// requests name the user, and say `"credentials": "GetSessionToken"`.
    pub token_sessions: SortedMap<String, Session>,
    /// Whether the current request is made with its principal's GetSessionToken credentials.
    pub session_token: bool,
    /// The end of the current request's time, shared by every context built for it.
    pub deadline: Option<Deadline>,
    /// The language of the explanations.
    pub lang: Lang,
    /// Whether the current request's explanation will be brief (see [`AuthzRequest::brief`]).
    pub brief: bool,
}

/// How long evaluation may take before a request (or the rest of the scenario) is given up.
/// Ordinary requests take microseconds; the limits are for hostile or runaway input.
#[derive(Clone, Copy, Debug)]
pub struct TimeLimits {
    /// Where time comes from; none: no limit.
    pub clock: Option<Clock>,
    /// Whole milliseconds (formatting a float would cost the module 11 KB of code).
    pub request_ms: u32,
    pub scenario_ms: u32,
}

impl Default for TimeLimits {
    /// Half a second per request and five for the whole scenario, on the system clock (none on
    /// `wasm32`, where the binding supplies the browser's).
    fn default() -> Self {
        TimeLimits {
            #[cfg(not(target_arch = "wasm32"))]
            clock: Some(crate::deadline::system_clock),
            #[cfg(target_arch = "wasm32")]
            clock: None,
            request_ms: 500,
            scenario_ms: 5000,
        }
    }
}

/// The result of a request given up for time: an error that says which limit, not a decision
/// (a partial evaluation could hide a grant or a deny).
fn out_of_time(
    index: usize,
    request: &Request,
    limit_ms: u32,
    what: &str,
    lang: Lang,
) -> RequestResult {
    let why = if what == "request" {
        say!(lang, "Evaluating this request took longer than its {limit_ms} ms limit, so the playground stopped without a decision; make its policies or context smaller.",
            "このリクエストの評価が制限時間 {limit_ms} ms を超えたため、判定せずに中止しました。ポリシーまたはコンテキストを小さくしてください。")
    } else {
        say!(lang, "The scenario's requests together took longer than the {limit_ms} ms limit, so this request and those after it were not evaluated.",
            "シナリオ全体のリクエストが制限時間 {limit_ms} ms を超えたため、このリクエストとそれ以降は評価されていません。")
    };
    let verdict = error_verdict(
        "PlaygroundTimeLimitExceeded",
        "The playground's time limit for evaluation was reached (this is not an AWS error).",
        why,
        request.principal.as_ref().map(|p| p.value.as_str()),
    );
    result_of(index, request, verdict)
}

/// A request's result: its verdict, compared with what the author expected.
fn result_of(index: usize, request: &Request, verdict: Verdict) -> RequestResult {
    let expectation = request.expect.as_ref().map(|e| {
        let decision_ok = e.value.decision.as_str() == verdict.decision.as_str();
        let code_ok = e
            .value
            .code
            .as_ref()
            .is_none_or(|c| Some(c) == verdict.code.as_ref());
        if decision_ok && code_ok {
            "met"
        } else {
            "unmet"
        }
    });
    let mut explain = verdict.explain;
    // An error found before any policy is read (STS refusing a parameter, an expired token)
    // still restates what was asked.
    if explain.action.is_empty() {
        explain.action.clone_from(&request.action.value);
    }
    if explain.resource.is_none() {
        // A plain request without a resource acts on `*`, as its evaluation says.
        let plain = matches!(
            super::flows::route(&request.action.value),
            super::flows::Flow::Plain
        );
        explain.resource = match &request.resource {
            Some(r) => Some(r.value.clone()),
            None if plain => Some("*".to_string()),
            None => None,
        };
    }
    RequestResult {
        index,
        name: request.name.as_ref().map(|n| n.value.clone()),
        decision: verdict.decision,
        code: verdict.code,
        message: verdict.message,
        session: verdict.session,
        expectation,
        explain,
    }
}

/// What a request asked, as its explanation restates it.
pub(super) struct Asked<'a> {
    /// `authorization`, `assumeRole` or `passRole`.
    pub kind: &'static str,
    pub principal: Option<&'a str>,
    pub action: &'a str,
    pub resource: Option<&'a str>,
}

/// A result before the expectation is compared.
pub(super) struct Verdict {
    pub decision: Decision,
    pub code: Option<String>,
    pub message: Option<String>,
    pub session: Option<super::result::SessionCard>,
    pub explain: Explain,
}

impl Runner<'_> {
    fn run(&mut self, scenario: &Scenario, index: usize, request: &Request) -> RequestResult {
        self.session_token = request.session_token;
        let verdict = match super::flows::route(&request.action.value) {
            super::flows::Flow::Sts(StsApi::GetFederationToken) => {
                self.run_federation_token(scenario, request)
            }
            // It needs no permission: the plain flow shows the policies, then makes the session.
            super::flows::Flow::Sts(StsApi::GetSessionToken) => self.run_plain(request),
            super::flows::Flow::Sts(api) => self.run_sts(scenario, request, api),
            super::flows::Flow::PassRole(api) => self.run_pass_role(request, api),
            super::flows::Flow::Plain => self.run_plain(request),
        };
        result_of(index, request, verdict)
    }

    /// Resolves the caller, refusing expired sessions with STS's `ExpiredToken`.
    pub(super) fn caller(
        &self,
        principal: &str,
        time: u64,
    ) -> Result<ResolvedCaller<'_>, Box<Verdict>> {
        let unknown = |u: super::caller::UnknownPrincipal| {
            Box::new(error_verdict(
                u.code,
                &u.message,
                u.explain,
                Some(principal),
            ))
        };
        if self.session_token {
            let token = self.token_sessions.get(principal).cloned();
            let token = token.ok_or_else(|| unknown(no_session_token(principal, self.lang)))?;
            let whose = say!(
                self.lang,
                "{principal}'s GetSessionToken credentials",
                "{principal} の GetSessionToken の認証情報"
            );
            self.unexpired(&whose, principal, &token, time)?;
            let mut caller =
                resolve_caller(self.world, principal, None, self.lang).map_err(unknown)?;
            caller.token = Some(token);
            return Ok(caller);
        }
        let session = self.sessions.get(principal).cloned();
        if let Some(s) = &session {
            self.unexpired(principal, principal, &s.session, time)?;
        }
        resolve_caller(self.world, principal, session, self.lang).map_err(unknown)
    }

    /// STS's `ExpiredToken` once a request's time reaches its session's expiry; `what` names
    /// the expired credentials.
    fn unexpired(
        &self,
        what: &str,
        principal: &str,
        session: &Session,
        time: u64,
    ) -> Result<(), Box<Verdict>> {
        if !session.is_expired(i64::try_from(time).unwrap_or(i64::MAX)) {
            return Ok(());
        }
        let (expired, gap) = (session.expires_at, crate::lang::gap(what));
        Err(Box::new(error_verdict(
            "ExpiredToken",
            "The security token included in the request is expired",
            say!(
                self.lang,
                "{what} expired at {expired} s (the request is at {time} s).",
                "{what}{gap}は {expired} 秒の時点で期限切れになりました (リクエストは {time} 秒の時点です)。"
            ),
            Some(principal),
        )))
    }

    /// The context of a request: what AWS derives, then the request's own `context`.
    pub(super) fn context(
        &self,
        caller: &ResolvedCaller,
        request: &Request,
        resource: &str,
    ) -> RequestContext {
        let mut context = self.new_context();
        caller_context(self.world, caller, request.time, &mut context);
        resource_context(self.world, resource, &mut context);
        context
    }

    /// An empty context bound to the current request's deadline; for a brief explanation, which
    /// shows no context, it makes only the derived keys the policies read.
    pub(super) fn new_context(&self) -> RequestContext {
        let mut context = RequestContext::new();
        context.set_deadline(self.deadline.clone());
        if self.brief {
            context.derive_only(self.world.keys_read);
        }
        context
    }

    /// The context as the explanation shows it; none for a brief one, which shows no context
    /// (see [`RequestResult::brief`]).
    pub(super) fn shown(&self, context: RequestContext) -> Vec<ContextShown> {
        if self.brief {
            Vec::new()
        } else {
            show_context(context)
        }
    }

    pub(super) fn resource_side(&self, resource: &str) -> ResourceSide<'_> {
        let account = self.world.owner_of(resource).map(str::to_string);
        let org = account
            .as_deref()
            .and_then(|a| self.world.organizations.get(a));
        ResourceSide {
            policy: self.resource_policy(resource).map(|h| self.world.use_of(h)),
            rcps: org
                .filter(|o| !o.management)
                .map(|o| self.world.levels(&o.rcps))
                .filter(|l| !l.is_empty()),
            organization: org.map(|o| o.id.clone()),
            account,
        }
    }

    /// What the organization's management account is spared, as notes: "SCPs don't affect users
    /// or roles in the management account" and "RCPs don't affect resources in the management
    /// account" (AWS Organizations User Guide, "Service control policies" and "Resource control
    /// policies"). Said only where the scenario attaches such policies, and not in a brief
    /// explanation, which shows no notes.
    pub(super) fn management_notes(&self, caller: &ResolvedCaller, resource: &str) -> Vec<String> {
        if self.brief {
            return Vec::new();
        }
        let lang = self.lang;
        let management = |account: &str| {
            self.world
                .organizations
                .get(account)
                .filter(|o| o.management)
        };
        let mut notes = Vec::new();
        let caller_account = caller.side.caller.account();
        if let Some(account) =
            caller_account.filter(|&a| management(a).is_some_and(|o| !o.scps.is_empty()))
        {
            notes.push(say!(lang,
                "{account} is the organization's management account: SCPs do not affect its users and roles.",
                "{account} は組織の管理アカウントです。SCP はそのユーザーとロールに影響しません。"));
        }
        let owner = self.world.owner_of(resource);
        if let Some(account) = owner.filter(|&a| management(a).is_some_and(|o| !o.rcps.is_empty()))
        {
            notes.push(say!(lang,
                "{account} is the organization's management account: RCPs do not affect its resources.",
                "{account} は組織の管理アカウントです。RCP はそのリソースに影響しません。"));
        }
        notes
    }

    /// [`resource_side`](Self::resource_side) for a request other than an STS call. A role's
    /// trust policy governs assuming it (the actions it can allow) and nothing else: IAM's own
    /// actions on the role (iam:GetRole, iam:PassRole, iam:TagRole, ...) are for identity-based
    /// policies to allow; the role has no resource-based policy for them.
    fn plain_resource_side(&self, resource: &str, action: &str) -> ResourceSide<'_> {
        let mut side = self.resource_side(resource);
        let trust_action = crate::policy::TRUST_ACTIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(action));
        if !trust_action && self.world.roles.contains_key(resource) {
            side.policy = None;
        }
        side
    }

    /// The resource-based policy governing `resource`: its own, or its container's as AWS scopes
    /// it (an S3 bucket policy governs `arn:aws:s3:::bucket/key`).
    fn resource_policy(&self, resource: &str) -> Option<&super::world::PolicyHandle> {
        if let Some(role) = self.world.roles.get(resource) {
            return role.trust.as_ref();
        }
        self.world.resources.get(resource).or_else(|| {
            let bucket = super::world::s3_bucket(resource)?;
            self.world
                .resources
                .get(&["arn:aws:s3:::", bucket].concat())
        })
    }

    fn run_plain(&mut self, request: &Request) -> Verdict {
        let lang = self.lang;
        let Some(principal) = request.principal.as_ref().map(|p| p.value.as_str()) else {
            return no_principal(lang);
        };
        let resource = request.resource.as_ref().map_or("*", |r| r.value.as_str());
        let action = request.action.value.as_str();
        let token_params = match sts_operation(action, &["GetSessionToken"]) {
            Some(_) => match self.sts_params(StsApi::GetSessionToken, request) {
                Ok((params, _)) => Some(params),
                Err(verdict) => return *verdict,
            },
            None => None,
        };
        let caller = match self.caller(principal, request.time) {
            Ok(c) => c,
            Err(v) => return *v,
        };
        if let Some(refused) = refused_to_session(action, &caller, principal, Some(resource), lang)
        {
            return refused;
        }
        let mut context = self.context(&caller, request, resource);
        apply_overrides(request, &mut context);
        let side = self.plain_resource_side(resource, action);
        let name = lang.pick("the request", "リクエスト");
        let mut check = self.authorization_check(name, action, resource, &caller, &side, &context);
        let mut notes: Vec<String> = caller.note.clone().into_iter().collect();
        notes.extend(self.management_notes(&caller, resource));
        // "No permissions are required to perform this operation. If an administrator attaches
        // a policy to your identity that explicitly denies access to the sts:GetCallerIdentity
        // action, you can still perform this operation" (STS API reference, GetCallerIdentity).
        // The policies are still shown, without advice on changing them.
        // GetSessionToken too: "No permissions are required ... You cannot use policies to
        // control authentication operations" (STS API reference, GetSessionToken).
        let free = sts_operation(action, &["GetCallerIdentity", "GetSessionToken"]);
        let unchecked = free.is_some() && check.decision != Decision::Allowed;
        if unchecked {
            // Shown for information: no AccessDenied that AWS would never send, no advice.
            check.advisory = true;
            check.code = None;
            check.message = None;
            if let Some(authorization) = check.authorization.as_mut() {
                authorization.changes.clear();
                authorization.message = None;
            }
            check.notes.push(say!(lang,
                "{action} needs no permission: the policies are shown for information, and they would not allow it.",
                "{action} にはアクセス許可が不要です。ポリシーは参考として表示しています (これらのポリシーでは許可されません)。"));
        }
        if side.account.is_none() && side.policy.is_some() {
            notes.push(lang.pick(
                "The resource's ARN names no account (as S3's do); it is taken to be in the caller's account.",
                "リソースの ARN にはアカウントが含まれていません (S3 の ARN と同様)。呼び出し元のアカウントにあるものとして扱います。",
            ).into());
        }
        let asked = Asked {
            kind: "authorization",
            principal: Some(principal),
            action,
            resource: Some(resource),
        };
        let mut verdict = verdict_from_checks(asked, vec![check], self.shown(context), notes, lang);
        if unchecked {
            verdict.explain.summary = lang
                .pick(
                    "Allowed. {} needs no permission, and no policy can deny it.",
                    "許可されました。{} にはアクセス許可が不要で、どのポリシーも拒否できません。",
                )
                .replace("{}", free.unwrap_or_default());
        }
        if let Some(params) = token_params.filter(|_| verdict.decision == Decision::Allowed) {
            drop(caller);
            self.create_session_token(request, principal, &params, &mut verdict);
        }
        verdict
    }
}

/// A request with GetSessionToken credentials that no earlier request of its principal made.
fn no_session_token(principal: &str, lang: Lang) -> super::caller::UnknownPrincipal {
    super::caller::UnknownPrincipal {
        code: "InvalidClientTokenId",
        message: super::caller::INVALID_TOKEN.into(),
        explain: say!(lang,
            "The request is made with GetSessionToken credentials, but no earlier sts:GetSessionToken request of {principal} was allowed.",
            "このリクエストは GetSessionToken の認証情報で行われますが、{principal} の先行の sts:GetSessionToken リクエストで許可されたものはありません。"),
    }
}

/// A request without a principal never reaches authorization.
pub(super) fn no_principal(lang: Lang) -> Verdict {
    error_verdict(
        "MissingAuthenticationToken",
        "Request is missing Authentication Token",
        lang.pick(
            "The request names no principal.",
            "リクエストにプリンシパルが指定されていません。",
        )
        .into(),
        None,
    )
}

/// The request's `context` added over what AWS derives; overrides are marked.
pub(super) fn apply_overrides(request: &Request, context: &mut RequestContext) {
    for item in &request.context {
        context.set_from_request(&item.key, item.value.clone());
    }
}

/// One authorization as a check, or a `MalformedPolicyDocument` error when a policy it needs is
/// not valid (IAM would not have accepted that policy, so AWS could never evaluate it).
impl Runner<'_> {
    pub(super) fn authorization_check(
        &self,
        name: &str,
        action: &str,
        resource: &str,
        caller: &ResolvedCaller,
        side: &ResourceSide,
        context: &RequestContext,
    ) -> Check {
        let lang = self.lang;
        if let Some(invalid) = first_invalid(caller, side) {
            return Check {
            name: name.into(),
            action: action.into(),
            resource: resource.into(),
            decision: Decision::Error,
            code: Some("MalformedPolicyDocument".into()),
            message: Some(malformed_policy_message(&invalid.policy.place.pointer)),
            authorization: None,
            notes: vec![say!(
                lang,
                "{} has errors, so AWS would have refused to store it; fix it first.",
                "{} にはエラーがあるため、AWS はこのポリシーを保存しなかったはずです。先に修正してください。",
                invalid.label
            )],
            advisory: false,
        };
        }
        let request = AuthzRequest {
            action,
            resource,
            context,
            lang,
            brief: self.brief,
        };
        let authorization = authorize(&caller.side, side, &request);
        check_from(name, action, resource, authorization)
    }
}

/// The `MalformedPolicyDocument` message for the policy at `pointer`: AWS's text depends on the
/// error and is not published for each, so it points at the policy and its findings.
pub(super) fn malformed_policy_message(pointer: &str) -> String {
    format!("The policy at {pointer} is not a valid policy document; see its findings.")
}

pub(super) fn check_from(
    name: &str,
    action: &str,
    resource: &str,
    authorization: Authorization,
) -> Check {
    Check {
        name: name.into(),
        action: action.into(),
        resource: resource.into(),
        decision: authorization.decision,
        code: (authorization.decision != Decision::Allowed).then(|| "AccessDenied".to_string()),
        message: authorization.message.clone(),
        authorization: Some(authorization),
        notes: Vec::new(),
        advisory: false,
    }
}

fn first_invalid<'a>(
    caller: &'a ResolvedCaller,
    side: &'a ResourceSide,
) -> Option<&'a PolicyUse<'a>> {
    let levels = |l: &'a Option<Vec<crate::evaluation::OrgLevel<'a>>>| {
        l.iter().flatten().flat_map(|l| l.policies.iter())
    };
    caller
        .side
        .identity
        .iter()
        .chain(&caller.side.boundary)
        .chain(&caller.side.session)
        .chain(levels(&caller.side.scps))
        .chain(levels(&side.rcps))
        .chain(&side.policy)
        .find(|p| !p.policy.valid)
}

/// The overall verdict of a request from its checks: the first check that did not allow decides.
pub(super) fn verdict_from_checks(
    asked: Asked,
    checks: Vec<Check>,
    context: Vec<super::result::ContextShown>,
    notes: Vec<String>,
    lang: Lang,
) -> Verdict {
    let failing = checks
        .iter()
        .find(|c| c.decision != Decision::Allowed && !c.advisory);
    // A denial is answered with the code of the service called, whichever check refused
    // (`services::denial`).
    let (decision, code, message) = match failing {
        Some(c) if c.code.as_deref() == Some("AccessDenied") => {
            let denial = crate::services::denial(asked.action);
            let message = denial.message.map(str::to_string).or(c.message.clone());
            (c.decision, Some(denial.code.to_string()), message)
        }
        Some(c) => (c.decision, c.code.clone(), c.message.clone()),
        None => (Decision::Allowed, None, None),
    };
    let summary = summarize(
        decision,
        failing,
        &checks,
        asked.kind == "authorization",
        lang,
    );
    Verdict {
        decision,
        code,
        message,
        session: None,
        explain: Explain {
            kind: asked.kind,
            summary,
            principal: asked.principal.map(str::to_string),
            action: asked.action.to_string(),
            resource: asked.resource.map(str::to_string),
            checks,
            context,
            notes,
            brief: false,
        },
    }
}

/// Which check of a call refused, as the summary names it: its action (`sts:TagSession` after
/// `sts:AssumeRole`, `iam:PassRole`), or nothing when a plain request was its one check. The
/// check's own name carries its reason, which the summary gives after it.
fn at<'a>(failing: &'a Check, checks: &[Check], plain: bool) -> Option<&'a str> {
    let one = plain && checks.len() == 1;
    (!one && !failing.action.is_empty()).then_some(failing.action.as_str())
}

fn summarize(
    decision: Decision,
    failing: Option<&Check>,
    checks: &[Check],
    plain: bool,
    lang: Lang,
) -> String {
    let reason = |c: &Check| {
        c.authorization
            .as_ref()
            .and_then(|a| a.reasons.first().cloned())
            .or_else(|| c.notes.first().cloned())
            .unwrap_or_default()
    };
    match (decision, failing) {
        (Decision::Allowed, _) => {
            // The checks of one call (sts:AssumeRole, sts:TagSession, ...) are often allowed for
            // the same reason: each reason is said once.
            let mut reasons: Vec<String> = Vec::new();
            for r in checks.iter().map(reason) {
                if !r.is_empty() && !reasons.contains(&r) {
                    reasons.push(r);
                }
            }
            let reasons = reasons.join(lang.pick(" ", ""));
            say!(lang, "Allowed. {reasons}", "許可されました。{reasons}")
        }
        (Decision::ExplicitDeny | Decision::ImplicitDeny, Some(c)) => {
            let how = match (decision, lang) {
                (Decision::ExplicitDeny, Lang::En) => "Explicitly denied",
                (Decision::ExplicitDeny, Lang::Ja) => "明示的に拒否されました",
                (_, Lang::En) => "Implicitly denied",
                (_, Lang::Ja) => "暗黙的に拒否されました",
            };
            let at = at(c, checks, plain).map_or(String::new(), |action| {
                say!(lang, " at {action}", " ({action})")
            });
            say!(lang, "{how}{at}. {}", "{how}{at}。{}", reason(c))
        }
        (_, Some(c)) => {
            let name = at(c, checks, plain).unwrap_or(&c.name);
            // AWS's message is English; a Japanese summary gives the program's own note first.
            let why = match lang {
                Lang::En => c.message.clone().unwrap_or_else(|| reason(c)),
                Lang::Ja => Some(reason(c))
                    .filter(|r| !r.is_empty())
                    .or_else(|| c.message.clone())
                    .unwrap_or_default(),
            };
            say!(lang, "Error at {name}: {why}", "エラー ({name}): {why}")
        }
        (_, None) => String::new(),
    }
}

/// Which of the STS operations `names` `action` is (`sts:NAME`, in any case).
pub(super) fn sts_operation(action: &str, names: &[&'static str]) -> Option<&'static str> {
    let name = action
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("sts:"))
        .and_then(|_| action.get(4..))?;
    names.iter().copied().find(|n| n.eq_ignore_ascii_case(name))
}

pub(super) fn error_verdict(
    code: &str,
    message: &str,
    why: String,
    principal: Option<&str>,
) -> Verdict {
    Verdict {
        decision: Decision::Error,
        code: Some(code.to_string()),
        message: Some(message.to_string()),
        session: None,
        explain: Explain {
            kind: "error",
            summary: why.clone(),
            principal: principal.map(str::to_string),
            action: String::new(),
            resource: None,
            checks: Vec::new(),
            context: Vec::new(),
            notes: vec![why],
            brief: false,
        },
    }
}
