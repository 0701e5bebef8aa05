//! The IAM policy language: documents, statements, parsing with positions, validation findings.
//!
//! A policy is read once from its JSON (with positions), checked as IAM and Access Analyzer check
//! it for its kind (identity, role trust, resource-based, SCP, RCP, permissions boundary,
//! session), and turned into a [`Policy`] whose patterns are compiled, ready to be evaluated
//! against any number of requests.
//!
//! ```
//! use iam_playground::policy::{validate_text, PolicyKind};
//!
//! let trust = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
//!     "Principal": {"Federated": "arn:aws:iam::123456789012:saml-provider/Corp"},
//!     "Action": "sts:AssumeRoleWithWebIdentity"}}"#;
//! let checked = validate_text(trust, PolicyKind::Trust);
//! assert_eq!(checked.findings[0].code, "MISMATCHED_ACTION_FOR_PRINCIPAL");
//! assert!(!checked.policy.unwrap().valid);
//! ```

mod checks;
pub mod codes;
mod document;
mod elements;
mod glob;
mod model;
mod moved;
mod parse;
mod quota;
mod reader;
mod statement;
mod validate;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;

pub(crate) use checks::TRUST_ACTIONS;
pub use model::*;
pub use moved::moved_line;
pub use parse::{parse_policy, parse_policy_in, ParsedPolicy};
pub use validate::{
    unwrap_pasted, validate_text, validate_text_with, ValidateOptions, ValidatedPolicy,
};
