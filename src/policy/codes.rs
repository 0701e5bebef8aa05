//! The finding codes of the policy validator, each with its usual severity.
//!
//! Codes are Access Analyzer's `issueCode` where it has one (IAM User Guide, "IAM Access Analyzer
//! policy check reference"; semantics notes §7), ours otherwise (marked "ours"). Keeping them in
//! one table lets the tests prove that every code has a fixture that triggers it.

use crate::finding::Severity;
use Severity::{Error, SecurityWarning, Suggestion, Warning};

/// A finding code and the severity it is reported with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    pub name: &'static str,
    pub severity: Severity,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident: $severity:ident;)*) => {
        $($(#[$doc])* pub const $name: Code = Code { name: stringify!($name), severity: $severity };)*
        /// Every code, for the fixture tests and the documentation page.
        pub const ALL: &[Code] = &[$($name),*];
    };
}

codes! {
    /// The text is not JSON (ours).
    MALFORMED_JSON: Error;
    /// A key appears twice in one object; IAM refuses the document (ours).
    DUPLICATE_KEY: Error;
    /// An element IAM does not know, at the top level or in a statement (ours).
    UNKNOWN_ELEMENT: Error;
    /// An element has the wrong JSON type (ours).
    WRONG_TYPE: Error;
    MISSING_VERSION: Warning;
    INVALID_VERSION: Error;
    /// `Id` in an identity-based policy (GRAM; ours).
    ID_NOT_SUPPORTED: Error;
    /// No `Statement`, or an empty one (ours).
    MISSING_STATEMENT: Error;
    MISSING_EFFECT: Error;
    /// `Effect` other than `Allow` or `Deny` (ours).
    INVALID_EFFECT: Error;
    UNSUPPORTED_SID: Error;
    UNIQUE_SIDS_REQUIRED: Error;
    EMPTY_SID_VALUE: Suggestion;
    MISSING_ACTION: Error;
    INVALID_ACTION: Error;
    /// Both `Action` and `NotAction`, or `Resource` and `NotResource`, or `Principal` and
    /// `NotPrincipal`.
    UNSUPPORTED_ELEMENT_COMBINATION: Error;
    MISSING_RESOURCE: Error;
    INVALID_ARN_PREFIX: Error;
    MISSING_ARN_FIELD: Error;
    MISSING_PRINCIPAL: Error;
    UNSUPPORTED_PRINCIPAL: Error;
    /// A `Principal` map key other than `AWS`, `Service`, `Federated`, `CanonicalUser` (ours).
    UNSUPPORTED_PRINCIPAL_TYPE: Error;
    /// An `AWS` principal that is not an account, an IAM/STS ARN or a unique ID (ours).
    INVALID_PRINCIPAL: Error;
    /// A `Service` principal that is not a service name such as `lambda.amazonaws.com` (ours).
    INVALID_SERVICE_PRINCIPAL: Error;
    UNSUPPORTED_WILDCARD_IN_PRINCIPAL: Error;
    ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: Error;
    ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: Error;
    ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL: Error;
    INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY: Error;
    MISMATCHED_ACTION_FOR_PRINCIPAL: Error;
    /// A trust policy action other than the `sts:AssumeRole*` family and the permission-only
    /// session actions (semantics notes §3.1; ours).
    UNSUPPORTED_ACTION_IN_ROLE_TRUST_POLICY: Error;
    ALLOW_WITH_NOT_PRINCIPAL: SecurityWarning;
    /// RCPs: `Principal` must be `"*"` (Organizations, "RCP syntax"; ours).
    RCP_PRINCIPAL_NOT_WILDCARD: Error;
    /// RCPs: `Allow` only in `RCPFullAWSAccess` (Organizations, "RCP syntax"; ours).
    RCP_ALLOW_NOT_SUPPORTED: Error;
    /// RCPs have no `NotAction` (Organizations, "RCP syntax"; ours).
    RCP_NOT_ACTION_NOT_SUPPORTED: Error;
    INVALID_CONDITION_OPERATOR: Error;
    NULL_WITH_IF_EXISTS: Error;
    /// Access Analyzer reports it as an error, but IAM stores the policy (some AWS managed
    /// policies have one): a warning here, and the condition never matches a multivalued value
    /// (see `condition::evaluate`).
    MISSING_QUALIFIER: Warning;
    FORALLVALUES_WITH_SINGLE_VALUED_KEY: SecurityWarning;
    WILDCARD_WITHOUT_LIKE_OPERATOR: Warning;
    /// Access Analyzer's "General Warning – Type mismatch ..." (policy check reference): IAM
    /// stores the policy, and a value of the wrong type matches no request.
    TYPE_MISMATCH_BOOLEAN: Warning;
    TYPE_MISMATCH_NUMBER: Warning;
    TYPE_MISMATCH_DATE: Warning;
    TYPE_MISMATCH_IP_RANGE: Warning;
    /// A value of an ARN operator that cannot be an ARN (ours).
    TYPE_MISMATCH_ARN: Error;
    /// A `BinaryEquals` value that is not base64 (ours).
    TYPE_MISMATCH_BINARY: Error;
    INVALID_DATE_VALUE: Warning;
    /// Access Analyzer reports it as an error, but IAM stores the policy and takes the text
    /// literally ("IAM JSON policy elements: Version"): a warning here, so the policy works.
    VARIABLE_UNSUPPORTED_IN_VERSION: Warning;
    VARIABLE_UNSUPPORTED_IN_ELEMENT: Error;
    INVALID_VARIABLE_FOR_OPERATOR: Error;
    MISSING_BRACE_IN_VARIABLE: Error;
    MISSING_QUOTE_IN_VARIABLE: Error;
    PASS_ROLE_WITH_STAR_IN_RESOURCE: SecurityWarning;
    PASS_ROLE_WITH_NOT_RESOURCE: SecurityWarning;
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: SecurityWarning;
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE: SecurityWarning;
    PASS_ROLE_WITH_NOT_ACTION_AND_STAR_IN_RESOURCE: SecurityWarning;
    PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE: SecurityWarning;
    MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: SecurityWarning;
    MISSING_GITHUB_REPO_CONDITION_KEY: SecurityWarning;
    /// A `token.actions.githubusercontent.com:` key that STS does not make of a token's claims:
    /// absent from every request (ours).
    UNSUPPORTED_PROVIDER_CLAIM: Warning;
    SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED: Warning;
    EMPTY_ARRAY_ACTION: Suggestion;
    EMPTY_ARRAY_NOT_ACTION: Suggestion;
    EMPTY_ARRAY_RESOURCE: Suggestion;
    EMPTY_ARRAY_NOT_RESOURCE: Suggestion;
    EMPTY_ARRAY_PRINCIPAL: Suggestion;
    EMPTY_OBJECT_PRINCIPAL: Suggestion;
    EMPTY_ARRAY_CONDITION: Suggestion;
    EMPTY_OBJECT_CONDITION: Suggestion;
    REDUNDANT_ACTION: Suggestion;
    REDUNDANT_RESOURCE: Suggestion;
    REDUNDANT_STATEMENT: Suggestion;
    REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY: Suggestion;
    POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: Error;
    POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA: Warning;
    POLICY_SIZE_EXCEEDS_SCP_QUOTA: Error;
    /// Ours: Organizations' RCP size quota.
    POLICY_SIZE_EXCEEDS_RCP_QUOTA: Error;
    /// Ours: STS `Policy` parameter length.
    POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA: Error;
    /// A character outside U+0009, U+000A, U+000D, U+0020–U+00FF in a document IAM or STS
    /// stores (QUOTA; STS API `Policy` pattern; ours).
    UNSUPPORTED_CHARACTER: Error;
}
