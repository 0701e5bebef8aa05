//! Evaluating one policy's statements against a request.

use crate::condition::RequestContext;
use crate::lang::{say, Lang};
use crate::matching::{
    match_principal, not_principal_exempts, Caller, PrincipalMatch, PrincipalMatchKind,
};
use crate::policy::{ActionClause, Effect, PrincipalClause, ResourceClause, Statement};

use super::input::{CallerSide, PolicyUse, Request};
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
    caller: &CallerSide,
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
        .filter_map(|statement| {
            // A brief explanation shows no statements: those about other actions take no part in
            // the decision, so they are not described.
            if request.brief && !action_matches(&statement.action, request.action) {
                return None;
            }
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
            Some(trace)
        })
        .collect();
    PolicyOutcome {
        trace: PolicyTrace {
            kind: policy.policy.kind.aws_name(),
            side,
            label: policy.label.clone(),
            managed: policy.managed,
            pointer: if request.brief {
                String::new()
            } else {
                policy.policy.place.pointer.clone()
            },
            level: level.filter(|_| !request.brief).map(str::to_string),
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
            PrincipalMatchKind::Role | PrincipalMatchKind::FederatingUser => 3,
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
    caller: &CallerSide,
    request: &Request,
) -> (StatementTrace, Option<PrincipalMatch>) {
    let lang = request.lang;
    // A brief explanation shows no statements: its elements say whether they matched, not why.
    let action = if request.brief {
        quietly(action_matches(&statement.action, request.action))
    } else {
        action_trace(&statement.action, request.action, lang)
    };
    if !action.matched {
        return (unmatched_action(statement, action), None);
    }
    let resource = statement.resource.as_ref().map(|r| {
        if request.brief {
            quietly(resource_matches(r, request.resource, request.context))
        } else {
            resource_trace(r, request.resource, request.context, lang)
        }
    });
    let (principal, principal_match) = match &statement.principal {
        Some(clause) => {
            // A Deny with NotPrincipal applies to every principal with a boundary.
            let deny_bounded = caller.boundary.is_some() && statement.effect == Effect::Deny;
            let (trace, m) = principal_trace(clause, &caller.caller, deny_bounded, request);
            (Some(trace), m)
        }
        None => (None, None),
    };
    let others_match =
        resource.as_ref().is_none_or(|r| r.matched) && principal.as_ref().is_none_or(|p| p.matched);
    // A brief explanation shows no conditions: only whether they all hold counts, so they are
    // not traced, and once one fails the rest are not evaluated.
    if request.brief {
        let applies = others_match
            && statement
                .conditions
                .iter()
                .all(|c| c.holds(request.context));
        let trace = statement_trace(
            statement,
            false,
            applies,
            action,
            resource,
            principal,
            Vec::new(),
        );
        return (trace, if applies { principal_match } else { None });
    }
    let conditions: Vec<ConditionTrace> = statement
        .conditions
        .iter()
        .map(|condition| {
            let outcome = condition.evaluate(request.context, lang);
            ConditionTrace {
                operator: condition.operator.raw.clone(),
                key: condition.key.clone(),
                matched: outcome.matched,
                reason: outcome.reason,
                pointer: condition.place.pointer.clone(),
            }
        })
        .collect();
    let applies = others_match && conditions.iter().all(|c| c.matched);
    let trace = statement_trace(
        statement, true, applies, action, resource, principal, conditions,
    );
    (trace, if applies { principal_match } else { None })
}

/// A statement's trace; `sid`: whether it names the statement's `Sid` (a brief explanation,
/// which shows no statements, does not need it).
fn statement_trace(
    statement: &Statement,
    sid: bool,
    applies: bool,
    action: ElementTrace,
    resource: Option<ElementTrace>,
    principal: Option<ElementTrace>,
    conditions: Vec<ConditionTrace>,
) -> StatementTrace {
    StatementTrace {
        index: statement.index,
        sid: statement.sid.as_ref().filter(|_| sid).cloned(),
        pointer: statement.place.pointer.clone(),
        line: statement.place.span.start.line,
        effect: effect_name(statement.effect),
        applies,
        action,
        resource,
        principal,
        conditions,
    }
}

/// The trace of a statement whose action does not match. AWS's logic needs nothing more (a
/// statement applies only when every element matches), and most statements of a large world
/// fail here, so skipping their resource, principal and conditions keeps each request cheap
/// and its explanation short: the action is the reason, and nothing else would change it.
fn unmatched_action(statement: &Statement, action: ElementTrace) -> StatementTrace {
    statement_trace(statement, true, false, action, None, None, Vec::new())
}

fn effect_name(effect: Effect) -> &'static str {
    match effect {
        Effect::Allow => "Allow",
        Effect::Deny => "Deny",
    }
}

/// An element's trace without its sentence, for a brief explanation.
fn quietly(matched: bool) -> ElementTrace {
    ElementTrace {
        matched,
        detail: String::new(),
    }
}

/// Whether the statement's `Action` (or `NotAction`) covers `action`, as [`action_trace`] decides
/// it, without writing why.
fn action_matches(clause: &ActionClause, action: &str) -> bool {
    clause.patterns.iter().any(|p| p.value.matches(action)) != clause.negated
}

fn action_trace(clause: &ActionClause, action: &str, lang: Lang) -> ElementTrace {
    let hit = clause.patterns.iter().find(|p| p.value.matches(action));
    match (hit, clause.negated) {
        (Some(p), false) => ElementTrace {
            matched: true,
            detail: say!(
                lang,
                "`{}` matches {action}",
                "`{}` が {action} に一致します",
                p.value.raw()
            ),
        },
        (None, false) => ElementTrace {
            matched: false,
            detail: say!(
                lang,
                "no Action value matches {action}",
                "{action} に一致する Action の値はありません"
            ),
        },
        (Some(p), true) => ElementTrace {
            matched: false,
            detail: say!(
                lang,
                "NotAction `{}` excludes {action}",
                "NotAction の `{}` が {action} を除外しています",
                p.value.raw()
            ),
        },
        (None, true) => ElementTrace {
            matched: true,
            detail: say!(
                lang,
                "{action} is not among the NotAction values",
                "{action} は NotAction の値に含まれていません"
            ),
        },
    }
}

/// What the policy variables of a clause's patterns stood for in this request ("; here
/// ${aws:PrincipalTag/team} is blue"), so a pattern built from the caller's tags shows the ARN it
/// became; empty when no pattern has variables.
fn resolved_variables(clause: &ResourceClause, context: &RequestContext, lang: Lang) -> String {
    let mut said: Vec<String> = Vec::new();
    for (key, value) in clause
        .patterns
        .iter()
        .flat_map(|p| p.value.variables(context))
    {
        let one = match value {
            Some(value) => say!(
                lang,
                "${{{key}}} is {value}",
                "${{{key}}} の値は {value} です"
            ),
            None => say!(
                lang,
                "${{{key}}} has no value, so its pattern matches nothing",
                "${{{key}}} には値がないため、そのパターンは何にも一致しません"
            ),
        };
        if !said.contains(&one) {
            said.push(one);
        }
    }
    if said.is_empty() {
        return String::new();
    }
    let said = said.join(lang.pick("; ", "。"));
    say!(lang, "; here {said}", "。このリクエストでは {said}")
}

/// Whether the statement's `Resource` (or `NotResource`) covers `resource`, as
/// [`resource_trace`] decides it, without writing why.
fn resource_matches(clause: &ResourceClause, resource: &str, context: &RequestContext) -> bool {
    clause
        .patterns
        .iter()
        .any(|p| p.value.matches(resource, context))
        != clause.negated
}

fn resource_trace(
    clause: &ResourceClause,
    resource: &str,
    context: &RequestContext,
    lang: Lang,
) -> ElementTrace {
    let hit = clause
        .patterns
        .iter()
        .find(|p| p.value.matches(resource, context));
    match (hit, clause.negated) {
        (Some(p), false) => ElementTrace {
            matched: true,
            detail: say!(
                lang,
                "`{}` matches {resource}",
                "`{}` が {resource} に一致します",
                p.value.raw()
            ),
        },
        (None, false) => ElementTrace {
            matched: false,
            detail: say!(
                lang,
                "no Resource value matches {resource} (ARNs match case-sensitively){}",
                "{resource} に一致する Resource の値はありません (ARN は大文字と小文字を区別して照合されます){}",
                resolved_variables(clause, context, lang)
            ),
        },
        (Some(p), true) => ElementTrace {
            matched: false,
            detail: say!(
                lang,
                "NotResource `{}` excludes {resource}",
                "NotResource の `{}` が {resource} を除外しています",
                p.value.raw()
            ),
        },
        (None, true) => ElementTrace {
            matched: true,
            detail: say!(
                lang,
                "{resource} is not among the NotResource values",
                "{resource} は NotResource の値に含まれていません"
            ),
        },
    }
}

/// `deny_bounded`: the statement is a Deny and the caller has a permissions boundary. "The
/// NotPrincipal element with a Deny effect will always deny any IAM principal that has a
/// permissions boundary policy attached, regardless of the values specified in the NotPrincipal
/// element" (IAM User Guide, "NotPrincipal").
fn principal_trace(
    clause: &PrincipalClause,
    caller: &Caller,
    deny_bounded: bool,
    request: &Request,
) -> (ElementTrace, Option<PrincipalMatch>) {
    let (who, lang) = (caller.display_arn(), request.lang);
    if clause.negated {
        let exempt = !deny_bounded && not_principal_exempts(&clause.value, caller);
        let detail = if request.brief {
            String::new()
        } else if deny_bounded {
            say!(lang,
                "a Deny with NotPrincipal denies every principal with a permissions boundary, as {who} has",
                "NotPrincipal を使った Deny は、{who} のようにアクセス許可の境界を持つプリンシパルをすべて拒否します")
        } else if exempt {
            say!(lang,
                "NotPrincipal lists every form of {who}, so the statement does not apply to it",
                "NotPrincipal が {who} のすべての形式を列挙しているため、このステートメントは適用されません")
        } else {
            say!(lang,
                "{who} is not exempted by NotPrincipal (a role session must be listed by session ARN, role ARN and account)",
                "{who} は NotPrincipal によって除外されていません (ロールセッションを除外するには、セッション ARN、ロール ARN、アカウントをすべて列挙する必要があります)")
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
        Some(m) if request.brief => (quietly(true), Some(m)),
        None if request.brief => (quietly(false), None),
        Some(m) => {
            let form = principal_form(m.kind, lang);
            let detail = say!(
                lang,
                "names {who} by {form}",
                "{who} を{form}指定しています"
            );
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
                detail: say!(lang, "does not name {who}", "{who} を指定していません"),
            },
            None,
        ),
    }
}

/// How the explanation says which form of the caller a `Principal` named: "by {form}" in
/// English; in Japanese the form carries its particle ("…で"), to be followed by a verb, and
/// follows "を" directly (with a space before half-width text, as AWS's Japanese writes it).
pub fn principal_form(kind: PrincipalMatchKind, lang: Lang) -> &'static str {
    match kind {
        PrincipalMatchKind::Wildcard => lang.pick("`*` (everyone)", "全員 (`*`) で"),
        PrincipalMatchKind::Account => lang.pick("its account", "そのアカウントで"),
        PrincipalMatchKind::User => lang.pick("its user ARN", "ユーザー ARN で"),
        PrincipalMatchKind::Role => lang.pick("its role's ARN", "ロールの ARN で"),
        PrincipalMatchKind::RoleSession => {
            lang.pick("its exact session ARN", "セッション ARN そのもので")
        }
        PrincipalMatchKind::FederatedUser => {
            lang.pick("its federated user ARN", "フェデレーションユーザー ARN で")
        }
        PrincipalMatchKind::FederatingUser => lang.pick(
            "the ARN of the user who created it",
            "作成したユーザーの ARN で",
        ),
        PrincipalMatchKind::Service => lang.pick("its service principal", "サービスプリンシパルで"),
        PrincipalMatchKind::Federated => lang.pick("its identity provider", " ID プロバイダーで"),
    }
}
