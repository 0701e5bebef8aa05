//! Rules on the document as a whole text: duplicate keys and the characters IAM stores.
//!
//! Sources: IAM User Guide, "Grammar of the IAM JSON policy language" (duplicate keys are not
//! valid; semantics notes §7), and the IAM and STS API references, whose policy document
//! parameters accept only U+0009, U+000A, U+000D and U+0020–U+00FF (semantics notes §4).

use super::codes;
use super::reader::{place, Reader};
use super::PolicyKind;
use crate::json::{pointer_push, Json, Pointer, Span, Value};
use crate::lang::say;

/// At most this many character findings: one per value is plenty to fix a pasted document.
const MAX_CHARACTER_FINDINGS: usize = 10;

pub(crate) fn check(r: &mut Reader, json: &Json, base: &str) {
    let check_chars = matches!(
        r.kind,
        PolicyKind::Identity | PolicyKind::Trust | PolicyKind::Boundary | PolicyKind::Session
    );
    let mut character_findings = 0;
    let mut stack: Vec<(&Json, Pointer)> = vec![(json, base.to_string())];
    while let Some((node, ptr)) = stack.pop() {
        match &node.value {
            Value::Object(members) => {
                for (i, m) in members.iter().enumerate() {
                    let at = pointer_push(&ptr, &m.key);
                    if members[..i].iter().any(|earlier| earlier.key == m.key) {
                        let key = &m.key;
                        let message = say!(r.lang,
                            "`{key}` appears more than once in this object; IAM refuses duplicate keys. Keep one and merge the values into it.",
                            "このオブジェクトに `{key}` が複数回出現しています。IAM は重複したキーを拒否します。1 つだけ残し、値をそこにまとめてください。");
                        r.report(codes::DUPLICATE_KEY, message, &place(&at, m.key_span));
                    }
                    if check_chars && character_findings < MAX_CHARACTER_FINDINGS {
                        character_findings += characters(r, &m.key, &at, m.key_span);
                    }
                    stack.push((&m.value, at));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((item, pointer_push(&ptr, i)));
                }
            }
            Value::String(s) if check_chars && character_findings < MAX_CHARACTER_FINDINGS => {
                character_findings += characters(r, s, &ptr, node.span);
            }
            _ => {}
        }
    }
}

fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}')
}

/// Reports `text` if it holds a character IAM does not store; returns how many it reported.
fn characters(r: &mut Reader, text: &str, ptr: &str, span: Span) -> usize {
    let Some(c) = text.chars().find(|&c| !allowed(c)) else {
        return 0;
    };
    let (code, kind) = (c as u32, r.kind.name(r.lang));
    let message = say!(r.lang,
        "`{text}` contains '{c}' (U+{code:04X}); a {kind} may contain only tab, line breaks and the characters U+0020 to U+00FF. Replace it, for example with ASCII text.",
        "`{text}` に '{c}' (U+{code:04X}) が含まれています。{kind}に使用できるのは、タブ、改行、U+0020 から U+00FF の文字だけです。ASCII の文字などに置き換えてください。");
    r.report(codes::UNSUPPORTED_CHARACTER, message, &place(ptr, span));
    1
}
