//! Rules on the document as a whole text: duplicate keys and the characters IAM stores.
//!
//! Sources: IAM User Guide, "Grammar of the IAM JSON policy language" (duplicate keys are not
//! valid; semantics notes §7), and the IAM and STS API references, whose policy document
//! parameters accept only U+0009, U+000A, U+000D and U+0020–U+00FF (semantics notes §4).

use super::codes;
use super::reader::{place, Reader};
use super::PolicyKind;
use crate::json::{pointer_of, Json, Pointer, Span, Step, Value};
use crate::lang::say;

/// At most this many character findings: one per value is plenty to fix a pasted document.
const MAX_CHARACTER_FINDINGS: usize = 10;

/// Where a value stands, as a step from its parent's crumb (`None`: the policy itself). The
/// walk keeps one crumb per value and writes a pointer only for a finding.
struct Crumb<'j> {
    parent: Option<usize>,
    step: Step<'j>,
}

/// The pointer of crumb `at` (`None`: the policy itself), under `base`.
fn pointer_at(base: &str, crumbs: &[Crumb<'_>], mut at: Option<usize>) -> Pointer {
    let mut steps = Vec::new();
    while let Some(i) = at {
        steps.push(crumbs[i].step);
        at = crumbs[i].parent;
    }
    steps.reverse();
    pointer_of(base, &steps)
}

pub(crate) fn check(r: &mut Reader, json: &Json, base: &str) {
    let check_chars = matches!(
        r.kind,
        PolicyKind::Identity | PolicyKind::Trust | PolicyKind::Boundary | PolicyKind::Session
    );
    let mut character_findings = 0;
    // Sized for a typical policy (a few statements of a few elements), so they rarely grow.
    let mut crumbs: Vec<Crumb> = Vec::with_capacity(64);
    let mut stack: Vec<(&Json, Option<usize>)> = Vec::with_capacity(32);
    stack.push((json, None));
    while let Some((node, at)) = stack.pop() {
        match &node.value {
            Value::Object(members) => {
                for (i, m) in members.iter().enumerate() {
                    let crumb = Some(crumbs.len());
                    crumbs.push(Crumb {
                        parent: at,
                        step: Step::Key(&m.key),
                    });
                    if members[..i].iter().any(|earlier| earlier.key == m.key) {
                        let key = &m.key;
                        let message = say!(r.lang,
                            "`{key}` appears more than once in this object; IAM refuses duplicate keys. Keep one and merge the values into it.",
                            "このオブジェクトに `{key}` が複数回出現しています。IAM は重複したキーを拒否します。1 つだけ残し、値をそこにまとめてください。");
                        let pointer = pointer_at(base, &crumbs, crumb);
                        r.report(codes::DUPLICATE_KEY, message, &place(&pointer, m.key_span));
                    }
                    if check_chars && character_findings < MAX_CHARACTER_FINDINGS {
                        let pointer = || pointer_at(base, &crumbs, crumb);
                        character_findings += characters(r, &m.key, pointer, m.key_span);
                    }
                    stack.push((&m.value, crumb));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((item, Some(crumbs.len())));
                    crumbs.push(Crumb {
                        parent: at,
                        step: Step::Index(i),
                    });
                }
            }
            Value::String(s) if check_chars && character_findings < MAX_CHARACTER_FINDINGS => {
                let pointer = || pointer_at(base, &crumbs, at);
                character_findings += characters(r, s, pointer, node.span);
            }
            _ => {}
        }
    }
}

fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}')
}

/// Reports `text` if it holds a character IAM does not store; returns how many it reported.
/// `pointer` is called only for a finding.
fn characters(r: &mut Reader, text: &str, pointer: impl Fn() -> Pointer, span: Span) -> usize {
    // Nearly all policy text is ASCII, which a byte test settles without decoding characters.
    let ascii_allowed = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7f);
    if text.bytes().all(ascii_allowed) {
        return 0;
    }
    let Some(c) = text.chars().find(|&c| !allowed(c)) else {
        return 0;
    };
    let (code, kind) = (c as u32, r.kind.name(r.lang));
    let message = say!(r.lang,
        "`{text}` contains '{c}' (U+{code:04X}); a {kind} may contain only tab, line breaks and the characters U+0020 to U+00FF. Replace it, for example with ASCII text.",
        "`{text}` に '{c}' (U+{code:04X}) が含まれています。{kind}に使用できるのは、タブ、改行、U+0020 から U+00FF の文字だけです。ASCII の文字などに置き換えてください。");
    r.report(
        codes::UNSUPPORTED_CHARACTER,
        message,
        &place(pointer(), span),
    );
    1
}
