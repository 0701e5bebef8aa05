//! Condition keys: those for evaluating the trust policy of an `AssumeRole*` call, and those a
//! session carries into every later request. Both come back as `(key, value)` lists for the
//! engine to put into a `RequestContext` as derived keys.

mod providers;

pub use providers::{
    federated_provider, saml_federation, saml_keys, saml_name_qualifier, saml_provider_parts,
    web_identity_federation, web_identity_keys, web_identity_provider,
};

use std::borrow::Cow;

use crate::condition::ContextValue;
use crate::sts::params::{StsParams, Tag};
use crate::sts::session::{
    effective_source_identity, inherited_transitive_tags, same_tag_key, Session,
};
use crate::sts::StsApi;

pub type ContextKeys = Vec<(Cow<'static, str>, ContextValue)>;

fn single(value: &str) -> ContextValue {
    ContextValue::Single(value.to_string())
}

/// What the trust-policy keys depend on besides the parameters.
pub struct TrustContextInput<'a> {
    pub params: &'a StsParams,
    /// The calling role session (AssumeRole with session credentials).
    pub caller: Option<&'a Session>,
    /// The role's own tags, in order.
    pub role_tags: &'a [(String, String)],
}

/// The keys for evaluating the role's trust policy (semantics notes §3.3, §3.4):
/// `sts:ExternalId`, `sts:RoleSessionName`, `sts:SourceIdentity` (passed or, in a chain,
/// inherited: "both the aws:SourceIdentity and sts:SourceIdentity keys are present"),
/// `sts:TransitiveTagKeys`, `aws:RequestTag/K` and `aws:TagKeys` for the passed tags,
/// `aws:ResourceTag/K` (role tags, overridden by inherited transitive tags), and the identity
/// provider's keys for web identity and SAML.
pub fn trust_context(input: &TrustContextInput<'_>) -> ContextKeys {
    let p = input.params;
    let mut keys = ContextKeys::new();
    if let Some(v) = &p.external_id {
        keys.push(("sts:ExternalId".into(), single(v)));
    }
    if p.api != StsApi::AssumeRoleWithSaml {
        if let Some(v) = &p.role_session_name {
            keys.push(("sts:RoleSessionName".into(), single(v)));
        }
    }
    // A conflicting source identity is refused elsewhere; here the key shows what was asked.
    let source = effective_source_identity(p, input.caller, "")
        .unwrap_or_else(|_| p.source_identity.clone());
    if let Some(v) = source {
        keys.push(("sts:SourceIdentity".into(), single(&v)));
    }
    if !p.transitive_tag_keys.is_empty() {
        keys.push((
            "sts:TransitiveTagKeys".into(),
            ContextValue::Multi(p.transitive_tag_keys.clone()),
        ));
    }
    keys.extend(request_tag_keys(&p.tags));
    let inherited = inherited_transitive_tags(input.caller);
    let overlaid = overlay(
        input.role_tags,
        inherited.iter().map(|t| (t.key.as_str(), t.value.as_str())),
    );
    for (key, value) in overlaid {
        keys.push((format!("aws:ResourceTag/{key}").into(), single(&value)));
    }
    keys.extend(provider_keys(p));
    keys
}

/// `aws:RequestTag/K` and `aws:TagKeys` for the session tags a call passes (IAM User Guide,
/// "Passing session tags in AWS STS"), AssumeRole's or GetFederationToken's.
pub fn request_tag_keys(tags: &[Tag]) -> ContextKeys {
    let mut keys: ContextKeys = tags
        .iter()
        .map(|tag| {
            (
                format!("aws:RequestTag/{}", tag.key).into(),
                single(&tag.value),
            )
        })
        .collect();
    if !tags.is_empty() {
        let names = tags.iter().map(|t| t.key.clone()).collect();
        keys.push(("aws:TagKeys".into(), ContextValue::Multi(names)));
    }
    keys
}

fn provider_keys(p: &StsParams) -> ContextKeys {
    if let Some(token) = &p.web_identity_token {
        if let Some(provider) = web_identity_provider(token, p.provider_id.as_deref()) {
            return web_identity_keys(token, &provider);
        }
    }
    match (&p.saml_assertion, &p.principal_arn) {
        (Some(assertion), Some(principal_arn)) => saml_keys(assertion, principal_arn),
        _ => ContextKeys::new(),
    }
}

/// Role tags with `overrides` laid over them; a key matching ignoring case replaces the role's
/// tag and takes the overriding spelling ("New session tags override existing assumed role
/// ... tags with the same tag key, regardless of case", IAM User Guide, session tags).
pub fn overlay<'a>(
    base: &[(String, String)],
    overrides: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = base.to_vec();
    for (key, value) in overrides {
        out.retain(|(k, _)| !same_tag_key(k, key));
        out.push((key.to_string(), value.to_string()));
    }
    out
}

/// The keys a session carries into every request made with it: `aws:PrincipalTag/K` (role
/// tags overlaid with session tags), `aws:SourceIdentity`, `aws:MultiFactorAuthPresent` (always
/// present for temporary credentials), `aws:TokenIssueTime`, `aws:FederatedProvider`,
/// `aws:PrincipalType` (`AssumedRole`), `aws:userid` (`ROLEID:SESSION`) and the carried provider
/// keys (IAM User Guide, "AWS global condition context keys"; semantics notes §3.3).
///
/// `aws:MultiFactorAuthPresent` is `false` even for a session created with MFA, and
/// `aws:MultiFactorAuthAge` is absent: MFA counts for the AssumeRole call that gives the code,
/// and "the temporary credentials returned by AssumeRole do not include MFA information in the
/// context, so you cannot check individual API operations for MFA" (IAM User Guide, "Secure API
/// access with MFA"). An AWS SDK team member reproduced it: a role policy that requires MFA
/// denied the calls of a session assumed with MFA (aws/aws-sdk-java-v2#2554).
///
/// `aws:TokenIssueTime` is given in scenario seconds here; the scenario writes it as a date.
pub fn session_context(session: &Session, role_tags: &[(String, String)]) -> ContextKeys {
    let mut keys = ContextKeys::new();
    let tags = overlay(
        role_tags,
        session
            .tags
            .iter()
            .map(|t| (t.key.as_str(), t.value.as_str())),
    );
    for (key, value) in tags {
        keys.push((format!("aws:PrincipalTag/{key}").into(), single(&value)));
    }
    if let Some(v) = &session.source_identity {
        keys.push(("aws:SourceIdentity".into(), single(v)));
    }
    keys.push(("aws:MultiFactorAuthPresent".into(), single("false")));
    keys.push((
        "aws:TokenIssueTime".into(),
        single(&session.issued_at.to_string()),
    ));
    keys.push(("aws:PrincipalType".into(), single("AssumedRole")));
    keys.push(("aws:userid".into(), single(&session.assumed_role_id)));
    if let Some(federation) = &session.federation {
        if let Some(provider) = &federation.provider {
            keys.push(("aws:FederatedProvider".into(), single(provider)));
        }
        keys.extend(federation.carried_keys.iter().cloned());
    }
    keys
}

#[cfg(test)]
mod tests;
