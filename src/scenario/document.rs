//! Reading a scenario document (format version 1, `docs/scenario-format.md`) into typed structs,
//! with a finding for every problem of the scenario's own structure.
//!
//! Policy documents inside the scenario are only checked to be objects (or names of policies);
//! validating them as IAM does is the policy module's job. `parameters` of a request is kept as
//! opaque JSON for the STS and services modules.

mod again;
pub mod codes;
mod entities;
mod fields;
mod limits;
mod model;
mod organization;
mod policy_ref;
mod principal;
mod references;
mod requests;
mod suggest;

pub(crate) use again::Kept;
pub use limits::{MAX_DEPTH, MAX_ENTITIES, MAX_REQUESTS, MAX_STRING_BYTES, MAX_TEXT_BYTES};
pub use model::*;

use fields::{At, Cx};

use crate::finding::Finding;
use crate::json::{self, Json, Pos, Span, Value};
use crate::lang::{say, Lang, Text};

/// The format version this program reads.
pub const FORMAT_VERSION: u32 = 1;

/// The fields of the top-level object.
const TOP_FIELDS: &[&str] = &[
    "scenario",
    "title",
    "description",
    "accounts",
    "policies",
    "users",
    "groups",
    "roles",
    "resources",
    "requests",
];

/// What reading gave: the scenario, when the text was JSON of a supported version within the
/// limits, and every problem found. Elements with errors are left out of the scenario, so a
/// scenario with error findings must not be run; see [`ReadResult::is_valid`].
#[derive(Clone, Debug, PartialEq)]
pub struct ReadResult {
    pub scenario: Option<Scenario>,
    pub findings: Vec<Finding>,
}

impl ReadResult {
    /// Whether the scenario was read without any error finding, and so may be run.
    pub fn is_valid(&self) -> bool {
        self.scenario.is_some() && !self.findings.iter().any(Finding::is_error)
    }
}

/// The scenario's text from its UTF-8 bytes, or a finding at the first byte that is not part of
/// a UTF-8 character (line and UTF-16 column, as every finding has).
pub fn utf8_text(bytes: &[u8], lang: Lang) -> Result<&str, Finding> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        // A byte order mark takes no column, as the JSON reader counts.
        let line = &before[line_start..];
        let line = if line_start == 0 {
            line.strip_prefix('\u{feff}').unwrap_or(line)
        } else {
            line
        };
        let from_one = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1);
        let at = Pos {
            offset: before.len(),
            line: from_one(before.matches('\n').count()),
            column: from_one(line.encode_utf16().count()),
        };
        let message = say!(
            lang,
            "The scenario is not UTF-8 text: byte {} is not part of a UTF-8 character.",
            "シナリオが UTF-8 テキストではありません: {} バイト目が UTF-8 の文字の一部ではありません。",
            before.len() + 1
        );
        Finding::error(codes::JSON_SYNTAX, message, "", Some(Span { start: at, end: at }))
    })
}

/// Reads a scenario document from its text; the findings are in English.
pub fn read_scenario(text: &str) -> ReadResult {
    read_scenario_with(text, Lang::En)
}

/// Reads a scenario document from its text, with the findings written in `lang`.
pub fn read_scenario_with(text: &str, lang: Lang) -> ReadResult {
    match read_with(text, lang, None, false) {
        Reading::Whole(result, _) => result,
        // Without anything kept, the text is always read whole.
        Reading::Requests(_, findings) => ReadResult {
            scenario: None,
            findings,
        },
    }
}

/// What [`read_keeping`] gave. (One per run, moved once: boxing the large variant would only add
/// an allocation.)
#[allow(clippy::large_enum_variant)]
pub(crate) enum Reading {
    /// The text read whole, and what a later reading of an edited text may reuse: none when
    /// the text could not be read as far as its `requests`.
    Whole(ReadResult, Option<Kept>),
    /// Only the requests were read: the rest is the kept text's. The findings are the whole
    /// scenario's, as a whole reading would give them.
    Requests(Vec<Request>, Vec<Finding>),
}

/// Reads a scenario, and keeps what a later reading may reuse (see [`Kept`]); when `kept` is
/// given and the text differs from the kept one only inside `requests`, reads only the requests.
pub(crate) fn read_keeping(text: &str, lang: Lang, kept: Option<&Kept>) -> Reading {
    read_with(text, lang, kept, true)
}

/// `keep`: whether to keep anything (a one-off reading need not copy the text).
fn read_with(text: &str, lang: Lang, kept: Option<&Kept>, keep: bool) -> Reading {
    if let Some((requests, findings)) = kept.and_then(|k| again::read_requests(text, lang, k)) {
        return Reading::Requests(requests, findings);
    }
    let mut cx = Cx {
        lang,
        ..Cx::default()
    };
    match read(text, &mut cx, keep) {
        Some((scenario, kept)) => Reading::Whole(
            ReadResult {
                scenario: Some(scenario),
                findings: cx.findings,
            },
            kept,
        ),
        None => Reading::Whole(
            ReadResult {
                scenario: None,
                findings: cx.findings,
            },
            None,
        ),
    }
}

/// The steps every reading starts with: the size and depth limits, the format version and the
/// top-level fields.
fn top<'j>(json: &'j Json, cx: &mut Cx) -> Option<(u32, fields::Fields<'j>)> {
    if !limits::check(json, cx) {
        return None;
    }
    let root = At { json, pointer: "" };
    let version = version(root, cx)?;
    let what = cx.lang.pick("The scenario", "シナリオ");
    let fields = cx.object(root, what, TOP_FIELDS, &["scenario", "requests"])?;
    Some((version, fields))
}

fn read(text: &str, cx: &mut Cx, keep: bool) -> Option<(Scenario, Option<Kept>)> {
    let mut json = parse(text, cx)?;
    let (version, fields) = top(&json, cx)?;
    let world_start = cx.findings.len();
    let optional_text = |cx: &mut Cx, key: &str| {
        let (json, pointer) = fields.get(key)?;
        cx.string(
            At {
                json,
                pointer: &pointer,
            },
            &format!("`{key}`"),
        )
    };
    let title = optional_text(cx, "title");
    let description = optional_text(cx, "description");
    let (policies, documents) = policy_ref::read_named(cx, &fields);
    cx.policy_names = policies.iter().map(|p| p.name.clone()).collect();
    let accounts = cx.list(&fields, "accounts", organization::account);
    let users = cx.list(&fields, "users", entities::user);
    let groups = cx.list(&fields, "groups", entities::group);
    let roles = cx.list(&fields, "roles", entities::role);
    let resources = cx.list(&fields, "resources", entities::resource);
    let requests_start = cx.findings.len();
    let requests = requests::read(cx, &fields);
    let requests_end = cx.findings.len();
    let requests_span = fields.get("requests").map(|(json, _)| json.span);
    let mut scenario = Scenario {
        version,
        title,
        description,
        accounts,
        policies,
        users,
        groups,
        roles,
        resources,
        requests,
    };
    policy_ref::take_documents(&mut json, &documents, &mut scenario.policies);
    references::check(&scenario, cx);
    let kept = requests_span.filter(|_| keep).map(|requests| Kept {
        text: text.to_string(),
        lang: cx.lang,
        requests,
        policy_names: cx.policy_names.clone(),
        top: cx.findings[..world_start].to_vec(),
        before: cx.findings[world_start..requests_start].to_vec(),
        after: cx.findings[requests_end..].to_vec(),
    });
    Some((scenario, kept))
}

fn parse(text: &str, cx: &mut Cx) -> Option<Json> {
    let start = Pos {
        offset: 0,
        line: 1,
        column: 1,
    };
    if text.len() > MAX_TEXT_BYTES {
        let message = say!(
            cx.lang,
            "The scenario is {} bytes; a scenario may have at most {MAX_TEXT_BYTES} bytes (1 MiB).",
            "シナリオが {} バイトあります。シナリオの上限は {MAX_TEXT_BYTES} バイト (1 MiB) です。",
            text.len()
        );
        let span = Span { start, end: start };
        cx.error(codes::LIMIT_EXCEEDED, message, "", span);
        return None;
    }
    match json::parse(text, &limits::JSON_LIMITS) {
        Ok(json) => Some(json),
        Err(error) => {
            // The JSON reader's only limit left to hit is nesting depth (size was checked above).
            let code = if matches!(error.kind, json::Syntax::TooDeep(_)) {
                codes::LIMIT_EXCEEDED
            } else {
                codes::JSON_SYNTAX
            };
            let message = say!(
                cx.lang,
                "The scenario is not valid JSON: {}.",
                "シナリオが正しい JSON ではありません: {}。",
                error.message_in(cx.lang)
            );
            let span = Span {
                start: error.at,
                end: error.at,
            };
            cx.error(code, message, "", span);
            None
        }
    }
}

/// Reads the `scenario` field before anything else, so that a newer format is reported as such
/// rather than as a list of unknown fields.
fn version(root: At<'_, '_>, cx: &mut Cx) -> Option<u32> {
    let Some(json) = root.json.get("scenario") else {
        if root.json.members().is_none() {
            let what = cx.lang.pick("The scenario", "シナリオ");
            cx.wrong_type(root, what, fields::OBJECT);
        } else {
            let message = cx
                .lang
                .pick(
                    "The document has no `scenario` field; a scenario starts with \
                     `\"scenario\": 1`, the format version.",
                    "ドキュメントに `scenario` フィールドがありません。シナリオは形式のバージョン \
                     `\"scenario\": 1` で始まります。",
                )
                .to_string();
            cx.error(codes::MISSING_FIELD, message, "", root.json.span);
        }
        return None;
    };
    let at = At {
        json,
        pointer: "/scenario",
    };
    let written = match &json.value {
        Value::Number(n) => n.as_str(),
        _ => {
            let what = cx.lang.pick(
                "`scenario` (the format version)",
                "`scenario` (形式のバージョン)",
            );
            let expected = Text {
                en: "the number 1",
                ja: "数値 1",
            };
            cx.wrong_type(at, what, expected);
            return None;
        }
    };
    match written.parse::<u32>() {
        Ok(FORMAT_VERSION) => Some(FORMAT_VERSION),
        Ok(newer) if newer > FORMAT_VERSION => {
            let message = say!(
                cx.lang,
                "This scenario uses format {newer}; this version of IAM Playground reads format \
                 {FORMAT_VERSION}.",
                "このシナリオは形式 {newer} です。このバージョンの IAM Playground が読めるのは形式 \
                 {FORMAT_VERSION} です。"
            );
            cx.error(codes::UNSUPPORTED_VERSION, message, at.pointer, json.span);
            None
        }
        _ => {
            let message = say!(
                cx.lang,
                "`scenario` is the format version, {FORMAT_VERSION}; {written} is not a format.",
                "`scenario` は形式のバージョン {FORMAT_VERSION} です。{written} という形式はありません。"
            );
            cx.error(codes::UNSUPPORTED_VERSION, message, at.pointer, json.span);
            None
        }
    }
}

#[cfg(test)]
mod tests;
