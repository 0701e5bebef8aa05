//! Condition operators: each one a small value that says its family, whether it is negated,
//! whether it takes wildcards and policy variables, and its `IfExists` and set qualifiers.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators" and "Multivalued
//! context keys" (see shared/docs/aws-iam-sts-semantics.md §6.1).

use crate::lang::{say, Lang};

/// The operator families of the IAM User Guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

/// What an operator compares, independent of its qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Test {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

const TESTS: &[(&str, Test)] = &[
    ("StringEquals", Test::StringEquals),
    ("StringNotEquals", Test::StringNotEquals),
    ("StringEqualsIgnoreCase", Test::StringEqualsIgnoreCase),
    ("StringNotEqualsIgnoreCase", Test::StringNotEqualsIgnoreCase),
    ("StringLike", Test::StringLike),
    ("StringNotLike", Test::StringNotLike),
    ("NumericEquals", Test::NumericEquals),
    ("NumericNotEquals", Test::NumericNotEquals),
    ("NumericLessThan", Test::NumericLessThan),
    ("NumericLessThanEquals", Test::NumericLessThanEquals),
    ("NumericGreaterThan", Test::NumericGreaterThan),
    ("NumericGreaterThanEquals", Test::NumericGreaterThanEquals),
    ("DateEquals", Test::DateEquals),
    ("DateNotEquals", Test::DateNotEquals),
    ("DateLessThan", Test::DateLessThan),
    ("DateLessThanEquals", Test::DateLessThanEquals),
    ("DateGreaterThan", Test::DateGreaterThan),
    ("DateGreaterThanEquals", Test::DateGreaterThanEquals),
    ("Bool", Test::Bool),
    ("BinaryEquals", Test::BinaryEquals),
    ("IpAddress", Test::IpAddress),
    ("NotIpAddress", Test::NotIpAddress),
    ("ArnEquals", Test::ArnEquals),
    ("ArnLike", Test::ArnLike),
    ("ArnNotEquals", Test::ArnNotEquals),
    ("ArnNotLike", Test::ArnNotLike),
    ("Null", Test::Null),
];

impl Test {
    pub fn name(self) -> &'static str {
        TESTS
            .iter()
            .find(|(_, t)| *t == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }

    pub fn family(self) -> Family {
        use Test::*;
        match self {
            StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike => Family::String,
            NumericEquals
            | NumericNotEquals
            | NumericLessThan
            | NumericLessThanEquals
            | NumericGreaterThan
            | NumericGreaterThanEquals => Family::Numeric,
            DateEquals
            | DateNotEquals
            | DateLessThan
            | DateLessThanEquals
            | DateGreaterThan
            | DateGreaterThanEquals => Family::Date,
            Bool => Family::Bool,
            BinaryEquals => Family::Binary,
            IpAddress | NotIpAddress => Family::Ip,
            ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => Family::Arn,
            Null => Family::Null,
        }
    }

    /// Negated operators match when the key is absent and treat several values as NOR.
    pub fn is_negated(self) -> bool {
        use Test::*;
        matches!(
            self,
            StringNotEquals
                | StringNotEqualsIgnoreCase
                | StringNotLike
                | NumericNotEquals
                | DateNotEquals
                | NotIpAddress
                | ArnNotEquals
                | ArnNotLike
        )
    }

    /// `*` and `?` are wildcards only for the `Like` operators and the ARN operators.
    pub fn takes_wildcards(self) -> bool {
        use Test::*;
        matches!(
            self,
            StringLike | StringNotLike | ArnEquals | ArnLike | ArnNotEquals | ArnNotLike
        )
    }

    /// Policy variables are substituted in string and ARN operators (and `Bool`, per the
    /// operators page; the variables page disagrees, see the semantics notes §6.1).
    pub fn takes_variables(self) -> bool {
        matches!(self.family(), Family::String | Family::Arn | Family::Bool)
    }
}

/// `ForAllValues:` or `ForAnyValue:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetQualifier {
    ForAllValues,
    ForAnyValue,
}

/// A whole operator as written: `ForAnyValue:StringLikeIfExists`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operator {
    pub test: Test,
    pub if_exists: bool,
    pub qualifier: Option<SetQualifier>,
    /// As written in the policy.
    pub raw: String,
}

/// Why a name is not a condition operator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OperatorError {
    /// Not an operator; `close` is the operator it differs from only in case, or contains.
    Unknown {
        raw: String,
        close: Option<&'static str>,
    },
    /// `NullIfExists`.
    NullIfExists,
}

impl OperatorError {
    /// The sentence, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OperatorError::Unknown {
                raw,
                close: Some(name),
            } => say!(lang,
                "`{raw}` is not a condition operator; operator names are case-sensitive: did you mean `{name}`?",
                "`{raw}` は条件演算子ではありません。演算子名では大文字と小文字が区別されます。`{name}` のことですか?"),
            OperatorError::Unknown { raw, close: None } => say!(
                lang,
                "`{raw}` is not a condition operator",
                "`{raw}` は条件演算子ではありません"
            ),
            OperatorError::NullIfExists => lang
                .pick(
                    "`Null` cannot take `IfExists`: `Null` itself tests whether the key exists",
                    "`Null` には `IfExists` を付けられません。`Null` 自体がキーの有無を判定します",
                )
                .to_string(),
        }
    }
}

impl Operator {
    /// Reads an operator name. Operator names are case-sensitive in IAM: `stringequals` is
    /// refused by the policy validator, and so it is here.
    pub fn parse(raw: &str) -> Result<Operator, OperatorError> {
        let (qualifier, rest) = if let Some(rest) = raw.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), rest)
        } else if let Some(rest) = raw.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), rest)
        } else {
            (None, raw)
        };
        let (if_exists, name) = match rest.strip_suffix("IfExists") {
            Some(name) => (true, name),
            None => (false, rest),
        };
        let test = TESTS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| OperatorError::Unknown {
                raw: raw.to_string(),
                close: close_operator(raw),
            })?;
        if test == Test::Null && if_exists {
            return Err(OperatorError::NullIfExists);
        }
        Ok(Operator {
            test,
            if_exists,
            qualifier,
            raw: raw.to_string(),
        })
    }

    pub fn is_negated(&self) -> bool {
        self.test.is_negated()
    }
}

/// The operator a mistyped name most likely meant: one it ends with or contains, ignoring case.
fn close_operator(raw: &str) -> Option<&'static str> {
    let lower = raw.to_ascii_lowercase();
    TESTS
        .iter()
        .find(|(n, _)| {
            lower.ends_with(&n.to_ascii_lowercase()) || lower.contains(&n.to_ascii_lowercase())
        })
        .map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_qualifiers_and_if_exists() {
        let op = Operator::parse("ForAnyValue:StringLikeIfExists").unwrap();
        assert_eq!(op.test, Test::StringLike);
        assert!(op.if_exists);
        assert_eq!(op.qualifier, Some(SetQualifier::ForAnyValue));
        assert!(Operator::parse("StringNotEquals").unwrap().is_negated());
        assert!(!Operator::parse("StringEquals").unwrap().is_negated());
    }

    #[test]
    fn refuses_unknown_and_null_if_exists() {
        let lower = Operator::parse("stringequals").unwrap_err();
        assert!(lower
            .message(Lang::En)
            .contains("did you mean `StringEquals`?"));
        assert!(lower
            .message(Lang::Ja)
            .contains("`StringEquals` のことですか?"));
        assert!(Operator::parse("StringEqual").is_err());
        assert_eq!(
            Operator::parse("NullIfExists").unwrap_err(),
            OperatorError::NullIfExists
        );
        assert!(Operator::parse("ForSomeValues:StringEquals").is_err());
    }
}
