//! Redundant values and statements.
//!
//! Source: Access Analyzer policy check reference, "Redundant action", "Redundant resource",
//! "Redundant statement" (suggestions: they change nothing, but hide what the policy means).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::json::{pointer_push, Json, Member, Value};
use crate::lang::{say, Text};
use crate::policy::codes::{self, Code};
use crate::policy::glob::Glob;
use crate::policy::reader::{place, Reader};
use crate::policy::{Place, Statement};

/// Above this many values in one element the quadratic comparison is skipped.
const MAX_VALUES: usize = 500;

pub(crate) fn values(r: &mut Reader, stmt: &Statement) {
    let actions: Vec<(&str, &Place)> = stmt
        .action
        .patterns
        .iter()
        .map(|p| (p.value.raw(), &p.place))
        .collect();
    let action = Text {
        en: "action",
        ja: "アクション",
    };
    covered(r, &actions, true, codes::REDUNDANT_ACTION, action);
    if let Some(resource) = &stmt.resource {
        let resources: Vec<(&str, &Place)> = resource
            .patterns
            .iter()
            .map(|p| (p.value.raw(), &p.place))
            .collect();
        let resource = Text {
            en: "resource",
            ja: "リソース",
        };
        covered(r, &resources, false, codes::REDUNDANT_RESOURCE, resource);
    }
}

/// Reports each value another value of the same element already covers; of two equal values,
/// the later one. Actions compare case-insensitively, resources exactly.
fn covered(r: &mut Reader, items: &[(&str, &Place)], fold: bool, code: Code, what: Text) {
    let what = what.get(r.lang);
    if items.len() > MAX_VALUES {
        return;
    }
    if items.len() < 2 {
        return; // nothing to compare with
    }
    // Compiled once per value rather than once per comparison.
    let globs: Vec<Glob> = items.iter().map(|(v, _)| Glob::new(v, fold)).collect();
    for (j, (value, at)) in items.iter().enumerate() {
        let by = items.iter().enumerate().find(|(i, (other, _))| {
            *i != j && globs[*i].matches(value) && (*i < j || !globs[j].matches(other))
        });
        if let Some((_, (other, _))) = by {
            let message = if globs[j].matches(other) {
                say!(
                    r.lang,
                    "The {what} `{value}` is listed twice in this element: remove this one.",
                    "{what} `{value}` はこの要素に 2 回記述されています。こちらを削除してください。"
                )
            } else {
                say!(r.lang,
                    "The {what} `{value}` is already covered by `{other}` in this element: remove it.",
                    "{what} `{value}` は、この要素の `{other}` にすでに含まれています。削除してください。")
            };
            r.report(code, message, at);
        }
    }
}

/// Reports statements identical to an earlier one apart from `Sid`. Statements are compared
/// as JSON values in place (keys in order, numbers as written, positions ignored): the same
/// equality as comparing their compact texts, without writing any text.
pub(crate) fn statements(r: &mut Reader, json: &Json, base: &str) {
    let Some(Value::Array(items)) = json.get("Statement").map(|s| &s.value) else {
        return;
    };
    // Statements are sorted by a hash of what they say, so a policy of n statements costs n
    // hashes, a sort and a few comparisons rather than n² comparisons. (As (hash, statement)
    // pairs, for the module's one sort, `crate::order`.)
    let hashed: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.members().map(|m| (hash_but_sid(m), i)))
        .collect();
    let hashed = crate::order::sorted(hashed);
    let members = |i: usize| items[i].members().unwrap_or_default();
    // For each statement that repeats an earlier one, the first it repeats.
    let mut repeats: Vec<Option<usize>> = vec![None; items.len()];
    for group in hashed.chunk_by(|a, b| a.0 == b.0) {
        for (k, &(_, i)) in group.iter().enumerate() {
            let earlier = group[..k]
                .iter()
                .find(|&&(_, j)| same_but_sid(members(j), members(i)));
            repeats[i] = earlier.map(|&(_, first)| first);
        }
    }
    let repeats = repeats.into_iter().enumerate();
    for (i, first) in repeats.filter_map(|(i, first)| Some((i, first?))) {
        let message = say!(
            r.lang,
            "This statement repeats statement {first} (apart from `Sid`): remove one of them.",
            "このステートメントは (`Sid` を除いて) ステートメント {first} と同じです。どちらかを削除してください。"
        );
        let at = pointer_push(&pointer_push(base, "Statement"), i);
        r.report(
            codes::REDUNDANT_STATEMENT,
            message,
            &place(&at, items[i].span),
        );
    }
}

/// A hash that agrees with [`same_but_sid`]: equal statements hash alike.
fn hash_but_sid(members: &[Member]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for m in members.iter().filter(|m| m.key != "Sid") {
        hash_member(m, &mut hasher);
    }
    hasher.finish()
}

fn hash_member(m: &Member, h: &mut DefaultHasher) {
    m.key.hash(h);
    hash_value(&m.value, h);
}

fn hash_value(json: &Json, h: &mut DefaultHasher) {
    match &json.value {
        Value::Null => 0u8.hash(h),
        Value::Bool(b) => (1u8, b).hash(h),
        Value::Number(n) => (2u8, n).hash(h),
        Value::String(s) => (3u8, s).hash(h),
        Value::Array(items) => {
            (4u8, items.len()).hash(h);
            items.iter().for_each(|v| hash_value(v, h));
        }
        Value::Object(members) => {
            (5u8, members.len()).hash(h);
            members.iter().for_each(|m| hash_member(m, h));
        }
    }
}

/// Whether two statements' members are equal once every `Sid` member is left out.
fn same_but_sid(a: &[Member], b: &[Member]) -> bool {
    let not_sid = |m: &&Member| m.key != "Sid";
    let (mut a, mut b) = (a.iter().filter(not_sid), b.iter().filter(not_sid));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_member(x, y) => {}
            _ => return false,
        }
    }
}

fn same_member(a: &Member, b: &Member) -> bool {
    a.key == b.key && same_value(&a.value, &b.value)
}

/// JSON equality without positions: what equal compact texts mean.
fn same_value(a: &Json, b: &Json) -> bool {
    match (&a.value, &b.value) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) | (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_value(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_member(x, y))
        }
        _ => false,
    }
}
