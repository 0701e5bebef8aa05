//! Evaluating one condition: missing keys, `IfExists`, set qualifiers, OR and NOR across values.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", "Creating a condition
//! with multiple context keys or values" and "Multivalued context keys" (semantics notes §6.2):
//! values of one key are alternatives (OR), or must all fail (NOR) for negated operators; a
//! missing key fails non-negated operators and satisfies negated ones and `...IfExists`;
//! `ForAllValues` holds for an absent or empty set and `ForAnyValue` does not.

use super::value::{base, check, Check, PolicyValue};
use super::{Condition, ConditionOutcome, ContextValue, RequestContext, SetQualifier, Test};

/// How one request value fares against all the policy values.
struct Verdict {
    /// Whether the value satisfies the operator (negation applied).
    passes: bool,
    /// "which is not in 203.0.113.0/24".
    clause: String,
}

pub(super) fn evaluate(c: &Condition, context: &RequestContext) -> ConditionOutcome {
    let entry = context.get(&c.key);
    let values: &[String] = entry.map_or(&[], ContextValue::values);
    if c.operator.test == Test::Null {
        return null(c, !values.is_empty());
    }
    if values.is_empty() {
        return absent(c, entry.is_some());
    }
    let multi = matches!(entry, Some(ContextValue::Multi(_)));
    match (c.operator.qualifier, multi) {
        (Some(SetQualifier::ForAllValues), _) => for_all(c, values, context),
        // A multivalued key under a plain operator is read as `ForAnyValue`
        // [UNVERIFIED: AWS documents only that the set operators should be used].
        (Some(SetQualifier::ForAnyValue), _) | (None, true) => for_any(c, values, context),
        (None, false) => single(c, values, context),
    }
}

fn outcome(matched: bool, reason: String) -> ConditionOutcome {
    ConditionOutcome { matched, reason }
}

fn verb(c: &Condition, matched: bool) -> String {
    let op = &c.operator.raw;
    if matched {
        format!("so {op} matches")
    } else {
        format!("so {op} does not match")
    }
}

fn absent(c: &Condition, has_entry: bool) -> ConditionOutcome {
    let key = &c.key;
    let missing = if has_entry {
        format!("{key} has no values in the request")
    } else {
        format!("{key} is absent from the request")
    };
    let (matched, why) = if c.operator.if_exists {
        (true, ", and IfExists matches a missing key")
    } else if c.operator.qualifier == Some(SetQualifier::ForAllValues) {
        (true, ", and ForAllValues matches when there are no values")
    } else if c.operator.qualifier == Some(SetQualifier::ForAnyValue) {
        (false, ", and ForAnyValue needs at least one value")
    } else if c.operator.is_negated() {
        (true, ", and a negated operator matches a missing key")
    } else {
        (false, "")
    };
    outcome(matched, format!("{missing}{why}, {}", verb(c, matched)))
}

/// `Null`: `true` requires the key to be absent, `false` requires it present.
fn null(c: &Condition, present: bool) -> ConditionOutcome {
    let state = if present { "present in" } else { "absent from" };
    for (value, raw) in c.compiled.iter().zip(&c.values) {
        match value {
            PolicyValue::Null(want_absent) if *want_absent != present => {
                let reason = format!("{} is {state} the request, so Null {raw} matches", c.key);
                return outcome(true, reason);
            }
            PolicyValue::Invalid(why) => {
                return outcome(
                    false,
                    format!("{why} (testing {}), so Null does not match", c.key),
                );
            }
            _ => {}
        }
    }
    let reason = format!(
        "{} is {state} the request, so Null {} does not match",
        c.key,
        c.values.join(", ")
    );
    outcome(false, reason)
}

fn single(c: &Condition, values: &[String], context: &RequestContext) -> ConditionOutcome {
    let value = values.first().map_or("", String::as_str);
    match judge(c, value, context) {
        Ok(v) => outcome(
            v.passes,
            format!(
                "{} is {value}, which {}, {}",
                c.key,
                v.clause,
                verb(c, v.passes)
            ),
        ),
        Err(why) => outcome(
            false,
            format!("{} is {value}, {why}, {}", c.key, verb(c, false)),
        ),
    }
}

fn for_all(c: &Condition, values: &[String], context: &RequestContext) -> ConditionOutcome {
    for value in values {
        match judge(c, value, context) {
            Ok(v) if v.passes => {}
            Ok(v) => {
                let reason = format!(
                    "{} has the value {value}, which {}, {}",
                    c.key,
                    v.clause,
                    verb(c, false)
                );
                return outcome(false, reason);
            }
            Err(why) => {
                return outcome(
                    false,
                    format!("{} has the value {value}, {why}, {}", c.key, verb(c, false)),
                );
            }
        }
    }
    let reason = format!(
        "every value of {} ({}) satisfies {} {}, {}",
        c.key,
        values.join(", "),
        c.operator.test.name(),
        c.values.join(", "),
        verb(c, true)
    );
    outcome(true, reason)
}

fn for_any(c: &Condition, values: &[String], context: &RequestContext) -> ConditionOutcome {
    for value in values {
        match judge(c, value, context) {
            Ok(v) if v.passes => {
                let reason = format!(
                    "{} has the value {value}, which {}, {}",
                    c.key,
                    v.clause,
                    verb(c, true)
                );
                return outcome(true, reason);
            }
            Ok(_) => {}
            Err(why) => {
                return outcome(
                    false,
                    format!("{} has the value {value}, {why}, {}", c.key, verb(c, false)),
                );
            }
        }
    }
    let reason = format!(
        "no value of {} ({}) satisfies {} {}, {}",
        c.key,
        values.join(", "),
        c.operator.test.name(),
        c.values.join(", "),
        verb(c, false)
    );
    outcome(false, reason)
}

/// Compares one request value with every policy value: OR in the positive sense, then the
/// negation for negated operators (which makes it NOR). `Err` says why the comparison could not
/// be made ("which is not a number").
fn judge(c: &Condition, value: &str, context: &RequestContext) -> Result<Verdict, String> {
    let test = c.operator.test;
    let mut unresolved: Option<String> = None;
    for (policy, raw) in c.compiled.iter().zip(&c.values) {
        // Thousands of policy values against thousands of request values: the request's time
        // limit is checked per comparison (its result is replaced by an error).
        if context.out_of_time() {
            return Err("but the request ran out of time".into());
        }
        match check(test, policy, value, context) {
            Check::Yes => {
                let (positive, _) = relation(base(test));
                return Ok(Verdict {
                    passes: !test.is_negated(),
                    clause: format!("{positive} {raw}"),
                });
            }
            Check::No => {}
            Check::Unresolved(key) => unresolved = unresolved.or(Some(key)),
            Check::BadRequest(why) => return Err(format!("which {why}")),
            Check::BadPolicy(why) => return Err(format!("but {why}")),
        }
    }
    let (_, negative) = relation(base(test));
    let list = match c.values.as_slice() {
        [one] => one.clone(),
        many => format!("any of {}", many.join(", ")),
    };
    let mut clause = format!("{negative} {list}");
    if let Some(key) = unresolved {
        clause.push_str(&format!(
            " (the policy variable ${{{key}}} cannot be resolved from the request, so its value matches nothing)"
        ));
    }
    Ok(Verdict {
        passes: test.is_negated(),
        clause,
    })
}

/// How a reason states that a value does, or does not, satisfy a positive operator.
fn relation(test: Test) -> (&'static str, &'static str) {
    use Test::*;
    match test {
        StringEqualsIgnoreCase => (
            "equals, ignoring case,",
            "does not equal, even ignoring case,",
        ),
        StringLike | ArnLike => ("matches", "does not match"),
        NumericLessThan => ("is less than", "is not less than"),
        NumericLessThanEquals => ("is at most", "is more than"),
        NumericGreaterThan => ("is more than", "is not more than"),
        NumericGreaterThanEquals => ("is at least", "is less than"),
        DateEquals => ("is the same instant as", "is not the same instant as"),
        DateLessThan => ("is before", "is not before"),
        DateLessThanEquals => ("is at or before", "is after"),
        DateGreaterThan => ("is after", "is not after"),
        DateGreaterThanEquals => ("is at or after", "is before"),
        Bool => ("is", "is not"),
        IpAddress => ("is in", "is not in"),
        _ => ("equals", "does not equal"),
    }
}
