//! Reading a whole policy document: `Version`, `Id`, `Statement`, then the checks that look at
//! the policy as a whole.
//!
//! Source: IAM User Guide, "Grammar of the IAM JSON policy language", "IAM JSON policy elements:
//! Version", "...: Id", "...: Statement" (semantics notes §7).

use super::reader::{member, place, Reader};
use super::statement::read_statement;
use super::{checks, codes, document, quota};
use super::{Policy, PolicyKind, PolicyVersion, Statement};
use crate::finding::Finding;
use crate::json::{pointer_push, Json, Value};
use crate::lang::{json_kind, say, Lang};

/// A policy read from its JSON and what was found wrong or risky in it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedPolicy {
    pub policy: Policy,
    pub findings: Vec<Finding>,
}

const ELEMENTS: &[&str] = &["Version", "Id", "Statement"];

/// Reads and validates the policy `json`, which stands at JSON pointer `base` inside its
/// enclosing document (`""` when it is the whole document): every finding's pointer starts
/// with `base`, and its line and column are those of the enclosing text. Findings are in
/// English.
pub fn parse_policy(json: &Json, kind: PolicyKind, base: &str) -> ParsedPolicy {
    parse_policy_in(json, kind, base, Lang::En)
}

/// As [`parse_policy`], with the findings' sentences in `lang`.
pub fn parse_policy_in(json: &Json, kind: PolicyKind, base: &str, lang: Lang) -> ParsedPolicy {
    parse_measured(json, kind, base, None, lang)
}

/// As [`parse_policy_in`], with the length in characters of the policy's own text when known.
pub(crate) fn parse_measured(
    json: &Json,
    kind: PolicyKind,
    base: &str,
    raw_chars: Option<usize>,
    lang: Lang,
) -> ParsedPolicy {
    let mut r = Reader::new(kind, lang);
    document::check(&mut r, json, base);
    let mut policy = Policy {
        kind,
        version: PolicyVersion::Unspecified,
        id: None,
        statements: Vec::new(),
        valid: false,
        place: place(base, json.span),
    };
    if json.members().is_none() {
        let kind = json_kind(json, lang);
        let message = say!(
            lang,
            "A policy must be a JSON object with a `Statement`, but this is {kind}.",
            "ポリシーは `Statement` を含む JSON オブジェクトでなければなりませんが、これは{kind}です。"
        );
        r.report(codes::WRONG_TYPE, message, &policy.place);
    } else {
        read_top_level(&mut r, json, base, &mut policy);
        checks::run(&mut r, &policy, json, base);
        quota::check(&mut r, json, base, raw_chars);
    }
    let mut findings = r.findings;
    crate::finding::sort_by_place(&mut findings);
    policy.valid = !findings.iter().any(Finding::is_error);
    ParsedPolicy { policy, findings }
}

fn read_top_level(r: &mut Reader, json: &Json, base: &str, policy: &mut Policy) {
    let level = crate::lang::Text {
        en: "policy",
        ja: "ポリシー",
    };
    r.unknown_elements(json, base, ELEMENTS, level);
    policy.version = read_version(r, json, base);
    r.version = policy.version;
    policy.id = read_id(r, json, base);
    policy.statements = read_statements(r, json, base);
}

/// `Version`: `2012-10-17` or `2008-10-17`. Missing, IAM takes `2008-10-17` and variables are
/// plain text (Access Analyzer: "Missing version", a warning); Organizations requires it in
/// RCPs ("RCP syntax": every RCP must include `Version` `2012-10-17`).
fn read_version(r: &mut Reader, json: &Json, base: &str) -> PolicyVersion {
    let Some((value, at)) = member(json, base, "Version") else {
        let message = r.lang.pick(
            "The policy has no `Version`: add \"Version\": \"2012-10-17\", without which policy variables are plain text.",
            "ポリシーに `Version` がありません。\"Version\": \"2012-10-17\" を追加してください。これがないと、ポリシー変数は単なる文字列として扱われます。",
        );
        let severity = if r.kind == PolicyKind::Rcp {
            crate::finding::Severity::Error
        } else {
            codes::MISSING_VERSION.severity
        };
        r.report_as(
            severity,
            codes::MISSING_VERSION,
            message,
            &place(base, json.span),
        );
        return PolicyVersion::Unspecified;
    };
    match value.as_str() {
        Some("2012-10-17") => PolicyVersion::V2012_10_17,
        Some("2008-10-17") if r.kind != PolicyKind::Rcp => PolicyVersion::V2008_10_17,
        _ => {
            // "`Version` が "2024-01-01" ですが" / "`Version` が数値ですが".
            let shown = match (&value.value, r.lang) {
                (Value::String(s), Lang::En) => format!("\"{s}\""),
                (Value::String(s), Lang::Ja) => format!(" \"{s}\" "),
                _ => json_kind(value, r.lang).to_string(),
            };
            let message = say!(r.lang,
                "`Version` is {shown}, but must be \"2012-10-17\" (or the older \"2008-10-17\"); it is a fixed date, not the date you wrote the policy.",
                "`Version` が{shown}ですが、\"2012-10-17\" (または古い \"2008-10-17\") でなければなりません。これは固定の日付で、ポリシーを書いた日付ではありません。");
            r.report(codes::INVALID_VERSION, message, &place(&at, value.span));
            PolicyVersion::Unspecified
        }
    }
}

/// `Id`: for resource-based policies; not allowed in identity-based ones (IAM User Guide,
/// "IAM JSON policy elements: Id").
fn read_id(r: &mut Reader, json: &Json, base: &str) -> Option<String> {
    let (value, at) = member(json, base, "Id")?;
    let at = place(&at, value.span);
    if matches!(
        r.kind,
        PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session
    ) {
        let kind = r.kind.with_article(r.lang);
        let message = say!(
            r.lang,
            "`Id` is not allowed in {kind}: remove it (use `Sid` to name statements).",
            "{kind}では `Id` を使用できません。削除してください (ステートメントに名前を付けるには `Sid` を使用します)。"
        );
        r.report(codes::ID_NOT_SUPPORTED, message, &at);
    }
    match value.as_str() {
        Some(s) => Some(s.to_string()),
        None => {
            let kind = json_kind(value, r.lang);
            let message = say!(
                r.lang,
                "`Id` must be a string, but it is {kind}.",
                "`Id` は文字列でなければなりませんが、{kind}です。"
            );
            r.report(codes::WRONG_TYPE, message, &at);
            None
        }
    }
}

fn read_statements(r: &mut Reader, json: &Json, base: &str) -> Vec<Statement> {
    let Some((value, at)) = member(json, base, "Statement") else {
        let message = r.lang.pick(
            "The policy has no `Statement`: add one statement object or an array of them.",
            "ポリシーに `Statement` がありません。ステートメントのオブジェクトを 1 つ、またはその配列を追加してください。",
        );
        r.report(codes::MISSING_STATEMENT, message, &place(base, json.span));
        return Vec::new();
    };
    match &value.value {
        Value::Object(_) => read_statement(r, value, &at, 0).into_iter().collect(),
        Value::Array(items) => {
            if items.is_empty() {
                let message = r.lang.pick(
                    "`Statement` is an empty array: add at least one statement.",
                    "`Statement` が空の配列です。ステートメントを少なくとも 1 つ追加してください。",
                );
                r.report(codes::MISSING_STATEMENT, message, &place(&at, value.span));
            }
            let read = items
                .iter()
                .enumerate()
                .map(|(i, item)| read_statement(r, item, &pointer_push(&at, i), i));
            read.collect::<Vec<_>>().into_iter().flatten().collect()
        }
        _ => {
            let kind = json_kind(value, r.lang);
            let message = say!(
                r.lang,
                "`Statement` must be an object or an array of objects, but it is {kind}.",
                "`Statement` はオブジェクトまたはオブジェクトの配列でなければなりませんが、{kind}です。"
            );
            r.report(codes::WRONG_TYPE, message, &place(&at, value.span));
            Vec::new()
        }
    }
}
