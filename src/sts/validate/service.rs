//! STS's checks beyond the API model. Each rule names its source; where AWS documents the rule
//! but not its error text, the message is this program's and says what to change.

use super::ValidationContext;
use crate::sts::params::StsParams;
use crate::sts::session::{plan_tags, same_tag_key, session_duration};
use crate::sts::{packed_policy_percent, StsError};

/// Managed session policies per call (STS API reference, AssumeRole `PolicyArns`: "up to 10").
pub const MAX_POLICY_ARNS: usize = 10;

pub(super) fn check(params: &StsParams, context: ValidationContext<'_>) -> Result<(), StsError> {
    check_token_expiry(params, context.now)?;
    // A federated user's or a GetSessionToken session's duration has no role to cap it: the
    // model's range is all.
    let roleless = matches!(
        params.api,
        crate::sts::StsApi::GetFederationToken | crate::sts::StsApi::GetSessionToken
    );
    if !roleless {
        session_duration(
            params.duration_seconds,
            context.max_session_duration,
            context.caller.is_some(),
        )?;
    }
    check_policy_arns(&params.policy_arns)?;
    check_source_identity(params)?;
    check_tags(params)?;
    plan_tags(params, context.caller)?;
    check_packed_size(params)
}

/// A web identity token whose `exp` claim (seconds since 1970) is not after the call: "The web
/// identity token that was passed is expired or is not valid" (AssumeRoleWithWebIdentity,
/// Errors: ExpiredTokenException, HTTP 400).
fn check_token_expiry(params: &StsParams, now: u64) -> Result<(), StsError> {
    let exp = params
        .web_identity_token
        .as_ref()
        .and_then(|t| t.claims.get("exp"));
    // Whole seconds, read as an integer (parsing floats would bring 10 KB into the module); an
    // exponent is not judged.
    let seconds = |n: &str| match n.contains(['e', 'E']) {
        true => None,
        false => n.split('.').next()?.parse::<i64>().ok(),
    };
    match exp.map(|e| &e.value) {
        Some(crate::json::Value::Number(n)) if seconds(n).is_some_and(|e| e <= now as i64) => {
            Err(StsError::new(
                "ExpiredTokenException",
                "The web identity token that was passed is expired or is not valid. Get a new identity token from the identity provider and then retry the request.",
            ))
        }
        _ => Ok(()),
    }
}

/// At most 10, each an IAM managed policy ARN. The model has no list limit, so AWS's message
/// for the eleventh is not known; the shape of the model's list message is used.
fn check_policy_arns(arns: &[String]) -> Result<(), StsError> {
    if arns.len() > MAX_POLICY_ARNS {
        return Err(StsError::new(
            "ValidationError",
            format!(
                "1 validation error detected: Value '[{}]' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to {MAX_POLICY_ARNS}",
                arns.join(", ")
            ),
        ));
    }
    match arns.iter().find(|arn| !is_iam_policy_arn(arn)) {
        Some(bad) => Err(StsError::new(
            "InvalidParameterValue",
            format!("The policy ARN '{bad}' is not an IAM managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME or arn:aws:iam::aws:policy/NAME)."),
        )),
        None => Ok(()),
    }
}

/// `arn:PARTITION:iam::ACCOUNT-OR-aws:policy/[PATH/]NAME`.
pub fn is_iam_policy_arn(arn: &str) -> bool {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    matches!(parts.as_slice(), ["arn", partition, "iam", "", account, resource]
        if !partition.is_empty()
            && (*account == "aws" || (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())))
            && resource.strip_prefix("policy/").is_some_and(|name| !name.is_empty() && !name.ends_with('/')))
}

/// "You cannot use a value that begins with the text aws:" (IAM User Guide, "Monitor and
/// control actions taken with assumed roles"). AWS's message is not published.
fn check_source_identity(params: &StsParams) -> Result<(), StsError> {
    match params.source_identity.as_deref() {
        Some(value) if value.to_ascii_lowercase().starts_with("aws:") => Err(StsError::new(
            "ValidationError",
            format!("The source identity '{value}' begins with 'aws:', a prefix reserved for AWS; choose another value."),
        )),
        _ => Ok(()),
    }
}

/// Tag rules beyond the model:
/// * keys are case-insensitive, so `Department` and `department` in one call collide (STS API
///   reference, AssumeRole `Tags`);
/// * keys may not begin with `aws:` (IAM User Guide, "Rules for tagging in IAM and AWS STS");
/// * every transitive key must name a tag passed in the same call: AWS's reference says only
///   that the key's tag "passes to subsequent sessions"; clients such as
///   aws-actions/configure-aws-credentials trim transitive keys to the passed tags because the
///   call otherwise fails (community report, [UNVERIFIED] message).
fn check_tags(params: &StsParams) -> Result<(), StsError> {
    for (i, tag) in params.tags.iter().enumerate() {
        if params.tags[..i]
            .iter()
            .any(|t| same_tag_key(&t.key, &tag.key))
        {
            return Err(StsError::new(
                "InvalidParameterValue",
                format!("Duplicate tag keys found: '{}'. Tag keys are case insensitive, so pass each key once.", tag.key),
            ));
        }
        if tag.key.to_ascii_lowercase().starts_with("aws:") {
            return Err(StsError::new(
                "InvalidParameterValue",
                format!("The session tag key '{}' begins with 'aws:', a prefix reserved for AWS; rename the tag.", tag.key),
            ));
        }
    }
    match params
        .transitive_tag_keys
        .iter()
        .find(|key| !params.tags.iter().any(|t| same_tag_key(&t.key, key)))
    {
        Some(key) => Err(StsError::new(
            "InvalidParameterValue",
            format!("The transitive tag key '{key}' does not name a session tag passed in this request; add a tag with that key or remove it from TransitiveTagKeys."),
        )),
        None => Ok(()),
    }
}

/// The packed-size estimate (see `sts::packed`). The message is the one users report from AWS
/// ("Packed size of session tags consumes 142% of allotted space.").
fn check_packed_size(params: &StsParams) -> Result<(), StsError> {
    let tags: Vec<(String, String)> = params
        .tags
        .iter()
        .map(|t| (t.key.clone(), t.value.clone()))
        .collect();
    let policy = params.policy.as_ref().map(|p| &p.document);
    let percent = packed_policy_percent(policy, &params.policy_arns, &tags);
    if percent <= 100 {
        return Ok(());
    }
    let what = match (
        policy.is_some() || !params.policy_arns.is_empty(),
        tags.is_empty(),
    ) {
        (true, false) => "session policies and session tags",
        (true, true) => "session policies",
        _ => "session tags",
    };
    Err(StsError::new(
        "PackedPolicyTooLarge",
        format!("Packed size of {what} consumes {percent}% of allotted space."),
    ))
}
