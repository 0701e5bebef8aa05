//! The `Condition` block: `{ operator: { key: value-or-values } }`.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition" and "Grammar of the IAM JSON
//! policy language" (semantics notes §6): a value is a string, number or boolean, or an array
//! of them; every (operator, key) pair becomes one [`Condition`].

use super::{keys, values, variables};
use crate::condition::{Condition, Operator};
use crate::json::{pointer_push, Json, Value};
use crate::lang::{gap, json_kind, say, Lang};
use crate::policy::codes;
use crate::policy::reader::{member, place, Reader, Text};

pub(crate) fn read_conditions(r: &mut Reader, stmt: &Json, ptr: &str) -> Vec<Condition> {
    let mut out = Vec::new();
    let Some((block, at)) = member(stmt, ptr, "Condition") else {
        return out;
    };
    let Some(operators) = object(r, block, &at, |_| "`Condition`".to_string()) else {
        return out;
    };
    for m in operators {
        let op_at = pointer_push(&at, &m.key);
        let op = match Operator::parse(&m.key) {
            Ok(op) => op,
            Err(e) => {
                let code = if is_null_if_exists(&m.key) {
                    codes::NULL_WITH_IF_EXISTS
                } else {
                    codes::INVALID_CONDITION_OPERATOR
                };
                let message = match (r.lang, e.message(r.lang)) {
                    (Lang::Ja, m) if m.ends_with('?') => m,
                    (lang, m) => say!(lang, "{m}.", "{m}。"),
                };
                r.report(code, message, &place(&op_at, m.key_span));
                continue;
            }
        };
        let what = |lang| say!(lang, "The `{}` block", "`{}` ブロック", m.key);
        let Some(keys) = object(r, &m.value, &op_at, what) else {
            continue;
        };
        for k in keys {
            let key_at = pointer_push(&op_at, &k.key);
            keys::check_key(r, &op, &k.key, &place(&key_at, k.key_span));
            let texts = condition_values(r, &k.value, &key_at, &k.key);
            for t in &texts {
                check_value(r, &op, t);
            }
            let values = texts.iter().map(|t| t.value.to_string()).collect();
            let variables = r.variables();
            let place = place(key_at, k.value.span);
            out.push(Condition::new(
                op.clone(),
                k.key.clone(),
                values,
                variables,
                place,
            ));
        }
    }
    out
}

fn is_null_if_exists(raw: &str) -> bool {
    let name = raw.rsplit(':').next().unwrap_or(raw);
    name == "NullIfExists"
}

fn check_value(r: &mut Reader, op: &Operator, t: &Text) {
    let allowed = |lang| {
        if op.test.takes_variables() {
            return Ok(());
        }
        let op = &op.raw;
        Err((
            codes::INVALID_VARIABLE_FOR_OPERATOR,
            say!(lang,
                "`{op}` cannot take policy variables; only string, ARN and Bool operators can. Write the value itself.",
                "`{op}` ではポリシー変数を使用できません。使用できるのは文字列、ARN、Bool の演算子だけです。値そのものを書いてください。"),
        ))
    };
    variables::check(r, t.value, &t.place, &allowed);
    values::check(r, op, t.value, &t.place);
    keys::check_value(r, op, t);
}

/// The members of an object, reporting other types and empty objects. `what` names the object
/// in a language, and is asked only for a finding.
fn object<'j>(
    r: &mut Reader,
    json: &'j Json,
    at: &str,
    what: impl Fn(Lang) -> String,
) -> Option<&'j [crate::json::Member]> {
    let Some(members) = json.members() else {
        let what = what(r.lang);
        let kind = json_kind(json, r.lang);
        let gap = gap(&what);
        let message = say!(
            r.lang,
            "{what} must be an object, but it is {kind}.",
            "{what}{gap}はオブジェクトでなければなりませんが、{kind}です。"
        );
        r.report(codes::WRONG_TYPE, message, &place(at, json.span));
        return None;
    };
    if members.is_empty() {
        let what = what(r.lang);
        let gap = gap(&what);
        let message = say!(
            r.lang,
            "{what} is an empty object and tests nothing: add conditions or remove it.",
            "{what}{gap}が空のオブジェクトのため、何も判定しません。条件を追加するか、削除してください。"
        );
        r.report(
            codes::EMPTY_OBJECT_CONDITION,
            message,
            &place(at, json.span),
        );
    }
    Some(members)
}

/// A key's values: one scalar or an array of scalars; numbers and booleans as their text.
fn condition_values<'j>(r: &mut Reader, json: &'j Json, at: &str, key: &str) -> Vec<Text<'j>> {
    let items: Vec<(&'j Json, String)> = match &json.value {
        Value::Array(items) => {
            if items.is_empty() {
                let message = say!(
                    r.lang,
                    "`{key}` has an empty array of values: add values or remove the key.",
                    "`{key}` の値が空の配列です。値を追加するか、キーを削除してください。"
                );
                r.report(codes::EMPTY_ARRAY_CONDITION, message, &place(at, json.span));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (item, pointer_push(at, i)))
                .collect()
        }
        _ => vec![(json, at.to_string())],
    };
    let mut out = Vec::with_capacity(items.len());
    for (item, pointer) in items {
        let value = match &item.value {
            Value::String(s) => s.as_str(),
            Value::Number(n) => n.as_str(),
            Value::Bool(true) => "true",
            Value::Bool(false) => "false",
            _ => {
                let kind = json_kind(item, r.lang);
                let message = say!(r.lang,
                    "A condition value for `{key}` must be a string, number or boolean, but this one is {kind}.",
                    "`{key}` の条件値は文字列、数値、ブール値のいずれかでなければなりませんが、この値は{kind}です。");
                r.report(codes::WRONG_TYPE, message, &place(pointer, item.span));
                continue;
            }
        };
        out.push(Text {
            value,
            place: place(pointer, item.span),
        });
    }
    out
}
