//! Evaluating one condition: missing keys, `IfExists`, set qualifiers, OR and NOR across values.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", "Creating a condition
//! with multiple context keys or values" and "Multivalued context keys" (semantics notes §6.2):
//! values of one key are alternatives (OR), or must all fail (NOR) for negated operators; a
//! missing key fails non-negated operators and satisfies negated ones and `...IfExists`;
//! `ForAllValues` holds for an absent or empty set and `ForAnyValue` does not.

use crate::lang::{say, Lang};

use super::value::{base, check, BadPolicy, Check, Expected, PolicyValue};
use super::{Condition, ConditionOutcome, ContextValue, RequestContext, SetQualifier, Test};

/// How one request value fares against all the policy values.
struct Verdict {
    /// Whether the value satisfies the operator (negation applied).
    passes: bool,
    /// "which is not in 203.0.113.0/24" ("203.0.113.0/24 の範囲内にない").
    clause: String,
}

/// `explain`: whether the reason is written. A brief explanation shows no conditions, so it asks
/// only whether they hold; the common cases (a value compared, a set judged) then skip their
/// sentences, while rarer ones (missing keys, `Null`) are written regardless.
pub(super) fn evaluate(
    c: &Condition,
    context: &RequestContext,
    lang: Lang,
    explain: bool,
) -> ConditionOutcome {
    let entry = context.get(&c.key);
    let values: &[String] = entry.map_or(&[], ContextValue::values);
    if c.operator.test == Test::Null {
        return null(c, !values.is_empty(), lang);
    }
    if values.is_empty() {
        return absent(c, entry.is_some(), lang);
    }
    let multi = matches!(entry, Some(ContextValue::Multi(_)));
    match (c.operator.qualifier, multi) {
        (Some(SetQualifier::ForAllValues), _) => for_all(c, values, context, lang, explain),
        (Some(SetQualifier::ForAnyValue), _) => for_any(c, values, context, lang, explain),
        (None, true) => unqualified_set(c, values, lang),
        (None, false) => single(c, values, context, lang, explain),
    }
}

fn outcome(matched: bool, reason: String) -> ConditionOutcome {
    ConditionOutcome { matched, reason }
}

/// "so StringEquals matches" ("StringEquals は一致します").
fn verb(c: &Condition, matched: bool, lang: Lang) -> String {
    let op = &c.operator.raw;
    // Joined rather than formatted: every condition of every statement evaluated says it.
    match (matched, lang) {
        (true, Lang::En) => ["so ", op, " matches"].concat(),
        (false, Lang::En) => ["so ", op, " does not match"].concat(),
        (true, Lang::Ja) => [op, " は一致します"].concat(),
        (false, Lang::Ja) => [op, " は一致しません"].concat(),
    }
}

fn absent(c: &Condition, has_entry: bool, lang: Lang) -> ConditionOutcome {
    let key = &c.key;
    let missing = if has_entry {
        say!(
            lang,
            "{key} has no values in the request",
            "{key} はリクエストにありますが、値がありません"
        )
    } else {
        say!(
            lang,
            "{key} is absent from the request",
            "{key} はリクエストに含まれていません"
        )
    };
    let (matched, why) = if c.operator.if_exists {
        (
            true,
            lang.pick(
                ", and IfExists matches a missing key",
                "IfExists は存在しないキーに一致するため、",
            ),
        )
    } else if c.operator.qualifier == Some(SetQualifier::ForAllValues) {
        (
            true,
            lang.pick(
                ", and ForAllValues matches when there are no values",
                "ForAllValues は値がない場合に一致するため、",
            ),
        )
    } else if c.operator.qualifier == Some(SetQualifier::ForAnyValue) {
        (
            false,
            lang.pick(
                ", and ForAnyValue needs at least one value",
                "ForAnyValue には少なくとも 1 つの値が必要なため、",
            ),
        )
    } else if c.operator.is_negated() {
        (
            true,
            lang.pick(
                ", and a negated operator matches a missing key",
                "否定の演算子は存在しないキーに一致するため、",
            ),
        )
    } else {
        (false, lang.pick("", "そのため、"))
    };
    let verb = verb(c, matched, lang);
    outcome(
        matched,
        say!(lang, "{missing}{why}, {verb}", "{missing}。{why}{verb}"),
    )
}

/// `Null`: `true` requires the key to be absent, `false` requires it present.
fn null(c: &Condition, present: bool, lang: Lang) -> ConditionOutcome {
    let key = &c.key;
    let state = match (present, lang) {
        (true, Lang::En) => "present in",
        (false, Lang::En) => "absent from",
        (true, Lang::Ja) => "含まれている",
        (false, Lang::Ja) => "含まれていない",
    };
    for (value, raw) in c.compiled.iter().zip(&c.values) {
        match value {
            PolicyValue::Null(want_absent) if *want_absent != present => {
                let reason = say!(
                    lang,
                    "{key} is {state} the request, so Null {raw} matches",
                    "{key} はリクエストに{state}ため、Null {raw} は一致します"
                );
                return outcome(true, reason);
            }
            PolicyValue::Invalid(expected) => {
                let why = policy_not(*expected, raw, lang);
                return outcome(
                    false,
                    say!(
                        lang,
                        "{why} (testing {key}), so Null does not match",
                        "{why} ({key} の判定)。そのため、Null は一致しません"
                    ),
                );
            }
            _ => {}
        }
    }
    let values = c.values.join(", ");
    let reason = say!(
        lang,
        "{key} is {state} the request, so Null {values} does not match",
        "{key} はリクエストに{state}ため、Null {values} は一致しません"
    );
    outcome(false, reason)
}

fn single(
    c: &Condition,
    values: &[String],
    context: &RequestContext,
    lang: Lang,
    explain: bool,
) -> ConditionOutcome {
    let key = &c.key;
    let value = values.first().map_or("", String::as_str);
    match judge(c, value, context, lang, explain) {
        Ok(v) if !explain => outcome(v.passes, String::new()),
        Err(_) if !explain => outcome(false, String::new()),
        Ok(v) => {
            let (clause, verb) = (v.clause, verb(c, v.passes, lang));
            outcome(
                v.passes,
                say!(
                    lang,
                    "{key} is {value}, which {clause}, {verb}",
                    "{key} の値は {value} で、{clause}ため、{verb}"
                ),
            )
        }
        Err(why) => {
            let verb = verb(c, false, lang);
            outcome(
                false,
                say!(
                    lang,
                    "{key} is {value}, {why}, {verb}",
                    "{key} の値は {value} ですが、{why}。そのため、{verb}"
                ),
            )
        }
    }
}

/// One value of a multivalued key that decides a set operator.
fn has_value(
    c: &Condition,
    value: &str,
    judged: Result<Verdict, String>,
    lang: Lang,
    explain: bool,
) -> String {
    let key = &c.key;
    match judged {
        _ if !explain => String::new(),
        Ok(v) => {
            let (clause, verb) = (v.clause, verb(c, v.passes, lang));
            say!(
                lang,
                "{key} has the value {value}, which {clause}, {verb}",
                "{key} には値 {value} があり、{clause}ため、{verb}"
            )
        }
        Err(why) => {
            let verb = verb(c, false, lang);
            say!(
                lang,
                "{key} has the value {value}, {why}, {verb}",
                "{key} には値 {value} がありますが、{why}。そのため、{verb}"
            )
        }
    }
}

fn for_all(
    c: &Condition,
    values: &[String],
    context: &RequestContext,
    lang: Lang,
    explain: bool,
) -> ConditionOutcome {
    for value in values {
        match judge(c, value, context, lang, explain) {
            Ok(v) if v.passes => {}
            judged => return outcome(false, has_value(c, value, judged, lang, explain)),
        }
    }
    if !explain {
        return outcome(true, String::new());
    }
    let (key, test, verb) = (&c.key, c.operator.test.name(), verb(c, true, lang));
    let (values, policy) = (values.join(", "), c.values.join(", "));
    let reason = say!(
        lang,
        "every value of {key} ({values}) satisfies {test} {policy}, {verb}",
        "{key} のすべての値 ({values}) が {test} {policy} を満たすため、{verb}"
    );
    outcome(true, reason)
}

fn for_any(
    c: &Condition,
    values: &[String],
    context: &RequestContext,
    lang: Lang,
    explain: bool,
) -> ConditionOutcome {
    for value in values {
        match judge(c, value, context, lang, explain) {
            Ok(v) if v.passes => return outcome(true, has_value(c, value, Ok(v), lang, explain)),
            Ok(_) => {}
            judged => return outcome(false, has_value(c, value, judged, lang, explain)),
        }
    }
    if !explain {
        return outcome(false, String::new());
    }
    let (key, test, verb) = (&c.key, c.operator.test.name(), verb(c, false, lang));
    let (values, policy) = (values.join(", "), c.values.join(", "));
    let reason = say!(
        lang,
        "no value of {key} ({values}) satisfies {test} {policy}, {verb}",
        "{key} の値 ({values}) のいずれも {test} {policy} を満たさないため、{verb}"
    );
    outcome(false, reason)
}

/// A plain operator given a multivalued value does not match, whatever the values: "Multivalued
/// context keys require a condition set operator" (IAM User Guide, "Single-valued vs.
/// multivalued context keys"). AWS does not document the outcome; a `StringEquals` on
/// `aws:CalledVia` has been reported to deny a call that `ForAnyValue:StringEquals` allows, with
/// one service in the list [COMMUNITY].
fn unqualified_set(c: &Condition, values: &[String], lang: Lang) -> ConditionOutcome {
    let (key, op, verb) = (&c.key, &c.operator.raw, verb(c, false, lang));
    let values = values.join(", ");
    let reason = say!(
        lang,
        "{key} is multivalued in the request ({values}), and {op} without ForAnyValue or ForAllValues compares single values only, {verb}",
        "{key} はリクエストで複数値 ({values}) です。ForAnyValue も ForAllValues もない {op} は単一の値しか比較しないため、{verb}"
    );
    outcome(false, reason)
}

/// Compares one request value with every policy value: OR in the positive sense, then the
/// negation for negated operators (which makes it NOR). `Err` says why the comparison could not
/// be made ("which is not a number").
fn judge(
    c: &Condition,
    value: &str,
    context: &RequestContext,
    lang: Lang,
    explain: bool,
) -> Result<Verdict, String> {
    let test = c.operator.test;
    let relation = relation(base(test), lang);
    let mut unresolved: Option<String> = None;
    for (policy, raw) in c.compiled.iter().zip(&c.values) {
        // Thousands of policy values against thousands of request values: the request's time
        // limit is checked per comparison (its result is replaced by an error).
        if context.out_of_time() {
            return Err(say!(
                lang,
                "but the request ran out of time",
                "リクエストの制限時間を超えました"
            ));
        }
        match check(test, policy, value, context) {
            Check::Yes => {
                let positive = relation.positive;
                return Ok(Verdict {
                    passes: !test.is_negated(),
                    clause: match lang {
                        _ if !explain => String::new(),
                        Lang::En => [positive, " ", raw].concat(),
                        Lang::Ja => [raw, " ", positive].concat(),
                    },
                });
            }
            Check::No => {}
            Check::Unresolved(key) => unresolved = unresolved.or(Some(key)),
            Check::BadRequest(expected) => return Err(request_not(expected, lang).to_string()),
            Check::BadPolicy(BadPolicy::Unreadable(expected)) => {
                return Err(match lang {
                    Lang::En => format!("but {}", policy_not(expected, raw, lang)),
                    Lang::Ja => policy_not(expected, raw, lang),
                });
            }
            Check::BadPolicy(BadPolicy::Resolves(text)) => {
                return Err(say!(
                    lang,
                    "but the policy value resolves to `{text}`, which is not true or false",
                    "ポリシーの値は `{text}` に解決され、true または false ではありません"
                ));
            }
        }
    }
    if !explain {
        return Ok(Verdict {
            passes: test.is_negated(),
            clause: String::new(),
        });
    }
    let mut clause = match (c.values.as_slice(), lang) {
        ([one], _) => say!(lang, "{} {one}", "{one} {}", relation.negative),
        (many, Lang::En) => format!("{} any of {}", relation.negative, many.join(", ")),
        (many, Lang::Ja) => format!("{} {}", many.join(", "), relation.negative_any),
    };
    if let Some(key) = unresolved {
        clause.push_str(&say!(
            lang,
            " (the policy variable ${{{key}}} cannot be resolved from the request, so its value matches nothing)",
            " (ポリシー変数 ${{{key}}} をリクエストから解決できないため、その値は何にも一致しない)"
        ));
    }
    Ok(Verdict {
        passes: test.is_negated(),
        clause,
    })
}

/// Why a request value cannot be read: "which is not a number" ("これは数値ではありません").
fn request_not(expected: Expected, lang: Lang) -> &'static str {
    match expected {
        Expected::Number => lang.pick("which is not a number", "これは数値ではありません"),
        Expected::Date => lang.pick(
            "which is not a date (W3C ISO 8601 such as 2024-01-31T12:00:00Z, or epoch seconds)",
            "これは日付ではありません (2024-01-31T12:00:00Z のような W3C ISO 8601 形式か、エポック秒で指定します)",
        ),
        Expected::Bool => lang.pick(
            "which is not true or false",
            "これは true でも false でもありません",
        ),
        Expected::Base64 => lang.pick("which is not base64", "これは base64 ではありません"),
        Expected::Ip => lang.pick(
            "which is not an IP address",
            "これは IP アドレスではありません",
        ),
    }
}

/// Why a policy value cannot be read: "the policy value `x` is not a number".
fn policy_not(expected: Expected, raw: &str, lang: Lang) -> String {
    match expected {
        Expected::Number => say!(
            lang,
            "the policy value `{raw}` is not a number",
            "ポリシーの値 `{raw}` は数値ではありません"
        ),
        Expected::Date => say!(
            lang,
            "the policy value `{raw}` is not a date",
            "ポリシーの値 `{raw}` は日付ではありません"
        ),
        Expected::Bool => say!(
            lang,
            "the policy value `{raw}` is not true or false",
            "ポリシーの値 `{raw}` は true でも false でもありません"
        ),
        Expected::Base64 => say!(
            lang,
            "the policy value `{raw}` is not base64",
            "ポリシーの値 `{raw}` は base64 ではありません"
        ),
        Expected::Ip => say!(
            lang,
            "the policy value `{raw}` is not an IP address or CIDR range",
            "ポリシーの値 `{raw}` は IP アドレスでも CIDR 範囲でもありません"
        ),
    }
}

/// How a reason states that a value does, or does not, satisfy a positive operator. English
/// puts the phrase before the policy value ("is not in 203.0.113.0/24"), Japanese after it
/// ("203.0.113.0/24 の範囲内にない"); `negative_any` follows a list of values in Japanese.
struct Relation {
    positive: &'static str,
    negative: &'static str,
    negative_any: &'static str,
}

fn relation(test: Test, lang: Lang) -> Relation {
    use Test::*;
    let (positive, negative, negative_any) = match (test, lang) {
        (StringEqualsIgnoreCase, Lang::En) => (
            "equals, ignoring case,",
            "does not equal, even ignoring case,",
            "",
        ),
        (StringEqualsIgnoreCase, Lang::Ja) => (
            "と大文字と小文字を区別せずに等しい",
            "と大文字と小文字を区別しなくても等しくない",
            "のいずれとも、大文字と小文字を区別しなくても等しくない",
        ),
        (StringLike | ArnLike, Lang::En) => ("matches", "does not match", ""),
        (StringLike | ArnLike, Lang::Ja) => {
            ("に一致する", "に一致しない", "のいずれにも一致しない")
        }
        (NumericLessThan, Lang::En) => ("is less than", "is not less than", ""),
        (NumericLessThan, Lang::Ja) => ("より小さい", "より小さくない", "のいずれよりも小さくない"),
        (NumericLessThanEquals, Lang::En) => ("is at most", "is more than", ""),
        (NumericLessThanEquals, Lang::Ja) => ("以下である", "より大きい", "のいずれよりも大きい"),
        (NumericGreaterThan, Lang::En) => ("is more than", "is not more than", ""),
        (NumericGreaterThan, Lang::Ja) => {
            ("より大きい", "より大きくない", "のいずれよりも大きくない")
        }
        (NumericGreaterThanEquals, Lang::En) => ("is at least", "is less than", ""),
        (NumericGreaterThanEquals, Lang::Ja) => {
            ("以上である", "より小さい", "のいずれよりも小さい")
        }
        (DateEquals, Lang::En) => ("is the same instant as", "is not the same instant as", ""),
        (DateEquals, Lang::Ja) => (
            "と同じ時刻である",
            "と同じ時刻ではない",
            "のいずれとも同じ時刻ではない",
        ),
        (DateLessThan, Lang::En) => ("is before", "is not before", ""),
        (DateLessThan, Lang::Ja) => ("より前である", "より前ではない", "のいずれよりも前ではない"),
        (DateLessThanEquals, Lang::En) => ("is at or before", "is after", ""),
        (DateLessThanEquals, Lang::Ja) => (
            "と同時かそれより前である",
            "より後である",
            "のいずれよりも後である",
        ),
        (DateGreaterThan, Lang::En) => ("is after", "is not after", ""),
        (DateGreaterThan, Lang::Ja) => {
            ("より後である", "より後ではない", "のいずれよりも後ではない")
        }
        (DateGreaterThanEquals, Lang::En) => ("is at or after", "is before", ""),
        (DateGreaterThanEquals, Lang::Ja) => (
            "と同時かそれより後である",
            "より前である",
            "のいずれよりも前である",
        ),
        (Bool, Lang::Ja) => ("と等しい", "と等しくない", "のいずれとも等しくない"),
        (IpAddress, Lang::En) => ("is in", "is not in", ""),
        (IpAddress, Lang::Ja) => (
            "の範囲内にある",
            "の範囲内にない",
            "のいずれの範囲内にもない",
        ),
        (_, Lang::En) => ("equals", "does not equal", ""),
        (_, Lang::Ja) => ("と等しい", "と等しくない", "のいずれとも等しくない"),
    };
    Relation {
        positive,
        negative,
        negative_any,
    }
}
