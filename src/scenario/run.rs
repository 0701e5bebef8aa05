//! Running a scenario: each request in order, sessions carried from one request to the next.

use std::collections::HashMap;

use crate::condition::RequestContext;
use crate::deadline::{Clock, Deadline};
use crate::evaluation::{
    authorize, Authorization, Decision, PolicyUse, Request as AuthzRequest, ResourceSide,
};
use crate::finding::Finding;

use super::caller::{caller_context, resolve_caller, resource_context, ResolvedCaller};
use super::document::{read_scenario, Request, Scenario};
use super::result::{show_context, Check, Explain, RequestResult, RunOutput};
use super::sessions::SessionState;
use super::world::World;

/// Reads and runs a scenario. `Err` holds the findings when the text is not a valid scenario (it
/// cannot be run); findings about the policies inside a valid scenario come beside the results.
pub fn run_scenario(text: &str) -> Result<RunOutput, Vec<Finding>> {
    run_scenario_limited(text, &TimeLimits::default())
}

/// [`run_scenario`] under the given time limits.
pub fn run_scenario_limited(text: &str, limits: &TimeLimits) -> Result<RunOutput, Vec<Finding>> {
    let read = read_scenario(text);
    let valid = read.is_valid();
    let (Some(scenario), true) = (read.scenario, valid) else {
        return Err(read.findings);
    };
    let mut runner = Runner {
        world: World::build(&scenario),
        sessions: HashMap::new(),
        deadline: None,
    };
    let whole = limits
        .clock
        .map(|clock| Deadline::after(clock, limits.scenario_ms));
    let results = scenario
        .requests
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if whole.as_ref().is_some_and(Deadline::passed_now) {
                return out_of_time(i, r, limits.scenario_ms, "scenario");
            }
            runner.deadline = limits
                .clock
                .map(|clock| Deadline::after(clock, limits.request_ms));
            let result = runner.run(&scenario, i, r);
            if runner.deadline.as_ref().is_some_and(Deadline::was_passed) {
                return out_of_time(i, r, limits.request_ms, "request");
            }
            result
        })
        .collect();
    let mut findings = read.findings;
    findings.append(&mut runner.world.findings);
    Ok(RunOutput { results, findings })
}

pub(super) struct Runner {
    pub world: World,
    /// Sessions created by allowed STS requests, by session ARN; the latest one wins.
    pub sessions: HashMap<String, SessionState>,
    /// The end of the current request's time, shared by every context built for it.
    pub deadline: Option<Deadline>,
}

/// How long evaluation may take before a request (or the rest of the scenario) is given up.
/// Ordinary requests take microseconds; the limits are for hostile or runaway input.
#[derive(Clone, Copy, Debug)]
pub struct TimeLimits {
    /// Where time comes from; none: no limit.
    pub clock: Option<Clock>,
    pub request_ms: f64,
    pub scenario_ms: f64,
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
            request_ms: 500.0,
            scenario_ms: 5000.0,
        }
    }
}

/// The result of a request given up for time: an error that says which limit, not a decision
/// (a partial evaluation could hide a grant or a deny).
fn out_of_time(index: usize, request: &Request, limit_ms: f64, what: &str) -> RequestResult {
    let why = if what == "request" {
        format!("Evaluating this request took longer than its {limit_ms} ms limit, so the playground stopped without a decision. Its policies or context hold so many values that one condition means millions of comparisons; make them smaller.")
    } else {
        format!("The scenario's requests together took longer than the {limit_ms} ms limit, so this request and those after it were not evaluated.")
    };
    let verdict = error_verdict(
        "PlaygroundTimeLimitExceeded",
        "The playground's time limit for evaluation was reached (this is not an AWS error).",
        why,
        request.principal.as_ref().map(|p| p.value.as_str()),
    );
    RequestResult {
        index,
        name: request.name.as_ref().map(|n| n.value.clone()),
        decision: verdict.decision,
        code: verdict.code,
        message: verdict.message,
        session: None,
        expectation: request.expect.as_ref().map(|_| "unmet"),
        explain: verdict.explain,
    }
}

/// A result before the expectation is compared.
pub(super) struct Verdict {
    pub decision: Decision,
    pub code: Option<String>,
    pub message: Option<String>,
    pub session: Option<super::result::SessionCard>,
    pub explain: Explain,
}

impl Runner {
    fn run(&mut self, scenario: &Scenario, index: usize, request: &Request) -> RequestResult {
        let verdict = match super::flows::route(&request.action.value) {
            super::flows::Flow::Sts(api) => self.run_sts(scenario, request, api),
            super::flows::Flow::PassRole(api) => self.run_pass_role(request, api),
            super::flows::Flow::Plain => self.run_plain(request),
        };
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
        RequestResult {
            index,
            name: request.name.as_ref().map(|n| n.value.clone()),
            decision: verdict.decision,
            code: verdict.code,
            message: verdict.message,
            session: verdict.session,
            expectation,
            explain: verdict.explain,
        }
    }

    /// Resolves the caller, refusing expired sessions with STS's `ExpiredToken`.
    pub(super) fn caller(
        &self,
        principal: &str,
        time: u64,
    ) -> Result<ResolvedCaller<'_>, Box<Verdict>> {
        let session = self.sessions.get(principal).cloned();
        if let Some(s) = &session {
            if s.session
                .is_expired(i64::try_from(time).unwrap_or(i64::MAX))
            {
                return Err(Box::new(error_verdict(
                    "ExpiredToken",
                    "The security token included in the request is expired",
                    format!(
                        "{principal} expired at {} s (the request is at {time} s).",
                        s.session.expires_at
                    ),
                    Some(principal),
                )));
            }
        }
        resolve_caller(&self.world, principal, session).map_err(|u| {
            Box::new(error_verdict(
                u.code,
                &u.message,
                u.explain,
                Some(principal),
            ))
        })
    }

    /// The context of a request: what AWS derives, then the request's own `context`.
    pub(super) fn context(
        &self,
        caller: &ResolvedCaller,
        request: &Request,
        resource: &str,
    ) -> RequestContext {
        let mut context = self.new_context();
        caller_context(&self.world, caller, request.time, &mut context);
        resource_context(&self.world, resource, &mut context);
        context
    }

    /// An empty context bound to the current request's deadline.
    pub(super) fn new_context(&self) -> RequestContext {
        let mut context = RequestContext::new();
        context.set_deadline(self.deadline.clone());
        context
    }

    pub(super) fn resource_side(&self, resource: &str) -> ResourceSide<'_> {
        let account = self.world.owner_of(resource).map(str::to_string);
        let org = account
            .as_deref()
            .and_then(|a| self.world.organizations.get(a));
        ResourceSide {
            policy: self.resource_policy(resource).map(|h| self.world.use_of(h)),
            rcps: org
                .map(|o| self.world.levels(&o.rcps))
                .filter(|l| !l.is_empty()),
            organization: org.map(|o| o.id.clone()),
            account,
        }
    }

    /// The resource-based policy governing `resource`: its own, or its container's as AWS scopes
    /// it (an S3 bucket policy governs `arn:aws:s3:::bucket/key`).
    fn resource_policy(&self, resource: &str) -> Option<&super::world::PolicyHandle> {
        if let Some(role) = self.world.roles.get(resource) {
            return role.trust.as_ref();
        }
        self.world.resources.get(resource).or_else(|| {
            let bucket = super::world::s3_bucket(resource)?;
            self.world.resources.get(&format!("arn:aws:s3:::{bucket}"))
        })
    }

    fn run_plain(&mut self, request: &Request) -> Verdict {
        let Some(principal) = request.principal.as_ref().map(|p| p.value.as_str()) else {
            return error_verdict(
                "MissingAuthenticationToken",
                "Request is missing Authentication Token",
                "The request names no principal.".into(),
                None,
            );
        };
        let resource = request.resource.as_ref().map_or("*", |r| r.value.as_str());
        let caller = match self.caller(principal, request.time) {
            Ok(c) => c,
            Err(v) => return *v,
        };
        let mut context = self.context(&caller, request, resource);
        apply_overrides(request, &mut context);
        let side = self.resource_side(resource);
        let action = request.action.value.as_str();
        let check = authorization_check("the request", action, resource, &caller, &side, &context);
        let mut notes: Vec<String> = caller.note.clone().into_iter().collect();
        if side.account.is_none() && side.policy.is_some() {
            notes.push("The resource's ARN names no account (as S3's do); it is taken to be in the caller's account.".into());
        }
        verdict_from_checks(
            "authorization",
            Some(principal),
            action,
            Some(resource),
            vec![check],
            show_context(&context),
            notes,
        )
    }
}

/// The request's `context` added over what AWS derives; overrides are marked.
pub(super) fn apply_overrides(request: &Request, context: &mut RequestContext) {
    for item in &request.context {
        context.set_from_request(&item.key, item.value.clone());
    }
}

/// One authorization as a check, or a `MalformedPolicyDocument` error when a policy it needs is
/// not valid (IAM would not have accepted that policy, so AWS could never evaluate it).
pub(super) fn authorization_check(
    name: &str,
    action: &str,
    resource: &str,
    caller: &ResolvedCaller,
    side: &ResourceSide,
    context: &RequestContext,
) -> Check {
    if let Some(invalid) = first_invalid(caller, side) {
        return Check {
            name: name.into(),
            action: action.into(),
            resource: resource.into(),
            decision: Decision::Error,
            code: Some("MalformedPolicyDocument".into()),
            message: Some(format!(
                "The policy at {} is not a valid policy document; see its findings.",
                invalid.policy.place.pointer
            )),
            authorization: None,
            notes: vec![format!(
                "{} has errors, so AWS would have refused to store it; fix it first.",
                invalid.label
            )],
            advisory: false,
        };
    }
    let request = AuthzRequest {
        action,
        resource,
        context,
    };
    let authorization = authorize(&caller.side, side, &request);
    check_from(name, action, resource, authorization)
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
    kind: &'static str,
    principal: Option<&str>,
    action: &str,
    resource: Option<&str>,
    checks: Vec<Check>,
    context: Vec<super::result::ContextShown>,
    notes: Vec<String>,
) -> Verdict {
    let failing = checks
        .iter()
        .find(|c| c.decision != Decision::Allowed && !c.advisory);
    let (decision, code, message) = match failing {
        Some(c) => (c.decision, c.code.clone(), c.message.clone()),
        None => (Decision::Allowed, None, None),
    };
    let summary = summarize(decision, failing, &checks);
    Verdict {
        decision,
        code,
        message,
        session: None,
        explain: Explain {
            kind,
            summary,
            principal: principal.map(str::to_string),
            action: action.to_string(),
            resource: resource.map(str::to_string),
            checks,
            context,
            notes,
        },
    }
}

fn summarize(decision: Decision, failing: Option<&Check>, checks: &[Check]) -> String {
    let reason = |c: &Check| {
        c.authorization
            .as_ref()
            .and_then(|a| a.reasons.first().cloned())
            .or_else(|| c.notes.first().cloned())
            .unwrap_or_default()
    };
    match (decision, failing) {
        (Decision::Allowed, _) => {
            let reasons: Vec<String> = checks
                .iter()
                .map(reason)
                .filter(|r| !r.is_empty())
                .collect();
            format!("Allowed. {}", reasons.join(" "))
        }
        (Decision::ExplicitDeny, Some(c)) => {
            format!("Explicitly denied at {}. {}", c.name, reason(c))
        }
        (Decision::ImplicitDeny, Some(c)) => {
            format!("Implicitly denied at {}. {}", c.name, reason(c))
        }
        (_, Some(c)) => format!(
            "Error at {}: {}",
            c.name,
            c.message.clone().unwrap_or_else(|| reason(c))
        ),
        (_, None) => String::new(),
    }
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
        },
    }
}
