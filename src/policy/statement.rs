//! One statement: its elements, `Sid` and `Effect`, and the statement-wide rules.
//!
//! Sources: IAM User Guide, "IAM JSON policy elements: Statement", "...: Sid", "...: Effect"
//! (semantics notes §7); Organizations, "RCP syntax".

use super::codes;
use super::elements::{action, condition, principal};
use super::reader::{member, place, Reader};
use super::{Effect, PolicyKind, Statement};
use crate::json::{pointer_push, Json};
use crate::lang::{json_kind, say};

const ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// Reads a statement. Returns `None` when it has no usable `Effect` or action list, which
/// leaves it out of the policy (it has been reported).
pub(crate) fn read_statement(
    r: &mut Reader,
    json: &Json,
    ptr: &str,
    index: usize,
) -> Option<Statement> {
    if json.members().is_none() {
        let kind = json_kind(json, r.lang);
        let message = say!(
            r.lang,
            "A statement must be an object, but this one is {kind}.",
            "ステートメントはオブジェクトでなければなりませんが、これは{kind}です。"
        );
        r.report(codes::WRONG_TYPE, message, &place(ptr, json.span));
        return None;
    }
    let level = crate::lang::Text {
        en: "statement",
        ja: "ステートメント",
    };
    r.unknown_elements(json, ptr, ELEMENTS, level);
    let sid = read_sid(r, json, ptr);
    let effect = read_effect(r, json, ptr);
    let principal = principal::read_principal(r, json, ptr, effect);
    let action = action::read_action(r, json, ptr);
    let resource = action::read_resource(r, json, ptr);
    let conditions = condition::read_conditions(r, json, ptr);
    if r.kind == PolicyKind::Rcp && effect == Some(Effect::Allow) && !is_full_access(json) {
        if let Some((value, at)) = member(json, ptr, "Effect") {
            let message = r.lang.pick(
                "Resource control policies can only deny: `Allow` is supported only in the AWS-managed RCPFullAWSAccess policy. Use `Deny` with conditions.",
                "リソースコントロールポリシーでは拒否しかできません。`Allow` を使用できるのは AWS 管理ポリシーの RCPFullAWSAccess だけです。条件付きの `Deny` を使用してください。",
            );
            r.report(
                codes::RCP_ALLOW_NOT_SUPPORTED,
                message,
                &place(&at, value.span),
            );
        }
    }
    Some(Statement {
        index,
        sid,
        effect: effect?,
        principal,
        action: action?,
        resource,
        conditions,
        place: place(ptr, json.span),
    })
}

/// The shape of RCPFullAWSAccess: everyone, every action, every resource, no condition.
fn is_full_access(json: &Json) -> bool {
    let star = |key: &str| {
        json.get(key).is_some_and(|v| {
            v.as_str() == Some("*")
                || v.as_array()
                    .is_some_and(|a| a.len() == 1 && a[0].as_str() == Some("*"))
        })
    };
    star("Principal") && star("Action") && star("Resource") && json.get("Condition").is_none()
}

/// `Sid`: IAM accepts only ASCII letters and digits, and each must be unique in the policy.
/// Other resource-based policies (SQS, SNS, S3) accept more characters, so the character rule
/// applies only to the documents IAM and STS store.
fn read_sid(r: &mut Reader, json: &Json, ptr: &str) -> Option<String> {
    let value = json.get("Sid")?;
    // Written only for a finding: a well-formed Sid needs no pointer.
    let at = || place(pointer_push(ptr, "Sid"), value.span);
    let Some(sid) = value.as_str() else {
        let kind = json_kind(value, r.lang);
        let message = say!(
            r.lang,
            "`Sid` must be a string, but it is {kind}.",
            "`Sid` は文字列でなければなりませんが、{kind}です。"
        );
        r.report(codes::WRONG_TYPE, message, &at());
        return None;
    };
    if sid.is_empty() {
        let message = r.lang.pick(
            "`Sid` is empty: give the statement a name or remove `Sid`.",
            "`Sid` が空です。ステートメントに名前を付けるか、`Sid` を削除してください。",
        );
        r.report(codes::EMPTY_SID_VALUE, message, &at());
        return Some(String::new());
    }
    let iam_stored = matches!(
        r.kind,
        PolicyKind::Identity | PolicyKind::Trust | PolicyKind::Boundary | PolicyKind::Session
    );
    if iam_stored && !sid.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let kind = r.kind.with_article(r.lang);
        let message = say!(r.lang,
            "`Sid` \"{sid}\" may contain only ASCII letters and digits (A-Z, a-z, 0-9) in {kind}: remove the other characters.",
            "{kind}の `Sid` (\"{sid}\") に使用できるのは、ASCII の英字と数字 (A-Z、a-z、0-9) だけです。それ以外の文字を削除してください。");
        r.report(codes::UNSUPPORTED_SID, message, &at());
    }
    if r.sids.iter().any(|s| s == sid) {
        let message = say!(
            r.lang,
            "`Sid` \"{sid}\" is used by another statement: each statement's Sid must be unique.",
            "`Sid` \"{sid}\" はほかのステートメントでも使われています。各ステートメントの Sid は一意でなければなりません。"
        );
        r.report(codes::UNIQUE_SIDS_REQUIRED, message, &at());
    } else {
        r.sids.push(sid.to_string());
    }
    Some(sid.to_string())
}

fn read_effect(r: &mut Reader, json: &Json, ptr: &str) -> Option<Effect> {
    let Some(value) = json.get("Effect") else {
        let message = r.lang.pick(
            "This statement has no `Effect`: add \"Effect\": \"Allow\" or \"Effect\": \"Deny\".",
            "このステートメントに `Effect` がありません。\"Effect\": \"Allow\" または \"Effect\": \"Deny\" を追加してください。",
        );
        r.report(codes::MISSING_EFFECT, message, &place(ptr, json.span));
        return None;
    };
    match value.as_str() {
        Some("Allow") => Some(Effect::Allow),
        Some("Deny") => Some(Effect::Deny),
        other => {
            let hint = match other.map(str::to_ascii_lowercase).as_deref() {
                Some("allow") => r.lang.pick(
                    " Values are case-sensitive: write \"Allow\".",
                    "値では大文字と小文字が区別されます。\"Allow\" と書いてください。",
                ),
                Some("deny") => r.lang.pick(
                    " Values are case-sensitive: write \"Deny\".",
                    "値では大文字と小文字が区別されます。\"Deny\" と書いてください。",
                ),
                _ => "",
            };
            let message = say!(
                r.lang,
                "`Effect` must be \"Allow\" or \"Deny\".{hint}",
                "`Effect` は \"Allow\" または \"Deny\" でなければなりません。{hint}"
            );
            let at = pointer_push(ptr, "Effect");
            r.report(codes::INVALID_EFFECT, message, &place(at, value.span));
            None
        }
    }
}
