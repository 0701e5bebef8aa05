//! Conditions: operators by family, context keys, policy variables.
//!
//! A [`Condition`] is one (operator, key, values) triple of a statement's `Condition` block; a
//! statement's conditions all must hold (AND), the values of one condition are alternatives (OR,
//! or NOR for negated operators). Values that need no variable substitution are compiled when the
//! policy is read, not per request.

mod context;
mod operator;
pub(crate) mod variables;

pub use context::{ContextEntry, ContextSource, ContextValue, RequestContext};
pub use operator::{Family, Operator, OperatorError, SetQualifier, Test};
pub use variables::{has_variables, substitute};

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
        Condition {
            operator,
            key,
            values,
            variables,
            place,
        }
    }

    /// Evaluates this condition against a request's context.
    pub fn evaluate(&self, context: &RequestContext) -> ConditionOutcome {
        let _ = context;
        todo!("condition helper")
    }
}
