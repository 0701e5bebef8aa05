//! `Principal` and `NotPrincipal`.
//!
//! Sources: IAM User Guide, "AWS JSON policy elements: Principal" and "...: NotPrincipal";
//! Access Analyzer policy check reference; Organizations "RCP syntax" (semantics notes §3.1, §7).
//! `Principal` is required in trust and resource-based policies and RCPs, and prohibited in
//! identity-based policies, boundaries, session policies and SCPs. `NotPrincipal` is not allowed in
//! trust policies, SCPs and RCPs, and must be used with `Deny`. Wildcards are allowed only as the
//! whole value `*`.

use super::principal_forms::{
    federated_kind, is_aws_principal, is_service_principal, Federated, BUILT_IN_PROVIDERS,
};
use super::variables;
use crate::json::{Json, Value};
use crate::policy::codes;
use crate::policy::reader::{did_you_mean, member, place, Reader, Text};
use crate::policy::{
    Effect, Located, Place, PolicyKind, PrincipalClause, PrincipalEntry, PrincipalType,
    PrincipalValue,
};

const TYPES: &[(&str, PrincipalType)] = &[
    ("AWS", PrincipalType::Aws),
    ("Service", PrincipalType::Service),
    ("Federated", PrincipalType::Federated),
    ("CanonicalUser", PrincipalType::CanonicalUser),
];

pub(crate) fn read_principal(
    r: &mut Reader,
    stmt: &Json,
    ptr: &str,
    effect: Option<Effect>,
) -> Option<PrincipalClause> {
    let positive = member(stmt, ptr, "Principal");
    let negative = member(stmt, ptr, "NotPrincipal");
    if let (Some(_), Some((json, at))) = (&positive, &negative) {
        let message = "A statement can have `Principal` or `NotPrincipal`, not both: remove one.";
        r.report(
            codes::UNSUPPORTED_ELEMENT_COMBINATION,
            message,
            &place(at, json.span),
        );
    }
    let (negated, json, at) = match (positive, negative) {
        (Some((json, at)), _) => (false, json, at),
        (None, Some((json, at))) => (true, json, at),
        (None, None) => {
            if matches!(
                r.kind,
                PolicyKind::Trust | PolicyKind::Resource | PolicyKind::Rcp
            ) {
                let message = format!(
                    "This statement has no `Principal`, which a {} requires: name who the statement applies to.",
                    r.kind.aws_name()
                );
                r.report(codes::MISSING_PRINCIPAL, message, &place(ptr, stmt.span));
            }
            return None;
        }
    };
    let element = if negated { "NotPrincipal" } else { "Principal" };
    let clause_place = place(&at, json.span);
    if !element_allowed(r, element, negated, effect, &clause_place) {
        return None;
    }
    let value = read_value(r, json, &at, element)?;
    if r.kind == PolicyKind::Rcp && !is_everyone(&value) {
        r.report(
            codes::RCP_PRINCIPAL_NOT_WILDCARD,
            "In a resource control policy `Principal` must be \"*\": narrow the principals with conditions such as `aws:PrincipalArn` instead.",
            &clause_place,
        );
    }
    Some(PrincipalClause {
        negated,
        value,
        place: clause_place,
    })
}

fn is_everyone(value: &PrincipalValue) -> bool {
    match value {
        PrincipalValue::Any => true,
        PrincipalValue::Entries(e) => {
            e.len() == 1 && e[0].value.kind == PrincipalType::Aws && e[0].value.value == "*"
        }
    }
}

/// Whether this kind of policy takes the element; reports it when not.
fn element_allowed(
    r: &mut Reader,
    element: &str,
    negated: bool,
    effect: Option<Effect>,
    at: &Place,
) -> bool {
    use PolicyKind::*;
    match (r.kind, negated) {
        (Identity | Boundary | Session | Scp, _) => {
            let message = format!(
                "`{element}` is not allowed in a {}: the principal is whoever the policy applies to. Remove `{element}`.",
                r.kind.aws_name()
            );
            r.report(codes::UNSUPPORTED_PRINCIPAL, message, at);
            false
        }
        (Trust, true) => {
            let message = "A role trust policy cannot use `NotPrincipal`: name the principals allowed to assume the role in `Principal`.";
            r.report(
                codes::ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL,
                message,
                at,
            );
            false
        }
        (Rcp, true) => {
            let message = "Resource control policies do not support `NotPrincipal`: use `\"Principal\": \"*\"` with an `aws:PrincipalArn` condition.";
            r.report(codes::UNSUPPORTED_PRINCIPAL, message, at);
            false
        }
        (Resource, true) if effect == Some(Effect::Allow) => {
            let message = "`Allow` with `NotPrincipal` allows everyone not listed, including anonymous users, and AWS no longer supports it: use `Deny` with `NotPrincipal`, or `Principal` with an `aws:PrincipalArn` condition.";
            r.report(codes::ALLOW_WITH_NOT_PRINCIPAL, message, at);
            true
        }
        _ => true,
    }
}

fn read_value(r: &mut Reader, json: &Json, ptr: &str, element: &str) -> Option<PrincipalValue> {
    match &json.value {
        Value::String(s) if s == "*" => {
            if r.kind == PolicyKind::Trust {
                let message = "A role trust policy does not support `\"Principal\": \"*\"`: name the principals, or write `{\"AWS\": \"*\"}` with conditions that narrow it.";
                r.report(
                    codes::ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL,
                    message,
                    &place(ptr, json.span),
                );
            }
            Some(PrincipalValue::Any)
        }
        Value::Object(members) => {
            if members.is_empty() {
                let message = format!("`{element}` is an empty object, so it names nobody: add principals such as {{\"AWS\": \"123456789012\"}}.");
                r.report(
                    codes::EMPTY_OBJECT_PRINCIPAL,
                    message,
                    &place(ptr, json.span),
                );
            }
            let mut entries = Vec::new();
            for m in members {
                let at = crate::json::pointer_push(ptr, &m.key);
                let Some(kind) = TYPES.iter().find(|(n, _)| *n == m.key).map(|(_, k)| *k) else {
                    let names: Vec<&str> = TYPES.iter().map(|(n, _)| *n).collect();
                    let message = format!(
                        "`{}` is not a principal type.{}",
                        m.key,
                        did_you_mean(&m.key, &names)
                    );
                    r.report(
                        codes::UNSUPPORTED_PRINCIPAL_TYPE,
                        message,
                        &place(&at, m.key_span),
                    );
                    continue;
                };
                let Some(values) = r.strings(&m.value, &at, element) else {
                    continue;
                };
                if values.is_empty() {
                    let message = format!(
                        "`{}` is an empty array, so it names nobody: add principals or remove it.",
                        m.key
                    );
                    r.report(
                        codes::EMPTY_ARRAY_PRINCIPAL,
                        message,
                        &place(&at, m.value.span),
                    );
                }
                for t in values {
                    check_value(r, kind, &t);
                    entries.push(Located {
                        value: PrincipalEntry {
                            kind,
                            value: t.value.to_string(),
                        },
                        place: t.place,
                    });
                }
            }
            Some(PrincipalValue::Entries(entries))
        }
        _ => {
            let message = format!(
                "`{element}` must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}}, but it is {}.",
                json.kind_name()
            );
            r.report(codes::WRONG_TYPE, message, &place(ptr, json.span));
            None
        }
    }
}

fn check_value(r: &mut Reader, kind: PrincipalType, t: &Text) {
    let v = t.value;
    let no_vars = Err((
        codes::VARIABLE_UNSUPPORTED_IN_ELEMENT,
        "Principals cannot contain policy variables: name them, or use a condition on `aws:PrincipalArn`.".to_string(),
    ));
    variables::check(r, v, &t.place, no_vars);
    if v.contains("${") || (kind == PrincipalType::Aws && v == "*") {
        return;
    }
    if v.contains('*') || v.contains('?') {
        let message = format!("`{v}` has a wildcard, which principals do not support except as the whole value \"*\" for `AWS`: name each principal, or use `\"AWS\": \"*\"` with an `aws:PrincipalArn` condition.");
        r.report(codes::UNSUPPORTED_WILDCARD_IN_PRINCIPAL, message, &t.place);
        return;
    }
    match kind {
        PrincipalType::Aws if !is_aws_principal(v) => {
            let message = format!("`{v}` is not an AWS principal: write a 12-digit account ID, or an ARN such as `arn:aws:iam::123456789012:root`, `...:role/NAME`, `...:user/NAME` or `arn:aws:sts::123456789012:assumed-role/ROLE/SESSION`.");
            r.report(codes::INVALID_PRINCIPAL, message, &t.place);
        }
        PrincipalType::Service if !is_service_principal(v) => {
            let message = format!("`{v}` is not a service principal: write the service's name, such as `lambda.amazonaws.com`.");
            r.report(codes::INVALID_SERVICE_PRINCIPAL, message, &t.place);
        }
        PrincipalType::Federated
            if r.kind == PolicyKind::Trust && federated_kind(v) == Federated::Unknown =>
        {
            let message = format!("`{v}` is not a federated principal: write a SAML or OIDC provider ARN (`arn:aws:iam::123456789012:saml-provider/NAME`, `...:oidc-provider/HOST`) or one of {}.", BUILT_IN_PROVIDERS.join(", "));
            r.report(
                codes::INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY,
                message,
                &t.place,
            );
        }
        _ => {}
    }
}
