//! STS sessions: AssumeRole and its siblings, chaining, tags, limits, errors.
//!
//! The flow for one `sts:AssumeRole*` request, as the evaluation engine drives it:
//!
//! 1. [`params::read_params`] turns the scenario request's `parameters` object into typed
//!    [`params::StsParams`], reporting wrong types and unknown names as findings;
//! 2. [`validate::validate`] applies STS's own parameter validation and answers with the error
//!    AWS would return (`ValidationError`, `PackedPolicyTooLarge`, ...);
//! 3. [`session::plan_tags`] and [`session::required_trust_actions`] say which tags the new
//!    session will carry and which permission-only actions the trust policy must also allow;
//! 4. [`context::trust_context`] gives the condition keys for evaluating the trust policy;
//! 5. once allowed, [`session::Session::create`] builds the session, and
//!    [`context::session_context`] gives the keys it carries into every later request.
//!
//! Nothing here evaluates a policy: this module is pure logic over the parameters, the role and
//! the calling session.

pub mod context;
mod digest;
mod packed;
pub mod params;
pub mod session;
pub mod validate;

pub use digest::{assumed_role_id, role_id, session_id, unique_id};
pub use packed::{packed_policy_percent, PACKED_BUDGET_BYTES};

/// An error STS would return, in AWS's vocabulary: `code` is the error code of the API
/// (`ValidationError`, `PackedPolicyTooLarge`, `InvalidParameterValue`, `AccessDenied`, ...),
/// `message` the text AWS gives with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StsError {
    pub code: &'static str,
    pub message: String,
}

impl StsError {
    pub fn new(code: &'static str, message: impl Into<String>) -> StsError {
        StsError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for StsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// The STS APIs that create a session: the three that create a role session, GetFederationToken,
/// which creates a federated user session, and GetSessionToken, whose session is the user's own
/// identity with temporary credentials (and MFA, when given).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StsApi {
    AssumeRole,
    AssumeRoleWithWebIdentity,
    AssumeRoleWithSaml,
    GetFederationToken,
    GetSessionToken,
}

impl StsApi {
    /// The API for an IAM action name such as `sts:AssumeRole` (case-insensitive, as IAM
    /// action names are).
    pub fn from_action(action: &str) -> Option<StsApi> {
        [
            StsApi::AssumeRole,
            StsApi::AssumeRoleWithWebIdentity,
            StsApi::AssumeRoleWithSaml,
            StsApi::GetFederationToken,
            StsApi::GetSessionToken,
        ]
        .into_iter()
        .find(|api| api.action().eq_ignore_ascii_case(action))
    }

    /// The IAM action, as a trust policy names it.
    pub fn action(self) -> &'static str {
        match self {
            StsApi::AssumeRole => "sts:AssumeRole",
            StsApi::AssumeRoleWithWebIdentity => "sts:AssumeRoleWithWebIdentity",
            StsApi::AssumeRoleWithSaml => "sts:AssumeRoleWithSAML",
            StsApi::GetFederationToken => "sts:GetFederationToken",
            StsApi::GetSessionToken => "sts:GetSessionToken",
        }
    }
}
