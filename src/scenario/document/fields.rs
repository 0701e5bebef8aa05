//! Reading the scenario's own objects: known fields only, no duplicate keys, the right types.
//! Every problem becomes a finding with the value's pointer and text range.

use super::codes;
use super::suggest::did_you_mean;
use crate::finding::Finding;
use crate::json::{pointer_push, Json, Member, Pointer, Span, Value};
use crate::lang::{gap, json_kind, say, Lang, Text};
use crate::policy::{Located, Place};

/// Collects the findings of one read.
#[derive(Default)]
pub(super) struct Cx {
    pub findings: Vec<Finding>,
    /// The names of the top-level `policies` map, which named policy references must use.
    pub policy_names: Vec<String>,
    /// The language of the findings.
    pub lang: Lang,
}

/// The space before a name that starts with half-width text, after Japanese (`が `policies``).
pub(super) fn lead(text: &str) -> &'static str {
    if text.starts_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    }
}

pub(super) const OBJECT: Text = Text {
    en: "an object",
    ja: "オブジェクト",
};

/// A value together with its pointer.
#[derive(Clone, Copy)]
pub(super) struct At<'j, 'p> {
    pub json: &'j Json,
    pub pointer: &'p str,
}

/// An object of the scenario's structure whose keys have been checked.
pub(super) struct Fields<'j> {
    members: &'j [Member],
    pub pointer: Pointer,
    pub span: Span,
}

impl<'j> Fields<'j> {
    /// The value of `key` and its pointer (the first occurrence; duplicates were reported).
    pub fn get(&self, key: &str) -> Option<(&'j Json, Pointer)> {
        let member = self.members.iter().find(|m| m.key == key)?;
        Some((&member.value, pointer_push(&self.pointer, key)))
    }

    /// The top-level object as far as `members` go: for reading some of its fields alone. Its
    /// span is the first member's value's, not the object's: only `get` may be used.
    pub fn of_top(members: &'j [Member]) -> Fields<'j> {
        Fields {
            members,
            pointer: Pointer::new(),
            span: members.first().map_or_else(Span::default, |m| m.value.span),
        }
    }

    pub fn place(&self) -> Place {
        Place {
            pointer: self.pointer.clone(),
            span: self.span,
        }
    }
}

pub(super) fn place(json: &Json, pointer: &str) -> Place {
    Place {
        pointer: pointer.to_string(),
        span: json.span,
    }
}

impl Cx {
    pub fn error(&mut self, code: &'static str, message: String, pointer: &str, span: Span) {
        self.findings
            .push(Finding::error(code, message, pointer, Some(span)));
    }

    /// Reads `json` as an object with only the `known` fields. `what` names it in messages
    /// ("a role"); `required` fields must be present.
    pub fn object<'j>(
        &mut self,
        at: At<'j, '_>,
        what: &str,
        known: &[&str],
        required: &[&str],
    ) -> Option<Fields<'j>> {
        let members = self.members(at, what)?;
        for member in members {
            if !known.contains(&member.key.as_str()) {
                let pointer = pointer_push(at.pointer, &member.key);
                let (lang, key, gap) = (self.lang, &member.key, gap(what));
                let hint = match did_you_mean(key, known.iter().copied()) {
                    Some(near) => say!(lang, " Did you mean `{near}`?", "`{near}` のことですか?"),
                    None => {
                        let (lower, names) = (lower_first(what), list(known, lang));
                        say!(
                            lang,
                            " The fields of {lower} are {names}.",
                            "{what}{gap}のフィールドは {names} です。"
                        )
                    }
                };
                let message = say!(
                    lang,
                    "{what} has no field `{key}`.{hint}",
                    "{what}{gap}に `{key}` というフィールドはありません。{hint}"
                );
                self.error(codes::UNKNOWN_FIELD, message, &pointer, member.key_span);
            }
        }
        let fields = Fields {
            members,
            pointer: at.pointer.to_string(),
            span: at.json.span,
        };
        for name in required {
            if fields.get(name).is_none() {
                let gap = gap(what);
                let message = say!(
                    self.lang,
                    "{what} must have the field `{name}`.",
                    "{what}{gap}には `{name}` フィールドが必要です。"
                );
                self.error(codes::MISSING_FIELD, message, at.pointer, at.json.span);
            }
        }
        Some(fields)
    }

    /// The members of an object, duplicate keys reported (JSON allows them; a scenario does not,
    /// because which one would count is a guess).
    pub fn members<'j>(&mut self, at: At<'j, '_>, what: &str) -> Option<&'j [Member]> {
        let Some(members) = at.json.members() else {
            self.wrong_type(at, what, OBJECT);
            return None;
        };
        for member in repeated_keys(members).map(|i| &members[i]) {
            let pointer = pointer_push(at.pointer, &member.key);
            let (key, lead, gap) = (&member.key, lead(what), gap(what));
            let message = say!(
                self.lang,
                "`{key}` appears more than once in {what}; give each key once.",
                "`{key}` が{lead}{what}{gap}に複数回あります。各キーは 1 回だけ指定してください。"
            );
            self.error(codes::DUPLICATE_KEY, message, &pointer, member.key_span);
        }
        Some(members)
    }

    pub fn wrong_type(&mut self, at: At<'_, '_>, what: &str, expected: Text) {
        let lang = self.lang;
        let (expected, kind) = (expected.get(lang), json_kind(at.json, lang));
        let (gap, after) = (gap(what), gap(expected));
        let message = say!(
            lang,
            "{what} must be {expected}, not {kind}.",
            "{what}{gap}は{expected}{after}でなければなりませんが、{kind}です。"
        );
        self.error(codes::WRONG_TYPE, message, at.pointer, at.json.span);
    }

    pub fn string(&mut self, at: At<'_, '_>, what: &str) -> Option<Located<String>> {
        match at.json.as_str() {
            Some(s) => Some(Located {
                value: s.to_string(),
                place: place(at.json, at.pointer),
            }),
            None => {
                self.wrong_type(
                    at,
                    what,
                    Text {
                        en: "a string",
                        ja: "文字列",
                    },
                );
                None
            }
        }
    }

    pub fn array<'j>(&mut self, at: At<'j, '_>, what: &str) -> Option<&'j [Json]> {
        let items = at.json.as_array();
        if items.is_none() {
            self.wrong_type(
                at,
                what,
                Text {
                    en: "an array",
                    ja: "配列",
                },
            );
        }
        items
    }

    /// Reads an optional array field, each item with `read`, keeping the items that read.
    pub fn list<T>(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        mut read: impl FnMut(&mut Self, At<'_, '_>) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        self.each_item(fields, key, &mut |cx, at| out.extend(read(cx, at)));
        out
    }

    /// Visits each item of the optional array field `key`: what [`list`](Self::list) does,
    /// apart from the items' own type, so that its code is in the module once, not once for
    /// each kind of item.
    fn each_item(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        visit: &mut dyn FnMut(&mut Self, At<'_, '_>),
    ) {
        let Some((json, pointer)) = fields.get(key) else {
            return;
        };
        let what = format!("`{key}`");
        let at = At {
            json,
            pointer: &pointer,
        };
        let Some(items) = self.array(at, &what) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let item_pointer = pointer_push(&pointer, i);
            visit(
                self,
                At {
                    json: item,
                    pointer: &item_pointer,
                },
            );
        }
    }

    /// `true` or `false`, or `None` with a finding.
    pub fn boolean(&mut self, at: At<'_, '_>, what: &str) -> Option<bool> {
        match at.json.value {
            Value::Bool(b) => Some(b),
            _ => {
                let expected = Text {
                    en: "true or false",
                    ja: "真偽値 (true または false)",
                };
                self.wrong_type(at, what, expected);
                None
            }
        }
    }

    /// A non-negative whole number, or `None` with a finding.
    pub fn whole_number(&mut self, at: At<'_, '_>, what: &str) -> Option<u64> {
        let Value::Number(text) = &at.json.value else {
            self.wrong_type(
                at,
                what,
                Text {
                    en: "a whole number",
                    ja: "整数",
                },
            );
            return None;
        };
        let parsed = text
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse::<u64>().ok())
            .flatten();
        if parsed.is_none() {
            let gap = gap(what);
            let message = say!(
                self.lang,
                "{what} must be a whole number of 0 or more, not {text}.",
                "{what}{gap}は 0 以上の整数でなければなりません ({text} は使えません)。"
            );
            self.error(codes::INVALID_VALUE, message, at.pointer, at.json.span);
        }
        parsed
    }
}

/// `a`, `b` and `c` (`a`、`b`、`c`), for messages.
pub(super) fn list(names: &[&str], lang: Lang) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match (lang, quoted.split_last()) {
        (_, None) => lang.pick("none", "なし").to_string(),
        (_, Some((last, []))) => last.clone(),
        (Lang::En, Some((last, rest))) => format!("{} and {last}", rest.join(", ")),
        (Lang::Ja, _) => quoted.join("、"),
    }
}

/// "The scenario" in the middle of a sentence reads "the scenario".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_lowercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// A hash of an object's key, to find repeated keys among many by sorting.
fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

/// The indices of the members whose key an earlier member already has, in order. Most objects
/// have a few keys, compared with the earlier ones; one of many thousands is sorted instead.
fn repeated_keys(members: &[Member]) -> impl Iterator<Item = usize> {
    let repeated: Vec<bool> = if members.len() <= 16 {
        (0..members.len())
            .map(|i| members[..i].iter().any(|m| m.key == members[i].key))
            .collect()
    } else {
        // By a hash of the key, then by place: equal keys hash alike, so each key's
        // occurrences are in one run, in order. (Hashes rather than the keys themselves, for
        // the module's one sort, `crate::order`.)
        let hashes = members.iter().map(|m| key_hash(&m.key)).zip(0..);
        let order = crate::order::sorted(hashes.collect());
        let mut repeated = vec![false; members.len()];
        for run in order.chunk_by(|a, b| a.0 == b.0) {
            // One key, unless different keys share a hash.
            let mut keys: Vec<&str> = Vec::new();
            for &(_, i) in run {
                let key = members[i].key.as_str();
                if keys.contains(&key) {
                    repeated[i] = true;
                } else {
                    keys.push(key);
                }
            }
        }
        repeated
    };
    repeated
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| r.then_some(i))
}
