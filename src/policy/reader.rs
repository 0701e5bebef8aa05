//! The state shared while one policy is read: its kind and version, and the findings so far.

use super::codes::{self, Code};
use super::{Place, PolicyKind, PolicyVersion};
use crate::finding::{Finding, Severity};
use crate::json::{pointer_push, Json, Pointer, Span, Value};
use crate::lang::{json_kind, say, Lang, Text as LangText};

pub(crate) struct Reader {
    pub kind: PolicyKind,
    pub version: PolicyVersion,
    /// The language of the findings' sentences.
    pub lang: Lang,
    pub findings: Vec<Finding>,
    /// The `Sid`s seen so far, which must be unique within the policy.
    pub sids: Vec<String>,
}

/// A string value of an element and where it was written.
pub(crate) struct Text<'j> {
    pub value: &'j str,
    pub place: Place,
}

/// A place from a pointer: an owned pointer is moved in, a borrowed one copied.
pub(crate) fn place(pointer: impl Into<Pointer>, span: Span) -> Place {
    Place {
        pointer: pointer.into(),
        span,
    }
}

impl Reader {
    pub fn new(kind: PolicyKind, lang: Lang) -> Reader {
        Reader {
            kind,
            version: PolicyVersion::Unspecified,
            lang,
            findings: Vec::new(),
            sids: Vec::new(),
        }
    }

    /// Reports each member of the object `json` (at `base`) that is not one of `known`, with a
    /// did-you-mean; `level` names what the members are elements of ("policy", "statement").
    pub fn unknown_elements(&mut self, json: &Json, base: &str, known: &[&str], level: LangText) {
        let unknown = json.members().unwrap_or_default().iter();
        for m in unknown.filter(|m| !known.contains(&m.key.as_str())) {
            let (key, hint) = (&m.key, did_you_mean(&m.key, known, self.lang));
            let level = level.get(self.lang);
            let message = say!(
                self.lang,
                "`{key}` is not a {level} element.{hint}",
                "`{key}` は{level}の要素ではありません。{hint}"
            );
            let at = place(pointer_push(base, &m.key), m.key_span);
            self.report(codes::UNKNOWN_ELEMENT, message, &at);
        }
    }

    pub fn report(&mut self, code: Code, message: impl Into<String>, at: &Place) {
        self.report_as(code.severity, code, message, at);
    }

    pub fn report_as(
        &mut self,
        severity: Severity,
        code: Code,
        message: impl Into<String>,
        at: &Place,
    ) {
        self.findings.push(Finding::new(
            severity,
            code.name,
            message,
            at.pointer.clone(),
            Some(at.span),
        ));
    }

    pub fn variables(&self) -> bool {
        self.version.supports_variables()
    }

    /// Reads an element that takes a string or an array of strings (IAM User Guide, "Grammar of
    /// the IAM JSON policy language": `<action_string>` or `[<action_string>, ...]`). Returns
    /// `None` when the element is neither; non-string items are reported and skipped.
    pub fn strings<'j>(
        &mut self,
        json: &'j Json,
        pointer: &str,
        element: &str,
    ) -> Option<Vec<Text<'j>>> {
        match &json.value {
            Value::String(s) => Some(vec![Text {
                value: s,
                place: place(pointer, json.span),
            }]),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let at = place(pointer_push(pointer, i), item.span);
                    match item.as_str() {
                        Some(s) => out.push(Text {
                            value: s,
                            place: at,
                        }),
                        None => {
                            let kind = json_kind(item, self.lang);
                            let message = say!(self.lang,
                                "Each `{element}` value must be a string, but this one is {kind}.",
                                "`{element}` の各値は文字列でなければなりませんが、この値は{kind}です。");
                            self.report(codes::WRONG_TYPE, message, &at)
                        }
                    }
                }
                Some(out)
            }
            _ => {
                let kind = json_kind(json, self.lang);
                let message =
                    say!(self.lang,
                    "`{element}` must be a string or an array of strings, but it is {kind}.",
                    "`{element}` は文字列または文字列の配列でなければなりませんが、{kind}です。");
                self.report(codes::WRONG_TYPE, message, &place(pointer, json.span));
                None
            }
        }
    }
}

/// The member of `json` named `key`, with its pointer.
pub(crate) fn member<'j>(json: &'j Json, pointer: &str, key: &str) -> Option<(&'j Json, Pointer)> {
    json.get(key).map(|v| (v, pointer_push(pointer, key)))
}

/// A key with a different case that IAM would have recognised, for "did you mean" messages:
/// a sentence to append to the one that refuses the key.
pub(crate) fn did_you_mean(key: &str, known: &[&str], lang: Lang) -> String {
    match known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        Some(k) => say!(
            lang,
            " Element names are case-sensitive: did you mean `{k}`?",
            "要素名では大文字と小文字が区別されます。`{k}` のことですか?"
        ),
        None => say!(
            lang,
            " The elements allowed here are {}.",
            "ここで使用できる要素は {} です。",
            known.join(", ")
        ),
    }
}
