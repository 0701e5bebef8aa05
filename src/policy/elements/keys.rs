//! Checks on condition keys: set qualifiers against single- and multivalued keys, and
//! wildcards given to operators that do not take them.
//!
//! Sources: IAM User Guide, "Multivalued context keys" and "AWS global condition context keys"
//! (semantics notes §3.3, §6.2); Access Analyzer policy check reference ("ForAllValues with
//! single valued key", "Missing qualifier", "Wildcard without like operator").

use crate::condition::{Operator, SetQualifier, Test};
use crate::lang::say;
use crate::policy::codes;
use crate::policy::reader::{Reader, Text};
use crate::policy::Place;

/// Keys whose value is a set (lower case: key names are case-insensitive).
const MULTIVALUED: &[&str] = &[
    "aws:tagkeys",
    "aws:principalorgpaths",
    "aws:resourceorgpaths",
    "aws:calledvia",
    "aws:principalservicenameslist",
    "sts:transitivetagkeys",
    "cognito-identity.amazonaws.com:amr",
];

/// Global keys known to carry one value (lower case).
const SINGLE_VALUED: &[&str] = &[
    "aws:principalarn",
    "aws:principalaccount",
    "aws:principalorgid",
    "aws:principaltype",
    "aws:principalisawsservice",
    "aws:principalservicename",
    "aws:userid",
    "aws:username",
    "aws:sourceip",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:vpcsourceip",
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourceorgid",
    "aws:currenttime",
    "aws:epochtime",
    "aws:multifactorauthpresent",
    "aws:multifactorauthage",
    "aws:securetransport",
    "aws:requestedregion",
    "aws:viaawsservice",
    "aws:calledviafirst",
    "aws:calledvialast",
    "aws:resourceaccount",
    "aws:resourceorgid",
    "aws:tokenissuetime",
    "aws:sourceidentity",
    "aws:federatedprovider",
    "aws:referer",
    "aws:useragent",
    "sts:externalid",
    "sts:rolesessionname",
    "sts:sourceidentity",
];

const SINGLE_VALUED_PREFIXES: &[&str] =
    &["aws:requesttag/", "aws:resourcetag/", "aws:principaltag/"];

pub(crate) fn is_multivalued(key: &str) -> bool {
    MULTIVALUED.contains(&key.to_ascii_lowercase().as_str())
}

fn is_single_valued(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SINGLE_VALUED.contains(&key.as_str())
        || SINGLE_VALUED_PREFIXES.iter().any(|p| key.starts_with(p))
}

pub(crate) fn check_key(r: &mut Reader, op: &Operator, key: &str, at: &Place) {
    if is_multivalued(key) && op.qualifier.is_none() && op.test != Test::Null {
        let op = &op.raw;
        let message = say!(r.lang,
            "`{key}` can carry several values, and `{op}` without a set qualifier matches no request that sends the key: write `ForAnyValue:{op}` (any value matches) or `ForAllValues:{op}` (every value matches).",
            "`{key}` は複数の値を持つことがあり、集合演算子のない `{op}` は、このキーを送るどのリクエストにも一致しません。`ForAnyValue:{op}` (いずれかの値が一致) または `ForAllValues:{op}` (すべての値が一致) と書いてください。");
        r.report(codes::MISSING_QUALIFIER, message, at);
    }
    if op.qualifier == Some(SetQualifier::ForAllValues) && is_single_valued(key) {
        let op = &op.raw;
        let message = say!(r.lang,
            "`ForAllValues` with the single-valued key `{key}` is also true when the key is absent from the request, which can allow more than intended: drop `ForAllValues:` from `{op}`.",
            "単一値のキー `{key}` に `ForAllValues` を使うと、キーがリクエストにない場合にも true になり、意図したより多くを許可するおそれがあります。`{op}` から `ForAllValues:` を削除してください。");
        r.report(codes::FORALLVALUES_WITH_SINGLE_VALUED_KEY, message, at);
    }
}

pub(crate) fn check_value(r: &mut Reader, op: &Operator, t: &Text) {
    use Test::*;
    let exact = matches!(
        op.test,
        StringEquals | StringNotEquals | StringEqualsIgnoreCase | StringNotEqualsIgnoreCase
    );
    let literal = t.value.replace("${*}", "").replace("${?}", "");
    if exact && (literal.contains('*') || literal.contains('?')) {
        let like = if op.test.is_negated() {
            "StringNotLike"
        } else {
            "StringLike"
        };
        let (op, value) = (&op.raw, t.value);
        let message = say!(r.lang,
            "`{op}` compares `{value}` literally, so `*` and `?` are not wildcards here: use `{like}` if you meant a pattern.",
            "`{op}` は `{value}` を文字どおりに比較するため、ここでの `*` と `?` はワイルドカードではありません。パターンのつもりなら `{like}` を使用してください。");
        r.report(codes::WILDCARD_WITHOUT_LIKE_OPERATOR, message, &t.place);
    }
}
