//! Which IAM or STS entity an ARN names.
//!
//! Sources: IAM User Guide, "IAM identifiers" (ARN shapes of users, groups, roles, policies,
//! instance profiles, providers, role sessions and federated users); IAM API Reference,
//! CreateUser/CreateRole/CreateGroup/CreatePolicy/CreateInstanceProfile/CreateSAMLProvider (name
//! and path patterns and lengths); STS API Reference, AssumeRole `RoleSessionName` and
//! GetFederationToken `Name`; semantics notes §3.5 (the session ARN drops the role's path).

use super::{check_account, quote, AccountRule, Arn, ArnError};
use crate::lang::Text;

/// An IAM or STS identity ARN, classified. Paths begin and end with `/` (`/` when none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrincipalArn {
    /// `arn:aws:iam::A:root`: the account (in a `Principal`) or its root user (as a caller).
    Root {
        account: String,
    },
    User {
        account: String,
        path: String,
        name: String,
    },
    Role {
        account: String,
        path: String,
        name: String,
    },
    Group {
        account: String,
        path: String,
        name: String,
    },
    InstanceProfile {
        account: String,
        path: String,
        name: String,
    },
    /// A managed policy; `account` is `aws` for AWS managed policies.
    Policy {
        account: String,
        path: String,
        name: String,
    },
    OidcProvider {
        account: String,
        url: String,
    },
    SamlProvider {
        account: String,
        name: String,
    },
    /// `arn:aws:sts::A:assumed-role/ROLE/SESSION`: one session of a role (no path).
    AssumedRole {
        account: String,
        role_name: String,
        session_name: String,
    },
    /// `arn:aws:sts::A:federated-user/NAME`: a GetFederationToken session.
    FederatedUser {
        account: String,
        name: String,
    },
}

/// Length bounds and the character rule of a name, from the IAM and STS API references.
struct NameRule {
    what: Text,
    min: usize,
    max: usize,
}

const USER: NameRule = NameRule {
    what: Text {
        en: "user name",
        ja: "ユーザー名",
    },
    min: 1,
    max: 64,
};
const ROLE: NameRule = NameRule {
    what: Text {
        en: "role name",
        ja: "ロール名",
    },
    min: 1,
    max: 64,
};
const GROUP: NameRule = NameRule {
    what: Text {
        en: "group name",
        ja: "グループ名",
    },
    min: 1,
    max: 128,
};
const PROFILE: NameRule = NameRule {
    what: Text {
        en: "instance profile name",
        ja: "インスタンスプロファイル名",
    },
    min: 1,
    max: 128,
};
const POLICY: NameRule = NameRule {
    what: Text {
        en: "policy name",
        ja: "ポリシー名",
    },
    min: 1,
    max: 128,
};
const SAML: NameRule = NameRule {
    what: Text {
        en: "SAML provider name",
        ja: "SAML プロバイダー名",
    },
    min: 1,
    max: 128,
};
const SESSION: NameRule = NameRule {
    what: Text {
        en: "role session name",
        ja: "ロールセッション名",
    },
    min: 2,
    max: 64,
};
const FEDERATED: NameRule = NameRule {
    what: Text {
        en: "federated user name",
        ja: "フェデレーションユーザー名",
    },
    min: 2,
    max: 32,
};

/// IAM's name characters, `[\w+=,.@-]` (the API references' pattern).
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)
}

impl PrincipalArn {
    /// Classifies `text`. `Ok(None)` is a well-formed ARN that names no IAM or STS entity (an S3
    /// bucket, say); `Err` is text that is not an ARN, or an IAM/STS ARN that is malformed.
    pub fn parse(text: &str) -> Result<Option<PrincipalArn>, ArnError> {
        let arn = Arn::parse(text)?;
        if arn.service != "iam" && arn.service != "sts" {
            return Ok(None);
        }
        if !arn.region.is_empty() {
            let (q, region, upper) = (quote(text), arn.region, arn.service.to_ascii_uppercase());
            let form = format!("`arn:{}:{}::ACCOUNT:...`", arn.partition, arn.service);
            return Err(ArnError::new(
                format!("{q} has the region `{region}`; {upper} ARNs have none ({form})"),
                format!("{q} にリージョン `{region}` があります。{upper} の ARN にはリージョンがありません ({form})"),
            ));
        }
        let (kind, rest) = arn.resource.split_once('/').unwrap_or((arn.resource, ""));
        let account_rule = if arn.service == "iam" && kind == "policy" {
            AccountRule::RequiredOrAws
        } else {
            AccountRule::Required
        };
        let parsed = match (arn.service, kind) {
            ("iam", "root") if rest.is_empty() && arn.resource == "root" => PrincipalArn::Root {
                account: String::new(),
            },
            ("iam", "user") => with_path(text, rest, &USER, |path, name| PrincipalArn::User {
                account: String::new(),
                path,
                name,
            })?,
            ("iam", "role") => with_path(text, rest, &ROLE, |path, name| PrincipalArn::Role {
                account: String::new(),
                path,
                name,
            })?,
            ("iam", "group") => with_path(text, rest, &GROUP, |path, name| PrincipalArn::Group {
                account: String::new(),
                path,
                name,
            })?,
            ("iam", "instance-profile") => with_path(text, rest, &PROFILE, |path, name| {
                PrincipalArn::InstanceProfile {
                    account: String::new(),
                    path,
                    name,
                }
            })?,
            ("iam", "policy") => {
                with_path(text, rest, &POLICY, |path, name| PrincipalArn::Policy {
                    account: String::new(),
                    path,
                    name,
                })?
            }
            ("iam", "oidc-provider") if !rest.is_empty() => PrincipalArn::OidcProvider {
                account: String::new(),
                url: rest.to_string(),
            },
            ("iam", "saml-provider") => PrincipalArn::SamlProvider {
                account: String::new(),
                name: checked_name(text, rest, &SAML)?,
            },
            ("sts", "assumed-role") => assumed_role(text, rest)?,
            ("sts", "federated-user") => PrincipalArn::FederatedUser {
                account: String::new(),
                name: checked_name(text, rest, &FEDERATED)?,
            },
            _ => return Ok(None),
        };
        check_account(text, arn.account, account_rule)?;
        Ok(Some(parsed.with_account(arn.account)))
    }

    fn with_account(mut self, value: &str) -> PrincipalArn {
        match &mut self {
            PrincipalArn::Root { account }
            | PrincipalArn::User { account, .. }
            | PrincipalArn::Role { account, .. }
            | PrincipalArn::Group { account, .. }
            | PrincipalArn::InstanceProfile { account, .. }
            | PrincipalArn::Policy { account, .. }
            | PrincipalArn::OidcProvider { account, .. }
            | PrincipalArn::SamlProvider { account, .. }
            | PrincipalArn::AssumedRole { account, .. }
            | PrincipalArn::FederatedUser { account, .. } => *account = value.to_string(),
        }
        self
    }

    /// The account the entity belongs to (`aws` for an AWS managed policy).
    pub fn account(&self) -> &str {
        match self {
            PrincipalArn::Root { account }
            | PrincipalArn::User { account, .. }
            | PrincipalArn::Role { account, .. }
            | PrincipalArn::Group { account, .. }
            | PrincipalArn::InstanceProfile { account, .. }
            | PrincipalArn::Policy { account, .. }
            | PrincipalArn::OidcProvider { account, .. }
            | PrincipalArn::SamlProvider { account, .. }
            | PrincipalArn::AssumedRole { account, .. }
            | PrincipalArn::FederatedUser { account, .. } => account,
        }
    }

    /// What the ARN names, as a message says it ("an IAM role").
    pub fn kind_name(&self) -> &'static str {
        match self {
            PrincipalArn::Root { .. } => "an account root",
            PrincipalArn::User { .. } => "an IAM user",
            PrincipalArn::Role { .. } => "an IAM role",
            PrincipalArn::Group { .. } => "an IAM group",
            PrincipalArn::InstanceProfile { .. } => "an instance profile",
            PrincipalArn::Policy { .. } => "a managed policy",
            PrincipalArn::OidcProvider { .. } => "an OIDC identity provider",
            PrincipalArn::SamlProvider { .. } => "a SAML identity provider",
            PrincipalArn::AssumedRole { .. } => "a role session",
            PrincipalArn::FederatedUser { .. } => "a federated user session",
        }
    }
}

/// Splits `rest` (after `user/`) into a path and a name, checking both, and makes the ARN of
/// them with `make`. (A function pointer rather than a generic closure: one copy of this code
/// in the module, not one per kind of principal.)
fn with_path(
    text: &str,
    rest: &str,
    rule: &NameRule,
    make: fn(String, String) -> PrincipalArn,
) -> Result<PrincipalArn, ArnError> {
    let (path, name) = match rest.rsplit_once('/') {
        Some((inner, name)) => (["/", inner, "/"].concat(), name),
        None => ("/".to_string(), rest),
    };
    // IAM path: `/` or `/` + printable ASCII + `/`, at most 512 characters.
    let path_ok = path.len() <= 512 && path.chars().all(|c| ('!'..='~').contains(&c));
    if !path_ok || path.contains("//") {
        let (q, p) = (quote(text), quote(&path));
        return Err(ArnError::new(
            format!(
                "{q} has the path {p}; an IAM path is `/` or `/`-separated printable ASCII such as \
                 `/app/ci/`, at most 512 characters"
            ),
            format!("{q} のパスは {p} です。IAM のパスは `/`、または `/app/ci/` のように `/` で区切った印字可能な ASCII で、512 文字以内です"),
        ));
    }
    let name = checked_name(text, name, rule)?;
    Ok(make(path, name))
}

/// The name, checked against `rule`. The quoted ARN is made only for a message: every request
/// checks its caller's name.
fn checked_name(text: &str, name: &str, rule: &NameRule) -> Result<String, ArnError> {
    let (what, what_ja) = (rule.what.en, rule.what.ja);
    let count = name.chars().count();
    if count == 0 {
        let q = quote(text);
        return Err(ArnError::new(
            format!("{q} has no {what}"),
            format!("{q} に{what_ja}がありません"),
        ));
    }
    if let Some(bad) = name.chars().find(|c| !is_name_char(*c)) {
        let (q, n, b) = (quote(text), quote(name), quote(&bad.to_string()));
        return Err(ArnError::new(
            format!("{q} has the {what} {n}, which holds {b}; names use letters, digits and `_+=,.@-`"),
            format!("{q} の{what_ja} {n} に {b} が含まれています。名前に使えるのは英字、数字、`_+=,.@-` です"),
        ));
    }
    if count < rule.min || count > rule.max {
        let (q, min, max) = (quote(text), rule.min, rule.max);
        return Err(ArnError::new(
            format!("{q} has a {what} {count} long; a {what} has {min} to {max} characters"),
            format!("{q} の{what_ja}は {count} 文字です。{what_ja}は {min}〜{max} 文字です"),
        ));
    }
    Ok(name.to_string())
}

fn assumed_role(text: &str, rest: &str) -> Result<PrincipalArn, ArnError> {
    let Some((role, session)) = rest.split_once('/') else {
        let q = quote(text);
        return Err(ArnError::new(
            format!(
                "{q} is not a role session ARN: it is written \
                 `arn:aws:sts::ACCOUNT:assumed-role/ROLE-NAME/SESSION-NAME`"
            ),
            format!("{q} はロールセッションの ARN ではありません。`arn:aws:sts::ACCOUNT:assumed-role/ROLE-NAME/SESSION-NAME` と書きます"),
        ));
    };
    Ok(PrincipalArn::AssumedRole {
        account: String::new(),
        role_name: checked_name(text, role, &ROLE)?,
        session_name: checked_name(text, session, &SESSION)?,
    })
}

/// The ARN of a session of `role_arn` named `session`: the role's partition and account, the
/// role's name without its path (semantics notes §3.5; IAM User Guide, "IAM identifiers").
pub fn role_session_arn(role_arn: &str, session: &str) -> Result<String, ArnError> {
    let partition = Arn::parse(role_arn)?.partition;
    match PrincipalArn::parse(role_arn)? {
        Some(PrincipalArn::Role { account, name, .. }) => Ok(format!(
            "arn:{partition}:sts::{account}:assumed-role/{name}/{session}"
        )),
        _ => {
            let q = quote(role_arn);
            Err(ArnError::new(
                format!("{q} is not a role ARN (`arn:aws:iam::ACCOUNT:role/NAME`)"),
                format!("{q} はロールの ARN ではありません (`arn:aws:iam::ACCOUNT:role/NAME`)"),
            ))
        }
    }
}

#[cfg(test)]
mod tests;
