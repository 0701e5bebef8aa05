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
use crate::lang::{json_kind, say, Lang};
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
        let message = super::action::not_both(("Principal", "NotPrincipal"), r.lang);
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
                let kind = r.kind.name(r.lang);
                let message = say!(r.lang,
                    "This statement has no `Principal`, which a {kind} requires: name who the statement applies to.",
                    "このステートメントに `Principal` がありませんが、{kind}では必須です。ステートメントを適用する相手を指定してください。");
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
        let message = r.lang.pick(
            "In a resource control policy `Principal` must be \"*\": narrow the principals with conditions such as `aws:PrincipalArn` instead.",
            "リソースコントロールポリシーでは `Principal` は \"*\" でなければなりません。代わりに `aws:PrincipalArn` などの条件でプリンシパルを絞り込んでください。",
        );
        r.report(codes::RCP_PRINCIPAL_NOT_WILDCARD, message, &clause_place);
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
            let kind = r.kind.with_article(r.lang);
            let message = say!(r.lang,
                "`{element}` is not allowed in {kind}: the principal is whoever the policy applies to. Remove `{element}`.",
                "{kind}では `{element}` を使用できません。プリンシパルは、ポリシーが適用される対象そのものです。`{element}` を削除してください。");
            r.report(codes::UNSUPPORTED_PRINCIPAL, message, at);
            false
        }
        (Trust, true) => {
            let message = r.lang.pick(
                "A role trust policy cannot use `NotPrincipal`: name the principals allowed to assume the role in `Principal`.",
                "ロールの信頼ポリシーでは `NotPrincipal` を使用できません。ロールを引き受けられるプリンシパルを `Principal` に指定してください。",
            );
            r.report(
                codes::ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL,
                message,
                at,
            );
            false
        }
        (Rcp, true) => {
            let message = r.lang.pick(
                "Resource control policies do not support `NotPrincipal`: use `\"Principal\": \"*\"` with an `aws:PrincipalArn` condition.",
                "リソースコントロールポリシーは `NotPrincipal` をサポートしていません。`\"Principal\": \"*\"` と `aws:PrincipalArn` の条件を組み合わせてください。",
            );
            r.report(codes::UNSUPPORTED_PRINCIPAL, message, at);
            false
        }
        (Resource, true) if effect == Some(Effect::Allow) => {
            let message = r.lang.pick(
                "`Allow` with `NotPrincipal` allows everyone not listed, including anonymous users, and AWS no longer supports it: use `Deny` with `NotPrincipal`, or `Principal` with an `aws:PrincipalArn` condition.",
                "`NotPrincipal` と `Allow` の組み合わせは、匿名ユーザーを含め、列挙されていないすべてのプリンシパルを許可します。AWS はこの組み合わせをサポートしなくなりました。`NotPrincipal` と `Deny` を組み合わせるか、`Principal` と `aws:PrincipalArn` の条件を使用してください。",
            );
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
                let message = r.lang.pick(
                    "A role trust policy does not support `\"Principal\": \"*\"`: name the principals, or write `{\"AWS\": \"*\"}` with conditions that narrow it.",
                    "ロールの信頼ポリシーは `\"Principal\": \"*\"` をサポートしていません。プリンシパルを指定するか、`{\"AWS\": \"*\"}` と絞り込む条件を組み合わせてください。",
                );
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
                let message = say!(r.lang,
                    "`{element}` is an empty object, so it names nobody: add principals such as {{\"AWS\": \"123456789012\"}}.",
                    "`{element}` が空のオブジェクトのため、誰も指定していません。{{\"AWS\": \"123456789012\"}} のようにプリンシパルを追加してください。");
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
                    let (key, hint) = (&m.key, did_you_mean(&m.key, &names, r.lang));
                    let message = say!(
                        r.lang,
                        "`{key}` is not a principal type.{hint}",
                        "`{key}` はプリンシパルの種類ではありません。{hint}"
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
                    let key = &m.key;
                    let message = say!(r.lang,
                        "`{key}` is an empty array, so it names nobody: add principals or remove it.",
                        "`{key}` が空の配列のため、誰も指定していません。プリンシパルを追加するか、削除してください。");
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
            let kind = json_kind(json, r.lang);
            let message = say!(r.lang,
                "`{element}` must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}}, but it is {kind}.",
                "`{element}` は \"*\" か、{{\"AWS\": \"arn:aws:iam::123456789012:root\"}} のようなオブジェクトでなければなりませんが、{kind}です。");
            r.report(codes::WRONG_TYPE, message, &place(ptr, json.span));
            None
        }
    }
}

fn check_value(r: &mut Reader, kind: PrincipalType, t: &Text) {
    let v = t.value;
    let no_vars = |lang: Lang| {
        Err((
            codes::VARIABLE_UNSUPPORTED_IN_ELEMENT,
            lang.pick(
                "Principals cannot contain policy variables: name them, or use a condition on `aws:PrincipalArn`.",
                "プリンシパルにはポリシー変数を使用できません。プリンシパルを直接指定するか、`aws:PrincipalArn` の条件を使用してください。",
            ).to_string(),
        ))
    };
    variables::check(r, v, &t.place, &no_vars);
    if v.contains("${") || (kind == PrincipalType::Aws && v == "*") {
        return;
    }
    if v.contains('*') || v.contains('?') {
        let message = say!(r.lang,
            "`{v}` has a wildcard, which principals do not support except as the whole value \"*\" for `AWS`: name each principal, or use `\"AWS\": \"*\"` with an `aws:PrincipalArn` condition.",
            "`{v}` にワイルドカードが含まれていますが、プリンシパルでは `AWS` の値全体としての \"*\" 以外にワイルドカードを使用できません。プリンシパルを個別に指定するか、`\"AWS\": \"*\"` と `aws:PrincipalArn` の条件を組み合わせてください。");
        r.report(codes::UNSUPPORTED_WILDCARD_IN_PRINCIPAL, message, &t.place);
        return;
    }
    match kind {
        PrincipalType::Aws if !is_aws_principal(v) => {
            let message = say!(r.lang,
                "`{v}` is not an AWS principal: write a 12-digit account ID, or an ARN such as `arn:aws:iam::123456789012:root`, `...:role/NAME`, `...:user/NAME` or `arn:aws:sts::123456789012:assumed-role/ROLE/SESSION`.",
                "`{v}` は AWS プリンシパルではありません。12 桁のアカウント ID か、`arn:aws:iam::123456789012:root`、`...:role/NAME`、`...:user/NAME`、`arn:aws:sts::123456789012:assumed-role/ROLE/SESSION` のような ARN を書いてください。");
            r.report(codes::INVALID_PRINCIPAL, message, &t.place);
        }
        PrincipalType::Service if !is_service_principal(v) => {
            let message = say!(r.lang,
                "`{v}` is not a service principal: write the service's name, such as `lambda.amazonaws.com`.",
                "`{v}` はサービスプリンシパルではありません。`lambda.amazonaws.com` のようにサービスの名前を書いてください。");
            r.report(codes::INVALID_SERVICE_PRINCIPAL, message, &t.place);
        }
        PrincipalType::Federated
            if r.kind == PolicyKind::Trust && federated_kind(v) == Federated::Unknown =>
        {
            let providers = BUILT_IN_PROVIDERS.join(", ");
            let message = say!(r.lang,
                "`{v}` is not a federated principal: write a SAML or OIDC provider ARN (`arn:aws:iam::123456789012:saml-provider/NAME`, `...:oidc-provider/HOST`) or one of {providers}.",
                "`{v}` はフェデレーションプリンシパルではありません。SAML または OIDC プロバイダーの ARN (`arn:aws:iam::123456789012:saml-provider/NAME`、`...:oidc-provider/HOST`) か、{providers} のいずれかを書いてください。");
            r.report(
                codes::INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY,
                message,
                &t.place,
            );
        }
        _ => {}
    }
}
