//! Validating a policy pasted alone: JSON errors become findings, and the document is found
//! inside the shapes the console and the AWS CLI print around it.

use super::codes;
use super::parse::parse_measured;
use super::{Policy, PolicyKind};
use crate::finding::Finding;
use crate::json::{self, pointer_push, Json, Limits, Pointer, Value};
use crate::lang::{say, Lang};

/// How a policy is validated: the language of the findings' sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ValidateOptions {
    pub lang: Lang,
}

/// A policy validated from text: `policy` is `None` when the text is not JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidatedPolicy {
    pub policy: Option<Policy>,
    pub findings: Vec<Finding>,
}

/// Validates `text` as a policy of `kind`. Output of `aws iam get-role`, `get-policy-version`
/// and `get-role-policy` is accepted as well (see [`unwrap_pasted`]), and so is a document
/// given as a JSON string; findings inside such a string carry their pointer but no line,
/// since their positions are in the decoded text. Findings are in English.
pub fn validate_text(text: &str, kind: PolicyKind) -> ValidatedPolicy {
    validate_text_with(text, kind, &ValidateOptions::default())
}

/// [`validate_text`] with options: the language of the findings.
pub fn validate_text_with(
    text: &str,
    kind: PolicyKind,
    options: &ValidateOptions,
) -> ValidatedPolicy {
    let lang = options.lang;
    let json = match json::parse(text, &Limits::default()) {
        Ok(json) => json,
        Err(e) => return malformed(&e, "", lang),
    };
    let (base, doc) = locate_pasted(&json).unwrap_or((String::new(), &json));
    if let Value::String(inner) = &doc.value {
        return validate_string(inner, kind, &base, lang);
    }
    let raw_chars = (base.is_empty()).then(|| text.trim().chars().count());
    let parsed = parse_measured(doc, kind, &base, raw_chars, lang);
    ValidatedPolicy {
        policy: Some(parsed.policy),
        findings: parsed.findings,
    }
}

fn validate_string(inner: &str, kind: PolicyKind, base: &str, lang: Lang) -> ValidatedPolicy {
    let json = match json::parse(inner, &Limits::default()) {
        Ok(json) => json,
        Err(e) => {
            let mut v = malformed(&e, base, lang);
            v.findings.iter_mut().for_each(forget_position);
            return v;
        }
    };
    let chars = inner.trim().chars().count();
    let mut parsed = parse_measured(&json, kind, base, Some(chars), lang);
    parsed.findings.iter_mut().for_each(forget_position);
    ValidatedPolicy {
        policy: Some(parsed.policy),
        findings: parsed.findings,
    }
}

fn forget_position(f: &mut Finding) {
    f.line = None;
    f.column = None;
    f.end_line = None;
    f.end_column = None;
}

/// The JSON reader's sentence, in `lang`.
fn malformed(e: &json::JsonError, base: &str, lang: Lang) -> ValidatedPolicy {
    let why = e.message_in(lang);
    let mut finding = Finding::new(
        codes::MALFORMED_JSON.severity,
        codes::MALFORMED_JSON.name,
        say!(
            lang,
            "The policy is not valid JSON: {why}.",
            "ポリシーが正しい JSON ではありません: {why}。"
        ),
        base,
        None,
    );
    finding.line = Some(e.at.line);
    finding.column = Some(e.at.column);
    ValidatedPolicy {
        policy: None,
        findings: vec![finding],
    }
}

/// The policy document inside common console and CLI output: `{"Role": {...,
/// "AssumeRolePolicyDocument": ...}}` (`get-role`), `{"PolicyVersion": {"Document": ...}}`
/// (`get-policy-version`), `{"PolicyDocument": ...}` (`get-role-policy`, `get-user-policy`).
/// `None` when `json` is not one of these shapes (it may be the policy itself).
pub fn unwrap_pasted(json: &Json) -> Option<&Json> {
    locate_pasted(json).map(|(_, doc)| doc)
}

/// As [`unwrap_pasted`], with the pointer of the document.
fn locate_pasted(json: &Json) -> Option<(Pointer, &Json)> {
    const PATHS: &[&[&str]] = &[
        &["AssumeRolePolicyDocument"],
        &["Role", "AssumeRolePolicyDocument"],
        &["PolicyVersion", "Document"],
        &["PolicyDocument"],
    ];
    PATHS.iter().find_map(|path| {
        let mut node = json;
        let mut pointer = String::new();
        for key in *path {
            node = node.get(key)?;
            pointer = pointer_push(&pointer, key);
        }
        Some((pointer, node))
    })
}
