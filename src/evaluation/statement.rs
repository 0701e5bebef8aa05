//! Evaluating one policy's statements against a request.

use crate::condition::RequestContext;
use crate::matching::{
    match_principal, not_principal_exempts, Caller, PrincipalMatch, PrincipalMatchKind,
};
use crate::policy::{ActionClause, Effect, PrincipalClause, ResourceClause, Statement};

use super::input::{PolicyUse, Request};
use super::trace::{
    ConditionTrace, ElementTrace, PolicyTrace, PolicyVerdict, Side, StatementTrace,
};

/// A policy's trace plus, for resource-based policies, the principal form its applying `Allow`
/// named (what a resource-based policy can grant on its own depends on it).
pub struct PolicyOutcome {
    pub trace: PolicyTrace,
    pub allow_match: Option<PrincipalMatchKind>,
}

pub fn evaluate_policy(
    policy: &PolicyUse,
    side: Side,
    level: Option<&str>,
    caller: &Caller,
    request: &Request,
) -> PolicyOutcome {
    let mut verdict = PolicyVerdict::NoMatch;
    let mut allow_match = None;
    let statements: Vec<StatementTrace> = policy
        .policy
        .statements
        .iter()
        // Out of time, the request's result is replaced by an error: stop early.
        .take_while(|_| !request.context.out_of_time())
        .map(|statement| {
            let (trace, principal) = evaluate_statement(statement, caller, request);
            if trace.applies {
                match statement.effect {
                    Effect::Deny => verdict = PolicyVerdict::Deny,
                    Effect::Allow => {
                        if verdict == PolicyVerdict::NoMatch {
                            verdict = PolicyVerdict::Allow;
                        }
                        allow_match = more_specific(allow_match, principal.map(|m| m.kind));
                    }
                }
            }
            trace
        })
        .collect();
    PolicyOutcome {
        trace: PolicyTrace {
            kind: policy.policy.kind.aws_name(),
            side,
            label: policy.label.clone(),
            pointer: policy.policy.place.pointer.clone(),
            level: level.map(str::to_string),
            verdict,
            statements,
        },
        allow_match,
    }
}

/// Of two principal forms that allowed, the one that grants the most on its own.
fn more_specific(
    a: Option<PrincipalMatchKind>,
    b: Option<PrincipalMatchKind>,
) -> Option<PrincipalMatchKind> {
    fn rank(kind: PrincipalMatchKind) -> u8 {
        match kind {
            PrincipalMatchKind::RoleSession
            | PrincipalMatchKind::FederatedUser
            | PrincipalMatchKind::User => 5,
            PrincipalMatchKind::Service | PrincipalMatchKind::Federated => 4,
            PrincipalMatchKind::Role => 3,
            PrincipalMatchKind::Wildcard => 2,
            PrincipalMatchKind::Account => 1,
        }
    }
    match (a, b) {
        (Some(x), Some(y)) => Some(if rank(y) > rank(x) { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

fn evaluate_statement(
    statement: &Statement,
    caller: &Caller,
    request: &Request,
) -> (StatementTrace, Option<PrincipalMatch>) {
    let action = action_trace(&statement.action, request.action);
    if !action.matched {
        return (unmatched_action(statement, action), None);
    }
    let resource = statement
        .resource
        .as_ref()
        .map(|r| resource_trace(r, request.resource, request.context));
    let (principal, principal_match) = match &statement.principal {
        Some(clause) => {
            let (trace, m) = principal_trace(clause, caller);
            (Some(trace), m)
        }
        None => (None, None),
    };
    let conditions: Vec<ConditionTrace> = statement
        .conditions
        .iter()
        .map(|condition| {
            let outcome = condition.evaluate(request.context);
            ConditionTrace {
                operator: condition.operator.raw.clone(),
                key: condition.key.clone(),
                matched: outcome.matched,
                reason: outcome.reason,
                pointer: condition.place.pointer.clone(),
            }
        })
        .collect();
    let applies = action.matched
        && resource.as_ref().is_none_or(|r| r.matched)
        && principal.as_ref().is_none_or(|p| p.matched)
        && conditions.iter().all(|c| c.matched);
    let trace = StatementTrace {
        index: statement.index,
        sid: statement.sid.clone(),
        pointer: statement.place.pointer.clone(),
        line: statement.place.span.start.line,
        effect: effect_name(statement.effect),
        applies,
        action,
        resource,
        principal,
        conditions,
    };
    (trace, if applies { principal_match } else { None })
}

/// The trace of a statement whose action does not match. AWS's logic needs nothing more (a
/// statement applies only when every element matches), and most statements of a large world
/// fail here, so skipping their resource, principal and conditions keeps each request cheap
/// and its explanation short: the action is the reason, and nothing else would change it.
fn unmatched_action(statement: &Statement, action: ElementTrace) -> StatementTrace {
    StatementTrace {
        index: statement.index,
        sid: statement.sid.clone(),
        pointer: statement.place.pointer.clone(),
        line: statement.place.span.start.line,
        effect: effect_name(statement.effect),
        applies: false,
        action,
        resource: None,
        principal: None,
        conditions: Vec::new(),
    }
}

fn effect_name(effect: Effect) -> &'static str {
    match effect {
        Effect::Allow => "Allow",
        Effect::Deny => "Deny",
    }
}

fn action_trace(clause: &ActionClause, action: &str) -> ElementTrace {
    let hit = clause.patterns.iter().find(|p| p.value.matches(action));
    let element = if clause.negated {
        "NotAction"
    } else {
        "Action"
    };
    match (hit, clause.negated) {
        (Some(p), false) => ElementTrace {
            matched: true,
            detail: format!("`{}` matches {action}", p.value.raw()),
        },
        (None, false) => ElementTrace {
            matched: false,
            detail: format!("no Action value matches {action}"),
        },
        (Some(p), true) => ElementTrace {
            matched: false,
            detail: format!("{element} `{}` excludes {action}", p.value.raw()),
        },
        (None, true) => ElementTrace {
            matched: true,
            detail: format!("{action} is not among the NotAction values"),
        },
    }
}

fn resource_trace(
    clause: &ResourceClause,
    resource: &str,
    context: &RequestContext,
) -> ElementTrace {
    let hit = clause
        .patterns
        .iter()
        .find(|p| p.value.matches(resource, context));
    match (hit, clause.negated) {
        (Some(p), false) => ElementTrace {
            matched: true,
            detail: format!("`{}` matches {resource}", p.value.raw()),
        },
        (None, false) => ElementTrace {
            matched: false,
            detail: format!("no Resource value matches {resource} (ARNs match case-sensitively)"),
        },
        (Some(p), true) => ElementTrace {
            matched: false,
            detail: format!("NotResource `{}` excludes {resource}", p.value.raw()),
        },
        (None, true) => ElementTrace {
            matched: true,
            detail: format!("{resource} is not among the NotResource values"),
        },
    }
}

fn principal_trace(
    clause: &PrincipalClause,
    caller: &Caller,
) -> (ElementTrace, Option<PrincipalMatch>) {
    let who = caller.display_arn();
    if clause.negated {
        let exempt = not_principal_exempts(&clause.value, caller);
        let detail = if exempt {
            format!("NotPrincipal lists every form of {who}, so the statement does not apply to it")
        } else {
            format!("{who} is not exempted by NotPrincipal (a role session must be listed by session ARN, role ARN and account)")
        };
        return (
            ElementTrace {
                matched: !exempt,
                detail,
            },
            None,
        );
    }
    match match_principal(&clause.value, caller) {
        Some(m) => {
            let detail = format!("names {who} by {}", principal_form(m.kind));
            (
                ElementTrace {
                    matched: true,
                    detail,
                },
                Some(m),
            )
        }
        None => (
            ElementTrace {
                matched: false,
                detail: format!("does not name {who}"),
            },
            None,
        ),
    }
}

/// How the explanation says which form of the caller a `Principal` named.
pub fn principal_form(kind: PrincipalMatchKind) -> &'static str {
    match kind {
        PrincipalMatchKind::Wildcard => "`*` (everyone)",
        PrincipalMatchKind::Account => "its account",
        PrincipalMatchKind::User => "its user ARN",
        PrincipalMatchKind::Role => "its role's ARN",
        PrincipalMatchKind::RoleSession => "its exact session ARN",
        PrincipalMatchKind::FederatedUser => "its federated user ARN",
        PrincipalMatchKind::Service => "its service principal",
        PrincipalMatchKind::Federated => "its identity provider",
    }
}
