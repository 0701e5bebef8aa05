//! One statement: its elements, `Sid` and `Effect`, and the statement-wide rules.
//!
//! Sources: IAM User Guide, "IAM JSON policy elements: Statement", "...: Sid", "...: Effect"
//! (semantics notes §7); Organizations, "RCP syntax".

use super::codes;
use super::elements::{action, condition, principal};
use super::reader::{did_you_mean, member, place, Reader};
use super::{Effect, PolicyKind, Statement};
use crate::json::{pointer_push, Json};

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
    let Some(members) = json.members() else {
        let message = format!(
            "A statement must be an object, but this one is {}.",
            json.kind_name()
        );
        r.report(codes::WRONG_TYPE, message, &place(ptr, json.span));
        return None;
    };
    for m in members
        .iter()
        .filter(|m| !ELEMENTS.contains(&m.key.as_str()))
    {
        let message = format!(
            "`{}` is not a statement element.{}",
            m.key,
            did_you_mean(&m.key, ELEMENTS)
        );
        r.report(
            codes::UNKNOWN_ELEMENT,
            message,
            &place(&pointer_push(ptr, &m.key), m.key_span),
        );
    }
    let sid = read_sid(r, json, ptr);
    let effect = read_effect(r, json, ptr);
    let principal = principal::read_principal(r, json, ptr, effect);
    let action = action::read_action(r, json, ptr);
    let resource = action::read_resource(r, json, ptr);
    let conditions = condition::read_conditions(r, json, ptr);
    if r.kind == PolicyKind::Rcp && effect == Some(Effect::Allow) && !is_full_access(json) {
        if let Some((value, at)) = member(json, ptr, "Effect") {
            r.report(
                codes::RCP_ALLOW_NOT_SUPPORTED,
                "Resource control policies can only deny: `Allow` is supported only in the AWS-managed RCPFullAWSAccess policy. Use `Deny` with conditions.",
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
    let (value, at) = member(json, ptr, "Sid")?;
    let at = place(&at, value.span);
    let Some(sid) = value.as_str() else {
        let message = format!("`Sid` must be a string, but it is {}.", value.kind_name());
        r.report(codes::WRONG_TYPE, message, &at);
        return None;
    };
    if sid.is_empty() {
        r.report(
            codes::EMPTY_SID_VALUE,
            "`Sid` is empty: give the statement a name or remove `Sid`.",
            &at,
        );
        return Some(String::new());
    }
    let iam_stored = matches!(
        r.kind,
        PolicyKind::Identity | PolicyKind::Trust | PolicyKind::Boundary | PolicyKind::Session
    );
    if iam_stored && !sid.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let message = format!("`Sid` \"{sid}\" may contain only ASCII letters and digits (A-Z, a-z, 0-9) in a {}: remove the other characters.", r.kind.aws_name());
        r.report(codes::UNSUPPORTED_SID, message, &at);
    }
    if r.sids.iter().any(|s| s == sid) {
        let message = format!(
            "`Sid` \"{sid}\" is used by another statement: each statement's Sid must be unique."
        );
        r.report(codes::UNIQUE_SIDS_REQUIRED, message, &at);
    } else {
        r.sids.push(sid.to_string());
    }
    Some(sid.to_string())
}

fn read_effect(r: &mut Reader, json: &Json, ptr: &str) -> Option<Effect> {
    let Some((value, at)) = member(json, ptr, "Effect") else {
        r.report(
            codes::MISSING_EFFECT,
            "This statement has no `Effect`: add \"Effect\": \"Allow\" or \"Effect\": \"Deny\".",
            &place(ptr, json.span),
        );
        return None;
    };
    match value.as_str() {
        Some("Allow") => Some(Effect::Allow),
        Some("Deny") => Some(Effect::Deny),
        other => {
            let hint = match other.map(str::to_ascii_lowercase).as_deref() {
                Some("allow") => " Values are case-sensitive: write \"Allow\".",
                Some("deny") => " Values are case-sensitive: write \"Deny\".",
                _ => "",
            };
            let message = format!("`Effect` must be \"Allow\" or \"Deny\".{hint}");
            r.report(codes::INVALID_EFFECT, message, &place(&at, value.span));
            None
        }
    }
}
