//! A role session: what an allowed `sts:AssumeRole*` call creates, and the rules that shape it
//! (expiry, chaining, tags, source identity, the permission-only actions the trust policy must
//! also allow).

mod rules;
mod tags;

pub use rules::{
    effective_source_identity, required_trust_actions, session_duration, RequiredAction,
};
pub use tags::{contains_key, inherited_transitive_tags, plan_tags, same_tag_key, TagPlan};

use crate::json::Json;
use crate::sts::params::{StsParams, Tag};
use crate::sts::{session_id, StsError};

/// What a web identity or SAML session keeps of its identity provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Federation {
    /// `aws:FederatedProvider`, for web identity sessions.
    pub provider: Option<String>,
    /// Provider keys that carry into later requests: only `amr`/`aud`/`id`/`sub` of web
    /// identity and `namequalifier`/`sub`/`sub_type` of SAML (semantics notes §3.3).
    pub carried_keys: crate::sts::context::ContextKeys,
}

/// A role session, or a federated user session (GetFederationToken). Tag keys are compared
/// ignoring case; their case is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// `arn:PARTITION:sts::ROLE-ACCOUNT:assumed-role/ROLE-NAME/SESSION`: the role's path is
    /// dropped (semantics notes §3.5, IAM identifiers page); for a federated user,
    /// `arn:PARTITION:sts::ACCOUNT:federated-user/NAME`.
    pub arn: String,
    /// `ROLEID:SESSION`, the value of `aws:userid`; for a federated user its `FederatedUserId`,
    /// `ACCOUNT:NAME`.
    pub assumed_role_id: String,
    /// The role's ARN; for a federated user, the ARN of the user (or root user) whose call
    /// created it, whose permissions it shares.
    pub role_arn: String,
    pub account: String,
    pub session_name: String,
    pub issued_at: i64,
    pub expires_at: i64,
    /// Created with another role session's credentials (role chaining).
    pub chained: bool,
    /// Session tags, inherited transitive ones included (role tags are not copied here).
    pub tags: Vec<Tag>,
    pub transitive_tag_keys: Vec<String>,
    pub source_identity: Option<String>,
    /// Created by a call that gave MFA (`SerialNumber` and `TokenCode`). Only that call counts
    /// as made with MFA: the session's own requests carry none (see `sts::context`).
    pub mfa: bool,
    pub policy: Option<Json>,
    pub policy_arns: Vec<String>,
    pub federation: Option<Federation>,
}

/// Everything [`Session::create`] needs, once the call has been allowed.
pub struct NewSession<'a> {
    pub role_arn: &'a str,
    /// The role's unique id (`AROA…`, [`crate::sts::role_id`]): the session's `AssumedRoleId`
    /// is it, a colon and the session name.
    pub role_id: &'a str,
    pub params: &'a StsParams,
    /// The calling role session, for AssumeRole called with session credentials.
    pub caller: Option<&'a Session>,
    /// The role's `MaxSessionDuration` (default 3600).
    pub max_session_duration: i64,
    /// The request's time, in scenario seconds.
    pub at: i64,
    pub federation: Option<Federation>,
}

impl Session {
    /// Builds the session an allowed call creates, applying the same rules as validation (so
    /// it fails the same way if called on a request that was not validated).
    pub fn create(new: NewSession<'_>) -> Result<Session, StsError> {
        let chained = new.caller.is_some();
        let duration = session_duration(
            new.params.duration_seconds,
            new.max_session_duration,
            chained,
        )?;
        let tags = plan_tags(new.params, new.caller)?;
        let source_identity = effective_source_identity(new.params, new.caller, new.role_arn)?;
        let (partition, account, role_name) = role_arn_parts(new.role_arn).ok_or_else(|| {
            StsError::new(
                "ValidationError",
                format!("{} is not a valid role ARN.", new.role_arn),
            )
        })?;
        let session_name = new.params.role_session_name.clone().unwrap_or_default();
        let assumed_role_id = session_id(new.role_id, &session_name);
        Ok(Session {
            arn: [
                "arn:",
                partition,
                ":sts::",
                account,
                ":assumed-role/",
                role_name,
                "/",
                &session_name,
            ]
            .concat(),
            assumed_role_id,
            role_arn: new.role_arn.to_string(),
            account: account.to_string(),
            session_name,
            issued_at: new.at,
            expires_at: new.at.saturating_add(duration),
            chained,
            tags: tags.tags,
            transitive_tag_keys: tags.transitive_tag_keys,
            source_identity,
            mfa: new.params.gives_mfa(),
            policy: new.params.policy.as_ref().map(|p| p.document.clone()),
            policy_arns: new.params.policy_arns.clone(),
            federation: new.federation,
        })
    }

    /// The federated user session an allowed GetFederationToken call by `user_arn` creates:
    /// `DurationSeconds` (900–129600, validated) or 43200 seconds, "If the specified duration
    /// is longer than one hour, the session obtained by using root user credentials defaults
    /// to one hour" (STS API reference, GetFederationToken). No MFA, no source identity, and
    /// tags that cannot be transitive (IAM User Guide, "Passing session tags in AWS STS").
    pub fn federated(user_arn: &str, params: &StsParams, at: i64) -> Session {
        let (partition, account) = match crate::arn::Arn::parse(user_arn) {
            Ok(arn) => (arn.partition, arn.account),
            Err(_) => ("aws", ""),
        };
        let name = params.role_session_name.clone().unwrap_or_default();
        let requested = params
            .duration_seconds
            .unwrap_or(TEMPORARY_DEFAULT_DURATION);
        let duration = match user_arn.ends_with(":root") {
            true => requested.min(ROOT_TEMPORARY_DURATION),
            false => requested,
        };
        Session {
            arn: [
                "arn:",
                partition,
                ":sts::",
                account,
                ":federated-user/",
                &name,
            ]
            .concat(),
            assumed_role_id: [account, ":", &name].concat(),
            role_arn: user_arn.to_string(),
            account: account.to_string(),
            session_name: name,
            issued_at: at,
            expires_at: at.saturating_add(duration),
            chained: false,
            tags: params.tags.clone(),
            transitive_tag_keys: Vec::new(),
            source_identity: None,
            mfa: false,
            policy: params.policy.as_ref().map(|p| p.document.clone()),
            policy_arns: params.policy_arns.clone(),
            federation: None,
        }
    }

    /// The session an allowed GetSessionToken call by `user_arn` creates: the same identity
    /// with temporary credentials, and MFA when the call gave `SerialNumber` and `TokenCode`.
    /// `DurationSeconds` (900–129600, validated) or 43200 seconds; the root user's last one
    /// hour at most, and by default ("Sessions for AWS account owners are restricted to a
    /// maximum of 3600 seconds", STS API reference, GetSessionToken).
    pub fn token(user_arn: &str, params: &StsParams, at: i64) -> Session {
        let root = user_arn.ends_with(":root");
        let default = match root {
            true => ROOT_TEMPORARY_DURATION,
            false => TEMPORARY_DEFAULT_DURATION,
        };
        let requested = params.duration_seconds.unwrap_or(default);
        let duration = match root {
            true => requested.min(ROOT_TEMPORARY_DURATION),
            false => requested,
        };
        let account = crate::arn::account_of(user_arn).unwrap_or_default();
        Session {
            arn: user_arn.to_string(),
            assumed_role_id: String::new(),
            role_arn: user_arn.to_string(),
            account: account.to_string(),
            session_name: String::new(),
            issued_at: at,
            expires_at: at.saturating_add(duration),
            chained: false,
            tags: Vec::new(),
            transitive_tag_keys: Vec::new(),
            source_identity: None,
            mfa: params.gives_mfa(),
            policy: None,
            policy_arns: Vec::new(),
            federation: None,
        }
    }

    /// Whether it is a federated user session (GetFederationToken's), not a role session.
    pub fn is_federated_user(&self) -> bool {
        self.arn.contains(":federated-user/")
    }

    /// A session tag by key, ignoring case.
    pub fn tag(&self, key: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| same_tag_key(&t.key, key))
    }

    pub fn is_expired(&self, at: i64) -> bool {
        at >= self.expires_at
    }
}

/// GetFederationToken's and GetSessionToken's default `DurationSeconds` (STS API reference).
pub const TEMPORARY_DEFAULT_DURATION: i64 = 43_200;
/// The longest federated user or GetSessionToken session the root user gets (STS API reference).
pub const ROOT_TEMPORARY_DURATION: i64 = 3600;

/// `(partition, account, role name without path)` of `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`.
pub fn role_arn_parts(arn: &str) -> Option<(&str, &str, &str)> {
    let arn = crate::arn::Arn::parse(arn).ok()?;
    if arn.service != "iam" || !arn.region.is_empty() {
        return None;
    }
    let path_and_name = arn.resource.strip_prefix("role/")?;
    let name = path_and_name.rsplit('/').next().filter(|n| !n.is_empty())?;
    Some((arn.partition, arn.account, name))
}

#[cfg(test)]
mod tests;
