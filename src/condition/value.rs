//! Policy values compiled once per condition, and the comparison of one request value with one
//! policy value in the operator's positive sense (`StringNotEquals` compares as `StringEquals`;
//! the negation is applied by the caller, semantics notes §6.2).

use std::cmp::Ordering;

use super::arn::{is_arn, ArnGlob};
use super::variables::{parse as parse_pieces, substitute_pieces, substitute_tokens, Piece};
use super::{binary, boolean, date, ip, numeric, string, Family, RequestContext, Test};
use crate::matching::wildcard::{glob_match, tokens_of};
use crate::matching::Wildcard;

/// One policy value, ready to compare.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PolicyValue {
    Text(String),
    Glob(Wildcard),
    Arn(ArnGlob),
    /// A number, checked when compiled and re-read (without allocating) when compared.
    Number(String),
    Date(date::Instant),
    Bool(bool),
    Binary(Vec<u8>),
    Ip(ip::Cidr),
    /// `Null`'s `true` (the key must be absent) or `false`.
    Null(bool),
    /// A value with policy variables, substituted per request.
    Template(Vec<Piece>),
    /// A value the operator cannot read: what it should have been.
    Invalid(Expected),
}

/// What a value should have been, for the sentence that says it is not (written in the
/// explanation's language by `evaluate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expected {
    Number,
    Date,
    Bool,
    Base64,
    /// An IP address (a request value) or an IP address or CIDR range (a policy value).
    Ip,
}

/// Why a policy value cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BadPolicy {
    /// The value as written is not what the operator reads.
    Unreadable(Expected),
    /// A `Bool` value with policy variables resolves to this text, which is not true or false.
    Resolves(String),
}

/// The outcome of comparing one request value with one policy value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Check {
    Yes,
    No,
    /// The request value cannot be read by this operator: what it should have been.
    BadRequest(Expected),
    /// The policy value cannot be read by this operator, and why.
    BadPolicy(BadPolicy),
    /// A policy variable (named) cannot be resolved, so this value matches nothing.
    Unresolved(String),
}

/// The positive operator a negated one is the negation of.
pub(crate) fn base(test: Test) -> Test {
    use Test::*;
    match test {
        StringNotEquals => StringEquals,
        StringNotEqualsIgnoreCase => StringEqualsIgnoreCase,
        StringNotLike => StringLike,
        NumericNotEquals => NumericEquals,
        DateNotEquals => DateEquals,
        NotIpAddress => IpAddress,
        ArnEquals | ArnNotEquals | ArnNotLike => ArnLike,
        t => t,
    }
}

pub(crate) fn compile(test: Test, raw: &str, variables: bool) -> PolicyValue {
    if variables && test.takes_variables() {
        let pieces = parse_pieces(raw);
        if pieces.iter().any(|p| !matches!(p, Piece::Text(_))) {
            return PolicyValue::Template(pieces);
        }
    }
    let invalid = PolicyValue::Invalid;
    match base(test) {
        Test::StringLike => PolicyValue::Glob(Wildcard::new(raw)),
        Test::ArnLike => PolicyValue::Arn(ArnGlob::new(&tokens_of(raw))),
        _ => match test.family() {
            Family::String => PolicyValue::Text(raw.to_string()),
            Family::Numeric => match numeric::parse(raw) {
                Some(_) => PolicyValue::Number(raw.to_string()),
                None => invalid(Expected::Number),
            },
            Family::Date => {
                date::parse(raw).map_or_else(|| invalid(Expected::Date), PolicyValue::Date)
            }
            Family::Bool => {
                boolean::parse(raw).map_or_else(|| invalid(Expected::Bool), PolicyValue::Bool)
            }
            Family::Binary => {
                binary::decode(raw).map_or_else(|| invalid(Expected::Base64), PolicyValue::Binary)
            }
            Family::Ip => {
                ip::parse_cidr(raw).map_or_else(|| invalid(Expected::Ip), PolicyValue::Ip)
            }
            Family::Null => {
                boolean::parse(raw).map_or_else(|| invalid(Expected::Bool), PolicyValue::Null)
            }
            Family::Arn => PolicyValue::Arn(ArnGlob::new(&tokens_of(raw))),
        },
    }
}

fn yes(b: bool) -> Check {
    if b {
        Check::Yes
    } else {
        Check::No
    }
}

/// Compares `request` with `policy` in the positive sense of `test`.
pub(crate) fn check(
    test: Test,
    policy: &PolicyValue,
    request: &str,
    context: &RequestContext,
) -> Check {
    let test = base(test);
    match policy {
        PolicyValue::Invalid(expected) => Check::BadPolicy(BadPolicy::Unreadable(*expected)),
        PolicyValue::Template(pieces) => check_template(test, pieces, request, context),
        PolicyValue::Text(text) => check_text(test, text, request),
        PolicyValue::Glob(glob) => yes(glob.matches(request)),
        PolicyValue::Arn(glob) => yes(is_arn(request) && glob.matches(request)),
        PolicyValue::Number(text) => match (numeric::parse(text), numeric::parse(request)) {
            (Some(p), Some(r)) => yes(ordered(test, r.compare(&p))),
            _ => Check::BadRequest(Expected::Number),
        },
        PolicyValue::Date(p) => match date::parse(request) {
            Some(r) => yes(ordered(test, r.cmp(p))),
            None => Check::BadRequest(Expected::Date),
        },
        PolicyValue::Bool(p) => match boolean::parse(request) {
            Some(r) => yes(r == *p),
            None => Check::BadRequest(Expected::Bool),
        },
        PolicyValue::Binary(p) => match binary::decode(request) {
            Some(r) => yes(r == *p),
            None => Check::BadRequest(Expected::Base64),
        },
        PolicyValue::Ip(cidr) => match ip::parse_address(request) {
            Some(r) => yes(cidr.contains(r)),
            None => Check::BadRequest(Expected::Ip),
        },
        PolicyValue::Null(_) => Check::No,
    }
}

fn check_text(test: Test, text: &str, request: &str) -> Check {
    match test {
        Test::StringEqualsIgnoreCase => yes(string::equals_ignore_case(text, request)),
        _ => yes(text == request),
    }
}

/// Whether `request.cmp(policy)` satisfies a numeric or date operator.
fn ordered(test: Test, ordering: Ordering) -> bool {
    use Test::*;
    match test {
        NumericLessThan | DateLessThan => ordering == Ordering::Less,
        NumericLessThanEquals | DateLessThanEquals => ordering != Ordering::Greater,
        NumericGreaterThan | DateGreaterThan => ordering == Ordering::Greater,
        NumericGreaterThanEquals | DateGreaterThanEquals => ordering != Ordering::Less,
        _ => ordering == Ordering::Equal,
    }
}

/// Substitutes the variables of a string, ARN or `Bool` value, then compares. In `Like` and ARN
/// values the substituted text is literal: only the `*` and `?` written in the policy are
/// wildcards.
fn check_template(test: Test, pieces: &[Piece], request: &str, context: &RequestContext) -> Check {
    let unresolved = || {
        let key = super::variables::unresolved(pieces, context).unwrap_or_default();
        Check::Unresolved(key.to_string())
    };
    match test {
        Test::StringLike => match substitute_tokens(pieces, context) {
            Some(tokens) => yes(glob_match(&tokens, request, false)),
            None => unresolved(),
        },
        Test::ArnLike => match substitute_tokens(pieces, context) {
            Some(tokens) => yes(is_arn(request) && ArnGlob::new(&tokens).matches(request)),
            None => unresolved(),
        },
        _ => match substitute_pieces(pieces, context) {
            Some(text) if test == Test::Bool => match boolean::parse(&text) {
                Some(p) => check(test, &PolicyValue::Bool(p), request, context),
                None => Check::BadPolicy(BadPolicy::Resolves(text)),
            },
            Some(text) => check_text(test, &text, request),
            None => unresolved(),
        },
    }
}
