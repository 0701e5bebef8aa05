//! STS's own validation of an `AssumeRole*` request's parameters, answered with the error AWS
//! would return.
//!
//! Order: first the API model's constraints, all reported together in one `ValidationError`
//! (as AWS's request validation does); then, for SAML, the assertion's session name and source
//! identity (`InvalidIdentityToken`); then the service's own checks, each failing alone:
//! duration against chaining and `MaxSessionDuration`, policy ARNs, source identity prefix,
//! session tags, and the packed-size estimate. AWS does not publish the order of its service
//! checks; this one goes from the request's shape to its contents.

pub mod assertion;
mod model;
mod service;

pub use assertion::{AssertionProblem, INVALID_IDENTITY_TOKEN};
pub use model::{message, Violation};

use crate::sts::params::StsParams;
use crate::sts::session::Session;
use crate::sts::{StsApi, StsError};
use model::*;

/// What validation needs to know besides the parameters.
#[derive(Clone, Copy, Debug)]
pub struct ValidationContext<'a> {
    /// The role's `MaxSessionDuration` (default 3600).
    pub max_session_duration: i64,
    /// The calling role session, when AssumeRole is called with session credentials.
    pub caller: Option<&'a Session>,
    /// The role's ARN, for messages.
    pub role_arn: &'a str,
    /// The time of the call, in seconds since 1970 (a web identity token's `exp` is).
    pub now: u64,
}

impl ValidationContext<'_> {
    /// For a call that names no role (GetFederationToken, GetSessionToken) at `now`.
    pub fn roleless(now: u64) -> ValidationContext<'static> {
        ValidationContext {
            max_session_duration: 0,
            caller: None,
            role_arn: "",
            now,
        }
    }
}

/// Validates `params` as STS would.
pub fn validate(params: &StsParams, context: ValidationContext<'_>) -> Result<(), StsError> {
    let violations = model_violations(params);
    if !violations.is_empty() {
        return Err(StsError::new("ValidationError", message(&violations)));
    }
    if let Some(problem) = assertion::problem(params) {
        return Err(problem.error());
    }
    service::check(params, context)
}

/// The API model's constraints, in the API's parameter order. SAML's session name and source
/// identity are attributes of the assertion, not members of the API (see [`assertion`]).
pub fn model_violations(params: &StsParams) -> Vec<Violation> {
    let mut out = Vec::new();
    // SAML's session name is the assertion's; GetSessionToken names no session.
    let unnamed = matches!(
        params.api,
        StsApi::AssumeRoleWithSaml | StsApi::GetSessionToken
    );
    let saml = params.api == StsApi::AssumeRoleWithSaml;
    let federation = params.api == StsApi::GetFederationToken;
    let longest = match params.api {
        StsApi::GetFederationToken | StsApi::GetSessionToken => 129_600,
        _ => 43_200,
    };
    let (name_member, name_rule) = match federation {
        true => ("name", &FEDERATED_USER_NAME),
        false => ("roleSessionName", &ROLE_SESSION_NAME),
    };
    match params.role_session_name.as_deref() {
        _ if unnamed => {}
        Some(name) => check_string(name, name_member, name_rule, &mut out),
        None => out.push(missing(name_member)),
    }
    for (i, arn) in params.policy_arns.iter().enumerate() {
        check_string(
            arn,
            &format!("policyArns.{}.member.arn", i + 1),
            &ARN,
            &mut out,
        );
    }
    if let Some(policy) = &params.policy {
        check_string(&policy.text, "policy", &POLICY, &mut out);
    }
    if let Some(seconds) = params.duration_seconds {
        check_range(seconds, "durationSeconds", 900, longest, &mut out);
    }
    let tags: Vec<String> = params
        .tags
        .iter()
        .map(|t| format!("Tag(key={}, value={})", t.key, t.value))
        .collect();
    check_list_length(&tags, "tags", 50, &mut out);
    for (i, tag) in params.tags.iter().enumerate() {
        check_string(
            &tag.key,
            &format!("tags.{}.member.key", i + 1),
            &TAG_KEY,
            &mut out,
        );
        check_string(
            &tag.value,
            &format!("tags.{}.member.value", i + 1),
            &TAG_VALUE,
            &mut out,
        );
    }
    check_list_length(
        &params.transitive_tag_keys,
        "transitiveTagKeys",
        50,
        &mut out,
    );
    for (i, key) in params.transitive_tag_keys.iter().enumerate() {
        check_string(
            key,
            &format!("transitiveTagKeys.{}.member", i + 1),
            &TAG_KEY,
            &mut out,
        );
    }
    let source_identity = params.source_identity.as_deref().filter(|_| !saml);
    let optional = [
        (params.external_id.as_deref(), "externalId", &EXTERNAL_ID),
        (
            params.serial_number.as_deref(),
            "serialNumber",
            &SERIAL_NUMBER,
        ),
        (params.token_code.as_deref(), "tokenCode", &TOKEN_CODE),
        (source_identity, "sourceIdentity", &SOURCE_IDENTITY),
    ];
    for (value, member, rule) in optional {
        if let Some(value) = value {
            check_string(value, member, rule, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests;
