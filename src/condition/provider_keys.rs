//! Condition keys that identity providers' tokens bring, beyond the standard OIDC ones, for the
//! trust policy (the STS side puts them in the request; the policy checks warn about others).

/// GitHub Actions' OIDC issuer, as its keys are prefixed.
pub const GITHUB: &str = "token.actions.githubusercontent.com";

/// The claims of a GitHub Actions token that AWS STS makes condition keys of, besides `aud` and
/// `sub`, for the trust policy only ("Available in session: No"). From AWS's announcement "AWS
/// STS supports validation of select identity provider specific claims" (January 2026), as
/// published write-ups of it list them; any other claim is absent from the request.
pub const GITHUB_CLAIMS: &[&str] = &[
    "actor",
    "actor_id",
    "enterprise_id",
    "environment",
    "job_workflow_ref",
    "ref",
    "repository",
    "repository_id",
    "workflow",
];
