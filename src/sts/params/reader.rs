//! Reading typed values out of a JSON object, with a finding for each value of the wrong type
//! and each name that is not one of the expected ones.

use crate::finding::Finding;
use crate::json::{pointer_push, Json, Pointer, Value};
use crate::lang::{gap, json_kind, say, Lang, Text};

/// Findings collected while reading one request's parameters, written in `lang`.
pub(crate) struct Reader {
    pub findings: Vec<Finding>,
    pub lang: Lang,
}

const OBJECT: Text = Text {
    en: "an object",
    ja: "オブジェクト",
};
const STRING: Text = Text {
    en: "a string",
    ja: "文字列",
};
const INTEGER: Text = Text {
    en: "an integer",
    ja: "整数",
};

impl Reader {
    pub fn new(lang: Lang) -> Reader {
        Reader {
            findings: Vec::new(),
            lang,
        }
    }

    /// "{name} must be {expected}, but it is {kind}." in the reader's language.
    pub fn type_message(&self, name: &str, expected: &str, json: &Json) -> String {
        let (kind, gap, after) = (json_kind(json, self.lang), gap(name), gap(expected));
        say!(
            self.lang,
            "{name} must be {expected}, but it is {kind}.",
            "{name}{gap}は{expected}{after}でなければなりませんが、{kind}です。"
        )
    }

    fn wrong_type(&mut self, json: &Json, pointer: &str, name: &str, expected: Text) {
        let message = self.type_message(name, expected.get(self.lang), json);
        self.findings.push(Finding::error(
            "PARAMETER_TYPE",
            message,
            pointer,
            Some(json.span),
        ));
    }

    /// Checks that `object` is an object whose member names are all in `known`, each at most
    /// once. Unknown names get a "did you mean" when one of `known` is close.
    pub fn check_object(
        &mut self,
        object: &Json,
        pointer: &str,
        what: &str,
        known: &[&str],
    ) -> bool {
        let Some(members) = object.members() else {
            self.wrong_type(object, pointer, what, OBJECT);
            return false;
        };
        for (i, member) in members.iter().enumerate() {
            // The member's pointer is for a finding only: a well-formed object makes none.
            let at = || pointer_push(pointer, &member.key);
            if !known.contains(&member.key.as_str()) {
                let lang = self.lang;
                let key = &member.key;
                let hint = match did_you_mean(key, known) {
                    Some(near) => say!(lang, " Did you mean {near}?", "{near} のことですか?"),
                    None => say!(
                        lang,
                        " Expected one of: {}.",
                        "指定できるのは {} です。",
                        known.join(", ")
                    ),
                };
                let gap = gap(what);
                self.findings.push(Finding::error(
                    "UNKNOWN_PARAMETER",
                    say!(
                        lang,
                        "{what} has no parameter named {key}.{hint}",
                        "{what}{gap}に {key} という名前のパラメーターはありません。{hint}"
                    ),
                    at(),
                    Some(member.key_span),
                ));
            } else if members[..i].iter().any(|m| m.key == member.key) {
                self.findings.push(Finding::error(
                    "DUPLICATE_PARAMETER",
                    {
                        let (key, gap) = (&member.key, gap(what));
                        let lead = if what.starts_with(|c: char| c.is_ascii()) {
                            " "
                        } else {
                            ""
                        };
                        say!(
                            self.lang,
                            "{key} is given more than once in {what}; give it once.",
                            "{key} が{lead}{what}{gap}で複数回指定されています。1 回だけ指定してください。"
                        )
                    },
                    at(),
                    Some(member.key_span),
                ));
            }
        }
        true
    }

    pub fn string(&mut self, json: &Json, pointer: &str, name: &str) -> Option<String> {
        match &json.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(json, pointer, name, STRING);
                None
            }
        }
    }

    /// An integer parameter. Values beyond `i64` saturate, so validation still reports them as
    /// out of range rather than as a type error.
    pub fn integer(&mut self, json: &Json, pointer: &str, name: &str) -> Option<i64> {
        let Value::Number(text) = &json.value else {
            self.wrong_type(json, pointer, name, INTEGER);
            return None;
        };
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.findings.push(Finding::error(
                "PARAMETER_TYPE",
                say!(
                    self.lang,
                    "{name} must be a whole number of seconds, not {text}.",
                    "{name} は整数の秒数でなければなりません ({text} は使えません)。"
                ),
                pointer,
                Some(json.span),
            ));
            return None;
        }
        let negative = text.starts_with('-');
        Some(
            text.parse::<i64>()
                .unwrap_or(if negative { i64::MIN } else { i64::MAX }),
        )
    }

    /// A list of strings; `single_ok` also accepts one bare string as a list of one.
    pub fn strings(
        &mut self,
        json: &Json,
        pointer: &str,
        name: &str,
        single_ok: bool,
    ) -> Vec<String> {
        match &json.value {
            Value::String(s) if single_ok => vec![s.clone()],
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let at = pointer_push(pointer, i);
                    let each = self.each_entry(name);
                    self.string(item, &at, &each)
                })
                .collect(),
            _ => {
                let expected = if single_ok {
                    Text {
                        en: "a string or an array of strings",
                        ja: "文字列または文字列の配列",
                    }
                } else {
                    Text {
                        en: "an array of strings",
                        ja: "文字列の配列",
                    }
                };
                self.wrong_type(json, pointer, name, expected);
                Vec::new()
            }
        }
    }

    /// "Each entry of {name}", naming one item of a list parameter.
    pub fn each_entry(&self, name: &str) -> String {
        say!(self.lang, "Each entry of {name}", "{name} の各エントリ")
    }

    /// A missing member: `why` says what it is for, in the reader's language.
    pub fn missing(&mut self, object: &Json, pointer: &str, name: &str, why: Text) {
        let why = why.get(self.lang);
        self.findings.push(Finding::error(
            "MISSING_PARAMETER",
            say!(
                self.lang,
                "{name} is missing: {why}",
                "{name} がありません: {why}"
            ),
            pointer_push(pointer, name),
            Some(object.span),
        ));
    }
}

/// The member `name` of an object, with its pointer.
pub(crate) fn member<'a>(
    object: &'a Json,
    pointer: &str,
    name: &str,
) -> Option<(&'a Json, Pointer)> {
    object.get(name).map(|v| (v, pointer_push(pointer, name)))
}

/// The closest of `known` to `name`: equal ignoring case, or within an edit distance of 2 (3
/// for long names).
pub(crate) fn did_you_mean<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        return Some(same);
    }
    let lower = name.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&lower, &k.to_ascii_lowercase()), *k))
        .filter(|(d, k)| *d <= if k.len() > 12 { 3 } else { 2 })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars; inputs longer than 100 chars are not compared (no name
/// that long is a near miss), so the cost stays bounded on hostile input.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 100 || b.len() > 100 {
        return usize::MAX;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_suggested() {
        let known = ["RoleSessionName", "DurationSeconds", "ExternalId", "Tags"];
        assert_eq!(
            did_you_mean("roleSessionName", &known),
            Some("RoleSessionName")
        );
        assert_eq!(
            did_you_mean("RoleSesionName", &known),
            Some("RoleSessionName")
        );
        assert_eq!(
            did_you_mean("DurationSecond", &known),
            Some("DurationSeconds")
        );
        assert_eq!(did_you_mean("ExternalID", &known), Some("ExternalId"));
        assert_eq!(did_you_mean("Tag", &known), Some("Tags"));
        assert_eq!(did_you_mean("Colour", &known), None);
    }
}
