//! What STS checks in a SAML assertion before it creates a session, answered with
//! `InvalidIdentityToken` and the message AWS documents (IAM User Guide, "Troubleshoot SAML
//! federation with IAM", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html):
//!
//! * "RoleSessionName is required in AuthnResponse": the assertion has no
//!   `https://aws.amazon.com/SAML/Attributes/RoleSessionName` attribute, since AWS names the
//!   session with it rather than with the subject;
//! * "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}";
//! * "Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"".
//!
//! These are attributes of the assertion, not parameters of the API, so STS's request
//! validation (`ValidationError`) never sees them. The guide's headings end in
//! "(service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)",
//! which is the SDK's rendering of the code; the message is what comes before it.

use super::model::{check_string, StringRule, ROLE_SESSION_NAME, SOURCE_IDENTITY};
use crate::lang::{say, Lang};
use crate::sts::params::{StsParams, SAML_ATTRIBUTE_PREFIX};
use crate::sts::{StsApi, StsError};

pub const INVALID_IDENTITY_TOKEN: &str = "InvalidIdentityToken";

/// One thing STS refuses in an assertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssertionProblem {
    NoRoleSessionName,
    RoleSessionName,
    SourceIdentity,
}

/// The first problem of an `AssumeRoleWithSAML` call's assertion, if any; other calls have none.
pub fn problem(params: &StsParams) -> Option<AssertionProblem> {
    if params.api != StsApi::AssumeRoleWithSaml {
        return None;
    }
    let Some(name) = &params.role_session_name else {
        return Some(AssertionProblem::NoRoleSessionName);
    };
    if !follows(name, &ROLE_SESSION_NAME) {
        return Some(AssertionProblem::RoleSessionName);
    }
    // `aws:` holds a colon, which the pattern already refuses.
    match &params.source_identity {
        Some(source) if !follows(source, &SOURCE_IDENTITY) => {
            Some(AssertionProblem::SourceIdentity)
        }
        _ => None,
    }
}

/// The API model's rules for the two values are AWS's `[a-zA-Z_0-9+=,.@-]{2,64}`.
fn follows(value: &str, rule: &StringRule) -> bool {
    let mut violations = Vec::new();
    check_string(value, "", rule, &mut violations);
    violations.is_empty()
}

impl AssertionProblem {
    /// AWS's error for it.
    pub fn error(self) -> StsError {
        let message = match self {
            AssertionProblem::NoRoleSessionName => "RoleSessionName is required in AuthnResponse",
            AssertionProblem::RoleSessionName => {
                "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}"
            }
            AssertionProblem::SourceIdentity => {
                "Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with \"aws:\""
            }
        };
        StsError::new(INVALID_IDENTITY_TOKEN, message)
    }

    /// What to change: the attribute is the identity provider's to send, not the caller's.
    pub fn explain(self, lang: Lang) -> String {
        let attribute = match self {
            AssertionProblem::SourceIdentity => "SourceIdentity",
            _ => "RoleSessionName",
        };
        say!(lang,
            "STS reads {SAML_ATTRIBUTE_PREFIX}{attribute} from the SAML assertion: have the identity provider send it as STS's message asks.",
            "STS は {SAML_ATTRIBUTE_PREFIX}{attribute} を SAML アサーションから読み取ります。STS のメッセージのとおりに ID プロバイダーから送ってください。")
    }
}
