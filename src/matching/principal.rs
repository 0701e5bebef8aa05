//! Principals: who a request comes from, and whether a `Principal` element names them.

use crate::policy::PrincipalValue;

/// Who makes a request, in the forms a `Principal` element can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// The account's root user (`arn:aws:iam::A:root`).
    Root {
        arn: String,
        account: String,
    },
    User {
        arn: String,
        account: String,
    },
    /// A role session: named by its session ARN, by its role's ARN, or by its account.
    RoleSession {
        role_arn: String,
        session_arn: String,
        account: String,
    },
    /// A `GetFederationToken` session (`arn:aws:sts::A:federated-user/NAME`).
    FederatedUser {
        arn: String,
        account: String,
    },
    /// An AWS service principal such as `lambda.amazonaws.com`.
    Service {
        name: String,
    },
    /// A web identity (OIDC) or SAML caller, named by `Federated` with its provider: an OIDC
    /// provider ARN, a SAML provider ARN, or a built-in provider such as `accounts.google.com`.
    Federated {
        provider: String,
    },
    Anonymous,
}

impl Caller {
    /// The AWS account the caller belongs to, if it is an AWS identity.
    pub fn account(&self) -> Option<&str> {
        match self {
            Caller::Root { account, .. }
            | Caller::User { account, .. }
            | Caller::RoleSession { account, .. }
            | Caller::FederatedUser { account, .. } => Some(account),
            _ => None,
        }
    }

    /// The ARN AWS writes after `User:` in an AccessDenied message.
    pub fn display_arn(&self) -> &str {
        match self {
            Caller::Root { arn, .. }
            | Caller::User { arn, .. }
            | Caller::FederatedUser { arn, .. } => arn,
            Caller::RoleSession { session_arn, .. } => session_arn,
            Caller::Service { name } => name,
            Caller::Federated { provider } => provider,
            Caller::Anonymous => "anonymous",
        }
    }
}

/// Which form of the caller a `Principal` named. What a resource-based policy can grant on its
/// own depends on this (IAM User Guide, policy evaluation logic; semantics notes §1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrincipalMatchKind {
    /// `"*"` or `{"AWS": "*"}`.
    Wildcard,
    /// The caller's account (`arn:aws:iam::A:root` or `"A"`).
    Account,
    /// The IAM user's ARN, or the root user's when the root user calls.
    User,
    /// The role's ARN, for a session of that role.
    Role,
    /// The exact role session ARN.
    RoleSession,
    FederatedUser,
    Service,
    Federated,
}

/// A positive match and the entry that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalMatch {
    pub kind: PrincipalMatchKind,
    /// Index into `PrincipalValue::Entries`, `None` for `"Principal": "*"`.
    pub entry: Option<usize>,
}

/// Whether `value` names `caller`, and by its most specific form when several entries match
/// (session ARN before role ARN before account before `*`), because the form decides what the
/// statement can grant.
pub fn match_principal(value: &PrincipalValue, caller: &Caller) -> Option<PrincipalMatch> {
    let _ = (value, caller);
    todo!("matching helper")
}

/// For `NotPrincipal`: whether the caller is exempted, which AWS does only when every form of
/// the caller is listed (for a role session: the session ARN, the role ARN and the account; for a
/// user: the user ARN and the account). Source: IAM User Guide, "NotPrincipal".
pub fn not_principal_exempts(value: &PrincipalValue, caller: &Caller) -> bool {
    let _ = (value, caller);
    todo!("matching helper")
}
