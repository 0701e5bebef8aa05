//! AWS's decision flow over the evaluated policies (semantics notes §1.1, §1.2, §2, §10).

use crate::matching::{Caller, PrincipalMatchKind};
use crate::policy::PolicyKind;

use super::advice;
use super::input::{CallerSide, OrgLevel, Request, ResourceSide};
use super::message::access_denied_message;
use super::statement::{evaluate_policy, principal_form, PolicyOutcome};
use super::trace::{Authorization, Decision, PolicyTrace, PolicyVerdict, Side, StatementRef};

/// Every policy of both sides, evaluated once.
pub(super) struct Evaluated {
    pub scps: Vec<(String, Vec<PolicyOutcome>)>,
    pub rcps: Vec<(String, Vec<PolicyOutcome>)>,
    pub identity: Vec<PolicyOutcome>,
    pub boundary: Option<PolicyOutcome>,
    pub session: Vec<PolicyOutcome>,
    pub resource: Option<PolicyOutcome>,
}

impl Evaluated {
    /// Every evaluated policy, organization levels first.
    pub fn all(&self) -> impl Iterator<Item = &PolicyOutcome> {
        let levels = self
            .scps
            .iter()
            .chain(&self.rcps)
            .flat_map(|(_, l)| l.iter());
        levels
            .chain(&self.identity)
            .chain(&self.boundary)
            .chain(&self.session)
            .chain(&self.resource)
    }

    pub fn identity_allows(&self) -> bool {
        self.identity
            .iter()
            .any(|p| p.trace.verdict == PolicyVerdict::Allow)
    }

    pub fn boundary_allows(&self) -> bool {
        self.boundary
            .as_ref()
            .is_none_or(|b| b.trace.verdict == PolicyVerdict::Allow)
    }

    /// With no session policy a role session keeps its role's permissions (§1.1 step 8).
    pub fn session_allows(&self) -> bool {
        self.session.is_empty()
            || self
                .session
                .iter()
                .any(|p| p.trace.verdict == PolicyVerdict::Allow)
    }

    pub fn resource_match(&self) -> Option<PrincipalMatchKind> {
        self.resource.as_ref().and_then(|r| r.allow_match)
    }
}

fn evaluate_levels(
    levels: &Option<Vec<OrgLevel>>,
    side: Side,
    caller: &Caller,
    request: &Request,
) -> Vec<(String, Vec<PolicyOutcome>)> {
    levels
        .iter()
        .flatten()
        .map(|level| {
            let outcomes = level
                .policies
                .iter()
                .map(|p| evaluate_policy(p, side, Some(&level.target), caller, request))
                .collect();
            (level.target.clone(), outcomes)
        })
        .collect()
}

/// Decides one request. Never fails: every path ends in a decision with its reasons.
pub fn authorize(caller: &CallerSide, resource: &ResourceSide, request: &Request) -> Authorization {
    let who = &caller.caller;
    let eval = Evaluated {
        scps: evaluate_levels(&caller.scps, Side::Caller, who, request),
        rcps: evaluate_levels(&resource.rcps, Side::Resource, who, request),
        identity: caller
            .identity
            .iter()
            .map(|p| evaluate_policy(p, Side::Caller, None, who, request))
            .collect(),
        boundary: caller
            .boundary
            .as_ref()
            .map(|p| evaluate_policy(p, Side::Caller, None, who, request)),
        session: caller
            .session
            .iter()
            .map(|p| evaluate_policy(p, Side::Caller, None, who, request))
            .collect(),
        resource: resource
            .policy
            .as_ref()
            .map(|p| evaluate_policy(p, Side::Resource, None, who, request)),
    };
    let cross_account = match (who.account(), resource.account.as_deref()) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    };
    let outcome = decide(&eval, caller, resource, cross_account);
    finish(outcome, eval, caller, resource, request, cross_account)
}

/// The decision before it is dressed with messages and advice.
pub(super) struct Outcome {
    pub decision: Decision,
    /// The policy type AWS's message names.
    pub denied_by: Option<PolicyKind>,
    /// The policy type that really refused, which the advice addresses (it differs from
    /// `denied_by` where AWS's message is known to name another type).
    pub cause: Option<PolicyKind>,
    pub refused_by: Option<Side>,
    pub reasons: Vec<String>,
    pub deciding: Vec<StatementRef>,
}

impl Outcome {
    fn allowed(reason: String, deciding: Vec<StatementRef>) -> Outcome {
        Outcome {
            decision: Decision::Allowed,
            denied_by: None,
            cause: None,
            refused_by: None,
            reasons: vec![reason],
            deciding,
        }
    }

    fn implicit(kind: PolicyKind, side: Side, reason: String) -> Outcome {
        Outcome {
            decision: Decision::ImplicitDeny,
            denied_by: Some(kind),
            cause: Some(kind),
            refused_by: Some(side),
            reasons: vec![reason],
            deciding: Vec::new(),
        }
    }
}

fn statements_with(outcomes: &[&PolicyOutcome], effect: &str) -> Vec<StatementRef> {
    outcomes
        .iter()
        .flat_map(|p| {
            p.trace
                .statements
                .iter()
                .filter(|s| s.applies && s.effect == effect)
                .map(|s| StatementRef {
                    policy: p.trace.label.clone(),
                    pointer: s.pointer.clone(),
                    effect: s.effect,
                })
        })
        .collect()
}

fn decide(eval: &Evaluated, caller: &CallerSide, resource: &ResourceSide, cross: bool) -> Outcome {
    if let Some(outcome) = explicit_deny(eval) {
        return outcome;
    }
    let is_service = matches!(caller.caller, Caller::Service { .. });
    // RCPs do not restrict AWS service principals; SCPs govern only the caller's account.
    if !is_service {
        if let Some(outcome) = org_levels_deny(&eval.rcps, PolicyKind::Rcp, Side::Resource) {
            return outcome;
        }
    }
    if let Some(outcome) = org_levels_deny(&eval.scps, PolicyKind::Scp, Side::Caller) {
        return outcome;
    }
    let resource_kind = resource
        .policy
        .as_ref()
        .map_or(PolicyKind::Resource, |p| p.policy.kind);
    if caller.caller.account().is_none() {
        return identityless(eval, resource_kind);
    }
    if cross {
        cross_account(eval, caller, resource_kind)
    } else if resource_kind == PolicyKind::Trust {
        same_account_trust(eval, caller)
    } else {
        same_account(eval, caller, resource_kind)
    }
}

/// Step 2: one applying `Deny` in any policy decides. AWS names one policy type in its message;
/// the order here follows the order in which the enforcement code lists them.
fn explicit_deny(eval: &Evaluated) -> Option<Outcome> {
    let denying: Vec<&PolicyOutcome> = eval
        .all()
        .filter(|p| p.trace.verdict == PolicyVerdict::Deny)
        .collect();
    let first = denying.first()?;
    let kind = kind_of(&first.trace);
    let side = first.trace.side;
    let deciding = statements_with(&denying, "Deny");
    let names: Vec<String> = deciding
        .iter()
        .map(|d| format!("{} ({})", d.policy, d.pointer))
        .collect();
    Some(Outcome {
        decision: Decision::ExplicitDeny,
        denied_by: Some(kind),
        cause: Some(kind),
        refused_by: Some(side),
        reasons: vec![format!(
            "An explicit Deny applies, and an explicit deny in any policy overrides every Allow: {}.",
            names.join("; ")
        )],
        deciding,
    })
}

pub(super) fn kind_of(trace: &PolicyTrace) -> PolicyKind {
    match trace.kind {
        "service control policy" => PolicyKind::Scp,
        "resource control policy" => PolicyKind::Rcp,
        "permissions boundary" => PolicyKind::Boundary,
        "session policy" => PolicyKind::Session,
        "role trust policy" => PolicyKind::Trust,
        "resource-based policy" => PolicyKind::Resource,
        _ => PolicyKind::Identity,
    }
}

/// SCPs and RCPs: every level of the organization path must allow (§1.1 steps 3 and 4).
fn org_levels_deny(
    levels: &[(String, Vec<PolicyOutcome>)],
    kind: PolicyKind,
    side: Side,
) -> Option<Outcome> {
    let (target, _) = levels.iter().find(|(_, outcomes)| {
        !outcomes
            .iter()
            .any(|p| p.trace.verdict == PolicyVerdict::Allow)
    })?;
    let name = if kind == PolicyKind::Scp {
        "SCP"
    } else {
        "RCP"
    };
    Some(Outcome::implicit(
        kind,
        side,
        format!("No {name} attached at {target} allows the request; every level of the organization (root, each OU, the account) must allow it."),
    ))
}

/// Web identity, SAML and service callers have no identity policies: the resource-based policy
/// (for them, the role's trust policy) alone decides (§1.3).
fn identityless(eval: &Evaluated, resource_kind: PolicyKind) -> Outcome {
    match eval.resource_match() {
        Some(kind) => Outcome::allowed(
            format!("The {} names the caller by {} and allows the request; this caller has no identity-based policies to consult.", resource_kind.aws_name(), principal_form(kind)),
            statements_with(&eval.resource.iter().collect::<Vec<_>>(), "Allow"),
        ),
        None => Outcome::implicit(
            resource_kind,
            Side::Resource,
            format!("No statement of the {} allows this caller.", resource_kind.aws_name()),
        ),
    }
}

/// The caller side's own checks: identity policies, then the boundary, then session policies.
fn caller_side_refusal(
    eval: &Evaluated,
    caller: &CallerSide,
    need_identity: bool,
) -> Option<(PolicyKind, String)> {
    let is_root = matches!(caller.caller, Caller::Root { .. });
    if need_identity && !is_root && !eval.identity_allows() {
        return Some((
            PolicyKind::Identity,
            "No identity-based policy of the caller allows the request.".into(),
        ));
    }
    if !eval.boundary_allows() {
        return Some((PolicyKind::Boundary, "The caller's permissions boundary does not allow the request; a boundary caps what identity-based policies grant.".into()));
    }
    if !eval.session_allows() {
        return Some((PolicyKind::Session, "The calling session's session policies do not allow the request; a session gets at most what its session policies allow.".into()));
    }
    None
}

fn caller_allowed(eval: &Evaluated, caller: &CallerSide, why: String) -> Outcome {
    let mut used: Vec<&PolicyOutcome> = eval.identity.iter().collect();
    used.extend(eval.resource.iter());
    let deciding = statements_with(&used, "Allow");
    let _ = caller;
    Outcome::allowed(why, deciding)
}

/// Same account, ordinary resource-based policy (table in §1.2).
fn same_account(eval: &Evaluated, caller: &CallerSide, resource_kind: PolicyKind) -> Outcome {
    let named = eval.resource_match();
    let need = match named {
        Some(
            PrincipalMatchKind::User
            | PrincipalMatchKind::RoleSession
            | PrincipalMatchKind::FederatedUser
            | PrincipalMatchKind::Wildcard,
        ) => None,
        Some(PrincipalMatchKind::Role) => Some(false),
        _ => Some(true),
    };
    let Some(need_identity) = need else {
        let kind = named.map_or("", principal_form);
        return caller_allowed(eval, caller, format!("The {} names the caller by {kind} and allows the request; in the same account that is enough on its own.", resource_kind.aws_name()));
    };
    match caller_side_refusal(eval, caller, need_identity) {
        Some((kind, reason)) => Outcome::implicit(kind, Side::Caller, reason),
        None if named.is_some() => caller_allowed(eval, caller, format!("The {} allows the request, and the caller's boundary and session policies allow it too.", resource_kind.aws_name())),
        None => caller_allowed(eval, caller, "An identity-based policy allows the request, and nothing denies it.".into()),
    }
}

/// Same account, role trust policy: the trust policy must itself allow (an identity allow alone
/// is never enough); naming the account delegates to IAM, so the caller then also needs an
/// identity-based allow. A trust naming the user is still subject to the user's boundary
/// (IAM User Guide, "Update a role trust policy"; §1.3).
fn same_account_trust(eval: &Evaluated, caller: &CallerSide) -> Outcome {
    let Some(named) = eval.resource_match() else {
        return Outcome::implicit(PolicyKind::Trust, Side::Resource, "The role's trust policy does not allow this caller; for a role, an identity-based policy alone is never enough.".into());
    };
    let need_identity = named == PrincipalMatchKind::Account;
    let refusal = match named {
        PrincipalMatchKind::RoleSession | PrincipalMatchKind::FederatedUser => None,
        PrincipalMatchKind::User => (!eval.boundary_allows()).then(|| (PolicyKind::Boundary, "The trust policy names the user, but the user's permissions boundary does not allow sts:AssumeRole; a boundary must allow it even then.".to_string())),
        _ => caller_side_refusal(eval, caller, need_identity),
    };
    match refusal {
        Some((kind, reason)) => Outcome::implicit(kind, Side::Caller, reason),
        None => {
            let why = if need_identity {
                "The trust policy names the caller's account, and an identity-based policy of the caller allows the request."
            } else {
                "The trust policy names the caller directly; in the same account no identity-based policy is needed."
            };
            caller_allowed(eval, caller, format!("{why} ({})", principal_form(named)))
        }
    }
}

/// Across accounts both sides must allow: the resource-based policy in the trusting account and
/// the caller's own policies in the trusted account (§2).
fn cross_account(eval: &Evaluated, caller: &CallerSide, resource_kind: PolicyKind) -> Outcome {
    let named = eval.resource_match();
    let caller_refusal = caller_side_refusal(eval, caller, true);
    match (named, caller_refusal) {
        (Some(_), None) => caller_allowed(eval, caller, format!("Cross-account: the {} in the resource's account allows the caller, and the caller's own policies allow the request.", resource_kind.aws_name())),
        (None, _) => Outcome::implicit(resource_kind, Side::Resource, format!("Cross-account: the {} in the resource's account does not allow this caller, so the trusting account refuses.", resource_kind.aws_name())),
        (Some(_), Some((kind, reason))) => Outcome::implicit(
            kind,
            Side::Caller,
            format!("Cross-account: the resource's account allows the caller, but the caller's own account does not. {reason}"),
        ),
    }
}

fn finish(
    outcome: Outcome,
    eval: Evaluated,
    caller: &CallerSide,
    resource: &ResourceSide,
    request: &Request,
    cross_account: bool,
) -> Authorization {
    let same_org = caller.organization.is_some() && caller.organization == resource.organization;
    let message = (outcome.decision != Decision::Allowed).then(|| {
        access_denied_message(
            caller.caller.display_arn(),
            request.action,
            request.resource,
            outcome.denied_by,
            outcome.decision == Decision::ExplicitDeny,
            !cross_account || same_org,
        )
    });
    let changes = advice::changes(&outcome, &eval, caller, request);
    let policies = eval
        .scps
        .into_iter()
        .chain(eval.rcps)
        .flat_map(|(_, l)| l)
        .chain(eval.identity)
        .chain(eval.boundary)
        .chain(eval.session)
        .chain(eval.resource)
        .map(|p| p.trace)
        .collect();
    Authorization {
        decision: outcome.decision,
        denied_by: outcome.denied_by,
        refused_by: if cross_account {
            outcome.refused_by
        } else {
            None
        },
        cross_account,
        message,
        reasons: outcome.reasons,
        changes,
        deciding: outcome.deciding,
        policies,
    }
}
