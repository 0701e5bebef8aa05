//! Conditions: operators by family, context keys, policy variables.
//!
//! A [`Condition`] is one (operator, key, values) triple of a statement's `Condition` block; a
//! statement's conditions all must hold (AND), the values of one condition are alternatives (OR,
//! or NOR for negated operators). Values that need no variable substitution are compiled when the
//! policy is read, not per request.

mod arn;
mod binary;
mod boolean;
mod context;
mod date;
mod derived;
mod evaluate;
mod ip;
mod numeric;
mod operator;
pub mod provider_keys;
mod string;
mod value;
pub(crate) mod variables;

pub use context::{ContextEntry, ContextSource, ContextValue, RequestContext};
pub use derived::DerivedKeys;
pub use operator::{Family, Operator, OperatorError, SetQualifier, Test};
pub use variables::{has_variables, substitute};

use crate::lang::Lang;
use crate::policy::Place;

/// One operator applied to one key, with its values compiled.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub operator: Operator,
    /// The key as written (`aws:PrincipalTag/team`).
    pub key: String,
    /// The values as written; JSON numbers and booleans are kept as their text.
    pub values: Vec<String>,
    /// Whether `${...}` is a policy variable here (only under `Version: 2012-10-17`).
    pub variables: bool,
    pub place: Place,
    /// `values`, compiled for the operator, in the same order.
    compiled: Vec<value::PolicyValue>,
}

/// The verdict on one condition, and why, for the explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionOutcome {
    pub matched: bool,
    /// A sentence such as "aws:SourceIp is 198.51.100.7, not in 203.0.113.0/24" or
    /// "aws:MultiFactorAuthPresent is absent from the request".
    pub reason: String,
}

impl Condition {
    /// Builds a condition, compiling whatever does not depend on the request (wildcard values
    /// without variables, CIDR ranges, numbers, dates) once, here.
    pub fn new(
        operator: Operator,
        key: String,
        values: Vec<String>,
        variables: bool,
        place: Place,
    ) -> Condition {
        let compiled = values
            .iter()
            .map(|v| value::compile(operator.test, v, variables))
            .collect();
        Condition {
            operator,
            key,
            values,
            variables,
            place,
            compiled,
        }
    }

    /// Evaluates this condition against a request's context; the reason is written in `lang`.
    pub fn evaluate(&self, context: &RequestContext, lang: Lang) -> ConditionOutcome {
        evaluate::evaluate(self, context, lang, true)
    }

    /// Whether this condition holds for a request, without the reason
    /// [`evaluate`](Self::evaluate) writes: for a brief explanation, which shows none.
    pub fn holds(&self, context: &RequestContext) -> bool {
        evaluate::evaluate(self, context, Lang::En, false).matched
    }
}

#[cfg(test)]
mod tests;
