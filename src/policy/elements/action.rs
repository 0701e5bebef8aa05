//! `Action`/`NotAction` and `Resource`/`NotResource`.
//!
//! Sources: IAM User Guide, "IAM JSON policy elements: Action", "...: NotAction",
//! "...: Resource", "...: NotResource" and "Grammar of the IAM JSON policy language"
//! (semantics notes §7): exactly one of each pair; `Resource` is omitted in role trust policies
//! and required elsewhere; an action is `service:name` (wildcards allowed) or `*`; a resource is
//! `*` or an ARN with its six parts.

use super::variables;
use crate::json::Json;
use crate::lang::say;
use crate::matching::{ActionPattern, ResourcePattern};
use crate::policy::codes::{self, Code};
use crate::policy::reader::{member, place, Reader, Text};
use crate::policy::{ActionClause, Located, Place, PolicyKind, ResourceClause};

/// Picks the positive or negated form of a pair, reporting both-present and returning which.
fn pick<'j>(
    r: &mut Reader,
    stmt: &'j Json,
    ptr: &str,
    names: (&str, &str),
) -> Option<(bool, &'j Json, String)> {
    let positive = member(stmt, ptr, names.0);
    let negated = member(stmt, ptr, names.1);
    if let (Some(_), Some((json, at))) = (&positive, &negated) {
        let message = not_both(names, r.lang);
        r.report(
            codes::UNSUPPORTED_ELEMENT_COMBINATION,
            message,
            &place(at, json.span),
        );
    }
    match (positive, negated) {
        (Some((json, at)), _) => Some((false, json, at)),
        (None, Some((json, at))) => Some((true, json, at)),
        (None, None) => None,
    }
}

/// "A statement can have `Action` or `NotAction`, not both".
pub(crate) fn not_both((one, other): (&str, &str), lang: crate::lang::Lang) -> String {
    say!(
        lang,
        "A statement can have `{one}` or `{other}`, not both: remove one.",
        "ステートメントには `{one}` と `{other}` のどちらか一方しか指定できません。一方を削除してください。"
    )
}

fn empty_code(negated: bool, positive: Code, negative: Code) -> Code {
    if negated {
        negative
    } else {
        positive
    }
}

pub(crate) fn read_action(r: &mut Reader, stmt: &Json, ptr: &str) -> Option<ActionClause> {
    let Some((negated, json, at)) = pick(r, stmt, ptr, ("Action", "NotAction")) else {
        let message = r.lang.pick(
            "This statement has no `Action` or `NotAction`: add the actions it applies to.",
            "このステートメントに `Action` も `NotAction` もありません。適用するアクションを追加してください。",
        );
        r.report(codes::MISSING_ACTION, message, &place(ptr, stmt.span));
        return None;
    };
    let element = if negated { "NotAction" } else { "Action" };
    let clause_place = place(at, json.span);
    if negated && r.kind == PolicyKind::Rcp {
        let message = r.lang.pick(
            "Resource control policies do not support `NotAction`: list the actions in `Action`.",
            "リソースコントロールポリシーは `NotAction` をサポートしていません。`Action` にアクションを列挙してください。",
        );
        r.report(codes::RCP_NOT_ACTION_NOT_SUPPORTED, message, &clause_place);
    }
    let values = r.strings(json, &clause_place.pointer, element)?;
    if values.is_empty() {
        let code = empty_code(
            negated,
            codes::EMPTY_ARRAY_ACTION,
            codes::EMPTY_ARRAY_NOT_ACTION,
        );
        let message = say!(r.lang,
            "`{element}` is an empty array, so this statement applies to no action: add actions or remove the statement.",
            "`{element}` が空の配列のため、このステートメントはどのアクションにも適用されません。アクションを追加するか、ステートメントを削除してください。");
        r.report(code, message, &clause_place);
    }
    let patterns = values
        .into_iter()
        .map(|t| action_value(r, t, element))
        .collect();
    Some(ActionClause {
        negated,
        patterns,
        place: clause_place,
    })
}

fn action_value(r: &mut Reader, t: Text, element: &str) -> Located<ActionPattern> {
    let not_here = |lang| {
        Err((
            codes::VARIABLE_UNSUPPORTED_IN_ELEMENT,
            say!(
                lang,
                "`{element}` cannot contain policy variables: write the action names.",
                "`{element}` にはポリシー変数を使用できません。アクション名を書いてください。"
            ),
        ))
    };
    variables::check(r, t.value, &t.place, &not_here);
    if !t.value.contains("${") && !is_action(t.value) {
        let value = t.value;
        let message = say!(r.lang,
            "`{value}` is not an action: write `service:ActionName` (such as `s3:GetObject`, wildcards allowed) or `*`, without spaces.",
            "`{value}` はアクションではありません。`service:ActionName` (`s3:GetObject` など。ワイルドカードも使用できます) または `*` を、スペースを入れずに書いてください。");
        r.report(codes::INVALID_ACTION, message, &t.place);
    }
    Located {
        value: ActionPattern::new(t.value),
        place: t.place,
    }
}

/// `*`, or a service prefix of lower-case letters, digits and hyphens, a colon, and a name of
/// letters, digits and wildcards (IAM User Guide, "Action"; service prefixes in the Service
/// Authorization Reference).
pub(crate) fn is_action(value: &str) -> bool {
    if value == "*" {
        return true;
    }
    let Some((service, name)) = value.split_once(':') else {
        return false;
    };
    let service_ok = !service.is_empty()
        && service
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '*' || c == '?');
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '*' | '?' | '-' | '_' | '.'));
    service_ok && name_ok
}

pub(crate) fn read_resource(r: &mut Reader, stmt: &Json, ptr: &str) -> Option<ResourceClause> {
    let picked = pick(r, stmt, ptr, ("Resource", "NotResource"));
    if r.kind == PolicyKind::Trust {
        if let Some((negated, json, at)) = picked {
            let element = if negated { "NotResource" } else { "Resource" };
            let message = say!(r.lang,
                "A role trust policy has no `{element}`: the role itself is the resource. Remove `{element}`.",
                "ロールの信頼ポリシーには `{element}` を指定しません。ロール自体がリソースです。`{element}` を削除してください。");
            r.report(
                codes::ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE,
                message,
                &place(&at, json.span),
            );
        }
        return None;
    }
    let Some((negated, json, at)) = picked else {
        let kind = r.kind.name(r.lang);
        let message = say!(r.lang,
            "This statement has no `Resource` or `NotResource`, which a {kind} requires: add the resources it applies to, or `\"Resource\": \"*\"`.",
            "このステートメントに `Resource` も `NotResource` もありませんが、{kind}では必須です。適用するリソースか、`\"Resource\": \"*\"` を追加してください。");
        r.report(codes::MISSING_RESOURCE, message, &place(ptr, stmt.span));
        return None;
    };
    let element = if negated { "NotResource" } else { "Resource" };
    let clause_place = place(at, json.span);
    let values = r.strings(json, &clause_place.pointer, element)?;
    if values.is_empty() {
        let code = empty_code(
            negated,
            codes::EMPTY_ARRAY_RESOURCE,
            codes::EMPTY_ARRAY_NOT_RESOURCE,
        );
        let message = say!(r.lang,
            "`{element}` is an empty array, so this statement applies to no resource: add resources or remove the statement.",
            "`{element}` が空の配列のため、このステートメントはどのリソースにも適用されません。リソースを追加するか、ステートメントを削除してください。");
        r.report(code, message, &clause_place);
    }
    let patterns = values.into_iter().map(|t| resource_value(r, t)).collect();
    Some(ResourceClause {
        negated,
        patterns,
        place: clause_place,
    })
}

fn resource_value(r: &mut Reader, t: Text) -> Located<ResourcePattern> {
    check_arn(r, t.value, &t.place);
    Located {
        value: ResourcePattern::new(t.value, r.variables()),
        place: t.place,
    }
}

/// An ARN has six colon-separated parts; a final `*` may stand for the rest (IAM User Guide,
/// "Resource"). Variables may appear only in the resource part, after the fifth colon.
fn check_arn(r: &mut Reader, value: &str, at: &Place) {
    let head_end = value
        .match_indices(':')
        .nth(4)
        .map_or(value.len(), |(i, _)| i);
    let allowed = |lang| {
        if value.get(..head_end).is_some_and(|h| h.contains("${")) {
            Err((
                codes::VARIABLE_UNSUPPORTED_IN_ELEMENT,
                say!(lang,
                    "In `{value}` a policy variable stands before the resource part of the ARN, where variables are not allowed: use them only after the fifth colon.",
                    "`{value}` では、ARN のリソース部分より前にポリシー変数がありますが、そこでは変数を使用できません。変数は 5 つ目のコロンより後でだけ使用してください。"),
            ))
        } else {
            Ok(())
        }
    };
    variables::check(r, value, at, &allowed);
    if value == "*" {
        return;
    }
    if !value.starts_with("arn:") {
        let message = say!(r.lang,
            "`{value}` is not an ARN: a resource is `*` or begins with `arn:` (such as `arn:aws:s3:::bucket/*`).",
            "`{value}` は ARN ではありません。リソースは `*` か、`arn:` で始まる値 (`arn:aws:s3:::bucket/*` など) です。");
        r.report(codes::INVALID_ARN_PREFIX, message, at);
    } else if value.matches(':').count() < 5 && !value.ends_with('*') {
        let message = say!(r.lang,
            "`{value}` lacks parts of an ARN: write all six, `arn:partition:service:region:account:resource`, leaving region or account empty where the service has none.",
            "`{value}` には ARN の一部が欠けています。`arn:partition:service:region:account:resource` の 6 つの部分をすべて書いてください。サービスにリージョンやアカウントがない場合は、その部分を空にします。");
        r.report(codes::MISSING_ARN_FIELD, message, at);
    }
}
