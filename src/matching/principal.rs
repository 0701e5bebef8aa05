//! Principals: who a request comes from, and whether a `Principal` element names them.

use crate::policy::{PrincipalEntry, PrincipalType, PrincipalValue};

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
    /// A `GetFederationToken` session (`arn:aws:sts::A:federated-user/NAME`), and the IAM user
    /// (or root user) whose call created it.
    FederatedUser {
        arn: String,
        account: String,
        user: String,
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

    /// Whether the caller acts with the root user's identity: the root user, or a federated user
    /// session the root user created (whose permissions its session policies alone bound).
    pub fn acts_as_root(&self) -> bool {
        match self {
            Caller::Root { .. } => true,
            Caller::FederatedUser { user, .. } => user.ends_with(":root"),
            _ => false,
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
    /// The ARN of the IAM user who created the calling federated user session: it names the
    /// session, but "limited by an implicit deny in a permissions boundary or session policy"
    /// (IAM User Guide, policy evaluation logic; semantics notes §1.2), as a role's ARN is.
    FederatingUser,
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
///
/// Source: IAM User Guide, "IAM JSON policy elements: Principal" (semantics notes §3.1): the
/// account (`arn:aws:iam::A:root` or `"A"`) means every principal of the account, not only the
/// root user; a role ARN names every session of the role; only the whole value `*` is a
/// wildcard, so a partial wildcard names nobody; ARNs compare case-sensitively.
pub fn match_principal(value: &PrincipalValue, caller: &Caller) -> Option<PrincipalMatch> {
    let entries = match value {
        PrincipalValue::Any => {
            return Some(PrincipalMatch {
                kind: PrincipalMatchKind::Wildcard,
                entry: None,
            })
        }
        PrincipalValue::Entries(entries) => entries,
    };
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            entry_match(&e.value, caller).map(|kind| PrincipalMatch {
                kind,
                entry: Some(i),
            })
        })
        .max_by_key(|m| (specificity(m.kind), std::cmp::Reverse(m.entry)))
}

/// How specific a form is: an exact identity, then the role, then the account, then `*`.
fn specificity(kind: PrincipalMatchKind) -> u8 {
    match kind {
        PrincipalMatchKind::Wildcard => 0,
        PrincipalMatchKind::Account => 1,
        PrincipalMatchKind::Role | PrincipalMatchKind::FederatingUser => 2,
        _ => 3,
    }
}

/// Which form of `caller` one entry names, if any.
fn entry_match(entry: &PrincipalEntry, caller: &Caller) -> Option<PrincipalMatchKind> {
    let value = entry.value.as_str();
    match entry.kind {
        PrincipalType::Aws => aws_match(value, caller),
        // Service principals are written as AWS defines them (`lambda.amazonaws.com`); compared
        // exactly [UNVERIFIED: AWS does not document their case rule].
        PrincipalType::Service => match caller {
            Caller::Service { name } if name == value => Some(PrincipalMatchKind::Service),
            _ => None,
        },
        PrincipalType::Federated => match caller {
            Caller::Federated { provider } if provider == value => {
                Some(PrincipalMatchKind::Federated)
            }
            _ => None,
        },
        // S3's canonical user IDs never name an IAM caller.
        PrincipalType::CanonicalUser => None,
    }
}

fn aws_match(value: &str, caller: &Caller) -> Option<PrincipalMatchKind> {
    if value == "*" {
        return Some(PrincipalMatchKind::Wildcard);
    }
    if value.contains(['*', '?']) {
        return None;
    }
    if names_account(value, caller) {
        return Some(PrincipalMatchKind::Account);
    }
    match caller {
        Caller::User { arn, .. } if arn == value => Some(PrincipalMatchKind::User),
        Caller::RoleSession { session_arn, .. } if session_arn == value => {
            Some(PrincipalMatchKind::RoleSession)
        }
        Caller::RoleSession { role_arn, .. } if role_arn == value => Some(PrincipalMatchKind::Role),
        Caller::FederatedUser { arn, .. } if arn == value => {
            Some(PrincipalMatchKind::FederatedUser)
        }
        Caller::FederatedUser { user, .. } if user == value => {
            Some(PrincipalMatchKind::FederatingUser)
        }
        _ => None,
    }
}

/// Whether `value` is the caller's account, as a bare 12-digit ID or as
/// `arn:PARTITION:iam::ACCOUNT:root` in the caller's partition.
fn names_account(value: &str, caller: &Caller) -> bool {
    let Some(account) = caller.account() else {
        return false;
    };
    if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
        return value == account;
    }
    // The parts are compared, not validated: equal to the caller's own account and partition,
    // they are valid ones.
    match value.strip_prefix("arn:").and_then(crate::arn::five_parts) {
        Some([partition, "iam", "", id, "root"]) => {
            id == account && partition_of(caller.display_arn()) == Some(partition)
        }
        _ => false,
    }
}

/// The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`).
fn partition_of(arn: &str) -> Option<&str> {
    let mut parts = arn.splitn(3, ':');
    match (parts.next(), parts.next()) {
        (Some("arn"), Some(partition)) => Some(partition),
        _ => None,
    }
}

/// For `NotPrincipal`: whether the caller is exempted, which AWS does only when every form of
/// the caller is listed (for a role session: the session ARN, the role ARN and the account; for a
/// user: the user ARN and the account). Source: IAM User Guide, "NotPrincipal".
pub fn not_principal_exempts(value: &PrincipalValue, caller: &Caller) -> bool {
    let entries = match value {
        PrincipalValue::Any => return true,
        PrincipalValue::Entries(entries) => entries,
    };
    let listed = |kind: PrincipalMatchKind| {
        entries.iter().any(|e| {
            let found = entry_match(&e.value, caller);
            found == Some(kind) || found == Some(PrincipalMatchKind::Wildcard)
        })
    };
    use PrincipalMatchKind as K;
    match caller {
        Caller::Root { .. } => listed(K::Account),
        Caller::User { .. } => listed(K::User) && listed(K::Account),
        Caller::RoleSession { .. } => {
            listed(K::RoleSession) && listed(K::Role) && listed(K::Account)
        }
        Caller::FederatedUser { .. } => listed(K::FederatedUser) && listed(K::Account),
        Caller::Service { .. } => listed(K::Service),
        Caller::Federated { .. } => listed(K::Federated),
        Caller::Anonymous => listed(K::Wildcard),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Located, Place};
    use PrincipalMatchKind as K;

    const A: &str = "111122223333";

    fn entries(list: &[(PrincipalType, &str)]) -> PrincipalValue {
        PrincipalValue::Entries(
            list.iter()
                .map(|&(kind, value)| Located {
                    value: PrincipalEntry {
                        kind,
                        value: value.to_string(),
                    },
                    place: Place::default(),
                })
                .collect(),
        )
    }

    fn aws(values: &[&str]) -> PrincipalValue {
        let list: Vec<_> = values.iter().map(|v| (PrincipalType::Aws, *v)).collect();
        entries(&list)
    }

    fn root() -> Caller {
        Caller::Root {
            arn: format!("arn:aws:iam::{A}:root"),
            account: A.into(),
        }
    }

    fn user() -> Caller {
        Caller::User {
            arn: format!("arn:aws:iam::{A}:user/division/Bob"),
            account: A.into(),
        }
    }

    fn session() -> Caller {
        Caller::RoleSession {
            role_arn: format!("arn:aws:iam::{A}:role/ops/Deploy"),
            session_arn: format!("arn:aws:sts::{A}:assumed-role/Deploy/ci"),
            account: A.into(),
        }
    }

    fn federated_user() -> Caller {
        Caller::FederatedUser {
            arn: format!("arn:aws:sts::{A}:federated-user/Carol"),
            account: A.into(),
            user: format!("arn:aws:iam::{A}:user/carol"),
        }
    }

    fn kind(value: &PrincipalValue, caller: &Caller) -> Option<K> {
        match_principal(value, caller).map(|m| m.kind)
    }

    #[test]
    fn principal_forms_of_the_principal_page() {
        let root_arn = format!("arn:aws:iam::{A}:root");
        let table: Vec<(PrincipalValue, Caller, Option<K>)> = vec![
            (PrincipalValue::Any, Caller::Anonymous, Some(K::Wildcard)),
            (aws(&["*"]), session(), Some(K::Wildcard)),
            (aws(&[A]), user(), Some(K::Account)),
            (aws(&[&root_arn]), session(), Some(K::Account)),
            (aws(&[&root_arn]), root(), Some(K::Account)),
            (aws(&[A]), root(), Some(K::Account)),
            (aws(&["444455556666"]), user(), None),
            (aws(&["arn:aws-cn:iam::111122223333:root"]), user(), None),
            (
                aws(&["arn:aws:iam::111122223333:user/division/Bob"]),
                user(),
                Some(K::User),
            ),
            (
                aws(&["arn:aws:iam::111122223333:user/division/bob"]),
                user(),
                None,
            ),
            (aws(&["arn:aws:iam::111122223333:user/Bob"]), user(), None),
            (aws(&["arn:aws:iam::111122223333:user/*"]), user(), None),
            (
                aws(&["arn:aws:iam::111122223333:role/ops/Deploy"]),
                session(),
                Some(K::Role),
            ),
            (
                aws(&["arn:aws:sts::111122223333:assumed-role/Deploy/ci"]),
                session(),
                Some(K::RoleSession),
            ),
            (
                aws(&["arn:aws:sts::111122223333:assumed-role/Deploy/other"]),
                session(),
                None,
            ),
            (
                aws(&["arn:aws:sts::111122223333:assumed-role/Deploy/*"]),
                session(),
                None,
            ),
            (
                aws(&["arn:aws:sts::111122223333:federated-user/Carol"]),
                federated_user(),
                Some(K::FederatedUser),
            ),
            // The user who created the session names it too, and the exact session ARN wins.
            (
                aws(&["arn:aws:iam::111122223333:user/carol"]),
                federated_user(),
                Some(K::FederatingUser),
            ),
            (
                aws(&[
                    "arn:aws:iam::111122223333:user/carol",
                    "arn:aws:sts::111122223333:federated-user/Carol",
                ]),
                federated_user(),
                Some(K::FederatedUser),
            ),
            (
                aws(&["arn:aws:iam::111122223333:user/dave"]),
                federated_user(),
                None,
            ),
            (aws(&[A]), Caller::Anonymous, None),
            (
                entries(&[(PrincipalType::Service, "lambda.amazonaws.com")]),
                Caller::Service {
                    name: "lambda.amazonaws.com".into(),
                },
                Some(K::Service),
            ),
            (
                entries(&[(PrincipalType::Service, "ec2.amazonaws.com")]),
                Caller::Service {
                    name: "lambda.amazonaws.com".into(),
                },
                None,
            ),
            (
                entries(&[(PrincipalType::Federated, "accounts.google.com")]),
                Caller::Federated {
                    provider: "accounts.google.com".into(),
                },
                Some(K::Federated),
            ),
            (
                entries(&[(
                    PrincipalType::Federated,
                    "arn:aws:iam::111122223333:saml-provider/Okta",
                )]),
                Caller::Federated {
                    provider: "arn:aws:iam::111122223333:saml-provider/Okta".into(),
                },
                Some(K::Federated),
            ),
            (
                entries(&[(
                    PrincipalType::CanonicalUser,
                    "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
                )]),
                user(),
                None,
            ),
            (
                entries(&[(PrincipalType::Service, "lambda.amazonaws.com")]),
                user(),
                None,
            ),
        ];
        for (i, (value, caller, expected)) in table.iter().enumerate() {
            assert_eq!(kind(value, caller), *expected, "row {i}");
        }
    }

    #[test]
    fn the_most_specific_entry_wins() {
        let value = aws(&[
            "*",
            A,
            "arn:aws:iam::111122223333:role/ops/Deploy",
            "arn:aws:sts::111122223333:assumed-role/Deploy/ci",
        ]);
        assert_eq!(
            match_principal(&value, &session()),
            Some(PrincipalMatch {
                kind: K::RoleSession,
                entry: Some(3)
            })
        );
        let value = aws(&["*", A, "arn:aws:iam::111122223333:role/ops/Deploy"]);
        assert_eq!(kind(&value, &session()), Some(K::Role));
        let value = aws(&[A, "*"]);
        assert_eq!(
            match_principal(&value, &user()).and_then(|m| m.entry),
            Some(0)
        );
    }

    #[test]
    fn not_principal_needs_every_form_of_the_caller() {
        let account = format!("arn:aws:iam::{A}:root");
        let role = "arn:aws:iam::111122223333:role/ops/Deploy";
        let sess = "arn:aws:sts::111122223333:assumed-role/Deploy/ci";
        let bob = "arn:aws:iam::111122223333:user/division/Bob";
        let table: Vec<(PrincipalValue, Caller, bool)> = vec![
            (aws(&[sess, role, &account]), session(), true),
            (aws(&[sess, &account]), session(), false),
            (aws(&[sess]), session(), false),
            (aws(&[bob, A]), user(), true),
            (aws(&[bob]), user(), false),
            (aws(&[&account]), root(), true),
            (aws(&[A]), user(), false),
            (PrincipalValue::Any, Caller::Anonymous, true),
            (aws(&[A]), Caller::Anonymous, false),
            (
                entries(&[(PrincipalType::Service, "lambda.amazonaws.com")]),
                Caller::Service {
                    name: "lambda.amazonaws.com".into(),
                },
                true,
            ),
        ];
        for (i, (value, caller, expected)) in table.iter().enumerate() {
            assert_eq!(not_principal_exempts(value, caller), *expected, "row {i}");
        }
    }
}
