//! "What would change the outcome": sentences that point at the statement to edit.

use crate::policy::PolicyKind;

use super::decide::{Evaluated, Outcome};
use super::input::{CallerSide, Request};
use super::statement::PolicyOutcome;
use super::trace::{Decision, StatementTrace};

pub(super) fn changes(
    outcome: &Outcome,
    eval: &Evaluated,
    caller: &CallerSide,
    request: &Request,
) -> Vec<String> {
    match outcome.decision {
        Decision::Allowed => allowed(outcome),
        Decision::ExplicitDeny => explicit(eval),
        _ => implicit(outcome, eval, caller, request),
    }
}

fn allowed(outcome: &Outcome) -> Vec<String> {
    outcome
        .deciding
        .iter()
        .map(|d| format!("Removing the Allow at {} in {} would take this access away unless another statement grants it.", d.pointer, d.policy))
        .collect()
}

fn explicit(eval: &Evaluated) -> Vec<String> {
    eval.all()
        .flat_map(|p| {
            p.trace
                .statements
                .iter()
                .filter(|s| s.applies && s.effect == "Deny")
                .map(move |s| (p, s))
        })
        .map(|(p, s)| {
            let conditions: Vec<&str> = s.conditions.iter().map(|c| c.reason.as_str()).collect();
            if conditions.is_empty() {
                format!(
                    "Remove or narrow {} of {} ({}); nothing can override an explicit deny.",
                    s.name(),
                    p.trace.label,
                    s.pointer
                )
            } else {
                format!(
                    "Remove or narrow {} of {} ({}), or make its condition false (now: {}).",
                    s.name(),
                    p.trace.label,
                    s.pointer,
                    conditions.join("; ")
                )
            }
        })
        .collect()
}

/// The first element that failed in a statement whose action matched.
fn why_not(s: &StatementTrace) -> Option<String> {
    if let Some(r) = s.resource.as_ref().filter(|r| !r.matched) {
        return Some(format!("its Resource does not match: {}", r.detail));
    }
    if let Some(p) = s.principal.as_ref().filter(|p| !p.matched) {
        return Some(format!("its Principal {}", p.detail));
    }
    let failed: Vec<&str> = s
        .conditions
        .iter()
        .filter(|c| !c.matched)
        .map(|c| c.reason.as_str())
        .collect();
    (!failed.is_empty()).then(|| format!("its condition fails: {}", failed.join("; ")))
}

fn near_misses<'a>(outcomes: impl Iterator<Item = &'a PolicyOutcome>) -> Vec<String> {
    outcomes
        .flat_map(|p| {
            p.trace
                .statements
                .iter()
                .filter(|s| s.effect == "Allow" && s.near_miss())
                .map(move |s| (p, s))
        })
        .filter_map(|(p, s)| {
            why_not(s).map(|why| {
                format!(
                    "{} of {} ({}) allows the action, but {why}.",
                    s.name(),
                    p.trace.label,
                    s.pointer
                )
            })
        })
        .collect()
}

fn implicit(
    outcome: &Outcome,
    eval: &Evaluated,
    caller: &CallerSide,
    request: &Request,
) -> Vec<String> {
    let who = caller.caller.display_arn();
    let (action, resource) = (request.action, request.resource);
    let Some(kind) = outcome.cause else {
        return Vec::new();
    };
    let mut out = match kind {
        PolicyKind::Identity => near_misses(eval.identity.iter()),
        PolicyKind::Boundary => near_misses(eval.boundary.iter()),
        PolicyKind::Session => near_misses(eval.session.iter()),
        PolicyKind::Trust | PolicyKind::Resource => near_misses(eval.resource.iter()),
        PolicyKind::Scp => near_misses(eval.scps.iter().flat_map(|(_, l)| l.iter())),
        PolicyKind::Rcp => near_misses(eval.rcps.iter().flat_map(|(_, l)| l.iter())),
    };
    let named_account = eval.resource_match() == Some(crate::matching::PrincipalMatchKind::Account);
    out.push(match kind {
        PolicyKind::Identity if named_account && kind_is_trust(eval) => format!("The trust policy names the account, so {who} also needs an identity-based policy that allows {action} on {resource}."),
        PolicyKind::Identity => format!("Give {who} an identity-based policy that allows {action} on {resource}."),
        PolicyKind::Boundary => format!("Allow {action} in the permissions boundary of {who} (the boundary caps every identity-based allow), or remove the boundary."),
        PolicyKind::Session => format!("The session was created with session policies that do not allow {action}; assume the role again with a session policy that allows it, or with none."),
        PolicyKind::Trust => format!("Add a statement to the role's trust policy that allows {action} for {who} (by its ARN or its account)."),
        PolicyKind::Resource => format!("Add a statement to the resource-based policy of {resource} that allows {action} for {who}, or, in the same account, give {who} an identity-based policy that allows it."),
        PolicyKind::Scp => format!("Allow {action} in an SCP at every level of the organization path of {who} (FullAWSAccess allows everything)."),
        PolicyKind::Rcp => format!("Allow {action} in an RCP at every level of the resource's organization path (RCPFullAWSAccess allows everything)."),
    });
    out
}

fn kind_is_trust(eval: &Evaluated) -> bool {
    eval.resource
        .as_ref()
        .is_some_and(|r| r.trace.kind == PolicyKind::Trust.aws_name())
}
