//! The shapes of principal values: accounts, IAM and STS ARNs, service names, identity
//! providers. Source: IAM User Guide, "AWS JSON policy elements: Principal" and "IAM
//! identifiers" (semantics notes §3.1, §3.2).

/// The identity providers that a role trust policy can name without an ARN (IAM User Guide,
/// "Principal", web identity session principals).
pub(crate) const BUILT_IN_PROVIDERS: &[&str] = &[
    "accounts.google.com",
    "cognito-identity.amazonaws.com",
    "graph.facebook.com",
    "www.amazon.com",
];

/// The six parts of an ARN, if `value` has them.
pub(crate) fn arn_parts(value: &str) -> Option<[&str; 6]> {
    let mut it = value.splitn(6, ':');
    let parts = [
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
        it.next()?,
    ];
    (parts[0] == "arn" && !parts[1].is_empty()).then_some(parts)
}

fn is_account(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Account IDs, IAM and STS principal ARNs, and the unique IDs (`AIDA...`, `AROA...`) that IAM
/// shows after a principal is deleted (semantics notes §3.1, §3.2).
pub(crate) fn is_aws_principal(v: &str) -> bool {
    if is_account(v) {
        return true;
    }
    if v.len() >= 16
        && v.starts_with('A')
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return true;
    }
    let Some([_, _, service, region, account, resource]) = arn_parts(v) else {
        return false;
    };
    let named = |prefix: &str| resource.strip_prefix(prefix).is_some_and(|n| !n.is_empty());
    let shape_ok = match service {
        "iam" => resource == "root" || named("user/") || named("role/"),
        "sts" => {
            named("federated-user/")
                || resource
                    .strip_prefix("assumed-role/")
                    .and_then(|rest| rest.split_once('/'))
                    .is_some_and(|(role, session)| !role.is_empty() && !session.is_empty())
        }
        _ => false,
    };
    shape_ok && region.is_empty() && is_account(account)
}

pub(crate) fn is_service_principal(v: &str) -> bool {
    v.contains('.')
        && !v.starts_with('.')
        && !v.ends_with('.')
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// What a `Federated` principal names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Federated {
    Saml,
    /// An IAM OIDC provider, with its host and path (`token.actions.githubusercontent.com`).
    Oidc(String),
    /// `accounts.google.com` and the other providers named without an ARN.
    BuiltIn(String),
    Unknown,
}

pub(crate) fn federated_kind(v: &str) -> Federated {
    if BUILT_IN_PROVIDERS.contains(&v) {
        return Federated::BuiltIn(v.to_string());
    }
    let Some([_, _, "iam", "", account, resource]) = arn_parts(v) else {
        return Federated::Unknown;
    };
    if !is_account(account) {
        return Federated::Unknown;
    }
    match resource.split_once('/') {
        Some(("saml-provider", name)) if !name.is_empty() => Federated::Saml,
        Some(("oidc-provider", host)) if !host.is_empty() => Federated::Oidc(host.to_string()),
        _ => Federated::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principal_shapes() {
        let aws = [
            ("123456789012", true),
            ("arn:aws:iam::123456789012:root", true),
            ("arn:aws-cn:iam::123456789012:role/path/R", true),
            ("arn:aws:sts::123456789012:assumed-role/R/session", true),
            ("arn:aws:sts::123456789012:assumed-role/R", false),
            ("arn:aws:sts::123456789012:federated-user/bob", true),
            ("arn:aws:iam::123456789012:group/admins", false),
            ("arn:aws:iam:us-east-1:123456789012:root", false),
            ("AROACQRSTUVWRAOEXAMPLE", true),
            ("12345678901", false),
        ];
        for (v, want) in aws {
            assert_eq!(is_aws_principal(v), want, "{v}");
        }
        assert!(is_service_principal("states.us-east-1.amazonaws.com"));
        assert!(!is_service_principal("Lambda.amazonaws.com") && !is_service_principal("lambda"));
        let gh = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        assert_eq!(
            federated_kind(gh),
            Federated::Oidc("token.actions.githubusercontent.com".into())
        );
        assert_eq!(
            federated_kind("arn:aws:iam::123456789012:saml-provider/Corp"),
            Federated::Saml
        );
        assert_eq!(
            federated_kind("www.amazon.com"),
            Federated::BuiltIn("www.amazon.com".into())
        );
        assert_eq!(
            federated_kind("arn:aws:iam::123456789012:saml-provider/"),
            Federated::Unknown
        );
    }
}
