//! The bounds of a scenario. A scenario arrives from a share link or a file; these keep hostile
//! or accidental input from freezing the page. They are far above what a scenario that teaches
//! or tests IAM needs.

use super::codes;
use super::fields::Cx;
use crate::json::{pointer_of, Json, Step, Value};
use crate::lang::say;

/// Largest scenario text: 1 MiB.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// Deepest nesting of arrays and objects; a policy inside a scenario needs about ten.
pub const MAX_DEPTH: usize = 64;
/// Most requests in one scenario.
pub const MAX_REQUESTS: usize = 500;
/// Most accounts, named policies, users, groups, roles and resources together.
pub const MAX_ENTITIES: usize = 1000;
/// Longest string value or key: 64 KiB (IAM's largest policy document is 10,240 characters).
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// What the JSON reader is held to when it reads a scenario, whole or its requests alone.
pub(super) const JSON_LIMITS: crate::json::Limits = crate::json::Limits {
    max_bytes: MAX_TEXT_BYTES,
    max_depth: MAX_DEPTH,
};

/// The lists counted against [`MAX_ENTITIES`].
const ENTITY_LISTS: &[&str] = &[
    "accounts",
    "policies",
    "users",
    "groups",
    "roles",
    "resources",
];

/// Checks the string, request and entity limits; false (with findings) when one is exceeded.
pub(super) fn check(json: &Json, cx: &mut Cx) -> bool {
    let before = cx.findings.len();
    strings(json, &mut Vec::with_capacity(MAX_DEPTH), cx);
    if let Some(requests) = json.get("requests") {
        request_count(requests, cx);
    }
    let entities: usize = ENTITY_LISTS
        .iter()
        .filter_map(|key| json.get(key))
        .map(|list| match &list.value {
            Value::Array(items) => items.len(),
            Value::Object(members) => members.len(),
            _ => 0,
        })
        .sum();
    if entities > MAX_ENTITIES {
        let message = say!(
            cx.lang,
            "The scenario has {entities} accounts, policies, users, groups, roles and resources \
             together; a scenario may have at most {MAX_ENTITIES}.",
            "シナリオのアカウント、ポリシー、ユーザー、グループ、ロール、リソースが合わせて \
             {entities} 個あります。上限は {MAX_ENTITIES} 個です。"
        );
        cx.error(codes::LIMIT_EXCEEDED, message, "", json.span);
    }
    cx.findings.len() == before
}

/// Checks the top-level `requests` value as [`check`] checks it within the whole scenario: for
/// a reading of the requests alone, when the rest was checked before.
pub(super) fn check_requests(requests: &Json, cx: &mut Cx) -> bool {
    let before = cx.findings.len();
    strings(requests, &mut vec![Step::Key("requests")], cx);
    request_count(requests, cx);
    cx.findings.len() == before
}

fn request_count(requests: &Json, cx: &mut Cx) {
    let Some(count) = requests.as_array().map(<[Json]>::len) else {
        return;
    };
    if count > MAX_REQUESTS {
        let message = say!(
            cx.lang,
            "The scenario has {count} requests; a scenario may have at most {MAX_REQUESTS}.",
            "シナリオにリクエストが {count} 個あります。上限は {MAX_REQUESTS} 個です。"
        );
        cx.error(codes::LIMIT_EXCEEDED, message, "/requests", requests.span);
    }
}

/// Reports every string and key longer than [`MAX_STRING_BYTES`]. `path` leads to `json`; the
/// pointer is written only for a finding, as nearly every value is within bounds. Recursion is
/// bounded by the JSON reader's depth limit.
fn strings<'j>(json: &'j Json, path: &mut Vec<Step<'j>>, cx: &mut Cx) {
    let too_long = |s: &str| s.len() > MAX_STRING_BYTES;
    let lang = cx.lang;
    let message = |s: &str| {
        say!(
            lang,
            "This string is {} bytes; a scenario's strings may have at most {MAX_STRING_BYTES} \
             bytes (64 KiB).",
            "この文字列は {} バイトあります。シナリオの文字列の上限は {MAX_STRING_BYTES} バイト \
             (64 KiB) です。",
            s.len()
        )
    };
    match &json.value {
        Value::String(s) if too_long(s) => cx.error(
            codes::LIMIT_EXCEEDED,
            message(s),
            &pointer_of("", path),
            json.span,
        ),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                strings(item, path, cx);
                path.pop();
            }
        }
        Value::Object(members) => {
            for member in members {
                path.push(Step::Key(&member.key));
                if too_long(&member.key) {
                    let text = message(&member.key);
                    let pointer = pointer_of("", path);
                    cx.error(codes::LIMIT_EXCEEDED, text, &pointer, member.key_span);
                }
                strings(&member.value, path, cx);
                path.pop();
            }
        }
        _ => {}
    }
}
