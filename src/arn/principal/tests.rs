//! Examples from the IAM User Guide's "IAM identifiers" page and the STS API reference.

use super::*;

fn s(text: &str) -> String {
    text.to_string()
}

#[test]
fn classifies_the_documented_identity_arns() {
    let a = "123456789012";
    let cases = vec![
        ("arn:aws:iam::123456789012:root", PrincipalArn::Root { account: s(a) }),
        (
            "arn:aws:iam::123456789012:user/JohnDoe",
            PrincipalArn::User { account: s(a), path: s("/"), name: s("JohnDoe") },
        ),
        (
            "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JaneDoe",
            PrincipalArn::User {
                account: s(a),
                path: s("/division_abc/subdivision_xyz/"),
                name: s("JaneDoe"),
            },
        ),
        (
            "arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess",
            PrincipalArn::Role {
                account: s(a),
                path: s("/application_abc/component_xyz/"),
                name: s("RDSAccess"),
            },
        ),
        (
            "arn:aws:iam::123456789012:group/Developers",
            PrincipalArn::Group { account: s(a), path: s("/"), name: s("Developers") },
        ),
        (
            "arn:aws:iam::123456789012:instance-profile/Webserver",
            PrincipalArn::InstanceProfile { account: s(a), path: s("/"), name: s("Webserver") },
        ),
        (
            "arn:aws:iam::123456789012:policy/UsersManageOwnCredentials",
            PrincipalArn::Policy {
                account: s(a),
                path: s("/"),
                name: s("UsersManageOwnCredentials"),
            },
        ),
        (
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            PrincipalArn::Policy {
                account: s("aws"),
                path: s("/service-role/"),
                name: s("AWSLambdaBasicExecutionRole"),
            },
        ),
        (
            "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
            PrincipalArn::OidcProvider {
                account: s(a),
                url: s("token.actions.githubusercontent.com"),
            },
        ),
        (
            "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
            PrincipalArn::OidcProvider {
                account: s(a),
                url: s("oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"),
            },
        ),
        (
            "arn:aws:iam::123456789012:saml-provider/ADFSProvider",
            PrincipalArn::SamlProvider { account: s(a), name: s("ADFSProvider") },
        ),
        (
            "arn:aws:sts::123456789012:assumed-role/Accounting-Role/Mary",
            PrincipalArn::AssumedRole {
                account: s(a),
                role_name: s("Accounting-Role"),
                session_name: s("Mary"),
            },
        ),
        (
            "arn:aws:sts::123456789012:federated-user/Bob",
            PrincipalArn::FederatedUser { account: s(a), name: s("Bob") },
        ),
    ];
    for (text, expected) in cases {
        let got = PrincipalArn::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(got, Some(expected), "{text}");
    }
}

#[test]
fn other_services_and_other_iam_resources_are_not_identities() {
    for text in [
        "arn:aws:s3:::reports",
        "arn:aws:lambda:us-east-1:123456789012:function:f",
        "arn:aws:iam::123456789012:mfa/alice",
        "arn:aws:iam::123456789012:server-certificate/c",
    ] {
        assert_eq!(PrincipalArn::parse(text), Ok(None), "{text}");
    }
}

#[test]
fn refuses_malformed_identity_arns_with_a_sentence() {
    let cases = [
        (
            "arn:aws:iam::12345:user/a",
            "`arn:aws:iam::12345:user/a` has an account ID of 5 digits; an AWS account ID has 12",
        ),
        ("arn:aws:iam:::role/x", "has no account ID"),
        (
            "arn:aws:iam::aws:role/x",
            "has `aws` where the account ID goes",
        ),
        (
            "arn:aws:iam:us-east-1:123456789012:role/x",
            "has the region `us-east-1`",
        ),
        ("arn:aws:iam::123456789012:role/", "has no role name"),
        (
            "arn:aws:iam::123456789012:role/app//x",
            "has the path `/app//`",
        ),
        ("arn:aws:iam::123456789012:user/alice smith", "holds ` `"),
        ("arn:aws:iam::123456789012:role/a:b", "holds `:`"),
        (
            "arn:aws:sts::123456789012:assumed-role/Deployer",
            "is not a role session ARN",
        ),
        (
            "arn:aws:sts::123456789012:assumed-role/Deployer/s",
            "has a role session name 1 long; a role session name has 2 to 64 characters",
        ),
        (
            "arn:aws:sts::123456789012:assumed-role/Deployer/a/b",
            "holds `/`",
        ),
        (
            "arn:aws:sts::123456789012:federated-user/B",
            "a federated user name 1 long",
        ),
    ];
    for (text, expected) in cases {
        let error = PrincipalArn::parse(text).expect_err(text);
        assert!(
            error.message.contains(expected),
            "{text}: {}",
            error.message
        );
    }
    let long_role = format!("arn:aws:iam::123456789012:role/{}", "r".repeat(65));
    let error = PrincipalArn::parse(&long_role).expect_err("65-character role name");
    assert!(error
        .message
        .contains("a role name 65 long; a role name has 1 to 64 characters"));
}

#[test]
fn session_arn_drops_the_role_path_and_keeps_partition_and_account() {
    let cases = [
        (
            "arn:aws:iam::444455556666:role/app/ci/Deployer",
            "s1",
            "arn:aws:sts::444455556666:assumed-role/Deployer/s1",
        ),
        (
            "arn:aws-cn:iam::111122223333:role/Reader",
            "alice",
            "arn:aws-cn:sts::111122223333:assumed-role/Reader/alice",
        ),
    ];
    for (role, session, expected) in cases {
        assert_eq!(role_session_arn(role, session).as_deref(), Ok(expected));
    }
    let error = role_session_arn("arn:aws:iam::444455556666:user/alice", "s1").unwrap_err();
    assert!(error.message.contains("is not a role ARN"));
}

#[test]
fn kind_and_account_are_reported() {
    let role = PrincipalArn::parse("arn:aws:iam::444455556666:role/R")
        .unwrap()
        .unwrap();
    assert_eq!(
        (role.account(), role.kind_name()),
        ("444455556666", "an IAM role")
    );
}
